"""The PostgreSQL store's queue, measured: claim-and-mark throughput, and a replica's start-up
and `next_due()` with 1,000,000 pending nudges over 100,000 users.

    .venv/bin/python bench/pg_store.py                  a durable throwaway server (tests/support)
    .venv/bin/python bench/pg_store.py --quick          10x smaller, for trying it
    .venv/bin/python bench/pg_store.py --url postgresql://…   an existing, empty database

The throwaway server runs with PostgreSQL's defaults (fsync and synchronous commit on), so every
mark waits for its commit to reach the disk, as it would in production. Nudges are bulk-loaded
with COPY; the repository is then used exactly as the bot would use it.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "support"))  # its server

from followup.core.model import Nudge, NudgeState
from followup.store.postgres import PostgresRepository, migrate

NOW = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
LEASE = timedelta(minutes=2)
BATCH = 100


async def timed(call: Callable[[], Awaitable[object]], repeats: int) -> float:
    """Median seconds of `repeats` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        await call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


async def load(url: str, users: int, nudges: int, due_now: int, now: datetime = NOW) -> None:
    """Users and pending nudges by COPY: `due_now` of them due by `now`, the rest over 30 days."""
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        await migrate(conn)
        async with conn.cursor() as cursor:
            async with cursor.copy(
                "COPY users (user_id, chat_id, timezone, paused) FROM STDIN"
            ) as copy:
                for user in range(1, users + 1):
                    await copy.write_row((user, user, "Europe/London", user % 50 == 0))
            columns = "user_id, id, chat_id, interview_id, kind, due, state"
            async with cursor.copy(f"COPY nudges ({columns}) FROM STDIN") as copy:
                spread = timedelta(days=30) / max(nudges - due_now, 1)
                for n in range(nudges):
                    user = n % users + 1
                    due = now - timedelta(seconds=n) if n < due_now else now + spread * n
                    row = (user, f"n{n}", user, f"iv{user}", "chase", due, "pending")
                    await copy.write_row(row)
        await conn.execute("ANALYZE")


async def throughput(url: str, total: int, concurrent_marks: bool) -> float:
    """Nudges claimed and marked sent per second, in batches of BATCH."""
    repo = PostgresRepository(url, max_size=10)
    await repo.open()
    done = 0
    start = time.perf_counter()
    while batch := await repo.claim_due(NOW, BATCH, "bench", LEASE):
        marks = [repo.mark_nudge(n.user_id, n.id, NudgeState.SENT, NOW) for n in batch]
        if concurrent_marks:
            await asyncio.gather(*marks)
        else:
            for mark in marks:
                await mark
        done += len(batch)
    elapsed = time.perf_counter() - start
    await repo.close()
    assert done == total, (done, total)
    return done / elapsed


