"""Keeping stored nudges in line with an interview's plan, on plain values."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from followup.core.calendar import Place
from followup.core.model import Interview, NudgeKind, NudgeState, Outcome
from followup.core.planner import next_pending, reconcile
from followup.core.timing import load_timing

TIMING = load_timing()
LONDON = Place(ZoneInfo("Europe/London"))
NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
INTERVIEW = Interview(
    id="i1", user_id=7, company="Acme", when=NOW, created=NOW, via_agency=True, debriefed=True,
    got_contact=True,
)  # fmt: skip


def ids() -> itertools.count[int]:
    return itertools.count(1)


def plan(interview: Interview, records: list, now: datetime = NOW, fold: bool = False):  # type: ignore[no-untyped-def]
    counter = ids()
    return reconcile(
        interview, 70, records, LONDON, TIMING, now, lambda: f"n{next(counter)}", fold_due=fold
    )


def test_a_new_interview_gets_its_whole_plan() -> None:
    changes = plan(INTERVIEW, [])
    kinds = [n.kind for n in changes.add]
    assert set(kinds) == {NudgeKind.RECRUITER_FEEDBACK, NudgeKind.THANK_YOU,
                          NudgeKind.REASSURANCE, NudgeKind.CHASE}  # fmt: skip
    assert all(n.chat_id == 70 and n.user_id == 7 and n.interview_id == "i1" for n in changes.add)
    assert changes.cancel == ()


def test_replanning_is_idempotent_and_keeps_a_snoozed_time() -> None:
    records = list(plan(INTERVIEW, []).add)
    snoozed = replace(records[0], due=records[0].due + timedelta(hours=5), snoozed=True)
    again = plan(INTERVIEW, [snoozed, *records[1:]])
    assert again.add == again.move == again.cancel == ()


def test_a_changed_date_moves_the_pending_nudge_that_depends_on_it() -> None:
    records = list(plan(INTERVIEW, []).add)
    decided = replace(INTERVIEW, decision_date=NOW.date() + timedelta(days=1))  # Thursday
    changes = plan(decided, records)
    moved = {n.kind: n.due for n in changes.move}
    assert moved == {NudgeKind.CHASE: datetime(2026, 11, 27, 10, 0, tzinfo=UTC)}  # Friday
    assert NudgeKind.REASSURANCE in [n.kind for n in changes.cancel]  # now after the chase


def test_a_late_debrief_folds_what_is_due_into_its_reply() -> None:
    changes = plan(INTERVIEW, [], NOW + timedelta(hours=3), fold=True)
    folded = {n.kind for n in changes.folded}
    assert folded == {NudgeKind.RECRUITER_FEEDBACK, NudgeKind.THANK_YOU}
    assert all(n.sent_at == NOW + timedelta(hours=3) for n in changes.folded)
    assert {n.kind for n in changes.to_arm} == {NudgeKind.REASSURANCE, NudgeKind.CHASE}


def test_sent_kinds_are_not_planned_again() -> None:
    records = [replace(n, state=NudgeState.SENT) for n in plan(INTERVIEW, []).add]
    assert plan(INTERVIEW, records).add == ()


def test_hearing_back_cancels_every_pending_nudge() -> None:
    records = list(plan(INTERVIEW, []).add)
    changes = plan(replace(INTERVIEW, outcome=Outcome.REJECTED, heard_back=NOW), records)
    assert [n.kind for n in changes.add] == [NudgeKind.REJECTION_REPLY, NudgeKind.TIP_REQUEST]
    assert {n.id for n in changes.cancel} == {n.id for n in records}
    assert all(n.state is NudgeState.CANCELLED for n in changes.cancel)


def test_a_logged_chase_swaps_the_chase_for_the_second_one() -> None:
    records = list(plan(INTERVIEW, []).add)
    chased = replace(INTERVIEW, chases=(NOW + timedelta(days=8),))
    changes = plan(chased, records, NOW + timedelta(days=8))
    assert [n.kind for n in changes.add] == [NudgeKind.SECOND_CHASE]
    assert NudgeKind.CHASE in [n.kind for n in changes.cancel]


def test_next_pending_is_the_soonest_pending() -> None:
    records = list(plan(INTERVIEW, []).add)
    first = next_pending(records)
    assert first is not None and first.kind is NudgeKind.RECRUITER_FEEDBACK
    assert next_pending([replace(n, state=NudgeState.SENT) for n in records]) is None


def test_a_snoozed_follow_up_holds_back_did_you_send_it() -> None:
    prompted_at = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    prompted = replace(INTERVIEW, feedback_given=NOW, thanked=NOW, chase_prompted=prompted_at)
    records = list(plan(prompted, [], now=prompted_at).add)
    assert NudgeKind.FOLLOW_THROUGH in [n.kind for n in records]
    chase = next(n for n in records if n.kind is NudgeKind.CHASE)
    snoozed = replace(chase, state=NudgeState.PENDING, due=chase.due + timedelta(days=1),
                      snoozed=True)  # fmt: skip
    others = [n for n in records if n is not chase]
    changes = plan(prompted, [snoozed, *others], now=prompted_at)
    assert [n.kind for n in changes.cancel] == [NudgeKind.FOLLOW_THROUGH]
    sent = replace(snoozed, state=NudgeState.SENT)  # once it went, the question comes back
    assert NudgeKind.FOLLOW_THROUGH in [n.kind for n in plan(prompted, [sent]).add]
