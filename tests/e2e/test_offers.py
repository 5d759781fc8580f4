"""End to end: answering an offer. Its deadline is asked when it is recorded, a reminder comes the
working day before (on the user's own working days), each question about it gets its own answer
and draft, and the reminder stops once the user says they answered.
"""

from __future__ import annotations

from telegram.ext import Application

from followup.core.model import NudgeKind, NudgeState, Outcome
from tests.support.bot import running_bot, sends_settled
from tests.support.clock import Clock, london
from tests.support.driver import log_interview, next_new, say, settled, tap
from tests.support.fake_telegram import BotMessage, FakeTelegram, FakeUser
from tests.support.stores import Backend

Bot = Application  # type: ignore[type-arg]


async def record_offer(user: FakeUser) -> BotMessage:
    """Log an interview that has just ended and record an offer for it: the deadline question."""
    await log_interview(user, "Acme")
    await say(user, "/heard")
    return await tap(user, "Offer")


async def offer_nudge(user: FakeUser) -> BotMessage:
    """The next reminder about the offer's deadline (the tip request may come first)."""
    while True:
        message = await next_new(user, 10)
        if "wants your answer" in message.text:
            return message


async def stored_offer_nudges(backend: Backend, user: FakeUser) -> list[NudgeState]:
    async with backend.repository() as store:
        return [n.state for n in await store.nudges(user.id) if n.kind is NudgeKind.OFFER_DEADLINE]


async def test_each_offer_question_gets_its_own_answer_and_draft(bot: Bot, ann: FakeUser) -> None:
    asked = await record_offer(ann)
    assert "Congratulations on the offer from Acme" in asked.text
    assert "by when they need your answer" in asked.text
    assert asked.button_texts[:3] == ["Fri 27 Nov", "Mon 30 Nov", "Wed 2 Dec"]
    assert asked.button_texts[3:] == ["No deadline", "✍️ Ask for it in writing", "↩️ Undo"]
    cases = [
        ("how do I negotiate?", "ask for more", ["💬 Counter-offer"]),
        ("how do I accept?", "Say yes warmly", ["✅ Accept"]),
        ("how do I turn it down?", "Turn it down soon", ["🙅 Decline kindly"]),
        ("can I ask for more time?", "a few days to decide is normal", ["⏳ Ask for more time"]),
        ("should I get it in writing?", "A verbal offer is good news", ["✍️ Ask for it in writing"]),
    ]  # fmt: skip
    answers = []
    for question, expected, buttons in cases:
        answer = await say(ann, question)
        assert expected in answer.text, question
        assert answer.button_texts == buttons, question
        answers.append(answer.text)
    assert len(set(answers)) == len(answers)  # never the same block twice
    again = await say(ann, "how do I negotiate?")
    assert again.text.startswith("Same advice, in short.") and again.button_texts == [
        "💬 Counter-offer"
    ]
    assert len(again.text) < len(answers[0]) / 2

    picker = await tap(ann, "Counter-offer")
    assert "What would you like to ask Acme for?" in picker.text
    await ann.press("💷 Salary")
    ticked = await ann.next_message()
    assert ticked.edited and "✓ 💷 Salary" in ticked.button_texts
    await ann.press("🏠 Remote days")
    await ann.next_message()
    figure = await tap(ann, "Write it")  # the salary is picked: which figure?
    assert "What salary will you ask Acme for?" in figure.text
    draft = await tap(ann, "I'll fill it in myself")
    assert "Fill in the parts in [square brackets]" in draft.text
    body = draft.text.split("Email:")[1]
    assert "• a base salary of [your figure]" in body
    assert "• [number] days a week working remotely" in body and "start date" not in body
    assert body.rstrip().endswith("Ann")
    back = await next_new(ann)  # the figure was a detour: the deadline question is open again
    assert "By when do they need your answer?" in back.text

    accept = await say(ann, "how do I accept?")  # asked before: the short reminder and the draft
    assert accept.text.startswith("Same advice, in short.")
    draft = await tap(ann, "Accept")
    assert "delighted to accept" in draft.text
    assert draft.button_texts[:1] == ["✅ I've answered them"]


