"""One TinyDB file per user: opened on demand, each write one atomic file replacement.

Why one file per user (layout.py says where they lie): TinyDB keeps a whole file in memory and
rewrites all of it on every write, so with one file for everybody each message would cost time
proportional to every user's data. Per user, a write costs only that user's few kilobytes,
forgetting a user is deleting one file, and there is simply no call that reaches another user's
file: every access names the user and looks only there.

Open databases sit in an LRU (`max_open_users`) so memory stays bounded; an evicted user's
database is closed and read again from disk when needed.

Every write is one atomic file replacement (see storage.py): when it returns, the data is on
disk. Inside `writes_together()` the writes of one task are held instead, and each touched
user's file is replaced once at its end: an answer and its conversation state become one write.

Calls are synchronous and short. PTB runs handlers and jobs on one asyncio loop, so calls never
interleave and no locks are needed; do not call the store from other threads. One process per
data directory (followup/ops/lock.py makes sure of it): the storage trusts its copy in memory.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar, cast

from tinydb import TinyDB
from tinydb.table import Table

from followup.store.tinydb.layout import USERS_DIR, user_file, user_ids
from followup.store.tinydb.storage import AtomicJSONStorage, CorruptDataFile, fsync_dir

log = logging.getLogger(__name__)

_T = TypeVar("_T")


@dataclass
class _Together:
    """The users whose writes are being held, and the batches that hold them."""

    batches: contextlib.ExitStack
    users: set[int] = field(default_factory=set)


# Per task (a context variable, not an attribute): a nudge job running meanwhile on the same loop
# keeps writing at once, and tasks started inside the block (asyncio.gather) join it.
_together: contextvars.ContextVar[_Together | None] = contextvars.ContextVar(
    "together", default=None
)


class UserFiles:
    """Each user's TinyDB, opened when needed, written atomically, held together on request."""

    def __init__(self, data_dir: Path, max_open_users: int = 512) -> None:
        if max_open_users < 1:
            raise ValueError("max_open_users must be at least 1")
        self._users_dir = Path(data_dir) / USERS_DIR
        self._max_open = max_open_users
        self._open: OrderedDict[int, TinyDB] = OrderedDict()

    @contextlib.contextmanager
    def writes_together(self) -> Iterator[None]:
        """Hold the writes made inside, then replace each touched user's file once, durably.

        If anything inside raises, nothing held is written. Meant for a short run of writes
        (PTB's persistence flush after an update), not for one that forgets users.
        """
        if _together.get() is not None:
            yield  # already inside: the outer block writes
            return
        together = _Together(contextlib.ExitStack())
        token = _together.set(together)
        try:
            with together.batches:
                yield
        except BaseException:
            for user_id in together.users:
                self._evict(user_id)  # TinyDB's caches may describe what was not written
            raise
        finally:
            _together.reset(token)

    def close(self) -> None:
        """Close every open database; the store can still be used and reopens them on demand."""
        while self._open:
            _, db = self._open.popitem()
            db.close()

    def user_ids(self) -> list[int]:
        """Every user with a file, in ascending order."""
        return user_ids(self._users_dir)

    def forget_user(self, user_id: int) -> None:
        """Delete everything the bot knows about a user: their whole file."""
        together = _together.get()
        if together is not None and user_id in together.users:
            raise RuntimeError("a user with writes held by writes_together() can't be forgotten")
        self._evict(user_id)
        path = self._path(user_id)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            fsync_dir(path.parent)

    def _each_user(self, read: Callable[[int], _T]) -> Iterator[tuple[int, _T]]:
        """`read` for every user, skipping (and logging) a file that can't be read.

        One damaged file must not lock every other user out at start-up; the damaged file is left
        untouched for a human to look at, and its owner gets the error reply when they write.
        """
        for user_id in self.user_ids():
            try:
                yield user_id, read(user_id)
            except CorruptDataFile as error:
                log.error("skipping unreadable data file: %s", error)

    def _path(self, user_id: int) -> Path:
        """The user's file; the id is checked so nothing else can steer the path."""
        return user_file(self._users_dir, user_id)

    def _db(self, user_id: int) -> TinyDB:
        """The user's open database, opening it (and closing the least recently used) if needed."""
        db = self._open.get(user_id)
        if db is not None:
            self._open.move_to_end(user_id)
            return db
        db = TinyDB(self._path(user_id), storage=AtomicJSONStorage)
        self._open[user_id] = db
        if len(self._open) > self._max_open:
            together = _together.get()
            held = together.users if together is not None else set()
            # A database whose writes are held stays open until they are written.
            oldest = next((u for u in self._open if u not in held and u != user_id), None)
            if oldest is not None:
                self._open.pop(oldest).close()
        return db

    def _table(self, user_id: int, name: str) -> Table:
        """A table of the user's database."""
        return self._db(user_id).table(name)

    @contextlib.contextmanager
    def _writing(self, user_id: int) -> Iterator[TinyDB]:
        """Run several table changes as one atomic file write."""
        db = self._db(user_id)
        storage = cast(AtomicJSONStorage, db.storage)
        together = _together.get()
        if together is not None and user_id not in together.users:
            together.batches.enter_context(storage.batch())
            together.users.add(user_id)
        try:
            with storage.batch():
                yield db
        except BaseException:
            # TinyDB's query caches may describe the state that was just rolled back.
            self._evict(user_id)
            raise

    def _evict(self, user_id: int) -> None:
        """Close a user's database so the next access reads the file afresh."""
        db = self._open.pop(user_id, None)
        if db is not None:
            db.close()
