"""Moving a data folder into PostgreSQL: all arrives, twice changes nothing, errors say so.

The copy runs into a real database (tests/pg.py), and into a second TinyDB folder, since it
takes any Repository. `bot.py migrate-data` is run as its own process, as an operator would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
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
)
from followup.ops.lock import InstanceLock
from followup.store.migrate import CopyError, Counts, copy_data_dir
from followup.store.postgres import PostgresRepository
from followup.store.protocol import Repository
from followup.store.tinydb import Store, TinyRepository, shard_of
from tests.support import pg

REPO = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
LEASE = timedelta(minutes=5)
STATES = list(NudgeState)


@pytest.fixture
def database_url() -> Iterator[str]:
    """A fresh database on the test cluster."""
    with pg.fresh_database() as url:
        yield url


@pytest.fixture
async def postgres(database_url: str) -> AsyncIterator[PostgresRepository]:
    repo = PostgresRepository(database_url, max_size=2)
    await repo.open()
    yield repo
    await repo.close()


def fill(data_dir: Path, users: int) -> Counts:
    """A data folder of `users` users with a bit of everything; what a copy must count."""
    store = Store(data_dir)
    expected = Counts()
    for user in range(1, users + 1):
        expected.users += 1
        if user % 7 == 0:  # someone with only user_data: they never finished the welcome
            store.save_user_data(user, {"started": True})
            expected.user_data += 1
            continue
        store.save_settings(
            UserSettings(user, user, "Europe/Paris", paused=user % 5 == 0, tips=("a", "b"))
        )
        for n in range(user % 3 + 1):
            interview = Interview(
                id=f"iv{user}-{n}", user_id=user, company=f"Firm {n}",
                when=T0 - timedelta(days=n), created=T0 - timedelta(days=n, hours=1),
                rating=Rating.GOOD, decision_date=date(2026, 3, 20), outcome=Outcome.HEARD
                if n == 2 else None, chases=(T0,) if n else (),
            )  # fmt: skip
            store.save_interview(interview)
            expected.interviews += 1
            nudges = [
                Nudge(f"n{user}-{n}-{k}", user, user, interview.id, kind, T0 + timedelta(hours=k),
                      state=STATES[(user + k) % 4], attempts=k % 2,
                      sent_at=T0 if STATES[(user + k) % 4] is NudgeState.SENT else None)
                for k, kind in enumerate([NudgeKind.THANK_YOU, NudgeKind.CHASE])
            ]  # fmt: skip
            store.save_nudges(nudges)
            expected.nudges.update(nudge.state.value for nudge in nudges)
        if user % 4 == 0:
            store.save_conversation_state("debrief", (user, user), user % 9)
            store.save_conversation_state("heard", (user, user), "ASK")
            expected.conversations += 2
        if user % 3 == 0:
            store.save_user_data(user, {"draft": {"company": "Acme", "n": user}})
            expected.user_data += 1
    store.close()
    return expected


async def assert_same_as_folder(data_dir: Path, repo: Repository) -> None:
    """Every record of the folder, read through the repository, equals the folder's."""
    store = Store(data_dir)
    for user in store.user_ids():
        assert await repo.settings(user) == store.settings(user)
        assert await repo.interviews(user) == store.interviews(user)
        assert await repo.nudges(user) == store.nudges(user)
        assert await repo.user_data(user) == store.user_data(user)
    for name in ("debrief", "heard"):
        assert await repo.conversation_states(name) == store.conversation_states(name)
    store.close()


def table_contents(url: str) -> dict[str, list[tuple[Any, ...]]]:
    with psycopg.connect(url) as conn:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("users", "interviews", "nudges", "conversations", "user_data")
        }


async def test_everything_arrives_and_counts_match(
    tmp_path: Path, postgres: PostgresRepository, database_url: str
) -> None:
    expected = fill(tmp_path / "data", 60)
    counts = await copy_data_dir(tmp_path / "data", postgres, users_per_batch=25)
    assert counts == expected
    assert counts.nudges == Counter({s.value: counts.nudges[s.value] for s in NudgeState})
    await assert_same_as_folder(tmp_path / "data", postgres)
    assert await postgres.user_count() == 60  # everyone with a file, as the data folder counts
    # The queue works on the copy: paused users' nudges (every fifth user) wait.
    claimed = await postgres.claim_due(T0 + timedelta(hours=1), 10_000, "a", LEASE)
    assert claimed and all(nudge.user_id % 5 for nudge in claimed)
    before = table_contents(database_url)
    again = await copy_data_dir(tmp_path / "data", postgres, users_per_batch=7)
    assert again == expected
    assert table_contents(database_url) == before  # claims included: nothing changed


