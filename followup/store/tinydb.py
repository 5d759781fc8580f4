"""The repository: the only module that talks to TinyDB, taking and returning model objects.

Layout on disk, one TinyDB file per user:

    <data_dir>/users/<shard>/<user_id>.json        shard = f"{abs(user_id) % 1000:03d}"

Why one file per user: TinyDB keeps a whole file in memory and rewrites all of it on every write,
so with one file for everybody each message would cost time proportional to every user's data.
Per user, a write costs only that user's few kilobytes, forgetting a user is deleting one file, and
there is simply no call that reaches another user's file: every method takes the user id and
looks only there. The shard directories keep any one directory small (users / 1000 entries).

Tables inside a user's file:

    settings       one document: UserSettings
    interviews     Interview documents, found by their `id` field
    nudges         Nudge documents, found by their `id` field
    conversations  PTB conversation states {"name", "key", "state"} whose key ends with this user
    user_data      one document: PTB's user_data for this user

Open databases sit in an LRU (`max_open_users`) so memory stays bounded; an evicted user's
database is closed and read again from disk when needed.

Every public write is one atomic file replacement (see storage.py): when it returns, the data is
on disk. Inside `writes_together()` the writes of one task are held instead, and each touched
user's file is replaced once at its end: an answer and its conversation state become one write.

Methods are synchronous and short. PTB runs handlers and jobs on one asyncio loop, so calls never
interleave and no locks are needed; do not call the store from other threads. One process per
data directory (followup/ops/lock.py makes sure of it): the storage trusts its copy in memory.
"""

from __future__ import annotations

import contextlib
import contextvars
import heapq
import json
import logging
import os
import re
import types
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar, Union, cast, get_args, get_origin, get_type_hints

from tinydb import Query, TinyDB
from tinydb.table import Table

from followup.core.model import Interview, Nudge, NudgeState, UserSettings
from followup.store.storage import AtomicJSONStorage, CorruptDataFile, fsync_dir

log = logging.getLogger(__name__)

USERS_DIR = "users"
SETTINGS = "settings"
INTERVIEWS = "interviews"
NUDGES = "nudges"
CONVERSATIONS = "conversations"
USER_DATA = "user_data"

_USER_FILE = re.compile(r"(-?\d+)\.json")
_doc = Query()


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


def shard_of(user_id: int) -> str:
    """The directory a user's file lives in."""
    return f"{abs(user_id) % 1000:03d}"


@dataclass
class StartupSnapshot:
    """What start-up needs from every user's file, read in one pass."""

    settings: dict[int, UserSettings] = field(default_factory=dict)
    user_data: dict[int, dict[str, Any]] = field(default_factory=dict)
    conversations: dict[str, dict[tuple[int, ...], object]] = field(default_factory=dict)
    pending: list[Nudge] = field(default_factory=list)


