"""Settings: environment and flags, validated once; bad values end the program with exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup.settings import DEFAULT_API_BASE_URL, SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[1]


def test_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings([], {})
    assert settings.token is None and settings.use_console
    assert settings.api_base_url == DEFAULT_API_BASE_URL
    assert settings.timezone == "UTC" and settings.data_dir == Path("./data")
    assert settings.allowed_users is None and settings.log_level == "INFO"


def test_environment_and_flags(tmp_path: Path) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": "1:env",
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
        "FOLLOWUP_DATA_DIR": str(tmp_path / "env"),
        "FOLLOWUP_TIMEZONE": "Europe/London",
        "FOLLOWUP_ALLOWED_USERS": "1, 2,3",
    }
    settings = load_settings([], env)
    assert settings.token == "1:env" and not settings.use_console
    assert settings.api_base_url == "http://127.0.0.1:8081/bot"
    assert settings.allowed_users == frozenset({1, 2, 3})
    flagged = load_settings(
        ["--token", "1:flag", "--timezone", "Asia/Kolkata", "--console",
         "--data-dir", str(tmp_path / "flag")], env,
    )  # fmt: skip
    assert flagged.token == "1:flag" and flagged.timezone == "Asia/Kolkata"
    assert flagged.use_console and flagged.data_dir == tmp_path / "flag"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"FOLLOWUP_TIMEZONE": "Mars/Olympus"}, "not a known IANA time zone"),
        ({"TELEGRAM_API_BASE_URL": "ftp://x"}, "must start with http"),
        ({"FOLLOWUP_ALLOWED_USERS": "ann,bob"}, "Telegram user ids"),
        ({"FOLLOWUP_LOG_LEVEL": "LOUD"}, "FOLLOWUP_LOG_LEVEL"),
        ({"FOLLOWUP_DATA_DIR": "/proc/forbidden"}, "is not writable"),
    ],
)
def test_bad_values_are_named(env: dict[str, str], message: str, tmp_path: Path) -> None:
    env = {"FOLLOWUP_DATA_DIR": str(tmp_path), **env}
    with pytest.raises(SettingsError, match=message):
        load_settings([], env)


def run_bot(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_bad_settings_exit_2_with_one_line(tmp_path: Path) -> None:
    result = run_bot(env={"FOLLOWUP_TIMEZONE": "Nowhere/Land", "FOLLOWUP_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "Nowhere/Land" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_documents_every_setting() -> None:
    result = run_bot("--help", env={})
    assert result.returncode == 0
    for name in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "FOLLOWUP_DATA_DIR",
                 "FOLLOWUP_TIMEZONE", "--console"):  # fmt: skip
        assert name in result.stdout