async def test_copies_into_any_repository(tmp_path: Path) -> None:
    expected = fill(tmp_path / "data", 30)
    target = TinyRepository(tmp_path / "copy")
    await target.open()
    try:
        assert await copy_data_dir(tmp_path / "data", target) == expected
        await assert_same_as_folder(tmp_path / "data", target)
        assert await target.pending_count() == expected.nudges["pending"]
    finally:
        await target.close()


async def test_an_empty_folder_copies_nothing(tmp_path: Path) -> None:
    target = TinyRepository(tmp_path / "copy")
    await target.open()
    assert await copy_data_dir(tmp_path / "nothing", target) == Counts()
    await target.close()


async def test_an_unreadable_user_file_stops_the_copy_naming_it(tmp_path: Path) -> None:
    fill(tmp_path / "data", 3)
    broken = tmp_path / "data" / "users" / shard_of(2) / "2.json"
    broken.write_text('{"settings": {"1": {"user_id": 2')
    target = TinyRepository(tmp_path / "copy")
    await target.open()
    with pytest.raises(CopyError, match=r"2\.json"):
        await copy_data_dir(tmp_path / "data", target)
    await target.close()


async def test_a_record_that_reads_back_different_is_reported(
    tmp_path: Path, postgres: PostgresRepository
) -> None:
    fill(tmp_path / "data", 3)
    original = postgres.save_interview

    async def lossy(interview: Interview) -> None:
        await original(replace(interview, company=interview.company.upper()))

    postgres.save_interview = lossy  # type: ignore[method-assign]
    with pytest.raises(CopyError, match="interview iv1-0 read back differs"):
        await copy_data_dir(tmp_path / "data", postgres)


# `bot.py migrate-data`, as its own process


def migrate_data(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "FOLLOWUP_DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "bot.py", "migrate-data", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**environment, **(env or {})},
        timeout=120,
        check=False,
    )


def test_the_command_copies_and_prints_one_line(tmp_path: Path, database_url: str) -> None:
    expected = fill(tmp_path / "data", 12)
    done = migrate_data("--from", str(tmp_path / "data"), "--to", database_url)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        f"copied {expected.summary()} into PostgreSQL; all read back and verified"
    ]
    assert "12 users, " in done.stdout
    before = table_contents(database_url)
    again = migrate_data(
        "--from", str(tmp_path / "data"), env={"FOLLOWUP_DATABASE_URL": database_url}
    )
    assert (again.returncode, again.stdout) == (0, done.stdout)
    assert table_contents(database_url) == before


def test_the_command_refuses_a_folder_in_use(tmp_path: Path, database_url: str) -> None:
    fill(tmp_path / "data", 2)
    with InstanceLock(tmp_path / "data"):
        done = migrate_data("--from", str(tmp_path / "data"), "--to", database_url)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "stop it first" in done.stderr


@pytest.mark.parametrize(
    ("to", "says"),
    [
        ("mysql://root:hunter2secret@db/x", "must be a postgresql://"),
        ("postgresql://me:hunter2secret@/x?host=/nonexistent", "No such file or directory"),
        ("postgresql://me:hunter2secret@/x?nonsense=1", "libpq can read"),
    ],
)
def test_the_command_fails_in_one_line_without_the_password(
    tmp_path: Path, to: str, says: str
) -> None:
    fill(tmp_path / "data", 2)
    done = migrate_data("--from", str(tmp_path / "data"), "--to", to)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("bot.py migrate-data: ") and done.stderr.count("\n") == 1
    assert says in done.stderr
    assert "hunter2secret" not in done.stderr


def test_the_command_without_a_target_says_so(tmp_path: Path) -> None:
    fill(tmp_path / "data", 1)
    done = migrate_data("--from", str(tmp_path / "data"))
    assert done.returncode == 2 and "--to is missing" in done.stderr
