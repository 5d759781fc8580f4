"""When the weekly card comes and whether it is worth sending."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from followup.core.board import WeekCounts
from followup.core.calendar import Place, WorkCalendar
from followup.core.model import Interview, Nudge, NudgeKind, Outcome
from followup.core.timing import load_timing
from followup.core.weekly import kind_line, next_card_due, worth_sending

TIMING = load_timing()
LONDON = ZoneInfo("Europe/London")
RIYADH = ZoneInfo("Asia/Riyadh")


class Holidays(WorkCalendar):
    def __init__(self, *days: date) -> None:
        super().__init__()
        self.days = set(days)

    def holiday(self, day: date) -> str | None:
        return "a holiday" if day in self.days else None


def test_the_card_comes_at_nine_on_monday_or_the_next_monday() -> None:
    place = Place(LONDON)
    wednesday = datetime(2026, 11, 25, 15, tzinfo=LONDON)
    assert next_card_due(place, TIMING, wednesday) == datetime(2026, 11, 30, 9, tzinfo=LONDON)
    early_monday = datetime(2026, 11, 30, 8, tzinfo=LONDON)
    assert next_card_due(place, TIMING, early_monday) == datetime(2026, 11, 30, 9, tzinfo=LONDON)
    late_monday = datetime(2026, 11, 30, 9, 30, tzinfo=LONDON)
    assert next_card_due(place, TIMING, late_monday) == datetime(2026, 12, 7, 9, tzinfo=LONDON)


def test_a_monday_holiday_moves_the_card_to_tuesday() -> None:
    place = Place(LONDON, Holidays(date(2026, 12, 28)))
    friday = datetime(2026, 12, 25, 12, tzinfo=LONDON)
    assert next_card_due(place, TIMING, friday) == datetime(2026, 12, 29, 9, tzinfo=LONDON)


def test_a_sunday_to_thursday_week_gets_it_on_sunday() -> None:
    place = Place(RIYADH, WorkCalendar(frozenset({4, 5})))
    wednesday = datetime(2026, 11, 25, 12, tzinfo=RIYADH)
    assert next_card_due(place, TIMING, wednesday) == datetime(2026, 11, 29, 9, tzinfo=RIYADH)


def _interview(**fields: object) -> Interview:
    when = datetime(2026, 11, 2, 10, tzinfo=LONDON)
    base = Interview(id="a", user_id=1, company="Acme", when=when, created=when)
    return replace(base, **fields)  # type: ignore[arg-type]


def test_an_idle_user_gets_no_card() -> None:
    now = datetime(2026, 11, 30, 9, tzinfo=LONDON)
    closed = _interview(outcome=Outcome.REJECTED, heard_back=now - timedelta(days=20))
    assert not worth_sending([closed], [], WeekCounts(), now)
    assert not worth_sending([], [], WeekCounts(), now)
    # Open, but the story ran out weeks ago and nothing is planned: no card either.
    assert not worth_sending([_interview()], [], WeekCounts(), now)


def test_something_open_or_last_weeks_news_sends_it() -> None:
    now = datetime(2026, 11, 30, 9, tzinfo=LONDON)
    pending = Nudge("n", 1, 1, "a", NudgeKind.CHASE, now + timedelta(days=1))
    assert worth_sending([_interview()], [pending], WeekCounts(), now)
    heard = _interview(outcome=Outcome.OFFER, heard_back=now - timedelta(days=3))
    assert worth_sending([heard], [], WeekCounts(answers=1), now)


def test_the_kind_line_counts_and_names_the_next_step() -> None:
    now = datetime(2026, 12, 7, 9, tzinfo=LONDON)
    pending = Nudge("n", 1, 1, "a", NudgeKind.CHASE, datetime(2026, 12, 10, 10, tzinfo=LONDON))

    def say(key: str, **values: object) -> str:
        return f"{key}{sorted(values.items())}"

    line = kind_line(
        WeekCounts(follow_ups=3, answers=1), [_interview()], [pending], Place(LONDON), now, say
    )
    assert "weekly.done_follow_ups[('count', 3)]" in line
    assert "weekly.next[('company', 'Acme'), ('day', 'Thu 10 Dec')]" in line
