"""bot.py as an operator meets it: one instance per data folder, start-up errors, clean stops.

Every case runs bot.py as its own process against the fake Bot API server, and checks that the
token appears nowhere in what the process printed, tracebacks included.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from followup.ops.geo.process_index import default_index_folder
from tests.support.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456:TEST-TOKEN"  # the fake server's
ENCODED_TOKEN = TOKEN.replace(":", "%3A")


@dataclass
class Ended:
    code: int
    stdout: str
    stderr: str
    seconds: float


def bot_env(fake: FakeTelegram | None, data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of an operator's shell: the fake's address and token, and `extra`."""
    mine = ("TELEGRAM_", "FOLLOWUP_")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(mine) and "proxy" not in k.lower()}  # fmt: skip
    env |= {
        "FOLLOWUP_DATA_DIR": str(data_dir),
        # The city index is built once per machine: share the tests' copy instead of one per run.
        "FOLLOWUP_CACHE_DIR": str(default_index_folder()),
        "FOLLOWUP_TIMEZONE": "Europe/London",
        "PYTHONUNBUFFERED": "1",
    }
    if fake is not None:
        env |= {"TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_BASE_URL": fake.base_url}
    return env | extra


@asynccontextmanager
async def bot_process(env: dict[str, str], *args: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """bot.py running; on leaving, SIGTERM (and SIGKILL if it lingers)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bot.py"), *args, env=env,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        yield proc
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


async def finish(proc: asyncio.subprocess.Process, timeout: float = 60) -> Ended:
    """Wait for the process to end by itself; what it printed, and how long that took."""
    started = time.monotonic()
    async with asyncio.timeout(timeout):
        stdout, stderr = await proc.communicate()
    assert proc.returncode is not None
    return Ended(proc.returncode, stdout.decode(), stderr.decode(), time.monotonic() - started)


async def run_to_end(env: dict[str, str], *args: str, timeout: float = 60) -> Ended:
    async with bot_process(env, *args) as proc:
        return await finish(proc, timeout)


async def polling(fake: FakeTelegram, timeout: float = 60) -> None:
    """Wait until the bot has called getUpdates."""
    async with asyncio.timeout(timeout):
        while not fake.calls_to("getUpdates"):
            await asyncio.sleep(0.05)


async def stop(proc: asyncio.subprocess.Process) -> Ended:
    """SIGTERM, as a service manager stops it."""
    proc.send_signal(signal.SIGTERM)
    return await finish(proc, timeout=30)


def assert_secret_kept(ended: Ended) -> None:
    """The token, plain or URL-encoded, is in no output, and nothing printed a traceback."""
    for output in (ended.stdout, ended.stderr):
        assert TOKEN not in output and ENCODED_TOKEN not in output
        assert "TEST-TOKEN" not in output
    assert "Traceback" not in ended.stderr


def last_line(ended: Ended) -> str:
    lines = ended.stderr.strip().splitlines()
    return lines[-1] if lines else ""


def closed_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- one instance per data folder --------------------------------------------------------------


async def test_a_second_instance_on_the_same_data_is_refused(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    env = bot_env(fake, tmp_path / "data")
    async with bot_process(env) as first:
        await polling(fake)
        second = await run_to_end(env)
        assert second.code == 2, second.stderr
        assert second.stderr.count("\n") == 1  # one line, nothing else
        assert str(tmp_path / "data") in second.stderr
        assert f"process {first.pid} is already running" in second.stderr
        assert first.returncode is None  # the first one carries on
        ann = fake.user(1001, "Ann")
        await ann.send("/start")
        assert "Hi Ann" in (await ann.next_message(10)).text
        ended = await stop(first)
    assert ended.code == 0 and ended.seconds < 10
    assert_secret_kept(second)
    assert_secret_kept(ended)
    # Stopped, the folder is free again.
    async with bot_process(env) as third:
        fake.calls.clear()
        await polling(fake)
        assert (await stop(third)).code == 0


async def test_sigterm_stops_promptly(fake: FakeTelegram, tmp_path: Path) -> None:
    async with bot_process(bot_env(fake, tmp_path / "data")) as proc:
        await polling(fake)
        ended = await stop(proc)
    assert ended.code == 0 and ended.seconds < 5
    assert "stopping" in ended.stderr


# --- start-up errors: one line, exit 2, never the token --------------------------------------


async def test_a_rejected_token(fake: FakeTelegram, tmp_path: Path) -> None:
    # The fake only knows its own token: any other is refused with 401, as Telegram does.
    env = bot_env(fake, tmp_path / "data", TELEGRAM_BOT_TOKEN="654321:TEST-TOKEN")
    ended = await run_to_end(env)
    assert ended.code == 2
    assert ended.stderr.count("\n") == 1
    assert "refused the token in TELEGRAM_BOT_TOKEN" in ended.stderr
    assert "654321" not in ended.stderr
    assert_secret_kept(ended)


async def test_a_rejected_token_given_as_a_flag_names_the_flag(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    env = bot_env(fake, tmp_path / "data")
    del env["TELEGRAM_BOT_TOKEN"]
    ended = await run_to_end(env, "--token", "654321:TEST-TOKEN")
    assert ended.code == 2 and "refused the token in --token" in ended.stderr
    assert_secret_kept(ended)


async def test_a_malformed_token_is_not_echoed(fake: FakeTelegram, tmp_path: Path) -> None:
    ended = await run_to_end(bot_env(fake, tmp_path / "data", TELEGRAM_BOT_TOKEN="TEST-TOKEN"))
    assert ended.code == 2 and ended.stderr.count("\n") == 1
    assert "TELEGRAM_BOT_TOKEN does not look like a bot token" in ended.stderr
    assert_secret_kept(ended)


@pytest.mark.parametrize("shape", ["{base}/", "{host}", "{host}/"])
async def test_base_urls_that_can_be_normalised_work(
    fake: FakeTelegram, tmp_path: Path, shape: str
) -> None:
    host = fake.base_url.removesuffix("/bot")
    url = shape.format(base=fake.base_url, host=host)
    async with bot_process(bot_env(fake, tmp_path / "data", TELEGRAM_API_BASE_URL=url)) as proc:
        await polling(fake)
        ended = await stop(proc)
    assert ended.code == 0
    assert_secret_kept(ended)


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("http://127.0.0.1:99999/bot", "must start with http:// or https:// and name a valid"),
        ("127.0.0.1:8081/bot", "must start with http://"),
        ("http:///bot", "valid host"),
    ],
)
async def test_base_urls_that_cannot_be_normalised(tmp_path: Path, url: str, said: str) -> None:
    env = bot_env(None, tmp_path / "data", TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=url)
    ended = await run_to_end(env)
    assert ended.code == 2 and ended.stderr.count("\n") == 1
    assert "TELEGRAM_API_BASE_URL" in ended.stderr and said in ended.stderr
    assert_secret_kept(ended)


async def test_an_unreachable_api_is_retried_then_given_up(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/bot"
    env = bot_env(None, tmp_path / "data", TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=url)
    ended = await run_to_end(env, "--connect-timeout", "3")
    assert ended.code == 2
    tries = [line for line in ended.stderr.splitlines() if "cannot reach the Bot API" in line]
    assert tries and "(try 1: " in tries[0]  # each failed try is logged, then waited for
    assert last_line(ended).startswith(f"bot.py: could not reach the Bot API at {url} for 3 s")
    assert "--connect-timeout" in last_line(ended)
    assert 2.5 < ended.seconds < 30
    assert_secret_kept(ended)


async def test_an_api_that_comes_up_late_is_waited_for(tmp_path: Path) -> None:
    port = closed_port()
    late = FakeTelegram()
    env = bot_env(None, tmp_path / "data", TELEGRAM_BOT_TOKEN=late.token,
                  TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}/bot")  # fmt: skip
    async with bot_process(env) as proc:
        assert proc.stderr is not None
        async with asyncio.timeout(30):
            while b"cannot reach the Bot API" not in await proc.stderr.readline():
                pass
        await late.start(port)
        try:
            await polling(late)
            ann = late.user(1001, "Ann")
            await ann.send("/start")
            assert "Hi Ann" in (await ann.next_message(10)).text
            ended = await stop(proc)
        finally:
            await late.stop()
    assert ended.code == 0
    assert_secret_kept(ended)


async def test_settings_errors_name_the_flag_used(tmp_path: Path) -> None:
    env = bot_env(None, tmp_path / "data")
    ended = await run_to_end(env, "--timezone", "Mars/Olympus")
    assert ended.code == 2 and ended.stderr.startswith("bot.py: --timezone 'Mars/Olympus'")
    ended = await run_to_end(env | {"FOLLOWUP_TIMEZONE": "Mars/Olympus"})
    assert ended.code == 2 and ended.stderr.startswith("bot.py: FOLLOWUP_TIMEZONE 'Mars/Olympus'")


# --- logs ------------------------------------------------------------------------------------


async def test_json_logs_are_one_object_per_line(fake: FakeTelegram, tmp_path: Path) -> None:
    env = bot_env(fake, tmp_path / "data", FOLLOWUP_LOG_FORMAT="json", FOLLOWUP_LOG_LEVEL="DEBUG")
    async with bot_process(env) as proc:
        await polling(fake)
        ended = await stop(proc)
    records = [json.loads(line) for line in ended.stderr.splitlines()]
    assert {"asctime", "level", "logger", "message"} <= records[0].keys()
    assert any(r["message"].startswith("running (long polling)") for r in records)
    assert_secret_kept(ended)


async def test_a_refused_webhook_url(fake: FakeTelegram, tmp_path: Path) -> None:
    # The fake posts to loopback only, so it refuses this URL as Telegram refuses a bad one.
    env = bot_env(fake, tmp_path / "data", FOLLOWUP_WEBHOOK_URL="https://bot.example.com/hook",
                  FOLLOWUP_WEBHOOK_LISTEN=f"127.0.0.1:{closed_port()}")  # fmt: skip
    ended = await run_to_end(env)
    assert ended.code == 2  # after the start-up log lines, the reason in one line
    assert "Telegram refused the webhook https://bot.example.com/hook" in last_line(ended)
    assert "FOLLOWUP_WEBHOOK_URL" in last_line(ended)
    assert_secret_kept(ended)


async def test_a_health_port_in_use(fake: FakeTelegram, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ended = await run_to_end(bot_env(fake, tmp_path / "data"), "--http-port", str(port))
    assert ended.code == 2
    assert last_line(ended).startswith(f"bot.py: can't serve /healthz on 127.0.0.1:{port}")
    assert "--http-port" in last_line(ended)
    assert_secret_kept(ended)