async def dispatcher_throughput(admin_url: str, queued: int) -> float:
    """The bot's Dispatcher draining `queued` due nudges, each "sent" by marking it: nudges/s.

    Its deliver is the real one's bookkeeping without Telegram: re-read the nudge, mark it sent.
    The JobQueue is the bot's kind, built but not started: the pass is run directly.
    """
    from telegram.ext import ApplicationBuilder

    from followup.telegram.dispatcher import Dispatcher

    url = await fresh(admin_url, "bench_dispatcher")
    await load(url, queued // 10, queued, due_now=queued)
    repo = PostgresRepository(url, max_size=10)
    await repo.open()
    sent = 0

    async def deliver(context: object, claimed: Nudge) -> None:
        nonlocal sent
        nudge = await repo.nudge(claimed.user_id, claimed.id)
        if nudge is not None and nudge.state is NudgeState.PENDING:
            await repo.mark_nudge(nudge.user_id, nudge.id, NudgeState.SENT, NOW)
            sent += 1

    application = ApplicationBuilder().token("1:bench").build()
    assert application.job_queue is not None
    dispatcher = Dispatcher(application.job_queue, repo, deliver, lambda: NOW, "bench")
    start = time.perf_counter()
    await dispatcher._pass(None)  # type: ignore[arg-type]  # the job's callback, called directly
    elapsed = time.perf_counter() - start
    await repo.close()
    return sent / elapsed


async def queue_throughput(admin_url: str, queued: int, concurrent_marks: bool) -> float:
    """`queued` nudges due over `queued / 10` users in a new database, drained: nudges/s."""
    url = await fresh(admin_url, "bench_throughput")
    await load(url, queued // 10, queued, due_now=queued)
    # Every 50th user is paused: their nudges stay, the rest are claimed and marked.
    claimable = sum(1 for n in range(queued) if (n % (queued // 10) + 1) % 50)
    return await throughput(url, claimable, concurrent_marks)


async def fresh(admin_url: str, name: str) -> str:
    """An empty database beside the admin one; its URL."""
    async with await psycopg.AsyncConnection.connect(admin_url, autocommit=True) as conn:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await conn.execute(f'CREATE DATABASE "{name}"')
    base, _, query = admin_url.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")


async def run(admin_url: str, quick: bool) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    scale = 10 if quick else 1
    queued = 20_000 // scale
    for concurrent in (False, True):
        rate = await queue_throughput(admin_url, queued, concurrent)
        how = "marks concurrent (pool of 10)" if concurrent else "marks one after another"
        rows.append((f"claim {BATCH} + mark each sent, {how}", f"{rate:,.0f} nudges/s"))
    rate = await dispatcher_throughput(admin_url, queued)
    rows.append(("the bot's Dispatcher, re-read + mark each sent", f"{rate:,.0f} nudges/s"))

    async def start_replica(url: str) -> None:
        repo = PostgresRepository(url, max_size=10)
        await repo.open()
        await repo.close()

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.2f} ms"

    empty = await fresh(admin_url, "bench_empty")
    rows.append(
        (
            "open() on an empty database (every migration)",
            ms(await timed(lambda: start_replica(empty), 1)),
        )
    )

    users, nudges = 100_000 // scale, 1_000_000 // scale
    url = await fresh(admin_url, "bench_scale")
    start = time.perf_counter()
    await load(url, users, nudges, due_now=1_000)
    rows.append(
        (
            f"COPY {nudges:,} pending nudges over {users:,} users",
            f"{time.perf_counter() - start:.1f} s",
        )
    )
    rows.append(
        (
            "open() of a replica on it (schema current)",
            ms(await timed(lambda: start_replica(url), 5)),
        )
    )
    repo = PostgresRepository(url, max_size=10)
    await repo.open()
    earlier = NOW - timedelta(days=1)
    rows.append(("next_due()", ms(await timed(repo.next_due, 50))))
    rows.append(
        (
            "claim_due(limit=100), nothing due",
            ms(await timed(lambda: repo.claim_due(earlier, BATCH, "b", LEASE), 50)),
        )
    )
    rows.append(
        (
            "claim_due(limit=100), 1,000 due",
            ms(await timed(lambda: repo.claim_due(NOW, BATCH, "b", LEASE), 10)),
        )
    )
    rows.append(("next_due() with 1,000 live claims", ms(await timed(repo.next_due, 50))))
    rows.append(("pending_count()", ms(await timed(repo.pending_count, 5))))
    await repo.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an existing server (its databases bench_* are replaced)")
    parser.add_argument("--quick", action="store_true", help="10x smaller sizes")
    args = parser.parse_args()
    cluster = None
    if args.url is None:
        import pg

        bin_dir = pg.server_binaries()
        if bin_dir is None:
            print(pg.HOW_TO_ENABLE)
            return 0
        cluster = pg.Cluster(bin_dir, durable=True).start()
    try:
        rows = asyncio.run(run(args.url or cluster.url(), args.quick))  # type: ignore[union-attr]
    finally:
        if cluster is not None:
            cluster.stop()
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
