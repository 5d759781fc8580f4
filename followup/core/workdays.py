"""Working days that know a country's public holidays and weekend, from the `holidays` package.

A calendar code says where the user works: "GB-ENG" (a country and one of its subdivisions, as
the package codes them), "FR" (a whole country: its nationwide holidays) or "none" (weekends
only). The package is imported at first use, and a calendar loads a year's holidays the first
time a day in that year is asked about, so start-up pays nothing for the countries nobody uses.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
import threading
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from babel.lists import format_list

from followup.core.calendar import MONDAY_TO_FRIDAY, ONE_DAY, SATURDAY_SUNDAY, Break, WorkCalendar
from followup.core.language import ENGLISH, speaking

if TYPE_CHECKING:
    from holidays import HolidayBase

NO_HOLIDAYS = "none"
# A break is at least this many days off in a row, holding at least two public holidays.
BREAK_DAYS = 4
BREAK_HOLIDAYS = 2
CHRISTMAS_BREAK = "Christmas and New Year"
# Runs of days off are looked for this far either side of a day, at most.
_SCAN_DAYS = 31
# Held while a country's module is imported with the package stood in for (see _country_module).
_IMPORTING = threading.Lock()


class HolidayCalendar(WorkCalendar):
    """A country's (or one of its subdivisions') working days: its weekend and public holidays."""

    def __init__(self, country: str, subdivision: str | None = None) -> None:
        days = _holidays_for(country, subdivision)
        weekend = frozenset(days.weekend)
        super().__init__(weekend if 1 <= len(weekend) <= 3 else SATURDAY_SUNDAY)
        self.country: str = days.country
        self.subdivision: str | None = _chosen_subdivision(days)
        self._days = days
        # Each day's break, once worked out: every count of working days asks about each day.
        self._breaks: dict[date, Break | None] = {}
        self._local: dict[str, HolidayBase | None] = {}  # the same holidays in other languages

    def __repr__(self) -> str:
        return f"HolidayCalendar({self.country!r}, {self.subdivision!r})"

    @property
    def code(self) -> str:
        """The calendar code: "GB-ENG", or "FR" for a whole country."""
        return f"{self.country}-{self.subdivision}" if self.subdivision else self.country

    def holiday(self, day: date) -> str | None:
        """The public holiday's English name ("Boxing Day (observed)"), or None."""
        # The package loads the day's year on first use (expand=True) and keeps it.
        name: str | None = self._days.get(day)
        return name

    def holiday_name(self, day: date, language: str | None = None) -> str | None:
        """The holiday's name in the language spoken where the package has it ("Erster
        Weihnachtstag"), else in English."""
        name = self.holiday(day)
        local = self._in_language(language or speaking())
        return (local.get(day) if name and local is not None else None) or name

    def break_name(self, gap: Break, language: str | None = None) -> str:
        """The break's name: Christmas's stays the constant the words translate; another is its
        holidays' names, in the language where the package has them, listed the language's way."""
        language = language or speaking()
        if gap.name == CHRISTMAS_BREAK or self._in_language(language) is None:
            return gap.name
        found: dict[str, None] = {}
        for n in _span(gap.start, gap.end):
            for name in (self.holiday_name(gap.start + n * ONE_DAY, language) or "").split("; "):
                if name:
                    found[name] = None
        return format_list(list(found), locale=language) if found else gap.name

    def _in_language(self, language: str) -> HolidayBase | None:
        """The same holidays named in `language`, if the package has that language; else None."""
        if language == ENGLISH:
            return None
        if language not in self._local:
            kind = type(self._days)
            code = next((c for c in kind.supported_languages if c.split("_")[0] == language), None)
            self._local[language] = (
                kind(subdiv=self._days.subdiv, years=(), language=code) if code else None
            )
        return self._local[language]

    def is_weekend(self, day: date) -> bool:
        """The weekend of that date (it changed in some countries), less weekend days worked."""
        # is_weekend loads the year first, so its weekend workdays are known when asked.
        days = self._days
        return bool(days.is_weekend(day)) and day not in days.weekend_workdays

    def long_break(self, day: date) -> Break | None:
        """The break that `day` falls in: Christmas to New Year, or a long run of holidays."""
        if day not in self._breaks:
            self._breaks[day] = self._find_break(day)
        return self._breaks[day]

    def _find_break(self, day: date) -> Break | None:
        for year in (day.year - 1, day.year):
            if self._keeps_christmas(year):
                start, end = self._days_off_around(date(year, 12, 24), date(year + 1, 1, 1))
                if start <= day <= end:
                    names = self._holiday_names(start, end)
                    return Break(start, end, CHRISTMAS_BREAK, names)
        if self.is_business_day(day):
            return None
        start, end = self._days_off_around(day, day)
        holidays_inside = sum(
            self.holiday(start + n * ONE_DAY) is not None for n in _span(start, end)
        )
        if len(_span(start, end)) < BREAK_DAYS or holidays_inside < BREAK_HOLIDAYS:
            return None
        names = self._holiday_names(start, end)
        return Break(start, end, _join(names), names)

    def _keeps_christmas(self, year: int) -> bool:
        name = self.holiday(date(year, 12, 25))
        return name is not None and "christmas" in name.casefold()

    def _days_off_around(self, start: date, end: date) -> tuple[date, date]:
        """Widen start..end over the days off that touch it on either side."""
        for _ in range(_SCAN_DAYS):
            if self.is_business_day(start - ONE_DAY):
                break
            start -= ONE_DAY
        for _ in range(_SCAN_DAYS):
            if self.is_business_day(end + ONE_DAY):
                break
            end += ONE_DAY
        return start, end

    def _holiday_names(self, start: date, end: date) -> tuple[str, ...]:
        """Each public holiday's name between the dates, once, in date order."""
        found: dict[str, None] = {}
        for n in _span(start, end):
            for name in (self.holiday(start + n * ONE_DAY) or "").split("; "):
                if name:
                    found[name] = None
        return tuple(found)


