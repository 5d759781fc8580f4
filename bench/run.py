"""Benchmarks of the bot as a whole, each against a baseline measured side by side in the same run.

    .venv/bin/python bench/run.py                 all six, one table each
    .venv/bin/python bench/run.py latency memory  only these: latency, scale, burst, restart,
                                                  memory, postgres (needs PostgreSQL's binaries),
                                                  board
    .venv/bin/python bench/run.py --quick         smaller sizes, for trying the harness
    .venv/bin/python bench/run.py --profile DIR   also record every process with py-spy
    .venv/bin/python bench/run.py latency --baseline-tree DIR   the bot checked out in DIR beside
                                                  this one (git worktree add DIR REV): before/after

The bot runs as its own process (bench/botproc.py calls bot.main, as bot.py does) against the
tests' fake Bot API server, which runs here together with the simulated users. Every figure that
matters is a ratio to a baseline run in the same invocation, because the machine is shared.
The what-if patches of bench/botproc.py (--patch NAME) show the effect of a proposed change
without editing the bot; bench/store_scale.py measures the store alone.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import random
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import board
import fill
import harness
from botproc import FIRST_USER, RESTART_USERS
from harness import (
    BenchTelegram,
    FakeUser,
    median,
    next_new,
    percentile,
    process,
    ratio,
    table,
    wait_polling,
)

from followup.ops.geo import process_index

WORK = Path(tempfile.gettempdir())
REPLY_TIMEOUT = 60.0
START_TIMEOUT = 300.0
BURST_TIMEOUT = 90.0
FIXES: tuple[str, ...] = ()  # what-if patches to try on the burst (bench/botproc.py)
EXTRA_PATCHES: tuple[str, ...] = ()
BASELINE_TREE: Path | None = None  # --baseline-tree: an earlier checkout measured beside this one
ONE_FILE_BUDGET = 15.0  # seconds of chatting per one-file bot (10,000 users: a few updates)


# --- simulated users ---------------------------------------------------------------------------

NOTES = "Met Priya, she asked about scaling the billing service; ask about on-call next time"


def coach_script(company: str) -> list[tuple[str, str]]:
    """A newcomer's /new conversation with typed answers, then "should I chase?".

    Each message comes with a word from the reply that ends it (where one message gets several
    replies, the word is in the last). "neither" answers the extras question whether or not "just
    now" is outside working hours.
    """
    return [
        ("/new", "Which company"),
        (company, "role called"),
        ("skip", "Where are you"),
        ("London", "public holidays"),
        ("United Kingdom", "When was"),
        ("just now", "recruitment agency"),
        ("no", "decide"),
        ("they didn't say", "business card"),
        ("neither", "How did it go"),
        ("good", "remember"),
        (NOTES, "Saved:"),
        (f"should I chase {company} yet?", "Not yet"),
    ]


def echo_script(company: str) -> list[tuple[str, str]]:
    """The same messages; the echo bot answers each with itself."""
    return [(text, text) for text, _ in coach_script(company)]


@dataclass
class Conversation:
    """What one simulated user measured."""

    latencies: list[float] = field(default_factory=list)
    sent: list[float] = field(default_factory=list)
    first_send: float = float("inf")
    last_reply: float = 0.0
    wrong: list[str] = field(default_factory=list)


async def converse(
    fake: BenchTelegram,
    user: FakeUser,
    script: Sequence[tuple[str, str]],
    think: Callable[[], float],
    start_delay: float = 0.0,
    deadline: float = float("inf"),
) -> Conversation:
    """Send each message after the reply to the previous one (plus think time); time each reply.

    The reply time is stamped by the server when it accepts the bot's sendMessage, so this
    process's own scheduling delays do not count.
    """
    result = Conversation()
    await asyncio.sleep(start_delay)
    for text, expected in script:
        if time.monotonic() > deadline:
            break
        before = len(fake.sent_at[user.id])
        sent = time.monotonic()
        await user.send(text)
        try:
            reply = await next_new(user, REPLY_TIMEOUT)
        except AssertionError as error:
            result.wrong.append(f"no reply to {text!r}: {error}")
            return result
        stamps = fake.sent_at[user.id]
        replied = stamps[before] if len(stamps) > before else time.monotonic()
        if not await _reply_ends_with(user, reply.text, expected):
            result.wrong.append(f"{text!r} got {reply.text[:80]!r}")
        result.latencies.append(replied - sent)
        result.sent.append(sent)
        result.first_send = min(result.first_send, sent)
        result.last_reply = replied
        await asyncio.sleep(think())
    return result


async def _reply_ends_with(user: FakeUser, first: str, expected: str) -> bool:
    """Whether `expected` is in the first reply or in one of the few that follow it."""
    text = first
    for _ in range(3):
        if expected in text:
            return True
        try:
            text = (await next_new(user, 5.0)).text
        except AssertionError:
            return False
    return expected in text


@dataclass
class Load:
    """What a group of simulated users measured against one process."""

    latencies: list[float]
    seconds: float
    cpu_seconds: float
    wrong: list[str]
    messages: int = 0  # messages the process sent (a reply may be more than one)

    @property
    def messages_per_update(self) -> float:
        return self.messages / self.updates if self.updates else float("nan")

    @property
    def updates(self) -> int:
        return len(self.latencies)

    @property
    def per_second(self) -> float:
        return self.updates / self.seconds if self.seconds else float("nan")

    @property
    def cpu_ms_per_update(self) -> float:
        return 1000 * self.cpu_seconds / self.updates if self.updates else float("nan")


async def drive(
    fake: BenchTelegram,
    pid_cpu: Callable[[], float],
    talks: Sequence[Awaitable[Conversation]],
) -> Load:
    """Run the conversations together; sum up latency, throughput and the process's CPU time."""
    cpu_before = pid_cpu()
    results = await asyncio.gather(*talks)
    cpu_after = pid_cpu()
    latencies = [value for result in results for value in result.latencies]
    first = min((result.first_send for result in results), default=0.0)
    last = max((result.last_reply for result in results), default=0.0)
    wrong = [problem for result in results for problem in result.wrong]
    return Load(latencies, max(0.0, last - first), cpu_after - cpu_before, wrong)


