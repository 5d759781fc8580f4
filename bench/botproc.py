"""A process for bench/run.py to measure: the bot, a bare echo bot, or bare APScheduler.

    botproc.py bot [--patch NAME ...]   the real bot (bot.main), token and URL from the environment
    botproc.py echo [--limiter]         python-telegram-bot replying with the text it got
    botproc.py scheduler COUNT          AsyncIOScheduler with COUNT date jobs, then idle
    botproc.py blast COUNT              python-telegram-bot + AIORateLimiter sending COUNT messages

Lines "MARK <name> <time.monotonic()>" on stdout tell the parent when each stage was reached
(CLOCK_MONOTONIC is one clock for every process on the machine). SIGINT stops every mode.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import contextlib  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import warnings  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]


def mark(name: str, at: float | None = None) -> None:
    """Tell the parent that a stage was reached."""
    print(f"MARK {name} {time.monotonic() if at is None else at:.6f}", flush=True)


# --- what-if patches for the bot, applied before it is built ------------------------------------


def patch_one_file() -> None:
    """Keep every user in one TinyDB file with the default JSONStorage (see one_file_store)."""
    from followup.store.tinydb import repository

    repository.Store = one_file_store()  # type: ignore[misc, assignment]  # TinyRepository's files


def patch_no_fsync() -> None:
    """Attribution only, never a fix: make fsync free, to see what durability costs."""
    os.fsync = lambda fd: None


def patch_unlimited() -> None:
    """Attribution only, never a fix: lift the 30 msg/s window, to see what waiting for it costs."""
    from followup.telegram import ratelimit

    original = ratelimit.SlidingWindowLimiter.__init__

    def unlimited(self: Any, limit: int = 30, period: float = 1.02, max_retries: int = 3) -> None:
        original(self, limit=1_000_000, period=period, max_retries=max_retries)

    ratelimit.SlidingWindowLimiter.__init__ = unlimited  # type: ignore[method-assign]


def patch_gc_log() -> None:
    """Log every garbage collection that takes longer than 5 ms (to stderr)."""
    import gc

    began: list[float] = [0.0]

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began[0] = time.perf_counter()
            return
        took = time.perf_counter() - began[0]
        if took > 0.005:
            print(
                f"gc gen{info['generation']} {took * 1000:.0f} ms at {time.monotonic():.3f} "
                f"({len(gc.get_objects())} objects)",
                file=sys.stderr,
                flush=True,
            )

    gc.callbacks.append(note)


def patch_cprofile() -> None:
    """Profile the whole process with cProfile; the stats go to <data dir>/cprofile.out at exit."""
    import atexit
    import cProfile

    profile = cProfile.Profile()
    target = Path(os.environ.get("FOLLOWUP_DATA_DIR", ".")) / "cprofile.out"
    atexit.register(lambda: (profile.disable(), profile.dump_stats(target)))
    profile.enable()


PATCHES: dict[str, Callable[[], None]] = {
    "cprofile": patch_cprofile,
    "gc-log": patch_gc_log,
    "one-file": patch_one_file,
    "no-fsync": patch_no_fsync,
    "unlimited": patch_unlimited,
}


def one_file_store() -> type:
    """The Store with every user's tables in one JSON file, read and written by TinyDB itself.

    Start-up would parse the whole file once per user (hours at 10,000 users), so until
    handlers.start_up has run, reads are served from one parse; after that every read and write
    goes to the file exactly as TinyDB's JSONStorage does it.
    """
    import json

    from tinydb import TinyDB
    from tinydb.storages import JSONStorage

    import handlers
    from followup.store.tinydb import StartupSnapshot, Store
    from followup.store.tinydb.layout import add_user_tables

    class StartUpMemo(JSONStorage):
        """JSONStorage, except that reads during start-up share one parse of the file."""

        memo = True
        _parsed: Any = None

        def read(self) -> Any:
            if not StartUpMemo.memo:
                return super().read()
            if self._parsed is None:
                self._parsed = super().read()
            return self._parsed

        def write(self, data: Any) -> None:
            self._parsed = None
            super().write(data)

    start_up = handlers.start_up

    async def start_up_then_plain(application: Any) -> None:
        await start_up(application)
        StartUpMemo.memo = False

    handlers.start_up = start_up_then_plain  # type: ignore[assignment]

    class UserView:
        """What Store's methods use of a user's TinyDB: its tables, under the user's prefix."""

        def __init__(self, db: TinyDB, user_id: int) -> None:
            self._db, self._user_id = db, user_id

        def table(self, name: str) -> Any:
            return self._db.table(f"{self._user_id}/{name}")

    class OneFile(Store):
        """Every user in data_dir/all.json through TinyDB's default JSONStorage."""

        # One TinyDB for all users: the LRU of open files has nothing to hold.

        def __init__(self, data_dir: Path, max_open_users: int = 512) -> None:
            super().__init__(data_dir, max_open_users)
            self._file = Path(data_dir) / "all.json"
            self._all = TinyDB(self._file, storage=StartUpMemo)

        def close(self) -> None:
            """Nothing to close early: the one file stays open."""

        def user_ids(self) -> list[int]:
            return sorted({int(name.split("/")[0]) for name in self._all.tables()})

        def _path(self, user_id: int) -> Path:
            return self._file

        def _db(self, user_id: int) -> Any:
            return UserView(self._all, user_id)

        def _table(self, user_id: int, name: str) -> Any:
            return self._all.table(f"{user_id}/{name}")

        @contextlib.contextmanager
        def _writing(self, user_id: int) -> Iterator[Any]:
            yield UserView(self._all, user_id)

        def startup_snapshot(self) -> StartupSnapshot:
            """The same snapshot, from one parse of the one file."""
            if self._snapshot is None:
                snapshot = StartupSnapshot()
                data = json.loads(self._file.read_bytes()) if self._file.exists() else {}
                by_user: dict[int, dict[str, Any]] = {}
                for name, docs in data.items():
                    user, table = name.split("/", 1)
                    by_user.setdefault(int(user), {})[table] = docs
                for user_id, tables in by_user.items():
                    add_user_tables(user_id, tables, snapshot)
                self._snapshot = snapshot
            return self._snapshot

    return OneFile


