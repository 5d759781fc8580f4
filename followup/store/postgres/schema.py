"""The PostgreSQL schema's versions: numbered SQL files, applied in order under an advisory lock.

Each file in migrations/ is one version (`0002_queue.sql` is version 2). `schema_version` holds
one row per version applied. `migrate()` applies what is missing in one transaction, holding a
transaction-scoped advisory lock from before it reads the version: two replicas starting together
queue on the lock, and the second finds nothing left to do. PostgreSQL's DDL is transactional,
so a failing file leaves the schema as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from psycopg import AsyncConnection

# pg_advisory_xact_lock's key for schema changes: any fixed 64-bit number no other lock uses.
MIGRATION_LOCK_KEY = 0x466F6C6C6F775570  # "FollowUp"
LOCK_TIMEOUT_SECONDS = 30
_FILE = re.compile(r"(\d{4})_(\w+)\.sql")


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema version: its number, its file's name, and its SQL."""

    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every migration shipped with the package, by version."""
    found = []
    for entry in resources.files("followup.store.postgres").joinpath("migrations").iterdir():
        if match := _FILE.fullmatch(entry.name):
            found.append(Migration(int(match[1]), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda migration: migration.version)
    versions = [migration.version for migration in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1, 2, 3... without gaps: {versions}")
    return found


def latest_version() -> int:
    """The version the code expects the schema to be at."""
    return len(migrations())


async def migrate(conn: AsyncConnection, upto: int | None = None) -> list[int]:
    """Bring the schema to `upto` (default: the latest); the versions applied now."""
    wanted = [m for m in migrations() if upto is None or m.version <= upto]
    applied: list[int] = []
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK_KEY])
        # A change that waits behind a long transaction queues every query on its table: give
        # up (and fail the start) rather than stall the replicas that are serving.
        await conn.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_SECONDS}s'")
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version integer PRIMARY KEY, name text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        current = await schema_version(conn)
        if current > len(migrations()):
            raise RuntimeError(
                f"the database's schema is at version {current}, newer than this program's "
                f"{len(migrations())}: run the newer program, or restore a backup"
            )
        for migration in wanted:
            if migration.version <= current:
                continue
            # No parameters, so the file's statements go as one script (simple query protocol).
            await conn.execute(migration.sql.encode())
            await conn.execute(
                "INSERT INTO schema_version (version, name) VALUES (%s, %s)",
                [migration.version, migration.name],
            )
            applied.append(migration.version)
    return applied


async def schema_version(conn: AsyncConnection) -> int:
    """The newest version applied (0 for an empty database)."""
    cursor = await conn.execute("SELECT to_regclass('schema_version') IS NOT NULL")
    row = await cursor.fetchone()
    if row is None or not row[0]:
        return 0
    cursor = await conn.execute("SELECT coalesce(max(version), 0) FROM schema_version")
    row = await cursor.fetchone()
    return int(row[0]) if row else 0
