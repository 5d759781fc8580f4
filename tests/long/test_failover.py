"""Two replicas on one PostgreSQL database: kill -9 the active one, and the standby takes over.

Both run as bot.py runs in production (their own processes) against the fake Bot API server.
Nudges fall due across a window of real time to many users, and two users are in the middle of a
debrief; at a random moment the active replica is killed. The standby must take over within 10 s
(its /healthz turns from 503 "standby" to 200), no nudge may be lost, repeats may not exceed the
nudges in flight at the kill (claimed by the killed one and not yet marked), and the users in
the middle of the debrief go on at the question they were at. The killed replica is then started
again, as the new standby, for the next round.

Sizes: FOLLOWUP_FAILOVER_ROUNDS, FOLLOWUP_FAILOVER_NUDGES, or FOLLOWUP_LONG_TESTS=1 (20 rounds,
1,000 nudges to 200 users over a minute each).
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import psycopg
import pytest

from followup.core.model import Interview, Nudge, NudgeKind, NudgeState, UserSettings
from followup.ops.geo.process_index import default_index_folder
from followup.store.postgres import PostgresRepository
from tests.support import pg
from tests.support.driver import next_new
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.runs import long_run_size, nudge_deliveries, report_figures

REPO = Path(__file__).resolve().parents[2]
TAKEOVER_LIMIT = 10.0  # seconds from the kill to the standby's /healthz answering 200
FIRST_USER = 50_000


@pytest.fixture
def database_url() -> Iterator[str]:
    with pg.fresh_database() as url:
        yield url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Replica:
    """One bot.py process and where to ask it how it is."""

    name: str
    process: asyncio.subprocess.Process
    port: int

    @property
    def owner(self) -> str:
        """How its claims are signed in the database (see bot.py)."""
        return f"{socket.gethostname()}:{self.process.pid}"

    async def health(self) -> tuple[int, str]:
        try:
            async with (
                aiohttp.ClientSession() as session,
                session.get(
                    f"http://127.0.0.1:{self.port}/healthz", timeout=aiohttp.ClientTimeout(total=2)
                ) as answer,
            ):
                return answer.status, await answer.text()
        except (aiohttp.ClientError, TimeoutError):
            return 0, "no answer"


async def start_replica(name: str, fake: FakeTelegram, url: str, workdir: Path) -> Replica:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    port = free_port()
    env |= {
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "FOLLOWUP_DATABASE_URL": url,
        # One folder for all: with PostgreSQL, replicas on one machine may share it.
        "FOLLOWUP_DATA_DIR": str(workdir / "data"),
        "FOLLOWUP_CACHE_DIR": str(default_index_folder()),
        "FOLLOWUP_HTTP_PORT": str(port),
        "FOLLOWUP_TIMEZONE": "Europe/London",
        "FOLLOWUP_LOG_LEVEL": "INFO",
    }
    log = (workdir / f"{name}.log").open("ab")
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(REPO / "bot.py"), cwd=REPO, env=env, stdout=log, stderr=log
    )
    return Replica(name, process, port)


async def wait_health(replica: Replica, status: int, timeout: float) -> float:
    """Seconds until the replica's /healthz answers `status`; fails after `timeout`."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if (await replica.health())[0] == status:
            return time.monotonic() - started
        await asyncio.sleep(0.1)
    raise AssertionError(
        f"{replica.name}: /healthz never answered {status}: {await replica.health()}"
    )


@asynccontextmanager
async def repository(url: str) -> AsyncIterator[PostgresRepository]:
    repo = PostgresRepository(url)
    await repo.open()
    try:
        yield repo
    finally:
        await repo.close()


async def seed(
    url: str, round_number: int, users: int, nudges: int, start: datetime, window: float
) -> list[Nudge]:
    """Users who followed up twice, each with "time to move on" nudges due across the window.

    (That kind never goes stale and re-plans nothing when sent, so each due nudge is exactly one
    message to count.)
    """
    made: list[Nudge] = []
    async with repository(url) as repo:
        for index in range(users):
            user_id = FIRST_USER + index
            when = start - timedelta(days=20)
            await repo.save_settings(
                UserSettings(user_id, user_id, "Europe/London", zone_confirmed=True, country="none")
            )
            interview = Interview(
                id=f"iv{user_id}", user_id=user_id, company=f"Co {index}", when=when,
                created=when, debriefed=True, chases=(when + timedelta(days=6),
                                                      when + timedelta(days=12)),
            )  # fmt: skip
            await repo.save_interview(interview)
        rng = random.Random(round_number)
        for k in range(nudges):
            user_id = FIRST_USER + k % users
            due = start + timedelta(seconds=rng.uniform(0, window))
            nudge_id = f"r{round_number}m{k}"
            made.append(Nudge(nudge_id, user_id, user_id, f"iv{user_id}", NudgeKind.MOVE_ON, due))
        await repo.save_nudges(made)
    return made