# --- 1. reply latency --------------------------------------------------------------------------


@dataclass(frozen=True)
class LatencyPlan:
    users: int = 100
    think: tuple[float, float] = (3.0, 6.0)  # seconds between a reply and the next message
    stagger: float = 4.5  # users start within this many seconds
    settle: float = 3.0  # seconds between the first getUpdates and the first user


async def measure_latency(
    kind: str,
    plan: LatencyPlan,
    workdir: Path,
    patches: Sequence[str] = (),
    database_url: str | None = None,
    tree: Path | None = None,
) -> Load:
    """100 users chatting at once with one process: the bot or an echo bot.

    With `database_url` the bot keeps its data in PostgreSQL; with `tree`, the bot is the one
    checked out in that folder.
    """
    rng = random.Random(1)
    name = "-".join(
        ("latency", kind, *patches, *(["pg"] if database_url else []), *(["tree"] if tree else []))
    )
    data_dir = workdir / name
    for again in itertools.count(2):  # each run starts with newcomers, never a folder used before
        if not data_dir.exists():
            break
        data_dir = workdir / f"{name}-{again}"
    async with BenchTelegram() as fake:
        users = [fake.user(1000 + n, f"User{n}") for n in range(plan.users)]
        if kind == "bot":
            args = ["bot", "--data-dir", str(data_dir), *[f"--patch={p}" for p in patches]]
        else:
            args = ["echo", *(["--limiter"] if kind == "echo+limiter" else [])]
        log = workdir / f"{data_dir.name}.log"
        async with process(args, log, fake, data_dir, database_url, tree) as proc:
            await wait_polling(fake, proc, START_TIMEOUT)
            await asyncio.sleep(plan.settle)
            script = coach_script if kind == "bot" else echo_script
            talks = [
                converse(
                    fake,
                    user,
                    script(f"Acme {user.id}"),
                    lambda: rng.uniform(*plan.think),
                    rng.uniform(0, plan.stagger),
                )
                for user in users
            ]
            load = await drive(fake, proc.cpu_seconds, talks)
            load.messages = len(fake.delivered)
            return load


