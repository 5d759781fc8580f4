"""End to end: timed nudges through the real JobQueue/APScheduler path, with the clock moved.

time-machine moves the wall clock (which both the bot and APScheduler read); waking the scheduler
makes it look at the new time at once. Nothing here sleeps to let time pass.
"""

from __future__ import annotations

from telegram.ext import Application

from followup.core.model import NudgeKind, NudgeState
from tests.support.bot import running_bot, sends_settled
from tests.support.clock import START, Clock, london
from tests.support.driver import log_interview, next_new, say, tap
from tests.support.fake_telegram import BotMessage, FakeTelegram, FakeUser
from tests.support.stores import Backend, stored_interviews, stored_settings

Bot = Application  # type: ignore[type-arg]
LONDON_WED_2PM = START  # Wed 25 Nov 2026, 14:00 in London (GMT)


async def log_agency_interview(user: FakeUser, *, contact: str = "Got a card / email") -> None:
    """Agency interview that just ended, recruiter Sam, no decision date."""
    notes = "Met Priya; she asked about scaling the billing service"
    await log_interview(
        user, "Acme", role="Backend engineer", agency="Sam", extras=contact, notes=notes
    )


async def nudge(user: FakeUser, app: Bot | None = None) -> BotMessage:
    """The next nudge; given the bot, once its send is settled (a person reads before tapping)."""
    message = await next_new(user, timeout=10)
    if app is not None:
        await sends_settled(app)
    return message


async def kinds(backend: Backend, user_id: int, state: NudgeState) -> list[NudgeKind]:
    async with backend.repository() as store:
        return [n.kind for n in await store.nudges(user_id) if n.state is state]


async def test_a_full_timeline_arrives_at_the_right_local_times(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock) as app:
        await log_agency_interview(ann)
        clock.go(london(11, 25, 15, 1))
        feedback = await nudge(ann, app)
        assert "called Sam" in feedback.text and "Acme" in feedback.text
        assert feedback.button_texts == [
            "📋 Notes for the call", "✅ Done, I called", "⏰ In 1 hour", "🌅 Tomorrow morning",
            "📬 I heard back",
        ]  # fmt: skip
        assert "feedback given" in (await tap(ann, "Done, I called")).text

        clock.go(london(11, 25, 16, 1))
        thanks = await nudge(ann, app)
        assert "thank-you" in thanks.text and "Acme" in thanks.text
        draft = await tap(ann, "Draft it")
        assert "Hi Priya," in draft.text and "billing service" in draft.text
        assert draft.text.rstrip().endswith("Ann")  # signed
        # The log button stays under the draft, above the other languages to write it in.
        assert draft.button_texts == ["✅ Sent it", "✉️ Deutsch", "✉️ Español", "✉️ Русский"]
        await ann.press("In 1 hour", thanks)
        assert "17:01" in (await next_new(ann)).text
        clock.go(london(11, 25, 17, 2))
        assert "thank-you" in (await nudge(ann, app)).text
        assert "thank-you sent" in (await tap(ann, "Sent it")).text

        clock.go(london(11, 27, 10, 1))  # Friday: two business days of silence
        reassurance = await nudge(ann, app)
        assert "Acme" in reassurance.text and "Wed 2 Dec" in reassurance.text

        clock.go(london(12, 2, 10, 1))  # five business days after
        chase = await nudge(ann, app)
        assert "follow up" in chase.text and "Sam" in chase.text
        logged = await tap(ann, "I sent it")
        assert "Wed 9 Dec" in logged.text

        clock.go(london(12, 9, 10, 1))
        assert "Still nothing" in (await nudge(ann, app)).text
        await tap(ann, "I sent it")
        clock.go(london(12, 16, 10, 1))
        assert "energy elsewhere" in (await nudge(ann, app)).text
        await ann.expect_silence(0.3)
    assert await kinds(backend, ann.id, NudgeState.PENDING) == []


