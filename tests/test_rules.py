"""The nudge plan, staleness and the chase verdict, on plain interviews and fixed clocks."""

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.calendar import MONDAY_TO_FRIDAY, in_quiet_hours
from followup.model import Interview, NudgeKind, Outcome
from followup.rules import (
    PlannedNudge,
    VerdictKind,
    chase_verdict,
    first_chase_day,
    is_outside_working_hours,
    is_stale,
    plan_nudges,
)
from followup.timing import load_timing

TIMING = load_timing()
LONDON = "Europe/London"
CHASE_FAMILY = {NudgeKind.CHASE, NudgeKind.SECOND_CHASE, NudgeKind.MOVE_ON}


def at(zone: str, text: str) -> datetime:
    """A wall-clock time in `zone`, written 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone))


def utc(text: str) -> datetime:
    """A UTC time written 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def make(zone: str, when: str, **changes: Any) -> Interview:
    """An interview at local time `when` in `zone`, with the given fields changed."""
    start = at(zone, when).astimezone(UTC)
    return Interview(
        id="i1", user_id=7, company="Acme", when=start, created=start - timedelta(days=2), **changes
    )


def shown(plan: list[PlannedNudge], zone: str) -> list[tuple[str, str]]:
    """The plan as (kind, local weekday and time) pairs, easy to read in a table."""
    return [
        (n.kind.value, n.due.astimezone(ZoneInfo(zone)).strftime("%a %Y-%m-%d %H:%M")) for n in plan
    ]


