"""Hosting end to end: webhook delivery, /healthz and /metrics over HTTP, the bot's description.

The bot runs as bot.py runs it (followup.telegram.runner.serve) against the fake Bot API
server; in webhook mode the fake posts each update to the bot's webhook server on loopback
with the secret header.
"""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from telegram.ext import Application

from bot import build_application
from content import load_content
from followup.ops.settings import Settings, Webhook
from followup.telegram.runner import MONITOR_KEY, serve
from tests.support.bot import bot_settings
from tests.support.clock import START, Clock
from tests.support.driver import next_new, say, settled, tap
from tests.support.fake_telegram import SECRET_HEADER, FakeTelegram, FakeUser
from tests.support.stores import Backend

Bot = Application  # type: ignore[type-arg]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def hosting_settings(fake: FakeTelegram, data_dir: Path, webhook: bool = False) -> Settings:
    """The fake's settings, with /healthz on any free port, and webhook mode if asked."""
    port = free_port()
    hook = (
        Webhook(f"http://127.0.0.1:{port}/hook", "127.0.0.1", port, "s3cret-Token_1")
        if webhook
        else None
    )
    return bot_settings(fake, Backend(data_dir), webhook=hook, http_port=0, health_max_age=60.0)


@asynccontextmanager
async def served(settings: Settings, clock: Clock) -> AsyncIterator[Bot]:
    """The bot run by followup.telegram.runner.serve, as bot.py runs it, until the block ends."""
    application = build_application(settings, clock=clock, chat_pace_seconds=0.05)
    clock.bot = application  # clock.go() wakes its scheduler
    stop, ready = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(serve(application, settings, stop, ready))
    async with asyncio.timeout(20):
        await asyncio.wait([task, asyncio.create_task(ready.wait())], return_when="FIRST_COMPLETED")
    if task.done():
        task.result()  # raises what stopped it
    try:
        yield application
    finally:
        clock.bot = None
        stop.set()
        await task


async def eventually(check: Callable[[], Awaitable[bool]], timeout: float = 10) -> None:
    """Wait until `check` holds (asking again every few milliseconds), or fail."""
    async with asyncio.timeout(timeout):
        while not await check():
            await asyncio.sleep(0.02)


def monitor_url(application: Bot) -> str:
    return str(application.bot_data[MONITOR_KEY].url)


async def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as answer:
        return answer.status, await answer.text()


async def debrief_with_an_agency(ann: FakeUser) -> None:
    """The agency debrief of the polling tests: eight answers, then the summary."""
    assert "Which company" in (await say(ann, "/new")).text
    assert "role" in (await say(ann, "Acme Ltd")).text
    assert "When" in (await tap(ann, "Skip")).text
    assert "agency" in (await tap(ann, "It just ended")).text
    assert "decide" in (await say(ann, "Sam Jones")).text
    assert "card" in (await tap(ann, "They didn't say")).text
    assert "How did it go" in (await tap(ann, "Neither")).text
    assert "remember" in (await tap(ann, "Good")).text
    summary = await say(ann, "Met Priya, asked about tests")
    assert "Saved: Acme Ltd" in summary.text and "ring Sam Jones" in summary.text


def metric(text: str, name: str, **labels: str) -> float:
    """One sample's value from the Prometheus text format (0 if absent)."""
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in text.splitlines():
        found = re.fullmatch(rf"{re.escape(name)}(?:\{{(.*)\}})? (\S+)", line)
        if found and ",".join(sorted((found[1] or "").split(","))) == wanted:
            return float(found[2])
    return 0.0


# --- webhook ---------------------------------------------------------------------------------