# --- the modes ---------------------------------------------------------------------------------


def run_bot(data_dir: str, patches: list[str]) -> None:
    """The real bot, exactly as bot.py starts it, after the named what-if patches."""
    for name in patches:
        PATCHES[name]()
    import bot

    build = bot.build_application

    def timed_build(*args: Any, **kwargs: Any) -> Any:
        mark("build")
        return build(*args, **kwargs)

    bot.build_application = timed_build  # type: ignore[assignment]
    mark("imported")
    sys.exit(bot.main(["--data-dir", data_dir]))


def run_echo(limiter: bool) -> None:
    """A bare python-telegram-bot echo bot, polling like the real one."""
    from telegram import Update
    from telegram.ext import AIORateLimiter, ApplicationBuilder, ContextTypes, MessageHandler
    from telegram.ext import filters as ptb_filters

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None and message.text is not None
        await message.reply_text(message.text)

    builder = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
    )
    if limiter:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    application = builder.build()
    application.add_handler(MessageHandler(ptb_filters.TEXT, echo))
    mark("imported")
    application.run_polling(allowed_updates=ALLOWED_UPDATES)


FIRST_USER = 100_001  # ids of stored users; simulated newcomers use other ids
RESTART_USERS = 1000  # the restart benchmark spreads its nudges over this many users


def pending_due(now: datetime, user_id: int, n: int) -> datetime:
    """When a user's n-th pending nudge of the restart benchmark falls due: from tomorrow on."""
    return now + timedelta(days=1, minutes=n * 97 + user_id % 1440)


def run_blast(count: int) -> None:
    """Bare python-telegram-bot with the bot's rate limiter: `count` messages to as many chats."""
    from telegram.ext import AIORateLimiter, ApplicationBuilder

    application = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .rate_limiter(AIORateLimiter(max_retries=3))
        .build()
    )
    mark("imported")

    async def send(chat_id: int) -> None:
        with contextlib.suppress(Exception):
            await application.bot.send_message(chat_id, f"Reminder for chat {chat_id}")

    async def main() -> None:
        async with application:
            mark("ready")
            await asyncio.gather(*(send(FIRST_USER + n) for n in range(count)))
            mark("done")

    asyncio.run(main())


def baseline_dues(count: int, now: datetime) -> Iterator[tuple[str, datetime]]:
    """The ids and due times of the restart benchmark's nudges, in the order the bot arms them."""
    per_user = count // RESTART_USERS
    for user_id in range(FIRST_USER, FIRST_USER + RESTART_USERS):
        for n in range(per_user):
            yield f"n{user_id}x{n}", pending_due(now, user_id, n)


def run_scheduler(count: int) -> None:
    """Bare APScheduler: add `count` date jobs as the bot's scheduler does, start, then idle."""
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    mark("imported")

    async def job() -> None:
        """Never runs: every job is due tomorrow or later."""

    async def main() -> None:
        scheduler = AsyncIOScheduler(timezone=UTC)
        now = datetime.now(UTC)
        for job_id, due in baseline_dues(count, now):
            scheduler.add_job(
                job,
                "date",
                run_date=due,
                id=job_id,
                name=f"nudge:{job_id}",
                replace_existing=True,
                misfire_grace_time=None,
            )
        scheduler.start()
        mark("ready")
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, stop.set)
        await stop.wait()
        scheduler.shutdown(wait=False)

    asyncio.run(main())


def main() -> None:
    """Parse the mode and run it."""
    warnings.filterwarnings("ignore")
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["bot", "echo", "scheduler", "blast"])
    parser.add_argument("count", nargs="?", type=int, default=0)
    parser.add_argument("--data-dir", default="./data")
    parser.add_argument("--patch", action="append", default=[], choices=sorted(PATCHES))
    parser.add_argument("--limiter", action="store_true")
    args = parser.parse_args()
    mark("started", STARTED)
    if args.mode == "bot":
        run_bot(args.data_dir, args.patch)
    elif args.mode == "echo":
        run_echo(args.limiter)
    elif args.mode == "blast":
        run_blast(args.count)
    else:
        run_scheduler(args.count)


if __name__ == "__main__":
    main()