def _span(start: date, end: date) -> range:
    return range((end - start).days + 1)


def _join(names: tuple[str, ...]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def calendar_for(code: str | None) -> WorkCalendar:
    """The calendar for a code ("GB-ENG", "FR", "none"); None (nothing chosen) means weekends only.

    Calendars are shared: one per code for the life of the process. Raises ValueError for a
    code the `holidays` package does not know.
    """
    if code is None:
        return MONDAY_TO_FRIDAY
    return _calendar(normalize_code(code))


@cache
def _calendar(code: str) -> WorkCalendar:
    if code == NO_HOLIDAYS:
        return MONDAY_TO_FRIDAY
    country, _, subdivision = code.partition("-")
    return HolidayCalendar(country, subdivision or None)


@lru_cache(maxsize=1024)
def normalize_code(code: str) -> str:
    """A code in its stored form ("gb-eng" -> "GB-ENG", "UK" -> "GB"); ValueError if unknown."""
    text = code.strip()
    if text.casefold() == NO_HOLIDAYS:
        return NO_HOLIDAYS
    country, dash, subdivision = text.partition("-")
    if dash and not subdivision.strip():
        raise ValueError(f"no subdivision after the dash in {text!r}")
    days = _holidays_for(country, subdivision or None)
    chosen = _chosen_subdivision(days)
    return f"{days.country}-{chosen}" if chosen else days.country


@cache
def subdivisions(country: str) -> dict[str, tuple[str, ...]]:
    """A country's subdivision codes, each with the names the package knows it by."""
    try:
        kind = _country_class(country)
    except NotImplementedError:
        raise ValueError(f"no public holidays are known for {country!r}") from None
    names: dict[str, tuple[str, ...]] = {code: () for code in kind.subdivisions}
    for name, code in getattr(kind, "subdivisions_aliases", {}).items():
        names[code] = (*names.get(code, ()), name)
    return names


def _holidays_for(country: str, subdivision: str | None) -> HolidayBase:
    """The package's holidays for a place, in English, no year loaded; ValueError if unknown."""
    place = f"{country}-{subdivision}" if subdivision else country
    try:
        kind = _country_class(country)
        subdiv = _subdivision_code(kind, subdivision) if subdivision else None
        return kind(subdiv=subdiv, years=(), language=_english(kind))
    except NotImplementedError:
        raise ValueError(f"no public holidays are known for {place!r}") from None


@cache
def _country_class(country: str) -> type[HolidayBase]:
    """The package's class for a country code ("GB", "UK", "GBR"), importing its module alone.

    The package's own lookup (holidays.country_holidays) imports the modules of all 250-odd
    countries on first use: 70-150 ms and 8 MB here. Importing the one module needed takes
    about 15 ms. Should the package's layout change, its own lookup is used instead.
    """
    import holidays  # here rather than at the top: only users with a country pay for it
    from holidays.registry import COUNTRIES

    wanted = country.strip().upper()
    for module_name, (class_name, *codes) in COUNTRIES.items():
        if wanted in codes:
            try:
                kind: type[HolidayBase] = getattr(_country_module(module_name), class_name)
            except (ImportError, AttributeError):
                kind = type(holidays.country_holidays(wanted, years=()))
            return kind
    raise NotImplementedError(country)


def _country_module(name: str) -> ModuleType:
    """holidays.countries.<name>, imported without the package's __init__ importing every other."""
    import holidays

    full_name = f"holidays.countries.{name}"
    with _IMPORTING:
        if "holidays.countries" in sys.modules:
            return importlib.import_module(full_name)
        # A bare stand-in for the package while its one module (and any it names) is imported;
        # the real package, if ever imported later, reuses the modules already loaded.
        spec = importlib.machinery.ModuleSpec("holidays.countries", None, is_package=True)
        spec.submodule_search_locations = [str(Path(holidays.__file__).parent / "countries")]
        stand_in = importlib.util.module_from_spec(spec)
        sys.modules["holidays.countries"] = stand_in
        try:
            return importlib.import_module(full_name)
        finally:
            if sys.modules.get("holidays.countries") is stand_in:
                del sys.modules["holidays.countries"]


def _chosen_subdivision(days: HolidayBase) -> str | None:
    """The subdivision asked for; territories held as a parent's region ("PR") report one too."""
    return days.subdiv if days.subdiv in days.subdivisions else None


def _subdivision_code(kind: type[HolidayBase], subdivision: str) -> str:
    """The package's own spelling of a subdivision code or name ("eng", "England" -> "ENG")."""
    wanted = subdivision.strip().casefold()
    aliases = getattr(kind, "subdivisions_aliases", {})
    for known in (*kind.subdivisions, *aliases):
        if known.casefold() == wanted:
            return str(aliases.get(known, known))
    raise NotImplementedError(subdivision)


def _english(kind: type[HolidayBase]) -> str | None:
    """American English where the package has it, else another English, else its own language."""
    languages = getattr(kind, "supported_languages", ())
    for wanted in ("en_US", "en_GB"):
        if wanted in languages:
            return wanted
    english = [language for language in languages if language.startswith("en")]
    return english[0] if english else kind.default_language


def user_calendar(code: str | None, default: str | None = None) -> WorkCalendar:
    """The calendar for a user's stored code, or the operator's default when they chose none.

    A code the package no longer knows (after an upgrade) falls back to weekends only rather
    than failing every reply to that user.
    """
    try:
        return calendar_for(code if code is not None else default)
    except ValueError:
        return MONDAY_TO_FRIDAY
