"""The active lock on a real server: one holder at a time, lost with its connection or process."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from followup.store.postgres.lock import DEFAULT_KEY, ActiveLock, lock_key
from tests.support import pg

REPO = Path(__file__).resolve().parents[2]
TAKEOVER_LIMIT_SECONDS = 10


@pytest.fixture
def database_url() -> Iterator[str]:
    """A fresh database on the test cluster."""
    with pg.fresh_database() as url:
        yield url


def backend_pids(url: str) -> list[int]:
    """The server processes of the lock's connections."""
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name = 'followup-active-lock'"
        ).fetchall()
    return [row[0] for row in rows]


async def backend_pids_once_settled(url: str, within: float = 5.0) -> list[int]:
    """The lock's server processes once closed connections are gone: a backend exits a moment
    after its client hangs up, and pg_stat_activity lists it until then."""
    deadline = time.monotonic() + within
    while (pids := backend_pids(url)) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return pids


async def test_one_holder_at_a_time_and_release_hands_over(database_url: str) -> None:
    active, standby = ActiveLock(database_url), ActiveLock(database_url)
    assert await active.try_acquire()
    assert await active.try_acquire()  # asking again while holding: still ours
    assert not await standby.try_acquire()
    assert await active.still_held()
    assert not await standby.still_held()
    await active.release()
    assert not await active.still_held()
    assert await standby.try_acquire()
    assert not await active.try_acquire()
    await standby.release()
    await active.release()


async def test_different_keys_do_not_exclude_each_other(database_url: str) -> None:
    negative = lock_key("bot-a")
    first, second = ActiveLock(database_url, negative), ActiveLock(database_url, lock_key("b"))
    assert lock_key("bot-a") == negative and negative != DEFAULT_KEY
    assert await first.try_acquire() and await second.try_acquire()
    assert await first.still_held() and await second.still_held()  # pg_locks found both keys
    await first.release()
    await second.release()


async def test_the_lock_goes_with_its_connection(database_url: str) -> None:
    active, standby = ActiveLock(database_url), ActiveLock(database_url)
    assert await active.try_acquire()
    assert not await standby.try_acquire()
    with psycopg.connect(database_url, autocommit=True) as admin:
        (holder,) = admin.execute(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
        ).fetchall()
        admin.execute("SELECT pg_terminate_backend(%s)", holder)
    assert not await active.still_held()
    assert await standby.try_acquire()
    assert not await active.try_acquire()  # reconnects, finds it taken
    await standby.release()
    await active.release()


async def test_a_standby_polling_keeps_one_connection(database_url: str) -> None:
    active, standby = ActiveLock(database_url), ActiveLock(database_url)
    assert await active.try_acquire()
    for _ in range(20):
        assert not await standby.try_acquire()
    assert len(backend_pids(database_url)) == 2
    await active.release()
    await standby.release()
    assert await backend_pids_once_settled(database_url) == []


async def test_an_unreachable_database_leaves_a_standby(tmp_path: Path) -> None:
    nowhere = f"postgresql://nobody@/none?host={tmp_path}"
    lock = ActiveLock(nowhere)
    assert not await lock.try_acquire()
    assert not await lock.still_held()
    await lock.release()


HOLDER = """
import asyncio, sys
from followup.store.postgres.lock import ActiveLock

async def main():
    lock = ActiveLock(sys.argv[1])
    print("held" if await lock.try_acquire() else "refused", flush=True)
    await asyncio.sleep(600)

asyncio.run(main())
"""


async def test_a_killed_holder_is_replaced_within_seconds(database_url: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, database_url],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        standby = ActiveLock(database_url)
        assert not await standby.try_acquire()
        holder.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        while not await standby.try_acquire():
            assert time.monotonic() - killed < TAKEOVER_LIMIT_SECONDS
            await asyncio.sleep(0.05)
        assert await standby.still_held()
        await standby.release()
    finally:
        holder.kill()
        holder.wait()