async def bench_latency(workdir: Path, quick: bool) -> str:
    """Reply latency of the bot and of a bare echo bot, run at the same time under equal load."""
    plan = LatencyPlan(users=30 if quick else 100)
    # The third row lifts the 30 msg/s window (attribution only): it shows how much of the tail is
    # the bot waiting its turn under Telegram's flood limit, which the bare echo bot ignores.
    variants: list[tuple[str, str, tuple[str, ...], Path | None]] = [
        ("echo (bare PTB)", "echo", (), None),
        ("Follow-up Coach", "bot", (), None),
        ("Follow-up Coach, flood limit lifted", "bot", ("unlimited",), None),
    ]
    if BASELINE_TREE is not None:
        variants.append((f"Follow-up Coach at {BASELINE_TREE.name}", "bot", (), BASELINE_TREE))
    loads = await asyncio.gather(
        *(
            measure_latency(kind, plan, workdir, patches, tree=tree)
            for _, kind, patches, tree in variants
        )
    )
    runs = {name: load for (name, *_), load in zip(variants, loads, strict=True)}
    base = runs["echo (bare PTB)"]
    rows = []
    for name, load in runs.items():
        p50, p99 = median(load.latencies) * 1000, percentile(load.latencies, 0.99) * 1000
        rows.append(
            [
                name,
                load.updates,
                load.per_second,
                load.messages_per_update,
                p50,
                p99,
                max(load.latencies) * 1000,
                load.cpu_ms_per_update,
                ratio(p50, median(base.latencies) * 1000),
                ratio(p99, percentile(base.latencies, 0.99) * 1000),
                len(load.wrong),
            ]
        )
    out = table(
        f"1. Reply latency: {plan.users} users each for the echo bot and for the bot, both running"
        f" at once; {plan.think[0]:g}-{plan.think[1]:g} s between a reply and a user's next"
        " message",
        [
            "process",
            "updates",
            "updates/s",
            "msgs/update",
            "p50 ms",
            "p99 ms",
            "max ms",
            "CPU ms/update",
            "p50 ratio",
            "p99 ratio",
            "wrong replies",
        ],
        rows,
    )
    for name, load in runs.items():
        for problem in load.wrong[:3]:
            out += f"\n  {name}: {problem}"
    return out


# --- 2. scale with stored users ----------------------------------------------------------------


@dataclass
class Started:
    """A bot process that is polling, and how long it took to get there."""

    fake: BenchTelegram
    proc: harness.Process
    from_spawn: float
    from_build: float
    rss_kb: int = 0
    peak_kb: int = 0
    first_reply: float = float("nan")


@contextlib.asynccontextmanager
async def running_bot(
    workdir: Path,
    name: str,
    data_dir: Path,
    patches: Sequence[str] = (),
    settle: float = 3.0,
    database_url: str | None = None,
) -> AsyncIterator[Started]:
    """The bot polling its own fake server; start-up times measured to its first getUpdates."""
    async with BenchTelegram() as fake:
        args = ["bot", "--data-dir", str(data_dir), *[f"--patch={p}" for p in patches]]
        log = workdir / f"{name}.log"
        async with process(args, log, fake, data_dir, database_url) as proc:
            polled = await wait_polling(fake, proc, START_TIMEOUT)
            build = await proc.wait_mark("build", 1)
            started = Started(fake, proc, polled - proc.spawned, polled - build)
            await asyncio.sleep(settle)  # let start-up work that goes on after polling finish
            started.rss_kb, started.peak_kb = await proc.settled_memory_kb()
            yield started


async def chat_sequentially(
    bot: Started, user_ids: Sequence[int], budget: float = float("inf")
) -> Load:
    """Stored users run the script one after another, 40 ms after each reply (under 30 msg/s)."""
    deadline = time.monotonic() + budget
    cpu_before = bot.proc.cpu_seconds()
    results = []
    for user_id in user_ids:
        user = bot.fake.user(user_id, f"Stored{user_id}")
        script = coach_script(f"Bench Co {user_id}")
        results.append(await converse(bot.fake, user, script, lambda: 0.04, deadline=deadline))
    cpu = bot.proc.cpu_seconds() - cpu_before

    async def done(result: Conversation) -> Conversation:
        return result

    load = await drive(bot.fake, lambda: 0.0, [done(result) for result in results])
    load.cpu_seconds = cpu
    return load


def scale_users(size: int, chatting: int) -> list[int]:
    """Which stored users chat: a seeded random sample."""
    return random.Random(size).sample(range(FIRST_USER, FIRST_USER + size), chatting)


