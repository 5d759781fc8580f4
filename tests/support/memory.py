"""The Repository in memory: the whole protocol, queue claims and leases included, for fast tests.

It keeps what the real backends keep and answers as they do (the contract suite runs it beside
them): times come back in UTC, naive ones are refused, every lookup starts from the user's id,
and `writes_together()` undoes a block's writes when the block raises.
"""

from __future__ import annotations

import contextlib
import contextvars
import copy
import json
from collections.abc import AsyncIterator, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from followup.core.calendar_feed import FeedLink, Sequences
from followup.core.model import Interview, Nudge, NudgeState, UserSettings, same_company
from followup.store.protocol import ConversationKey

_M = TypeVar("_M", Interview, Nudge, UserSettings, FeedLink)


@dataclass
class _Records:
    """Everything kept about one user."""

    settings: UserSettings | None = None
    interviews: dict[str, Interview] = field(default_factory=dict)
    nudges: dict[str, Nudge] = field(default_factory=dict)
    claims: dict[str, datetime] = field(default_factory=dict)  # nudge id -> claimed until
    conversations: dict[tuple[str, ConversationKey], object] = field(default_factory=dict)
    user_data: dict[str, Any] = field(default_factory=dict)
    feed_link: FeedLink | None = None


# Per task, like the real backends: the users' records as they were before the open block.
_before: contextvars.ContextVar[dict[int, _Records | None] | None] = contextvars.ContextVar(
    "memory_before", default=None
)


