"""Shared pieces of the benchmarks: the fake Bot API server, processes under test, statistics."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import os
import signal
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support"), str(ROOT / "bench")]

from aiohttp import web  # noqa: E402
from fake_telegram import BotMessage, FakeTelegram, FakeUser  # noqa: E402

from followup.ops.geo.process_index import default_index_folder  # noqa: E402

PYTHON = sys.executable
BOTPROC = ROOT / "bench" / "botproc.py"
PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


_ARRIVED: contextvars.ContextVar[float] = contextvars.ContextVar("arrived")


class BenchTelegram(FakeTelegram):
    """The tests' fake Bot API, noting when polling starts and when each message is delivered.

    A message counts as delivered when its request reaches the server, so the time the fake
    spends checking it against the API reference is not charged to the process under test.
    """

    def __init__(self) -> None:
        super().__init__()
        self.first_poll: float | None = None
        self.sent_at: defaultdict[int, list[float]] = defaultdict(list)
        self.delivered: list[float] = []

    async def _api_get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.first_poll is None:
            self.first_poll = time.monotonic()
        return await super()._api_get_updates(params)

    async def _handle(self, request: web.Request) -> web.Response:
        _ARRIVED.set(time.monotonic())
        return await super()._handle(request)

    async def _api_send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        """sendMessage, noting when the accepted request arrived (before it was validated)."""
        result = await super()._api_send_message(params)
        arrived = _ARRIVED.get()
        self.sent_at[params["chat_id"]].append(arrived)
        self.delivered.append(arrived)
        return result


@dataclass
class Process:
    """A process under test (bench/botproc.py) and what it reported."""

    proc: asyncio.subprocess.Process
    spawned: float
    log: Path
    marks: dict[str, float] = field(default_factory=dict)
    _reader: asyncio.Task[None] | None = None

    @property
    def pid(self) -> int:
        return self.proc.pid

    async def wait_mark(self, name: str, timeout: float) -> float:
        """The time the process reported reaching a stage."""
        deadline = time.monotonic() + timeout
        while name not in self.marks:
            if self.proc.returncode is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{name!r} not reached; see {self.log}:\n{self.tail()}")
            await asyncio.sleep(0.01)
        return self.marks[name]

    def cpu_seconds(self) -> float:
        """User plus system CPU time used so far."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def memory_kb(self) -> tuple[int, int]:
        """Resident set size now and at its peak, in KB."""
        status = Path(f"/proc/{self.pid}/status").read_text().splitlines()
        values = {line.split(":")[0]: line.split()[1] for line in status if "kB" in line}
        return int(values["VmRSS"]), int(values["VmHWM"])

    async def settled_memory_kb(self, quiet: float = 0.3, limit: float = 10.0) -> tuple[int, int]:
        """RSS once it stops growing (within 1% over `quiet` seconds), and the peak."""
        deadline = time.monotonic() + limit
        last = self.memory_kb()[0]
        while time.monotonic() < deadline:
            await asyncio.sleep(quiet)
            now = self.memory_kb()[0]
            if abs(now - last) <= last / 100:
                break
            last = now
        return self.memory_kb()

    def tail(self, lines: int = 15) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        return ""

    async def _read_marks(self) -> None:
        assert self.proc.stdout is not None
        async for raw in self.proc.stdout:
            parts = raw.decode(errors="replace").split()
            if len(parts) == 3 and parts[0] == "MARK":
                self.marks[parts[1]] = float(parts[2])


PROFILE_DIR: Path | None = None  # set by run.py --profile: py-spy samples every bot process


