"""Shared fixtures: a movable clock, the fake Bot API server, and the real bot against it."""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from fake_telegram import BotMessage, FakeTelegram, FakeUser
from telegram.ext import Application
from telegram.warnings import PTBUserWarning
from voice import OneVoice

from bot import build_application
from followup.core.model import UserSettings
from followup.core.timing import load_timing
from followup.core.workdays import user_calendar
from followup.ops.clock import utc_now
from followup.ops.settings import Settings
from followup.store.tinydb import Store

warnings.filterwarnings("ignore", category=PTBUserWarning, message=".*per_message.*")

# A Wednesday afternoon in London (GMT in November), so "just now" is inside working hours.
START = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)


class FakeClock:
    """The wall clock in tests, moved by time-machine: the bot and APScheduler both see it."""

    def __init__(self, traveller: time_machine.Coordinates) -> None:
        self.traveller = traveller

    def __call__(self) -> datetime:
        return utc_now()

    def advance(self, **delta: float) -> datetime:
        self.traveller.shift(timedelta(**delta))
        return utc_now()


@pytest.fixture
def clock() -> Iterator[FakeClock]:
    with time_machine.travel(START, tick=True) as traveller:
        yield FakeClock(traveller)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server
        assert server.violations == [], "the bot sent requests Telegram would reject"


def bot_settings(fake: FakeTelegram, data_dir: Path, timezone: str = "Europe/London") -> Settings:
    return Settings(
        token=fake.token,
        api_base_url=fake.base_url,
        data_dir=data_dir,
        timezone=timezone,
        console=False,
        log_level="INFO",
    )


@asynccontextmanager
async def running_bot(
    fake: FakeTelegram,
    data_dir: Path,
    clock: Callable[[], datetime],
    timezone: str = "Europe/London",
) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """The real Application, polling the fake server, started and stopped as run_polling does."""
    async with running_bot_with(bot_settings(fake, data_dir, timezone), clock) as application:
        yield application


@pytest.fixture
def traveller() -> Iterator[time_machine.Coordinates]:
    """The wall clock, stopped at START and moved by the test (it still ticks in between)."""
    with time_machine.travel(START, tick=True) as coordinates:
        yield coordinates


@asynccontextmanager
async def coach(fake: FakeTelegram, data_dir: Path) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """The bot on the wall clock (which time-machine moves)."""
    async with running_bot(fake, data_dir, utc_now) as application:
        yield application


def move_to(app: Application, traveller: time_machine.Coordinates, when: datetime) -> None:  # type: ignore[type-arg]
    """Set the wall clock and wake the scheduler so due jobs run now."""
    traveller.move_to(when)
    assert app.job_queue is not None
    app.job_queue.scheduler.wakeup()


@pytest.fixture
async def bot(fake: FakeTelegram, data_dir: Path, clock: FakeClock) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    async with running_bot(fake, data_dir, clock) as application:
        yield application


def settled(
    data_dir: Path, user: FakeUser, zone: str = "Europe/London", country: str = "none"
) -> FakeUser:
    """A user who already told the bot where they are and how to sign their drafts.

    Most tests are about something else than the first-use questions; those have tests of
    their own with newcomers (fake.user() without this).
    """
    store = Store(data_dir)
    store.save_settings(
        UserSettings(
            user_id=user.id,
            chat_id=user.id,
            timezone=zone,
            zone_confirmed=True,
            country=country,
            sender_name=user.chat.first_name,
        )
    )
    store.close()
    return user


@pytest.fixture
def ann(fake: FakeTelegram, data_dir: Path) -> FakeUser:
    return settled(data_dir, fake.user(1001, "Ann"))


@pytest.fixture
def bob(fake: FakeTelegram, data_dir: Path) -> FakeUser:
    return settled(data_dir, fake.user(2002, "Bob"))


@pytest.fixture(autouse=True)
def one_voice(request: pytest.FixtureRequest) -> Iterator[OneVoice | None]:
    """In every end-to-end test: each date a bot message states must agree with the plans."""
    if "fake" not in request.fixturenames:
        yield None
        return
    fake: FakeTelegram = request.getfixturevalue("fake")
    data_dir: Path = request.getfixturevalue("data_dir")
    checker = OneVoice(data_dir, load_timing(), user_calendar, last_said=fake.last_text_from)
    fake.watchers.append(checker)
    yield checker
    assert checker.problems == [], "a message stated a date no plan accounts for"


async def next_new(user: FakeUser, timeout: float = 5.0) -> BotMessage:
    """The next message the bot sends (skipping edits of earlier ones, e.g. a settled button)."""
    while True:
        message = await user.next_message(timeout)
        if not message.edited:
            return message


async def say(user: FakeUser, text: str) -> BotMessage:
    """Send text and return the bot's next new message."""
    await user.send(text)
    return await next_new(user)


async def tap(user: FakeUser, label: str) -> BotMessage:
    """Press a button on the newest message with buttons and return the bot's next new message."""
    await user.press(label)
    return await next_new(user)


@pytest.fixture(autouse=True)
def _no_real_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep proxies from the environment away from loopback test traffic."""
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    yield


# --- Long-run sizes and figures, for the crash, restart, fault, fuzz and security tests. ---


def long_run_size(variable: str, ci: int, full: int) -> int:
    """A test's size: `variable` if set, `full` with FOLLOWUP_LONG_TESTS=1, else the CI size."""
    import os

    if os.environ.get(variable):
        return int(os.environ[variable])
    return full if os.environ.get("FOLLOWUP_LONG_TESTS") == "1" else ci


def report_figures(title: str, **figures: object) -> None:
    """Print a test's figures on one line (shown with `pytest -s`)."""
    line = f"[figures] {title}: " + ", ".join(f"{name}={value}" for name, value in figures.items())
    print(line, flush=True)


def settings_for_url(
    fake: FakeTelegram,
    data_dir: Path,
    base_url: str,
    allowed_users: frozenset[int] | None = None,
    log_level: str = "INFO",
) -> Settings:
    """Settings for the fake's token with any API address (a proxy) and an optional allow-list."""
    return Settings(
        token=fake.token,
        api_base_url=base_url,
        data_dir=data_dir,
        timezone="Europe/London",
        console=False,
        log_level=log_level,
        allowed_users=allowed_users,
    )


@asynccontextmanager
async def running_bot_with(
    settings: Settings, clock: Callable[[], datetime]
) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Like running_bot, but built from the given Settings."""
    application = build_application(settings, clock=clock, chat_pace_seconds=0.05)
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0, timeout=1)
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)


def nudge_deliveries(fake: FakeTelegram, user_ids: Iterable[int]) -> Counter[str]:
    """How many messages each nudge id arrived in, found through its buttons' data."""
    counts: Counter[str] = Counter()
    for user_id in user_ids:
        for message in fake.chat_messages(user_id):
            counts.update(
                {
                    (button.callback_data or "").rsplit(":", 1)[-1]
                    for row in message.buttons
                    for button in row
                    if (button.callback_data or "").startswith("v1:nudge:")
                }
            )
    return counts
