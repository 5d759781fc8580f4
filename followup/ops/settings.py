"""Settings from the environment, each also a command-line flag, validated once at start.

An error names the setting the way the operator gave it (`--timezone` or `FOLLOWUP_TIMEZONE`)
and never repeats a secret. Paths may use `~` and `$VARIABLES`.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from followup.core.language import LANGUAGES
from followup.ops.setting_checks import (
    DEFAULT_API_BASE_URL,
    SettingsError,
    api_base_url,
    check_country,
    check_database_url,
    check_folder,
    check_writable,
    check_zone,
    database_passwords,
    expand_path,
    host_name,
    one_of,
    port_number,
    user_ids,
)

DEFAULT_WEBHOOK_LISTEN = "127.0.0.1:8443"
DEFAULT_CONNECT_TIMEOUT = 60.0
DEFAULT_HEALTH_MAX_AGE = 60.0
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
LOG_FORMATS = ("text", "json")
_TOKEN = re.compile(r"\d+:[A-Za-z0-9_-]+")
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as a webhook secret

# Each setting: (attribute, environment variable, flag, help). The help names the variable.
SETTINGS: tuple[tuple[str, str, str, str], ...] = (
    ("token", "TELEGRAM_BOT_TOKEN", "--token",
     "Telegram bot token from @BotFather (prefer the variable: command lines are visible to "
     "other users of the machine)"),
    ("api_base_url", "TELEGRAM_API_BASE_URL", "--api-base-url",
     f"Bot API base URL, e.g. http://127.0.0.1:8081/bot for a local Bot API server "
     f"(default {DEFAULT_API_BASE_URL})"),
    ("data_dir", "FOLLOWUP_DATA_DIR", "--data-dir", "where user data is kept (default ./data)"),
    ("database_url", "FOLLOWUP_DATABASE_URL", "--database-url",
     "keep user data in PostgreSQL instead: postgresql://user:password@host:5432/dbname "
     "(default: files in the data folder)"),
    ("timezone", "FOLLOWUP_TIMEZONE", "--timezone",
     "IANA time zone for new users, e.g. Europe/London (default UTC)"),
    ("language", "FOLLOWUP_LANGUAGE", "--language",
     "language for new users whose Telegram language the bot does not speak: en, es, de or ru "
     "(default en)"),
    ("country", "FOLLOWUP_COUNTRY", "--country",
     "whose public holidays new users' working days skip: GB-ENG, US-NY, DE-BY, FR... or none "
     "(default: proposed from each user's time zone)"),
    ("allowed_users", "FOLLOWUP_ALLOWED_USERS", "--allowed-users",
     "comma-separated Telegram user ids allowed to use the bot (default: everyone)"),
    ("log_level", "FOLLOWUP_LOG_LEVEL", "--log-level",
     "DEBUG, INFO, WARNING or ERROR (default INFO)"),
    ("log_format", "FOLLOWUP_LOG_FORMAT", "--log-format",
     "text, or json for one JSON object per line (default text)"),
    ("connect_timeout", "FOLLOWUP_CONNECT_TIMEOUT", "--connect-timeout",
     f"seconds to keep trying to reach the Bot API at start (default {DEFAULT_CONNECT_TIMEOUT:g})"),
    ("webhook_url", "FOLLOWUP_WEBHOOK_URL", "--webhook-url",
     "public https URL Telegram posts updates to; set, the bot takes webhooks instead of "
     "polling (default: long polling)"),
    ("webhook_listen", "FOLLOWUP_WEBHOOK_LISTEN", "--webhook-listen",
     f"host:port the webhook server binds (default {DEFAULT_WEBHOOK_LISTEN})"),
    ("webhook_secret", "FOLLOWUP_WEBHOOK_SECRET", "--webhook-secret",
     "the X-Telegram-Bot-Api-Secret-Token webhook requests must carry: 1-256 of A-Z a-z 0-9 _ - "
     "(default: a new random one at each start)"),
    ("http_port", "FOLLOWUP_HTTP_PORT", "--http-port",
     "port for /healthz and /metrics (default: off)"),
    ("http_host", "FOLLOWUP_HTTP_HOST", "--http-host",
     "address the /healthz and /metrics listener binds (default 127.0.0.1)"),
    ("health_max_age", "FOLLOWUP_HEALTH_MAX_AGE", "--health-max-age",
     f"/healthz fails when the last poll or scheduler tick is older than this many seconds "
     f"(default {DEFAULT_HEALTH_MAX_AGE:g})"),
    ("public_url", "FOLLOWUP_PUBLIC_URL", "--public-url",
     "the bot's public https address, e.g. https://coach.example.com: each user's calendar "
     "feed is served under it at /cal/<token>.ics by the --http-port listener "
     "(default: none; /calendar sends a file)"),
    ("cache_dir", "FOLLOWUP_CACHE_DIR", "--cache-dir",
     "where the city index is built once (default: cache/ in the data folder)"),
    ("weekly_card", "FOLLOWUP_WEEKLY_CARD", "--weekly-card",
     "on or off: the weekly picture card, for users who have not said /digest off (default on)"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Webhook:
    """Webhook mode: where Telegram posts, where we listen, and the secret it must send."""

    url: str
    listen_host: str
    listen_port: int
    secret: str

    @property
    def path(self) -> str:
        """The URL path the webhook server answers on (the public URL's path, without "/")."""
        return urlsplit(self.url).path.strip("/")


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
    language: str = "en"  # for new users whose Telegram language is not one the bot speaks
    log_format: str = "text"
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT
    webhook: Webhook | None = None
    http_host: str = "127.0.0.1"
    http_port: int | None = None
    health_max_age: float = DEFAULT_HEALTH_MAX_AGE
    cache_dir: Path | None = None
    database_url: str | None = None  # PostgreSQL instead of the data folder's files
    public_url: str | None = None  # where users' calendar feeds are reached (https://…)
    weekly_card: bool = True  # the weekly card (each user may still say /digest off)
    # How the operator named each setting they gave ("--token", "TELEGRAM_BOT_TOKEN"...).
    sources: Mapping[str, str] = field(default_factory=dict)

    @property
    def use_console(self) -> bool:
        """Terminal chat when asked for, or when there is no token to reach Telegram with."""
        return self.console or not self.token

    def named(self, attribute: str) -> str:
        """The flag or variable the operator used for a setting (the variable if neither)."""
        default = next((env for name, env, _, _ in SETTINGS if name == attribute), attribute)
        return self.sources.get(attribute, default)

    @property
    def secrets(self) -> list[str]:
        """Values that must never appear in any output."""
        found = [self.token or "", self.webhook.secret if self.webhook else ""]
        found += database_passwords(self.database_url)
        return [value for value in found if value]


def build_parser() -> argparse.ArgumentParser:
    """The command line; each flag falls back to its environment variable."""
    parser = argparse.ArgumentParser(
        prog="bot.py",
        description="Follow-up Coach: a Telegram bot that coaches you through the days after "
        "an interview. With no token it runs as a chat in this terminal. Each setting is also "
        "an environment variable, named in brackets.",
    )
    for attribute, env, flag, text in SETTINGS:
        parser.add_argument(flag, dest=attribute, default=None, help=f"{text} [{env}]")
    parser.add_argument(
        "--console", action="store_true", help="chat in this terminal even if a token is set"
    )
    return parser


class _Reader:
    """Each setting's raw value from its flag, else its variable, noting which one it came from."""

    def __init__(self, args: argparse.Namespace, environ: Mapping[str, str]) -> None:
        self.args, self.environ = args, environ
        self.sources: dict[str, str] = {}

    def __call__(self, attribute: str, default: str | None = None) -> str | None:
        _, env, flag, _ = next(entry for entry in SETTINGS if entry[0] == attribute)
        given = getattr(self.args, attribute)
        value, source = (given, flag) if given is not None else (self.environ.get(env), env)
        if value is None or not value.strip():
            return default
        self.sources[attribute] = source
        return value.strip()

    def name(self, attribute: str) -> str:
        return self.sources.get(attribute) or next(e[1] for e in SETTINGS if e[0] == attribute)


def load_settings(argv: Sequence[str], environ: Mapping[str, str]) -> Settings:
    """Read and validate the settings; raises SettingsError with a one-line reason."""
    args = build_parser().parse_args(list(argv))
    read = _Reader(args, environ)
    token = read("token")
    if token is not None and not _TOKEN.fullmatch(token):
        # Never echo it: a mistyped token is still mostly the real one.
        raise SettingsError(
            f"{read.name('token')} does not look like a bot token (digits, a colon, then letters, "
            "digits, _ or -, as @BotFather gives it)"
        )
    base_url = api_base_url(read("api_base_url", DEFAULT_API_BASE_URL) or "", read.name)
    timezone = read("timezone", "UTC") or "UTC"
    check_zone(timezone, read.name("timezone"))
    data_dir = expand_path(read("data_dir", "./data") or "./data", environ)
    check_writable(data_dir, read.name("data_dir"))
    cache = read("cache_dir")
    cache_dir = expand_path(cache, environ) if cache else data_dir / "cache"
    check_folder(cache_dir, read.name("cache_dir"))
    log_level = one_of(read("log_level", "INFO") or "INFO", LOG_LEVELS, read.name("log_level"))
    log_format = one_of(read("log_format", "text") or "text", LOG_FORMATS, read.name("log_format"))
    http_port = port_number(read("http_port"), read.name("http_port"))
    return Settings(
        token=token,
        api_base_url=base_url,
        data_dir=data_dir,
        timezone=timezone,
        console=args.console,
        log_level=log_level,
        log_format=log_format.lower(),
        allowed_users=user_ids(read("allowed_users"), read.name("allowed_users")),
        country=check_country(read("country"), read.name("country")),
        language=one_of(read("language", "en") or "en", LANGUAGES, read.name("language")).lower(),
        connect_timeout=_seconds(read, "connect_timeout", DEFAULT_CONNECT_TIMEOUT),
        webhook=_webhook(read),
        http_host=host_name(read("http_host", "127.0.0.1") or "127.0.0.1", read.name("http_host")),
        http_port=http_port,
        health_max_age=_seconds(read, "health_max_age", DEFAULT_HEALTH_MAX_AGE),
        cache_dir=cache_dir,
        database_url=check_database_url(read("database_url"), read.name("database_url")),
        public_url=_public_url(read, http_port is not None),
        weekly_card=one_of(
            read("weekly_card", "on") or "on", ("on", "off"), read.name("weekly_card")
        )
        == "on",
        sources=dict(read.sources),
    )


def _webhook(read: _Reader) -> Webhook | None:
    """Webhook mode, when a public URL is set."""
    url = read("webhook_url")
    listen = read("webhook_listen", DEFAULT_WEBHOOK_LISTEN) or DEFAULT_WEBHOOK_LISTEN
    secret = read("webhook_secret")
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise SettingsError(
            f"{read.name('webhook_url')} must be the public https:// address Telegram posts "
            f"to, e.g. https://bot.example.com/telegram: {url!r}"
        )
    host, _, port = listen.rpartition(":")
    if not host or not port.isdigit() or int(port) > 65535:
        raise SettingsError(
            f"{read.name('webhook_listen')} must be host:port, e.g. {DEFAULT_WEBHOOK_LISTEN}: "
            f"{listen!r}"
        )
    if secret is not None and not _SECRET.fullmatch(secret):
        raise SettingsError(
            f"{read.name('webhook_secret')} must be 1-256 characters of A-Z, a-z, 0-9, _ and -"
        )
    host = host_name(host.strip("[]"), read.name("webhook_listen"))
    return Webhook(url, host, int(port), secret or secrets.token_urlsafe(32))


def _public_url(read: _Reader, listening: bool) -> str | None:
    """The public address calendar feeds are reached at (served by the HTTP listener)."""
    url = read("public_url")
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise SettingsError(
            f"{read.name('public_url')} must be the bot's public address, e.g. "
            f"https://coach.example.com: {url!r}"
        )
    if not listening:
        raise SettingsError(
            f"{read.name('public_url')} needs {read.name('http_port')}: the calendar feeds are "
            "served by that listener (behind your proxy)"
        )
    return url.rstrip("/")


def _seconds(read: _Reader, attribute: str, default: float) -> float:
    raw = read(attribute)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value < 86_400:
        raise SettingsError(f"{read.name(attribute)} must be a number of seconds above 0: {raw!r}")
    return value


def environment() -> Mapping[str, str]:
    """The process environment (kept behind a function so tests pass their own mapping)."""
    return os.environ
