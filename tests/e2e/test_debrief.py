"""End to end: the real bot, over real HTTP, against the fake Bot API server."""

from __future__ import annotations

import pytest
from telegram.ext import Application

from followup.core.notes import greeting_name
from tests.support.bot import running_bot
from tests.support.clock import Clock
from tests.support.driver import next_new, say, settled, tap
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.stores import Backend, open_interviews

Bot = Application  # type: ignore[type-arg]


async def test_start_welcomes_and_offers_to_log(
    bot: Bot, fake: FakeTelegram, ann: FakeUser
) -> None:
    welcome = await say(ann, "/start")
    assert "Hi Ann" in welcome.text and "Follow-up Coach" in welcome.text
    assert 3 <= len(welcome.text.splitlines()) <= 5
    offer = await next_new(ann)
    assert offer.button_texts == ["📝 Log an interview", "Not now"]
    question = await tap(ann, "Log an interview")
    assert "Which company" in question.text


@pytest.mark.parametrize(
    "greeting", ["hi", "Hello! 👋", "good morning", "holaa 😊", "Servus", "приветт"]
)
async def test_a_plain_greeting_is_welcomed_like_start(
    bot: Bot, ann: FakeUser, greeting: str
) -> None:
    assert "Hi Ann" in (await say(ann, greeting)).text
    assert (await next_new(ann)).button_texts == ["📝 Log an interview", "Not now"]


async def test_a_greeting_mid_question_is_not_a_restart(bot: Bot, ann: FakeUser) -> None:
    await say(ann, "/new")
    assert "role" in (await say(ann, "Hello")).text  # a company may be called that


async def test_commands_are_registered_and_listed(
    bot: Bot, fake: FakeTelegram, ann: FakeUser
) -> None:
    names = [command["command"] for command in fake.commands]
    assert names == [
        "new", "status", "chase", "heard", "timezone", "country", "name", "language", "pause",
        "resume", "board", "digest", "calendar", "export", "forget", "cancel", "help",
    ]  # fmt: skip
    help_text = (await say(ann, "/help")).text
    for name in names:
        assert f"/{name}" in help_text
    assert "Europe/London" in help_text


