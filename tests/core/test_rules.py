"""The nudge plan, staleness and the chase verdict, on plain interviews and fixed clocks."""

import dataclasses
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.core.calendar import MONDAY_TO_FRIDAY, Place, in_quiet_hours
from followup.core.due_dates import first_chase_day
from followup.core.model import CHASE_FAMILY, Interview, NudgeKind, Outcome
from followup.core.nudge_plan import PlannedNudge, is_stale, plan_nudges
from followup.core.stated_dates import stated_dates
from followup.core.timing import load_timing
from followup.core.verdict import VerdictKind, chase_verdict
from followup.core.working_hours import is_outside_working_hours

TIMING = load_timing()
LONDON = "Europe/London"


def place(zone: str) -> Place:
    """Where a user in `zone` is, with Monday-to-Friday working days."""
    return Place(ZoneInfo(zone))


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
        [("before", "Wed 2026-10-14 19:00"), ("check_in", "Thu 2026-10-15 15:15")],
        id="future-undebriefed-tip-the-evening-before-then-check-in",
    ),
    pytest.param(
        dict(when="2026-10-15 20:30"),
        "2026-10-12 12:00",
        [("before", "Wed 2026-10-14 19:00"), ("check_in", "Fri 2026-10-16 08:30")],
        id="future-evening-check-in-waits-for-morning",
    ),
    pytest.param(
        dict(when="2026-10-13 14:00", created="2026-10-12 22:00"),
        "2026-10-12 22:00",
        [("before", "Tue 2026-10-13 08:30"), ("check_in", "Tue 2026-10-13 15:15")],
        id="logged-after-the-evening-before-tip-that-morning",
    ),
    pytest.param(
        dict(when="2026-10-13 09:30", created="2026-10-12 22:00"),
        "2026-10-12 22:00",
        [("check_in", "Tue 2026-10-13 10:45")],
        id="too-early-for-a-morning-tip",
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
        [
            ("thank_you", "Tue 2026-10-13 12:00"),
            ("reassurance", "Thu 2026-10-15 10:00"),
            ("chase", "Tue 2026-10-20 10:00"),
        ],
        id="plain-daytime-interview-still-gets-a-thank-you",
    ),
    pytest.param(
        dict(when="2026-10-13 20:30", debriefed=True),
        "2026-10-13 21:40",
        [
            ("thank_you", "Wed 2026-10-14 09:00"),
            ("reassurance", "Thu 2026-10-15 10:00"),
            ("chase", "Tue 2026-10-20 10:00"),
        ],
        id="evening-thank-you-next-morning",
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
            ("thank_you", "Sat 2026-10-17 09:00"),
            ("reassurance", "Tue 2026-10-20 10:00"),
            ("chase", "Fri 2026-10-23 10:00"),
        ],
        id="friday-thank-you-at-cutoff-next-morning-within-24-hours",
    ),
    pytest.param(
        dict(when="2026-10-17 11:00", debriefed=True),
        "2026-10-17 12:00",
        [
            ("thank_you", "Sat 2026-10-17 13:00"),
            ("reassurance", "Tue 2026-10-20 10:00"),
            ("chase", "Fri 2026-10-23 10:00"),
        ],
        id="saturday-interview-thank-you-the-same-day",
    ),
    pytest.param(
        dict(when="2026-10-13 10:00", debriefed=True, decision_date=date(2026, 10, 23)),
        "2026-10-13 11:00",
        [
            ("thank_you", "Tue 2026-10-13 12:00"),
            ("reassurance", "Thu 2026-10-15 10:00"),
            ("chase", "Mon 2026-10-26 10:00"),
        ],
        id="friday-decision-date-chase-next-monday",
    ),
    pytest.param(
        dict(when="2026-10-13 10:00", debriefed=True, decision_date=date(2026, 10, 14)),
        "2026-10-13 11:00",
        [("thank_you", "Tue 2026-10-13 12:00"), ("chase", "Thu 2026-10-15 10:00")],
        id="early-decision-date-wins-over-the-working-week",
    ),
    pytest.param(
        dict(when="2026-10-13 10:00", debriefed=True, decision_date=date(2026, 10, 24)),
        "2026-10-13 11:00",
        [
            ("thank_you", "Tue 2026-10-13 12:00"),
            ("reassurance", "Thu 2026-10-15 10:00"),
            ("chase", "Mon 2026-10-26 10:00"),
        ],
        id="weekend-decision-date",
    ),
    pytest.param(
        dict(when="2026-10-13 10:00", debriefed=True, chases=(at(LONDON, "2026-10-21 15:00"),)),
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
        [
            ("thank_you", "Tue 2026-10-13 12:00"),
            ("reassurance", "Thu 2026-10-15 10:00"),
            ("second_chase", "Mon 2026-11-02 10:00"),
        ],
        id="early-chase-does-not-pull-second-before-decision",
    ),
    pytest.param(
        dict(
            when="2026-10-13 10:00", debriefed=True, chase_prompted=at(LONDON, "2026-10-20 10:00")
        ),
        "2026-10-20 10:01",
        # The follow-up nudge stays in the plan (its record, sent, is not sent again).
        [("chase", "Tue 2026-10-20 10:00"), ("follow_through", "Wed 2026-10-21 10:00")],
        id="unanswered-follow-up-nudge-asks-did-you-send-it",
    ),
    pytest.param(
        dict(
            when="2026-10-13 10:00",
            debriefed=True,
            chase_prompted=at(LONDON, "2026-10-23 10:00"),
        ),
        "2026-10-23 10:01",
        [("chase", "Tue 2026-10-20 10:00"), ("follow_through", "Mon 2026-10-26 10:00")],
        id="did-you-send-it-on-the-next-working-day",
    ),
    pytest.param(
        dict(
            when="2026-10-13 10:00",
            debriefed=True,
            chase_prompted=at(LONDON, "2026-10-20 10:00"),
            chases=(at(LONDON, "2026-10-20 11:00"),),
        ),
        "2026-10-20 11:01",
        [("second_chase", "Tue 2026-10-27 10:00")],
        id="logged-follow-up-needs-no-did-you-send-it",
    ),
    pytest.param(
        dict(
            when="2026-10-13 10:00",
            debriefed=True,
            chase_prompted=at(LONDON, "2026-10-20 10:00"),
            chasing_stopped=at(LONDON, "2026-10-21 10:05"),
        ),
        "2026-10-21 10:06",
        [],
        id="skipped-chasing-ends-the-chain",
    ),
    pytest.param(
        dict(
            when="2026-10-13 10:00",
            debriefed=True,
            via_agency=True,
            got_contact=True,
            outcome=Outcome.OFFER,
            heard_back=at(LONDON, "2026-10-13 11:00"),
        ),
        "2026-10-13 11:00",
        [("tip_request", "Wed 2026-10-14 18:00")],
        id="offer-only-the-tip-a-day-later",
    ),
    pytest.param(
        dict(
            when="2026-10-13 10:00",
            debriefed=True,
            outcome=Outcome.REJECTED,
            heard_back=at(LONDON, "2026-10-16 16:00"),
        ),
        "2026-10-16 16:00",
        [("rejection_reply", "Mon 2026-10-19 10:00"), ("tip_request", "Tue 2026-10-20 18:00")],
        id="rejection-reply-offer-next-working-day-then-the-tip",
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


def make_case(zone: str, shape: dict[str, Any]) -> Interview:
    fields = dict(shape)
    created = fields.pop("created", None)
    interview = make(zone, fields.pop("when"), **fields)
    if created is not None:
        interview = dataclasses.replace(interview, created=at(zone, created).astimezone(UTC))
    return interview


@pytest.mark.parametrize(("shape", "now", "expected"), PLAN_CASES)
def test_plan_in_london(shape: dict[str, Any], now: str, expected: list[tuple[str, str]]) -> None:
    interview = make_case(LONDON, shape)
    plan = plan_nudges(interview, place(LONDON), TIMING, at(LONDON, now))
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
        [
            ("thank_you", "2026-10-19 11:00"),
            ("reassurance", "2026-10-21 09:00"),
            ("chase", "2026-10-26 10:00"),
        ],
        id="london-10am-is-9-utc-before-and-10-utc-after",
    ),
    pytest.param(
        LONDON,
        dict(when="2026-03-26 10:00", debriefed=True),
        "2026-03-26 11:00",
        [
            ("thank_you", "2026-03-26 12:00"),
            ("reassurance", "2026-03-30 09:00"),
            ("chase", "2026-04-02 09:00"),
        ],
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
        [("before", "2026-10-28 23:00"), ("check_in", "2026-10-30 12:30")],  # Fri 08:30 EDT
        id="new-york-check-in-after-quiet-hours",
    ),
    pytest.param(
        "Asia/Kolkata",
        dict(when="2026-10-16 17:00", debriefed=True, via_agency=True),
        "2026-10-16 17:15",
        [
            ("recruiter_feedback", "2026-10-16 12:30"),  # 18:00 IST
            ("thank_you", "2026-10-17 03:30"),  # 19:00 is too late: Sat 09:00 IST
            ("reassurance", "2026-10-20 04:30"),
            ("chase", "2026-10-23 04:30"),
        ],
        id="kolkata-half-hour-offset",
    ),
    pytest.param(
        "Pacific/Chatham",
        dict(when="2026-10-12 10:00", debriefed=True, outside_hours=False),
        "2026-10-12 11:00",
        [
            ("thank_you", "2026-10-11 22:15"),
            ("reassurance", "2026-10-13 20:15"),
            ("chase", "2026-10-18 20:15"),
        ],
        id="chatham-monday-is-sunday-in-utc",
    ),
    pytest.param(
        "Pacific/Chatham",
        dict(when="2026-04-02 10:00", debriefed=True, outside_hours=False),
        "2026-04-02 11:00",
        [
            ("thank_you", "2026-04-01 22:15"),
            ("reassurance", "2026-04-05 21:15"),
            ("chase", "2026-04-08 21:15"),
        ],
        id="chatham-dst-ends",
    ),
]


