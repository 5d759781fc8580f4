"""Every end-to-end test runs twice: on TinyDB files and on a PostgreSQL database of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import pg
from tests.support.stores import POSTGRESQL, TINYDB, Backend


@pytest.fixture(params=[TINYDB, POSTGRESQL])
def backend(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[Backend]:
    """The bot's store; the PostgreSQL half is skipped where the machine has no server."""
    if request.param == TINYDB:
        yield Backend(data_dir)
        return
    with pg.fresh_database() as url:
        yield Backend(data_dir, database_url=url)