async def test_agency_interview_that_just_ended_takes_eight_answers(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    answers = 1
    assert "Which company" in (await say(ann, "/new")).text
    assert "role" in (await say(ann, "Acme Ltd")).text
    answers += 1
    assert "When" in (await tap(ann, "Skip")).text
    answers += 1
    assert "agency" in (await tap(ann, "It just ended")).text
    answers += 1
    assert "decide" in (await say(ann, "Sam Jones")).text
    answers += 1
    assert "card" in (await tap(ann, "They didn't say")).text
    answers += 1
    assert "How did it go" in (await tap(ann, "Neither")).text
    answers += 1
    assert "remember" in (await tap(ann, "Good")).text
    answers += 1
    summary = await say(ann, "Met Priya, asked about <b>tests</b> & deploys")
    answers += 1
    assert answers - 1 <= 8  # /new itself is not an answer
    assert "Saved: Acme Ltd" in summary.text
    assert "through Sam Jones at an agency" in summary.text
    assert "good" in summary.text
    assert "<b>tests</b> & deploys" in summary.text  # shown back exactly, not as markup
    assert "ring Sam Jones" in summary.text and "couple of hours" in summary.text
    saved = await open_interviews(backend, ann.id)
    assert [(i.company, i.via_agency, i.recruiter, i.debriefed) for i in saved] == [
        ("Acme Ltd", True, "Sam Jones", True)
    ]


async def test_a_recruiter_typed_with_the_agency_is_asked_back_and_greeted_by_name(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await say(ann, "/new")
    await say(ann, "Revolut")
    await tap(ann, "Skip")
    await tap(ann, "It just ended")
    asked = await say(ann, "Hays, Tom Baker")  # which is the person? not guessed
    assert "Which one is your recruiter?" in asked.text
    assert asked.button_texts == ["Hays (Tom Baker)", "Tom Baker (Hays)", "Hays, Tom Baker"]
    assert "decide" in (await tap(ann, "Tom Baker (Hays)")).text
    for label in ("They didn't say", "Neither", "Good", "Skip"):
        summary = await tap(ann, label)
    assert "through Tom Baker (Hays) at an agency" in summary.text
    assert "ring Tom Baker (Hays)" in summary.text
    (saved,) = await open_interviews(backend, ann.id)
    assert saved.recruiter == "Tom Baker (Hays)"
    assert greeting_name(saved.recruiter) == "Tom"  # how the drafts will greet them


async def test_typed_answers_work_everywhere(bot: Bot, ann: FakeUser, backend: Backend) -> None:
    await say(ann, "/new")
    await say(ann, "Globex")
    await say(ann, "Data analyst")
    assert "agency" in (await say(ann, "yesterday 3pm")).text
    assert "decide" in (await say(ann, "no")).text
    assert "card" in (await say(ann, "friday")).text
    assert "How did it go" in (await say(ann, "both")).text
    assert "remember" in (await say(ann, "great")).text
    summary = await say(ann, "skip")
    assert "Role: Data analyst" in summary.text
    assert "yesterday 15:00" in summary.text
    assert "directly with the company" in summary.text
    assert "Fri 27 Nov" in summary.text
    assert "thank-you email" in summary.text
    (interview,) = await open_interviews(backend, ann.id)
    assert interview.outside_hours is True and interview.got_contact is True
    assert interview.notes is None and interview.rating == 4


async def test_future_interview_is_saved_for_a_check_in(bot: Bot, ann: FakeUser) -> None:
    await say(ann, "/new")
    await say(ann, "Initech")
    await tap(ann, "Skip")
    await say(ann, "tomorrow 10am")
    summary = await tap(ann, "No, I applied directly")
    assert "Saved: Initech" in summary.text and "tomorrow 10:00" in summary.text
    assert "check in" in summary.text and "tip" in summary.text
    status = await say(ann, "/status")
    assert "Initech" in status.text and "tomorrow 10:00" in status.text


async def test_known_company_skips_the_agency_question(bot: Bot, ann: FakeUser) -> None:
    await say(ann, "/new")
    await say(ann, "Acme")
    await tap(ann, "Skip")
    await say(ann, "tomorrow 9am")
    await say(ann, "Sam")
    await say(ann, "/new")
    await say(ann, "  acme ")
    await tap(ann, "No, a separate interview")  # asked: another round, or another team?
    await tap(ann, "Skip")
    question = await say(ann, "tomorrow 15:00")
    assert "decide" not in question.text  # upcoming: saved straight away
    assert "through Sam at an agency" in question.text


@pytest.mark.parametrize(
    ("answers", "bad", "expected"),
    [
        ([], "x" * 5000, "up to 100 characters"),
        (["Acme"], "r" * 500, "under 120 characters"),
        (["Acme", "skip"], "blorp", 'couldn\'t read "blorp" as a date and time'),
        (["Acme", "skip", "just now"], "n" * 200, "recruiter's name"),
        (["Acme", "skip", "just now", "no"], "blorp", 'couldn\'t read "blorp" as a day'),
        (["Acme", "skip", "just now", "no", "no"], "maybe", "tap one of the buttons"),
        (["Acme", "skip", "just now", "no", "no", "neither"], "dunno", "tap one of the buttons"),
    ],
)
async def test_a_bad_answer_is_explained_and_asked_again(
    bot: Bot, ann: FakeUser, answers: list[str], bad: str, expected: str
) -> None:
    await say(ann, "/new")
    question = None
    for answer in answers:
        question = await say(ann, answer)
    question = question or ann.last
    explanation = await say(ann, bad)
    assert expected in explanation.text
    again = await next_new(ann)
    assert again.text == question.text


async def test_long_notes_are_kept_whole_but_shown_short(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    for answer in ["/new", "Acme", "skip", "just now", "no", "no", "neither", "good"]:
        await say(ann, answer)
    notes = "🙂 שלום <script>" + "n" * 4080
    summary = await say(ann, notes)
    assert len(summary.text) < 1500 and "…" in summary.text
    assert "saved in full" in summary.text
    (interview,) = await open_interviews(backend, ann.id)
    assert interview.notes == notes


STEPS_BEFORE = [
    [],
    ["Acme"],
    ["Acme", "skip"],
    ["Acme", "skip", "just now"],
    ["Acme", "skip", "just now", "no"],
    ["Acme", "skip", "just now", "no", "no"],
    ["Acme", "skip", "just now", "no", "no", "neither"],
    ["Acme", "skip", "just now", "no", "no", "neither", "good"],
]


@pytest.mark.parametrize("answers", STEPS_BEFORE, ids=lambda a: f"after-{len(a)}-answers")
async def test_cancel_in_every_state_leaves_cleanly(
    bot: Bot, ann: FakeUser, answers: list[str], backend: Backend
) -> None:
    await say(ann, "/new")
    for answer in answers:
        await say(ann, answer)
    asked = await say(ann, "/cancel")
    if answers:  # something was told: asked whether to keep it, here thrown away
        assert asked.button_texts == ["💾 Keep it", "🗑 Throw it away"]
        asked = await tap(ann, "Throw it away")
    assert "Stopped" in asked.text
    assert "no open interviews" in (await say(ann, "/status")).text
    assert "nothing to cancel" in (await say(ann, "/cancel")).text


@pytest.mark.parametrize("answers", STEPS_BEFORE, ids=lambda a: f"after-{len(a)}-answers")
async def test_restart_resumes_at_the_same_question(
    fake: FakeTelegram, backend: Backend, clock: Clock, answers: list[str]
) -> None:
    ann = await settled(backend, fake.user(1001, "Ann"))
    async with running_bot(fake, backend, clock):
        question = await say(ann, "/new")
        for answer in answers:
            question = await say(ann, answer)
    async with running_bot(fake, backend, clock):
        await ann.send_sticker()
        assert "only read text" in (await next_new(ann)).text
        assert (await next_new(ann)).text == question.text
        for answer in [*STEPS_BEFORE[-1][len(answers) :], "notes after restart"]:
            last = await say(ann, answer)
        assert "Saved: Acme" in last.text
    assert (await open_interviews(backend, ann.id))[0].notes == "notes after restart"


async def test_two_users_at_once_never_see_each_other(
    bot: Bot, fake: FakeTelegram, ann: FakeUser, bob: FakeUser
) -> None:
    await ann.send("/new")
    await bob.send("/new")
    await next_new(ann)
    await next_new(bob)
    await ann.send("Ann's Secret Co")
    await bob.send("Bob's Corp")
    await next_new(ann)
    await next_new(bob)
    for user in (ann, bob):
        await say(user, "skip")
        await say(user, "tomorrow 10am")
    ann_summary = await tap(ann, "No, I applied directly")
    bob_summary = await tap(bob, "No, I applied directly")
    assert "Ann's Secret Co" in ann_summary.text and "Bob" not in ann_summary.text
    assert "Bob's Corp" in bob_summary.text and "Ann" not in bob_summary.text
    assert "Bob's Corp" not in (await say(ann, "/status")).text
    assert "Secret" not in (await say(bob, "/status")).text
    for message in fake.chat_messages(bob.id):
        assert "Secret" not in message.text


async def test_non_text_and_edits_get_a_kind_reply(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await ann.send_sticker()
    assert "only read text" in (await next_new(ann)).text
    await say(ann, "/new")
    company_message = await ann.send("Acme")
    role_question = await next_new(ann)
    for send in (ann.send_photo, ann.send_voice):
        await send()
        assert "only read text" in (await next_new(ann)).text
        assert (await next_new(ann)).text == role_question.text
    await ann.send_location(51.5, -0.12)
    assert "only read text" in (await next_new(ann)).text
    assert (await next_new(ann)).text == role_question.text
    await ann.edit(company_message, "Acme Corp")
    assert "Changed: Company" in (await next_new(ann)).text  # applied to the question it answered
    assert (await next_new(ann)).text == role_question.text
    await say(ann, "skip")
    await say(ann, "tomorrow 10am")
    summary = await tap(ann, "No, I applied directly")
    assert "Saved: Acme Corp" in summary.text


async def test_old_and_forged_buttons_are_refused_politely(bot: Bot, ann: FakeUser) -> None:
    await say(ann, "/new")
    await say(ann, "Acme")
    role_question = ann.last
    await say(ann, "skip")  # typed, so the role question keeps its (now old) buttons
    await ann.press("Skip", role_question)
    assert "earlier question" in (await ann.next_callback_answer() or "")
    await ann.press_data("v1:new:rating:9")
    assert "earlier question" in (await ann.next_callback_answer() or "")
    await ann.press_data("not-ours")
    assert "don't recognise" in (await ann.next_callback_answer() or "")
    await ann.press_data("v1:new:when:now")  # the open question's own button still works
    assert "agency" in (await next_new(ann)).text


async def test_commands_mid_conversation_answer_and_keep_the_question(
    bot: Bot, ann: FakeUser
) -> None:
    await say(ann, "/new")
    question = await say(ann, "Acme")
    for command, answer in [("/status", "Logging now"), ("/help", "What I can do"),
                            ("/pause", "paused"), ("/resume", "back on")]:  # fmt: skip
        assert answer in (await say(ann, command)).text
        assert (await next_new(ann)).text == question.text
    assert "middle of a question" in (await say(ann, "/nonsense")).text
    assert (await next_new(ann)).text == question.text
    assert "When was" in (await tap(ann, "Skip")).text


async def test_stray_text_outside_a_conversation_points_to_help(bot: Bot, ann: FakeUser) -> None:
    assert "/help" in (await say(ann, "asdf qwerty")).text
    assert "/help" in (await say(ann, "/nonsense")).text


async def test_a_day_without_a_time_asks_for_the_time(bot: Bot, ann: FakeUser) -> None:
    await say(ann, "/new")
    await say(ann, "Acme")
    await say(ann, "skip")
    follow_up = await say(ann, "tomorrow")
    assert "Got the day: Thu 26 Nov" in follow_up.text and "What time" in follow_up.text
    assert "couldn't read" in (await say(ann, "blorp")).text
    assert "When was" in (await next_new(ann)).text
    # On a Wednesday, "friday" is last Friday or the coming one: asked, not guessed.
    asked = await say(ann, "friday")
    assert asked.button_texts == ["Fri 20 Nov", "Fri 27 Nov"]
    assert "What time" in (await tap(ann, "Fri 27 Nov")).text
    assert "agency" in (await say(ann, "10am")).text
    summary = await tap(ann, "No, I applied directly")
    assert "Fri 27 Nov, 10:00" in summary.text


async def test_cancel_at_the_sixth_question_keeps_the_answers_for_the_next_new(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    ann = await settled(backend, fake.user(1001, "Ann"))
    async with running_bot(fake, backend, clock):
        await say(ann, "/new")
        for answer in ["Acme", "Backend engineer", "just now", "no", "no"]:
            sixth = await say(ann, answer)
        assert "outside normal working hours" in sixth.text
        asked = await say(ann, "/cancel")
        assert "keep what you've told me about Acme" in asked.text
        assert asked.button_texts == ["💾 Keep it", "🗑 Throw it away"]
        assert "/new" in (await tap(ann, "Keep it")).text
        status = await say(ann, "/status")
        assert "Not finished yet" in status.text and "Acme" in status.text
    async with running_bot(fake, backend, clock):  # kept across a restart
        offer = await say(ann, "/new")
        assert "You were telling me about Acme" in offer.text
        assert offer.button_texts == ["▶️ Carry on", "🆕 Start afresh"]
        assert "outside normal working hours" in (await tap(ann, "Carry on")).text
        await tap(ann, "Neither")
        await tap(ann, "Good")
        summary = await tap(ann, "Skip")
        assert "Saved: Acme" in summary.text and "Backend engineer" in summary.text
        assert "Which company" in (await say(ann, "/new")).text  # used up: a fresh start
    assert [i.company for i in await open_interviews(backend, ann.id)] == ["Acme"]


async def test_start_afresh_forgets_the_kept_answers(bot: Bot, ann: FakeUser) -> None:
    await say(ann, "/new")
    await say(ann, "Acme")
    await say(ann, "/cancel")
    await tap(ann, "Keep it")
    await say(ann, "/new")
    assert "Which company" in (await tap(ann, "Start afresh")).text
    assert "Not finished" not in (await say(ann, "/status")).text


async def test_status_mid_new_shows_the_interview_being_told_then_asks_again(
    bot: Bot, ann: FakeUser
) -> None:
    await say(ann, "/new")
    await say(ann, "Acme")
    await say(ann, "Backend engineer")
    question = await say(ann, "yesterday 3pm")
    status = await say(ann, "/status")
    assert "no open interviews" not in status.text
    assert "Logging now" in status.text and "Acme" in status.text
    assert "Backend engineer" in status.text and "yesterday 15:00" in status.text
    assert "still to answer: Agency" in status.text
    assert (await next_new(ann)).text == question.text


async def test_a_typo_keeps_the_readings_offered_for_a_date_that_could_mean_two(
    bot: Bot, ann: FakeUser
) -> None:
    await say(ann, "/new")
    await say(ann, "Acme")
    await say(ann, "skip")
    which = await say(ann, "1/12 10am")
    assert "could mean two different days" in which.text and len(which.button_texts) == 2
    await ann.send("qwzx")  # a typo: explained and asked again
    await next_new(ann)
    assert "When was" in (await next_new(ann)).text
    await ann.press(which.button_texts[0], which)  # the readings offered still work
    assert "agency" in (await next_new(ann)).text
