"""Which replica is active: a PostgreSQL advisory lock held on a connection of its own.

Several replicas may run against one database; the one holding the lock is active, the others
stand by and try again every few seconds. The lock belongs to a session, so it goes with the
connection: a process that dies (kill -9, a lost machine) drops its connection and the server
releases the lock; a standby's next try takes it. The connection is not from the store's pool,
because a pooled connection is handed to other work and closed at will.

When a machine vanishes without closing its sockets, the server only learns of it through TCP
keepalives; they are set short on this session (about 6 s), so its lock is let go soon after.
A standby that cannot reach the database simply stays a standby.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging

import psycopg
from psycopg import AsyncConnection

log = logging.getLogger(__name__)

DEFAULT_KEY = 0x466F6C6C6F774163  # "FollowAc": one active bot per database
CONNECT_TIMEOUT_SECONDS = 5
# Server side: probe an idle client after 3 s, every 1 s, give up after 3 misses.
KEEPALIVES = "-c tcp_keepalives_idle=3 -c tcp_keepalives_interval=1 -c tcp_keepalives_count=3"
HELD = (
    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
    " AND pid = pg_backend_pid() AND classid::bigint = %s AND objid::bigint = %s"
    " AND objsubid = 1)"
)


def lock_key(name: str) -> int:
    """A stable 64-bit lock key for a name (e.g. one per bot sharing a database)."""
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class ActiveLock:
    """`try_acquire()` to become active, `still_held()` to check, `release()` to step down."""

    def __init__(self, url: str, key: int = DEFAULT_KEY, check_timeout: float = 5.0) -> None:
        self._url = url
        self.key = key
        self._check_timeout = check_timeout
        self._conn: AsyncConnection | None = None
        self._held = False

    async def try_acquire(self) -> bool:
        """Take the lock if nobody holds it; True if this process holds it now."""
        if self._held and await self.still_held():
            return True
        try:
            conn = await self._connection()
            cursor = await asyncio.wait_for(
                conn.execute("SELECT pg_try_advisory_lock(%s)", [self.key]), self._check_timeout
            )
            row = await cursor.fetchone()
        except (psycopg.Error, TimeoutError) as error:
            log.warning("active lock: the database can't be asked: %s", _one_line(error))
            await self._drop()
            return False
        self._held = bool(row and row[0])
        return self._held

    async def still_held(self) -> bool:
        """Whether the lock is still ours: False once its connection is gone or won't answer."""
        if not self._held or self._conn is None or self._conn.closed:
            self._held = False
            return False
        high, low = (self.key >> 32) & 0xFFFFFFFF, self.key & 0xFFFFFFFF
        try:
            cursor = await asyncio.wait_for(
                self._conn.execute(HELD, [high, low]), self._check_timeout
            )
            row = await cursor.fetchone()
        except (psycopg.Error, TimeoutError) as error:
            log.warning("active lock lost: %s", _one_line(error))
            row = None
        if not (row and row[0]):
            # Not sure it is ours any more: close the session so it surely is not.
            await self._drop()
        return self._held

    async def release(self) -> None:
        """Let go of the lock (and its connection), so a standby can take over at once."""
        if self._held and self._conn is not None and not self._conn.closed:
            with contextlib.suppress(psycopg.Error):
                await self._conn.execute("SELECT pg_advisory_unlock(%s)", [self.key])
        await self._drop()

    async def _connection(self) -> AsyncConnection:
        """The lock's own connection, kept between tries (a standby asks every few seconds)."""
        if self._conn is None or self._conn.closed:
            self._conn = await AsyncConnection.connect(
                self._url,
                autocommit=True,
                connect_timeout=CONNECT_TIMEOUT_SECONDS,
                options=KEEPALIVES,
                application_name="followup-active-lock",
            )
        return self._conn

    async def _drop(self) -> None:
        self._held = False
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(psycopg.Error, OSError):
                await conn.close()


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
