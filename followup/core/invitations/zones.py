"""The time zone an invitation states, as a zone we can compute with.

Invitations name zones in many ways: an IANA name ("America/Los_Angeles"), a Windows name from
Outlook or Exchange ("Pacific Standard Time", mapped with the CLDR table icalendar ships), a
spoken region ("Pacific Time", "hora de Madrid", "московское время"), an abbreviation after a
clock time ("2pm PT", "14:00 MEZ", "10:00 мск") or an offset ("GMT+1", "UTC-05:00"). An
abbreviation that names more than one region ("CST", "IST") is not a zone: it is asked about.
"""

from __future__ import annotations

import re
from datetime import UTC, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from followup.core.phrasebook import fold

AMBIGUOUS = "?"  # what an abbreviation naming several regions reads as

# Abbreviations, read only right after a clock time ("2pm ET"), never as words of a sentence.
ABBREVIATIONS: dict[str, str] = {
    **dict.fromkeys(("et", "est", "edt"), "America/New_York"),
    **dict.fromkeys(("ct", "cdt"), "America/Chicago"),
    **dict.fromkeys(("mt", "mdt"), "America/Denver"),
    **dict.fromkeys(("pt", "pst", "pdt"), "America/Los_Angeles"),
    **dict.fromkeys(("cet", "cest", "mez", "mesz"), "Europe/Berlin"),
    **dict.fromkeys(("eet", "eest"), "Europe/Athens"),
    **dict.fromkeys(("wet", "west"), "Europe/Lisbon"),
    **dict.fromkeys(("msk", "мск"), "Europe/Moscow"),
    "bst": "Europe/London",
    **dict.fromkeys(("gmt", "utc", "z"), "UTC"),
    "sgt": "Asia/Singapore",
    "jst": "Asia/Tokyo",
    **dict.fromkeys(("aest", "aedt"), "Australia/Sydney"),
    **dict.fromkeys(("nzst", "nzdt"), "Pacific/Auckland"),
    **dict.fromkeys(("cst", "ist", "mst", "ast"), AMBIGUOUS),
}

# Regions said in words, in the four languages (folded: lower case, no accents).
SPOKEN: dict[str, str] = {
    "pacific time": "America/Los_Angeles",
    "eastern time": "America/New_York",
    "central time": "America/Chicago",
    "mountain time": "America/Denver",
    "central european time": "Europe/Berlin",
    "central european summer time": "Europe/Berlin",
    "uk time": "Europe/London",
    "london time": "Europe/London",
    "british time": "Europe/London",
    "berlin time": "Europe/Berlin",
    "moscow time": "Europe/Moscow",
    "new york time": "America/New_York",
    "hora de madrid": "Europe/Madrid",
    "hora peninsular": "Europe/Madrid",
    "hora de espana": "Europe/Madrid",
    "hora central europea": "Europe/Madrid",
    "hora de mexico": "America/Mexico_City",
    "hora de la ciudad de mexico": "America/Mexico_City",
    "hora de bogota": "America/Bogota",
    "hora de buenos aires": "America/Argentina/Buenos_Aires",
    "hora de argentina": "America/Argentina/Buenos_Aires",
    "hora de chile": "America/Santiago",
    "hora de lima": "America/Lima",
    "deutscher zeit": "Europe/Berlin",
    "deutsche zeit": "Europe/Berlin",
    "berliner zeit": "Europe/Berlin",
    "mitteleuropaischer zeit": "Europe/Berlin",
    "mitteleuropaische zeit": "Europe/Berlin",
    "wiener zeit": "Europe/Vienna",
    "schweizer zeit": "Europe/Zurich",
    "московское время": "Europe/Moscow",
    "московскому времени": "Europe/Moscow",
    "по москве": "Europe/Moscow",
    "времени москвы": "Europe/Moscow",
    "по киеву": "Europe/Kyiv",
    "по минску": "Europe/Minsk",
    "по алматы": "Asia/Almaty",
    "по екатеринбургу": "Asia/Yekaterinburg",
}

_OFFSET = re.compile(r"\b(?:utc|gmt)\s*([+\-−–])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)")
_IANA = re.compile(r"\b([A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_\-]+){1,2})\b")


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


@cache
def _windows_folded() -> dict[str, str]:
    return {fold(name): zone for name, zone in WINDOWS_TO_OLSON.items()}


@cache
def _long_names() -> re.Pattern[str]:
    names = sorted({*SPOKEN, *_windows_folded()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


_UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Z", "Zulu"})


def windows_zone(name: str) -> str | None:
    """The IANA zone of a Windows zone name ("Pacific Standard Time"), or None."""
    zone = WINDOWS_TO_OLSON.get(name.strip().strip('"')) or _windows_folded().get(fold(name))
    return "UTC" if zone in _UTC_NAMES else zone


def zone_named(name: str) -> str | None:
    """An IANA name, a Windows name or a spoken region, as an IANA name; None if none of these."""
    cleaned = name.strip().strip('"').strip("/")
    if cleaned in _UTC_NAMES:
        return "UTC"
    if cleaned in _known_zones():
        return cleaned
    folded = fold(cleaned)
    return windows_zone(cleaned) or SPOKEN.get(folded)


def offset_name(minutes: int) -> str:
    """A fixed offset as a zone name ("UTC+05:30"); UTC itself is "UTC"."""
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def tz_of(name: str) -> tzinfo:
    """The tzinfo of a name this module gives: an IANA zone or a fixed "UTC±HH:MM"."""
    if name == "UTC":
        return UTC
    match = re.fullmatch(r"UTC([+-])(\d{2}):(\d{2})", name)
    if match:
        delta = timedelta(hours=int(match[2]), minutes=int(match[3]))
        return timezone(delta if match[1] == "+" else -delta)
    return ZoneInfo(name)


def zone_after_clock(folded_tail: str) -> str | None:
    """The zone named right after a clock time ("pt", "(cet)", "utc+1", "мск"), or None; the
    tail is the folded text following the time. AMBIGUOUS for "CST" and the like."""
    tail = folded_tail[:40]
    match = re.match(r"\s*\(?\s*([a-zа-я]{2,4})\b\.?", tail)
    offset = _OFFSET.match(tail.lstrip(" ("))
    if offset:
        return _offset_zone(offset)
    if match and match[1] in ABBREVIATIONS:
        return ABBREVIATIONS[match[1]]
    return None


def zones_in(text: str, folded: str) -> list[tuple[int, str]]:
    """Every zone the text names anywhere (IANA, Windows, spoken, an offset), with where in the
    folded text it is (IANA names: in the original). Abbreviations are left to
    `zone_after_clock`."""
    found: list[tuple[int, str]] = []
    for match in _IANA.finditer(text[:100_000]):
        if match[1] in _known_zones() and "/" in match[1]:
            found.append((match.start(), "UTC" if match[1] in _UTC_NAMES else match[1]))
    for match in _long_names().finditer(folded):
        zone = SPOKEN.get(match[1]) or windows_zone(match[1])
        if zone:
            found.append((match.start(), zone))
    for match in _OFFSET.finditer(folded):
        found.append((match.start(), _offset_zone(match)))
    return found


def _offset_zone(match: re.Match[str]) -> str:
    hours, minutes = int(match[2]), int(match[3] or 0)
    total = hours * 60 + minutes
    if hours > 14 or minutes >= 60:
        return AMBIGUOUS
    return offset_name(-total if match[1] in "-−–" else total)
