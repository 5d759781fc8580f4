"""What the user did: each act is recorded once, and a follow-up says what comes next."""

from __future__ import annotations

from followup.core.model import NudgeKind
from followup.services import acts
from tests.services.service_world import ANN, ann_in_london


async def test_a_thank_you_and_a_call_are_recorded_once() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    log_interview = w.log_interview
    clock = w.clock
    interview = await log_interview(via_agency=True)
    pressed_at = clock.now
    thanked = await acts.thank_you_sent(ports, interview)
    called = await acts.feedback_given(ports, thanked)
    clock.go(hours=1)
    assert await acts.thank_you_sent(ports, called) == called  # a second press changes nothing
    assert await acts.feedback_given(ports, called) == called
    saved = await repo.interview(ANN, interview.id)
    assert saved == called and saved.thanked == saved.feedback_given == pressed_at


async def test_two_follow_ups_then_moving_on() -> None:
    w = await ann_in_london()
    ports = w.ports
    log_interview = w.log_interview
    clock = w.clock
    interview = await log_interview()
    assert not await acts.logged_today(ports, interview)
    first = await acts.chase_sent(ports, interview)
    assert await acts.logged_today(ports, first.interview)
    assert first.following is not None and first.following.kind is NudgeKind.SECOND_CHASE
    clock.go(days=8)
    assert not await acts.logged_today(ports, first.interview)
    second = await acts.chase_sent(ports, first.interview)
    assert len(second.interview.chases) == 2
    assert second.following is not None and second.following.kind is NudgeKind.MOVE_ON


async def test_the_same_email_logged_twice_changes_nothing() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    log_interview = w.log_interview
    logged = await acts.chase_sent(ports, await log_interview())
    kept = await acts.chase_unchanged(ports, logged.interview)
    assert kept == logged
    assert await repo.interview(ANN, logged.interview.id) == logged.interview