async def test_quiet_hours_hold_a_nudge_until_morning(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    clock.go(london(11, 25, 20, 30))  # an evening interview, just ended
    async with running_bot(fake, backend, clock):
        await log_agency_interview(ann, contact="No")
        clock.go(london(11, 25, 21, 35))  # feedback would be due 21:30: quiet hours
        await ann.expect_silence(0.3)
        clock.go(london(11, 26, 8, 31))
        assert "called Sam" in (await nudge(ann)).text


async def test_i_heard_back_stops_every_nudge(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await log_agency_interview(ann)
        clock.go(london(11, 25, 15, 1))
        await nudge(ann)
        assert "What did Acme say" in (await tap(ann, "I heard back")).text
        assert "not what you're worth" in (await tap(ann, "Rejected")).text
        clock.go(london(12, 10, 12))  # the reply offer and the tip: stale
        await ann.expect_silence(0.3)
        assert "no open interviews" in (await say(ann, "/status")).text
    assert await kinds(backend, ann.id, NudgeState.PENDING) == []


async def test_status_shows_the_next_nudge_in_local_time(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await log_agency_interview(ann)
        status = await say(ann, "/status")
        assert "Acme" in status.text and "next: call your recruiter, today 15:00" in status.text


async def test_a_restart_rearms_pending_nudges_and_sends_each_once(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await log_agency_interview(ann)
    async with running_bot(fake, backend, clock):
        clock.go(london(11, 25, 15, 1))
        assert "called Sam" in (await nudge(ann)).text
        await ann.expect_silence(0.2)
    async with running_bot(fake, backend, clock):
        clock.go(london(11, 25, 15, 30))
        await ann.expect_silence(0.3)
    assert await kinds(backend, ann.id, NudgeState.SENT) == [NudgeKind.RECRUITER_FEEDBACK]


async def test_downtime_sends_what_is_still_relevant_and_skips_the_stale(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await log_agency_interview(ann)
    clock.go(london(11, 30, 9, 0))  # down from Wednesday to the next Monday
    async with running_bot(fake, backend, clock):
        caught_up = await nudge(ann)
        assert "Wed 2 Dec" in caught_up.text  # the reassurance still fits; the rest went stale
        await ann.expect_silence(0.3)
    assert sorted(await kinds(backend, ann.id, NudgeState.SKIPPED)) == sorted(
        [NudgeKind.RECRUITER_FEEDBACK, NudgeKind.THANK_YOU]
    )


async def test_a_429_is_retried_after_retry_after(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await log_agency_interview(ann)
        fake.fail_next("sendMessage", 429, retry_after=1, chat_id=ann.id)
        clock.go(london(11, 25, 15, 1))
        assert "called Sam" in (await nudge(ann)).text
    assert any(status == 429 for _, status, _ in fake.errors)
    assert await kinds(backend, ann.id, NudgeState.SENT) == [NudgeKind.RECRUITER_FEEDBACK]


async def test_a_blocked_user_stops_receiving_until_they_return(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await log_agency_interview(ann)
        fake.block(ann.id)
        clock.go(london(11, 25, 15, 1))
        await ann.expect_silence(0.5)
        clock.go(london(11, 25, 16, 1))
        await ann.expect_silence(0.3)
        settings = await stored_settings(backend, ann.id)
        assert settings is not None and settings.blocked
        blocked_calls = len(fake.calls_to("sendMessage"))
        clock.go(london(11, 25, 17, 0))
        await ann.expect_silence(0.3)
        assert len(fake.calls_to("sendMessage")) == blocked_calls  # not retried forever
        fake.unblock(ann.id)
        await ann.send("hello again")
        texts = [(await next_new(ann)).text, (await nudge(ann)).text, (await nudge(ann)).text]
        assert any("called Sam" in t for t in texts) and any("thank-you" in t for t in texts)


async def test_pause_and_resume(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await log_agency_interview(ann)
        assert "paused" in (await say(ann, "/pause")).text
        assert "already paused" in (await say(ann, "/pause")).text
        clock.go(london(11, 25, 15, 1))
        await ann.expect_silence(0.3)
        assert "/resume" in (await say(ann, "/status")).text
        assert "back on" in (await say(ann, "/resume")).text
        assert "called Sam" in (await nudge(ann)).text
        assert "already on" in (await say(ann, "/resume")).text


async def test_future_interview_gets_a_check_in_that_opens_the_debrief(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await log_interview(ann, "Initech", when="tomorrow 10am")
        clock.go(london(11, 26, 11, 16))
        check_in = await nudge(ann)
        assert "How did it go at Initech" in check_in.text
        assert "decide" in (await tap(ann, "Debrief now")).text
        await tap(ann, "They didn't say")
        await tap(ann, "Neither")
        await tap(ann, "Great")
        summary = await tap(ann, "Skip")
        assert "Saved: Initech" in summary.text and "great" in summary.text
    assert NudgeKind.CHECK_IN not in await kinds(backend, ann.id, NudgeState.PENDING)
    assert NudgeKind.REASSURANCE in await kinds(backend, ann.id, NudgeState.PENDING)


async def test_nudge_buttons_are_checked_against_the_presser(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, bob: FakeUser,
    clock: Clock,
) -> None:  # fmt: skip
    async with running_bot(fake, backend, clock):
        await log_agency_interview(ann)
        clock.go(london(11, 25, 15, 1))
        ann_nudge = await nudge(ann)
        done_data = next(
            b.callback_data for row in ann_nudge.buttons for b in row if "Done" in b.text
        )
        assert done_data is not None
        await bob.press_data(done_data)
        assert "don't recognise" in (await bob.next_callback_answer() or "")
        await bob.press_data(done_data.replace("done", "heard"))
        assert "don't recognise" in (await bob.next_callback_answer() or "")
        await ann.press("Done, I called")
        await next_new(ann)
        await ann.press_data(done_data, ann_nudge.message_id)  # pressing it again does nothing new
        assert "no longer active" in (await next_new(ann)).text
    (interview,) = await stored_interviews(backend, ann.id)
    assert interview.feedback_given is not None and interview.is_open


async def test_after_a_rejection_a_reply_draft_the_next_day_then_the_tip(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await log_agency_interview(ann)
        await say(ann, "/heard")
        rejected = await tap(ann, "Rejected")
        assert "not what you're worth" in rejected.text and "tip" not in rejected.text
        await ann.expect_silence(0.3)  # no survey at a painful moment
        clock.go(london(11, 26, 10, 1))
        offer = await nudge(ann)
        assert "reply" in offer.text and offer.button_texts == ["✍️ Draft a reply", "No thanks"]
        draft = await tap(ann, "Draft a reply")
        assert "Hi Sam," in draft.text and "feedback" in draft.text  # via the agency
        clock.go(london(11, 27, 18, 1))
        tip = await nudge(ann)
        assert "tip" in tip.text and "/export" in tip.text and "don't pass it on" in tip.text
        assert "one message" in (await tap(ann, "Share a tip")).text
        assert "kept with your data" in (await say(ann, "Keep it short.")).text
    settings = await stored_settings(backend, ann.id)
    assert settings is not None and settings.tips == ("Keep it short.",) and settings.tip_asked


async def test_an_ignored_follow_up_nudge_asks_did_you_send_it(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock) as app:
        await log_agency_interview(ann)
        await say(ann, "/pause")
        await say(ann, "/resume")
        clock.go(london(12, 2, 9, 0), wake=False)
        clock.go(london(12, 2, 10, 1))  # the follow-up nudge, ignored
        first = await nudge(ann)
        while "follow up" not in first.text:
            first = await nudge(ann)
        await sends_settled(app)
        status = await say(ann, "/status")
        assert "next: did you send it?, tomorrow 10:00" in status.text
        clock.go(london(12, 3, 10, 1))  # the next working day
        asked = await nudge(ann)
        assert "Did you send that follow-up to Acme?" in asked.text
        assert asked.button_texts[:3] == [
            "✅ Yes, I sent it", "⏰ Not yet: remind me next working day", "I'll skip it"
        ]  # fmt: skip
        later = await tap(ann, "Not yet")
        assert "tomorrow 10:00" in later.text
        clock.go(london(12, 4, 10, 1))
        assert "Did you send" in (await nudge(ann)).text
        logged = await tap(ann, "Yes, I sent it")
        assert "first follow-up" in logged.text and "Fri 11 Dec" in logged.text
        status = await say(ann, "/status")
        assert "next: second follow-up, Fri 11 Dec, 10:00" in status.text


async def test_skipping_the_follow_up_ends_the_reminders(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock) as app:
        await log_agency_interview(ann)
        clock.go(london(12, 2, 9, 0), wake=False)
        clock.go(london(12, 2, 10, 1))
        message = await nudge(ann)
        while "follow up" not in message.text:
            message = await nudge(ann)
        await sends_settled(app)
        assert "did you send it?" in (await say(ann, "/status")).text
        clock.go(london(12, 3, 10, 1))
        await nudge(ann)
        assert "no more follow-up reminders" in (await tap(ann, "I'll skip it")).text
        clock.go(london(12, 20, 10, 1))
        await ann.expect_silence(0.3)
        verdict = await say(ann, "should I chase them yet?")
        assert verdict.text.startswith("Yes")  # asking still answers
    assert await kinds(backend, ann.id, NudgeState.PENDING) == []


async def test_snoozing_a_friday_follow_up_lands_on_monday(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    clock.go(london(11, 20, 14, 0))  # Friday 20 Nov: the follow-up is due Fri 27 Nov
    async with running_bot(fake, backend, clock):
        await log_agency_interview(ann)
        await say(ann, "/pause")
        clock.go(london(11, 27, 17, 0), wake=False)
        await say(ann, "/resume")
        message = await nudge(ann)
        while "follow up" not in message.text:
            message = await nudge(ann)
        await ann.press("Tomorrow morning", message)
        assert "Mon 30 Nov, 10:00" in (await next_new(ann)).text
        await ann.press("In 1 hour", message)
        assert "no longer active" not in (await next_new(ann)).text


async def test_a_snoozed_follow_up_comes_alone_and_did_you_send_it_waits_for_it(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    """The snoozed reminder is the user's own time: "did you send it?" follows it, never beside."""
    clock.go(london(11, 20, 14, 0))  # Friday 20 Nov: the follow-up is due Fri 27 Nov
    async with running_bot(fake, backend, clock) as app:
        await log_agency_interview(ann)
        await say(ann, "/pause")
        clock.go(london(11, 27, 10, 0), wake=False)
        await say(ann, "/resume")
        message = await nudge(ann)
        while "follow up" not in message.text:
            message = await nudge(ann)
        await sends_settled(app)
        await ann.press("Tomorrow morning", message)
        assert "Mon 30 Nov, 10:00" in (await next_new(ann)).text
        clock.go(london(11, 30, 10, 1))
        assert "follow up" in (await nudge(ann)).text
        await ann.expect_silence(0.5)  # not "did you send it?" in the same minute
        await sends_settled(app)
        status = await say(ann, "/status")
        assert "next: did you send it?, tomorrow 10:00" in status.text
        clock.go(london(12, 1, 10, 1))
        assert "Did you send that follow-up to Acme?" in (await nudge(ann)).text
