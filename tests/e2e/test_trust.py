"""End to end: a coach you can trust: the right zone, the dates people mean, true counts, the
right interview, easy corrections, free movement between questions, and news understood.

Every message in these tests also goes through the one-voice check (conftest.one_voice): each
date it states must be one of the user's plans at that moment.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from telegram.ext import Application

from followup.core.model import Outcome
from tests.support.bot import running_bot
from tests.support.clock import Clock, london
from tests.support.driver import log_interview, next_new, say, settled, tap
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.stores import (
    Backend,
    pending_nudges,
    stored_interviews,
    stored_settings,
)

Bot = Application  # type: ignore[type-arg]


async def log_direct(user: FakeUser, company: str, when: str, decision: str = "no") -> None:
    """A direct interview at `when` (typed), debriefed in full."""
    await log_interview(
        user, company, when=when, decision=decision, extras="neither", rating="good", notes="skip"
    )


# --- The zone on first use ------------------------------------------------------------------------


async def test_a_newcomer_is_asked_where_they_are_before_the_first_time_question(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(datetime(2026, 11, 25, 8, 15, tzinfo=ZoneInfo("UTC")))  # 09:15 in Berlin
    newcomer = fake.user(4004, "Nina")
    async with running_bot(fake, backend, clock):
        await say(newcomer, "/new")
        await say(newcomer, "Acme")
        where = await tap(newcomer, "Skip")
        assert "Where are you?" in where.text and where.button_texts == ["Keep Europe/London"]
        # Each confirmation opens the next question's message: one bubble per answer.
        country = await say(newcomer, "Berlin")
        assert "Europe/Berlin" in country.text and "public holidays" in country.text
        assert "Germany" in country.button_texts
        back = await tap(newcomer, "Germany")
        assert "Germany" in back.text and "Back to where we were" in back.text
        assert "When was" in back.text and "It just ended" in back.button_texts
        await tap(newcomer, "It just ended")
        await tap(newcomer, "No, I applied directly")
        # 09:15 in Berlin is inside working hours: both checks are asked, nothing assumed.
        assert "Two quick checks" in (await tap(newcomer, "They didn't say")).text


async def test_a_new_interview_started_before_the_zone_is_settled_skips_the_welcome_offer(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(datetime(2026, 12, 6, 18, 10, tzinfo=ZoneInfo("UTC")))  # Sunday
    newcomer = fake.user(4005, "Omar")
    async with running_bot(fake, backend, clock):
        await say(newcomer, "/start")  # the welcome, then "where are you?"
        assert "Where are you?" in (await next_new(newcomer)).text
        await say(newcomer, "/new")  # not answered: straight to logging
        await say(newcomer, "Zalando")
        assert "Where are you?" in (await tap(newcomer, "Skip")).text
        back = await tap(newcomer, "Keep Europe/London")
        if "public holidays" in back.text:
            back = await tap(newcomer, "Don't skip holidays")
        # The waiting question comes back; the welcome's "Shall we log an interview?" does not.
        assert "When was" in back.text and "Shall we log" not in back.text
        await newcomer.expect_silence()


async def test_timezone_mid_debrief_comes_back_to_the_open_question(
    bot: Bot, ann: FakeUser
) -> None:
    await say(ann, "/new")
    await say(ann, "Acme")
    await tap(ann, "Skip")
    await tap(ann, "It just ended")
    decision = await tap(ann, "No, I applied directly")
    assert "decide" in decision.text
    holidays = await say(ann, "/timezone Tokyo")
    assert "Asia/Tokyo" in holidays.text and "public holidays" in holidays.text
    back = await tap(ann, "Don't skip holidays")
    assert "Back to where we were" in back.text and back.text.endswith(decision.text)
    assert back.button_texts == decision.button_texts
    assert "Two quick checks" in (await tap(ann, "They didn't say")).text


async def test_a_typed_time_stays_as_typed_when_the_zone_changes(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_direct(ann, "Acme", "yesterday 4pm")
    await say(ann, "/timezone Bangalore")  # saved; which public holidays?
    await tap(ann, "Don't skip holidays")
    status = await say(ann, "/status")
    assert "yesterday 16:00" in status.text  # not 21:30: it is what they typed
    (interview,) = await stored_interviews(backend, ann.id)
    assert interview.wall_clock


# --- Dates a person means -------------------------------------------------------------------


async def test_a_date_that_could_mean_two_days_is_asked_back(bot: Bot, ann: FakeUser) -> None:
    await say(ann, "/new")
    await say(ann, "Acme")
    await tap(ann, "Skip")
    await tap(ann, "It just ended")
    await tap(ann, "No, I applied directly")
    asked = await say(ann, "12/3")
    assert "could be either" in asked.text
    assert asked.button_texts == ["Thu 3 Dec", "Fri 12 Mar 2027"]
    assert "Two quick checks" in (await tap(ann, "Thu 3 Dec")).text
    for answer in ("neither", "good"):
        await say(ann, answer)
    summary = await say(ann, "skip")
    assert "They'll decide by: Thu 3 Dec" in summary.text
    assert "No news by Fri 4 Dec?" in summary.text  # a working day after their date


async def test_decision_phrasings_read_forward(bot: Bot, ann: FakeUser, clock: Clock) -> None:
    clock.go(london(11, 30, 10), wake=False)  # Monday 30 November
    for number, (typed, expected) in enumerate(
        [
            ("by the 10th", "Thu 10 Dec"),
            ("next week", "Fri 11 Dec"),
            ("Sometime next week", "Fri 11 Dec"),  # the button's words, typed
            ("in 2 weeks", "Mon 14 Dec"),
            ("friday", "Fri 4 Dec"),
        ]
    ):
        await say(ann, "/new")
        await say(ann, f"Company {number}")
        await tap(ann, "Skip")
        await say(ann, "It just ended")  # typed, not tapped
        await tap(ann, "No, I applied directly")
        assert "Two quick checks" in (await say(ann, typed)).text, typed
        for answer in ("neither", "good"):
            await say(ann, answer)
        assert f"They'll decide by: {expected}" in (await say(ann, "skip")).text, typed


async def test_a_past_date_is_refused_and_gibberish_is_asked_again(
    bot: Bot, ann: FakeUser, clock: Clock
) -> None:
    clock.go(london(11, 30, 10), wake=False)
    await say(ann, "/new")
    await say(ann, "Acme")
    await tap(ann, "Skip")
    await tap(ann, "It just ended")
    await tap(ann, "No, I applied directly")
    assert "Wed 25 Nov is before the interview" in (await say(ann, "11/25")).text
    assert "decide" in (await next_new(ann)).text  # asked again
    assert "couldn't read" in (await say(ann, "blorp")).text


# --- One email, one count -------------------------------------------------------------------------


async def test_one_email_logged_twice_is_asked_about_and_counts_once(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await log_direct(ann, "Acme", "just now")
        clock.go(london(12, 2, 10, 1))  # the follow-up day: the nudge comes
        nudge = await next_new(ann, 10)
        while "follow up" not in nudge.text:
            nudge = await next_new(ann, 10)
        verdict = await say(ann, "should I chase them yet?")
        assert verdict.text.startswith("Yes")
        logged = await tap(ann, "I sent it")
        assert "first follow-up" in logged.text and "Wed 9 Dec" in logged.text
        await ann.press("✅ I sent it", nudge)  # the same email, from the nudge
        asked = await next_new(ann)
        assert "Was this another email, or the same one?" in asked.text
        kept = await tap(ann, "The same email")
        assert "counted it once" in kept.text and "Wed 9 Dec" in kept.text
        again = await say(ann, "should I chase them yet?")
        assert again.text.startswith("Not yet.") and "again from Wed 9 Dec" in again.text
    (interview,) = await stored_interviews(backend, ann.id)
    assert len(interview.chases) == 1


async def test_two_follow_ups_then_the_move_on_day_agrees_everywhere(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await log_direct(ann, "Acme", "just now")
        await say(ann, "/pause")
        clock.go(london(12, 2, 11), wake=False)
        await say(ann, "should I chase?")
        await tap(ann, "I sent it")
        clock.go(london(12, 9, 11), wake=False)
        await say(ann, "should I chase?")
        second = await tap(ann, "I sent it")
        assert "second follow-up" in second.text and "Wed 16 Dec" in second.text
        verdict = await say(ann, "should I chase?")
        assert verdict.text.startswith("Not yet.") and "Wed 16 Dec" in verdict.text
        status = await say(ann, "/status")
        assert "time to move on, Wed 16 Dec, 10:00" in status.text
        clock.go(london(12, 16, 9), wake=False)
        assert (await say(ann, "should I chase?")).text.startswith("Time to move on.")


# --- Working days and the right interview ------------------------------------------------------


async def test_a_yes_asked_on_a_saturday_says_monday(bot: Bot, ann: FakeUser, clock: Clock) -> None:
    await log_direct(ann, "Acme", "just now")
    clock.go(london(12, 5, 11), wake=False)  # Saturday, after the first follow-up day
    verdict = await say(ann, "should I follow up?")
    assert "on Mon 7 Dec" in verdict.text and "today" not in verdict.text
    assert "weekend" in verdict.text


async def test_answers_are_about_the_interview_named(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_direct(ann, "Acme", "just now")
    await log_direct(ann, "Globex", "just now")
    await say(ann, "/heard Acme")
    await tap(ann, "Rejected")
    closed = await say(ann, "should I follow up with Acme?")
    assert "You already heard back from Acme" in closed.text
    assert closed.button_texts == ["↩️ Reopen it"]
    unknown = await say(ann, "should I chase Initech?")
    assert "haven't logged an interview with Initech" in unknown.text and "Globex" in unknown.text
    assert unknown.button_texts[0] == "📝 Log Initech"  # offered to log it, then the open one
    assert unknown.button_texts[1].startswith("Globex")
    only = await say(ann, "should I chase them?")
    assert not only.text.startswith("About")  # one open interview: no need to say which


async def test_with_two_rounds_the_one_that_happened_is_answered(bot: Bot, ann: FakeUser) -> None:
    await log_direct(ann, "Acme", "just now")
    await say(ann, "/new")
    await say(ann, "Acme")
    await tap(ann, "No, a separate interview")  # both stay open
    await tap(ann, "Skip")
    await say(ann, "next tuesday 10am")  # another Acme interview, still to come
    verdict = await say(ann, "should I chase Acme?")
    assert verdict.text.startswith("About Acme:") and "Not yet." in verdict.text
    assert "still to come" not in verdict.text  # the round that happened, not the next one


async def test_a_closed_interview_can_be_reopened(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_direct(ann, "Acme", "just now")
    await say(ann, "/heard")
    closed = await tap(ann, "Rejected")
    reopened = await tap(ann, "Undo")
    assert "Reopened Acme" in reopened.text
    assert "Not yet." in (await next_new(ann)).text
    (interview,) = await stored_interviews(backend, ann.id)
    assert interview.is_open and closed.button_texts == ["↩️ Undo"]


# --- Messages that agree: a late debrief --------------------------------------------------------


async def test_a_late_debrief_folds_what_is_due_into_its_summary(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        summary = await log_interview(
            ann, when="11/11 10am",  # two weeks ago
            decision="no", extras="neither", rating="good", notes="skip",
        )  # fmt: skip
        assert "long enough to follow up with Acme" in summary.text
        assert "Silence for a day or two" not in summary.text
        assert summary.button_texts == ["✍️ Draft it for me", "✅ I sent it"]
        assert "did you send it?, tomorrow 10:00" in summary.text
        clock.go(london(11, 25, 14, 5))
        await ann.expect_silence(0.5)  # nothing repeats what the summary just said


# --- Corrections ------------------------------------------------------------------------------


async def test_a_decision_date_edited_from_status_re_plans_everything(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_direct(ann, "Acme", "just now")
    await say(ann, "/status")
    what = await tap(ann, "✏️ Acme")
    assert "What would you like to change about Acme?" in what.text
    await tap(ann, "When they'll decide")
    updated = await say(ann, "friday")
    assert "Updated Acme" in updated.text and "follow up from Mon 30 Nov" in updated.text
    assert "decide by Fri 27 Nov" in updated.text  # the day as read, stated back
    verdict = await say(ann, "should I chase?")
    assert "follow up from Mon 30 Nov" in verdict.text
    (chase,) = [n for n in await pending_nudges(backend, ann.id) if n.kind.value == "chase"]
    assert chase.due == london(11, 30, 10)


async def test_an_interview_is_deleted_only_after_asking(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_direct(ann, "Acme", "just now")
    await say(ann, "/status")
    await tap(ann, "✏️ Acme")
    assert "Delete Acme and all its reminders" in (await tap(ann, "Delete it")).text
    assert "Kept Acme" in (await tap(ann, "Keep it")).text
    assert await stored_interviews(backend, ann.id)
    await say(ann, "/status")
    await tap(ann, "✏️ Acme")
    await tap(ann, "Delete it")
    assert "Deleted Acme" in (await tap(ann, "Yes, delete it")).text
    assert await stored_interviews(backend, ann.id) == []


async def test_other_asks_what_happened_and_a_new_date_re_plans(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_direct(ann, "Acme", "just now")
    await say(ann, "/heard")
    asked = await tap(ann, "Other")
    assert "What happened with Acme?" in asked.text
    await tap(ann, "They need more time")
    saved = await say(ann, "the 10th")
    assert "decide by Thu 10 Dec" in saved.text and "follow up from Fri 11 Dec" in saved.text
    (interview,) = await stored_interviews(backend, ann.id)
    assert interview.is_open and str(interview.decision_date) == "2026-12-10"


# --- Free movement ----------------------------------------------------------------------------


async def test_cancel_withdraws_a_pending_forget(bot: Bot, ann: FakeUser, backend: Backend) -> None:
    await log_direct(ann, "Acme", "just now")
    confirm = await say(ann, "/forget")
    assert "Stopped" in (await say(ann, "/cancel")).text
    await ann.press("🗑 Yes, delete everything", confirm)
    await ann.expect_silence(0.3)
    assert "earlier question" in (ann.answered_callbacks[-1] or "")
    assert await stored_interviews(backend, ann.id)


async def test_a_nudge_button_works_while_another_question_is_open(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await log_direct(ann, "Acme", "just now")
        clock.go(london(11, 25, 16, 1))
        thanks = await next_new(ann, 10)
        assert "thank-you" in thanks.text
        await say(ann, "/heard")  # the outcome question is open…
        await ann.press("✅ Sent it", thanks)  # …and the nudge's button still works
        assert "thank-you sent" in (await next_new(ann)).text


# --- News understood ------------------------------------------------------------------------------


async def test_typed_news_is_recorded_without_asking_what_the_words_said(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_direct(ann, "Acme", "just now")
    offer = await say(ann, "I GOT THE JOB!!! 🎉")
    assert "Congratulations on the offer from Acme" in offer.text
    # The offer asks by when they need an answer: days to tap, none, the written offer, undo.
    assert offer.button_texts[3:] == ["No deadline", "✍️ Ask for it in writing", "↩️ Undo"]
    await log_direct(ann, "Globex", "just now")
    rejected = await say(ann, "got rejected by globex :(")
    assert "Sorry it didn't work out with Globex" in rejected.text
    outcomes = {i.company: i.outcome for i in await stored_interviews(backend, ann.id)}
    assert outcomes == {"Acme": Outcome.OFFER, "Globex": Outcome.REJECTED}


async def test_news_that_does_not_say_what_asks(bot: Bot, ann: FakeUser) -> None:
    await log_direct(ann, "Acme", "just now")
    asked = await say(ann, "they called!")
    assert "What did Acme say?" in asked.text and len(asked.button_texts) == 5


async def test_settled_users_start_with_their_zone(fake: FakeTelegram, backend: Backend) -> None:
    user = await settled(backend, fake.user(5005, "Sam"), zone="America/New_York")
    settings = await stored_settings(backend, user.id)
    assert settings is not None and settings.zone_confirmed