class MemoryRepository:
    """Users' records in dictionaries; nothing outlives the object."""

    def __init__(self) -> None:
        self._users: dict[int, _Records] = {}

    # lifecycle

    async def open(self) -> None:
        """Nothing to prepare."""

    async def close(self) -> None:
        """Nothing to let go of."""

    @contextlib.asynccontextmanager
    async def writes_together(self) -> AsyncIterator[None]:
        """Writes land at once (the block reads its own); a raising block's writes are undone."""
        if _before.get() is not None:
            yield  # already inside: the outer block decides
            return
        before: dict[int, _Records | None] = {}
        token = _before.set(before)
        try:
            yield
        except BaseException:
            for user_id, records in before.items():
                if records is None:
                    self._users.pop(user_id, None)
                else:
                    self._users[user_id] = records
            raise
        finally:
            _before.reset(token)

    # users

    async def settings(self, user_id: int) -> UserSettings | None:
        records = self._users.get(user_id)
        return records.settings if records else None

    async def save_settings(self, settings: UserSettings) -> None:
        self._writing(settings.user_id).settings = settings

    async def user_count(self) -> int:
        return len(self._users)

    async def forget_user(self, user_id: int) -> None:
        self._remember(user_id)
        self._users.pop(user_id, None)

    # interviews

    async def save_interview(self, interview: Interview) -> None:
        kept = _in_utc(interview)
        self._writing(interview.user_id).interviews[kept.id] = kept

    async def delete_interview(self, user_id: int, interview_id: str) -> None:
        records = self._writing(user_id)
        records.interviews.pop(interview_id, None)
        for nudge in [n for n in records.nudges.values() if n.interview_id == interview_id]:
            del records.nudges[nudge.id]
            records.claims.pop(nudge.id, None)

    async def interview(self, user_id: int, interview_id: str) -> Interview | None:
        records = self._users.get(user_id)
        return records.interviews.get(interview_id) if records else None

    async def interviews(self, user_id: int) -> list[Interview]:
        records = self._users.get(user_id)
        found = list(records.interviews.values()) if records else []
        return sorted(found, key=lambda i: (i.when, i.created, i.id), reverse=True)

    async def latest_with_company(self, user_id: int, company: str) -> Interview | None:
        for interview in await self.interviews(user_id):
            if same_company(interview.company, company):
                return interview
        return None

    # nudges

    async def save_nudges(self, nudges: Iterable[Nudge]) -> None:
        batch = [_in_utc(nudge) for nudge in nudges]  # all refused before any is kept
        for nudge in batch:
            records = self._writing(nudge.user_id)
            records.nudges[nudge.id] = nudge
            if nudge.state is not NudgeState.PENDING:
                records.claims.pop(nudge.id, None)  # settled: nothing left to claim

    async def nudge(self, user_id: int, nudge_id: str) -> Nudge | None:
        records = self._users.get(user_id)
        return records.nudges.get(nudge_id) if records else None

    async def nudges(self, user_id: int, interview_id: str | None = None) -> list[Nudge]:
        records = self._users.get(user_id)
        found = list(records.nudges.values()) if records else []
        if interview_id is not None:
            found = [n for n in found if n.interview_id == interview_id]
        return sorted(found, key=lambda n: (n.due, n.id))

    async def mark_nudge(
        self, user_id: int, nudge_id: str, state: NudgeState, at: datetime | None = None
    ) -> Nudge | None:
        current = await self.nudge(user_id, nudge_id)
        if current is None:
            return None
        sent_at = current.sent_at if at is None else at
        settled = replace(current, state=state, sent_at=sent_at)
        await self.save_nudges([settled])
        self._writing(user_id).claims.pop(nudge_id, None)
        return await self.nudge(user_id, nudge_id)

    # the queue

    async def claim_due(
        self, now: datetime, limit: int, owner: str, lease: timedelta
    ) -> list[Nudge]:
        due = [
            n
            for records in self._users.values()
            if not _held(records)
            for n in records.nudges.values()
            if n.state is NudgeState.PENDING
            and n.due <= now
            and records.claims.get(n.id, now) <= now
        ]
        claimed = sorted(due, key=lambda n: (n.due, n.id))[:limit]
        for nudge in claimed:
            self._writing(nudge.user_id).claims[nudge.id] = now + lease
        return claimed

    async def release(self, user_id: int, nudge_id: str, due: datetime) -> None:
        current = await self.nudge(user_id, nudge_id)
        if current is None:
            return
        self._writing(user_id).claims.pop(nudge_id, None)
        if current.state is NudgeState.PENDING:
            await self.save_nudges([replace(current, due=due, attempts=current.attempts + 1)])

    async def drop_claims(self) -> int:
        dropped = 0
        for user_id, records in list(self._users.items()):
            if records.claims:
                dropped += len(records.claims)
                self._writing(user_id).claims.clear()
        return dropped

    async def next_due(self) -> datetime | None:
        times = [
            max(n.due, records.claims.get(n.id, n.due))
            for records in self._users.values()
            if not _held(records)
            for n in records.nudges.values()
            if n.state is NudgeState.PENDING
        ]
        return min(times, default=None)

    async def pending_count(self) -> int:
        return sum(
            n.state is NudgeState.PENDING
            for records in self._users.values()
            for n in records.nudges.values()
        )

    # PTB persistence

    async def conversation_states(self, name: str) -> dict[ConversationKey, object]:
        return {
            key: copy.deepcopy(state)
            for records in self._users.values()
            for (kept_name, key), state in records.conversations.items()
            if kept_name == name
        }

    async def save_conversation_state(
        self, name: str, key: ConversationKey, state: object | None
    ) -> None:
        if not key:
            raise ValueError("a conversation key needs at least one element")
        owner = key[-1]
        if state is None:
            if owner in self._users:
                self._writing(owner).conversations.pop((name, tuple(key)), None)
            return
        self._writing(owner).conversations[(name, tuple(key))] = _json_copy(state)

    async def user_data(self, user_id: int) -> dict[str, Any]:
        records = self._users.get(user_id)
        return copy.deepcopy(records.user_data) if records else {}

    async def all_user_data(self) -> dict[int, dict[str, Any]]:
        return {
            user_id: copy.deepcopy(records.user_data)
            for user_id, records in self._users.items()
            if records.user_data
        }

    async def save_user_data(self, user_id: int, data: Mapping[str, Any]) -> None:
        self._writing(user_id).user_data = _json_copy(dict(data))

    async def drop_user_data(self, user_id: int) -> None:
        if user_id in self._users:
            self._writing(user_id).user_data = {}

    # the calendar feed

    async def save_feed_link(self, user_id: int, link: FeedLink | None) -> None:
        if link is not None and link.user_id != user_id:
            raise ValueError("a feed link is saved for its own user")
        self._writing(user_id).feed_link = None if link is None else _in_utc(link)

    async def feed_link(self, user_id: int) -> FeedLink | None:
        records = self._users.get(user_id)
        return records.feed_link if records else None

    async def feed_link_by_digest(self, token_hash: str) -> FeedLink | None:
        for records in self._users.values():
            link = records.feed_link
            if link is not None and link.token_hash == token_hash:
                return link
        return None

    async def save_feed_sequences(self, user_id: int, link_id: str, sequences: Sequences) -> None:
        records = self._users.get(user_id)
        if records is None or records.feed_link is None or records.feed_link.link_id != link_id:
            return
        self._writing(user_id).feed_link = replace(records.feed_link, sequences=tuple(sequences))

    # records

    def _writing(self, user_id: int) -> _Records:
        """The user's records, about to change (kept as they were if a block is open)."""
        if type(user_id) is not int:
            raise TypeError(f"user ids are ints, got {type(user_id).__name__}")
        self._remember(user_id)
        return self._users.setdefault(user_id, _Records())

    def _remember(self, user_id: int) -> None:
        """Inside writes_together(): keep the user's records as they were before the block."""
        before = _before.get()
        if before is not None and user_id not in before:
            records = self._users.get(user_id)
            before[user_id] = copy.deepcopy(records) if records is not None else None


def _held(records: _Records) -> bool:
    """A user who paused or blocked the bot: the queue passes over them."""
    return records.settings is not None and (records.settings.paused or records.settings.blocked)


def _in_utc(record: _M) -> _M:
    """The record with every time in UTC, as a backend would give it back; naive ones refused."""
    changes: dict[str, Any] = {}
    for item in fields(record):
        value = getattr(record, item.name)
        if isinstance(value, datetime):
            changes[item.name] = _utc(value)
        elif isinstance(value, tuple) and value and isinstance(value[0], datetime):
            changes[item.name] = tuple(_utc(moment) for moment in value)
    return replace(record, **changes)


def _utc(moment: datetime) -> datetime:
    if moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: the store keeps timezone-aware times only")
    return moment.astimezone(UTC)


def _json_copy(value: Any) -> Any:
    """A copy as stored JSON would give it back (tuples become lists)."""
    return json.loads(json.dumps(value))
