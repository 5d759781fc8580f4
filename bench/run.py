"""Benchmarks of the bot as a whole, each against a baseline measured side by side in the same run.

    .venv/bin/python bench/run.py                 all four, one table each
    .venv/bin/python bench/run.py latency burst   only these (latency, scale, burst, restart)
    .venv/bin/python bench/run.py --quick         smaller sizes, for trying the harness

The bot runs as its own process (bench/botproc.py calls bot.main, as bot.py does) against the
tests' fake Bot API server, which runs here together with the simulated users. Every figure that
matters is a ratio to a baseline run in the same invocation, because the machine is shared.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import harness
from harness import (
    BenchTelegram,
    FakeUser,
    median,
    next_new,
    percentile,
    process,
    ratio,
    table,
)

WORK = Path(tempfile.gettempdir())
REPLY_TIMEOUT = 60.0


# --- simulated users ---------------------------------------------------------------------------

NOTES = "Met Priya, she asked about scaling the billing service; ask about on-call next time"


def coach_script(company: str) -> list[tuple[str, str]]:
    """The /new conversation with typed answers, then "should I chase?"; each with a reply word."""
    return [
        ("/new", "Which company"),
        (company, "role called"),
        ("skip", "When was"),
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
) -> Conversation:
    """Send each message after the reply to the previous one (plus think time); time each reply.

    The reply time is stamped by the server when it accepts the bot's sendMessage, so this
    process's own scheduling delays do not count.
    """
    result = Conversation()
    await asyncio.sleep(start_delay)
    for text, expected in script:
        before = len(fake.sent_at[user.id])
        sent = time.monotonic()
        await user.send(text)
        try:
            reply = await next_new(user, REPLY_TIMEOUT)
        except AssertionError as error:
            result.wrong.append(f"no reply to {text!r}: {error}")
            return result
        replied = fake.sent_at[user.id][before]
        if expected not in reply.text:
            result.wrong.append(f"{text!r} got {reply.text[:80]!r}")
        result.latencies.append(replied - sent)
        result.sent.append(sent)
        result.first_send = min(result.first_send, sent)
        result.last_reply = replied
        await asyncio.sleep(think())
    return result


@dataclass
class Load:
    """What a group of simulated users measured against one process."""

    latencies: list[float]
    seconds: float
    cpu_seconds: float
    wrong: list[str]

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
    first = min(result.first_send for result in results)
    last = max(result.last_reply for result in results)
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
    kind: str, plan: LatencyPlan, workdir: Path, patches: Sequence[str] = ()
) -> Load:
    """100 users chatting at once with one process: the bot or an echo bot."""
    rng = random.Random(1)
    data_dir = workdir / f"latency-{kind}"
    async with BenchTelegram() as fake:
        users = [fake.user(1000 + n, f"User{n}") for n in range(plan.users)]
        if kind == "bot":
            args = ["bot", "--data-dir", str(data_dir), *[f"--patch={p}" for p in patches]]
        else:
            args = ["echo", *(["--limiter"] if kind == "echo+limiter" else [])]
        async with process(args, workdir / f"latency-{kind}.log", fake, data_dir) as proc:
            await asyncio.wait_for(fake.polled.wait(), 60)
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
            return await drive(fake, proc.cpu_seconds, talks)


async def bench_latency(workdir: Path, quick: bool) -> str:
    """Reply latency of the bot and of a bare echo bot, run at the same time under equal load."""
    plan = LatencyPlan(users=30 if quick else 100)
    names = {"echo": "echo (bare PTB)", "bot": "Follow-up Coach"}
    loads = await asyncio.gather(*(measure_latency(kind, plan, workdir) for kind in names))
    runs = dict(zip(names.values(), loads, strict=True))
    base = runs[names["echo"]]
    rows = []
    for name, load in runs.items():
        p50, p99 = median(load.latencies) * 1000, percentile(load.latencies, 0.99) * 1000
        rows.append(
            [
                name,
                load.updates,
                load.per_second,
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


# --- command line ------------------------------------------------------------------------------

BENCHES: dict[str, Callable[[Path, bool], Awaitable[str]]] = {
    "latency": bench_latency,
}


async def main(argv: Sequence[str]) -> int:
    """Run the chosen benchmarks and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benches", nargs="*", help=f"any of {', '.join(BENCHES)} (default: all)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--profile", type=Path, help="py-spy every process into this folder")
    args = parser.parse_args(argv)
    harness.PROFILE_DIR = args.profile
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
