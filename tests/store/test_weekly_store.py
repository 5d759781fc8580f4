"""The weekly card on every backend: the /digest setting and the user-level card record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from followup.core.model import Nudge, NudgeKind, NudgeState
from followup.core.weekly import USER_LEVEL
from followup.store.protocol import Repository
from tests.store.test_store_contract import ALICE, database_url, repo, settings_of

__all__ = ["database_url", "repo"]  # the contract suite's fixtures: every backend in turn


async def test_digest_off_round_trips_and_defaults_on(repo: Repository) -> None:
    await repo.save_settings(settings_of(ALICE))
    loaded = await repo.settings(ALICE)
    assert loaded is not None and loaded.digest
    await repo.save_settings(settings_of(ALICE, digest=False))
    loaded = await repo.settings(ALICE)
    assert loaded is not None and not loaded.digest


async def test_a_user_level_card_is_queued_and_found_apart_from_interviews(
    repo: Repository,
) -> None:
    await repo.save_settings(settings_of(ALICE))
    due = datetime(2026, 11, 30, 9, tzinfo=UTC)
    card = Nudge("card1", ALICE, ALICE, USER_LEVEL, NudgeKind.WEEKLY, due)
    other = Nudge("n1", ALICE, ALICE, "iv", NudgeKind.CHASE, due)
    await repo.save_nudges([card, other])
    assert [n.id for n in await repo.nudges(ALICE, USER_LEVEL)] == ["card1"]
    assert [n.id for n in await repo.nudges(ALICE, "iv")] == ["n1"]
    claimed = await repo.claim_due(due, 10, "me", timedelta(minutes=5))
    assert {n.id for n in claimed} == {"card1", "n1"}
    assert (await repo.nudge(ALICE, "card1")) is not None
    await repo.delete_interview(ALICE, "iv")
    (kept,) = await repo.nudges(ALICE)
    assert kept.id == "card1" and kept.kind is NudgeKind.WEEKLY
    await repo.mark_nudge(ALICE, "card1", NudgeState.SENT, due)
    assert await repo.next_due() is None
