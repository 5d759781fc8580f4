"""The invitation words of every language (vocabulary.toml), folded and compiled once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from babel.dates import get_day_names, get_month_names

from followup.core.language import LANGUAGES
from followup.core.phrasebook import fold


@dataclass(frozen=True)
class Words:
    """Each list of the table, all languages together, as one pattern of whole words."""

    lists: dict[str, tuple[str, ...]]

    def any_of(self, key: str) -> re.Pattern[str]:
        return _alternation(self.lists.get(key, ()))

    def alternation(self, key: str) -> str:
        """The list as one regex alternation (no word boundaries), longest first."""
        ordered = sorted(self.lists.get(key, ()), key=len, reverse=True)
        return "|".join(ordered or ["(?!x)x"])

    def found(self, key: str, folded: str) -> bool:
        return bool(self.lists.get(key)) and self.any_of(key).search(folded) is not None


@cache
def _alternation(entries: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(entries, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(ordered or ["(?!x)x"]) + r")(?!\w)")


@cache
def words() -> Words:
    raw = tomllib.loads(
        resources.files("followup.core.invitations").joinpath("vocabulary.toml").read_text("utf-8")
    )
    lists: dict[str, list[str]] = {}
    for language in raw.values():
        for key, entries in language.items():
            lists.setdefault(key, []).extend(fold(entry) for entry in entries)
    return Words({key: tuple(dict.fromkeys(entries)) for key, entries in lists.items()})


@cache
def months() -> dict[str, int]:
    """Every month name and abbreviation of the four languages (folded) -> its number."""
    names: dict[str, int] = {}
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, language).items():
                    key = fold(name).rstrip(".")
                    if len(key) >= 3:
                        names.setdefault(key, number)
    # Common short forms CLDR writes otherwise ("sept", "märz" short as "mrz").
    names.update({"sept": 9, "mrz": 3, "juni": 6, "juli": 7})
    return names


@cache
def weekdays() -> dict[str, int]:
    """Weekday names and abbreviations (folded) -> Monday 0 … Sunday 6."""
    names: dict[str, int] = {}
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_day_names(width, context, language).items():
                    key = fold(name).rstrip(".")
                    if len(key) >= 2:
                        names.setdefault(key, number)
    return names