async def bench_scale(workdir: Path, quick: bool) -> str:
    """Per-update cost and start-up with 10 / 1,000 / 10,000 users' data already stored."""
    sizes = (10, 1000) if quick else (10, 1000, 10_000)
    now = datetime.now(UTC)
    rows = []
    per_file: dict[int, tuple[Started, Load]] = {}
    for size in sizes:
        data_dir = workdir / f"scale-{size}"
        fill.write_users(data_dir, (fill.history_user(u, now) for u in _ids(size)))
    # Start one at a time (start-up is timed), then let all of them chat at the same time.
    async with contextlib.AsyncExitStack() as stack:
        bots = {
            size: await stack.enter_async_context(
                running_bot(workdir, f"scale-{size}", workdir / f"scale-{size}")
            )
            for size in sizes
        }
        loads = await asyncio.gather(
            *(chat_sequentially(bot, scale_users(size, 5)) for size, bot in bots.items())
        )
        per_file = {size: (bots[size], load) for size, load in zip(sizes, loads, strict=True)}
    one_file: dict[int, tuple[Started, Load]] = {}
    for size in sizes:
        path = workdir / f"onefile-{size}"
        fill.write_one_file(path / "all.json", (fill.history_user(u, now) for u in _ids(size)))
        async with running_bot(workdir, f"onefile-{size}", path, ["one-file"]) as bot:
            load = await chat_sequentially(bot, scale_users(size, 1), budget=ONE_FILE_BUDGET)
            one_file[size] = (bot, load)
    base = median(per_file[sizes[0]][1].latencies)
    base_cpu = per_file[sizes[0]][1].cpu_ms_per_update
    for layout, results in (("file per user", per_file), ("one file", one_file)):
        for size, (bot, load) in results.items():
            rows.append(
                [
                    layout,
                    size,
                    load.updates,
                    median(load.latencies) * 1000,
                    percentile(load.latencies, 0.9) * 1000,
                    load.cpu_ms_per_update,
                    ratio(median(load.latencies), base),
                    ratio(load.cpu_ms_per_update, base_cpu),
                    bot.from_build,
                    bot.rss_kb / 1024,
                    len(load.wrong),
                ]
            )
    out = table(
        "2. Scale: stored users (3 interviews, 6 nudges each) run the 10-message script one after"
        " another;\n   ratios are to the 10-user, file-per-user bot. File-per-user bots chat at"
        f" the same time; one-file bots alone, with {ONE_FILE_BUDGET:g} s each",
        [
            "layout",
            "stored users",
            "updates",
            "p50 ms",
            "p90 ms",
            "CPU ms/update",
            "p50 ratio",
            "CPU ratio",
            "start-up s",
            "RSS MB",
            "wrong replies",
        ],
        rows,
    )
    out += (
        "\n  start-up: from build_application to the first getUpdates. One-file start-up reads"
        " share one parse\n  of the file (see botproc.one_file_store), so it is a lower bound."
    )
    for layout, results in (("file per user", per_file), ("one file", one_file)):
        for size, (_, load) in results.items():
            for problem in load.wrong[:2]:
                out += f"\n  {layout} {size}: {problem}"
    return out


def _ids(size: int) -> range:
    return range(FIRST_USER, FIRST_USER + size)


# --- 3. burst delivery -------------------------------------------------------------------------


@dataclass
class Burst:
    """A burst of sends against a server enforcing Telegram's flood limits."""

    name: str
    delivered: int
    seconds: float
    rejected: int
    cpu_seconds: float = float("nan")  # the sender's, from its first delivery to its last

    @property
    def per_second(self) -> float:
        return (self.delivered - 1) / self.seconds if self.seconds else float("nan")


async def burst_run(
    workdir: Path,
    name: str,
    count: int,
    args: Sequence[str],
    data_dir: Path | None,
    *,
    limited: bool = True,
    database_url: str | None = None,
) -> Burst:
    """Start the process, wait until `count` messages were accepted (or time runs out).

    `limited`: the server enforces Telegram's flood limits; otherwise it takes all it gets.
    """
    async with BenchTelegram() as fake:
        if limited:
            fake.enforce_limits(per_chat_per_second=1, overall_per_second=30)
        for n in range(count):
            fake.user(FIRST_USER + n, "Burst")
        log = workdir / f"{name}.log"
        async with process(args, log, fake, data_dir, database_url) as proc:
            deadline = time.monotonic() + BURST_TIMEOUT
            cpu_at_first = cpu_at_last = float("nan")
            while len(fake.delivered) < count and time.monotonic() < deadline:
                if proc.proc.returncode is not None:  # the sender gave up on the rest
                    break
                if fake.delivered and cpu_at_first != cpu_at_first:
                    cpu_at_first = proc.cpu_seconds()
                await asyncio.sleep(0.05)
            if proc.proc.returncode is None:
                cpu_at_last = proc.cpu_seconds()
        times = sorted(fake.delivered)
        seconds = times[-1] - times[0] if len(times) > 1 else float("nan")
        return Burst(name, len(times), seconds, fake.rate_limited, cpu_at_last - cpu_at_first)


