"""End to end: "should I chase them yet?" over an interview's life; outcomes; export; forget."""

from __future__ import annotations

import json

import icalendar
from telegram.ext import Application

from tests.support.clock import Clock, london
from tests.support.driver import log_interview, next_new, say, tap
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.stores import Backend, stored_interviews

Bot = Application  # type: ignore[type-arg]


async def log_agency_interview(user: FakeUser, company: str = "Acme") -> None:
    notes = "Met Priya; she asked about scaling the billing service"
    await log_interview(user, company, agency="Sam Jones", notes=notes)


async def test_the_answer_through_an_interviews_life(bot: Bot, ann: FakeUser, clock: Clock) -> None:
    await log_agency_interview(ann)
    await say(ann, "/pause")  # keep timed nudges out of this conversation

    clock.go(london(11, 25, 15), wake=False)  # one hour after
    answer = await say(ann, "should I chase them yet?")
    assert answer.text.startswith("Give your feedback first.")
    assert "Sam Jones" in answer.text
    assert answer.button_texts == ["📋 Notes for the call", "✅ Done, I called"]
    notes = await tap(ann, "Notes for the call")
    assert "Acme" in notes.text and "billing service" in notes.text
    await say(ann, "/chase")
    assert "feedback given" in (await tap(ann, "Done, I called")).text

    clock.go(london(11, 27, 14), wake=False)  # two days later, Friday
    answer = await say(ann, "is it too early to email them")
    assert answer.text.startswith("Not yet.")
    assert "2 working days" in answer.text and "follow up from Wed 2 Dec" in answer.text
    assert answer.button_texts == ["⏰ Remind me then", "✍️ Draft it for me", "✅ I sent it"]

    clock.go(london(12, 3, 14), wake=False)  # six business days after
    answer = await say(ann, "shuold I chse them yet")
    assert answer.text.startswith("Yes: send one short, polite follow-up today.")
    assert "6 working days" in answer.text and "changes" not in answer.text
    draft = await tap(ann, "Draft it for me")
    assert "Hi Sam" in draft.text and "Acme" in draft.text
    await say(ann, "/chase")
    logged = await tap(ann, "I sent it")
    assert "Logged your first follow-up to Acme" in logged.text and "Thu 10 Dec" in logged.text

    clock.go(london(12, 4, 9), wake=False)  # after one chase
    answer = await say(ann, "can I follow up now")
    assert answer.text.startswith("Not yet.")
    assert "You followed up on Thu 3 Dec" in answer.text and "again from Thu 10 Dec" in answer.text

    clock.go(london(12, 10, 11), wake=False)
    answer = await say(ann, "when should I chase")
    assert answer.text.startswith("Yes") and "last" in answer.text
    logged = await tap(ann, "I sent it")
    assert "second follow-up" in logged.text and "Thu 17 Dec" in logged.text

    clock.go(london(12, 11, 9), wake=False)  # after two chases, before the move-on day
    answer = await say(ann, "shall I ring the recruiter?")
    assert (
        answer.text.startswith("Not yet.") and "by Thu 17 Dec, it's time to move on" in answer.text
    )
    assert answer.button_texts == ["📬 I heard back"]

    clock.go(
        london(12, 17, 9), wake=False
    )  # the move-on day: the verdict, the nudge and /status agree
    answer = await say(ann, "shall I ring the recruiter?")
    assert answer.text.startswith("Time to move on.")
    assert answer.button_texts == ["📬 I heard back"]
    assert "What did Acme say" in (await tap(ann, "I heard back")).text
    offer = await tap(ann, "Offer")
    assert "Congratulations" in offer.text and "writing" in offer.text
    answer = await say(ann, "/chase")
    assert "You already heard back from Acme" in answer.text


async def test_several_interviews_ask_which_unless_named(
    bot: Bot, ann: FakeUser, clock: Clock
) -> None:
    await log_agency_interview(ann, "Acme")
    await log_agency_interview(ann, "Globex")
    await say(ann, "/pause")
    which = await say(ann, "should I chase them yet?")
    assert "Which interview" in which.text
    assert [label.split(" ·")[0] for label in which.button_texts] == ["Globex", "Acme"]
    assert "Sam Jones" in (await tap(ann, "Acme")).text
    named = await say(ann, "should I chase Globex?")
    assert named.text.startswith("About Globex:") and "Give your feedback first." in named.text


async def test_remind_me_then_points_at_the_planned_reminder(
    bot: Bot, ann: FakeUser, clock: Clock
) -> None:
    await log_agency_interview(ann)
    clock.go(london(11, 26, 9), wake=False)
    await say(ann, "/chase")
    reply = await tap(ann, "Remind me then")
    assert "I'll remind you Wed 2 Dec, 10:00" in reply.text


