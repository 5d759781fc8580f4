"""The Repository contract, one suite for both backends: TinyDB files and PostgreSQL.

Every test takes `repo`, which is each backend in turn: TinyRepository on a temporary folder and
PostgresRepository on a fresh database of the test cluster (tests/pg.py; skipped where no server
is installed). The last tests are PostgreSQL's own: several processes share one database there,
so two repositories on it claim and write at the same time.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import psycopg
import pytest

from followup.core.model import (
    Interview,
    Nudge,
    NudgeKind,
    NudgeState,
    Outcome,
    Rating,
    UserSettings,
    new_id,
)
from followup.store.postgres import PostgresRepository
from followup.store.protocol import Repository
from followup.store.tinydb import TinyRepository
from tests.support import pg
from tests.support.memory import MemoryRepository

T0 = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
LEASE = timedelta(minutes=5)
ALICE = 1001
BOB = 2002
CAROL = 3003
DEBRIEF = "debrief"


@pytest.fixture
def database_url() -> Iterator[str]:
    """A fresh database on the test cluster."""
    with pg.fresh_database() as url:
        yield url


@pytest.fixture(params=["tinydb", "postgres", "memory"])
async def repo(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Repository]:
    """Each backend in turn, opened on empty storage (and the tests' in-memory stand-in)."""
    opened: Repository
    if request.param == "tinydb":
        opened = TinyRepository(tmp_path / "data")
    elif request.param == "memory":
        opened = MemoryRepository()
    else:
        url = request.getfixturevalue("database_url")
        opened = PostgresRepository(url, max_size=4)
    await opened.open()
    yield opened
    await opened.close()


def settings_of(user_id: int, **extra: Any) -> UserSettings:
    values: dict[str, Any] = {"timezone": "Europe/London", **extra}
    return UserSettings(user_id=user_id, chat_id=user_id, **values)


def interview_of(user_id: int = ALICE, days: int = 0, **extra: Any) -> Interview:
    when = T0 + timedelta(days=days)
    values: dict[str, Any] = {"company": "Acme", "when": when, "created": when, **extra}
    return Interview(id=new_id(), user_id=user_id, **values)


def nudge_of(user_id: int = ALICE, minutes: int = 0, **extra: Any) -> Nudge:
    values: dict[str, Any] = {"interview_id": "iv", "kind": NudgeKind.CHECK_IN, **extra}
    due = T0 + timedelta(minutes=minutes)
    return Nudge(id=new_id(), user_id=user_id, chat_id=user_id, due=due, **values)


def full_interview() -> Interview:
    """Every field away from its default, in types that have to survive the trip."""
    return Interview(
        id="iv-full",
        user_id=ALICE,
        company="Zürich Réassurance",
        when=T0,
        created=T0 - timedelta(hours=2),
        wall_clock=True,
        role="Data engineer",
        via_agency=True,
        recruiter="Sam O'Neil",
        decision_date=date(2026, 3, 14),
        outside_hours=False,
        got_contact=True,
        rating=Rating.MIXED,
        notes='Asked about on-call; 数据 team; "quotes" and 100% sure',
        debriefed=True,
        feedback_given=T0 + timedelta(days=1),
        thanked=T0 + timedelta(hours=3),
        chases=(T0 + timedelta(days=7), T0 + timedelta(days=12)),
        chase_prompted=T0 + timedelta(days=7),
        chasing_stopped=T0 + timedelta(days=20),
        outcome=Outcome.NEXT_ROUND,
        heard_back=T0 + timedelta(days=13, microseconds=1),
        answer_by=date(2026, 3, 20),
        offer_answered=T0 + timedelta(days=15),
    )


# users


async def test_settings_round_trip_and_replace(repo: Repository) -> None:
    assert await repo.settings(ALICE) is None
    full = settings_of(ALICE, zone_confirmed=True, country="GB-ENG", sender_name="Alice",
                       tips=("breathe", "bring water"), tip_asked=True)  # fmt: skip
    await repo.save_settings(full)
    loaded = await repo.settings(ALICE)
    assert loaded == full
    assert loaded is not None and type(loaded.tips) is tuple
    await repo.save_settings(settings_of(ALICE, timezone="Asia/Tokyo"))
    assert await repo.settings(ALICE) == settings_of(ALICE, timezone="Asia/Tokyo")
    assert await repo.settings(BOB) is None


async def test_user_count_counts_each_user_once(repo: Repository) -> None:
    assert await repo.user_count() == 0
    await repo.save_settings(settings_of(ALICE))
    await repo.save_settings(settings_of(BOB))
    await repo.save_settings(settings_of(ALICE, paused=True))
    assert await repo.user_count() == 2


# interviews


async def test_interview_with_every_field_round_trips(repo: Repository) -> None:
    interview = full_interview()
    await repo.save_interview(interview)
    loaded = await repo.interview(ALICE, "iv-full")
    assert loaded == interview
    assert loaded is not None
    assert type(loaded.rating) is Rating and type(loaded.outcome) is Outcome
    assert type(loaded.decision_date) is date and type(loaded.chases) is tuple
    assert type(loaded.answer_by) is date and loaded.offer_answered == interview.offer_answered
    assert all(t.utcoffset() == timedelta(0) for t in (loaded.when, *loaded.chases))


async def test_interview_with_defaults_round_trips(repo: Repository) -> None:
    interview = interview_of()
    await repo.save_interview(interview)
    assert await repo.interview(ALICE, interview.id) == interview


async def test_times_in_other_zones_come_back_the_same_moment_in_utc(repo: Repository) -> None:
    paris = timezone(timedelta(hours=2))
    interview = interview_of(when=datetime(2026, 6, 1, 11, 0, tzinfo=paris))
    await repo.save_interview(interview)
    loaded = await repo.interview(ALICE, interview.id)
    assert loaded is not None and loaded.when == datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    assert loaded.when.utcoffset() == timedelta(0)


async def test_naive_times_are_refused(repo: Repository) -> None:
    with pytest.raises(ValueError, match="naive"):
        await repo.save_interview(interview_of(when=datetime(2026, 6, 1, 11, 0)))


async def test_saving_an_interview_again_replaces_it(repo: Repository) -> None:
    interview = full_interview()
    await repo.save_interview(interview)
    plainer = replace(interview, role=None, rating=None, chases=(), outcome=None)
    await repo.save_interview(plainer)
    assert await repo.interview(ALICE, interview.id) == plainer
    assert len(await repo.interviews(ALICE)) == 1


async def test_interviews_newest_first_and_only_the_users_own(repo: Repository) -> None:
    older, newer = interview_of(days=-3), interview_of(days=2)
    theirs = interview_of(BOB, days=5)
    for interview in (older, newer, theirs):
        await repo.save_interview(interview)
    assert await repo.interviews(ALICE) == [newer, older]
    assert await repo.interview(ALICE, theirs.id) is None
    assert await repo.interview(BOB, older.id) is None


async def test_interviews_at_the_same_moment_order_by_creation_then_id(repo: Repository) -> None:
    same = [interview_of(created=T0 - timedelta(minutes=m)) for m in (5, 1, 1)]
    for interview in same:
        await repo.save_interview(interview)
    last_two = sorted(same[1:], key=lambda i: i.id, reverse=True)
    assert await repo.interviews(ALICE) == [*last_two, same[0]]


async def test_latest_with_company_ignores_case_and_spacing(repo: Repository) -> None:
    old = interview_of(company="Acme  Corp", days=-10)
    new = interview_of(company="acme corp", days=-1)
    await repo.save_interview(old)
    await repo.save_interview(new)
    await repo.save_interview(interview_of(company="Other", days=0))
    assert await repo.latest_with_company(ALICE, "ACME CORP") == new
    assert await repo.latest_with_company(ALICE, "Initech") is None
    assert await repo.latest_with_company(BOB, "Acme Corp") is None


async def test_deleting_an_interview_takes_its_nudges(repo: Repository) -> None:
    gone, kept = interview_of(), interview_of(days=1)
    await repo.save_interview(gone)
    await repo.save_interview(kept)
    await repo.save_nudges([nudge_of(interview_id=gone.id), nudge_of(interview_id=gone.id)])
    keeper = nudge_of(interview_id=kept.id)
    await repo.save_nudges([keeper])
    await repo.delete_interview(ALICE, gone.id)
    assert await repo.interviews(ALICE) == [kept]
    assert await repo.nudges(ALICE) == [keeper]
    assert await repo.pending_count() == 1
    assert await repo.claim_due(T0, 10, "a", LEASE) == [keeper]


# nudges


async def test_nudges_round_trip_soonest_first(repo: Repository) -> None:
    later = nudge_of(minutes=60, kind=NudgeKind.SECOND_CHASE, step=2, snoozed=True, attempts=3)
    sooner = nudge_of(minutes=-5, state=NudgeState.SENT, sent_at=T0, acted_at=T0)
    other = nudge_of(minutes=10, interview_id="iv-2")
    await repo.save_nudges([later, sooner, other])
    assert await repo.nudges(ALICE) == [sooner, other, later]
    assert await repo.nudges(ALICE, "iv") == [sooner, later]
    assert await repo.nudges(ALICE, "none") == []
    assert await repo.nudge(ALICE, later.id) == later
    assert await repo.nudge(BOB, later.id) is None
    assert await repo.nudges(BOB) == []


async def test_nudges_due_together_order_by_id(repo: Repository) -> None:
    batch = [nudge_of() for _ in range(6)]
    await repo.save_nudges(batch)
    assert await repo.nudges(ALICE) == sorted(batch, key=lambda n: n.id)


async def test_saving_nudges_again_replaces_them_and_empty_batches_do_nothing(
    repo: Repository,
) -> None:
    nudge = nudge_of()
    await repo.save_nudges([nudge])
    moved = replace(nudge, due=T0 + timedelta(hours=3), snoozed=True)
    await repo.save_nudges([moved])
    await repo.save_nudges([])
    assert await repo.nudges(ALICE) == [moved]


async def test_mark_nudge_sets_state_and_sent_time(repo: Repository) -> None:
    nudge = nudge_of()
    await repo.save_nudges([nudge])
    sent = await repo.mark_nudge(ALICE, nudge.id, NudgeState.SENT, T0 + timedelta(seconds=3))
    assert sent == replace(nudge, state=NudgeState.SENT, sent_at=T0 + timedelta(seconds=3))
    assert await repo.nudge(ALICE, nudge.id) == sent
    skipped = await repo.mark_nudge(ALICE, nudge.id, NudgeState.SKIPPED)
    assert skipped == replace(sent, state=NudgeState.SKIPPED)  # no time given: sent_at kept
    assert await repo.mark_nudge(ALICE, "missing", NudgeState.SENT) is None
    assert await repo.mark_nudge(BOB, nudge.id, NudgeState.SENT) is None
    assert await repo.pending_count() == 0


# forgetting a user


async def test_forget_user_deletes_every_record_of_theirs_only(repo: Repository) -> None:
    for user in (ALICE, BOB):
        await repo.save_settings(settings_of(user))
        interview = interview_of(user)
        await repo.save_interview(interview)
        await repo.save_nudges([nudge_of(user, interview_id=interview.id)])
        await repo.save_conversation_state(DEBRIEF, (user, user), 3)
        await repo.save_user_data(user, {"draft": user})
    await repo.forget_user(ALICE)
    assert await repo.settings(ALICE) is None
    assert await repo.interviews(ALICE) == []
    assert await repo.nudges(ALICE) == []
    assert await repo.user_data(ALICE) == {}
    assert await repo.conversation_states(DEBRIEF) == {(BOB, BOB): 3}
    assert await repo.all_user_data() == {BOB: {"draft": BOB}}
    assert await repo.user_count() == 1
    assert await repo.pending_count() == 1
    assert [n.user_id for n in await repo.claim_due(T0, 10, "a", LEASE)] == [BOB]
    assert len(await repo.interviews(BOB)) == 1
    await repo.forget_user(CAROL)  # nobody: nothing happens


# the queue


async def test_claim_due_hands_out_due_nudges_oldest_first_up_to_the_limit(
    repo: Repository,
) -> None:
    nudges = [nudge_of(minutes=m) for m in (-30, -90, -60, 0, 1)]
    await repo.save_nudges(nudges)
    await repo.save_nudges([nudge_of(minutes=-100, state=NudgeState.SENT)])
    first = await repo.claim_due(T0, 2, "a", LEASE)
    assert first == [nudges[1], nudges[2]]
    rest = await repo.claim_due(T0, 10, "a", LEASE)
    assert rest == [nudges[0], nudges[3]]  # due later than now (minute 1): not yet
    assert await repo.claim_due(T0, 10, "a", LEASE) == []


async def test_held_users_are_skipped_until_they_come_back(repo: Repository) -> None:
    await repo.save_settings(settings_of(ALICE, paused=True))
    await repo.save_settings(settings_of(BOB, blocked=True))
    await repo.save_settings(settings_of(CAROL))
    held = [nudge_of(ALICE, minutes=-10), nudge_of(BOB, minutes=-10)]
    free = nudge_of(CAROL)
    await repo.save_nudges([*held, free])
    assert await repo.claim_due(T0, 10, "a", LEASE) == [free]
    assert await repo.next_due() == T0 + LEASE  # only Carol's, under its claim
    await repo.save_settings(settings_of(ALICE))
    assert await repo.next_due() == T0 - timedelta(minutes=10)
    assert await repo.claim_due(T0, 10, "a", LEASE) == [held[0]]
    assert await repo.pending_count() == 3  # held or claimed, still waiting


async def test_a_live_claim_is_not_handed_out_twice_and_an_expired_one_comes_back(
    repo: Repository,
) -> None:
    nudge = nudge_of()
    await repo.save_nudges([nudge])
    assert await repo.claim_due(T0, 10, "a", LEASE) == [nudge]
    assert await repo.claim_due(T0 + LEASE - timedelta(seconds=1), 10, "b", LEASE) == []
    assert await repo.claim_due(T0 + LEASE, 10, "b", LEASE) == [nudge]


async def test_dropped_claims_are_handed_out_again_at_once(repo: Repository) -> None:
    nudge = nudge_of()
    await repo.save_nudges([nudge])
    assert await repo.claim_due(T0, 10, "stopped replica", LEASE) == [nudge]
    assert await repo.drop_claims() == 1
    assert await repo.claim_due(T0, 10, "new active replica", LEASE) == [nudge]
    assert await repo.drop_claims() == 1 and await repo.drop_claims() == 0


async def test_release_counts_an_attempt_and_moves_the_due_time(repo: Repository) -> None:
    nudge = nudge_of()
    await repo.save_nudges([nudge])
    await repo.claim_due(T0, 10, "a", LEASE)
    retry = T0 + timedelta(minutes=2)
    await repo.release(ALICE, nudge.id, retry)
    assert await repo.nudge(ALICE, nudge.id) == replace(nudge, due=retry, attempts=1)
    assert await repo.next_due() == retry  # the claim went with the release
    assert await repo.claim_due(retry - timedelta(seconds=1), 10, "a", LEASE) == []
    again = await repo.claim_due(retry, 10, "a", LEASE)
    assert again == [replace(nudge, due=retry, attempts=1)]


async def test_release_of_a_settled_nudge_changes_nothing(repo: Repository) -> None:
    nudge = nudge_of()
    await repo.save_nudges([nudge])
    sent = await repo.mark_nudge(ALICE, nudge.id, NudgeState.SENT, T0)
    await repo.release(ALICE, nudge.id, T0 + timedelta(hours=1))
    await repo.release(ALICE, "missing", T0)
    assert await repo.nudge(ALICE, nudge.id) == sent


async def test_mark_clears_the_claim(repo: Repository) -> None:
    nudge = nudge_of()
    await repo.save_nudges([nudge])
    await repo.claim_due(T0, 10, "a", LEASE)
    # Settled as still pending (a stale skip undone, say): claimable at once, no lease to wait.
    await repo.mark_nudge(ALICE, nudge.id, NudgeState.PENDING)
    assert await repo.next_due() == T0
    assert await repo.claim_due(T0, 10, "b", LEASE) == [nudge]
    await repo.mark_nudge(ALICE, nudge.id, NudgeState.SENT, T0)
    assert await repo.next_due() is None
    assert await repo.claim_due(T0 + LEASE, 10, "b", LEASE) == []


async def test_next_due_is_the_soonest_claimable_time(repo: Repository) -> None:
    assert await repo.next_due() is None
    early, late = nudge_of(minutes=-20), nudge_of(minutes=30)
    await repo.save_nudges([late, early, nudge_of(minutes=-60, state=NudgeState.CANCELLED)])
    assert await repo.next_due() == early.due
    await repo.claim_due(T0, 10, "a", LEASE)  # claims `early` until T0 + 5 min
    assert await repo.next_due() == T0 + LEASE
    await repo.mark_nudge(ALICE, early.id, NudgeState.SENT, T0)
    assert await repo.next_due() == late.due
    # A claim that ends before the nudge is due again does not make it sooner.
    await repo.claim_due(late.due, 10, "a", LEASE)
    await repo.release(ALICE, late.id, late.due + timedelta(hours=1))
    assert await repo.next_due() == late.due + timedelta(hours=1)


async def test_saving_a_claimed_nudge_as_settled_lets_go_of_the_claim(repo: Repository) -> None:
    nudge = nudge_of()
    await repo.save_nudges([nudge])
    await repo.claim_due(T0, 10, "a", LEASE)
    await repo.save_nudges([replace(nudge, state=NudgeState.CANCELLED)])
    await repo.save_nudges([nudge])  # pending again (re-planned): free to claim
    assert await repo.claim_due(T0, 10, "b", LEASE) == [nudge]


async def test_pending_count(repo: Repository) -> None:
    await repo.save_nudges([nudge_of(), nudge_of(BOB), nudge_of(state=NudgeState.SENT)])
    assert await repo.pending_count() == 2


# PTB persistence


async def test_conversation_states_by_name_across_users(repo: Repository) -> None:
    await repo.save_conversation_state(DEBRIEF, (ALICE, ALICE), 4)
    await repo.save_conversation_state(DEBRIEF, (BOB,), "ASK_NOTES")
    await repo.save_conversation_state("new", (ALICE, ALICE), 1)
    await repo.save_conversation_state(DEBRIEF, (ALICE, ALICE), 5)
    assert await repo.conversation_states(DEBRIEF) == {(ALICE, ALICE): 5, (BOB,): "ASK_NOTES"}
    await repo.save_conversation_state(DEBRIEF, (ALICE, ALICE), None)
    await repo.save_conversation_state(DEBRIEF, (CAROL, CAROL), None)  # nothing there
    assert await repo.conversation_states(DEBRIEF) == {(BOB,): "ASK_NOTES"}
    assert await repo.conversation_states("new") == {(ALICE, ALICE): 1}
    assert await repo.conversation_states("unknown") == {}
    with pytest.raises(ValueError):
        await repo.save_conversation_state(DEBRIEF, (), 1)


async def test_user_data_round_trip_replace_and_drop(repo: Repository) -> None:
    assert await repo.user_data(ALICE) == {}
    data = {"draft": {"company": "Acme", "rating": 3, "ok": True, "list": [1, "two"]}}
    await repo.save_user_data(ALICE, data)
    await repo.save_user_data(BOB, {"x": 1})
    await repo.save_user_data(CAROL, {})
    assert await repo.user_data(ALICE) == data
    assert await repo.all_user_data() == {ALICE: data, BOB: {"x": 1}}
    await repo.save_user_data(ALICE, {"y": None})
    assert await repo.user_data(ALICE) == {"y": None}
    await repo.save_settings(settings_of(BOB))
    await repo.drop_user_data(BOB)
    await repo.drop_user_data(3)  # nobody: nothing happens
    assert await repo.user_data(BOB) == {}
    assert await repo.settings(BOB) == settings_of(BOB)
    assert await repo.all_user_data() == {ALICE: {"y": None}}


# writes_together


async def test_writes_together_land_together(repo: Repository) -> None:
    nudge = nudge_of()
    async with repo.writes_together():
        await repo.save_user_data(ALICE, {"answer": "good"})
        await repo.save_conversation_state(DEBRIEF, (ALICE, ALICE), 2)
        async with repo.writes_together():  # nested: joins the outer block
            await repo.save_nudges([nudge])
        assert await repo.user_data(ALICE) == {"answer": "good"}  # the block reads its own writes
    assert await repo.user_data(ALICE) == {"answer": "good"}
    assert await repo.conversation_states(DEBRIEF) == {(ALICE, ALICE): 2}
    assert await repo.nudges(ALICE) == [nudge]


async def test_nothing_is_written_when_the_block_raises(repo: Repository) -> None:
    await repo.save_user_data(ALICE, {"answer": "before"})
    with pytest.raises(RuntimeError):
        async with repo.writes_together():
            await repo.save_user_data(ALICE, {"answer": "after"})
            await repo.save_conversation_state(DEBRIEF, (ALICE, ALICE), 2)
            await repo.save_interview(interview_of())
            raise RuntimeError("the handler failed")
    assert await repo.user_data(ALICE) == {"answer": "before"}
    assert await repo.conversation_states(DEBRIEF) == {}
    assert await repo.interviews(ALICE) == []


# reopening


async def test_everything_is_there_after_reopening(repo: Repository, tmp_path: Path) -> None:
    if isinstance(repo, MemoryRepository):
        pytest.skip("nothing outlives a repository in memory")
    await repo.save_settings(settings_of(ALICE))
    await repo.save_interview(full_interview())
    nudge = nudge_of(minutes=-1)
    await repo.save_nudges([nudge])
    await repo.save_conversation_state(DEBRIEF, (ALICE, ALICE), 7)
    await repo.save_user_data(ALICE, {"k": "v"})
    await repo.close()
    again: Repository
    if isinstance(repo, TinyRepository):
        again = TinyRepository(tmp_path / "data")
    else:
        assert isinstance(repo, PostgresRepository)
        again = PostgresRepository(repo._url, max_size=2)
    await again.open()
    try:
        assert await again.settings(ALICE) == settings_of(ALICE)
        assert await again.interviews(ALICE) == [full_interview()]
        assert await again.conversation_states(DEBRIEF) == {(ALICE, ALICE): 7}
        assert await again.all_user_data() == {ALICE: {"k": "v"}}
        assert await again.next_due() == nudge.due
        assert await again.claim_due(T0, 10, "a", LEASE) == [nudge]
    finally:
        await again.close()


# PostgreSQL only: several repositories (processes) on one database


@pytest.fixture
async def two(database_url: str) -> AsyncIterator[tuple[PostgresRepository, PostgresRepository]]:
    """Two repositories on one database, as two replicas would have."""
    first = PostgresRepository(database_url, max_size=4)
    second = PostgresRepository(database_url, max_size=4)
    await asyncio.gather(first.open(), second.open())  # both migrate at once: one waits
    yield first, second
    await asyncio.gather(first.close(), second.close())


async def test_two_claimers_never_get_the_same_nudge(
    two: tuple[PostgresRepository, PostgresRepository],
) -> None:
    first, second = two
    nudges = [nudge_of(user, minutes=-(i % 50)) for user in range(1, 41) for i in range(10)]
    await first.save_nudges(nudges)

    async def drain(repo: PostgresRepository, owner: str) -> list[str]:
        got: list[str] = []
        while batch := await repo.claim_due(T0, 7, owner, LEASE):
            got += [nudge.id for nudge in batch]
        return got

    results = await asyncio.gather(*(drain(r, f"{i}") for i, r in enumerate([*two, *two])))
    claimed = [nudge_id for result in results for nudge_id in result]
    assert len(claimed) == len(set(claimed)) == len(nudges)
    assert all(result for result in results[:2])  # both processes got work
    # Seen from the other process, every claim is live.
    assert await second.claim_due(T0, 1000, "late", LEASE) == []
    assert await second.next_due() == T0 + LEASE


async def test_concurrent_writes_of_different_users_all_land(
    two: tuple[PostgresRepository, PostgresRepository],
) -> None:
    first, second = two
    users = range(100, 160)

    async def write(repo: PostgresRepository, user: int) -> None:
        async with repo.writes_together():
            await repo.save_settings(settings_of(user))
            await repo.save_interview(interview_of(user))
            await repo.save_nudges([nudge_of(user), nudge_of(user, minutes=5)])
            await repo.save_user_data(user, {"n": user})

    await asyncio.gather(*(write(first if u % 2 else second, u) for u in users))
    assert await first.user_count() == len(users)
    assert await second.pending_count() == 2 * len(users)
    assert await first.all_user_data() == {u: {"n": u} for u in users}
    for user in users:
        assert len(await second.interviews(user)) == 1


async def test_a_claim_made_inside_a_rolled_back_block_is_undone(
    two: tuple[PostgresRepository, PostgresRepository],
) -> None:
    first, second = two
    nudge = nudge_of()
    await first.save_nudges([nudge])
    with pytest.raises(RuntimeError):
        async with first.writes_together():
            assert await first.claim_due(T0, 10, "a", LEASE) == [nudge]
            # Uncommitted, the claim already locks the row: the other process skips it.
            assert await second.claim_due(T0, 10, "b", LEASE) == []
            raise RuntimeError("crashed mid-send")
    assert await second.claim_due(T0, 10, "b", LEASE) == [nudge]


async def test_times_come_back_in_utc_whatever_the_servers_zone(database_url: str) -> None:
    with psycopg.connect(database_url, autocommit=True) as admin:
        dbname = admin.info.dbname
        admin.execute(f"ALTER DATABASE \"{dbname}\" SET timezone = 'America/New_York'")
    options = "options=-c%20application_name%3Dmine"
    repo = PostgresRepository(f"{database_url}&{options}", max_size=2)
    await repo.open()
    try:
        await repo.save_interview(full_interview())
        loaded = await repo.interview(ALICE, "iv-full")
        assert loaded == full_interview()
        assert loaded is not None and loaded.when.tzinfo is UTC
        with psycopg.connect(database_url) as admin:  # the URL's own options were kept too
            names = admin.execute("SELECT application_name FROM pg_stat_activity").fetchall()
        assert ("mine",) in names
    finally:
        await repo.close()
