"""A nudge's buttons: only the user's own, each acting once; "I sent it" counts one follow-up."""

from __future__ import annotations

from dataclasses import replace

from followup.core.model import Nudge, NudgeKind, NudgeState, Outcome
from followup.services import acts, nudges
from followup.services.planning import pending_nudges
from followup.services.ports import Ports
from tests.services.service_world import ANN, BOB, ann_in_london


async def _nudge_of(ports: Ports, kind: NudgeKind) -> Nudge:
    return next(n for n in await pending_nudges(ports, ANN) if n.kind is kind)


async def test_a_button_on_an_unknown_or_someone_elses_nudge_finds_nothing() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    await log_interview()
    chase = await _nudge_of(ports, NudgeKind.CHASE)
    assert await nudges.pressed(ports, ANN, "no-such-id") is None
    assert await nudges.pressed(ports, BOB, chase.id) is None
    found = await nudges.pressed(ports, ANN, chase.id)
    assert found is not None and found.nudge == chase and not found.settled


async def test_i_sent_it_on_a_follow_up_nudge_counts_one_follow_up_and_plans_the_next() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    clock = w.clock
    interview = await log_interview()
    chase = await _nudge_of(ports, NudgeKind.CHASE)
    clock.now = chase.due
    done = await nudges.done(ports, chase, interview)
    assert not done.already_logged and done.chase is not None
    assert done.interview.chases == (clock.now,)
    assert done.chase.following is not None
    assert done.chase.following.kind is NudgeKind.SECOND_CHASE
    pressed = await nudges.pressed(ports, ANN, chase.id)
    assert pressed is not None and pressed.settled  # a second press: done already
    assert pressed.nudge.acted_at == clock.now and pressed.nudge.state is NudgeState.SENT


async def test_a_follow_up_logged_today_already_is_not_counted_twice() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    log_interview = w.log_interview
    clock = w.clock
    interview = await log_interview()
    chase = await _nudge_of(ports, NudgeKind.CHASE)
    clock.now = chase.due
    logged = await acts.chase_sent(ports, interview)  # from a verdict's button, say
    done = await nudges.done(ports, chase, logged.interview)
    assert done.already_logged and done.chase is None
    saved = await repo.interview(ANN, interview.id)
    assert saved is not None and len(saved.chases) == 1


async def test_done_on_a_thank_you_records_it_once() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    interview = await log_interview()
    thank_you = await _nudge_of(ports, NudgeKind.THANK_YOU)
    done = await nudges.done(ports, thank_you, interview)
    assert done.interview.thanked == ports.clock()
    assert NudgeKind.THANK_YOU not in {n.kind for n in await pending_nudges(ports, ANN)}


async def test_a_nudge_about_a_closed_interview_is_settled() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    interview = await log_interview()
    chase = await _nudge_of(ports, NudgeKind.CHASE)
    closed = replace(interview, outcome=Outcome.OFFER)
    assert nudges.Pressed(chase, closed).settled
    reply_offer = replace(chase, kind=NudgeKind.REJECTION_REPLY)
    assert not nudges.Pressed(reply_offer, closed).settled  # it belongs after the outcome


async def test_skipping_follow_ups_stops_them_until_one_is_logged() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    clock = w.clock
    interview = await log_interview()
    chase = await _nudge_of(ports, NudgeKind.CHASE)
    clock.now = chase.due
    stopped = await nudges.skip_chasing(ports, chase, interview)
    assert stopped.chasing_stopped == clock.now
    assert NudgeKind.CHASE not in {n.kind for n in await pending_nudges(ports, ANN)}
    logged = await acts.chase_sent(ports, stopped)  # following up after all lifts it
    assert logged.interview.chasing_stopped is None


async def test_a_sent_follow_up_nudge_waits_for_i_sent_it_and_a_tip_is_asked_once() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    log_interview = w.log_interview
    clock = w.clock
    interview = await log_interview()
    chase = await _nudge_of(ports, NudgeKind.CHASE)
    clock.now = chase.due
    await nudges.after_sending(ports, chase, interview, clock.now)
    saved = await repo.interview(ANN, interview.id)
    assert saved is not None and saved.chase_prompted == clock.now
    assert NudgeKind.FOLLOW_THROUGH in {n.kind for n in await pending_nudges(ports, ANN)}
    tip = replace(chase, kind=NudgeKind.TIP_REQUEST)
    await nudges.after_sending(ports, tip, interview, clock.now)
    settings = await repo.settings(ANN)
    assert settings is not None and settings.tip_asked
