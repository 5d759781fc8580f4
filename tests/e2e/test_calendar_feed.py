"""End to end: /calendar's private address, fetched over real HTTP from the bot's listener as a
reverse proxy would (the public address's path prefix passed on, X-Forwarded headers added),
parsed with icalendar, and compared with /status and the stored plan, before and after an edit.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime

import aiohttp
import icalendar

from followup.core.formatting import local_moment
from followup.core.model import NudgeState
from followup.ops.health import BOT_DATA_KEY as HEALTH_KEY
from followup.ops.metrics import BOT_DATA_KEY as METRICS_KEY
from followup.ops.monitoring import ROUTES_KEY, MonitoringServer
from tests.support.bot import Bot, running_bot
from tests.support.clock import LONDON, Clock, london
from tests.support.driver import log_interview, next_new, say, tap
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.stores import Backend

PUBLIC = "https://coach.example.com/coach"
ADDRESS = re.compile(re.escape(PUBLIC) + r"/cal/([A-Za-z0-9_-]+)\.ics")
PROXY_HEADERS = {
    "X-Forwarded-For": "203.0.113.7",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "coach.example.com",
    "X-Real-IP": "203.0.113.7",
}
Events = dict[str, icalendar.Event]


@asynccontextmanager
async def feed_listener(bot: Bot) -> AsyncIterator[str]:
    """The bot's HTTP listener, as the runner starts it, on a free port: its base URL."""
    monitor = MonitoringServer(
        bot.bot_data[HEALTH_KEY], bot.bot_data[METRICS_KEY], "127.0.0.1", 0,
        bot.bot_data[ROUTES_KEY],
    )  # fmt: skip
    monitor.start()
    try:
        yield monitor.url
    finally:
        await monitor.stop()


async def fetch(base: str, path: str) -> tuple[int, bytes, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(base + path, headers=PROXY_HEADERS) as response,
    ):
        return response.status, await response.read(), response.headers.get("Content-Type", "")


async def feed(base: str, token: str, prefix: str = "/coach") -> Events:
    status, body, kind = await fetch(base, f"{prefix}/cal/{token}.ics")
    assert status == 200 and kind.startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar.get_missing_tzids() == set()
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


async def settled_in_london(user: FakeUser) -> None:
    await say(user, "/start")
    await next_new(user)
    await say(user, "London")
    await say(user, "England")


def token_in(text: str) -> str:
    match = ADDRESS.search(text)
    assert match is not None, text
    assert f"webcal://coach.example.com/coach/cal/{match[1]}.ics" in text
    return match[1]


def start(event: icalendar.Event) -> datetime:
    moment = event.decoded("DTSTART")
    assert isinstance(moment, datetime)
    return moment


async def agrees_with_status(user: FakeUser, events: Events, backend: Backend) -> None:
    """Every moment /status states is an event of the feed at that moment, and every pending
    nudge of the store is one event of the feed, at its due time."""
    status = (await say(user, "/status")).text
    now = datetime.now(LONDON)
    for title, event in events.items():
        if title.startswith("Interview: "):
            assert local_moment(start(event), LONDON, now, "en") in status, (title, status)
    next_line = next(line for line in status.splitlines() if "next:" in line)
    kind, _, when = next_line.split("next:")[1].strip().partition(", ")
    title = f"{kind[:1].upper()}{kind[1:]}: Acme"
    assert local_moment(start(events[title]), LONDON, now, "en") == when, (next_line, title)
    async with backend.repository() as store:
        pending = [n for n in await store.nudges(user.id) if n.state is NudgeState.PENDING]
    planned = [
        start(event)
        for title, event in events.items()
        if not title.startswith("Interview") and isinstance(event.decoded("DTSTART"), datetime)
    ]
    assert sorted(planned) == sorted(n.due.replace(microsecond=0) for n in pending)


