"""The Repository on PostgreSQL: for hosts that outgrow one machine or run a standby replica.

Tables (followup/store/migrations/, applied by `open()`): `users` (settings as columns, with
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
back aware and in UTC. No ORM: the SQL below is all there is.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import AsyncIterator, Iterable, Mapping
from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Any, LiteralString

from psycopg import AsyncConnection, sql
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

from followup.core.model import (
    Interview,
    Nudge,
    NudgeKind,
    NudgeState,
    Outcome,
    Rating,
    UserSettings,
    same_company,
)
from followup.store.pg_schema import migrate
from followup.store.protocol import ConversationKey

Query = LiteralString | bytes


def _rendered(query: sql.Composed) -> bytes:
    """A composed statement as the bytes sent to the server, built once at import.

    psycopg would otherwise compose it again on every call: a fifth of its time per statement.
    """
    return query.as_bytes(None)


# Sessions speak UTC: times come back as datetime.UTC, whatever the server's own zone.
UTC_SESSION = "-c TimeZone=UTC"
CONNECT_TIMEOUT_SECONDS = 10


def _columns(cls: type) -> sql.Composable:
    """A model's fields as a column list (quoted: `when` is an SQL keyword)."""
    return sql.SQL(", ").join(sql.Identifier(field.name) for field in fields(cls))


def _updates(cls: type, key: tuple[str, ...]) -> sql.Composable:
    """`col = EXCLUDED.col` for every non-key field: an upsert replaces the whole record."""
    return sql.SQL(", ").join(
        sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(field.name))
        for field in fields(cls)
        if field.name not in key
    )


def _upsert_records(table: str, cls: type, tail: str = "") -> sql.Composed:
    """Insert or replace a batch of records, given as one JSON array, in one statement.

    `known` first gives each record's user a row (the foreign key needs it).
    """
    return sql.SQL(
        "WITH batch AS (SELECT * FROM jsonb_populate_recordset(NULL::{table}, %s)),"
        " known AS (INSERT INTO users (user_id) SELECT DISTINCT user_id FROM batch"
        " ON CONFLICT DO NOTHING)"
        " INSERT INTO {table} ({cols}) SELECT {cols} FROM batch"
        " ON CONFLICT (user_id, id) DO UPDATE SET {updates}" + tail
    ).format(
        table=sql.Identifier(table),
        cols=_columns(cls),
        updates=_updates(cls, ("user_id", "id")),
    )


SETTINGS = _columns(UserSettings)
INTERVIEWS = _columns(Interview)
NUDGES = _columns(Nudge)

# A users row without a time zone is a user known only by other records, not yet met.
SELECT_SETTINGS = _rendered(
    sql.SQL("SELECT {} FROM users WHERE user_id = %s AND timezone IS NOT NULL").format(SETTINGS)
)
SAVE_SETTINGS = _rendered(
    sql.SQL(
        "INSERT INTO users ({cols}) SELECT {cols} FROM jsonb_populate_record(NULL::users, %s)"
        " ON CONFLICT (user_id) DO UPDATE SET {updates}"
    ).format(cols=SETTINGS, updates=_updates(UserSettings, ("user_id",)))
)

SAVE_INTERVIEWS = _rendered(_upsert_records("interviews", Interview))
# Ids compare as in Python (COLLATE "C"), so both backends order ties the same way.
SELECT_INTERVIEWS = _rendered(
    sql.SQL(
        "SELECT {} FROM interviews WHERE user_id = %s"
        ' ORDER BY "when" DESC, created DESC, id COLLATE "C" DESC'
    ).format(INTERVIEWS)
)
SELECT_INTERVIEW = _rendered(
    sql.SQL("SELECT {} FROM interviews WHERE user_id = %s AND id = %s").format(INTERVIEWS)
)

