"""Talking to the bot as a person does: say, tap, the next message, and the debrief in one call."""

from __future__ import annotations

import re
from functools import cache

from content import load_library
from followup.core.model import UserSettings
from tests.support.fake_telegram import BotMessage, FakeUser
from tests.support.stores import Backend, save_settings

# What the debrief asks, told apart by a phrase of each question (content/en/messages.toml).
QUESTIONS = {
    "Which company": "company",
    "Is this another round with them": "round",
    "What's the role": "role",
    "When was (or is) the interview": "when",
    "come through a recruitment agency": "agency",
    "Did they say when they'd decide": "decision",
    "Did they meet you outside normal working hours": "extras",
    "Did you leave with a business card": "extras",
    "How did it go?": "rating",
    "Anything you'll want to remember": "notes",
}


async def next_new(user: FakeUser, timeout: float = 5.0) -> BotMessage:
    """The next message the bot sends (skipping edits of earlier ones, e.g. a settled button)."""
    while True:
        message = await user.next_message(timeout)
        if not message.edited:
            return message


async def arriving(user: FakeUser) -> list[BotMessage]:
    """Every message that arrives until the bot falls quiet."""
    found = []
    while True:
        try:
            found.append(await next_new(user, 1.5))
        except AssertionError:
            return found


async def say(user: FakeUser, text: str) -> BotMessage:
    """Send text and return the bot's next new message."""
    await user.send(text)
    return await next_new(user)


async def tap(user: FakeUser, label: str) -> BotMessage:
    """Press a button on the newest message with buttons and return the bot's next new message."""
    await user.press(label)
    return await next_new(user)


async def settled(
    backend: Backend, user: FakeUser, zone: str = "Europe/London", country: str = "none"
) -> FakeUser:
    """A user who already told the bot where they are and how to sign their drafts.

    Most tests are about something else than the first-use questions; those have tests of
    their own with newcomers (fake.user() without this).
    """
    await save_settings(
        backend,
        UserSettings(
            user_id=user.id,
            chat_id=user.id,
            timezone=zone,
            zone_confirmed=True,
            country=country,
            sender_name=user.chat.first_name,
        ),
    )
    return user


# The same questions in any language, told apart by their words' opening (up to a placeholder).
QUESTION_KEYS = {
    "debrief.ask_company": "company", "debrief.another_round": "round",
    "debrief.ask_role": "role", "debrief.ask_when": "when", "debrief.ask_agency": "agency",
    "debrief.ask_decision": "decision", "debrief.ask_extras": "extras",
    "debrief.ask_contact_only": "extras", "debrief.ask_rating": "rating",
    "debrief.ask_notes": "notes",
}  # fmt: skip


@cache
def _openings(language: str) -> dict[str, str]:
    words = load_library()[language]
    return {
        re.split(r"[{<]", words.messages[key])[0].strip()[:24]: field
        for key, field in QUESTION_KEYS.items()
    }


def question_of(message: BotMessage, language: str = "en") -> str | None:
    """Which debrief question a message asks (None: it asks none, e.g. the summary)."""
    if language != "en":
        openings = _openings(language).items()
        return next((field for phrase, field in openings if phrase in message.text), None)
    return next((field for phrase, field in QUESTIONS.items() if phrase in message.text), None)


async def answer(user: FakeUser, question: BotMessage, value: str) -> BotMessage:
    """Tap the button that reads `value` (emoji aside), else type it; the bot's next message."""
    for label in question.button_texts:
        if value == label or (not label[:1].isalnum() and label.partition(" ")[2] == value):
            return await tap(user, label)
    return await say(user, value)


async def log_interview(
    user: FakeUser,
    company: str = "Acme",
    *,
    role: str | None = None,
    when: str = "It just ended",
    agency: str | None = None,
    decision: str | None = None,
    extras: str = "Neither",
    rating: str = "Good",
    notes: str | None = None,
    another_round: str | None = None,
    begin: str = "/new",
    language: str = "en",
) -> BotMessage:
    """Log an interview, answering whatever the debrief asks; the message after it.

    `begin` is typed when it is a command, else tapped (the welcome's "Log an interview"). Each
    question is read and answered from the arguments: a value that is a button's label is
    tapped, anything else typed. None means the usual way past: Skip (role, notes), "No, I
    applied directly" (agency), "They didn't say" (decision), "No, a separate interview" (a
    company logged before). Tests about one question of the
    debrief type it by hand instead. In another `language`, the default taps are its labels.
    """
    label = load_library()[language].label
    answers = {
        "company": company,
        "round": another_round or label("buttons.round_no"),
        "role": role or label("buttons.skip"),
        "when": when,
        "agency": agency or label("buttons.agency_no"),
        "decision": decision or label("buttons.decision_none"),
        "extras": extras,
        "rating": rating,
        "notes": notes or label("buttons.skip"),
    }
    message = await (say(user, begin) if begin.startswith("/") else tap(user, begin))
    asked: set[str] = set()
    while (field := question_of(message, language)) is not None:
        if field in asked:
            raise AssertionError(f"the debrief asked for the {field} again: {message.text!r}")
        asked.add(field)
        message = await answer(user, message, answers[field])
    return message