async def test_the_deadline_reminder_comes_the_friday_before_a_monday_deadline(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock) as app:
        await record_offer(ann)
        saved = await tap(ann, "Mon 30 Nov")
        assert "wants your answer by Mon 30 Nov" in saved.text
        assert "remind you on Fri 27 Nov" in saved.text
        assert saved.button_texts == [
            "✅ Accept", "🙅 Decline kindly", "💬 Counter-offer", "⏳ Ask for more time"
        ]  # fmt: skip
        clock.go(london(11, 27, 10, 1))
        nudge = await offer_nudge(ann)
        await sends_settled(app)  # the tip request falls due that morning too
        ann.skip_unread()
        assert "Acme wants your answer to the offer by Mon 30 Nov" in nudge.text
        assert nudge.button_texts[:5] == [
            "✅ Accept", "🙅 Decline kindly", "💬 Counter-offer", "⏳ Ask for more time",
            "✅ I've answered them",
        ]  # fmt: skip
        # Pressed on the reminder itself: the tip request may have come after it.
        await ann.press("Decline kindly", nudge)
        draft = await next_new(ann)
        assert "decided not to accept" in draft.text and "stay in touch" in draft.text
        done = await tap(ann, "I've answered them")
        assert "you've answered Acme" in done.text
    assert await stored_offer_nudges(backend, ann) == [NudgeState.SENT]


async def test_the_reminder_keeps_to_the_users_holidays(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    hugh = await settled(backend, fake.user(3003, "Hugh"), country="GB-ENG")
    async with running_bot(fake, backend, clock):
        await record_offer(hugh)
        # Mon 28 Dec is the Boxing Day bank holiday and Fri 25 is Christmas: Thursday 24th.
        saved = await say(hugh, "Tuesday 29 December")
        assert "by Tue 29 Dec" in saved.text and "remind you on Thu 24 Dec" in saved.text
        clock.go(london(12, 24, 10, 1))
        nudge = await offer_nudge(hugh)
        assert "by Tue 29 Dec" in nudge.text


async def test_answering_the_offer_calls_the_reminder_off(
    fake: FakeTelegram, backend: Backend, ann: FakeUser, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock):
        await record_offer(ann)
        await say(ann, "Wed 2 Dec")  # typed, not tapped
        assert await stored_offer_nudges(backend, ann) == [NudgeState.PENDING]
        await tap(ann, "Accept")
        done = await tap(ann, "I've answered them")
        assert "No more reminders about the offer" in done.text
        assert await stored_offer_nudges(backend, ann) == [NudgeState.CANCELLED]
        clock.go(london(12, 1, 10, 1))
        tip = await next_new(ann, 10)  # the only thing still to come: the tip request
        assert "wants your answer" not in tip.text
    async with backend.repository() as store:
        (interview,) = await store.interviews(ann.id)
    assert interview.outcome is Outcome.OFFER and interview.offer_answered is not None


async def test_no_deadline_plans_no_reminder(bot: Bot, ann: FakeUser, backend: Backend) -> None:
    await record_offer(ann)
    saved = await tap(ann, "No deadline")
    assert "no deadline for Acme" in saved.text and "✅ Accept" in saved.button_texts
    assert await stored_offer_nudges(backend, ann) == []


async def test_a_counter_offer_takes_the_figure_the_user_types(bot: Bot, ann: FakeUser) -> None:
    await record_offer(ann)
    await tap(ann, "No deadline")
    await say(ann, "is the salary negotiable?")
    await tap(ann, "Counter-offer")
    asked = await tap(ann, "Write it")  # nothing picked: the salary is what a counter is about
    assert "What salary will you ask Acme for?" in asked.text
    bad = await say(ann, "a lot more")
    assert "with its number" in bad.text
    draft = await say(ann, "£58,000 a year")
    body = draft.text.split("Email:")[1]
    assert "• a base salary of £58,000 a year" in body and "[your figure]" not in body
    assert "[one reason" in body  # the reason is theirs to give
    assert (await say(ann, "/status")).text  # nothing is left waiting for a figure


async def test_a_draft_asked_for_before_the_offer_was_recorded_still_records_it(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_interview(ann, "Acme")
    answer = await say(ann, "how do I accept?")
    assert "Say yes warmly" in answer.text and answer.button_texts == ["✅ Accept"]
    await tap(ann, "Accept")
    done = await tap(ann, "I've answered them")
    assert "you've answered Acme" in done.text
    async with backend.repository() as store:
        (interview,) = await store.interviews(ann.id)
    assert interview.outcome is Outcome.OFFER and interview.offer_answered is not None