# A nudge saved as anything but pending lets go of its claim; re-saved pending, it keeps it.
SAVE_NUDGES = _rendered(
    _upsert_records(
        "nudges",
        Nudge,
        ", claimed_by = CASE WHEN EXCLUDED.state = 'pending' THEN nudges.claimed_by END,"
        " claimed_until = CASE WHEN EXCLUDED.state = 'pending' THEN nudges.claimed_until END",
    )
)
SELECT_NUDGE = _rendered(
    sql.SQL("SELECT {} FROM nudges WHERE user_id = %s AND id = %s").format(NUDGES)
)
SELECT_NUDGES = _rendered(
    sql.SQL(
        "SELECT {} FROM nudges WHERE user_id = %(user)s"
        " AND (%(interview)s::text IS NULL OR interview_id = %(interview)s)"
        ' ORDER BY due, id COLLATE "C"'
    ).format(NUDGES)
)
MARK_NUDGE = _rendered(
    sql.SQL(
        "UPDATE nudges SET state = %(state)s, sent_at = coalesce(%(at)s::timestamptz, sent_at),"
        " claimed_by = NULL, claimed_until = NULL"
        " WHERE user_id = %(user)s AND id = %(id)s RETURNING {}"
    ).format(NUDGES)
)

CLAIM_DUE = _rendered(
    sql.SQL(
        "UPDATE nudges SET claimed_by = %(owner)s, claimed_until = %(until)s"
        " WHERE (user_id, id) IN ("
        "  SELECT n.user_id, n.id FROM nudges n JOIN users u USING (user_id)"
        "  WHERE n.state = 'pending' AND n.due <= %(now)s"
        "   AND (n.claimed_until IS NULL OR n.claimed_until <= %(now)s)"
        "   AND NOT u.paused AND NOT u.blocked"
        '  ORDER BY n.due, n.id COLLATE "C" LIMIT %(limit)s'
        "  FOR UPDATE OF n SKIP LOCKED)"
        " RETURNING {}"
    ).format(NUDGES)
)
DROP_CLAIMS = (
    "WITH dropped AS (UPDATE nudges SET claimed_by = NULL, claimed_until = NULL"
    " WHERE claimed_until IS NOT NULL RETURNING 1) SELECT count(*) AS n FROM dropped"
)
RELEASE = (
    "UPDATE nudges SET due = %(due)s, attempts = attempts + 1,"
    " claimed_by = NULL, claimed_until = NULL"
    " WHERE user_id = %(user)s AND id = %(id)s AND state = 'pending'"
)
# A claimable nudge is due at its due time, or when its claim lapses if that is later. Two
# index walks instead of one min() over every pending row: the soonest unclaimed (or claimed
# no later than due) by due, and the soonest whose claim outlasts its due time by claimed_until.
NEXT_DUE = (
    "SELECT min(t) FROM ("
    " (SELECT n.due AS t FROM nudges n JOIN users u USING (user_id)"
    "  WHERE n.state = 'pending' AND (n.claimed_until IS NULL OR n.claimed_until <= n.due)"
    "   AND NOT u.paused AND NOT u.blocked"
    "  ORDER BY n.due LIMIT 1)"
    " UNION ALL"
    " (SELECT n.claimed_until FROM nudges n JOIN users u USING (user_id)"
    "  WHERE n.state = 'pending' AND n.claimed_until IS NOT NULL AND n.claimed_until > n.due"
    "   AND NOT u.paused AND NOT u.blocked"
    "  ORDER BY n.claimed_until LIMIT 1)"
    ") soonest"
)