async def test_the_debrief_arrives_by_webhook(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    settings = hosting_settings(fake, data_dir, webhook=True)
    assert settings.webhook is not None
    async with served(settings, clock):
        assert fake.webhook == {"url": settings.webhook.url, "secret_token": "s3cret-Token_1"}
        ann = await settled(Backend(data_dir), fake.user(1001, "Ann"))
        await debrief_with_an_agency(ann)
        assert fake.webhook_deliveries >= 9
        assert not fake.calls_to("getUpdates")  # nothing was polled
    assert fake.webhook is not None  # left registered: the next start sets it again


async def test_a_forged_or_missing_secret_is_refused(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    settings = hosting_settings(fake, data_dir, webhook=True)
    assert settings.webhook is not None
    forged = {
        "update_id": 999,
        "message": {
            "message_id": 1, "date": 0, "text": "/start",
            "chat": {"id": 1001, "type": "private", "first_name": "Mallory"},
            "from": {"id": 1001, "is_bot": False, "first_name": "Mallory"},
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }  # fmt: skip
    async with served(settings, clock) as application, aiohttp.ClientSession() as session:
        ann = await settled(Backend(data_dir), fake.user(1001, "Ann"))
        for headers in ({SECRET_HEADER: "guessed"}, {}):
            async with session.post(settings.webhook.url, json=forged, headers=headers) as answer:
                assert answer.status == 403
        await ann.expect_silence(0.5)
        assert "Hi Ann" in (await say(ann, "/start")).text  # the real one still gets through
        _, text = await get(f"{monitor_url(application)}/metrics")
        assert metric(text, "followup_updates_total") == 1


async def test_webhook_health_follows_telegrams_reports(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    settings = hosting_settings(fake, data_dir, webhook=True)
    async with served(settings, clock) as application:
        url = f"{monitor_url(application)}/healthz"
        assert (await get(url))[0] == 200
        # Someone pointed the webhook elsewhere: no update will reach this bot any more.
        fake.webhook = {"url": "http://127.0.0.1:9/elsewhere", "secret_token": None}
        clock.go(START + timedelta(seconds=61))

        async def unhealthy() -> bool:
            status, reason = await get(url)
            return status == 503 and "no successful webhook check for" in reason

        await eventually(unhealthy)


# --- /healthz and /metrics -------------------------------------------------------------------


async def test_healthz_turns_503_when_polling_stalls_and_recovers(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    async with served(hosting_settings(fake, data_dir), clock) as application:
        url = f"{monitor_url(application)}/healthz"
        assert await get(url) == (200, "ok\n")
        fake.stall_polling()
        clock.go(START + timedelta(seconds=90))
        reasons: list[str] = []

        async def only_polling_stalled() -> bool:
            status, reason = await get(url)
            reasons.append(reason)
            # The scheduler, woken by the move, ticks on: only polling is named.
            return status == 503 and "scheduler" not in reason

        await eventually(only_polling_stalled)
        assert re.fullmatch(r"no successful getUpdates for \d+ s \(limit 60 s\)\n", reasons[-1])
        fake.stall_polling(False)
        # The next answered poll (at the latest when its long-poll time ends) is a heartbeat.
        assert "Hi Ann" in (await say(fake.user(1001, "Ann"), "/start")).text

        async def healthy() -> bool:
            return (await get(url))[0] == 200

        await eventually(healthy)


async def test_metrics_count_updates_replies_and_a_nudge(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    async with served(hosting_settings(fake, data_dir), clock) as application:
        ann = await settled(Backend(data_dir), fake.user(1001, "Ann"))
        await debrief_with_an_agency(ann)
        # An hour later: "call your recruiter" is due, and goes out.
        clock.go(START + timedelta(hours=1, minutes=1))
        nudge = await next_new(ann)
        assert "Sam Jones" in nudge.text
        text = ""

        async def nudge_counted() -> bool:
            nonlocal text
            _, text = await get(f"{monitor_url(application)}/metrics")
            return bool(
                metric(text, "followup_nudges_total", kind="recruiter_feedback", outcome="sent")
            )

        await eventually(nudge_counted)
        assert metric(text, "followup_nudges_total", kind="recruiter_feedback", outcome="sent") == 1
        assert metric(text, "followup_updates_total") == 9
        assert metric(text, "followup_messages_sent_total", method="sendMessage") >= 10
        assert metric(text, "followup_nudge_lateness_seconds_count", kind="recruiter_feedback") == 1
        assert metric(text, "followup_pending_nudges") >= 1  # "no news is normal" and the rest
        assert metric(text, "followup_users") == 1
        assert metric(text, "followup_rate_limited_total") == 0
        assert (
            metric(text, "followup_bot_api_requests_total", method="getUpdates", status="200") > 0
        )


async def test_429s_and_retries_are_counted(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    async with served(hosting_settings(fake, data_dir), clock) as application:
        ann = await settled(Backend(data_dir), fake.user(1001, "Ann"))
        fake.fail_next("sendMessage", 429, retry_after=1, chat_id=ann.id)
        assert "Hi Ann" in (await say(ann, "/start")).text
        _, text = await get(f"{monitor_url(application)}/metrics")
        assert metric(text, "followup_rate_limited_total") == 1
        assert metric(text, "followup_retries_total", method="sendMessage") == 1


async def test_health_and_metrics_listen_on_loopback_by_default(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    settings = hosting_settings(fake, data_dir)
    assert settings.http_host == "127.0.0.1"
    async with served(settings, clock) as application:
        assert monitor_url(application).startswith("http://127.0.0.1:")
        status, _ = await get(f"{monitor_url(application)}/nothing-here")
        assert status == 404


async def test_the_empty_chat_screen_describes_the_bot(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    content = load_content()
    async with served(hosting_settings(fake, data_dir), clock):
        assert fake.description == content.label("about.description")
        assert fake.short_description == content.label("about.short_description")
    assert len(fake.short_description) <= 120 and len(fake.description) <= 512


async def test_one_log_line_per_nudge_without_names_or_text(
    fake: FakeTelegram,
    data_dir: Path,
    clock: Clock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("INFO", logger="followup.ops.metrics")
    async with served(hosting_settings(fake, data_dir), clock):
        ann = await settled(Backend(data_dir), fake.user(1001, "Ann"))
        await debrief_with_an_agency(ann)
        clock.go(START + timedelta(hours=1, minutes=1))
        await next_new(ann)

        async def logged() -> bool:
            return any(r.name == "followup.ops.metrics" for r in caplog.records)

        await eventually(logged)
    (line,) = [r.getMessage() for r in caplog.records if r.name == "followup.ops.metrics"]
    assert re.fullmatch(r"nudge sent: kind=recruiter_feedback interview=\S+ late=\d+s", line)
    assert "Ann" not in line and "Acme" not in line and "Sam" not in line