async def bench_burst(workdir: Path, quick: bool) -> str:
    """1,000 nudges due at once to 1,000 chats, with the server enforcing 30/s and 1/s per chat."""
    count = 300 if quick else 1000
    due = datetime.now(UTC) + timedelta(seconds=1)
    dirs = {name: workdir / f"burst-{name}" for name in ("bot", *FIXES)}
    for data_dir in dirs.values():
        fill.write_users(data_dir, (fill.due_user(u, due) for u in _ids(count)))
    runs = await asyncio.gather(
        burst_run(workdir, "burst-ptb", count, ["blast", str(count)], None),
        burst_run(
            workdir, "burst-bot", count, ["bot", "--data-dir", str(dirs["bot"])], dirs["bot"]
        ),
        *(
            burst_run(
                workdir,
                f"burst-{fix}",
                count,
                ["bot", "--data-dir", str(dirs[fix]), f"--patch={fix}"],
                dirs[fix],
            )
            for fix in FIXES
        ),
    )
    labels = [
        "bare PTB + AIORateLimiter(max_retries=3)",
        "Follow-up Coach",
        *(f"Follow-up Coach + {fix}" for fix in FIXES),
    ]
    base = runs[0]
    rows = [
        [
            label,
            run.delivered,
            run.seconds,
            run.per_second,
            ratio(run.per_second, base.per_second),
            run.rejected,
        ]
        for label, run in zip(labels, runs, strict=True)
    ]
    return table(
        f"3. Burst: {count:,} messages due at once to {count:,} chats; the server answers 429 past"
        " 30 msg/s overall or 1/s per chat.\n   All run at the same time, each against its own"
        " server. Duration: first to last accepted message. Fixes: see bench/botproc.py",
        ["sender", "delivered", "seconds", "msgs/s", "rate ratio", "429s received"],
        rows,
    )


# --- 4. restart cost ---------------------------------------------------------------------------


@dataclass
class Restart:
    """One start: time to polling (or, for the baseline, to a started scheduler), memory."""

    to_ready: float
    from_spawn: float
    rss_kb: int
    peak_kb: int
    first_reply: float = float("nan")


async def restart_bot(workdir: Path, nudges: int) -> Restart:
    """Start the bot over a store with `nudges` pending nudges on 1,000 users (none if 0)."""
    data_dir = workdir / f"restart-{nudges}"
    if nudges:
        now = datetime.now(UTC)
        per_user = nudges // RESTART_USERS
        fill.write_users(
            data_dir, (fill.pending_user(u, per_user, now) for u in _ids(RESTART_USERS))
        )
    async with BenchTelegram() as fake:
        user = fake.user(7, "Restart")
        args = ["bot", "--data-dir", str(data_dir)]
        async with process(args, workdir / f"restart-{nudges}.log", fake, data_dir) as proc:
            polled = await wait_polling(fake, proc, START_TIMEOUT)
            sent = time.monotonic()
            await user.send("/help")
            await next_new(user, REPLY_TIMEOUT)
            first_reply = fake.sent_at[user.id][0] - sent
            build = await proc.wait_mark("build", 1)
            await asyncio.sleep(1.0)
            rss, peak = await proc.settled_memory_kb()
            return Restart(polled - build, polled - proc.spawned, rss, peak, first_reply)


async def restart_baseline(workdir: Path, nudges: int) -> Restart:
    """Bare AsyncIOScheduler adding the same date jobs, then starting."""
    async with process(["scheduler", str(nudges)], workdir / f"apscheduler-{nudges}.log") as proc:
        ready = await proc.wait_mark("ready", START_TIMEOUT)
        imported = await proc.wait_mark("imported", 1)
        await asyncio.sleep(0.5)
        rss, peak = await proc.settled_memory_kb()
        return Restart(ready - imported, ready - proc.spawned, rss, peak)