async def test_the_feed_matches_status_before_and_after_an_edit(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    ann = fake.user(1001, "Ann")
    clock.go(london(11, 30, 10))
    async with (
        running_bot(fake, backend, clock, public_url=PUBLIC) as bot,
        feed_listener(bot) as base,
    ):
        await settled_in_london(ann)
        await log_interview(ann, "Acme", decision="friday")
        await say(ann, "/pause")  # keep the timed nudges out of the conversation
        offered = await say(ann, "/calendar")
        assert "Google Calendar can take several hours" in offered.text
        assert offered.button_texts == ["🔄 New link", "🚫 Turn it off"]
        token = token_in(offered.text)

        before = await feed(base, token)
        assert before["Acme should decide"].decoded("DTSTART") == date(2026, 12, 4)
        await agrees_with_status(ann, before, backend)
        assert {int(e["SEQUENCE"]) for e in before.values()} == {0}

        await say(ann, "/status")
        await tap(ann, "✏️ Acme")
        await tap(ann, "When they'll decide")
        await say(ann, "next wednesday")  # two readings: asked back
        await tap(ann, "Wed 9 Dec")
        after = await feed(base, token, prefix="")  # a proxy that strips the prefix
        assert after["Acme should decide"].decoded("DTSTART") == date(2026, 12, 9)
        await agrees_with_status(ann, after, backend)
        assert "Follow-up: Acme" in before and "Follow-up: Acme" in after
        moved, was = after["Follow-up: Acme"], before["Follow-up: Acme"]
        assert start(moved) > start(was) and str(moved["UID"]) == str(was["UID"])
        assert int(moved["SEQUENCE"]) == 1 and int(after["Interview: Acme"]["SEQUENCE"]) == 0

        again = await say(ann, "/calendar")  # the address is not kept: only a new one
        assert ADDRESS.search(again.text) is None and "New link" in again.text


async def test_revoked_unknown_and_forgotten_tokens_get_a_plain_404(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    ann, bob = fake.user(1001, "Ann"), fake.user(2002, "Bob")
    async with (
        running_bot(fake, backend, clock, public_url=PUBLIC) as bot,
        feed_listener(bot) as base,
    ):
        for user, company in ((ann, "Acme"), (bob, "Initech")):
            await settled_in_london(user)
            await log_interview(user, company)
        offered = await say(ann, "/calendar")
        first = token_in(offered.text)
        renewed = await tap(ann, "New link")
        assert "old address no longer works" in renewed.text
        second = token_in(renewed.text)
        bobs = token_in((await say(bob, "/calendar")).text)

        _, nowhere, _ = await fetch(base, "/no/such/page")
        for gone in (first, "A" * 43, "short", first[:-1] + "é"):
            status, body, _ = await fetch(base, f"/coach/cal/{gone}.ics")
            assert (status, body) == (404, nowhere)  # the same page as any unknown path

        anns, bobs_feed = await feed(base, second), await feed(base, bobs)
        assert set(anns) == {t for t in anns if "Acme" in t or "Follow-up Coach" in t}
        assert anns and bobs_feed and not any("Acme" in title for title in bobs_feed)
        assert not any("Initech" in title for title in anns)

        old_button = next(b for row in offered.buttons for b in row if "off" in b.text)
        assert old_button.callback_data is not None
        await ann.press_data(old_button.callback_data, offered.message_id)  # an old message
        stale = await next_new(ann)
        assert "already replaced or turned off" in stale.text
        assert (await fetch(base, f"/coach/cal/{second}.ics"))[0] == 200

        await say(ann, "/forget")
        await tap(ann, "Yes, delete everything")
        assert (await fetch(base, f"/coach/cal/{second}.ics"))[0] == 404
        assert (await fetch(base, f"/coach/cal/{bobs}.ics"))[0] == 200


async def test_without_a_public_address_the_calendar_comes_as_a_file(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    empty = await say(ann, "/calendar")
    assert "nothing in your plan" in empty.text
    await log_interview(ann, "Acme")
    sent = await say(ann, "/calendar")
    assert sent.document is not None and sent.document.filename == "follow-up-coach.ics"
    assert "no public web address" in sent.text and "send /calendar again" in sent.text
    calendar = icalendar.Calendar.from_ical(sent.document.content)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    await agrees_with_status(ann, events, backend)
    assert bot.bot_data[ROUTES_KEY] == []  # nothing is served
