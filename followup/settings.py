"""Settings from the environment, each also a command-line flag, validated once at start."""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.workdays import normalize_code

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"


class SettingsError(Exception):
    """A setting has a value the bot cannot run with; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Settings:
    token: str | None
    api_base_url: str
    data_dir: Path
    timezone: str
    console: bool
    log_level: str
    allowed_users: frozenset[int] | None = None
    # Public holidays for new users: a code ("GB-ENG"), "none" for weekends only, or None to
    # propose one from each user's time zone.
    country: str | None = None

    @property
    def use_console(self) -> bool:
        """Terminal chat when asked for, or when there is no token to reach Telegram with."""
        return self.console or not self.token


def build_parser() -> argparse.ArgumentParser:
    """The command line; each flag falls back to its environment variable."""
    parser = argparse.ArgumentParser(
        prog="bot.py",
        description="Follow-up Coach: a Telegram bot that coaches you through the days after "
        "an interview. With no token it runs as a chat in this terminal.",
    )
    parser.add_argument(
        "--token",
        help="Telegram bot token from @BotFather (env TELEGRAM_BOT_TOKEN; prefer the env var, "
        "command lines are visible to other users of the machine)",
    )
    parser.add_argument(
        "--api-base-url",
        help=f"Bot API base URL, passed to python-telegram-bot as is (env TELEGRAM_API_BASE_URL; "
        f"default {DEFAULT_API_BASE_URL})",
    )
    parser.add_argument(
        "--data-dir", help="where user data is kept (env FOLLOWUP_DATA_DIR; default ./data)"
    )
    parser.add_argument(
        "--timezone",
        help="IANA time zone for new users, e.g. Europe/London "
        "(env FOLLOWUP_TIMEZONE; default UTC)",
    )
    parser.add_argument(
        "--country",
        help="public holidays for new users: GB-ENG, GB-SCT, US-NY, DE-BY, FR, JP... or none for "
        "weekends only (env FOLLOWUP_COUNTRY; default: proposed from each user's time zone)",
    )
    parser.add_argument(
        "--allowed-users",
        help="comma-separated Telegram user ids allowed to use the bot "
        "(env FOLLOWUP_ALLOWED_USERS; default: everyone)",
    )
    parser.add_argument(
        "--console",
        action="store_true",
        help="chat in this terminal even if a token is set",
    )
    parser.add_argument(
        "--log-level",
        default=None,
        help="DEBUG, INFO, WARNING or ERROR (env FOLLOWUP_LOG_LEVEL; default INFO)",
    )
    return parser


def load_settings(argv: Sequence[str], environ: Mapping[str, str]) -> Settings:
    """Read and validate the settings; raises SettingsError with a one-line reason."""
    args = build_parser().parse_args(list(argv))

    def pick(flag: str | None, env: str, default: str | None = None) -> str | None:
        value = flag if flag is not None else environ.get(env)
        return value.strip() if value and value.strip() else default

    token = pick(args.token, "TELEGRAM_BOT_TOKEN")
    base_url = pick(args.api_base_url, "TELEGRAM_API_BASE_URL", DEFAULT_API_BASE_URL)
    assert base_url is not None
    if not base_url.startswith(("http://", "https://")):
        raise SettingsError(
            f"TELEGRAM_API_BASE_URL must start with http:// or https://: {base_url!r}"
        )
    timezone = pick(args.timezone, "FOLLOWUP_TIMEZONE", "UTC")
    assert timezone is not None
    _check_zone(timezone)
    data_dir = Path(pick(args.data_dir, "FOLLOWUP_DATA_DIR", "./data") or "./data")
    _check_writable(data_dir)
    log_level = (pick(args.log_level, "FOLLOWUP_LOG_LEVEL", "INFO") or "INFO").upper()
    if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise SettingsError(
            f"FOLLOWUP_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR: {log_level!r}"
        )
    return Settings(
        token=token,
        api_base_url=base_url,
        data_dir=data_dir,
        timezone=timezone,
        console=args.console,
        log_level=log_level,
        allowed_users=_parse_user_ids(pick(args.allowed_users, "FOLLOWUP_ALLOWED_USERS")),
        country=_check_country(pick(args.country, "FOLLOWUP_COUNTRY")),
    )


def _check_zone(name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            f"FOLLOWUP_TIMEZONE {name!r} is not a known IANA time zone (try e.g. Europe/London)"
        ) from None


def _check_country(code: str | None) -> str | None:
    if code is None:
        return None
    try:
        return normalize_code(code)
    except ValueError:
        raise SettingsError(
            f"FOLLOWUP_COUNTRY {code!r} is not a country or region code the holidays package "
            "knows (try e.g. GB-ENG, US-NY, DE-BY, FR, or none)"
        ) from None


def _check_writable(data_dir: Path) -> None:
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=data_dir):
            pass
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise SettingsError(
            f"FOLLOWUP_DATA_DIR {str(data_dir)!r} is not writable: {reason}"
        ) from None


def _parse_user_ids(raw: str | None) -> frozenset[int] | None:
    if raw is None:
        return None
    try:
        return frozenset(int(part) for part in raw.replace(" ", "").split(",") if part)
    except ValueError:
        raise SettingsError(
            f"FOLLOWUP_ALLOWED_USERS must be Telegram user ids separated by commas: {raw!r}"
        ) from None


def environment() -> Mapping[str, str]:
    """The process environment (kept behind a function so tests pass their own mapping)."""
    return os.environ