async def bench_restart(workdir: Path, quick: bool) -> str:
    """Start-up with 1,000 / 10,000 / 100,000 pending nudges, against bare APScheduler."""
    counts = (0, 1000, 10_000) if quick else (0, 1000, 10_000, 100_000)
    results: dict[int, tuple[Restart, Restart]] = {}
    for nudges in counts:
        # Baseline and bot back to back, so both see the machine in the same state.
        results[nudges] = (
            await restart_baseline(workdir, nudges),
            await restart_bot(workdir, nudges),
        )
    empty_base, empty_bot = results[0]
    rows = []
    for nudges, (base, bot) in results.items():
        extra_bot = bot.to_ready - empty_bot.to_ready
        extra_base = base.to_ready - empty_base.to_ready
        kb_bot = (bot.rss_kb - empty_bot.rss_kb) / nudges if nudges else float("nan")
        kb_base = (base.rss_kb - empty_base.rss_kb) / nudges if nudges else float("nan")
        rows.append(
            [
                nudges,
                base.to_ready * 1000,
                bot.to_ready * 1000,
                ratio(bot.to_ready, base.to_ready),
                extra_base * 1000,
                extra_bot * 1000,
                ratio(extra_bot, extra_base) if nudges else "",
                bot.from_spawn * 1000,
                bot.first_reply * 1000,
                base.rss_kb / 1024,
                bot.rss_kb / 1024,
                bot.peak_kb / 1024,
                kb_base,
                kb_bot,
            ]
        )
    return table(
        "4. Restart: time to ready (bot: build_application -> first getUpdates; APScheduler:"
        " imported ->\n   started with the jobs added) and memory, pending nudges spread over"
        f" {RESTART_USERS:,} users; 0 = empty data dir",
        [
            "pending",
            "APS ms",
            "bot ms",
            "ratio",
            "APS +ms",
            "bot +ms",
            "+ratio",
            "bot spawn->poll ms",
            "1st reply ms",
            "APS RSS MB",
            "bot RSS MB",
            "bot peak MB",
            "APS KB/job",
            "bot KB/nudge",
        ],
        rows,
    ) + (
        "\n  +ms: above the empty start. 1st reply: /help sent at the first getUpdates, until"
        " the reply. KB/nudge: RSS above the empty start, per pending nudge."
    )


# --- 5. idle memory ----------------------------------------------------------------------------

IDLE_SETTLE = 5.0  # seconds polling with no users before memory is read


async def idle_rss(
    workdir: Path, name: str, args: Sequence[str], data_dir: Path | None
) -> tuple[int, float]:
    """Resident memory (KB) after idling, and seconds from spawn to the first getUpdates."""
    async with (
        BenchTelegram() as fake,
        process(args, workdir / f"{name}.log", fake, data_dir) as proc,
    ):
        polled = await wait_polling(fake, proc, START_TIMEOUT)
        await asyncio.sleep(IDLE_SETTLE)
        rss, _ = await proc.settled_memory_kb()
        return rss, polled - proc.spawned


async def bench_memory(workdir: Path, quick: bool) -> str:
    """Idle RSS and start-up of the bot with no users against a bare PTB echo bot, side by side."""
    process_index.warm_up()  # the city index exists, as on any machine after the bot's first start
    rounds = 1 if quick else 3
    echo: list[tuple[int, float]] = []
    bot: list[tuple[int, float]] = []
    for n in range(rounds):
        data_dir = workdir / f"idle-bot-{n}"
        results = await asyncio.gather(
            idle_rss(workdir, f"idle-echo-{n}", ["echo"], None),
            idle_rss(workdir, f"idle-bot-{n}", ["bot", "--data-dir", str(data_dir)], data_dir),
        )
        echo.append(results[0])
        bot.append(results[1])
    base, ours = median([r for r, _ in echo]) / 1024, median([r for r, _ in bot]) / 1024
    base_start, our_start = median([s for _, s in echo]), median([s for _, s in bot])
    return table(
        f"5. Idle memory and start-up: RSS after {IDLE_SETTLE:g} s of polling with no users;"
        f" start-up from spawn to the first getUpdates;\n   median of {rounds} side-by-side starts",
        ["process", "RSS MB", "RSS ratio", "goal", "start-up s", "start-up ratio"],
        [
            ["echo (bare PTB)", base, "1.00x", "", base_start, "1.00x"],
            ["Follow-up Coach", ours, ratio(ours, base), "<= 1.5x", our_start,
             ratio(our_start, base_start)],
        ],
    )  # fmt: skip


