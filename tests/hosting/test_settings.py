"""Settings: environment and flags, validated once; bad values end the program with exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup.ops.settings import DEFAULT_API_BASE_URL, SETTINGS, SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[2]


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
    for _, variable, flag, _ in SETTINGS:
        assert variable in result.stdout and flag in result.stdout
    assert "--console" in result.stdout


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("https://api.telegram.org/bot", "https://api.telegram.org/bot"),
        ("https://api.telegram.org/bot/", "https://api.telegram.org/bot"),
        ("http://127.0.0.1:8081", "http://127.0.0.1:8081/bot"),
        ("http://127.0.0.1:8081/", "http://127.0.0.1:8081/bot"),
        ("http://proxy.local/telegram/bot//", "http://proxy.local/telegram/bot"),
        ("http://proxy.local/telegram", "http://proxy.local/telegram/bot"),
        ("http://127.0.0.1:8081/bot{token}/test", "http://127.0.0.1:8081/bot{token}/test"),
    ],
)
def test_the_api_base_url_is_normalised(given: str, used: str, tmp_path: Path) -> None:
    env = {"FOLLOWUP_DATA_DIR": str(tmp_path), "TELEGRAM_API_BASE_URL": given}
    assert load_settings([], env).api_base_url == used


@pytest.mark.parametrize(
    ("argv", "env", "named"),
    [
        (["--timezone", "Mars/Olympus"], {}, "--timezone 'Mars/Olympus'"),
        ([], {"FOLLOWUP_TIMEZONE": "Mars/Olympus"}, "FOLLOWUP_TIMEZONE 'Mars/Olympus'"),
        (["--log-level", "LOUD"], {}, "--log-level must be"),
        (["--allowed-users", "ann"], {}, "--allowed-users must be"),
        (["--api-base-url", "ftp://x"], {}, "--api-base-url must start with"),
        (["--http-port", "http"], {}, "--http-port must be a port"),
        ([], {"FOLLOWUP_HTTP_PORT": "70000"}, "FOLLOWUP_HTTP_PORT must be a port"),
        (["--health-max-age", "-1"], {}, "--health-max-age must be a number of seconds"),
        (["--connect-timeout", "soon"], {}, "--connect-timeout must be a number of seconds"),
        (["--log-format", "xml"], {}, "--log-format must be text or json"),
        (["--http-host", "no such host!"], {}, "--http-host must be an IP address"),
    ],
)
def test_errors_name_the_flag_or_variable_used(
    argv: list[str], env: dict[str, str], named: str, tmp_path: Path
) -> None:
    with pytest.raises(SettingsError) as raised:
        load_settings(argv, {"FOLLOWUP_DATA_DIR": str(tmp_path), **env})
    assert str(raised.value).startswith(named)


def test_a_malformed_token_is_refused_without_repeating_it(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as raised:
        load_settings(["--token", "12345-secret"], {"FOLLOWUP_DATA_DIR": str(tmp_path)})
    assert "--token does not look like a bot token" in str(raised.value)
    assert "12345" not in str(raised.value) and "secret" not in str(raised.value)


def test_home_and_variables_are_expanded_in_paths(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "home"), "SPOT": "bots", "FOLLOWUP_DATA_DIR": "~/followup"}
    assert load_settings([], env).data_dir == tmp_path / "home" / "followup"
    env["FOLLOWUP_DATA_DIR"] = f"{tmp_path}/$SPOT/${{SPOT}}-data"
    settings = load_settings(["--cache-dir", "~/cache"], env)
    assert settings.data_dir == tmp_path / "bots" / "bots-data"
    assert settings.cache_dir == tmp_path / "home" / "cache"
    assert not (Path.cwd() / "~").exists()


def test_the_cache_defaults_to_a_folder_in_the_data_folder(tmp_path: Path) -> None:
    assert load_settings([], {"FOLLOWUP_DATA_DIR": str(tmp_path)}).cache_dir == tmp_path / "cache"


def test_webhook_mode(tmp_path: Path) -> None:
    env = {"FOLLOWUP_DATA_DIR": str(tmp_path)}
    assert load_settings([], env).webhook is None  # polling by default
    env["FOLLOWUP_WEBHOOK_URL"] = "https://bot.example.com/telegram/hook"
    first, second = load_settings([], env).webhook, load_settings([], env).webhook
    assert first is not None and second is not None
    assert (first.listen_host, first.listen_port, first.path) == (
        "127.0.0.1",
        8443,
        "telegram/hook",
    )
    assert len(first.secret) >= 32 and first.secret != second.secret  # generated when unset
    env |= {"FOLLOWUP_WEBHOOK_LISTEN": "0.0.0.0:9000", "FOLLOWUP_WEBHOOK_SECRET": "Abc_123-x"}
    webhook = load_settings([], env).webhook
    assert webhook is not None
    assert (webhook.listen_host, webhook.listen_port, webhook.secret) == (
        "0.0.0.0",
        9000,
        "Abc_123-x",
    )
    with pytest.raises(SettingsError, match="FOLLOWUP_WEBHOOK_SECRET must be 1-256"):
        load_settings([], env | {"FOLLOWUP_WEBHOOK_SECRET": "has spaces"})
    with pytest.raises(SettingsError, match="--webhook-listen must be host:port"):
        load_settings(["--webhook-listen", "8443"], env)
    with pytest.raises(SettingsError, match="FOLLOWUP_WEBHOOK_URL must be the public"):
        load_settings([], env | {"FOLLOWUP_WEBHOOK_URL": "bot.example.com"})


def test_secrets_are_listed_for_redaction(tmp_path: Path) -> None:
    env = {
        "FOLLOWUP_DATA_DIR": str(tmp_path),
        "TELEGRAM_BOT_TOKEN": "1:abc",
        "FOLLOWUP_WEBHOOK_URL": "https://bot.example.com/hook",
        "FOLLOWUP_WEBHOOK_SECRET": "shh",
    }
    assert load_settings([], env).secrets == ["1:abc", "shh"]


def test_health_and_metrics_settings(tmp_path: Path) -> None:
    env = {"FOLLOWUP_DATA_DIR": str(tmp_path)}
    settings = load_settings([], env)
    assert settings.http_port is None and settings.http_host == "127.0.0.1"  # off by default
    assert settings.health_max_age == 60 and settings.connect_timeout == 60
    settings = load_settings(["--http-port", "9100", "--health-max-age", "120"], env)
    assert settings.http_port == 9100 and settings.health_max_age == 120
