"""Every end-to-end test runs twice: on TinyDB files and on PostgreSQL.

The PostgreSQL half shares one database per test run, its schema migrated by the first bot, and
empties its tables before each test: much cheaper than a new database each time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.support import pg
from tests.support.stores import POSTGRESQL, TINYDB, Backend

SCHEMA_VERSIONS = "schema_version"  # kept: the schema itself stays as migrated


@pytest.fixture(scope="session")
def e2e_database() -> Iterator[str]:
    """The end-to-end tests' database (skips them where the machine has no PostgreSQL server)."""
    with pg.fresh_database() as url:
        yield url


def emptied(url: str) -> str:
    """Remove every row a test may have left, keeping the schema."""
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                " AND tablename <> %s",
                [SCHEMA_VERSIONS],
            )
        ]
        if tables:
            conn.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    return url


@pytest.fixture(params=[TINYDB, POSTGRESQL])
def backend(request: pytest.FixtureRequest, data_dir: Path) -> Backend:
    """The bot's store for one test: TinyDB files in its data folder, or the emptied database."""
    if request.param == TINYDB:
        return Backend(data_dir)
    return Backend(data_dir, database_url=emptied(request.getfixturevalue("e2e_database")))