# --- 6. PostgreSQL ------------------------------------------------------------------------------


async def bench_postgres(workdir: Path, quick: bool) -> str:
    """The bot on PostgreSQL beside the bot on TinyDB: latency, start-up at scale, dispatch rate.

    Runs on a durable throwaway server (tests/support/pg.py); skipped, saying why, without server
    binaries.
    """
    import pg

    bin_dir = pg.server_binaries()
    if bin_dir is None:
        return f"6. PostgreSQL: skipped: {pg.HOW_TO_ENABLE}"
    cluster = pg.Cluster(bin_dir, durable=True).start()
    try:
        admin = cluster.url()
        sections = [
            await _pg_latency(workdir, admin, quick),
            await _pg_startup(workdir, admin, quick),
            await _pg_dispatch(workdir, admin, quick),
        ]
    finally:
        cluster.stop()
    return "\n\n".join(sections)


async def _pg_latency(workdir: Path, admin: str, quick: bool) -> str:
    """The 10-message script for 100 users against each backend, both bots running at once."""
    import pg_store

    plan = LatencyPlan(users=30 if quick else 100)
    url = await pg_store.fresh(admin, "bench_latency")
    tiny, postgres = await asyncio.gather(
        measure_latency("bot", plan, workdir),
        measure_latency("bot", plan, workdir, database_url=url),
    )
    base_p50, base_p99 = median(tiny.latencies) * 1000, percentile(tiny.latencies, 0.99) * 1000
    rows = []
    for name, load in (("TinyDB (file per user)", tiny), ("PostgreSQL", postgres)):
        p50, p99 = median(load.latencies) * 1000, percentile(load.latencies, 0.99) * 1000
        rows.append([name, load.updates, load.messages_per_update, p50, p99,
                     load.cpu_ms_per_update, ratio(p50, base_p50), ratio(p99, base_p99),
                     len(load.wrong)])  # fmt: skip
    out = table(
        f"6a. Reply latency by store: {plan.users} users per bot, both bots at once (as in 1)",
        ["store", "updates", "msgs/update", "p50 ms", "p99 ms", "CPU ms/update", "p50 ratio",
         "p99 ratio", "wrong replies"],
        rows,
    )  # fmt: skip
    for name, load in (("TinyDB", tiny), ("PostgreSQL", postgres)):
        for problem in load.wrong[:3]:
            out += f"\n  {name}: {problem}"
    return out


async def _pg_startup(workdir: Path, admin: str, quick: bool) -> str:
    """Start-up and settled memory on an empty database and on one with 1,000,000 pending nudges."""
    import pg_store

    users, nudges = (10_000, 100_000) if quick else (100_000, 1_000_000)
    empty = await pg_store.fresh(admin, "bench_empty")
    full = await pg_store.fresh(admin, "bench_full")
    loading = time.monotonic()
    # All due from an hour on, so nothing is sent while memory is read.
    later = datetime.now(UTC) + timedelta(hours=1)
    await pg_store.load(full, users, nudges, due_now=0, now=later)
    loaded = time.monotonic() - loading
    runs: dict[str, Started] = {}
    for name, url in (("empty database", empty), (f"{nudges:,} pending, {users:,} users", full)):
        data_dir = workdir / f"pg-start-{len(runs)}"
        async with running_bot(workdir, data_dir.name, data_dir, database_url=url) as bot:
            user = bot.fake.user(7, "Restart")
            sent = time.monotonic()
            await user.send("/help")
            await next_new(user, REPLY_TIMEOUT)
            bot.first_reply = bot.fake.sent_at[user.id][0] - sent
            runs[name] = bot
    base = runs["empty database"]
    rows = [
        [name, bot.from_build, bot.from_spawn, bot.first_reply * 1000,
         bot.rss_kb / 1024, ratio(bot.rss_kb, base.rss_kb), "<= 3 s, <= 1.2x"]
        for name, bot in runs.items()
    ]  # fmt: skip
    return table(
        "6b. Start-up on PostgreSQL: build_application -> first getUpdates, then /help; RSS after"
        f" 3 s\n   (the {nudges:,} nudges were loaded with COPY in {loaded:.0f} s beforehand)",
        ["database", "start-up s", "spawn->poll s", "1st reply ms", "RSS MB", "RSS ratio",
         "goal"],
        rows,
    )  # fmt: skip


