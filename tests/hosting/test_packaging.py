"""Packaging for hosts: what the Dockerfile, compose.yaml and the systemd unit promise, and the
Dockerfile's command run for real from a clean install (no image is built here: no registry).
"""

from __future__ import annotations

import asyncio
import configparser
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from followup.ops.healthcheck import check, health_url
from tests.support.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parents[2]


def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (INSTRUCTION, arguments), continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    found = [line.split(None, 1) for line in lines if line and not line.startswith("#")]
    return [(parts[0].upper(), parts[1] if len(parts) > 1 else "") for parts in found]


def final_stage() -> list[tuple[str, str]]:
    """The instructions of the image that ships (after the last FROM)."""
    steps = dockerfile()
    last = max(i for i, (name, _) in enumerate(steps) if name == "FROM")
    return steps[last:]


def image_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for name, args in final_stage():
        if name == "ENV":
            env |= dict(part.split("=", 1) for part in shlex.split(args))
    return env


def exec_form(args: str) -> list[str]:
    """A JSON-array (exec form) command; fails on the shell form."""
    command = json.loads(args)
    assert isinstance(command, list) and all(isinstance(part, str) for part in command)
    return command


def test_the_image_is_slim_unprivileged_with_data_in_a_volume() -> None:
    stage = final_stage()
    (base,) = [args for name, args in stage if name == "FROM"]
    assert base.startswith("python:3.11-slim")
    (user,) = [args for name, args in stage if name == "USER"]
    assert user.split(":")[0] not in ("root", "0")
    (volume,) = [args for name, args in stage if name == "VOLUME"]
    assert exec_form(volume) == ["/data"] and image_env()["FOLLOWUP_DATA_DIR"] == "/data"
    (command,) = [args for name, args in stage if name == "CMD"]
    assert exec_form(command) == ["followup-coach"]  # exec form: SIGTERM reaches the bot
    (health,) = [args for name, args in stage if name == "HEALTHCHECK"]
    assert "--start-period" in health
    assert exec_form(health.split("CMD", 1)[1]) == ["python", "-m", "followup.healthcheck"]
    assert image_env()["FOLLOWUP_HTTP_PORT"] and image_env()["FOLLOWUP_CACHE_DIR"]
    assert not any("TOKEN" in key or "SECRET" in key for key in image_env())  # no secret baked in


def test_compose_runs_the_image_with_a_volume_and_a_restart_policy() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    bot = compose["services"]["bot"]
    assert bot["build"] == "." and bot["restart"] in ("unless-stopped", "always")
    assert any(volume.endswith(":/data") for volume in bot["volumes"])
    named = bot["volumes"][0].split(":")[0]
    assert named in compose["volumes"]
    assert "${TELEGRAM_BOT_TOKEN" in bot["environment"]["TELEGRAM_BOT_TOKEN"]  # from .env
    # /healthz and /metrics are published to this host only.
    assert all(port.startswith("127.0.0.1:") for port in bot["ports"])