@contextlib.asynccontextmanager
async def process(
    args: Sequence[str],
    log: Path,
    fake: FakeTelegram | None = None,
    data_dir: Path | None = None,
    database_url: str | None = None,
    tree: Path | None = None,
) -> AsyncIterator[Process]:
    """Start bench/botproc.py with `args`; on leaving, stop it with SIGINT (SIGKILL if stuck).

    With `tree` the bot is the one checked out there (another commit), for a before/after row.

    With `database_url` the bot keeps its data in that PostgreSQL database instead of `data_dir`.

    With PROFILE_DIR set, py-spy records the process into PROFILE_DIR/<log name>.txt
    (collapsed stacks, for flamegraph.pl or speedscope).
    """
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES}
    env["PYTHONUNBUFFERED"] = "1"
    if fake is not None:
        env["TELEGRAM_BOT_TOKEN"] = fake.token
        env["TELEGRAM_API_BASE_URL"] = fake.base_url
    if data_dir is not None:
        env["FOLLOWUP_DATA_DIR"] = str(data_dir)
    env.pop("FOLLOWUP_DATABASE_URL", None)
    if database_url is not None:
        env["FOLLOWUP_DATABASE_URL"] = database_url
    # The city index is built once per machine (a second or two), not in every data folder.
    env["FOLLOWUP_CACHE_DIR"] = str(default_index_folder())
    botproc = BOTPROC
    if tree is not None:
        # Its own bench/botproc.py, and its packages ahead of this checkout's installed ones.
        botproc = tree / "bench" / BOTPROC.name
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(tree), env.get("PYTHONPATH")) if p)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as err:
        spawned = time.monotonic()
        proc = await asyncio.create_subprocess_exec(
            PYTHON, str(botproc), *args, stdout=asyncio.subprocess.PIPE, stderr=err, env=env
        )
        running = Process(proc, spawned, log)
        running._reader = asyncio.create_task(running._read_marks())
        spy = await _profile(proc.pid, log.stem) if PROFILE_DIR else None
        try:
            yield running
        finally:
            if spy is not None:
                await _stop(spy)
            await _stop(proc)
            await running._reader


async def _stop(proc: asyncio.subprocess.Process) -> None:
    """SIGINT, then SIGKILL after 15 s or if the wait is cancelled: never leave it running."""
    if proc.returncode is not None:
        return
    proc.send_signal(signal.SIGINT)
    try:
        await asyncio.wait_for(asyncio.shield(proc.wait()), 15)
    except TimeoutError:
        proc.kill()
        await proc.wait()
    except BaseException:
        if proc.returncode is None:
            proc.kill()
        await asyncio.shield(proc.wait())
        raise


async def wait_polling(fake: BenchTelegram, proc: Process, timeout: float) -> float:
    """When the process first called getUpdates; raises with its log if it died or took too long."""
    deadline = time.monotonic() + timeout
    while fake.first_poll is None:
        if proc.proc.returncode is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{proc.log.stem}: no getUpdates; see {proc.log}:\n{proc.tail()}")
        await asyncio.sleep(0.01)
    return fake.first_poll


async def _profile(pid: int, name: str) -> asyncio.subprocess.Process:
    """py-spy sampling a process until it gets SIGINT."""
    assert PROFILE_DIR is not None
    PROFILE_DIR.mkdir(parents=True, exist_ok=True)
    spy = Path(PYTHON).with_name("py-spy")
    output = PROFILE_DIR / f"{name}.txt"
    return await asyncio.create_subprocess_exec(
        str(spy), "record", "--pid", str(pid), "--format", "raw", "--rate", "250",
        "--nonblocking", "-o", str(output),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip


async def next_new(user: FakeUser, timeout: float) -> BotMessage:
    """The next new message from the bot to this user (edits of earlier ones are skipped)."""
    while True:
        message = await user.next_message(timeout)
        if not message.edited:
            return message


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which `share` of the values fall (nearest rank)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratio(value: float, base: float) -> str:
    """value / base as "1.23x"."""
    if not base or base != base or value != value:
        return "n/a"
    return f"{value / base:.2f}x"


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table with right-aligned columns (the first left-aligned)."""
    cells = [[str(c) for c in header]] + [[_cell(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        first = row[0].ljust(widths[0])
        return " | ".join([first, *(c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True))])

    rule = "-+-".join("-" * w for w in widths)
    return "\n".join([title, "", line(cells[0]), rule, *(line(row) for row in cells[1:])])


def _cell(value: object) -> str:
    if isinstance(value, float):
        if value != value:
            return "n/a"
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
