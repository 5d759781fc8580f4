"""Copy a TinyDB data folder into any Repository (PostgreSQL, in practice), and check the copy.

`python bot.py migrate-data --from ./data --to postgresql://…` runs it. Every user's settings,
interviews, nudges (sent ones too: they are the history /status and the planner read), open
conversation states and user_data are written by id, so running it twice changes nothing, and a
run cut short is finished by running it again. After each batch of users everything written is
read back and compared with the source, and the counts printed at the end are of records read
back. An unreadable user file stops the copy (naming the file) rather than leave anyone behind.

Run it with the bot stopped: the data folder's lock is taken, so a bot still running on it is
reported instead of being copied mid-change.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from followup.core.model import Interview, Nudge, UserSettings
from followup.ops.lock import AlreadyRunning, InstanceLock
from followup.store.protocol import ConversationKey, Repository
from followup.store.tinydb import USERS_DIR, CorruptDataFile, Store

USERS_PER_BATCH = 200  # one transaction each: few commits, yet a bounded amount in memory


class CopyError(Exception):
    """The copy can't be made or doesn't read back as written; one line for the operator."""


@dataclass
class Counts:
    """What was copied and read back."""

    users: int = 0
    interviews: int = 0
    nudges: Counter[str] = field(default_factory=Counter)  # by state
    conversations: int = 0
    user_data: int = 0

    def summary(self) -> str:
        """One line: "3 users, 5 interviews, 12 nudges (4 pending, 8 sent), …"."""
        states = ", ".join(f"{n} {state}" for state, n in sorted(self.nudges.items()))
        nudges = f"{sum(self.nudges.values())} nudges" + (f" ({states})" if states else "")
        return (
            f"{self.users} users, {self.interviews} interviews, {nudges}, "
            f"{self.conversations} conversation states, {self.user_data} users' user_data"
        )


@dataclass
class _User:
    """One user's records as read from their file."""

    user_id: int
    settings: UserSettings | None
    interviews: list[Interview]
    nudges: list[Nudge]
    user_data: dict[str, Any]
    conversations: list[str]  # names of the conversations they are in


async def copy_data_dir(
    data_dir: Path, repository: Repository, users_per_batch: int = USERS_PER_BATCH
) -> Counts:
    """Copy every user of a TinyDB data folder into an opened repository; the counts read back.

    The folder is read with the (synchronous) Store: a one-off copy, so short blocking reads
    are fine here.
    """
    store = Store(data_dir)
    counts = Counts()
    names: set[str] = set()
    try:
        user_ids = store.user_ids()
        for start in range(0, len(user_ids), users_per_batch):
            batch = [_read(store, user_id) for user_id in user_ids[start : start + users_per_batch]]
            async with repository.writes_together():
                for user in batch:
                    await _write(repository, user)
            for user in batch:
                await _verify(repository, user, counts)
                names.update(user.conversations)
        for name in sorted(names):
            states = store.conversation_states(name)
            for key, state in states.items():
                await repository.save_conversation_state(name, key, state)
            copied = await repository.conversation_states(name)
            counts.conversations += _verify_states(name, states, copied)
    finally:
        store.close()
    return counts


def _read(store: Store, user_id: int) -> _User:
    try:
        return _User(
            user_id,
            store.settings(user_id),
            store.interviews(user_id),
            store.nudges(user_id),
            store.user_data(user_id),
            store.open_conversations(user_id),
        )
    except CorruptDataFile as error:
        raise CopyError(f"can't read a user's file, nothing after it was copied: {error}") from None


async def _write(repository: Repository, user: _User) -> None:
    if user.settings is not None:
        await repository.save_settings(user.settings)
    for interview in user.interviews:
        await repository.save_interview(interview)
    await repository.save_nudges(user.nudges)
    if user.user_data:
        await repository.save_user_data(user.user_id, user.user_data)


async def _verify(repository: Repository, user: _User, counts: Counts) -> None:
    """Read the user's records back; each must be there, equal to the source."""
    where = f"user {user.user_id}"
    if user.settings is not None and await repository.settings(user.user_id) != user.settings:
        raise CopyError(f"{where}: settings read back differ from the data folder's")
    _same(where, "interview", user.interviews, await repository.interviews(user.user_id))
    _same(where, "nudge", user.nudges, await repository.nudges(user.user_id))
    if user.user_data and await repository.user_data(user.user_id) != user.user_data:
        raise CopyError(f"{where}: user_data read back differs from the data folder's")
    counts.users += 1
    counts.interviews += len(user.interviews)
    counts.nudges.update(nudge.state.value for nudge in user.nudges)
    counts.user_data += bool(user.user_data)


def _same(where: str, what: str, source: Sequence[Any], copied: Sequence[Any]) -> None:
    """Every source record (model objects with an `id`) is among those read back, unchanged."""
    found = {record.id: record for record in copied}
    for record in source:
        if found.get(record.id) != record:
            raise CopyError(f"{where}: {what} {record.id} read back differs from the data folder's")


def _verify_states(
    name: str, source: Mapping[ConversationKey, object], copied: Mapping[ConversationKey, object]
) -> int:
    for key, state in source.items():
        if copied.get(key) != state:
            raise CopyError(f"conversation {name} {key}: state read back differs")
    return len(source)


# `bot.py migrate-data`


def main(argv: Sequence[str], environ: Mapping[str, str]) -> int:
    """Copy a data folder into PostgreSQL: exit 0 and one summary line, or 2 and one line."""
    import psycopg

    from followup.ops.logsetup import redact
    from followup.ops.setting_checks import SettingsError, check_database_url, database_passwords

    parser = argparse.ArgumentParser(
        prog="bot.py migrate-data",
        description="Copy a data folder's users into PostgreSQL (safe to run again).",
    )
    parser.add_argument("--from", dest="source", default="./data", help="data folder (./data)")
    parser.add_argument(
        "--to", dest="url", help="postgresql://user:password@host/db [FOLLOWUP_DATABASE_URL]"
    )
    args = parser.parse_args(list(argv))
    url = args.url or environ.get("FOLLOWUP_DATABASE_URL")
    secrets = database_passwords(url) if url else []
    try:
        if not url:
            raise CopyError("--to is missing: the postgresql:// URL to copy into")
        check_database_url(url, "--to" if args.url else "FOLLOWUP_DATABASE_URL")
        counts = asyncio.run(_copy_into_postgres(Path(args.source), url))
    except (CopyError, SettingsError, AlreadyRunning, OSError, RuntimeError, psycopg.Error) as e:
        line = " ".join(str(e).split()) or type(e).__name__
        print(f"bot.py migrate-data: {redact(line, secrets)}", file=sys.stderr, flush=True)
        return 2
    print(f"copied {counts.summary()} into PostgreSQL; all read back and verified", flush=True)
    return 0


async def _copy_into_postgres(data_dir: Path, url: str) -> Counts:
    from followup.store.postgres import PostgresRepository

    if not (data_dir / USERS_DIR).is_dir():
        raise CopyError(f"{data_dir} holds no users/ folder: is it the bot's data folder?")
    lock = InstanceLock(data_dir)
    with contextlib.suppress(OSError):  # a read-only copy has no bot running on it
        lock.acquire()
    try:
        repository = PostgresRepository(url, max_size=2)
        await repository.open()
        try:
            return await copy_data_dir(data_dir, repository)
        finally:
            await repository.close()
    finally:
        lock.release()
