"""Working days with public holidays: each expected date is written out from the official lists."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup.core.calendar import MONDAY_TO_FRIDAY, Break, WorkCalendar, settle_on_business_day
from followup.core.timing import load_timing
from followup.core.workdays import (
    CHRISTMAS_BREAK,
    HolidayCalendar,
    calendar_for,
    normalize_code,
)

ROOT = Path(__file__).resolve().parents[2]
D = date

# (calendar code, day, is a working day, the holiday's name or None)
BUSINESS_DAYS = [
    # Thanksgiving 2026: Thursday 26 November; California also keeps the Friday after.
    ("US-NY", D(2026, 11, 25), True, None),
    ("US-NY", D(2026, 11, 26), False, "Thanksgiving Day"),
    ("US-NY", D(2026, 11, 27), True, None),
    ("US-CA", D(2026, 11, 26), False, "Thanksgiving Day"),
    ("US-CA", D(2026, 11, 27), False, "Day After Thanksgiving"),
    ("US-CA", D(2026, 11, 30), True, None),
    # Christmas 2026: Boxing Day is a Saturday, so the UK's substitute day is Monday 28 December.
    ("GB-ENG", D(2026, 12, 24), True, None),
    ("GB-ENG", D(2026, 12, 25), False, "Christmas Day"),
    ("GB-ENG", D(2026, 12, 26), False, "Boxing Day"),
    ("GB-ENG", D(2026, 12, 28), False, "Boxing Day (observed)"),
    ("GB-ENG", D(2026, 12, 29), True, None),
    ("GB-SCT", D(2026, 12, 28), False, "Boxing Day (observed)"),
    ("US-NY", D(2026, 12, 25), False, "Christmas Day"),
    ("US-NY", D(2026, 12, 28), True, None),
    ("FR", D(2026, 12, 28), True, None),
    ("DE-BY", D(2026, 12, 26), False, "Second Day of Christmas"),
    ("DE-BY", D(2026, 12, 28), True, None),
    # New Year 2027: Friday 1 January; Scotland also keeps 2 January (a Saturday: Monday off).
    ("GB-ENG", D(2027, 1, 1), False, "New Year's Day"),
    ("JP", D(2027, 1, 1), False, "New Year's Day"),
    ("US-CA", D(2027, 1, 1), False, "New Year's Day"),
    ("GB-SCT", D(2027, 1, 2), False, "New Year Holiday"),
    ("GB-SCT", D(2027, 1, 4), False, "New Year Holiday (observed)"),
    ("GB-ENG", D(2027, 1, 4), True, None),
    ("JP", D(2027, 1, 4), True, None),
    # New Year's Day 2028 is a Saturday: the US takes Friday 31 December 2027 off.
    ("US-NY", D(2027, 12, 31), False, "New Year's Day (observed)"),
    # Bavaria-only: Epiphany and Corpus Christi; not in Berlin.
    ("DE-BY", D(2027, 1, 6), False, "Epiphany"),
    ("DE-BE", D(2027, 1, 6), True, None),
    ("DE-BY", D(2027, 5, 27), False, "Corpus Christi"),
    ("DE-BE", D(2027, 5, 27), True, None),
    # Scotland-only: St Andrew's Day, Monday 30 November 2026.
    ("GB-SCT", D(2026, 11, 30), False, "Saint Andrew's Day"),
    ("GB-ENG", D(2026, 11, 30), True, None),
    # Easter 2027: Good Friday 26 March, Easter Monday 29 March (not a holiday in Scotland, and
    # in France Good Friday is a working day).
    ("GB-ENG", D(2027, 3, 26), False, "Good Friday"),
    ("GB-ENG", D(2027, 3, 29), False, "Easter Monday"),
    ("GB-SCT", D(2027, 3, 26), False, "Good Friday"),
    ("GB-SCT", D(2027, 3, 29), True, None),
    ("FR", D(2027, 3, 26), True, None),
    ("FR", D(2027, 3, 29), False, "Easter Monday"),
    ("DE-BY", D(2027, 3, 29), False, "Easter Monday"),
    ("FR", D(2026, 11, 11), False, "Armistice Day"),
    # Golden Week 2027: Showa Day Thursday 29 April, Friday 30 April worked, 3-5 May off.
    ("JP", D(2027, 4, 29), False, "Showa Day"),
    ("JP", D(2027, 4, 30), True, None),
    ("JP", D(2027, 5, 3), False, "Constitution Day"),
    ("JP", D(2027, 5, 4), False, "Greenery Day"),
    ("JP", D(2027, 5, 5), False, "Children's Day"),
    ("JP", D(2027, 5, 6), True, None),
    # Israel: the weekend is Friday and Saturday; Sunday is a working day.
    ("IL", D(2026, 10, 2), False, None),
    ("IL", D(2026, 10, 3), False, "Simchat Torah / Shemini Atzeret"),
    ("IL", D(2026, 10, 4), True, None),
    ("IL", D(2026, 9, 13), False, "Rosh Hashanah"),
    ("IL", D(2026, 9, 21), False, "Yom Kippur"),
    # The UAE moved its weekend from Friday-Saturday to Saturday-Sunday in 2022.
    ("AE", D(2021, 6, 4), False, None),
    ("AE", D(2021, 6, 6), True, None),
    ("AE", D(2026, 6, 5), True, None),
    ("AE", D(2026, 6, 7), False, None),
]


@pytest.mark.parametrize(("code", "day", "working", "name"), BUSINESS_DAYS)
def test_business_days_and_holiday_names(
    code: str, day: date, working: bool, name: str | None
) -> None:
    calendar = calendar_for(code)
    assert calendar.is_business_day(day) is working
    assert calendar.holiday(day) == name


# (calendar code, day, the first working day on or after it)
NEXT_BUSINESS_DAY = [
    ("US-NY", D(2026, 11, 26), D(2026, 11, 27)),
    ("US-CA", D(2026, 11, 26), D(2026, 11, 30)),
    ("GB-ENG", D(2026, 12, 25), D(2026, 12, 29)),
    ("FR", D(2026, 12, 25), D(2026, 12, 28)),
    ("DE-BY", D(2026, 12, 25), D(2026, 12, 28)),
    ("GB-ENG", D(2027, 1, 1), D(2027, 1, 4)),
    ("GB-SCT", D(2027, 1, 1), D(2027, 1, 5)),
    ("JP", D(2027, 1, 1), D(2027, 1, 4)),
    ("GB-ENG", D(2027, 3, 26), D(2027, 3, 30)),
    ("GB-SCT", D(2027, 3, 26), D(2027, 3, 29)),
    ("JP", D(2027, 5, 1), D(2027, 5, 6)),
    ("IL", D(2026, 10, 2), D(2026, 10, 4)),
    ("US-NY", D(2027, 12, 31), D(2028, 1, 3)),
]


@pytest.mark.parametrize(("code", "day", "expected"), NEXT_BUSINESS_DAY)
def test_next_business_day(code: str, day: date, expected: date) -> None:
    assert calendar_for(code).next_business_day(day) == expected


# (calendar code, day, n, the date n working days after it)
BUSINESS_DAYS_AFTER = [
    # Interviewed Friday 18 December in London: 21, 22, 23 December, then the Christmas break
    # (24 December to Sunday 3 January) counts for nothing: Monday 4, Tuesday 5 January.
    ("GB-ENG", D(2026, 12, 18), 5, D(2027, 1, 5)),
    ("GB-ENG", D(2026, 12, 24), 1, D(2027, 1, 4)),
    ("GB-ENG", D(2026, 12, 31), 1, D(2027, 1, 4)),
    ("GB-SCT", D(2026, 12, 31), 1, D(2027, 1, 5)),
    ("US-NY", D(2026, 11, 25), 2, D(2026, 11, 30)),
    ("US-CA", D(2026, 11, 25), 2, D(2026, 12, 1)),
    ("US-NY", D(2026, 11, 25), 5, D(2026, 12, 3)),
    ("DE-BY", D(2027, 1, 5), 1, D(2027, 1, 7)),
    ("DE-BE", D(2027, 1, 5), 1, D(2027, 1, 6)),
    ("FR", D(2027, 3, 25), 1, D(2027, 3, 26)),
    ("GB-ENG", D(2027, 3, 25), 1, D(2027, 3, 30)),
    ("GB-SCT", D(2027, 3, 25), 1, D(2027, 3, 29)),
    ("JP", D(2027, 4, 28), 2, D(2027, 5, 6)),
    ("IL", D(2026, 9, 10), 1, D(2026, 9, 14)),
    ("IL", D(2026, 9, 30), 2, D(2026, 10, 4)),
    ("AE", D(2021, 6, 3), 1, D(2021, 6, 6)),
    ("AE", D(2026, 6, 4), 1, D(2026, 6, 5)),
]


@pytest.mark.parametrize(("code", "day", "n", "expected"), BUSINESS_DAYS_AFTER)
def test_business_days_after(code: str, day: date, n: int, expected: date) -> None:
    assert calendar_for(code).business_days_after(day, n) == expected


# (calendar code, start, end, working days after start up to and including end)
BUSINESS_DAYS_BETWEEN = [
    # The days of the Christmas break are not counted, public holidays or not.
    ("GB-ENG", D(2026, 12, 18), D(2027, 1, 1), 3),
    ("GB-SCT", D(2026, 12, 18), D(2027, 1, 5), 4),
    ("FR", D(2026, 12, 18), D(2027, 1, 1), 3),
    ("US-NY", D(2026, 11, 25), D(2026, 12, 2), 4),
    ("US-CA", D(2026, 11, 25), D(2026, 12, 2), 3),
    ("IL", D(2026, 9, 10), D(2026, 9, 17), 4),
    ("JP", D(2027, 4, 28), D(2027, 5, 7), 3),
]


@pytest.mark.parametrize(("code", "start", "end", "expected"), BUSINESS_DAYS_BETWEEN)
def test_business_days_between(code: str, start: date, end: date, expected: int) -> None:
    assert calendar_for(code).business_days_between(start, end) == expected


def test_days_off_between_lists_weekday_holidays_by_name() -> None:
    assert calendar_for("GB-ENG").days_off_between(D(2026, 12, 18), D(2027, 1, 4)) == [
        (D(2026, 12, 25), "Christmas Day"),
        (D(2026, 12, 28), "Boxing Day (observed)"),
        (D(2027, 1, 1), "New Year's Day"),
    ]


CHRISTMAS_2026_NAMES = ("Christmas Day", "Boxing Day", "Boxing Day (observed)", "New Year's Day")
EASTER_2027 = Break(D(2027, 3, 26), D(2027, 3, 29), "Good Friday and Easter Monday",
                    ("Good Friday", "Easter Monday"))  # fmt: skip
GOLDEN_WEEK_2027 = Break(
    D(2027, 5, 1),
    D(2027, 5, 5),
    "Constitution Day, Greenery Day and Children's Day",
    ("Constitution Day", "Greenery Day", "Children's Day"),
)

# (calendar code, day, the break it falls in, or None)
LONG_BREAKS = [
    # 24 December to 1 January, widened over the weekend after it: Monday 4 January is worked.
    ("GB-ENG", D(2026, 12, 23), None),
    ("GB-ENG", D(2026, 12, 24),
     Break(D(2026, 12, 24), D(2027, 1, 3), CHRISTMAS_BREAK, CHRISTMAS_2026_NAMES)),
    ("GB-ENG", D(2026, 12, 29),
     Break(D(2026, 12, 24), D(2027, 1, 3), CHRISTMAS_BREAK, CHRISTMAS_2026_NAMES)),
    ("GB-ENG", D(2027, 1, 3),
     Break(D(2026, 12, 24), D(2027, 1, 3), CHRISTMAS_BREAK, CHRISTMAS_2026_NAMES)),
    ("GB-ENG", D(2027, 1, 4), None),
    # Scotland's 2 January falls on the Saturday; its substitute Monday 4 January ends the break.
    ("GB-SCT", D(2027, 1, 4),
     Break(D(2026, 12, 24), D(2027, 1, 4), CHRISTMAS_BREAK,
           (*CHRISTMAS_2026_NAMES, "New Year Holiday", "New Year Holiday (observed)"))),
    ("US-NY", D(2026, 12, 30),
     Break(D(2026, 12, 24), D(2027, 1, 3), CHRISTMAS_BREAK, ("Christmas Day", "New Year's Day"))),
    ("FR", D(2026, 12, 28),
     Break(D(2026, 12, 24), D(2027, 1, 3), CHRISTMAS_BREAK, ("Christmas Day", "New Year's Day"))),
    ("DE-BY", D(2026, 12, 31),
     Break(D(2026, 12, 24), D(2027, 1, 3), CHRISTMAS_BREAK,
           ("Christmas Day", "Second Day of Christmas", "New Year's Day"))),
    # In 2028 24 December is a Sunday: the break starts on the Saturday before.
    ("GB-ENG", D(2028, 12, 23),
     Break(D(2028, 12, 23), D(2029, 1, 1), CHRISTMAS_BREAK,
           ("Christmas Day", "Boxing Day", "New Year's Day"))),
    # Japan does not keep Christmas; its New Year's Day and the weekend make only three days.
    ("JP", D(2026, 12, 29), None),
    ("JP", D(2027, 1, 1), None),
    # Thanksgiving: four days off in California, the Friday is worked in New York.
    ("US-CA", D(2026, 11, 28),
     Break(D(2026, 11, 26), D(2026, 11, 29), "Thanksgiving Day and Day After Thanksgiving",
           ("Thanksgiving Day", "Day After Thanksgiving"))),
    ("US-NY", D(2026, 11, 26), None),
    ("US-NY", D(2026, 11, 28), None),
    # Easter: four days in England and Bavaria; three in Scotland and France.
    ("GB-ENG", D(2027, 3, 27), EASTER_2027),
    ("DE-BY", D(2027, 3, 29), EASTER_2027),
    ("GB-SCT", D(2027, 3, 27), None),
    ("FR", D(2027, 3, 27), None),
    # Golden Week 2027: 1-5 May; Showa Day stands alone, as 30 April is a working day.
    ("JP", D(2027, 5, 3), GOLDEN_WEEK_2027),
    ("JP", D(2027, 5, 1), GOLDEN_WEEK_2027),
    ("JP", D(2027, 4, 29), None),
    ("JP", D(2027, 4, 30), None),
    ("JP", D(2027, 5, 6), None),
    # Israel, Rosh Hashanah 2026: Friday to Sunday, three days.
    ("IL", D(2026, 9, 12), None),
]  # fmt: skip


@pytest.mark.parametrize(("code", "day", "expected"), LONG_BREAKS)
def test_long_break(code: str, day: date, expected: Break | None) -> None:
    calendar = calendar_for(code)
    assert isinstance(calendar, HolidayCalendar)
    assert calendar.long_break(day) == expected


def test_a_break_holds_its_days() -> None:
    assert D(2027, 5, 3) in GOLDEN_WEEK_2027 and D(2027, 5, 6) not in GOLDEN_WEEK_2027


def test_weekends_only_has_no_breaks() -> None:
    assert MONDAY_TO_FRIDAY.long_break(D(2026, 12, 29)) is None


LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        # A follow-up due on the UK's substitute Boxing Day moves to the Tuesday, same time.
        (datetime(2026, 12, 28, 10, 0), datetime(2026, 12, 29, 10, 0)),
        # Due in quiet hours on New Year's Eve: the morning after is a holiday, then a weekend.
        (datetime(2026, 12, 31, 22, 0), datetime(2027, 1, 4, 8, 30)),
    ],
)
def test_nudges_settle_on_a_working_day(due: datetime, expected: datetime) -> None:
    settled = settle_on_business_day(
        due.replace(tzinfo=LONDON), load_timing(), calendar_for("GB-ENG")
    )
    assert settled == expected.replace(tzinfo=LONDON)


@pytest.mark.parametrize(
    ("code", "weekend", "last_workday"),
    [("GB-ENG", {5, 6}, 4), ("IL", {4, 5}, 3), ("AE", {5, 6}, 4), ("JP", {5, 6}, 4)],
)
def test_weekend_comes_from_the_country(code: str, weekend: set[int], last_workday: int) -> None:
    calendar = calendar_for(code)
    assert calendar.weekend == weekend and calendar.last_workday == last_workday


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("GB-ENG", "GB-ENG"),
        ("gb-sct", "GB-SCT"),
        (" us-ny ", "US-NY"),
        ("US-California", "US-CA"),
        ("DE-Bayern", "DE-BY"),
        ("fr", "FR"),
        ("UK", "GB"),
        ("JP", "JP"),
        ("none", "none"),
        ("NONE", "none"),
    ],
)
def test_codes_are_normalized(code: str, expected: str) -> None:
    assert normalize_code(code) == expected


@pytest.mark.parametrize("code", ["", "XX", "GB-XYZ", "GB-", "-ENG", "Narnia", "US-NY-NY"])
def test_unknown_codes_are_refused(code: str) -> None:
    with pytest.raises(ValueError):
        normalize_code(code)
    with pytest.raises(ValueError):
        calendar_for(code)


def test_calendars_are_shared_per_code() -> None:
    assert calendar_for(None) is MONDAY_TO_FRIDAY and calendar_for("none") is MONDAY_TO_FRIDAY
    assert calendar_for("GB-ENG") is calendar_for("gb-eng")
    england = calendar_for("GB-ENG")
    assert isinstance(england, HolidayCalendar) and isinstance(england, WorkCalendar)
    assert (england.country, england.subdivision, england.code) == ("GB", "ENG", "GB-ENG")
    france = calendar_for("FR")
    assert isinstance(france, HolidayCalendar) and france.subdivision is None


def test_territories_are_countries_of_their_own() -> None:
    assert normalize_code("PR") == "PR"
    assert calendar_for("PR").holiday(D(2026, 11, 19)) == "Puerto Rican Identity Day"


def test_years_load_when_asked_for() -> None:
    """Only the years asked about are loaded, and the package is not imported before use."""
    calendar = HolidayCalendar("NZ")
    assert calendar._days.years == set()
    calendar.is_business_day(D(2031, 2, 6))
    assert calendar._days.years == {2031}
    code = (
        "import sys, followup.core.workdays, followup.ops.settings\n"
        "print('holidays' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# Run in a fresh process: calendars built the way the bot builds them, then the package's own way.
SAME_AS_THE_PACKAGE = """
import json, sys
from datetime import date, timedelta
from followup.core.workdays import calendar_for
from holidays.registry import COUNTRIES
calendar_for("GB-ENG").is_business_day(date(2027, 1, 1))
loaded = sorted(m for m in sys.modules if m.startswith("holidays.countries"))
days = [date(2026, 1, 1) + timedelta(days=n) for n in range(730)]
codes = [entry[1] for entry in COUNTRIES.values()]
ours = {c: [(calendar_for(c).holiday(d), calendar_for(c).is_business_day(d)) for d in days]
        for c in codes}
import holidays
differ = []
for c in codes:
    language = calendar_for(c)._days.language
    theirs = holidays.country_holidays(c, years=(2026, 2027), language=language)
    if [(theirs.get(d), theirs.is_working_day(d)) for d in days] != ours[c]:
        differ.append(c)
print(json.dumps({"loaded": loaded, "countries": len(codes), "differ": differ}))
"""


def test_one_country_module_is_loaded_and_agrees_with_the_package() -> None:
    """Importing one country's module, not all of them, gives the package's very answers."""
    result = subprocess.run(
        [sys.executable, "-c", SAME_AS_THE_PACKAGE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    assert report["loaded"] == ["holidays.countries.united_kingdom"]
    assert report["countries"] > 200 and report["differ"] == []
