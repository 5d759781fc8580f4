"""An interview's story: a debrief finished, an outcome, a correction, a reopening, a deletion."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from followup.core.debrief import Step
from followup.core.model import NudgeKind, NudgeState, Outcome
from followup.services import interviews
from followup.services.planning import pending_nudges
from tests.services.service_world import ANN, BOB, ann_in_london


def draft(when: datetime, **answers: object) -> dict[str, object]:
    return {"company": "Acme", "role": None, "when": when.isoformat(), "via_agency": False,
            "decision_date": None, "rating": 3, "notes": None, **answers}  # fmt: skip


async def test_a_debrief_just_after_the_interview_plans_its_nudges() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    clock = w.clock
    interview = await interviews.finish_debrief(ports, ANN, draft(clock.now))
    assert await repo.interviews(ANN) == [interview] and interview.debriefed
    assert [n.kind for n in await pending_nudges(ports, ANN)] == [
        NudgeKind.THANK_YOU,
        NudgeKind.REASSURANCE,
        NudgeKind.CHASE,
    ]


async def test_a_debrief_a_week_late_says_follow_up_now_instead_of_a_nudge_after_it() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    clock = w.clock
    interview = await interviews.finish_debrief(ports, ANN, draft(clock.now - timedelta(days=8)))
    assert interview.chase_prompted == clock.now  # tomorrow: "did you send it?"
    folded = [n for n in await repo.nudges(ANN) if n.state is NudgeState.SENT]
    assert NudgeKind.CHASE in {n.kind for n in folded}
    assert NudgeKind.FOLLOW_THROUGH in {n.kind for n in await pending_nudges(ports, ANN)}


async def test_debriefing_an_interview_logged_ahead_completes_it() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    log_interview = w.log_interview
    ahead = await log_interview(debriefed=False, role="Engineer")
    answers = draft(ahead.when, interview_id=ahead.id, company="Typo Ltd", rating=4)
    finished = await interviews.finish_debrief(ports, ANN, answers)
    assert finished.id == ahead.id and finished.debriefed
    assert finished.company == "Acme" and finished.role == "Engineer"  # logged facts stand
    assert len(await repo.interviews(ANN)) == 1


async def test_hearing_back_stops_the_follow_ups_and_reopening_brings_them_back() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    interview = await log_interview()
    offer = await interviews.set_outcome(ports, interview, Outcome.OFFER)
    assert offer.heard_back == ports.clock()
    assert NudgeKind.CHASE not in {n.kind for n in await pending_nudges(ports, ANN)}
    reopened = await interviews.reopen(ports, offer)
    assert reopened is not None and reopened.is_open and reopened.heard_back is None
    assert NudgeKind.CHASE in {n.kind for n in await pending_nudges(ports, ANN)}
    assert await interviews.reopen(ports, reopened) is None  # open already: nothing to do


async def test_a_new_decision_date_moves_the_first_follow_up() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    interview = await log_interview()
    moved = await interviews.set_decision_date(ports, interview, date(2026, 12, 10))
    chase = next(n for n in await pending_nudges(ports, ANN) if n.kind is NudgeKind.CHASE)
    assert moved.decision_date == date(2026, 12, 10)
    assert chase.due == datetime(2026, 12, 11, 10, 0, tzinfo=UTC)  # the working day after


async def test_correcting_a_field_replans_from_the_new_value() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    log_interview = w.log_interview
    interview = await log_interview()
    earlier = interview.when - timedelta(days=7)
    edited = await interviews.edit_field(
        ports, interview, Step.WHEN, {"when": earlier.isoformat(), "wall_clock": True}
    )
    assert edited.when == earlier and edited.wall_clock
    assert await repo.interview(ANN, interview.id) == edited
    renamed = await interviews.edit_field(ports, edited, Step.COMPANY, {"company": "Globex"})
    assert renamed.company == "Globex" and renamed.when == earlier
    agency = await interviews.edit_field(
        ports, renamed, Step.AGENCY, {"via_agency": True, "recruiter": "Tom"}
    )
    assert agency.via_agency and agency.recruiter == "Tom"
    undated = await interviews.edit_field(ports, agency, Step.DECISION, {"decision_date": None})
    assert undated.decision_date is None


async def test_an_interview_is_found_only_by_its_own_user() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    interview = await log_interview()
    assert await interviews.find(ports, ANN, interview.id) == interview
    assert await interviews.find(ports, BOB, interview.id) is None
    assert await interviews.find(ports, ANN, "no-such-id") is None


async def test_deleting_an_interview_takes_its_nudges() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    log_interview = w.log_interview
    kept = await log_interview(company="Kept")
    gone = await log_interview(company="Gone")
    await interviews.delete(ports, gone)
    assert await repo.interviews(ANN) == [kept]
    assert {n.interview_id for n in await repo.nudges(ANN)} == {kept.id}


async def test_a_next_round_logged_links_to_the_earlier_round_and_ends_its_follow_ups() -> None:
    w = await ann_in_london()
    first = await w.log_interview(role="Analyst")
    round_draft = await interviews.start_next_round(w.ports, first)
    assert await w.repo.interview(ANN, first.id) == first  # nothing changes until it is logged
    w.clock.go(days=2)
    second = await interviews.finish_debrief(w.ports, ANN, {**round_draft, **draft(w.clock.now)})
    assert second.round_of == first.id and second.company == "Acme"
    earlier = await w.repo.interview(ANN, first.id)
    assert earlier is not None and earlier.outcome is Outcome.NEXT_ROUND
    assert {n.interview_id for n in await pending_nudges(w.ports, ANN)} == {second.id}
    assert [[i.id for i in chain] for chain in await interviews.rounds(w.ports, ANN)] == [
        [first.id, second.id]
    ]


async def test_an_offers_deadline_plans_a_reminder_until_it_is_answered() -> None:
    w = await ann_in_london()
    ports, clock = w.ports, w.clock
    interview = await interviews.finish_debrief(ports, ANN, draft(clock.now))
    offer = await interviews.set_outcome(ports, interview, Outcome.OFFER)
    dated = await interviews.set_answer_by(ports, offer, clock.now.date() + timedelta(days=12))
    kinds = [n.kind for n in await pending_nudges(ports, ANN)]
    assert NudgeKind.OFFER_DEADLINE in kinds
    answered = await interviews.offer_answered(ports, dated)
    assert answered.offer_answered == clock.now
    assert await interviews.offer_answered(ports, answered) is answered  # once is enough
    kinds = [n.kind for n in await pending_nudges(ports, ANN)]
    assert NudgeKind.OFFER_DEADLINE not in kinds
