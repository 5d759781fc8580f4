"""The dispatcher on python-telegram-bot's real JobQueue (APScheduler), with a stand-in deliver.

No Telegram here: deliver marks the nudge sent, as the real one does once Telegram took it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application, ApplicationBuilder

from followup.core.model import Nudge, NudgeKind, NudgeState
from followup.store.tinydb import TinyRepository
from followup.telegram.dispatcher import Dispatcher

Deliver = Callable[[Any, Nudge], Coroutine[Any, Any, None]]
HOUR = timedelta(hours=1)


def due_nudge(number: int, due: datetime) -> Nudge:
    return Nudge(f"n{number}", 7, 7, "iv1", NudgeKind.MOVE_ON, due)


@pytest.fixture
async def repository(tmp_path: Path) -> AsyncIterator[TinyRepository]:
    repo = TinyRepository(tmp_path)
    await repo.open()
    yield repo
    await repo.close()


@pytest.fixture
async def application() -> AsyncIterator[Application]:  # type: ignore[type-arg]
    app = ApplicationBuilder().token("1:dispatcher-test").updater(None).build()
    assert app.job_queue is not None
    await app.job_queue.start()
    yield app
    await app.job_queue.stop(wait=False)


def dispatcher(app: Application, repo: TinyRepository, deliver: Deliver) -> Dispatcher:  # type: ignore[type-arg]
    assert app.job_queue is not None
    # The safety-net tick is an hour away: only the wake-ups can send anything in these tests.
    return Dispatcher(app.job_queue, repo, deliver, lambda: datetime.now(UTC), "test", tick=HOUR)


async def test_a_nudge_falling_due_while_a_pass_runs_is_sent_in_that_pass(
    application: Application,  # type: ignore[type-arg]
    repository: TinyRepository,
) -> None:
    """The pass ends by setting a wake-up for "now" while its own job is still running;
    APScheduler's default would skip that run and leave the nudge for the next tick."""
    sent: list[str] = []
    both = asyncio.Event()

    async def deliver(context: Any, nudge: Nudge) -> None:
        if nudge.id == "n1":  # meanwhile another nudge falls due, written by someone else
            await repository.save_nudges([due_nudge(2, datetime.now(UTC))])
        await repository.mark_nudge(nudge.user_id, nudge.id, NudgeState.SENT, datetime.now(UTC))
        sent.append(nudge.id)
        if len(sent) == 2:
            both.set()

    await repository.save_nudges([due_nudge(1, datetime.now(UTC) - timedelta(seconds=1))])
    dispatcher(application, repository, deliver).start()
    await asyncio.wait_for(both.wait(), 10)
    assert sent == ["n1", "n2"]


async def test_a_poke_for_a_sooner_nudge_wakes_the_dispatcher_then(
    application: Application,  # type: ignore[type-arg]
    repository: TinyRepository,
) -> None:
    sent = asyncio.Event()

    async def deliver(context: Any, nudge: Nudge) -> None:
        await repository.mark_nudge(nudge.user_id, nudge.id, NudgeState.SENT, datetime.now(UTC))
        sent.set()

    running = dispatcher(application, repository, deliver)
    running.start()
    await repository.save_nudges([due_nudge(1, datetime.now(UTC))])
    running.poke(datetime.now(UTC))
    await asyncio.wait_for(sent.wait(), 10)
    assert (await repository.nudge(7, "n1")).state is NudgeState.SENT  # type: ignore[union-attr]


async def test_a_failing_deliver_keeps_the_others_going_and_its_nudge_waits_for_the_lease(
    application: Application,  # type: ignore[type-arg]
    repository: TinyRepository,
) -> None:
    delivered: list[str] = []
    done = asyncio.Event()

    async def deliver(context: Any, nudge: Nudge) -> None:
        if nudge.id == "n1":
            raise RuntimeError("a bug in composing this one")
        await repository.mark_nudge(nudge.user_id, nudge.id, NudgeState.SENT, datetime.now(UTC))
        delivered.append(nudge.id)
        done.set()

    now = datetime.now(UTC)
    await repository.save_nudges([due_nudge(1, now), due_nudge(2, now)])
    dispatcher(application, repository, deliver).start()
    await asyncio.wait_for(done.wait(), 10)
    assert delivered == ["n2"]
    # n1 stays pending under its claim: it comes back when the lease ends, not in a tight loop.
    assert (await repository.nudge(7, "n1")).state is NudgeState.PENDING  # type: ignore[union-attr]
    next_due = await repository.next_due()
    assert next_due is not None and next_due > now + timedelta(minutes=4)