class Store:
    """Interviews, nudges, settings and PTB state, in one small TinyDB file per user."""

    def __init__(self, data_dir: Path, max_open_users: int = 512) -> None:
        if max_open_users < 1:
            raise ValueError("max_open_users must be at least 1")
        self._users_dir = Path(data_dir) / USERS_DIR
        self._max_open = max_open_users
        self._open: OrderedDict[int, TinyDB] = OrderedDict()
        self._snapshot: StartupSnapshot | None = None

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

    # users

    def settings(self, user_id: int) -> UserSettings | None:
        """The user's settings, or None for someone the bot has not met."""
        docs = self._table(user_id, SETTINGS).all()
        return _load(UserSettings, docs[0]) if docs else None

    def save_settings(self, settings: UserSettings) -> None:
        """Replace the user's settings."""
        with self._writing(settings.user_id) as db:
            table = db.table(SETTINGS)
            table.truncate()
            table.insert(_dump(settings))

    def user_ids(self) -> list[int]:
        """Every user with a file, in ascending order."""
        ids: list[int] = []
        with contextlib.suppress(FileNotFoundError), os.scandir(self._users_dir) as shards:
            for shard in shards:
                if not shard.is_dir():
                    continue
                with os.scandir(shard.path) as files:
                    ids.extend(
                        int(match[1])
                        for entry in files
                        if (match := _USER_FILE.fullmatch(entry.name))
                    )
        return sorted(ids)

    def forget_user(self, user_id: int) -> None:
        """Delete everything the bot knows about a user: their whole file."""
        together = _together.get()
        if together is not None and user_id in together.users:
            raise RuntimeError("a user with writes held by writes_together() can't be forgotten")
        self._snapshot = None
        self._evict(user_id)
        path = self._path(user_id)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            fsync_dir(path.parent)

    # interviews

    def save_interview(self, interview: Interview) -> None:
        """Insert or replace an interview, matched by id within its user's file."""
        with self._writing(interview.user_id) as db:
            _put(db.table(INTERVIEWS), [_dump(interview)])

    def delete_interview(self, user_id: int, interview_id: str) -> None:
        """Remove one interview and all its nudges (the caller disarms their jobs first)."""
        with self._writing(user_id) as db:
            db.table(INTERVIEWS).remove(_doc.id == interview_id)
            db.table(NUDGES).remove(_doc.interview_id == interview_id)

    def interview(self, user_id: int, interview_id: str) -> Interview | None:
        """One of this user's interviews by id; other users' interviews are never found."""
        doc = self._table(user_id, INTERVIEWS).get(_doc.id == interview_id)
        return _load(Interview, cast(Mapping[str, Any], doc)) if doc is not None else None

    def interviews(self, user_id: int) -> list[Interview]:
        """All of the user's interviews, newest first."""
        found = [_load(Interview, doc) for doc in self._table(user_id, INTERVIEWS).all()]
        return sorted(found, key=lambda i: (i.when, i.created, i.id), reverse=True)

    def open_interviews(self, user_id: int) -> list[Interview]:
        """The user's interviews with no outcome yet, newest first."""
        return [interview for interview in self.interviews(user_id) if interview.is_open]

    def latest_with_company(self, user_id: int, company: str) -> Interview | None:
        """The newest interview with this company, ignoring case and spaces."""
        wanted = _company_key(company)
        for interview in self.interviews(user_id):
            if _company_key(interview.company) == wanted:
                return interview
        return None

    # nudges

    def save_nudges(self, nudges: Iterable[Nudge]) -> None:
        """Insert or replace nudges by id; one file write per user in the batch."""
        by_user: dict[int, list[dict[str, Any]]] = {}
        for nudge in nudges:
            by_user.setdefault(nudge.user_id, []).append(_dump(nudge))
        for user_id, docs in by_user.items():
            with self._writing(user_id) as db:
                _put(db.table(NUDGES), docs)

    def nudge(self, user_id: int, nudge_id: str) -> Nudge | None:
        """One of this user's nudges by id."""
        doc = self._table(user_id, NUDGES).get(_doc.id == nudge_id)
        return _load(Nudge, cast(Mapping[str, Any], doc)) if doc is not None else None

    def nudges(self, user_id: int, interview_id: str | None = None) -> list[Nudge]:
        """The user's nudges (optionally for one interview), soonest due first."""
        found = [_load(Nudge, doc) for doc in self._table(user_id, NUDGES).all()]
        if interview_id is not None:
            found = [nudge for nudge in found if nudge.interview_id == interview_id]
        return sorted(found, key=lambda n: (n.due, n.id))

    def pending_nudges(self, user_id: int) -> list[Nudge]:
        """The user's nudges still waiting to be sent, soonest due first."""
        return [nudge for nudge in self.nudges(user_id) if nudge.state is NudgeState.PENDING]

    def all_pending_nudges(self) -> Iterator[Nudge]:
        """Every user's pending nudges, user by user; meant for re-arming jobs at start-up."""
        for _, pending in self._each_user(self.pending_nudges):
            yield from pending

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

    def mark_nudge(
        self, user_id: int, nudge_id: str, state: NudgeState, at: datetime | None = None
    ) -> Nudge | None:
        """Set a nudge's state (and `sent_at` to `at` if given); None if there is no such nudge."""
        current = self.nudge(user_id, nudge_id)
        if current is None:
            return None
        updated = replace(current, state=state, sent_at=current.sent_at if at is None else at)
        self.save_nudges([updated])
        return updated

    # start-up

    def startup_snapshot(self) -> StartupSnapshot:
        """Every user's settings, user_data, conversations and pending nudges, read once.

        Start-up needs all of them (PTB loads user_data and each conversation's states, then every
        pending nudge is armed); reading each file once, as plain JSON, instead of once per need
        through TinyDB cut a 10,000-user start from 9.7 s to 3.2 s. Kept until end_startup().
        """
        if self._snapshot is None:
            self._remove_leftover_temp_files()
            self._snapshot = StartupSnapshot()
            for user_id in self.user_ids():
                self._add_to_snapshot(user_id, self._snapshot)
        return self._snapshot

    def _remove_leftover_temp_files(self) -> None:
        """Temp files a crash left mid-write: never renamed into place, so never data."""
        for leftover in self._users_dir.glob("*/.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    def end_startup(self) -> None:
        """Drop the start-up snapshot: from now on every read sees the live files."""
        self._snapshot = None

    def _add_to_snapshot(self, user_id: int, snapshot: StartupSnapshot) -> None:
        path = self._path(user_id)
        try:
            self._snapshot_tables(user_id, json.loads(path.read_bytes()), snapshot)
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
            # One damaged file must not lock every other user out; it is left for a human.
            log.error("skipping unreadable data file %s: %s", path, error)

    @staticmethod
    def _snapshot_tables(user_id: int, tables: dict[str, Any], snapshot: StartupSnapshot) -> None:
        """Add one user's parsed tables to the snapshot."""
        for doc in tables.get(SETTINGS, {}).values():
            snapshot.settings[user_id] = _load(UserSettings, doc)
        for doc in tables.get(USER_DATA, {}).values():
            if doc:
                snapshot.user_data[user_id] = doc
        for doc in tables.get(CONVERSATIONS, {}).values():
            states = snapshot.conversations.setdefault(doc["name"], {})
            states[tuple(doc["key"])] = doc["state"]
        for doc in tables.get(NUDGES, {}).values():
            if doc.get("state") == NudgeState.PENDING.value:
                snapshot.pending.append(_load(Nudge, doc))

    # PTB persistence support

    def conversation_states(self, name: str) -> dict[tuple[int, ...], object]:
        """Every stored state of the named conversation handler, across all users."""
        states: dict[tuple[int, ...], object] = {}
        for _, docs in self._each_user(lambda u: self._table(u, CONVERSATIONS).all()):
            for doc in docs:
                if doc["name"] == name:
                    states[tuple(doc["key"])] = doc["state"]
        return states

    def save_conversation_state(
        self, name: str, key: tuple[int, ...], state: object | None
    ) -> None:
        """Store a conversation's state in the file of the key's last element; None deletes it."""
        if not key:
            raise ValueError("a conversation key needs at least one element")
        owner = key[-1]
        if state is None and not self._path(owner).exists():
            return
        match = (_doc.name == name) & (_doc.key == list(key))
        with self._writing(owner) as db:
            table = db.table(CONVERSATIONS)
            table.remove(match)
            if state is not None:
                table.insert({"name": name, "key": list(key), "state": state})

    def open_conversations(self, user_id: int) -> list[str]:
        """The names of the conversations this user is in the middle of."""
        return [doc["name"] for doc in self._table(user_id, CONVERSATIONS).all()]

    def user_data(self, user_id: int) -> dict[str, Any]:
        """PTB's user_data for this user; empty when nothing was stored."""
        docs = self._table(user_id, USER_DATA).all()
        return dict(docs[0]) if docs else {}

    def all_user_data(self) -> dict[int, dict[str, Any]]:
        """PTB's user_data of every user who has some."""
        return {user_id: data for user_id, data in self._each_user(self.user_data) if data}

    def save_user_data(self, user_id: int, data: Mapping[str, Any]) -> None:
        """Replace the user's user_data; it must be JSON-able, with string keys."""
        with self._writing(user_id) as db:
            table = db.table(USER_DATA)
            table.truncate()
            table.insert(dict(data))

    def drop_user_data(self, user_id: int) -> None:
        """Remove the user's user_data, keeping the rest of their file."""
        if not self._path(user_id).exists():
            return
        with self._writing(user_id) as db:
            db.table(USER_DATA).truncate()

    # files and the LRU of open databases

    def _path(self, user_id: int) -> Path:
        """The user's file; the id is checked so nothing else can steer the path."""
        if type(user_id) is not int:
            raise TypeError(f"user ids are ints, got {type(user_id).__name__}")
        return self._users_dir / shard_of(user_id) / f"{user_id}.json"

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
        self._snapshot = None  # a write makes any start-up snapshot stale
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


def _put(table: Table, docs: list[dict[str, Any]]) -> None:
    """Replace documents by their `id` field (whole documents, so no stale fields survive)."""
    table.remove(_doc.id.one_of([doc["id"] for doc in docs]))
    table.insert_multiple(docs)


def _company_key(company: str) -> str:
    """Company names compared without case or whitespace ("Acme  corp" is "ACME Corp")."""
    return "".join(company.split()).casefold()


# Dataclasses <-> JSON documents. Datetimes are ISO 8601 in UTC, dates ISO, enums by value,
# tuples as lists. Fields missing from an older file take their defaults; unknown ones are ignored.

_T = TypeVar("_T")


def _dump(obj: object) -> dict[str, Any]:
    """A model object as a JSON-able document."""
    return {field.name: _to_json(getattr(obj, field.name)) for field in fields(obj)}  # type: ignore[arg-type]


def _to_json(value: object) -> object:
    """One field value as JSON."""
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: the store keeps timezone-aware times only")
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_to_json(item) for item in value]
    return value