# 2026-10-12 is a Monday; London changes from BST to GMT on Sunday 2026-10-25.
PLAN_CASES = [
    pytest.param(
        dict(when="2026-10-15 14:00", via_agency=True, got_contact=True),
        "2026-10-12 12:00",
        [("check_in", "Thu 2026-10-15 15:15")],
        id="future-undebriefed-check-in-only",
    ),
    pytest.param(
        dict(when="2026-10-15 20:30"),
        "2026-10-12 12:00",
        [("check_in", "Fri 2026-10-16 08:30")],
        id="future-evening-check-in-waits-for-morning",
    ),
    pytest.param(
        dict(
            when="2026-10-13 10:00",
            debriefed=True,
            via_agency=True,
            got_contact=True,
            outside_hours=False,
        ),
        "2026-10-13 10:50",
        [
            ("recruiter_feedback", "Tue 2026-10-13 11:00"),
            ("thank_you", "Tue 2026-10-13 12:00"),
            ("reassurance", "Thu 2026-10-15 10:00"),
            ("chase", "Tue 2026-10-20 10:00"),
        ],
        id="agency-working-hours-with-card",
    ),
    pytest.param(
        dict(when="2026-10-13 10:00", debriefed=True),
        "2026-10-13 11:30",
        [("reassurance", "Thu 2026-10-15 10:00"), ("chase", "Tue 2026-10-20 10:00")],
        id="direct-working-hours-no-thank-you",
    ),
    pytest.param(
        dict(when="2026-10-13 20:30", debriefed=True),
        "2026-10-13 21:40",
        [
            ("thank_you", "Wed 2026-10-14 09:00"),
            ("reassurance", "Thu 2026-10-15 10:00"),
            ("chase", "Tue 2026-10-20 10:00"),
        ],
        id="evening-counts-as-outside-hours-thank-you-next-morning",
    ),
    pytest.param(
        dict(when="2026-10-13 20:30", debriefed=True, via_agency=True, outside_hours=True),
        "2026-10-13 21:40",
        [
            ("recruiter_feedback", "Wed 2026-10-14 08:30"),
            ("thank_you", "Wed 2026-10-14 09:00"),
            ("reassurance", "Thu 2026-10-15 10:00"),
            ("chase", "Tue 2026-10-20 10:00"),
        ],
        id="agency-evening-feedback-at-end-of-quiet-hours",
    ),
    pytest.param(
        dict(when="2026-10-13 22:30", debriefed=True),
        "2026-10-13 23:00",
        [
            ("thank_you", "Wed 2026-10-14 09:00"),
            ("reassurance", "Thu 2026-10-15 10:00"),
            ("chase", "Tue 2026-10-20 10:00"),
        ],
        id="thank-you-after-midnight-still-next-morning",
    ),
    pytest.param(
        dict(when="2026-10-13 20:30", debriefed=True, outside_hours=False, got_contact=False),
        "2026-10-13 21:40",
        [("reassurance", "Thu 2026-10-15 10:00"), ("chase", "Tue 2026-10-20 10:00")],
        id="user-answer-overrides-the-clock",
    ),
    pytest.param(
        dict(when="2026-10-16 15:59", debriefed=True, got_contact=True),
        "2026-10-16 16:30",
        [
            ("thank_you", "Fri 2026-10-16 17:59"),
            ("reassurance", "Tue 2026-10-20 10:00"),
            ("chase", "Fri 2026-10-23 10:00"),
        ],
        id="friday-thank-you-just-before-cutoff",
    ),
    pytest.param(
        dict(when="2026-10-16 16:00", debriefed=True, got_contact=True),
        "2026-10-16 16:30",
        [
            ("thank_you", "Mon 2026-10-19 09:00"),
            ("reassurance", "Tue 2026-10-20 10:00"),
            ("chase", "Fri 2026-10-23 10:00"),
        ],
        id="friday-thank-you-at-cutoff-skips-weekend",
    ),
    pytest.param(
        dict(when="2026-10-17 11:00", debriefed=True),
        "2026-10-17 12:00",
        [
            ("thank_you", "Mon 2026-10-19 09:00"),
            ("reassurance", "Tue 2026-10-20 10:00"),
            ("chase", "Fri 2026-10-23 10:00"),
        ],
        id="saturday-interview",
    ),
    pytest.param(
        dict(when="2026-10-13 10:00", debriefed=True, decision_date=date(2026, 10, 23)),
        "2026-10-13 11:00",
        [("reassurance", "Thu 2026-10-15 10:00"), ("chase", "Mon 2026-10-26 10:00")],
        id="friday-decision-date-chase-next-monday",
    ),
    pytest.param(
        dict(when="2026-10-13 10:00", debriefed=True, decision_date=date(2026, 10, 14)),
        "2026-10-13 11:00",
        [("reassurance", "Thu 2026-10-15 10:00"), ("chase", "Tue 2026-10-20 10:00")],
        id="early-decision-date-five-business-days-win",
    ),
    pytest.param(
        dict(when="2026-10-13 10:00", debriefed=True, decision_date=date(2026, 10, 24)),
        "2026-10-13 11:00",
        [("reassurance", "Thu 2026-10-15 10:00"), ("chase", "Mon 2026-10-26 10:00")],
        id="weekend-decision-date",
    ),
    pytest.param(
        dict(
            when="2026-10-13 10:00",
            debriefed=True,
            chases=(at(LONDON, "2026-10-21 15:00"),),
        ),
        "2026-10-21 16:00",
        [("second_chase", "Wed 2026-10-28 10:00")],
        id="one-chase-logged",
    ),
    pytest.param(
        dict(
            when="2026-10-13 10:00",
            debriefed=True,
            chases=(at(LONDON, "2026-10-21 15:00"), at(LONDON, "2026-10-28 15:00")),
        ),
        "2026-10-28 16:00",
        [("move_on", "Wed 2026-11-04 10:00")],
        id="two-chases-logged",
    ),
    pytest.param(
        dict(
            when="2026-10-13 10:00",
            debriefed=True,
            decision_date=date(2026, 10, 30),
            chases=(at(LONDON, "2026-10-14 12:00"),),
        ),
        "2026-10-14 13:00",
        [("reassurance", "Thu 2026-10-15 10:00"), ("second_chase", "Mon 2026-11-02 10:00")],
        id="early-chase-does-not-pull-second-before-decision",
    ),
    pytest.param(
        dict(
            when="2026-10-13 10:00",
            debriefed=True,
            via_agency=True,
            got_contact=True,
            outcome=Outcome.REJECTED,
        ),
        "2026-10-13 11:00",
        [],
        id="outcome-recorded-nothing",
    ),
    pytest.param(
        dict(
            when="2026-10-13 10:00",
            debriefed=True,
            via_agency=True,
            got_contact=True,
            feedback_given=at(LONDON, "2026-10-13 10:30"),
            thanked=at(LONDON, "2026-10-13 10:40"),
        ),
        "2026-10-13 11:00",
        [("reassurance", "Thu 2026-10-15 10:00"), ("chase", "Tue 2026-10-20 10:00")],
        id="feedback-given-and-thanked",
    ),
    pytest.param(
        dict(when="2026-10-13 10:00", via_agency=True, got_contact=True),
        "2026-10-13 10:30",
        [
            ("check_in", "Tue 2026-10-13 11:15"),
            ("reassurance", "Thu 2026-10-15 10:00"),
            ("chase", "Tue 2026-10-20 10:00"),
        ],
        id="past-undebriefed-check-in-and-silence-nudges",
    ),
    pytest.param(
        dict(when="2026-10-13 10:00"),
        "2026-10-15 11:16",
        [("reassurance", "Thu 2026-10-15 10:00"), ("chase", "Tue 2026-10-20 10:00")],
        id="ignored-check-in-goes-stale",
    ),
    pytest.param(
        dict(when="2026-10-12 10:00", debriefed=True, via_agency=True, got_contact=True),
        "2026-10-14 12:00",
        [
            ("thank_you", "Mon 2026-10-12 12:00"),
            ("reassurance", "Wed 2026-10-14 10:00"),
            ("chase", "Mon 2026-10-19 10:00"),
        ],
        id="late-debrief-drops-stale-feedback-keeps-thank-you",
    ),
    pytest.param(
        dict(when="2026-10-13 10:00", debriefed=True),
        "2026-10-20 09:00",
        [("chase", "Tue 2026-10-20 10:00")],
        id="logged-a-week-late-reassurance-stale",
    ),
]


