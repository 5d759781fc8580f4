"""End to end: public holidays, from the country chosen at first use to the dates the bot states."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.support.bot import running_bot
from tests.support.clock import Clock
from tests.support.driver import log_interview, next_new, say, tap
from tests.support.fake_telegram import FakeTelegram
from tests.support.stores import Backend


async def test_a_country_confirmed_at_first_use_moves_the_follow_up_past_christmas(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    hugh = fake.user(8008, "Hugh")
    clock.go(datetime(2026, 12, 17, 10, tzinfo=ZoneInfo("Europe/London")))
    async with running_bot(fake, backend, clock):
        await say(hugh, "/start")
        await next_new(hugh)
        country = await say(hugh, "London")
        assert country.button_texts[0] == "United Kingdom — England"
        offer = await tap(hugh, "United Kingdom — England")
        assert "England" in offer.text and "Shall we log" in offer.text
        summary = await log_interview(hugh, "Initech", begin="Log an interview")
        # Five working days from Thu 17 Dec is Thu 24 Dec: inside the break, so Mon 4 Jan.
        assert "No news by Mon 4 Jan 2027?" in summary.text
        clock.go(datetime(2026, 12, 22, 9, tzinfo=ZoneInfo("Europe/London")))
        await next_new(hugh, 10)  # the reassurance, Mon 21 Dec (the thank-you went with it)
        verdict = await say(hugh, "should I chase them yet?")
        assert "follow up from Mon 4 Jan 2027" in verdict.text
        assert "Christmas and New Year break" in verdict.text
        status = await say(hugh, "/status")
        assert "next: follow-up, Mon 4 Jan 2027, 10:00" in status.text  # /status agrees
