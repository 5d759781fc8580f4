"""The Repository over TinyDB files: the file store, made async, with the nudge queue in memory."""

from __future__ import annotations

import contextlib
import heapq
from collections.abc import AsyncIterator, Iterable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from followup.core.calendar_feed import FeedLink, Sequences
from followup.core.model import Interview, Nudge, NudgeState, UserSettings
from followup.store.tinydb.store import Store


class TinyRepository:
    """The Repository over TinyDB files: the Store, with the nudge queue kept in memory.

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
        self._feed_owners: dict[str, int] = {}  # calendar token digest -> user id

    # lifecycle

    async def open(self) -> None:
        """Index every pending nudge and every user, from one pass over the files."""
        snapshot = self.files.startup_snapshot()
        self._held = {u for u, s in snapshot.settings.items() if s.paused or s.blocked}
        for nudge in snapshot.pending:
            self._track(nudge)
        self._feed_owners = dict(snapshot.feed_digests)

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
        self._drop_feed_owner(user_id)

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

    # the calendar feed: the digest index is in memory, the link in the user's file

    async def save_feed_link(self, user_id: int, link: FeedLink | None) -> None:
        if link is not None and link.user_id != user_id:
            raise ValueError("a feed link is saved for its own user")
        self.files.save_feed_link(user_id, link)
        self._drop_feed_owner(user_id)
        if link is not None:
            self._feed_owners[link.token_hash] = user_id

    async def feed_link(self, user_id: int) -> FeedLink | None:
        return self.files.feed_link(user_id)

    async def feed_link_by_digest(self, token_hash: str) -> FeedLink | None:
        user_id = self._feed_owners.get(token_hash)
        if user_id is None:
            return None
        link = self.files.feed_link(user_id)
        return link if link is not None and link.token_hash == token_hash else None

    async def save_feed_sequences(self, user_id: int, link_id: str, sequences: Sequences) -> None:
        self.files.save_feed_sequences(user_id, link_id, sequences)

    def _drop_feed_owner(self, user_id: int) -> None:
        for digest in [d for d, owner in self._feed_owners.items() if owner == user_id]:
            del self._feed_owners[digest]

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
