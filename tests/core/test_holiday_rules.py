"""The rules on working days that know public holidays: each nudge's local time and the verdict.

Every expected date below is worked out by hand from the official holiday lists (and written
next to the case), not computed by the code under test. Interviews are debriefed, direct, with no
decision date unless the case says so; "now" is an hour after the interview.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followup.core.calendar import Place
from followup.core.model import Interview
from followup.core.nudge_plan import plan_nudges
from followup.core.timing import load_timing
from followup.core.verdict import VerdictKind, chase_verdict
from followup.core.workdays import calendar_for

TIMING = load_timing()
D = date
ZONES = {
    "GB-ENG": "Europe/London",
    "GB-SCT": "Europe/London",
    "US-NY": "America/New_York",
    "US-CA": "America/Los_Angeles",
    "DE-BY": "Europe/Berlin",
    "DE-BE": "Europe/Berlin",
    "FR": "Europe/Paris",
    "JP": "Asia/Tokyo",
    "IL": "Asia/Jerusalem",
    "AE": "Asia/Dubai",
    "none": "Europe/London",
}


def place(code: str) -> Place:
    return Place(ZoneInfo(ZONES[code]), calendar_for(code))


def interview(code: str, when: str, **fields: Any) -> Interview:
    start = datetime.fromisoformat(when).replace(tzinfo=ZoneInfo(ZONES[code])).astimezone(UTC)
    return Interview(
        id="h", user_id=1, company="Acme", when=start, created=start, debriefed=True, **fields
    )


def shown(code: str, subject: Interview, now: datetime | None = None) -> list[tuple[str, str]]:
    where = place(code)
    now = now or subject.when + timedelta(hours=1)
    return [
        (n.kind.value, n.due.astimezone(where.zone).strftime("%a %d %b %H:%M"))
        for n in plan_nudges(subject, where, TIMING, now)
    ]


# (calendar, interview's local start, extra fields, the plan: reassurance and first follow-up)
PLANS = [
    # Thanksgiving 2026 is Thursday 26 November; California also keeps the Friday after.
    ("US-NY", "2026-11-24 10:00", {}, "Fri 27 Nov", "Wed 02 Dec"),
    ("US-CA", "2026-11-24 10:00", {}, "Mon 30 Nov", "Thu 03 Dec"),
    ("US-NY", "2026-11-25 10:00", {}, "Mon 30 Nov", "Thu 03 Dec"),
    ("US-CA", "2026-11-25 10:00", {}, "Tue 01 Dec", "Fri 04 Dec"),
    ("none", "2026-11-24 10:00", {}, "Thu 26 Nov", "Tue 01 Dec"),  # weekends only
    # St Andrew's Day, Monday 30 November 2026, in Scotland only.
    ("GB-SCT", "2026-11-24 10:00", {}, "Thu 26 Nov", "Wed 02 Dec"),
    ("GB-ENG", "2026-11-24 10:00", {}, "Thu 26 Nov", "Tue 01 Dec"),
    # Christmas: England's break runs 24 Dec to Sun 3 Jan (Boxing Day is observed Mon 28 Dec);
    # its days are not counted as working days, so the count goes on from Mon 4 Jan.
    ("GB-ENG", "2026-12-14 10:00", {}, "Wed 16 Dec", "Mon 21 Dec"),
    ("GB-ENG", "2026-12-16 10:00", {}, "Fri 18 Dec", "Wed 23 Dec"),
    ("GB-ENG", "2026-12-17 10:00", {}, "Mon 21 Dec", "Mon 04 Jan"),
    ("GB-ENG", "2026-12-18 10:00", {}, "Tue 22 Dec", "Tue 05 Jan"),
    # Scotland also keeps 2 January (observed Mon 4 Jan): its break ends a day later.
    ("GB-SCT", "2026-12-17 10:00", {}, "Mon 21 Dec", "Tue 05 Jan"),
    ("GB-SCT", "2026-12-18 10:00", {}, "Tue 22 Dec", "Wed 06 Jan"),
    # Their own date: one working day after it, past the break.
    ("GB-ENG", "2026-12-14 10:00", {"decision_date": D(2026, 12, 31)}, "Wed 16 Dec", "Mon 04 Jan"),
    ("GB-ENG", "2026-12-14 10:00", {"decision_date": D(2026, 12, 16)}, "Wed 16 Dec", "Thu 17 Dec"),
    # Good Friday 26 Mar and Easter Monday 29 Mar 2027; Scotland does not keep Easter Monday.
    ("GB-ENG", "2027-03-23 10:00", {}, "Thu 25 Mar", "Thu 01 Apr"),
    ("GB-SCT", "2027-03-23 10:00", {}, "Thu 25 Mar", "Wed 31 Mar"),
    # Bavaria keeps Epiphany (Wednesday 6 January 2027), Berlin does not.
    ("DE-BY", "2027-01-04 10:00", {}, "Thu 07 Jan", "Tue 12 Jan"),
    ("DE-BE", "2027-01-04 10:00", {}, "Wed 06 Jan", "Mon 11 Jan"),
    ("DE-BY", "2026-12-18 10:00", {}, "Tue 22 Dec", "Tue 05 Jan"),
    # France: Armistice Day, Wednesday 11 November 2026; Christmas too (no Boxing Day).
    ("FR", "2026-11-10 10:00", {}, "Fri 13 Nov", "Wed 18 Nov"),
    ("FR", "2026-12-18 10:00", {}, "Tue 22 Dec", "Tue 05 Jan"),
    # Japan: Showa Day (Thu 29 Apr) and Golden Week (Sat 1 to Wed 5 May 2027); no Christmas.
    ("JP", "2027-04-26 10:00", {}, "Wed 28 Apr", "Fri 07 May"),
    ("JP", "2027-04-27 10:00", {}, "Fri 30 Apr", "Mon 10 May"),
    ("JP", "2027-04-19 10:00", {"decision_date": D(2027, 4, 30)}, "Wed 21 Apr", "Thu 06 May"),
    ("JP", "2026-12-18 10:00", {}, "Tue 22 Dec", "Fri 25 Dec"),
    # Israel: the weekend is Friday and Saturday.
    ("IL", "2026-11-26 10:00", {}, "Mon 30 Nov", "Thu 03 Dec"),
    ("IL", "2026-11-29 10:00", {}, "Tue 01 Dec", "Sun 06 Dec"),
    # The UAE: National Day, Wednesday 2 and Thursday 3 December 2026; a Saturday-Sunday weekend.
    ("AE", "2026-11-30 10:00", {}, "Fri 04 Dec", "Wed 09 Dec"),
]


@pytest.mark.parametrize(("code", "when", "fields", "reassurance", "chase"), PLANS)
def test_each_nudge_lands_on_the_working_day_the_calendar_allows(
    code: str, when: str, fields: dict[str, Any], reassurance: str | None, chase: str
) -> None:
    plan = dict(shown(code, interview(code, when, **fields)))
    thank_you_day = datetime.fromisoformat(when).strftime("%a %d %b")
    assert plan["thank_you"] == f"{thank_you_day} 12:00"  # within 24 hours, holiday or not
    assert plan.get("reassurance") == (None if reassurance is None else f"{reassurance} 10:00")
    assert plan["chase"] == f"{chase} 10:00"


def test_a_second_follow_up_waits_out_the_christmas_break() -> None:
    chased = datetime(2026, 12, 21, 11, tzinfo=ZoneInfo("Europe/London"))
    subject = interview("GB-ENG", "2026-12-14 10:00", chases=(chased,))
    # Five working days after Mon 21 Dec: Tue 22, Wed 23, then the break (24 Dec to 3 Jan)
    # counts for nothing: Mon 4, Tue 5, Wed 6 Jan.
    after = chased + timedelta(hours=1)
    assert shown("GB-ENG", subject, after) == [("second_chase", "Wed 06 Jan 10:00")]


# (calendar, interview, asked at (local), verdict, reason, changes on, act on, fact to cite)
VERDICTS = [
    ("US-NY", "2026-11-24 10:00", "2026-11-26 12:00", "not_yet", D(2026, 12, 2), None, None),
    ("US-NY", "2026-11-18 10:00", "2026-11-26 12:00", "yes", None, D(2026, 11, 27),
     ("day_off", "Thanksgiving Day")),
    ("US-CA", "2026-11-18 10:00", "2026-11-26 12:00", "yes", None, D(2026, 11, 30),
     ("break_now", "Thanksgiving Day and Day After Thanksgiving")),
    ("GB-ENG", "2026-12-18 10:00", "2026-12-29 12:00", "not_yet", D(2027, 1, 5), None,
     ("break_name", "Christmas and New Year")),
    ("GB-ENG", "2026-12-14 10:00", "2026-12-25 12:00", "yes", None, D(2027, 1, 4),
     ("break_now", "Christmas and New Year")),
    ("GB-ENG", "2026-12-14 10:00", "2027-01-01 09:00", "yes", None, D(2027, 1, 4),
     ("break_now", "Christmas and New Year")),
    ("GB-SCT", "2026-12-14 10:00", "2027-01-01 09:00", "yes", None, D(2027, 1, 5),
     ("break_now", "Christmas and New Year")),
    ("GB-ENG", "2027-03-15 10:00", "2027-03-26 12:00", "yes", None, D(2027, 3, 30),
     ("break_now", "Good Friday and Easter Monday")),
    ("GB-SCT", "2027-03-15 10:00", "2027-03-29 12:00", "yes", None, D(2027, 3, 29), None),
    ("IL", "2026-11-22 10:00", "2026-11-27 12:00", "not_yet", D(2026, 11, 29), None, None),
    ("IL", "2026-11-22 10:00", "2026-12-05 12:00", "yes", None, D(2026, 12, 6),
     ("day_off", "weekend")),
    ("JP", "2027-04-19 10:00", "2027-05-03 12:00", "yes", None, D(2027, 5, 6),
     ("break_now", "Constitution Day, Greenery Day and Children's Day")),
    ("AE", "2026-11-23 10:00", "2026-12-02 12:00", "yes", None, D(2026, 12, 4),
     ("day_off", "National Day")),
    ("none", "2026-12-14 10:00", "2026-12-25 12:00", "yes", None, D(2026, 12, 25), None),
    ("none", "2026-12-14 10:00", "2026-12-26 12:00", "yes", None, D(2026, 12, 28),
     ("day_off", "weekend")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "when", "asked", "kind", "changes_on", "act_on", "fact"), VERDICTS
)
def test_the_verdict_says_which_working_day(
    code: str,
    when: str,
    asked: str,
    kind: str,
    changes_on: date | None,
    act_on: date | None,
    fact: tuple[str, str] | None,
) -> None:
    where = place(code)
    now = datetime.fromisoformat(asked).replace(tzinfo=where.zone)
    verdict = chase_verdict(interview(code, when), where, TIMING, now)
    assert verdict.kind is VerdictKind(kind)
    assert (verdict.changes_on, verdict.act_on) == (changes_on, act_on)
    if fact is not None:
        assert verdict.facts[fact[0]] == fact[1]
    else:
        assert "day_off" not in verdict.facts and "break_now" not in verdict.facts


def test_enough_cases_across_enough_countries() -> None:
    codes = {case[0] for case in PLANS} | {case[0] for case in VERDICTS}
    assert len(PLANS) + len(VERDICTS) >= 40 and len(codes - {"none"}) >= 6
