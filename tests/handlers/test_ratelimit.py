"""The rate limiter keeps Telegram's overall limit exactly, and retries a server error once more."""

from __future__ import annotations

import asyncio

from telegram.ext import ExtBot

from followup.telegram.ratelimit import PatientRateLimiter
from tests.support.fake_telegram import FakeTelegram

BURST = 75  # two and a half seconds' worth at 30 a second


async def test_a_burst_to_many_chats_draws_no_429(fake: FakeTelegram) -> None:
    chats = [fake.user(5000 + i).id for i in range(BURST)]
    fake.enforce_limits(per_chat_per_second=1, overall_per_second=30)
    bot = ExtBot(fake.token, base_url=fake.base_url, rate_limiter=PatientRateLimiter())
    async with bot:
        loop = asyncio.get_running_loop()
        start = loop.time()
        await asyncio.gather(*(bot.send_message(chat, "nudge") for chat in chats))
        elapsed = loop.time() - start
    assert fake.rate_limited == 0
    assert sum(len(fake.chat_messages(chat)) for chat in chats) == BURST
    assert elapsed >= (BURST - 30) / 30 * 0.95  # paced, not sent in one go


async def test_a_server_error_is_retried(fake: FakeTelegram) -> None:
    ann = fake.user(1001)
    fake.fail_next("sendMessage", 502, chat_id=ann.id)
    bot = ExtBot(
        fake.token, base_url=fake.base_url, rate_limiter=PatientRateLimiter(first_wait=0.01)
    )
    async with bot:
        await bot.send_message(ann.id, "hello")
    assert [m.text for m in fake.chat_messages(ann.id)] == ["hello"]