def states(url: str, ids: list[str]) -> Counter[str]:
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute("SELECT state FROM nudges WHERE id = ANY(%s)", [ids]).fetchall()
    return Counter(row[0] for row in rows)


def in_flight(url: str, owner: str, ids: list[str]) -> int:
    """Nudges the killed replica had claimed and not settled: the most it may have repeated."""
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM nudges WHERE claimed_by = %s AND state = 'pending'"
            " AND id = ANY(%s)",
            [owner, ids],
        ).fetchone()
    return int(row[0]) if row else 0


async def begin_debrief(user: FakeUser) -> None:
    await user.send("/new")
    assert "Which company" in (await next_new(user, 15)).text
    await user.send("Initech")
    assert "role" in (await next_new(user, 15)).text


async def test_the_standby_takes_over_when_the_active_replica_is_killed(
    fake: FakeTelegram, database_url: str, tmp_path: Path
) -> None:
    rounds = long_run_size("FOLLOWUP_FAILOVER_ROUNDS", ci=1, full=20)
    nudges = long_run_size("FOLLOWUP_FAILOVER_NUDGES", ci=80, full=1000)
    users = max(10, nudges // 5)
    window = 15.0 if nudges <= 100 else 60.0
    rng = random.Random(5)
    for index in range(users):  # their chats exist on the fake server
        fake.user(FIRST_USER + index, f"U{index}")
    debriefing = [fake.user(90_001, "Dee"), fake.user(90_002, "Ed")]
    for user in debriefing:  # settled users: where they are is known already
        async with repository(database_url) as repo:
            await repo.save_settings(
                UserSettings(user.id, user.id, "Europe/London", zone_confirmed=True, country="none")
            )
    active = await start_replica("a", fake, database_url, tmp_path)
    await wait_health(active, 200, 60)
    standby = await start_replica("b", fake, database_url, tmp_path)
    await wait_health(standby, 503, 60)
    assert "standby" in (await standby.health())[1]
    takeovers: list[float] = []
    lost_total = repeated_total = flight_total = sent_total = 0
    try:
        for round_number in range(rounds):
            start = datetime.now(UTC) + timedelta(seconds=2)
            made = await seed(database_url, round_number, users, nudges, start, window)
            ids = [n.id for n in made]
            user_ids = sorted({n.user_id for n in made})
            for user in debriefing:
                await begin_debrief(user)
            await asyncio.sleep(2 + rng.uniform(0.1, 0.6) * window)
            active.process.kill()  # kill -9: no goodbye, its database connections just drop
            await active.process.wait()
            flight = in_flight(database_url, active.owner, ids)
            takeovers.append(await wait_health(standby, 200, 30))
            for user in debriefing:  # the open question survived: the role, not the company
                await user.send("skip")
                assert "When was" in (await next_new(user, 15)).text
                await user.send("/cancel")
                await next_new(user, 15)
            deadline = time.monotonic() + window + 60
            while states(database_url, ids)["pending"] and time.monotonic() < deadline:
                await asyncio.sleep(0.5)
            counted = nudge_deliveries(fake, user_ids)
            done = states(database_url, ids)
            lost = [i for i in ids if counted[i] == 0]
            # This round's ids only: the chats also hold earlier rounds' nudges and their repeats.
            repeated = sum(counted[i] - 1 for i in ids if counted[i] > 1)
            assert done["pending"] == 0 and lost == [], (done, lost[:5])
            assert done[NudgeState.SENT.value] == len(ids), done  # sent, not skipped
            assert repeated <= flight, (repeated, flight)
            lost_total += len(lost)
            repeated_total += repeated
            flight_total += flight
            sent_total += done[NudgeState.SENT.value]
            # The killed one comes back (a supervisor would restart it) as the new standby.
            restarted = await start_replica(f"r{round_number}", fake, database_url, tmp_path)
            active, standby = standby, restarted
            await wait_health(standby, 503, 60)
    finally:
        for replica in (active, standby):
            if replica.process.returncode is None:
                replica.process.kill()
                await replica.process.wait()
    report_figures(
        "failover",
        rounds=rounds,
        nudges_per_round=nudges,
        users=users,
        takeover_seconds_max=round(max(takeovers), 2),
        takeover_seconds_mean=round(sum(takeovers) / len(takeovers), 2),
        sent=sent_total,
        lost=lost_total,
        repeated=repeated_total,
        in_flight_at_kills=flight_total,
    )
    assert max(takeovers) <= TAKEOVER_LIMIT
