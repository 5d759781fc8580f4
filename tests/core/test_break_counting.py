"""A break counts the same way everywhere: in every country calendar the holiday rules cover, its
days are never working days, in the rules (reassurance, first follow-up) or in the sentences that
count ("3 working days since the interview"), for interviews on every day around the breaks."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from followup.core.due_dates import first_chase_day, reassurance_due
from followup.core.verdict import VerdictKind, chase_verdict
from tests.core.test_holiday_rules import TIMING, ZONES, interview, place

DAY = timedelta(days=1)
# Windows around the long breaks: Christmas to New Year, Easter 2027, Golden Week 2027.
WINDOWS = [(date(2026, 12, 14), date(2027, 1, 8)), (date(2027, 3, 19), date(2027, 4, 2)),
           (date(2027, 4, 23), date(2027, 5, 7))]  # fmt: skip


def days_in(start: date, end: date) -> list[date]:
    return [start + n * DAY for n in range((end - start).days + 1)]


def counted(code: str, start: date, end: date) -> int:
    """Working days after `start` up to `end`, walked here: no weekend, holiday or break day."""
    calendar = place(code).calendar
    return sum(
        calendar.is_business_day(day) and calendar.long_break(day) is None
        for day in days_in(start + DAY, end)
    )


@pytest.mark.parametrize("code", sorted(ZONES))
def test_no_day_of_a_break_counts_as_a_working_day(code: str) -> None:
    calendar = place(code).calendar
    for start, end in WINDOWS:
        for day in days_in(start, end):
            if calendar.long_break(day) is not None:
                assert not calendar.counts_as_working_day(day), day
            assert calendar.business_days_between(start, day) == counted(code, start, day)


@pytest.mark.parametrize("code", sorted(ZONES))
def test_rules_and_sentences_count_the_same_working_days(code: str) -> None:
    where = place(code)
    for start, end in WINDOWS:
        for day in days_in(start, end - 14 * DAY):
            subject = interview(code, f"{day.isoformat()} 10:00")
            first = first_chase_day(subject, where, TIMING)
            # The first follow-up is five counted working days after the interview...
            assert counted(code, day, first) == TIMING.after_interview_business_days, day
            reassured = where.day_of(reassurance_due(subject, where, TIMING))
            assert counted(code, day, reassured) == TIMING.reassurance_after_business_days, day
            # ...and on that day the verdict says five, not the break's days as well.
            noon = datetime.combine(first, time(12), where.zone)
            verdict = chase_verdict(subject, where, TIMING, noon)
            assert verdict.kind is VerdictKind.YES, day
            assert verdict.facts["business_days_since"] == counted(code, day, first), day
            day_before = datetime.combine(first - DAY, time(12), where.zone)
            waiting = chase_verdict(subject, where, TIMING, day_before)
            assert waiting.facts["business_days_since"] == counted(code, day, first - DAY), day
