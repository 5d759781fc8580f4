"""Schema migrations on a real server: from empty, from the version before, and replicas racing."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from followup.core.model import Interview, Nudge, NudgeKind, UserSettings
from followup.store.postgres import PostgresRepository
from followup.store.postgres import schema as pg_schema
from followup.store.postgres.schema import (
    Migration,
    latest_version,
    migrate,
    migrations,
    schema_version,
)
from tests.support import pg

T0 = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
LEASE = timedelta(minutes=5)


@pytest.fixture
def database_url() -> Iterator[str]:
    """A fresh database on the test cluster."""
    with pg.fresh_database() as url:
        yield url


def versions(url: str) -> list[int]:
    with psycopg.connect(url) as conn:
        return [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY 1")]


def indexes(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")
        return {row[0] for row in rows}


def columns(url: str, table: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s", [table]
        )
        return {row[0] for row in rows}


def test_the_shipped_migrations_are_numbered_from_one_without_gaps() -> None:
    found = migrations()
    assert [m.version for m in found] == list(range(1, len(found) + 1))
    assert latest_version() >= 2
    assert found[0].name == "0001_initial.sql"


async def test_open_on_an_empty_database_builds_the_latest_schema(database_url: str) -> None:
    repo = PostgresRepository(database_url)
    await repo.open()
    await repo.close()
    assert versions(database_url) == list(range(1, latest_version() + 1))
    assert {"nudges_pending_due", "nudges_pending_claims"} <= indexes(database_url)
    assert "nudges_state_due" not in indexes(database_url)  # replaced by version 2
    assert {"claimed_by", "claimed_until", "attempts"} <= columns(database_url, "nudges")


async def test_opening_again_applies_nothing(database_url: str) -> None:
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        assert await migrate(conn) == list(range(1, latest_version() + 1))
        assert await migrate(conn) == []
        assert await schema_version(conn) == latest_version()


async def test_from_the_previous_version_data_survives_the_upgrade(database_url: str) -> None:
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        assert await migrate(conn, upto=1) == [1]
        assert "claimed_until" not in columns(database_url, "nudges")
        # What version 1 of the program wrote: its columns only.
        await conn.execute(
            "INSERT INTO users (user_id, chat_id, timezone, paused) VALUES (1, 1, 'UTC', false)"
        )
        await conn.execute(
            'INSERT INTO interviews (user_id, id, company, "when", created)'
            " VALUES (1, 'iv', 'Acme', %s, %s)",
            [T0, T0],
        )
        await conn.execute(
            "INSERT INTO nudges (user_id, id, chat_id, interview_id, kind, due, state)"
            " VALUES (1, 'n1', 1, 'iv', 'thank_you', %s, 'pending'),"
            "        (1, 'n0', 1, 'iv', 'check_in', %s, 'sent')",
            [T0, T0 - timedelta(hours=1)],
        )
    repo = PostgresRepository(database_url)
    await repo.open()
    try:
        assert versions(database_url) == list(range(1, latest_version() + 1))
        assert await repo.settings(1) == UserSettings(user_id=1, chat_id=1, timezone="UTC")
        assert await repo.interviews(1) == [
            Interview(id="iv", user_id=1, company="Acme", when=T0, created=T0)
        ]
        pending = Nudge("n1", 1, 1, "iv", NudgeKind.THANK_YOU, T0)
        assert await repo.nudge(1, "n1") == pending  # attempts: 0 by default
        assert len(await repo.nudges(1)) == 2
        assert await repo.claim_due(T0, 10, "a", LEASE) == [pending]
    finally:
        await repo.close()


async def test_replicas_starting_together_migrate_once(database_url: str) -> None:
    repos = [PostgresRepository(database_url, max_size=2) for _ in range(5)]
    await asyncio.gather(*(repo.open() for repo in repos))
    await asyncio.gather(*(repo.close() for repo in repos))
    assert versions(database_url) == list(range(1, latest_version() + 1))


async def test_a_failing_migration_leaves_the_schema_as_it_was(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = migrations()
    broken = Migration(
        len(shipped) + 1, "9999_broken.sql", "ALTER TABLE nudges ADD COLUMN extra int; SELECT 1/0;"
    )
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        await migrate(conn, upto=1)
        monkeypatch.setattr(pg_schema, "migrations", lambda: [*shipped, broken])
        with pytest.raises(psycopg.errors.DivisionByZero):
            await migrate(conn)
        assert await schema_version(conn) == 1  # version 2 went back with the broken one
    assert "extra" not in columns(database_url, "nudges")
    assert "claimed_until" not in columns(database_url, "nudges")


async def test_a_schema_newer_than_the_program_is_refused(database_url: str) -> None:
    repo = PostgresRepository(database_url)
    await repo.open()
    await repo.close()
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version (version, name) VALUES (99, '0099_future.sql')")
    with pytest.raises(RuntimeError, match="newer than this program"):
        await PostgresRepository(database_url).open()


async def test_a_migration_stuck_behind_a_long_transaction_gives_up(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pg_schema, "LOCK_TIMEOUT_SECONDS", 1)
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        await migrate(conn, upto=1)
        with psycopg.connect(database_url) as reader:  # a transaction left open on nudges
            reader.execute("SELECT count(*) FROM nudges")
            with pytest.raises(psycopg.errors.LockNotAvailable):
                await migrate(conn)
        assert await schema_version(conn) == 1
        assert await migrate(conn) == list(range(2, latest_version() + 1))  # the reader gone