@pytest.mark.parametrize(("zone", "shape", "now", "expected_utc"), ZONE_CASES)
def test_plan_in_utc_across_zones_and_dst(
    zone: str, shape: dict[str, Any], now: str, expected_utc: list[tuple[str, str]]
) -> None:
    interview = make_case(zone, shape)
    plan = plan_nudges(interview, place(zone), TIMING, at(zone, now))
    assert [(n.kind.value, n.due.strftime("%Y-%m-%d %H:%M")) for n in plan] == expected_utc
    assert all(n.due.utcoffset() == timedelta(0) for n in plan)


ZONES = ["Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "UTC"]
WORKING_DAY_KINDS = CHASE_FAMILY | {NudgeKind.REASSURANCE, NudgeKind.FOLLOW_THROUGH}


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
    prompted_in=st.one_of(st.none(), st.integers(0, 20)),
)
def test_plan_properties(
    zone_name: str,
    when: datetime,
    later: timedelta,
    flags: dict[str, Any],
    decision_in: int | None,
    chase_gaps: list[int],
    prompted_in: int | None,
) -> None:
    where = place(zone_name)
    day = when.astimezone(where.zone).date()
    decision = None if decision_in is None else day + timedelta(days=decision_in)
    chases = tuple(when + timedelta(days=sum(chase_gaps[: i + 1])) for i in range(len(chase_gaps)))
    prompted = None if prompted_in is None else when + timedelta(days=prompted_in)
    interview = Interview(
        id="p", user_id=1, company="C", when=when, created=when, decision_date=decision,
        chases=chases, chase_prompted=prompted, **flags,
    )  # fmt: skip
    plan = plan_nudges(interview, where, TIMING, when + later)
    assert [n.due for n in plan] == sorted(n.due for n in plan)
    assert len({(n.kind, n.step) for n in plan}) == len(plan)
    for nudge in plan:
        local = nudge.due.astimezone(where.zone)
        assert nudge.due.utcoffset() == timedelta(0)
        assert not in_quiet_hours(local.time(), TIMING)
        if nudge.kind in WORKING_DAY_KINDS:
            assert MONDAY_TO_FRIDAY.is_business_day(local.date())
        if nudge.kind in {NudgeKind.CHASE, NudgeKind.SECOND_CHASE}:
            assert local.date() >= first_chase_day(interview, where, TIMING)
            assert decision is None or local.date() > decision
        if nudge.kind is NudgeKind.THANK_YOU:
            assert nudge.due - interview.when <= timedelta(hours=24)


