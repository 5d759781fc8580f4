"""Shared fixtures: the clock, the store, the fake Bot API server and the real bot against it.

What they are built from lives in tests/support/; tests/e2e/conftest.py runs its tests on both
stores.
"""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import time_machine
from telegram.warnings import PTBUserWarning

from followup.core.timing import load_timing
from followup.core.workdays import user_calendar
from tests.support.bot import Bot, running_bot
from tests.support.clock import START, Clock
from tests.support.driver import settled
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.stores import Backend
from tests.support.voice import OneVoice

warnings.filterwarnings("ignore", category=PTBUserWarning, message=".*per_message.*")


@pytest.fixture
def clock() -> Iterator[Clock]:
    """The wall clock, stopped at START and moved by the test (it still ticks in between)."""
    with time_machine.travel(START, tick=True) as traveller:
        yield Clock(traveller)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def backend(data_dir: Path) -> Backend:
    """The bot's store: TinyDB files here (tests/e2e/conftest.py adds PostgreSQL)."""
    return Backend(data_dir)


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server
        assert server.violations == [], "the bot sent requests Telegram would reject"


@pytest.fixture
async def bot(fake: FakeTelegram, backend: Backend, clock: Clock) -> AsyncIterator[Bot]:
    async with running_bot(fake, backend, clock) as application:
        yield application


@pytest.fixture
async def ann(fake: FakeTelegram, backend: Backend) -> FakeUser:
    return await settled(backend, fake.user(1001, "Ann"))


@pytest.fixture
async def bob(fake: FakeTelegram, backend: Backend) -> FakeUser:
    return await settled(backend, fake.user(2002, "Bob"))


@pytest.fixture(autouse=True)
def one_voice(request: pytest.FixtureRequest) -> Iterator[OneVoice | None]:
    """In every end-to-end test: each date a bot message states must agree with the plans."""
    if "fake" not in request.fixturenames:
        yield None
        return
    fake: FakeTelegram = request.getfixturevalue("fake")
    backend: Backend = (
        request.getfixturevalue("backend")
        if "backend" in request.fixturenames  # else a test of the fake itself: nothing stored
        else Backend(request.getfixturevalue("data_dir"))
    )
    checker = OneVoice(backend, load_timing(), user_calendar, last_said=fake.last_text_from)
    fake.watchers.append(checker)
    yield checker
    assert checker.problems == [], "a message stated a date no plan accounts for"


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
