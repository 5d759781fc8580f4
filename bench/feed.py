"""The calendar feed under load: feed response time, and replies while unknown tokens flood in.

    .venv/bin/python bench/feed.py [--quick] [--flood N]

One bot process (bench/botproc.py, as bot.py runs it) serves the fake Bot API's users and, on
its HTTP listener, the calendar feeds (FOLLOWUP_PUBLIC_URL and FOLLOWUP_HTTP_PORT set). Three
phases, one after another against the same process:

1. quiet: newcomers chat (the /new debrief, then "should I chase?"), reply times stamped by the
   fake server as in bench/run.py's latency table;
2. flood: as many newcomers again chat while other connections ask for feeds of random,
   well-formed tokens as fast as they are answered (each must be a 404), at least N of them;
3. feeds: each user of phase 1 asks /calendar, then their feed is fetched over HTTP again and
   again; the response time (request sent to last byte read) per fetch.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import secrets
import socket
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    BenchTelegram,
    FakeUser,
    median,
    next_new,
    percentile,
    process,
    table,
    wait_polling,
)
from run import START_TIMEOUT, Load, coach_script, converse, drive

THINK = (3.0, 6.0)
STAGGER = 4.5
FLOOD_CONNECTIONS = 4
FEED_FETCHES = 50  # per user


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def chat(fake: BenchTelegram, users: list[FakeUser], cpu: object, seed: int) -> Load:
    rng = random.Random(seed)
    talks = [
        converse(
            fake,
            user,
            coach_script(f"Acme {user.id}"),
            lambda: rng.uniform(*THINK),
            rng.uniform(0, STAGGER),
        )
        for user in users
    ]
    return await drive(fake, cpu, talks)  # type: ignore[arg-type]


async def flood(base: str, at_least: int, until: asyncio.Event) -> tuple[int, int, float]:
    """Unknown tokens, as fast as answered, until `until` is set and `at_least` were asked:
    (requests, answers other than 404, seconds)."""
    asked = 0
    wrong = 0
    began = time.monotonic()

    async def one_connection(session: aiohttp.ClientSession) -> None:
        nonlocal asked, wrong
        while asked < at_least or not until.is_set():
            asked += 1
            token = secrets.token_urlsafe(32)
            async with session.get(f"{base}/cal/{token}.ics") as response:
                await response.read()
                wrong += response.status != 404

    connector = aiohttp.TCPConnector(limit=FLOOD_CONNECTIONS)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(one_connection(session) for _ in range(FLOOD_CONNECTIONS)))
    return asked, wrong, time.monotonic() - began


async def feed_times(
    base: str, public: str, fake: BenchTelegram, users: list[FakeUser]
) -> list[float]:
    """Each user's /calendar link, then their feed fetched FEED_FETCHES times: seconds each."""
    paths = []
    for user in users:
        await user.send("/calendar")
        reply = await next_new(user, 30.0)
        found = re.search(re.escape(public) + r"(/cal/[A-Za-z0-9_-]+\.ics)", reply.text)
        assert found is not None, reply.text
        paths.append(found[1])
    times = []
    async with aiohttp.ClientSession() as session:
        for _ in range(FEED_FETCHES):
            for path in paths:
                sent = time.perf_counter()
                async with session.get(base + path) as response:
                    body = await response.read()
                times.append(time.perf_counter() - sent)
                assert response.status == 200 and b"BEGIN:VEVENT" in body
    return times


async def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 users instead of 100")
    parser.add_argument("--flood", type=int, default=10_000, help="unknown-token requests")
    args = parser.parse_args(argv)
    users_each = 30 if args.quick else 100
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    os.environ["FOLLOWUP_HTTP_PORT"] = str(port)
    os.environ["FOLLOWUP_PUBLIC_URL"] = public
    workdir = Path(tempfile.mkdtemp(prefix="bench-feed-"))
    async with BenchTelegram() as fake:
        quiet_users = [fake.user(1000 + n, f"Quiet{n}") for n in range(users_each)]
        flood_users = [fake.user(5000 + n, f"Flood{n}") for n in range(users_each)]
        data_dir = workdir / "data"
        command = ["bot", "--data-dir", str(data_dir)]
        async with process(command, workdir / "bot.log", fake, data_dir) as proc:
            await wait_polling(fake, proc, START_TIMEOUT)
            await asyncio.sleep(3.0)
            quiet = await chat(fake, quiet_users, proc.cpu_seconds, 1)
            done = asyncio.Event()
            flooding = asyncio.create_task(flood(public, args.flood, done))
            flooded = await chat(fake, flood_users, proc.cpu_seconds, 1)
            done.set()
            asked, not_404, flood_seconds = await flooding
            times = await feed_times(public, public, fake, quiet_users[:20])
    rows = []
    for name, load in (("quiet", quiet), (f"while {asked:,} unknown tokens are asked", flooded)):
        rows.append(
            [
                name,
                load.updates,
                median(load.latencies) * 1000,
                percentile(load.latencies, 0.99) * 1000,
                max(load.latencies) * 1000,
                load.cpu_ms_per_update,
                len(load.wrong),
            ]
        )
    print(
        table(
            f"Replies to {users_each} newcomers each, without and with a flood of feed requests"
            " for "
            f"unknown tokens ({FLOOD_CONNECTIONS} connections, as fast as answered)",
            ["phase", "updates", "p50 ms", "p99 ms", "max ms", "CPU ms/update", "wrong"],
            rows,
        )
    )
    print(
        f"flood: {asked:,} requests in {flood_seconds:.1f} s ({asked / flood_seconds:,.0f}/s), "
        f"{not_404} answered other than 404"
    )
    print(
        table(
            f"Feed responses: {len(times) // FEED_FETCHES} users' feeds (one interview each) "
            f"fetched {FEED_FETCHES} times each over HTTP",
            ["fetches", "p50 ms", "p95 ms", "p99 ms", "max ms", "goal"],
            [
                [
                    len(times),
                    median(times) * 1000,
                    percentile(times, 0.95) * 1000,
                    percentile(times, 0.99) * 1000,
                    max(times) * 1000,
                    "p95 ≤ 20 ms",
                ]
            ],
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
