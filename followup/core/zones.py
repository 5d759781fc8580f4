"""Work out which time zone a user means: an IANA name, a place, or the time on their clock.

Places and populations come from a city index handed to the resolver; nothing here opens one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, available_timezones

from followup.core.city_index import City, CityIndex, fold

_MAX_CHOICES = 5
_MAX_INPUT = 100
_DAY = 24 * 60
# A clock time names the zones whose local time is nearest to it, up to this many minutes away:
# people round ("it's 9pm" at 21:07).
_CLOCK_TOLERANCE = 30
# A city found only by another of its names is taken at once only when it is this big: "Bombay"
# is Mumbai, but "no" matching a town's local name (Ho, Ghana) must be asked back.
_WELL_KNOWN = 1_000_000
# Offsets in use on Earth run from UTC-12:00 to UTC+14:00.
_LOWEST_OFFSET, _HIGHEST_OFFSET = -12 * 60, 14 * 60

# Common abbreviations mean a region rather than a fixed offset: "EST" in July means New York.
_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("et", "est", "edt"), ("America/New_York",)),
    **dict.fromkeys(("ct", "cdt"), ("America/Chicago",)),
    "cst": ("America/Chicago", "Asia/Shanghai"),
    **dict.fromkeys(("mt", "mdt"), ("America/Denver",)),
    "mst": ("America/Denver", "America/Phoenix"),
    **dict.fromkeys(("pt", "pst", "pdt"), ("America/Los_Angeles",)),
    "bst": ("Europe/London",),
    "wet": ("Europe/Lisbon",),
    **dict.fromkeys(("cet", "cest"), ("Europe/Berlin", "Europe/Paris")),
    **dict.fromkeys(("eet", "eest"), ("Europe/Athens", "Europe/Helsinki")),
    "msk": ("Europe/Moscow",),
    "ist": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
    "sgt": ("Asia/Singapore",),
    "hkt": ("Asia/Hong_Kong",),
    "jst": ("Asia/Tokyo",),
    "kst": ("Asia/Seoul",),
    "aest": ("Australia/Sydney", "Australia/Brisbane"),
    "aedt": ("Australia/Sydney",),
    **dict.fromkeys(("nzst", "nzdt"), ("Pacific/Auckland",)),
}

_OFFSET = re.compile(r"(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?:[:.]?(\d{2}))?")
_CLOCK = re.compile(r"(?<![\d:.])(\d{1,2})(?:[:.h](\d{2}))?\s*(?:([ap])\.?\s?m\b\.?)?(?![\d:])")


@dataclass(frozen=True)
class ZoneChoice:
    """One zone the user may have meant, with a label to show back to them."""

    name: str
    label: str
    sure: bool = True  # False: a lone match to confirm with the user before it is used


class ZoneResolver:
    """Reads a typed answer as time zones, with one city index for places and populations."""

    def __init__(self, places: CityIndex) -> None:
        self._places = places
        self._canonical: tuple[ZoneInfo, ...] | None = None

    def resolve(self, text: str, now: datetime) -> list[ZoneChoice]:
        """The zones the user may mean, best first, at most five; empty when nothing matches.

        Zones found from an offset or a clock time are ranked by the people living in them (the
        population of their cities), so the likeliest zone for a user comes first.
        """
        cleaned = " ".join(text[: _MAX_INPUT * 2].split())[:_MAX_INPUT]
        if not cleaned:
            return []
        # Each reader answers None when the text is not its kind: a clock time is never a city.
        for reader in (_by_zone_name, self._by_offset, self._by_clock, self._by_place):
            choices = reader(cleaned, now)
            if choices is not None:
                return choices[:_MAX_CHOICES]
        return []

    def warm_up(self) -> None:
        """Read the index and the zones ahead of the first answer (opening it may build it)."""
        self._offset_zones()

    def _by_offset(self, text: str, now: datetime) -> list[ZoneChoice] | None:
        """An offset such as "UTC+2" or "+05:30": the zones at that offset now."""
        found = _OFFSET.fullmatch(text.casefold())
        if not found:
            return None
        sign = -1 if found.group(1) in "-−" else 1
        minutes = int(found.group(2)) * 60 + int(found.group(3) or 0)
        return self._zones_at({sign * minutes}, now)

    def _by_clock(self, text: str, now: datetime) -> list[ZoneChoice] | None:
        """The time on the user's clock ("it's 14:05 here", "9pm"): the zones nearest to it now.

        People round, and clocks are a little off, so the zones whose local time is nearest to
        the time typed are chosen, up to half an hour away; dates may differ, so the day wraps.
        """
        for found in _CLOCK.finditer(text.casefold()):
            hour_text, minute_text, meridiem = found.groups()
            if minute_text is None and meridiem is None:
                continue
            hour, minute = int(hour_text), int(minute_text or 0)
            if meridiem:
                if not 1 <= hour <= 12:
                    continue
                hour = hour % 12 + (12 if meridiem == "p" else 0)
            if hour > 23 or minute > 59:
                continue
            utc = now.astimezone(UTC)
            utc_minutes = utc.hour * 60 + utc.minute + utc.second / 60
            typed = hour * 60 + minute
            distance = {
                offset: _clock_distance((utc_minutes + offset) % _DAY, typed)
                for offset in self._offsets_in_use(now)
            }
            near = {offset: gap for offset, gap in distance.items() if gap <= _CLOCK_TOLERANCE}
            if not near:
                return []
            best = min(near.values())
            return self._zones_at(
                {offset for offset, gap in near.items() if gap - best < 1e-6}, now
            )
        return None

    def _offsets_in_use(self, now: datetime) -> set[int]:
        """Every offset from UTC, in minutes, that some zone has at this moment."""
        offsets = set()
        for zone in self._offset_zones():
            offset = now.astimezone(zone).utcoffset()
            if offset is not None:
                offsets.add(int(offset.total_seconds()) // 60)
        return offsets

    def _by_place(self, text: str, now: datetime) -> list[ZoneChoice]:
        """A country, or a city ("Munich", "Portland, Maine"), ranked by population."""
        index = self._places
        tables = index.tables
        keys = (" ".join(text.casefold().split()), fold(text))
        if not keys[1]:
            return []
        country = next((tables.countries[k] for k in keys if k in tables.countries), None)
        if country:
            return _unique_zones((z, zone_label(z)) for z in tables.country_zones.get(country, ()))
        key, cities = next(((k, found) for k in keys if (found := index.cities(k))), ("", []))
        if not cities:
            key, cities = self._city_in_region(keys[1])
        likeliest = _likeliest(fold(key), cities)
        choices = _unique_zones(
            (c.zone, f"{c.name}, {tables.country_names.get(c.country, c.country)} ({c.zone})")
            for c in likeliest
        )
        best = likeliest[0] if likeliest else None
        if best is None or fold(best.name) == fold(key) or best.population >= _WELL_KNOWN:
            return choices
        return [replace(choice, sure=False) for choice in choices]

    def _city_in_region(self, key: str) -> tuple[str, list[City]]:
        """A city followed by its country or US state: "paris france", "portland or"."""
        tables = self._places.tables
        words = key.split()
        for split in range(len(words) - 1, 0, -1):
            city, region = " ".join(words[:split]), " ".join(words[split:])
            country = tables.countries.get(region) or tables.country_codes.get(region)
            state = tables.us_states.get(region)
            if country is None and state is None:
                continue  # not a region: no need to look the city up
            candidates = self._places.cities(city)
            matches = [c for c in candidates if c.country == country]
            matches = matches or [c for c in candidates if c.country == "US" and c.region == state]
            if matches:
                return city, matches
        return "", []

    def _zones_at(self, offsets: set[int], now: datetime) -> list[ZoneChoice]:
        """The zones whose offset from UTC is now one of these, the most populous first."""
        wanted = {timedelta(minutes=m) for m in offsets if _LOWEST_OFFSET <= m <= _HIGHEST_OFFSET}
        if not wanted:
            return []
        weight = self._places.tables.zone_population
        names = [z.key for z in self._offset_zones() if now.astimezone(z).utcoffset() in wanted]
        names.sort(key=lambda z: (-weight.get(z, 0), z))
        return [ZoneChoice(z, zone_label(z)) for z in names[:_MAX_CHOICES]]

    def _offset_zones(self) -> tuple[ZoneInfo, ...]:
        """The canonical zones (one per region, no aliases) to consider for an offset."""
        if self._canonical is None:
            names = set(self._places.tables.zone_population) | _canonical_zone_names()
            # Held here because zoneinfo keeps only a few zones alive and would re-read the rest.
            self._canonical = tuple(ZoneInfo(n) for n in sorted(names & _valid_zones()))
        return self._canonical


def zone_label(name: str) -> str:
    """A human-friendly name for an IANA zone, e.g. "New York (America/New_York)"."""
    fixed = re.fullmatch(r"Etc/GMT([+-])(\d{1,2})", name)
    if fixed:
        # POSIX-style names are inverted: Etc/GMT+5 is five hours behind UTC.
        sign = "-" if fixed.group(1) == "+" else "+"
        return f"UTC{sign}{int(fixed.group(2)):02d}:00 ({name})"
    if "/" not in name:
        return name
    return f"{name.rsplit('/', 1)[1].replace('_', ' ')} ({name})"


def _by_zone_name(text: str, now: datetime) -> list[ZoneChoice] | None:
    """An IANA name in any case, with spaces for underscores, or a common abbreviation."""
    key = re.sub(r"\s*/\s*", "/", text).replace(" ", "_").casefold()
    name = _zone_names().get(key)
    names = (name,) if name else _ABBREVIATIONS.get(key)
    if names is None:
        return None
    return [ZoneChoice(n, zone_label(n)) for n in names if n in _valid_zones()]


def _clock_distance(local: float, typed: int) -> float:
    """Minutes between two times of day, the short way round midnight."""
    gap = abs(local - typed) % _DAY
    return min(gap, _DAY - gap)


def _likeliest(key: str, cities: list[City]) -> list[City]:
    """The cities people most likely mean by this name, most likely first.

    A match on an alternate name counts a tenth of the city's population: "Victoria" is the
    Canadian city before Hong Kong (once called Victoria). Cities scoring under a tenth of the
    best are dropped: "Berlin" is not Berlin, Ohio, whose people can say "Berlin, Ohio".
    """

    def score(city: City) -> float:
        return city.population / (1 if fold(city.name) == key else 10)

    ranked = sorted(cities, key=score, reverse=True)
    return [c for c in ranked if score(c) * 10 >= score(ranked[0])]


def _unique_zones(labelled: Iterable[tuple[str, str]]) -> list[ZoneChoice]:
    """The first choice for each zone, in order, up to the maximum shown."""
    choices: dict[str, ZoneChoice] = {}
    for zone, label in labelled:
        if zone not in choices and zone in _valid_zones():
            choices[zone] = ZoneChoice(zone, label)
            if len(choices) == _MAX_CHOICES:
                break
    return list(choices.values())


@cache
def _valid_zones() -> frozenset[str]:
    """Every zone name this machine's time zone data knows."""
    return frozenset(available_timezones())


@cache
def _zone_names() -> dict[str, str]:
    """IANA names by their case-folded form; region-style names only, plus UTC and GMT."""
    return {n.casefold(): n for n in _valid_zones() if "/" in n or n in ("UTC", "GMT")}


@cache
def _canonical_zone_names() -> frozenset[str]:
    """The zones tzdata lists as canonical, one per region (zone1970.tab)."""
    try:
        table = resources.files("tzdata").joinpath("zoneinfo", "zone1970.tab").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        table = ""
    return frozenset(
        line.split("\t")[2] for line in table.splitlines() if line and not line.startswith("#")
    )
