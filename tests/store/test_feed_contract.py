"""The Repository contract for calendar links, on TinyDB, PostgreSQL and the in-memory store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from followup.core.calendar_feed import FeedLink, new_token, token_digest
from followup.core.model import new_id
from followup.store.postgres import PostgresRepository
from followup.store.protocol import Repository
from followup.store.tinydb import TinyRepository
from tests.store.test_store_contract import ALICE, BOB, T0, settings_of
from tests.store.test_store_contract import database_url as database_url
from tests.store.test_store_contract import repo as repo
from tests.support.memory import MemoryRepository


def link_of(user_id: int = ALICE) -> tuple[FeedLink, str]:
    token = new_token()
    return FeedLink(user_id, new_id(), token_digest(token), T0), token


async def test_a_link_is_found_by_its_digest_and_by_its_user(repo: Repository) -> None:
    await repo.save_settings(settings_of(ALICE))
    link, token = link_of()
    assert await repo.feed_link(ALICE) is None
    await repo.save_feed_link(ALICE, link)
    assert await repo.feed_link(ALICE) == link
    assert await repo.feed_link_by_digest(token_digest(token)) == link
    assert await repo.feed_link_by_digest(token_digest(new_token())) is None


async def test_a_new_link_replaces_the_old_one(repo: Repository) -> None:
    old, old_token = link_of()
    await repo.save_feed_link(ALICE, old)
    new, new_token_ = link_of()
    await repo.save_feed_link(ALICE, new)
    assert await repo.feed_link_by_digest(token_digest(old_token)) is None
    assert await repo.feed_link_by_digest(token_digest(new_token_)) == new
    await repo.save_feed_link(ALICE, None)
    assert await repo.feed_link(ALICE) is None
    assert await repo.feed_link_by_digest(token_digest(new_token_)) is None


async def test_links_of_two_users_stay_apart(repo: Repository) -> None:
    alice, alice_token = link_of(ALICE)
    bob, bob_token = link_of(BOB)
    await repo.save_feed_link(ALICE, alice)
    await repo.save_feed_link(BOB, bob)
    assert await repo.feed_link_by_digest(token_digest(alice_token)) == alice
    assert await repo.feed_link_by_digest(token_digest(bob_token)) == bob
    with pytest.raises(ValueError):
        await repo.save_feed_link(ALICE, bob)


async def test_forgetting_a_user_removes_their_link(repo: Repository) -> None:
    await repo.save_settings(settings_of(ALICE))
    link, token = link_of()
    await repo.save_feed_link(ALICE, link)
    await repo.forget_user(ALICE)
    assert await repo.feed_link(ALICE) is None
    assert await repo.feed_link_by_digest(token_digest(token)) is None


async def test_the_ledger_is_kept_only_for_the_live_link(repo: Repository) -> None:
    link, _ = link_of()
    await repo.save_feed_link(ALICE, link)
    ledger = (("interview-a@x", "f00d", 2), ("chase-0-a@x", "beef", 0))
    await repo.save_feed_sequences(ALICE, link.link_id, ledger)
    assert await repo.feed_link(ALICE) == replace(link, sequences=ledger)
    await repo.save_feed_sequences(ALICE, "an-old-link", (("x@x", "0", 9),))
    assert (await repo.feed_link(ALICE)) == replace(link, sequences=ledger)
    await repo.save_feed_sequences(BOB, link.link_id, ledger)  # no link: nothing is made
    assert await repo.feed_link(BOB) is None


async def test_links_are_there_after_reopening(repo: Repository, tmp_path: Path) -> None:
    if isinstance(repo, MemoryRepository):
        pytest.skip("nothing outlives a repository in memory")
    link, token = link_of()
    await repo.save_feed_link(ALICE, link)
    await repo.close()
    again: Repository
    if isinstance(repo, TinyRepository):
        again = TinyRepository(tmp_path / "data")
    else:
        assert isinstance(repo, PostgresRepository)
        again = PostgresRepository(repo._url, max_size=2)
    await again.open()
    try:
        assert await again.feed_link_by_digest(token_digest(token)) == link
    finally:
        await again.close()