@pytest.mark.parametrize(
    ("zone", "when", "outside"),
    [
        (LONDON, "2026-10-12 09:00", False),
        (LONDON, "2026-10-12 08:59", True),
        (LONDON, "2026-10-12 16:30", False),
        # Starts in working hours and might run past them: not stated as fact, asked instead.
        (LONDON, "2026-10-12 16:31", None),
        (LONDON, "2026-10-12 17:29", None),
        (LONDON, "2026-10-12 17:30", True),
        (LONDON, "2026-10-17 11:00", True),
        ("Asia/Kolkata", "2026-10-12 10:00", False),
        # The same instant is 05:30 in London.
        (LONDON, "2026-10-12 05:30", True),
    ],
)
def test_is_outside_working_hours(zone: str, when: str, outside: bool | None) -> None:
    start = at(zone, when).astimezone(UTC)
    assert is_outside_working_hours(start, place(zone), TIMING) is outside


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
        (NudgeKind.FOLLOW_THROUGH, DUE, DUE + timedelta(hours=72), False),
        (NudgeKind.FOLLOW_THROUGH, DUE, DUE + timedelta(hours=72, minutes=1), True),
        (NudgeKind.TIP_REQUEST, DUE, DUE + timedelta(days=7), False),
        (NudgeKind.TIP_REQUEST, DUE, DUE + timedelta(days=7, minutes=1), True),
        (NudgeKind.BEFORE, DUE, at(LONDON, "2026-10-13 09:59"), False),
        (NudgeKind.BEFORE, DUE, at(LONDON, "2026-10-13 10:00"), True),
        (NudgeKind.CHASE, DUE, DUE + timedelta(days=365), False),
        (NudgeKind.SECOND_CHASE, DUE, DUE + timedelta(days=365), False),
        (NudgeKind.MOVE_ON, DUE, DUE + timedelta(days=365), False),
    ],
)
def test_is_stale(kind: NudgeKind, due: datetime, now: datetime, stale: bool) -> None:
    nudge = PlannedNudge(kind, due)
    assert is_stale(nudge, STALE_INTERVIEW, place(LONDON), TIMING, now) is stale


