"""Sending a claimed nudge: still wanted or not, and what each way a send ends leaves behind."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from followup.core.model import Nudge, NudgeKind, NudgeState, Outcome
from followup.services import delivery
from followup.services.planning import pending_nudges
from tests.services.service_world import ANN, World, ann_in_london


async def first_of(w: World, kind: NudgeKind) -> Nudge:
    return next(n for n in await pending_nudges(w.ports, ANN) if n.kind is kind)


async def test_a_due_nudge_about_an_open_interview_is_wanted_with_its_place() -> None:
    w = await ann_in_london()
    await w.log_interview()
    thank_you = await first_of(w, NudgeKind.THANK_YOU)
    w.clock.now = thank_you.due
    checked = await delivery.still_wanted(w.ports, thank_you)
    assert isinstance(checked, delivery.Wanted)
    assert checked.interview.company == "Acme"
    assert checked.place.zone.key == "Europe/London"


async def test_a_nudge_about_a_closed_interview_is_cancelled_not_sent() -> None:
    w = await ann_in_london()
    interview = await w.log_interview()
    chase = await first_of(w, NudgeKind.CHASE)
    await w.repo.save_interview(
        replace(interview, outcome=Outcome.REJECTED, heard_back=w.clock.now)
    )
    checked = await delivery.still_wanted(w.ports, chase)
    assert checked == delivery.Dropped(chase, "interview closed")
    assert (await w.repo.nudge(ANN, chase.id)).state is NudgeState.CANCELLED  # type: ignore[union-attr]


async def test_a_nudge_settled_meanwhile_or_unknown_is_left_alone() -> None:
    w = await ann_in_london()
    await w.log_interview()
    thank_you = await first_of(w, NudgeKind.THANK_YOU)
    await w.repo.mark_nudge(ANN, thank_you.id, NudgeState.SENT, w.clock.now)
    assert await delivery.still_wanted(w.ports, thank_you) is None
    assert await delivery.still_wanted(w.ports, replace(thank_you, id="nope")) is None


async def test_a_nudge_whose_moment_passed_long_ago_is_skipped_as_stale() -> None:
    w = await ann_in_london()
    await w.log_interview()
    thank_you = await first_of(w, NudgeKind.THANK_YOU)
    w.clock.go(days=30)  # the bot was down for a month: a thank-you reminder is pointless now
    checked = await delivery.still_wanted(w.ports, thank_you)
    assert checked == delivery.Dropped(thank_you, "stale")
    assert (await w.repo.nudge(ANN, thank_you.id)).state is NudgeState.SKIPPED  # type: ignore[union-attr]


async def test_sent_settles_it_at_the_moment_telegram_took_it() -> None:
    w = await ann_in_london()
    await w.log_interview()
    thank_you = await first_of(w, NudgeKind.THANK_YOU)
    w.clock.now = thank_you.due
    checked = await delivery.still_wanted(w.ports, thank_you)
    assert isinstance(checked, delivery.Wanted)
    sent_at = await delivery.sent(w.ports, checked)
    stored = await w.repo.nudge(ANN, thank_you.id)
    assert stored is not None and stored.state is NudgeState.SENT and stored.sent_at == sent_at


async def test_a_failed_send_comes_back_later_each_time_a_little_later() -> None:
    w = await ann_in_london()
    await w.log_interview()
    nudge = await first_of(w, NudgeKind.THANK_YOU)
    delays = []
    for _ in range(6):
        retry_at, delay = await delivery.retry_later(w.ports, nudge)
        delays.append(delay)
        assert retry_at == w.clock.now + timedelta(seconds=delay)
        assert w.waker.pokes[-1] == retry_at
        nudge = await w.repo.nudge(ANN, nudge.id)  # type: ignore[assignment]
        assert nudge.state is NudgeState.PENDING and nudge.due == retry_at
    assert delays == [30, 120, 600, 1800, 1800, 1800]


async def test_a_user_who_blocked_the_bot_keeps_the_nudge_for_when_they_return() -> None:
    w = await ann_in_london()
    await w.log_interview()
    nudge = await first_of(w, NudgeKind.THANK_YOU)
    await delivery.blocked(w.ports, nudge)
    settings = await w.repo.settings(ANN)
    assert settings is not None and settings.blocked
    stored = await w.repo.nudge(ANN, nudge.id)
    assert stored is not None and stored.state is NudgeState.PENDING and stored.due == nudge.due


async def test_a_message_telegram_refuses_is_skipped_not_retried() -> None:
    w = await ann_in_london()
    await w.log_interview()
    nudge = await first_of(w, NudgeKind.THANK_YOU)
    await delivery.refused(w.ports, nudge)
    assert (await w.repo.nudge(ANN, nudge.id)).state is NudgeState.SKIPPED  # type: ignore[union-attr]