def test_the_systemd_unit() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(ROOT / "deploy" / "followup-coach.service")
    service = unit["Service"]
    assert service["User"] not in ("root", "0") and service["User"] == service["Group"]
    assert service["EnvironmentFile"].startswith("/etc/")
    assert service["Restart"] == "on-failure"
    assert service["ExecStart"].endswith("/followup-coach")
    assert service["KillSignal"] == "SIGTERM"
    assert unit["Install"]["WantedBy"] == "multi-user.target"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_accepts_the_unit() -> None:
    checked = subprocess.run(
        ["systemd-analyze", "verify", str(ROOT / "deploy" / "followup-coach.service")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    complaints = [
        line
        for line in (checked.stdout + checked.stderr).splitlines()
        if line.strip() and "/opt/followup-coach/bin/followup-coach" not in line  # not installed
    ]
    assert not complaints


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_install(where: Path) -> Path:
    """The project installed, not in editable mode, into a new virtual environment at `where`.

    Its dependencies come from the tests' own environment (no network needed); the project itself
    is built from a copy of the repository's files, as a fresh clone or `docker build` sees them.
    """
    source = where / "source"
    tracked = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    env_dir = where / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    ours = [p for p in sys.path if p.endswith("site-packages")]
    (Path(site) / "dependencies.pth").write_text("\n".join(ours) + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", str(source)],
        check=True, cwd=where, env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )  # fmt: skip
    return env_dir


def build_the_city_index_as_the_image_does(env_dir: Path, where: Path) -> Path:
    """Run the Dockerfile's build step for the city index, with this machine's paths."""
    (run,) = [args for name, args in dockerfile() if name == "RUN" and "open_index" in args]
    step = shlex.split(run.split("&&")[-1])
    assert step[0] == "/opt/followup/venv/bin/python"
    cache = where / "cache"
    step = [
        str(env_dir / "bin" / "python"),
        *(p.replace("/opt/followup/cache", str(cache)) for p in step[1:]),
    ]
    subprocess.run(step, check=True, cwd=where)
    assert len(list(cache.glob("places-*.sqlite3"))) == 1
    return cache


async def test_the_image_command_runs_the_bot_from_a_clean_install(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    env_dir = await asyncio.to_thread(clean_install, tmp_path)
    workdir = tmp_path / "elsewhere"  # not the source tree: only the installed package is used
    workdir.mkdir()
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env = {k: v for k, v in env.items() if not k.startswith(("TELEGRAM_", "FOLLOWUP_", "PYTHON"))}
    env |= image_env() | {
        "PATH": f"{env_dir / 'bin'}:{env['PATH']}",
        "FOLLOWUP_DATA_DIR": str(tmp_path / "data"),
        "FOLLOWUP_CACHE_DIR": str(build_the_city_index_as_the_image_does(env_dir, tmp_path)),
        "FOLLOWUP_HTTP_PORT": str(free_port()),
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_BASE_URL": fake.base_url,
    }
    (command,) = [exec_form(args) for name, args in final_stage() if name == "CMD"]
    (health,) = [args for name, args in final_stage() if name == "HEALTHCHECK"]
    executable = shutil.which(command[0], path=env["PATH"])
    assert executable is not None and executable.startswith(str(env_dir))
    show = "import bot, followup; print(bot.__file__, followup.__file__)"
    where = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c", show],
        cwd=workdir, env=env, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert all(path.startswith(str(env_dir)) for path in where), where  # the installed copy
    proc = await asyncio.create_subprocess_exec(
        executable, *command[1:], cwd=workdir, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        ann = fake.user(1001, "Ann")
        async with asyncio.timeout(60):
            while not fake.calls_to("getUpdates"):
                await asyncio.sleep(0.05)
        await ann.send("/start")
        assert "Hi Ann" in (await ann.next_message(10)).text
        check = exec_form(health.split("CMD", 1)[1])
        checked = await asyncio.create_subprocess_exec(
            shutil.which(check[0], path=env["PATH"]) or check[0], *check[1:], cwd=workdir,
            env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        said, complaint = await checked.communicate()
        assert checked.returncode == 0, complaint.decode()
        assert said.decode().strip() == "ok"
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        _, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()[-2000:]
    records = [json.loads(line) for line in err.decode().splitlines()]  # JSON logs in the image
    assert any(r["message"].startswith("running (long polling)") for r in records)
    assert fake.token not in err.decode()


@pytest.mark.parametrize(
    ("env", "url"),
    [
        ({}, None),
        ({"FOLLOWUP_HTTP_PORT": "8080"}, "http://127.0.0.1:8080/healthz"),
        ({"FOLLOWUP_HTTP_PORT": "8080", "FOLLOWUP_HTTP_HOST": "0.0.0.0"}, "http://127.0.0.1:8080/healthz"),
        ({"FOLLOWUP_HTTP_PORT": "9", "FOLLOWUP_HTTP_HOST": "::1"}, "http://[::1]:9/healthz"),
        ({"FOLLOWUP_HTTP_PORT": "9", "FOLLOWUP_HTTP_HOST": "10.0.0.5"}, "http://10.0.0.5:9/healthz"),
    ],
)  # fmt: skip
def test_the_health_check_finds_the_listener_from_the_settings(
    env: dict[str, str], url: str | None
) -> None:
    assert health_url(env) == url


def test_the_health_check_fails_when_nothing_answers() -> None:
    healthy, said = check(f"http://127.0.0.1:{free_port()}/healthz")
    assert not healthy and said.startswith("no answer from")