@pytest.mark.parametrize(("shape", "now", "expected"), PLAN_CASES)
def test_plan_in_london(shape: dict[str, Any], now: str, expected: list[tuple[str, str]]) -> None:
    fields = dict(shape)
    interview = make(LONDON, fields.pop("when"), **fields)
    plan = plan_nudges(interview, ZoneInfo(LONDON), TIMING, at(LONDON, now))
    assert shown(plan, LONDON) == expected


ZONE_CASES = [
    pytest.param(
        LONDON,
        dict(when="2026-10-22 10:00", debriefed=True, via_agency=True, got_contact=True),
        "2026-10-22 10:30",
        [
            ("recruiter_feedback", "2026-10-22 10:00"),  # 11:00 BST
            ("thank_you", "2026-10-22 11:00"),  # 12:00 BST
            ("reassurance", "2026-10-26 10:00"),  # 10:00 GMT, after the change
            ("chase", "2026-10-29 10:00"),
        ],
        id="london-autumn-dst",
    ),
    pytest.param(
        LONDON,
        dict(when="2026-10-19 10:00", debriefed=True),
        "2026-10-19 11:00",
        [("reassurance", "2026-10-21 09:00"), ("chase", "2026-10-26 10:00")],
        id="london-10am-is-9-utc-before-and-10-utc-after",
    ),
    pytest.param(
        LONDON,
        dict(when="2026-03-26 10:00", debriefed=True),
        "2026-03-26 11:00",
        [("reassurance", "2026-03-30 09:00"), ("chase", "2026-04-02 09:00")],
        id="london-spring-dst",
    ),
    pytest.param(
        "America/New_York",
        dict(when="2026-10-29 20:30", debriefed=True, got_contact=True),
        "2026-10-29 21:40",
        [
            ("thank_you", "2026-10-30 13:00"),  # Fri 09:00 EDT
            ("reassurance", "2026-11-02 15:00"),  # Mon 10:00 EST, local date counts
            ("chase", "2026-11-05 15:00"),
        ],
        id="new-york-evening-utc-date-already-friday",
    ),
    pytest.param(
        "America/New_York",
        dict(when="2026-10-29 20:30"),
        "2026-10-29 12:00",
        [("check_in", "2026-10-30 12:30")],  # Fri 08:30 EDT
        id="new-york-check-in-after-quiet-hours",
    ),
    pytest.param(
        "Asia/Kolkata",
        dict(when="2026-10-16 17:00", debriefed=True, via_agency=True),
        "2026-10-16 17:15",
        [
            ("recruiter_feedback", "2026-10-16 12:30"),  # 18:00 IST
            ("thank_you", "2026-10-19 03:30"),  # ends after 17:30: Mon 09:00 IST
            ("reassurance", "2026-10-20 04:30"),
            ("chase", "2026-10-23 04:30"),
        ],
        id="kolkata-half-hour-offset",
    ),
    pytest.param(
        "Pacific/Chatham",
        dict(when="2026-10-12 10:00", debriefed=True, outside_hours=False),
        "2026-10-12 11:00",
        [("reassurance", "2026-10-13 20:15"), ("chase", "2026-10-18 20:15")],
        id="chatham-monday-is-sunday-in-utc",
    ),
    pytest.param(
        "Pacific/Chatham",
        dict(when="2026-04-02 10:00", debriefed=True, outside_hours=False),
        "2026-04-02 11:00",
        [("reassurance", "2026-04-05 21:15"), ("chase", "2026-04-08 21:15")],
        id="chatham-dst-ends",
    ),
]


