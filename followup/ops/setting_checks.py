"""Reading one setting's value: each check returns the value in its stored form or raises
SettingsError with a one-line message that names the setting and never repeats a secret."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.core.workdays import normalize_code

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
_VARIABLE = re.compile(r"\$(\w+|\{\w+\})")


class SettingsError(Exception):
    """A setting has a value the bot cannot run with; the message is one line for the user."""


def check_country(code: str | None, name: str) -> str | None:
    """A calendar code in its stored form ("gb-eng" -> "GB-ENG"), or None when not given."""
    if code is None:
        return None
    try:
        return normalize_code(code)
    except ValueError:
        raise SettingsError(
            f"{name} {code!r} is not a country or region code the holidays package knows "
            "(try e.g. GB-ENG, US-NY, DE-BY, FR, or none)"
        ) from None


def check_database_url(url: str | None, name: str) -> str | None:
    """A PostgreSQL URL libpq can read; the error never repeats it (it may hold a password)."""
    if url is None:
        return None
    from psycopg.conninfo import conninfo_to_dict  # only when PostgreSQL is asked for

    if url.partition("://")[0].lower() not in ("postgresql", "postgres"):
        raise SettingsError(
            f"{name} must be a postgresql:// or postgres:// URL, like "
            "postgresql://user:password@host:5432/dbname"
        )
    try:
        conninfo_to_dict(url)
    except Exception:  # psycopg.ProgrammingError; its text may quote the password
        raise SettingsError(
            f"{name} is not a PostgreSQL URL libpq can read: check its query parameters and "
            "that special characters in the password are %-escaped"
        ) from None
    return url


def database_passwords(url: str | None) -> list[str]:
    """The password in a database URL, as written and decoded (user:password@ or ?password=)."""
    if not url:
        return []
    from psycopg.conninfo import conninfo_to_dict

    found: set[str] = set()
    with contextlib.suppress(Exception):  # unreadable: refused by check_database_url anyway
        found.add(str(conninfo_to_dict(url).get("password") or ""))
    with contextlib.suppress(ValueError):
        found.add(urlsplit(url).password or "")
    return sorted(value for value in found if value)


def api_base_url(raw: str, name: Callable[[str], str]) -> str:
    """The base URL the token is appended to, normalised: no trailing slash, ending in /bot."""
    if "{token}" in raw:
        return raw  # python-telegram-bot fills the token in where the operator put it
    try:
        parts = urlsplit(raw.rstrip("/"))
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
    else:
        if parts.scheme in ("http", "https") and parts.hostname and port_ok:
            path = parts.path.rstrip("/")
            path = path if path.endswith("/bot") else f"{path}/bot"
            return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    raise SettingsError(
        f"{name('api_base_url')} must start with http:// or https:// and name a valid host and "
        f"port, like {DEFAULT_API_BASE_URL}: {raw!r}"
    )


def expand_path(raw: str, environ: Mapping[str, str]) -> Path:
    """A path with $VARIABLES (from the same environment) and a leading ~ expanded."""

    def variable(match: re.Match[str]) -> str:
        return environ.get(match[1].strip("{}"), match[0])

    expanded = _VARIABLE.sub(variable, raw)
    if expanded == "~" or expanded.startswith("~/"):
        home = environ.get("HOME") or os.path.expanduser("~")
        expanded = home + expanded[1:]
    return Path(os.path.expanduser(expanded))


def one_of(raw: str, allowed: Sequence[str], name: str) -> str:
    for option in allowed:
        if raw.casefold() == option.casefold():
            return option
    raise SettingsError(f"{name} must be {', '.join(allowed[:-1])} or {allowed[-1]}: {raw!r}")


def port_number(raw: str | None, name: str) -> int | None:
    if raw is None:
        return None
    if not raw.isdigit() or not 0 <= int(raw) < 65536:
        raise SettingsError(f"{name} must be a port number from 0 to 65535: {raw!r}")
    return int(raw)


def host_name(raw: str, name: str) -> str:
    """An IP address or a host name to bind to."""
    try:
        ipaddress.ip_address(raw)
    except ValueError:
        if not re.fullmatch(r"[A-Za-z0-9.-]{1,253}", raw):
            raise SettingsError(f"{name} must be an IP address or a host name: {raw!r}") from None
    return raw


def check_zone(name: str, setting: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            f"{setting} {name!r} is not a known IANA time zone (try e.g. Europe/London)"
        ) from None


def check_writable(folder: Path, setting: str) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise SettingsError(f"{setting} {str(folder)!r} is not writable: {reason}") from None


def check_folder(folder: Path, setting: str) -> None:
    """A folder that exists or can be made; it may be read-only (a city index built in advance)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise SettingsError(f"{setting} {str(folder)!r} can't be created: {reason}") from None


def user_ids(raw: str | None, setting: str) -> frozenset[int] | None:
    if raw is None:
        return None
    try:
        return frozenset(int(part) for part in raw.replace(" ", "").split(",") if part)
    except ValueError:
        raise SettingsError(
            f"{setting} must be Telegram user ids separated by commas: {raw!r}"
        ) from None