ONE_CHASE = (at(LONDON, "2026-10-20 11:00"),)
TWO_CHASES = (*ONE_CHASE, at(LONDON, "2026-10-27 11:00"))
FRIDAY_DECISION = {"decision_date": date(2026, 10, 23)}
WEDNESDAY_DECISION = {"decision_date": date(2026, 10, 14)}
AGENCY = {"via_agency": True}
TUE_20, MON_26 = date(2026, 10, 20), date(2026, 10, 26)
THU_15, TUE_27, TUE_NOV_3 = date(2026, 10, 15), date(2026, 10, 27), date(2026, 11, 3)

# Interview: Tuesday 2026-10-13 10:00 London, debriefed; first follow-up day Tue 20.
# (changes, now, verdict, reason, the day it changes, the day to act on)
VERDICT_CASES = [
    ({}, "2026-10-13 09:59", "not_yet", "not_happened_yet", TUE_20, None),
    ({}, "2026-10-13 10:00", "not_yet", "waiting_week", TUE_20, None),
    ({}, "2026-10-15 10:00", "not_yet", "waiting_week", TUE_20, None),
    ({}, "2026-10-19 23:59", "not_yet", "waiting_week", TUE_20, None),
    # The answer turns on the follow-up day itself, the day its nudge arrives.
    ({}, "2026-10-20 00:00", "yes", "week_passed", None, TUE_20),
    ({}, "2026-10-24 12:00", "yes", "week_passed", None, MON_26),  # Saturday: Monday
    ({}, "2026-12-01 10:00", "yes", "week_passed", None, date(2026, 12, 1)),
    (AGENCY, "2026-10-13 09:59", "not_yet", "not_happened_yet", TUE_20, None),
    (AGENCY, "2026-10-13 10:00", "feedback_first", "agency_feedback", None, None),
    (AGENCY, "2026-10-13 12:59", "feedback_first", "agency_feedback", None, None),
    (AGENCY, "2026-10-13 13:00", "not_yet", "waiting_week", TUE_20, None),
    (
        {**AGENCY, "feedback_given": at(LONDON, "2026-10-13 10:20")},
        "2026-10-13 10:30",
        "not_yet",
        "waiting_week",
        TUE_20,
        None,
    ),
    (FRIDAY_DECISION, "2026-10-13 11:00", "not_yet", "before_decision_date", MON_26, None),
    (FRIDAY_DECISION, "2026-10-23 23:59", "not_yet", "before_decision_date", MON_26, None),
    (FRIDAY_DECISION, "2026-10-24 00:00", "not_yet", "after_decision_date", MON_26, None),
    (FRIDAY_DECISION, "2026-10-26 00:00", "yes", "decision_passed", None, MON_26),
    # Their date comes before a working week is up: it decides.
    (WEDNESDAY_DECISION, "2026-10-14 11:00", "not_yet", "before_decision_date", THU_15, None),
    (WEDNESDAY_DECISION, "2026-10-15 11:00", "yes", "decision_passed", None, THU_15),
    ({"chases": ONE_CHASE}, "2026-10-20 11:05", "not_yet", "chased_recently", TUE_27, None),
    ({"chases": ONE_CHASE}, "2026-10-27 00:00", "yes", "second_chase_due", None, TUE_27),
    ({"chases": TWO_CHASES}, "2026-10-27 11:05", "not_yet", "after_two_chases", TUE_NOV_3, None),
    ({"chases": TWO_CHASES}, "2026-11-03 00:00", "move_on", "two_chases", None, None),
    ({"chases": TWO_CHASES}, "2026-12-01 10:00", "move_on", "two_chases", None, None),
    ({"outcome": Outcome.OFFER}, "2026-10-13 11:00", "already_heard", "outcome_recorded", None,
     None),
    (
        {"outcome": Outcome.REJECTED, "chases": TWO_CHASES},
        "2026-10-28 11:00",
        "already_heard",
        "outcome_recorded",
        None,
        None,
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "now", "kind", "reason", "changes_on", "act_on"), VERDICT_CASES
)
def test_chase_verdict(
    changes: dict[str, Any],
    now: str,
    kind: str,
    reason: str,
    changes_on: date | None,
    act_on: date | None,
) -> None:
    interview = make(LONDON, "2026-10-13 10:00", debriefed=True, **changes)
    verdict = chase_verdict(interview, place(LONDON), TIMING, at(LONDON, now))
    assert (verdict.kind, verdict.reason) == (VerdictKind(kind), reason)
    assert (verdict.changes_on, verdict.act_on) == (changes_on, act_on)


