"""End to end: coaching that matches the best public advice: a thank-you after every interview,
safe signed drafts, the stated date deciding the follow-up, words after the outcome, a tip before
the interview, and answers to the questions people actually ask.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from telegram.ext import Application

from tests.support.bot import running_bot
from tests.support.clock import Clock, london
from tests.support.driver import log_interview, next_new, say, tap
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.stores import Backend

Bot = Application  # type: ignore[type-arg]


async def log(
    user: FakeUser,
    company: str = "Acme",
    *,
    when: str = "just now",
    agency: str = "No, I applied directly",
    decision: str = "They didn't say",
    extras: str = "Neither",
    rating: str = "Good",
    notes: str | None = None,
) -> str:
    """Log an interview through the debrief; returns the summary's text."""
    summary = await log_interview(
        user, company, when=when, agency=agency, decision=decision, extras=extras,
        rating=rating, notes=notes,
    )  # fmt: skip
    return summary.text


async def forget_name(backend: Backend, user: FakeUser) -> None:
    async with backend.repository() as store:
        settings = await store.settings(user.id)
        assert settings is not None
        await store.save_settings(replace(settings, sender_name=None))


# --- A thank-you after every interview ---------------------------------------------------------


async def test_a_plain_daytime_interview_gets_a_thank_you_too(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        summary = await log(ann, notes="Met Priya. She said the team is doubling next year.")
        assert "Next from me: thank-you email, today 16:00" in summary
        assert "Nothing to do right now" not in summary
        status = await say(ann, "/status")
        assert "next: thank-you email, today 16:00" in status.text
        clock.go(london(11, 25, 16, 1))
        nudge = await next_new(ann, 10)
        assert "thank-you to Acme" in nudge.text and "within a day" in nudge.text
        draft = await tap(ann, "Draft it")
        assert "Hi Priya," in draft.text and "doubling" in draft.text
        assert "Subject:" in draft.text and draft.text.rstrip().endswith("Ann")


@pytest.mark.parametrize(
    ("extras", "reason"),
    [
        ("Got a card / email", "They gave you their details, so"),
        ("Met outside work hours", "They met you outside working hours, so"),
        ("Both", "They met you outside working hours and gave you their details, so"),
    ],
)
async def test_the_strongest_reason_is_the_one_that_applies(
    fake: FakeTelegram,
    backend: Backend,
    ann: FakeUser,
    clock: Clock,
    extras: str,
    reason: str,
) -> None:
    async with running_bot(fake, backend, clock):
        summary = await log(ann, extras=extras)
        assert "Next from me: thank-you email, today 16:00" in summary
        clock.go(london(11, 25, 16, 1))
        nudge = await next_new(ann, 10)
        assert "thank-you to Acme" in nudge.text and reason in nudge.text


# --- Safe, personal, signed drafts -------------------------------------------------------------


async def test_the_signature_is_asked_once_with_the_first_name_as_one_tap(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await forget_name(backend, ann)
    await log(ann, notes="Met Priya")
    await say(ann, "should I chase them yet?")
    asked = await tap(ann, "Draft it for me")
    assert "How should I sign your emails?" in asked.text and asked.button_texts == ["Ann"]
    draft = await tap(ann, "Ann")  # the name is confirmed above the draft, in one message
    assert "sign your drafts as Ann" in draft.text
    assert draft.text.rstrip().endswith("Ann") and "Subject:" in draft.text
    await say(ann, "/chase")
    again = await tap(ann, "Draft it for me")
    assert "How should I sign" not in again.text and "Subject:" in again.text


async def test_name_command_changes_the_signature(bot: Bot, ann: FakeUser) -> None:
    asked = await say(ann, "/name")
    assert "I sign your drafts as Ann" in asked.text
    assert "sign your drafts as Ann Lee" in (await say(ann, "Ann Lee")).text


async def test_one_thank_you_per_interviewer_and_a_choice_of_topic(bot: Bot, ann: FakeUser) -> None:
    notes = (
        "Met Anna and Raj. Anna said the team is doubling next year. "
        "I want to ask about the on-call rota. The panel was rude and the salary is low."
    )
    summary = await log(ann, notes=notes)
    assert "Saved: Acme" in summary
    who = await tap(ann, "Get the thank-you draft now")
    assert "Who is this thank-you for?" in who.text and who.button_texts == ["Anna", "Raj"]
    topic = await tap(ann, "Raj")
    if "pick up on" in topic.text:
        topic = await tap(ann, topic.button_texts[0])
    assert "Hi Raj," in topic.text
    for private in ("rude", "salary", "low"):
        assert private not in topic.text.split("Email:")[1]


async def test_private_notes_never_reach_a_draft(bot: Bot, ann: FakeUser) -> None:
    await log(ann, notes="The panel was rude. They said the salary is lower than advertised.")
    await say(ann, "/chase")
    draft = await tap(ann, "Draft it for me")
    body = draft.text.split("Email:")[1]
    assert "rude" not in body and "salary" not in body and "advertised" not in body


# --- Timing by the stated date -----------------------------------------------------------------


async def test_a_near_decision_date_brings_the_follow_up_forward(bot: Bot, ann: FakeUser) -> None:
    summary = await log(ann, decision="tomorrow")
    # They decide Thu 26 Nov: a working day later, not five working days after the interview.
    assert "No news by Fri 27 Nov?" in summary
    verdict = await say(ann, "should I chase them yet?")
    assert "They said they'd decide by Thu 26 Nov" in verdict.text
    assert "follow up from Fri 27 Nov" in verdict.text


# --- After the outcome -------------------------------------------------------------------------


async def test_an_offer_gets_the_three_things_and_a_draft_for_it_in_writing(
    bot: Bot, ann: FakeUser
) -> None:
    await log(ann)
    await say(ann, "/heard")
    offer = await tap(ann, "Offer")
    assert "Congratulations" in offer.text
    for point in ("in writing", "time to decide", "salary"):
        assert point in offer.text
    draft = await tap(ann, "Ask for it in writing")
    assert "in writing" in draft.text and draft.text.rstrip().endswith("Ann")


async def test_a_rough_interview_gets_a_warm_word(bot: Bot, ann: FakeUser) -> None:
    summary = await log(ann, rating="Rough")
    assert "Rough ones happen to everyone" in summary


# --- Before the interview ----------------------------------------------------------------------


async def test_an_interview_logged_ahead_gets_a_tip_the_evening_before(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        summary = await log_interview(ann, "Initech", when="tomorrow 10am")
        assert "one quick tip today 19:00" in summary.text
        assert "check in to ask how it went" in summary.text
        clock.go(london(11, 25, 19, 1))
        tip = await next_new(ann, 10)
        assert "Initech is tomorrow 10:00" in tip.text and "when they expect to decide" in tip.text


# --- Questions people actually ask ------------------------------------------------------------


async def test_the_questions_people_ask_get_short_specific_answers(bot: Bot, ann: FakeUser) -> None:
    await log(ann, agency="Sam Jones")
    cases = [
        ("should I send a thank-you email?", "thank-you today",
         ["✍️ Thank-you draft", "✅ Sent it"]),
        ("what do I say when the recruiter calls?", "Sam Jones", ["📋 Notes for the call"]),
        ("can I call them instead of emailing?", "call Sam Jones, not Acme", []),
        ("should I connect on LinkedIn?", "follow-ups go through Sam Jones", []),
        ("how do I negotiate an offer?", "in writing", []),
        ("what now?", "ring Sam Jones", ["📋 Notes for the call", "✅ Done, I called"]),
    ]  # fmt: skip
    for question, expected, buttons in cases:
        answer = await say(ann, question)
        assert expected in answer.text, question
        if buttons:
            assert answer.button_texts[: len(buttons)] == buttons, question


async def test_should_i_thank_them_names_their_own_reason(bot: Bot, ann: FakeUser) -> None:
    await log(ann, extras="Got a card / email")
    answer = await say(ann, "should I send a thank you email?")
    assert "thank-you today" in answer.text
    assert "They gave you their details, which makes a thank-you extra welcome." in answer.text
    assert "It matters most when" not in answer.text  # the general rule, only without a reason
    assert "\n\n" not in answer.text


async def test_linkedin_advice_follows_the_route_of_the_interview(bot: Bot, ann: FakeUser) -> None:
    await log(ann)  # applied directly: no recruiter to mention
    answer = await say(ann, "should I connect with the interviewer on linkedin?")
    assert "chasing Acme: follow-ups go by email" in answer.text
    assert "recruiter" not in answer.text


async def test_they_ghosted_me_is_answered_with_the_plan(bot: Bot, ann: FakeUser) -> None:
    await log(ann)
    answer = await say(ann, "they ghosted me")
    assert "too early to call it ghosting" in answer.text and "Wed 2 Dec" in answer.text
    verdict = await next_new(ann)
    assert verdict.text.startswith("Not yet.")


async def test_chase_recall_is_wider(bot: Bot, ann: FakeUser) -> None:
    await log(ann)
    for question in ("chase?", "ping them?", "is it ok to send a followup"):
        assert (await say(ann, question)).text.startswith("Not yet."), question


# --- Plain words ------------------------------------------------------------------------------


async def test_status_and_the_calendar_use_plain_names_with_descriptions(
    bot: Bot, ann: FakeUser
) -> None:
    await log(ann)
    status = await say(ann, "/status")
    assert "no-news check" not in status.text
    await ann.send("/export")
    await next_new(ann)
    calendar = await next_new(ann)
    assert calendar.document is not None
    text = calendar.document.content.decode()
    assert "DESCRIPTION:" in text and "no-news check" not in text


async def test_a_late_summary_and_the_thank_you_answer_agree(bot: Bot, ann: FakeUser) -> None:
    """Two days on, the thank-you is late but still worth a note: the summary says so too."""
    summary = await log(ann, when="it was Monday 10am")
    assert "Nothing else to do right now" not in summary
    assert "a short note still helps" in summary
    answer = await say(ann, "should I send a thank-you?")
    assert "still does more good than none" in answer.text
    assert answer.button_texts == ["✍️ Thank-you draft", "✅ Sent it"]
    what_now = await say(ann, "what now?")
    assert "a short note still helps" in what_now.text


async def test_after_neither_the_thank_you_answer_cites_no_card_or_late_meeting(
    bot: Bot, ann: FakeUser
) -> None:
    await log(ann, extras="Neither")
    answer = await say(ann, "should I send a thank-you?")
    assert "thank-you today" in answer.text
    assert "outside working hours" not in answer.text and "card" not in answer.text
    assert "ordinary daytime interview deserves one too" in answer.text


async def test_a_very_late_summary_folds_the_thanks_into_the_follow_up(
    bot: Bot, ann: FakeUser
) -> None:
    summary = await log(ann, when="11/11 10am")  # two weeks ago: the follow-up is due
    assert "long enough to follow up with Acme" in summary
    assert "line of thanks in that email" in summary
    answer = await say(ann, "should I send a thank-you?")
    assert "fold a line of thanks into your follow-up" in answer.text
