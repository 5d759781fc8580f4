"""Planning: whatever changes about an interview, its nudges follow, and the queue is woken."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from followup.core.model import NudgeKind, NudgeState, Outcome
from followup.services.planning import (
    open_interviews,
    pending_nudges,
    replan_user,
    save_and_replan,
    wake_for_user,
)
from tests.services.service_world import ANN, BOB, ann_in_london


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def test_a_debriefed_interview_gets_its_thank_you_reassurance_and_follow_up() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    waker = w.waker
    interview = await log_interview()  # Wednesday 13:00 in London
    planned = [(n.kind, n.due) for n in await pending_nudges(ports, ANN)]
    assert planned == [
        (NudgeKind.THANK_YOU, utc("2026-11-25 15:00")),
        (NudgeKind.REASSURANCE, utc("2026-11-27 10:00")),
        (NudgeKind.CHASE, utc("2026-12-02 10:00")),
    ]
    assert waker.pokes == [due for _, due in planned]  # the queue hears of each
    assert all(n.interview_id == interview.id for n in await pending_nudges(ports, ANN))


async def test_saving_again_changes_only_what_the_plan_changed() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    interview = await log_interview()
    before = await pending_nudges(ports, ANN)
    replanned = await save_and_replan(ports, replace(interview, thanked=ports.clock()))
    assert [n.kind for n in await pending_nudges(ports, ANN)] == [
        NudgeKind.REASSURANCE,
        NudgeKind.CHASE,
    ]
    assert replanned.next is not None and replanned.next.id == before[1].id
    assert replanned.next_of(NudgeKind.CHASE) == before[2]
    assert replanned.folded == ()


async def test_a_late_debrief_folds_what_is_due_instead_of_sending_it() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    clock = w.clock
    interview = await log_interview(debriefed=False)
    clock.go(hours=5)  # 18:00: the thank-you fell due at 15:00
    replanned = await save_and_replan(ports, replace(interview, debriefed=True), fold_due=True)
    assert [n.kind for n in replanned.folded] == [NudgeKind.THANK_YOU]
    thank_you = next(n for n in replanned.records if n.kind is NudgeKind.THANK_YOU)
    assert thank_you.state is NudgeState.SENT


async def test_a_new_zone_keeps_typed_clock_times_and_moments_counted_from_the_clock() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    ann = w.ann
    log_interview = w.log_interview
    typed = await log_interview(company="Typed", when=utc("2026-11-24 14:00"), wall_clock=True)
    counted = await log_interview(company="Counted", when=utc("2026-11-24 15:00"))
    await repo.save_settings(replace(ann, timezone="America/New_York"))
    await replan_user(ports, ANN, old_zone=ZoneInfo("Europe/London"))
    moved = await repo.interview(ANN, typed.id)
    kept = await repo.interview(ANN, counted.id)
    assert moved is not None and moved.when == utc("2026-11-24 19:00")  # 14:00 in New York
    assert kept is not None and kept.when == counted.when
    # Every nudge planned afresh: the old ones are cancelled, none is lost.
    states = {n.state for n in await repo.nudges(ANN)}
    assert states == {NudgeState.CANCELLED, NudgeState.PENDING}
    chase = [n for n in await pending_nudges(ports, ANN) if n.interview_id == typed.id][-1]
    assert chase.kind is NudgeKind.CHASE
    assert chase.due.astimezone(ZoneInfo("America/New_York")).hour == 10


async def test_open_interviews_leave_out_the_closed_ones_and_other_users() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    still_open = await log_interview(company="Open")
    await log_interview(company="Closed", outcome=Outcome.OFFER)
    await log_interview(BOB, company="Bob's")
    assert await open_interviews(ports, ANN) == [still_open]


async def test_waking_for_a_returning_user_asks_for_overdue_nudges_now() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    clock = w.clock
    waker = w.waker
    await log_interview()
    clock.go(days=2)
    waker.pokes.clear()
    await wake_for_user(ports, ANN)
    # The thank-you fell due while she was away: the queue is woken for it at once.
    assert waker.pokes == [utc("2026-11-25 15:00")]
    waker.pokes.clear()
    await wake_for_user(ports, BOB)  # nothing waits for Bob
    assert waker.pokes == []
