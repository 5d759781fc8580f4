"""A confirmation opens the answer's next message: one bubble per answer, never too long."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from telegram import Update

from handlers.common import MESSAGE_LIMIT, answering, lead_in, reply


@dataclass
class Chat:
    """Records what would be sent; only what `reply` uses of a Telegram chat."""

    sent: list[str] = field(default_factory=list)

    async def send_message(self, text: str, reply_markup: Any = None) -> None:
        self.sent.append(text)


@dataclass
class FakeUpdate:
    effective_chat: Chat = field(default_factory=Chat)


def update_for(chat: Chat) -> Update:
    return cast(Update, FakeUpdate(chat))


async def test_a_lead_in_opens_the_next_message() -> None:
    chat = Chat()
    async with answering(update_for(chat)):
        await lead_in(update_for(chat), "Saved.")
        await lead_in(update_for(chat), "Back to where we were:")
        await reply(update_for(chat), "When was the interview?")
        await reply(update_for(chat), "A second message stays apart.")
    assert chat.sent == [
        "Saved.\n\nBack to where we were:\n\nWhen was the interview?",
        "A second message stays apart.",
    ]


async def test_a_lead_in_with_nothing_after_it_is_still_sent() -> None:
    chat = Chat()
    async with answering(update_for(chat)):
        await lead_in(update_for(chat), "Saved.")
    assert chat.sent == ["Saved."]


async def test_outside_an_answer_a_lead_in_goes_at_once() -> None:
    chat = Chat()
    await lead_in(update_for(chat), "Saved.")
    assert chat.sent == ["Saved."]


async def test_a_lead_in_that_would_overflow_the_message_goes_on_its_own() -> None:
    chat = Chat()
    long_text = "x" * (MESSAGE_LIMIT - 3)
    async with answering(update_for(chat)):
        await lead_in(update_for(chat), "Saved.")
        await reply(update_for(chat), long_text)
    assert chat.sent == ["Saved.", long_text]


async def test_a_failed_answer_leaves_nothing_waiting_for_the_next_one() -> None:
    chat = Chat()
    try:
        async with answering(update_for(chat)):
            await lead_in(update_for(chat), "Saved.")
            raise RuntimeError("the store failed")
    except RuntimeError:
        pass
    async with answering(update_for(chat)):
        await reply(update_for(chat), "Next answer.")
    assert chat.sent == ["Next answer."]
