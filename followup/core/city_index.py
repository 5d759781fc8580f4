"""What the zone resolver reads from a city index: its cities, its small tables, and the folding
of names both sides use to meet ("São Paulo" and "sao paulo" are one key)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple, Protocol

_NOT_WORD = re.compile(r"[\W_]+")


class City(NamedTuple):
    name: str
    country: str
    region: str
    population: int
    zone: str


@dataclass(frozen=True)
class Tables:
    """The small tables, kept in memory: a few hundred entries each."""

    countries: dict[str, str]  # folded country name or alias -> ISO code
    country_codes: dict[str, str]  # folded ISO2 / ISO3 code -> ISO code
    country_names: dict[str, str]  # ISO code -> English name
    us_states: dict[str, str]  # folded state name or code -> state code
    zone_population: dict[str, int]  # zone -> people living in its indexed cities
    country_zones: dict[str, list[str]]  # ISO code -> zones, the most populous city's first


class CityIndex(Protocol):
    """Cities by folded name, and the small tables: all the resolver asks of an index."""

    @property
    def tables(self) -> Tables: ...

    def cities(self, key: str) -> list[City]:
        """The cities known by this folded name, in the source's order."""
        ...


def fold(text: str) -> str:
    """A name folded for lookup: no case, accents or punctuation."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())
