"""A user's choices: pause and resume, a blocked bot, a new zone or country, a name, a tip."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from followup.core.model import NudgeKind
from followup.services import settings as user_settings
from followup.services.planning import pending_nudges
from tests.services.service_world import ANN, ann_in_london


async def test_pause_then_resume_each_once() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    ann = w.ann
    log_interview = w.log_interview
    waker = w.waker
    await log_interview()
    assert await user_settings.pause(ports, ann)
    paused = await repo.settings(ANN)
    assert paused is not None and paused.paused
    assert not await user_settings.pause(ports, paused)  # paused already
    assert await repo.next_due() is None  # the queue passes over her
    waker.pokes.clear()
    assert await user_settings.resume(ports, paused)
    assert waker.pokes  # her nudges are looked at again at once
    resumed = await repo.settings(ANN)
    assert resumed is not None and not await user_settings.resume(ports, resumed)


async def test_a_blocked_user_writing_again_gets_their_nudges_back() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    log_interview = w.log_interview
    waker = w.waker
    await log_interview()
    await user_settings.mark_blocked(ports, ANN)
    blocked = await repo.settings(ANN)
    assert blocked is not None and blocked.blocked
    waker.pokes.clear()
    assert await user_settings.notice_return(ports, ANN)
    assert waker.pokes
    assert not await user_settings.notice_return(ports, ANN)  # back already
    assert not await user_settings.notice_return(ports, 999)  # never met


async def test_a_paused_user_coming_back_from_a_block_stays_paused() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    ann = w.ann
    waker = w.waker
    await repo.save_settings(replace(ann, paused=True, blocked=True))
    assert await user_settings.notice_return(ports, ANN)
    assert waker.pokes == []


async def test_a_new_zone_replans_and_the_same_zone_does_not() -> None:
    w = await ann_in_london()
    ports = w.ports
    ann = w.ann
    log_interview = w.log_interview
    await log_interview()
    before = await pending_nudges(ports, ANN)
    same = await user_settings.set_zone(ports, ann, "Europe/London")
    assert same.zone_confirmed and await pending_nudges(ports, ANN) == before
    await user_settings.set_zone(ports, same, "Asia/Tokyo")
    chase = next(n for n in await pending_nudges(ports, ANN) if n.kind is NudgeKind.CHASE)
    assert chase.due == datetime(2026, 12, 2, 1, 0, tzinfo=UTC)  # 10:00 in Tokyo


async def test_a_country_without_holidays_replans() -> None:
    w = await ann_in_london()
    ports = w.ports
    ann = w.ann
    log_interview = w.log_interview
    clock = w.clock
    clock.now = datetime(2026, 12, 23, 14, 0, tzinfo=UTC)
    await log_interview()
    chase = next(n for n in await pending_nudges(ports, ANN) if n.kind is NudgeKind.CHASE)
    chosen = await user_settings.set_country(ports, ann, "none")
    assert chosen.country == "none"
    replanned = next(n for n in await pending_nudges(ports, ANN) if n.kind is NudgeKind.CHASE)
    assert replanned.due < chase.due  # no Christmas break to wait out


async def test_a_name_and_tips_are_kept() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    ann = w.ann
    signed = await user_settings.set_sender_name(ports, ann, "Ann Lee")
    tipped = await user_settings.add_tip(ports, signed, "Write it down the same day")
    assert await repo.settings(ANN) == tipped
    assert tipped.sender_name == "Ann Lee" and tipped.tips == ("Write it down the same day",)