@pytest.mark.parametrize(("zone", "shape", "now", "expected_utc"), ZONE_CASES)
def test_plan_in_utc_across_zones_and_dst(
    zone: str, shape: dict[str, Any], now: str, expected_utc: list[tuple[str, str]]
) -> None:
    fields = dict(shape)
    interview = make(zone, fields.pop("when"), **fields)
    plan = plan_nudges(interview, ZoneInfo(zone), TIMING, at(zone, now))
    assert [(n.kind.value, n.due.strftime("%Y-%m-%d %H:%M")) for n in plan] == expected_utc
    assert all(n.due.utcoffset() == timedelta(0) for n in plan)


ZONES = ["Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "UTC"]


@given(
    zone_name=st.sampled_from(ZONES),
    when=st.datetimes(datetime(2026, 1, 1), datetime(2027, 1, 1), timezones=st.just(UTC)),
    later=st.timedeltas(timedelta(hours=-48), timedelta(days=30)),
    flags=st.fixed_dictionaries(
        {
            "debriefed": st.booleans(),
            "via_agency": st.booleans(),
            "got_contact": st.sampled_from([None, True, False]),
            "outside_hours": st.sampled_from([None, True, False]),
        }
    ),
    decision_in=st.one_of(st.none(), st.integers(-3, 20)),
    chase_gaps=st.lists(st.integers(0, 15), max_size=3),
)
def test_plan_properties(
    zone_name: str,
    when: datetime,
    later: timedelta,
    flags: dict[str, Any],
    decision_in: int | None,
    chase_gaps: list[int],
) -> None:
    zone = ZoneInfo(zone_name)
    day = when.astimezone(zone).date()
    decision = None if decision_in is None else day + timedelta(days=decision_in)
    chases = tuple(when + timedelta(days=sum(chase_gaps[: i + 1])) for i in range(len(chase_gaps)))
    interview = Interview(
        id="p", user_id=1, company="C", when=when, created=when, decision_date=decision,
        chases=chases, **flags,
    )  # fmt: skip
    plan = plan_nudges(interview, zone, TIMING, when + later)
    assert [n.due for n in plan] == sorted(n.due for n in plan)
    assert len({n.kind for n in plan}) == len(plan)
    for nudge in plan:
        local = nudge.due.astimezone(zone)
        assert nudge.due.utcoffset() == timedelta(0)
        assert not in_quiet_hours(local.time(), TIMING)
        if nudge.kind in CHASE_FAMILY | {NudgeKind.REASSURANCE, NudgeKind.THANK_YOU}:
            assert MONDAY_TO_FRIDAY.is_business_day(local.date())
        if nudge.kind in CHASE_FAMILY:
            assert local.date() >= first_chase_day(interview, zone, TIMING)
            assert decision is None or local.date() > decision


@pytest.mark.parametrize(
    ("zone", "when", "outside"),
    [
        (LONDON, "2026-10-12 09:00", False),
        (LONDON, "2026-10-12 08:59", True),
        (LONDON, "2026-10-12 16:30", False),
        (LONDON, "2026-10-12 16:31", True),
        (LONDON, "2026-10-12 17:30", True),
        (LONDON, "2026-10-17 11:00", True),
        ("Asia/Kolkata", "2026-10-12 10:00", False),
        # The same instant is 05:30 in London.
        (LONDON, "2026-10-12 05:30", True),
    ],
)
def test_is_outside_working_hours(zone: str, when: str, outside: bool) -> None:
    start = at(zone, when).astimezone(UTC)
    assert is_outside_working_hours(start, ZoneInfo(zone), TIMING) is outside


STALE_INTERVIEW = make(LONDON, "2026-10-13 10:00", debriefed=True)
DUE = utc("2026-10-13 10:15")
REASSURE_DUE = at(LONDON, "2026-10-15 10:00")


@pytest.mark.parametrize(
    ("kind", "due", "now", "stale"),
    [
        (NudgeKind.CHECK_IN, DUE, DUE - timedelta(hours=1), False),
        (NudgeKind.CHECK_IN, DUE, DUE + timedelta(hours=48), False),
        (NudgeKind.CHECK_IN, DUE, DUE + timedelta(hours=48, minutes=1), True),
        (NudgeKind.RECRUITER_FEEDBACK, DUE, DUE + timedelta(hours=24), False),
        (NudgeKind.RECRUITER_FEEDBACK, DUE, DUE + timedelta(hours=24, minutes=1), True),
        (NudgeKind.THANK_YOU, DUE, DUE + timedelta(hours=48), False),
        (NudgeKind.THANK_YOU, DUE, DUE + timedelta(hours=48, minutes=1), True),
        (NudgeKind.REASSURANCE, REASSURE_DUE, at(LONDON, "2026-10-19 23:59"), False),
        (NudgeKind.REASSURANCE, REASSURE_DUE, at(LONDON, "2026-10-20 00:00"), True),
        (NudgeKind.CHASE, DUE, DUE + timedelta(days=365), False),
        (NudgeKind.SECOND_CHASE, DUE, DUE + timedelta(days=365), False),
        (NudgeKind.MOVE_ON, DUE, DUE + timedelta(days=365), False),
    ],
)
def test_is_stale(kind: NudgeKind, due: datetime, now: datetime, stale: bool) -> None:
    assert is_stale(kind, due, STALE_INTERVIEW, ZoneInfo(LONDON), TIMING, now) is stale


ONE_CHASE = (at(LONDON, "2026-10-20 11:00"),)
TWO_CHASES = (*ONE_CHASE, at(LONDON, "2026-10-27 11:00"))
FRIDAY_DECISION = {"decision_date": date(2026, 10, 23)}
WEDNESDAY_DECISION = {"decision_date": date(2026, 10, 14)}
AGENCY = {"via_agency": True}
FIRST_CHASE_AT = "2026-10-20 09:00"  # Tue 10:00 BST

# Interview: Tuesday 2026-10-13 10:00 London, debriefed; reassurance Thu 15, first chase Tue 20.
VERDICT_CASES = [
    ({}, "2026-10-13 09:59", "not_yet", "not_happened_yet", FIRST_CHASE_AT),
    ({}, "2026-10-13 10:00", "not_yet", "too_soon", FIRST_CHASE_AT),
    ({}, "2026-10-15 09:59", "not_yet", "too_soon", FIRST_CHASE_AT),
    ({}, "2026-10-15 10:00", "not_yet", "silence_normal", FIRST_CHASE_AT),
    ({}, "2026-10-17 12:00", "not_yet", "silence_normal", FIRST_CHASE_AT),
    ({}, "2026-10-20 09:59", "not_yet", "silence_normal", FIRST_CHASE_AT),
    ({}, "2026-10-20 10:00", "yes", "first_chase_due", None),
    ({}, "2026-12-01 10:00", "yes", "first_chase_due", None),
    (AGENCY, "2026-10-13 09:59", "not_yet", "not_happened_yet", FIRST_CHASE_AT),
    (AGENCY, "2026-10-13 10:00", "feedback_first", "agency_feedback", "2026-10-13 12:00"),
    (AGENCY, "2026-10-13 12:59", "feedback_first", "agency_feedback", "2026-10-13 12:00"),
    (AGENCY, "2026-10-13 13:00", "not_yet", "too_soon", FIRST_CHASE_AT),
    (
        {**AGENCY, "feedback_given": at(LONDON, "2026-10-13 10:20")},
        "2026-10-13 10:30",
        "not_yet",
        "too_soon",
        FIRST_CHASE_AT,
    ),
    (FRIDAY_DECISION, "2026-10-13 11:00", "not_yet", "before_decision_date", "2026-10-26 10:00"),
    (FRIDAY_DECISION, "2026-10-23 23:59", "not_yet", "before_decision_date", "2026-10-26 10:00"),
    (FRIDAY_DECISION, "2026-10-24 00:00", "not_yet", "silence_normal", "2026-10-26 10:00"),
    (FRIDAY_DECISION, "2026-10-26 09:59", "not_yet", "silence_normal", "2026-10-26 10:00"),
    (FRIDAY_DECISION, "2026-10-26 10:00", "yes", "first_chase_due", None),
    (WEDNESDAY_DECISION, "2026-10-14 11:00", "not_yet", "before_decision_date", FIRST_CHASE_AT),
    (WEDNESDAY_DECISION, "2026-10-15 11:00", "not_yet", "silence_normal", FIRST_CHASE_AT),
    ({"chases": ONE_CHASE}, "2026-10-20 11:05", "not_yet", "chased_recently", "2026-10-27 10:00"),
    ({"chases": ONE_CHASE}, "2026-10-27 09:59", "not_yet", "chased_recently", "2026-10-27 10:00"),
    ({"chases": ONE_CHASE}, "2026-10-27 10:00", "yes", "second_chase_due", None),
    ({"chases": TWO_CHASES}, "2026-10-27 11:05", "move_on", "two_chases", None),
    ({"chases": TWO_CHASES}, "2026-12-01 10:00", "move_on", "two_chases", None),
    ({"outcome": Outcome.OFFER}, "2026-10-13 11:00", "already_heard", "outcome_recorded", None),
    (
        {"outcome": Outcome.REJECTED, "chases": TWO_CHASES},
        "2026-10-28 11:00",
        "already_heard",
        "outcome_recorded",
        None,
    ),
]


@pytest.mark.parametrize(("changes", "now", "kind", "reason", "changes_at"), VERDICT_CASES)
def test_chase_verdict(
    changes: dict[str, Any], now: str, kind: str, reason: str, changes_at: str | None
) -> None:
    interview = make(LONDON, "2026-10-13 10:00", debriefed=True, **changes)
    verdict = chase_verdict(interview, ZoneInfo(LONDON), TIMING, at(LONDON, now))
    assert (verdict.kind, verdict.reason) == (VerdictKind(kind), reason)
    assert verdict.changes_at == (None if changes_at is None else utc(changes_at))


def test_verdict_facts() -> None:
    interview = make(
        LONDON, "2026-10-13 10:00", debriefed=True, chases=ONE_CHASE, **FRIDAY_DECISION
    )
    verdict = chase_verdict(interview, ZoneInfo(LONDON), TIMING, at(LONDON, "2026-10-26 12:00"))
    assert verdict.facts == {
        "interview_date": "2026-10-13",
        "business_days_since": 9,
        "chases": 1,
        "first_chase_date": "2026-10-26",
        "decision_date": "2026-10-23",
        "last_chase_date": "2026-10-20",
        "changes_on": "2026-10-27",
    }


def test_already_heard_cites_the_outcome() -> None:
    interview = make(LONDON, "2026-10-13 10:00", outcome=Outcome.NEXT_ROUND)
    verdict = chase_verdict(interview, ZoneInfo(LONDON), TIMING, at(LONDON, "2026-10-14 12:00"))
    assert verdict.facts["outcome"] == "next_round"


@pytest.mark.parametrize(
    ("zone", "when", "decision"),
    [
        (LONDON, "2026-10-16 14:00", date(2026, 10, 23)),
        ("America/New_York", "2026-10-29 20:30", None),
        ("Pacific/Chatham", "2026-04-02 10:00", date(2026, 4, 3)),
    ],
)
def test_verdict_turns_yes_exactly_when_the_chase_nudge_is_due(
    zone: str, when: str, decision: date | None
) -> None:
    interview = make(zone, when, debriefed=True, decision_date=decision)
    tz = ZoneInfo(zone)
    chase = next(n for n in plan_nudges(interview, tz, TIMING, interview.when) if n.kind == "chase")
    now = interview.when
    while now < interview.when + timedelta(days=16):
        verdict = chase_verdict(interview, tz, TIMING, now)
        if now < chase.due:
            assert verdict.kind == VerdictKind.NOT_YET
            assert verdict.changes_at == chase.due
        else:
            assert verdict.kind == VerdictKind.YES
        now += timedelta(minutes=30)
    before = chase_verdict(interview, tz, TIMING, chase.due - timedelta(minutes=1))
    assert before.kind == VerdictKind.NOT_YET
    assert chase_verdict(interview, tz, TIMING, chase.due).kind == VerdictKind.YES
