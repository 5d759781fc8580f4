"""The runner serves the calendar feeds on the /healthz listener when a public address is set."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import icalendar

from tests.hosting.test_serve import get, hosting_settings, monitor_url, served
from tests.support.clock import Clock
from tests.support.driver import say
from tests.support.fake_telegram import FakeTelegram


async def test_the_feed_is_served_beside_healthz(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    settings = dataclasses.replace(
        hosting_settings(fake, data_dir), public_url="https://coach.example.com"
    )
    async with served(settings, clock) as application:
        base = monitor_url(application)
        offered = await say(fake.user(1001, "Ann"), "/calendar")
        found = re.search(r"https://coach\.example\.com(/cal/[A-Za-z0-9_-]{43}\.ics)", offered.text)
        assert found is not None
        status, body = await get(base + found[1])
        assert status == 200
        assert icalendar.Calendar.from_ical(body)["X-PUBLISHED-TTL"] == "PT1H"
        assert (await get(base + "/healthz"))[0] == 200
        assert (await get(base + found[1].replace(".ics", "x.ics")))[0] == 404


async def test_without_a_public_address_nothing_is_served(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    async with served(hosting_settings(fake, data_dir), clock) as application:
        status, _ = await get(monitor_url(application) + "/cal/" + "A" * 43 + ".ics")
        assert status == 404