async def _pg_dispatch(workdir: Path, admin: str, quick: bool) -> str:
    """Nudges due at once, sent by the dispatcher to a server that takes everything it gets.

    The bot's own 30 msg/s window is lifted (patch "unlimited"), so the figure is what claiming,
    composing, sending and marking cost, not Telegram's limit. TinyDB runs the same, after it.
    """
    import pg_store

    from followup.store.migrate import copy_data_dir
    from followup.store.postgres import PostgresRepository

    count = 1000 if quick else 5000
    due = datetime.now(UTC) + timedelta(seconds=30)
    source = workdir / "dispatch-tiny"
    fill.write_users(source, (fill.due_user(u, due) for u in _ids(count)))
    url = await pg_store.fresh(admin, "bench_dispatch")
    repository = PostgresRepository(url, max_size=2)
    await repository.open()
    try:
        await copy_data_dir(source, repository)
    finally:
        await repository.close()
    args = [f"--patch={p}" for p in ("unlimited", *EXTRA_PATCHES)]
    postgres = await burst_run(
        workdir, "dispatch-pg", count, ["bot", "--data-dir", str(workdir / "dispatch-pg"), *args],
        workdir / "dispatch-pg", limited=False, database_url=url,
    )  # fmt: skip
    tiny = await burst_run(
        workdir, "dispatch-tiny", count, ["bot", "--data-dir", str(source), *args], source,
        limited=False,
    )  # fmt: skip
    queued = 2000 if quick else 20_000
    store_only = await pg_store.queue_throughput(admin, queued, concurrent_marks=True)
    dispatcher_only = await pg_store.dispatcher_throughput(admin, queued)
    rows = [
        [name, run.delivered, run.seconds, run.per_second, ratio(run.per_second, tiny.per_second),
         1000 * run.cpu_seconds / run.delivered]
        for name, run in (("TinyDB (file per user)", tiny), ("PostgreSQL", postgres))
    ]  # fmt: skip
    rows.append(["PostgreSQL, Dispatcher claims + marks sent", "", "", dispatcher_only, "", ""])
    rows.append(["PostgreSQL store alone: claim + mark", "", "", store_only, "", ""])
    return table(
        f"6c. Dispatch: {count:,} nudges due at once to {count:,} chats, the bot's 30 msg/s window"
        " lifted and no flood limit on the server;\n   claimed, composed, sent and marked sent;"
        " first to last accepted message.\n   Last two rows, no bot and no Telegram: the bot's"
        " Dispatcher with a deliver that only re-reads and marks each nudge (goal >= 1,000/s),\n"
        f"   and the repository alone claiming {pg_store.BATCH} at a time and marking each",
        ["store", "delivered", "seconds", "nudges/s", "ratio", "bot CPU ms/nudge"],
        rows,
    )


# --- command line ------------------------------------------------------------------------------

BENCHES: dict[str, Callable[[Path, bool], Awaitable[str]]] = {
    "latency": bench_latency,
    "scale": bench_scale,
    "burst": bench_burst,
    "restart": bench_restart,
    "memory": bench_memory,
    "postgres": bench_postgres,
    "board": board.bench_board,  # bench/board.py: /board render time, its memory and start-up
}


async def main(argv: Sequence[str]) -> int:
    """Run the chosen benchmarks and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benches", nargs="*", help=f"any of {', '.join(BENCHES)} (default: all)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--profile", type=Path, help="py-spy every process into this folder")
    parser.add_argument(
        "--baseline-tree",
        type=Path,
        help="latency: also measure the bot checked out in this folder (git worktree add DIR REV)",
    )
    args = parser.parse_args(argv)
    harness.PROFILE_DIR = args.profile
    global BASELINE_TREE
    BASELINE_TREE = args.baseline_tree.resolve() if args.baseline_tree else None
    chosen = args.benches or list(BENCHES)
    unknown = [name for name in chosen if name not in BENCHES]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHES)}")
    with tempfile.TemporaryDirectory(prefix="followup-bench-", dir=WORK) as tmp:
        for name in chosen:
            started = time.monotonic()
            print(await BENCHES[name](Path(tmp), args.quick), flush=True)
            print(f"({name}: {time.monotonic() - started:.0f} s)\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
