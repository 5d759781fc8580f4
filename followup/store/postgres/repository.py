"""The Repository on PostgreSQL: for hosts that outgrow one machine or run a standby replica.

Tables (migrations/, applied by `open()` through schema.py): `users` (settings as columns, with
`paused` and `blocked` for the queue to skip), `interviews` and `nudges` (keyed by user and id,
enums as text, times as timestamptz, tuples as arrays), `conversations` (name, key as bigint[],
state as jsonb, owned by the key's last element) and `user_data` (jsonb). Every record hangs off
its user's row, so forgetting a user is one DELETE that cascades. A user's row is made by the
first record that needs it; its settings columns stay NULL until the settings are saved.

Pending nudges are the queue, shared by every replica on the database: `claim_due` is one
UPDATE over `SELECT … FOR UPDATE SKIP LOCKED`, so two senders claiming at once never get the
same nudge, and a claim is a time (`claimed_until`) that simply lapses if its sender dies.

Calls go through psycopg's async API and a connection pool, so the event loop never waits on the
database. Each call is one statement (atomic on its own); `writes_together()` runs the calls of
one task inside it on one connection, in one transaction. Sessions speak UTC, so times come
back aware and in UTC. No ORM: the SQL here and in statements.py is all there is.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import AsyncIterator, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from psycopg import AsyncConnection
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

from followup.core.calendar_feed import FeedLink, Sequences
from followup.core.model import Interview, Nudge, NudgeState, UserSettings, same_company
from followup.store.codec import as_utc, decode, encode
from followup.store.postgres.schema import migrate
from followup.store.postgres.statements import (
    CLAIM_DUE,
    DROP_CLAIMS,
    FEED_COLUMNS,
    MARK_NUDGE,
    NEXT_DUE,
    RELEASE,
    SAVE_CONVERSATION,
    SAVE_FEED_LINK,
    SAVE_FEED_SEQUENCES,
    SAVE_INTERVIEWS,
    SAVE_NUDGES,
    SAVE_SETTINGS,
    SAVE_USER_DATA,
    SELECT_INTERVIEW,
    SELECT_INTERVIEWS,
    SELECT_NUDGE,
    SELECT_NUDGES,
    SELECT_SETTINGS,
    Query,
)
from followup.store.protocol import ConversationKey

# Sessions speak UTC: times come back as datetime.UTC, whatever the server's own zone.
UTC_SESSION = "-c TimeZone=UTC"
CONNECT_TIMEOUT_SECONDS = 10


class PostgresRepository:
    """The Repository in a PostgreSQL database, shared safely by several processes."""

    def __init__(
        self, url: str, *, min_size: int = 1, max_size: int = 10, timeout: float = 30.0
    ) -> None:
        self._url = url
        self._timeout = timeout
        # Autocommit: each call is its own transaction unless writes_together() opens one.
        self._session = {"autocommit": True, "options": _with_utc(url)}
        self._pool = AsyncConnectionPool(
            url,
            min_size=min_size,
            max_size=max_size,
            kwargs=self._session,
            open=False,
            timeout=timeout,
            # A connection the server dropped (a restart, a failover) is replaced, not handed out.
            check=AsyncConnectionPool.check_connection,
            name="followup",
        )
        # Per repository and per task: the connection whose transaction writes_together() holds.
        # Tasks started inside the block inherit it and share the connection (psycopg runs their
        # statements one at a time), so their writes join the block, as with the TinyDB store.
        self._together: contextvars.ContextVar[AsyncConnection | None] = contextvars.ContextVar(
            f"together-{id(self)}", default=None
        )

    # lifecycle

    async def open(self) -> None:
        """Bring the schema up to date (on a connection of its own), then fill the pool."""
        conn = await AsyncConnection.connect(
            self._url,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_SECONDS,
            options=_with_utc(self._url),
        )
        async with conn:
            await migrate(conn)
        await self._pool.open(wait=True, timeout=self._timeout)

    async def close(self) -> None:
        await self._pool.close()

    @contextlib.asynccontextmanager
    async def writes_together(self) -> AsyncIterator[None]:
        """One transaction for this task's calls inside: committed at the end, or none of them."""
        if self._together.get() is not None:
            yield  # already inside: the outer block commits
            return
        async with self._pool.connection() as conn, conn.transaction():
            token = self._together.set(conn)
            try:
                yield
            finally:
                self._together.reset(token)

    # users

    async def settings(self, user_id: int) -> UserSettings | None:
        row = await self._one(SELECT_SETTINGS, [user_id])
        return decode(UserSettings, row) if row else None

    async def save_settings(self, settings: UserSettings) -> None:
        await self._run(SAVE_SETTINGS, [Jsonb(encode(settings))])

    async def user_count(self) -> int:
        # Everyone with a record, as TinyDB counts everyone with a file.
        row = await self._one("SELECT count(*) AS n FROM users")
        return int(row["n"]) if row else 0

    async def forget_user(self, user_id: int) -> None:
        await self._run("DELETE FROM users WHERE user_id = %s", [user_id])

    # interviews

    async def save_interview(self, interview: Interview) -> None:
        await self._run(SAVE_INTERVIEWS, [Jsonb([encode(interview)])])

    async def delete_interview(self, user_id: int, interview_id: str) -> None:
        await self._run(
            "WITH gone AS (DELETE FROM nudges WHERE user_id = %(user)s"
            " AND interview_id = %(interview)s)"
            " DELETE FROM interviews WHERE user_id = %(user)s AND id = %(interview)s",
            {"user": user_id, "interview": interview_id},
        )

    async def interview(self, user_id: int, interview_id: str) -> Interview | None:
        row = await self._one(SELECT_INTERVIEW, [user_id, interview_id])
        return decode(Interview, row) if row else None

    async def interviews(self, user_id: int) -> list[Interview]:
        return [decode(Interview, row) for row in await self._all(SELECT_INTERVIEWS, [user_id])]

    async def latest_with_company(self, user_id: int, company: str) -> Interview | None:
        # Compared in Python, exactly as the core compares names; a user has a few interviews.
        for interview in await self.interviews(user_id):
            if same_company(interview.company, company):
                return interview
        return None

    # nudges

    async def save_nudges(self, nudges: Iterable[Nudge]) -> None:
        # The last of several copies of one nudge wins (one statement can't write a row twice);
        # rows go in key order, so two batches sharing nudges lock them in the same order.
        batch = {(nudge.user_id, nudge.id): encode(nudge) for nudge in nudges}
        if batch:
            await self._run(SAVE_NUDGES, [Jsonb([batch[key] for key in sorted(batch)])])

    async def nudge(self, user_id: int, nudge_id: str) -> Nudge | None:
        row = await self._one(SELECT_NUDGE, [user_id, nudge_id])
        return decode(Nudge, row) if row else None

    async def nudges(self, user_id: int, interview_id: str | None = None) -> list[Nudge]:
        rows = await self._all(SELECT_NUDGES, {"user": user_id, "interview": interview_id})
        return [decode(Nudge, row) for row in rows]

    async def mark_nudge(
        self, user_id: int, nudge_id: str, state: NudgeState, at: datetime | None = None
    ) -> Nudge | None:
        sent_at = None if at is None else as_utc(at)
        params = {"state": state.value, "at": sent_at, "user": user_id, "id": nudge_id}
        row = await self._one(MARK_NUDGE, params)
        return decode(Nudge, row) if row else None

    # the queue

    async def claim_due(
        self, now: datetime, limit: int, owner: str, lease: timedelta
    ) -> list[Nudge]:
        params = {"owner": owner, "until": as_utc(now + lease), "now": as_utc(now), "limit": limit}
        claimed = [decode(Nudge, row) for row in await self._all(CLAIM_DUE, params)]
        return sorted(claimed, key=lambda nudge: (nudge.due, nudge.id))  # RETURNING has no order

    async def release(self, user_id: int, nudge_id: str, due: datetime) -> None:
        await self._run(RELEASE, {"due": as_utc(due), "user": user_id, "id": nudge_id})

    async def drop_claims(self) -> int:
        row = await self._one(DROP_CLAIMS)
        return int(row["n"]) if row else 0

    async def next_due(self) -> datetime | None:
        row = await self._one(NEXT_DUE)
        return row["min"] if row else None

    async def pending_count(self) -> int:
        row = await self._one("SELECT count(*) AS n FROM nudges WHERE state = 'pending'")
        return int(row["n"]) if row else 0

    # PTB persistence

    async def conversation_states(self, name: str) -> dict[ConversationKey, object]:
        rows = await self._all("SELECT key, state FROM conversations WHERE name = %s", [name])
        return {tuple(row["key"]): row["state"] for row in rows}

    async def save_conversation_state(
        self, name: str, key: ConversationKey, state: object | None
    ) -> None:
        if not key:
            raise ValueError("a conversation key needs at least one element")
        if state is None:
            await self._run(
                "DELETE FROM conversations WHERE name = %s AND key = %s::bigint[]",
                [name, list(key)],
            )
            return
        params = {"user": key[-1], "name": name, "key": list(key), "state": Jsonb(state)}
        await self._run(SAVE_CONVERSATION, params)

    async def user_data(self, user_id: int) -> dict[str, Any]:
        row = await self._one("SELECT data FROM user_data WHERE user_id = %s", [user_id])
        return dict(row["data"]) if row else {}

    async def all_user_data(self) -> dict[int, dict[str, Any]]:
        rows = await self._all("SELECT user_id, data FROM user_data WHERE data <> '{}'")
        return {row["user_id"]: row["data"] for row in rows}

    async def save_user_data(self, user_id: int, data: Mapping[str, Any]) -> None:
        await self._run(SAVE_USER_DATA, {"user": user_id, "data": Jsonb(dict(data))})

    async def drop_user_data(self, user_id: int) -> None:
        await self._run("DELETE FROM user_data WHERE user_id = %s", [user_id])

    # the calendar feed

    async def save_feed_link(self, user_id: int, link: FeedLink | None) -> None:
        if link is None:
            await self._run("DELETE FROM calendar_feeds WHERE user_id = %s", [user_id])
            return
        if link.user_id != user_id:
            raise ValueError("a feed link is saved for its own user")
        params = {
            "user": user_id,
            "link": link.link_id,
            "hash": link.token_hash,
            "created": as_utc(link.created),
            "sequences": Jsonb([list(entry) for entry in link.sequences]),
        }
        await self._run(SAVE_FEED_LINK, params)

    async def feed_link(self, user_id: int) -> FeedLink | None:
        row = await self._one(
            f"SELECT {FEED_COLUMNS} FROM calendar_feeds WHERE user_id = %s", [user_id]
        )
        return decode(FeedLink, row) if row else None

    async def feed_link_by_digest(self, token_hash: str) -> FeedLink | None:
        row = await self._one(
            f"SELECT {FEED_COLUMNS} FROM calendar_feeds WHERE token_hash = %s", [token_hash]
        )
        return decode(FeedLink, row) if row else None

    async def save_feed_sequences(self, user_id: int, link_id: str, sequences: Sequences) -> None:
        params = {
            "user": user_id,
            "link": link_id,
            "sequences": Jsonb([list(entry) for entry in sequences]),
        }
        await self._run(SAVE_FEED_SEQUENCES, params)

    # statements

    @contextlib.asynccontextmanager
    async def _connection(self) -> AsyncIterator[AsyncConnection]:
        """The task's writes_together() connection, else one from the pool for one statement."""
        held = self._together.get()
        if held is not None:
            yield held
            return
        async with self._pool.connection() as conn:
            yield conn

    async def _run(self, query: Query, params: Any = None) -> None:
        async with self._connection() as conn:
            await conn.execute(query, params)

    async def _all(self, query: Query, params: Any = None) -> list[dict[str, Any]]:
        async with self._connection() as conn, conn.cursor(row_factory=dict_row) as cursor:
            await cursor.execute(query, params)
            return await cursor.fetchall()

    async def _one(self, query: Query, params: Any = None) -> dict[str, Any] | None:
        rows = await self._all(query, params)
        return rows[0] if rows else None


def _with_utc(url: str) -> str:
    """The URL's own session options (if any), plus UTC."""
    given = conninfo_to_dict(url).get("options")
    return f"{given} {UTC_SESSION}" if given else UTC_SESSION