def test_a_yes_on_a_weekend_says_so() -> None:
    interview = make(LONDON, "2026-10-13 10:00", debriefed=True)
    verdict = chase_verdict(interview, place(LONDON), TIMING, at(LONDON, "2026-10-24 12:00"))
    assert verdict.facts["day_off"] == "weekend"


def test_verdict_facts() -> None:
    interview = make(
        LONDON, "2026-10-13 10:00", debriefed=True, chases=ONE_CHASE, **FRIDAY_DECISION
    )
    verdict = chase_verdict(interview, place(LONDON), TIMING, at(LONDON, "2026-10-26 12:00"))
    assert verdict.facts == {
        "interview_date": "2026-10-13",
        "business_days_since": 9,
        "chases": 1,
        "first_chase_date": "2026-10-26",
        "decision_date": "2026-10-23",
        "business_days_past_decision": 1,
        "last_chase_date": "2026-10-20",
        "second_chase_date": "2026-10-27",
    }


def test_already_heard_cites_the_outcome() -> None:
    interview = make(LONDON, "2026-10-13 10:00", outcome=Outcome.NEXT_ROUND)
    verdict = chase_verdict(interview, place(LONDON), TIMING, at(LONDON, "2026-10-14 12:00"))
    assert verdict.facts["outcome"] == "next_round"