async def test_chase_buttons_only_work_on_the_pressers_interviews(
    bot: Bot, ann: FakeUser, bob: FakeUser, backend: Backend
) -> None:
    await log_agency_interview(ann)
    await say(ann, "/pause")
    answer = await say(ann, "/chase")
    data = answer.buttons[1][0].callback_data  # "Done, I called" on Ann's interview
    assert data is not None
    await bob.press_data(data)
    assert "don't recognise" in (await bob.next_callback_answer() or "")
    await bob.press_data(data.replace("called", "sent"))
    assert "don't recognise" in (await bob.next_callback_answer() or "")
    (interview,) = await stored_interviews(backend, ann.id)
    assert interview.feedback_given is None and interview.chases == ()


async def test_typed_news_opens_the_outcome_questions(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_agency_interview(ann)
    assert "What did Acme say" in (await say(ann, "they called!")).text
    round_ = await tap(ann, "Next round")
    assert "next round" in round_.text
    assert round_.button_texts == ["📝 Log the next round", "↩️ Undo"]
    when = await tap(ann, "Log the next round")
    assert "When" in when.text
    summary = await say(ann, "tomorrow 11am")
    assert "Saved: Acme" in summary.text and "kept the same route" in summary.text
    interviews = await stored_interviews(backend, ann.id)
    assert [(i.company, i.is_open) for i in interviews] == [("Acme", True), ("Acme", False)]


async def test_export_gives_json_and_a_valid_calendar(
    bot: Bot, ann: FakeUser, fake: FakeTelegram
) -> None:
    await log_agency_interview(ann)
    await ann.send("/export")
    data_message = await next_new(ann)
    calendar_message = await next_new(ann)
    assert data_message.document is not None and calendar_message.document is not None
    exported = json.loads(data_message.document.content)
    assert exported["interviews"][0]["company"] == "Acme"
    assert exported["interviews"][0]["notes"].startswith("Met Priya")
    assert {n["kind"] for n in exported["nudges"]} >= {"recruiter_feedback", "chase"}
    calendar = icalendar.Calendar.from_ical(calendar_message.document.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len([n for n in exported["nudges"] if n["state"] == "pending"])
    assert all("Acme" in str(event["summary"]) for event in events)


async def test_forget_deletes_everything_after_confirming(
    bot: Bot, ann: FakeUser, backend: Backend, clock: Clock
) -> None:
    await log_agency_interview(ann)
    confirm = await say(ann, "/forget")
    assert "Delete everything?" in confirm.text
    assert "Kept" in (await tap(ann, "Keep my data")).text
    assert await stored_interviews(backend, ann.id)
    await say(ann, "/forget")
    assert "everything about you is deleted" in (await tap(ann, "Yes, delete everything")).text
    assert "no open interviews" in (await say(ann, "/status")).text
    async with backend.repository() as store:
        assert await store.interviews(ann.id) == [] and await store.nudges(ann.id) == []
    clock.advance(days=10)
    assert bot.job_queue is not None
    bot.job_queue.scheduler.wakeup()
    await ann.expect_silence(0.5)


async def test_an_unknown_company_is_said_unlogged_and_offered_to_log(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    for company in ("Acme", "Globex", "Hooli"):
        await log_interview(ann, company)
    unknown = await say(ann, "should i follow up with initech?")
    assert "haven't logged an interview with Initech" in unknown.text
    assert unknown.button_texts[0] == "📝 Log Initech"
    assert any(label.startswith("Globex") for label in unknown.button_texts)  # the open ones too
    asked = await tap(ann, "Log Initech")
    assert "What's the role" in asked.text  # the company is filled in already
    await tap(ann, "Skip")
    summary = await say(ann, "It just ended")
    while "Saved" not in summary.text:
        summary = await tap(ann, summary.button_texts[0]) if summary.button_texts else None
    assert "Saved: Initech" in summary.text
    verdict = await say(ann, "should i follow up with initech?")
    assert "haven't logged" not in verdict.text


async def test_a_company_name_typed_alone_is_understood(bot: Bot, ann: FakeUser) -> None:
    """ "initech" after the bot said Initech isn't logged; "globex" for a logged one."""
    await log_interview(ann, "Globex")
    await say(ann, "should i follow up with initech?")
    again = await say(ann, "initech")
    assert "not sure what you mean" not in again.text
    assert again.button_texts[0] == "📝 Log Initech"
    logged = await say(ann, "globex")  # the answer to "should I follow up with Globex?"
    assert logged.text.startswith("Not yet.") and "you can follow up from" in logged.text
    stray = await say(ann, "hooli")  # never logged nor offered: not taken for a company
    assert "not sure what you mean" in stray.text
