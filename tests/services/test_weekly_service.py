"""The weekly card's record: one per user and week, planned, moved, cancelled and judged."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from followup.core.model import NudgeKind, NudgeState, Outcome
from followup.services import weekly
from followup.services.ports import Ports
from tests.services.service_world import ANN, World, ann_in_london


def cards_on(world: World) -> Ports:
    return replace(world.ports, weekly_cards=True)


async def cards(world: World) -> list[tuple[str, NudgeState]]:
    found = await world.repo.nudges(ANN)
    return [(n.id, n.state) for n in found if n.kind is NudgeKind.WEEKLY]


async def test_changes_saved_at_once_plan_one_card() -> None:
    world = await ann_in_london()
    ports = cards_on(world)
    await asyncio.gather(*(weekly.keep_planned(ports, ANN) for _ in range(5)))
    assert len(await cards(world)) == 1
    assert (await cards(world))[0][1] is NudgeState.PENDING


async def test_without_the_operators_switch_nothing_is_planned() -> None:
    world = await ann_in_london()
    await world.log_interview()
    assert await cards(world) == []


async def test_digest_off_cancels_and_on_plans_again() -> None:
    world = await ann_in_london()
    ports = cards_on(world)
    await weekly.keep_planned(ports, ANN)
    settings = await world.repo.settings(ANN)
    assert settings is not None
    off = await weekly.set_digest(ports, settings, False)
    assert [state for _, state in await cards(world)] == [NudgeState.CANCELLED]
    await weekly.set_digest(ports, off, True)
    assert [state for _, state in await cards(world)] == [NudgeState.PENDING]


async def test_an_idle_users_card_is_skipped_and_no_next_one_planned() -> None:
    world = await ann_in_london()
    ports = cards_on(world)
    interview = await world.log_interview()
    closed = replace(interview, outcome=Outcome.WITHDREW, heard_back=world.clock.now)
    await world.repo.save_interview(closed)
    await weekly.keep_planned(ports, ANN)
    (card,) = [n for n in await world.repo.nudges(ANN) if n.kind is NudgeKind.WEEKLY]
    world.clock.go(days=30)
    moved = replace(card, due=world.clock.now)
    await world.repo.save_nudges([moved])
    assert await weekly.card_wanted(ports, moved) == "idle"
    assert [state for _, state in await cards(world)] == [NudgeState.SKIPPED]