@pytest.mark.parametrize(
    ("zone", "when", "decision"),
    [
        (LONDON, "2026-10-16 14:00", date(2026, 10, 23)),
        ("America/New_York", "2026-10-29 20:30", None),
        ("Pacific/Chatham", "2026-04-02 10:00", date(2026, 4, 3)),
    ],
)
def test_verdict_turns_yes_on_the_day_the_chase_nudge_arrives(
    zone: str, when: str, decision: date | None
) -> None:
    interview = make(zone, when, debriefed=True, decision_date=decision)
    where = place(zone)
    plan = plan_nudges(interview, where, TIMING, interview.when)
    chase = next(n for n in plan if n.kind is NudgeKind.CHASE)
    chase_day = where.day_of(chase.due)
    now = interview.when
    while now < interview.when + timedelta(days=16):
        verdict = chase_verdict(interview, where, TIMING, now)
        if where.day_of(now) < chase_day:
            assert verdict.kind == VerdictKind.NOT_YET
            assert verdict.changes_on == chase_day
        else:
            assert verdict.kind == VerdictKind.YES
        now += timedelta(minutes=30)


@given(
    when=st.datetimes(datetime(2026, 1, 1), datetime(2027, 1, 1), timezones=st.just(UTC)),
    later=st.timedeltas(timedelta(0), timedelta(days=40)),
    decision_in=st.one_of(st.none(), st.integers(0, 20)),
    chase_gaps=st.lists(st.integers(1, 15), max_size=3),
)
def test_every_date_a_verdict_states_is_in_the_plan(
    when: datetime, later: timedelta, decision_in: int | None, chase_gaps: list[int]
) -> None:
    where = place(LONDON)
    day = where.day_of(when)
    decision = None if decision_in is None else day + timedelta(days=decision_in)
    chases = tuple(when + timedelta(days=sum(chase_gaps[: i + 1])) for i in range(len(chase_gaps)))
    now = max([when + later, *chases])
    interview = Interview(
        id="v", user_id=1, company="C", when=when, created=when, debriefed=True,
        decision_date=decision, chases=chases,
    )  # fmt: skip
    verdict = chase_verdict(interview, where, TIMING, now)
    plan_days = {where.day_of(n.due) for n in plan_nudges(interview, where, TIMING, now)}
    if verdict.changes_on is not None and verdict.kind is VerdictKind.NOT_YET:
        # The day the answer changes is the day a nudge about it arrives.
        assert verdict.changes_on in plan_days
    assert {verdict.changes_on, verdict.act_on} - {None} <= stated_dates(
        interview, where, TIMING, now
    )