def _load(cls: type[_T], doc: Mapping[str, Any]) -> _T:
    """A model object from a stored document."""
    hints = _field_types(cls)
    return cls(**{name: _from_json(hint, doc[name]) for name, hint in hints.items() if name in doc})


_FIELD_TYPES: dict[type, dict[str, Any]] = {}


def _field_types(cls: type) -> dict[str, Any]:
    """The resolved type of each dataclass field (the model uses postponed annotations)."""
    if cls not in _FIELD_TYPES:
        hints = get_type_hints(cls)
        _FIELD_TYPES[cls] = {field.name: hints[field.name] for field in fields(cls)}
    return _FIELD_TYPES[cls]


def _from_json(hint: Any, value: Any) -> Any:
    """One field value from JSON, guided by the field's type."""
    if value is None:
        return None
    origin = get_origin(hint)
    if origin is types.UnionType or origin is Union:
        (inner,) = [arg for arg in get_args(hint) if arg is not type(None)]
        return _from_json(inner, value)
    if origin is tuple:
        return tuple(_from_json(get_args(hint)[0], item) for item in value)
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is date:
        return date.fromisoformat(value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    return value


class TinyRepository:
    """The Repository over TinyDB files: the Store above, with the nudge queue kept in memory.

    One process owns a data directory (followup/ops/lock.py), so the queue needs no shared claims:
    at open, one pass over the files builds an index of pending nudges (a heap by due time),
    and every write through this class keeps it current. Claims live in memory too: a crash
    forgets them, and the nudges are simply pending again at the next start.
    """

    def __init__(self, data_dir: Path, max_open_users: int = 512) -> None:
        self.files = Store(data_dir, max_open_users)
        self._heap: list[tuple[datetime, str, int]] = []  # (due, nudge id, user id); may be stale
        self._pending: dict[str, tuple[int, datetime]] = {}  # nudge id -> (user id, due): the truth
        self._by_user: dict[int, set[str]] = {}
        self._claims: dict[str, datetime] = {}  # nudge id -> claimed until
        self._held: set[int] = set()  # users who paused or blocked the bot

    # lifecycle

    async def open(self) -> None:
        """Index every pending nudge and every user, from one pass over the files."""
        snapshot = self.files.startup_snapshot()
        self._held = {u for u, s in snapshot.settings.items() if s.paused or s.blocked}
        for nudge in snapshot.pending:
            self._track(nudge)

    async def close(self) -> None:
        self.files.close()

    @contextlib.asynccontextmanager
    async def writes_together(self) -> AsyncIterator[None]:
        with self.files.writes_together():
            yield

    # users

    async def settings(self, user_id: int) -> UserSettings | None:
        return self.files.settings(user_id)

    async def save_settings(self, settings: UserSettings) -> None:
        self.files.save_settings(settings)
        if settings.paused or settings.blocked:
            self._held.add(settings.user_id)
        else:
            self._held.discard(settings.user_id)

    async def user_count(self) -> int:
        return len(self.files.user_ids())  # a scan of the shard folders: asked once per pass

    async def forget_user(self, user_id: int) -> None:
        self.files.forget_user(user_id)
        for nudge_id in list(self._by_user.get(user_id, ())):
            self._untrack(nudge_id)
        self._held.discard(user_id)

    # interviews

    async def save_interview(self, interview: Interview) -> None:
        self.files.save_interview(interview)

    async def delete_interview(self, user_id: int, interview_id: str) -> None:
        for nudge in self.files.nudges(user_id, interview_id):
            self._untrack(nudge.id)
        self.files.delete_interview(user_id, interview_id)

    async def interview(self, user_id: int, interview_id: str) -> Interview | None:
        return self.files.interview(user_id, interview_id)

    async def interviews(self, user_id: int) -> list[Interview]:
        return self.files.interviews(user_id)

    async def latest_with_company(self, user_id: int, company: str) -> Interview | None:
        return self.files.latest_with_company(user_id, company)

    # nudges

    async def save_nudges(self, nudges: Iterable[Nudge]) -> None:
        batch = list(nudges)
        self.files.save_nudges(batch)
        for nudge in batch:
            self._track(nudge)

    async def nudge(self, user_id: int, nudge_id: str) -> Nudge | None:
        return self.files.nudge(user_id, nudge_id)

    async def nudges(self, user_id: int, interview_id: str | None = None) -> list[Nudge]:
        return self.files.nudges(user_id, interview_id)

    async def mark_nudge(
        self, user_id: int, nudge_id: str, state: NudgeState, at: datetime | None = None
    ) -> Nudge | None:
        updated = self.files.mark_nudge(user_id, nudge_id, state, at)
        self._claims.pop(nudge_id, None)
        if updated is not None:
            self._track(updated)
        return updated

    # the queue

    async def claim_due(
        self, now: datetime, limit: int, owner: str, lease: timedelta
    ) -> list[Nudge]:
        claimed: list[Nudge] = []
        aside: list[tuple[datetime, str, int]] = []
        while self._heap and len(claimed) < limit and self._heap[0][0] <= now:
            entry = heapq.heappop(self._heap)
            due, nudge_id, user_id = entry
            if self._pending.get(nudge_id) != (user_id, due):
                continue  # stale: moved, sent or gone since it was pushed
            if user_id in self._held or self._claims.get(nudge_id, now) > now:
                aside.append(entry)
                continue
            nudge = self.files.nudge(user_id, nudge_id)
            if nudge is None or nudge.state is not NudgeState.PENDING:
                self._untrack(nudge_id)
                continue
            self._claims[nudge_id] = now + lease
            aside.append(entry)  # still pending until settled; the claim keeps it out
            claimed.append(nudge)
        for entry in aside:
            heapq.heappush(self._heap, entry)
        return claimed

    async def release(self, user_id: int, nudge_id: str, due: datetime) -> None:
        current = self.files.nudge(user_id, nudge_id)
        self._claims.pop(nudge_id, None)
        if current is not None and current.state is NudgeState.PENDING:
            later = replace(current, due=due, attempts=current.attempts + 1)
            await self.save_nudges([later])

    async def drop_claims(self) -> int:
        dropped = len(self._claims)
        self._claims.clear()
        return dropped

    async def next_due(self) -> datetime | None:
        soonest: datetime | None = None
        for due, nudge_id, user_id in self._heap:  # a scan: called once per pass of the queue
            if self._pending.get(nudge_id) != (user_id, due) or user_id in self._held:
                continue
            when = max(due, self._claims.get(nudge_id, due))
            if soonest is None or when < soonest:
                soonest = when
        return soonest

    async def pending_count(self) -> int:
        return len(self._pending)

    # PTB persistence

    async def conversation_states(self, name: str) -> dict[tuple[int, ...], object]:
        snapshot = self.files.startup_snapshot()
        return dict(snapshot.conversations.get(name, {}))

    async def save_conversation_state(
        self, name: str, key: tuple[int, ...], state: object | None
    ) -> None:
        self.files.save_conversation_state(name, key, state)

    async def user_data(self, user_id: int) -> dict[str, Any]:
        return self.files.user_data(user_id)

    async def all_user_data(self) -> dict[int, dict[str, Any]]:
        return dict(self.files.startup_snapshot().user_data)

    async def save_user_data(self, user_id: int, data: Mapping[str, Any]) -> None:
        self.files.save_user_data(user_id, data)

    async def drop_user_data(self, user_id: int) -> None:
        self.files.drop_user_data(user_id)

    # the index

    def _track(self, nudge: Nudge) -> None:
        """Keep the index in line with a nudge just written or read."""
        if nudge.state is not NudgeState.PENDING:
            self._untrack(nudge.id)
            return
        if self._pending.get(nudge.id) == (nudge.user_id, nudge.due):
            return
        self._pending[nudge.id] = (nudge.user_id, nudge.due)
        self._by_user.setdefault(nudge.user_id, set()).add(nudge.id)
        heapq.heappush(self._heap, (nudge.due, nudge.id, nudge.user_id))

    def _untrack(self, nudge_id: str) -> None:
        """Forget a nudge (its heap entry goes stale and is dropped when reached)."""
        found = self._pending.pop(nudge_id, None)
        self._claims.pop(nudge_id, None)
        if found is not None:
            self._by_user.get(found[0], set()).discard(nudge_id)