SAVE_CONVERSATION = (
    "WITH known AS (INSERT INTO users (user_id) VALUES (%(user)s) ON CONFLICT DO NOTHING)"
    " INSERT INTO conversations (name, key, user_id, state)"
    " VALUES (%(name)s, %(key)s::bigint[], %(user)s, %(state)s)"
    " ON CONFLICT (name, key) DO UPDATE SET state = EXCLUDED.state"
)
SAVE_USER_DATA = (
    "WITH known AS (INSERT INTO users (user_id) VALUES (%(user)s) ON CONFLICT DO NOTHING)"
    " INSERT INTO user_data (user_id, data) VALUES (%(user)s, %(data)s)"
    " ON CONFLICT (user_id) DO UPDATE SET data = EXCLUDED.data"
)


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
        return _settings(row) if row else None

    async def save_settings(self, settings: UserSettings) -> None:
        await self._run(SAVE_SETTINGS, [Jsonb(_record(settings))])

    async def user_count(self) -> int:
        # Everyone with a record, as TinyDB counts everyone with a file.
        row = await self._one("SELECT count(*) AS n FROM users")
        return int(row["n"]) if row else 0

    async def forget_user(self, user_id: int) -> None:
        await self._run("DELETE FROM users WHERE user_id = %s", [user_id])

    # interviews

    async def save_interview(self, interview: Interview) -> None:
        await self._run(SAVE_INTERVIEWS, [Jsonb([_record(interview)])])

    async def delete_interview(self, user_id: int, interview_id: str) -> None:
        await self._run(
            "WITH gone AS (DELETE FROM nudges WHERE user_id = %(user)s"
            " AND interview_id = %(interview)s)"
            " DELETE FROM interviews WHERE user_id = %(user)s AND id = %(interview)s",
            {"user": user_id, "interview": interview_id},
        )

    async def interview(self, user_id: int, interview_id: str) -> Interview | None:
        row = await self._one(SELECT_INTERVIEW, [user_id, interview_id])
        return _interview(row) if row else None

    async def interviews(self, user_id: int) -> list[Interview]:
        return [_interview(row) for row in await self._all(SELECT_INTERVIEWS, [user_id])]

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
        batch = {(nudge.user_id, nudge.id): _record(nudge) for nudge in nudges}
        if batch:
            await self._run(SAVE_NUDGES, [Jsonb([batch[key] for key in sorted(batch)])])

    async def nudge(self, user_id: int, nudge_id: str) -> Nudge | None:
        row = await self._one(SELECT_NUDGE, [user_id, nudge_id])
        return _nudge(row) if row else None

    async def nudges(self, user_id: int, interview_id: str | None = None) -> list[Nudge]:
        rows = await self._all(SELECT_NUDGES, {"user": user_id, "interview": interview_id})
        return [_nudge(row) for row in rows]

    async def mark_nudge(
        self, user_id: int, nudge_id: str, state: NudgeState, at: datetime | None = None
    ) -> Nudge | None:
        params = {"state": state.value, "at": _utc(at), "user": user_id, "id": nudge_id}
        row = await self._one(MARK_NUDGE, params)
        return _nudge(row) if row else None

    # the queue

    async def claim_due(
        self, now: datetime, limit: int, owner: str, lease: timedelta
    ) -> list[Nudge]:
        params = {"owner": owner, "until": _utc(now + lease), "now": _utc(now), "limit": limit}
        claimed = [_nudge(row) for row in await self._all(CLAIM_DUE, params)]
        return sorted(claimed, key=lambda nudge: (nudge.due, nudge.id))  # RETURNING has no order

    async def release(self, user_id: int, nudge_id: str, due: datetime) -> None:
        await self._run(RELEASE, {"due": _utc(due), "user": user_id, "id": nudge_id})

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


# Model objects <-> rows. Writes go as JSON records (times in ISO 8601 with their offset, read
# back exactly by timestamptz); reads come back typed by psycopg and only need the enums and
# tuples restored.


def _record(obj: object) -> dict[str, Any]:
    """A model object as a JSON record whose keys are the table's columns."""
    return {field.name: _json(getattr(obj, field.name)) for field in fields(obj)}  # type: ignore[arg-type]


def _json(value: object) -> object:
    if isinstance(value, datetime):
        return _aware(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_json(item) for item in value]
    return value


def _utc(value: datetime | None) -> datetime | None:
    """An aware time in UTC (None stays None)."""
    return None if value is None else _aware(value)


def _aware(value: datetime) -> datetime:
    """An aware time in UTC; a naive one is refused, as by the TinyDB store."""
    if value.utcoffset() is None:
        raise ValueError(f"naive datetime {value!r}: the store keeps timezone-aware times only")
    return value.astimezone(UTC)


def _settings(row: dict[str, Any]) -> UserSettings:
    return UserSettings(**{**row, "tips": tuple(row["tips"])})


def _interview(row: dict[str, Any]) -> Interview:
    rating, outcome = row["rating"], row["outcome"]
    return Interview(
        **{
            **row,
            "chases": tuple(row["chases"]),
            "rating": None if rating is None else Rating(rating),
            "outcome": None if outcome is None else Outcome(outcome),
        }
    )


def _nudge(row: dict[str, Any]) -> Nudge:
    return Nudge(**{**row, "kind": NudgeKind(row["kind"]), "state": NudgeState(row["state"])})
