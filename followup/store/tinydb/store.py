"""The TinyDB store: model objects and PTB's state in each user's tables, synchronously.

files.py opens, writes and holds the files; this class knows what goes in which table
(layout.py lists them) and reads and writes model objects through the codec.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from tinydb import Query, TinyDB
from tinydb.table import Table

from followup.core.calendar_feed import FeedLink, Sequences
from followup.core.model import Interview, Nudge, NudgeState, UserSettings, same_company
from followup.store.codec import decode, encode
from followup.store.tinydb.files import UserFiles
from followup.store.tinydb.layout import (
    CALENDAR_FEED,
    CONVERSATIONS,
    INTERVIEWS,
    NUDGES,
    SETTINGS,
    USER_DATA,
    StartupSnapshot,
    read_startup_snapshot,
)

_doc = Query()


class Store(UserFiles):
    """Interviews, nudges, settings and PTB state, in one small TinyDB file per user."""

    def __init__(self, data_dir: Path, max_open_users: int = 512) -> None:
        super().__init__(data_dir, max_open_users)
        self._snapshot: StartupSnapshot | None = None

    # users

    def settings(self, user_id: int) -> UserSettings | None:
        """The user's settings, or None for someone the bot has not met."""
        docs = self._table(user_id, SETTINGS).all()
        return decode(UserSettings, docs[0]) if docs else None

    def save_settings(self, settings: UserSettings) -> None:
        """Replace the user's settings."""
        with self._writing(settings.user_id) as db:
            table = db.table(SETTINGS)
            table.truncate()
            table.insert(encode(settings))

    # interviews

    def save_interview(self, interview: Interview) -> None:
        """Insert or replace an interview, matched by id within its user's file."""
        with self._writing(interview.user_id) as db:
            _put(db.table(INTERVIEWS), [encode(interview)])

    def delete_interview(self, user_id: int, interview_id: str) -> None:
        """Remove one interview and all its nudges (the caller disarms their jobs first)."""
        with self._writing(user_id) as db:
            db.table(INTERVIEWS).remove(_doc.id == interview_id)
            db.table(NUDGES).remove(_doc.interview_id == interview_id)

    def interview(self, user_id: int, interview_id: str) -> Interview | None:
        """One of this user's interviews by id; other users' interviews are never found."""
        doc = self._table(user_id, INTERVIEWS).get(_doc.id == interview_id)
        return decode(Interview, cast(Mapping[str, Any], doc)) if doc is not None else None

    def interviews(self, user_id: int) -> list[Interview]:
        """All of the user's interviews, newest first."""
        found = [decode(Interview, doc) for doc in self._table(user_id, INTERVIEWS).all()]
        return sorted(found, key=lambda i: (i.when, i.created, i.id), reverse=True)

    def open_interviews(self, user_id: int) -> list[Interview]:
        """The user's interviews with no outcome yet, newest first."""
        return [interview for interview in self.interviews(user_id) if interview.is_open]

    def latest_with_company(self, user_id: int, company: str) -> Interview | None:
        """The newest interview with this company, ignoring case and spaces."""
        for interview in self.interviews(user_id):
            if same_company(interview.company, company):
                return interview
        return None

    # nudges

    def save_nudges(self, nudges: Iterable[Nudge]) -> None:
        """Insert or replace nudges by id; one file write per user in the batch."""
        by_user: dict[int, list[dict[str, Any]]] = {}
        for nudge in nudges:
            by_user.setdefault(nudge.user_id, []).append(encode(nudge))
        for user_id, docs in by_user.items():
            with self._writing(user_id) as db:
                _put(db.table(NUDGES), docs)

    def nudge(self, user_id: int, nudge_id: str) -> Nudge | None:
        """One of this user's nudges by id."""
        doc = self._table(user_id, NUDGES).get(_doc.id == nudge_id)
        return decode(Nudge, cast(Mapping[str, Any], doc)) if doc is not None else None

    def nudges(self, user_id: int, interview_id: str | None = None) -> list[Nudge]:
        """The user's nudges (optionally for one interview), soonest due first."""
        found = [decode(Nudge, doc) for doc in self._table(user_id, NUDGES).all()]
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

    # the calendar feed

    def save_feed_link(self, user_id: int, link: FeedLink | None) -> None:
        """Make `link` the user's only one; None removes it."""
        if link is None and not self._path(user_id).exists():
            return
        with self._writing(user_id) as db:
            table = db.table(CALENDAR_FEED)
            table.truncate()
            if link is not None:
                table.insert(encode(link))

    def feed_link(self, user_id: int) -> FeedLink | None:
        """The user's live calendar link, or None."""
        docs = self._table(user_id, CALENDAR_FEED).all()
        return decode(FeedLink, docs[0]) if docs else None

    def save_feed_sequences(self, user_id: int, link_id: str, sequences: Sequences) -> None:
        """The feed's ledger, kept with the link while it is still `link_id`."""
        current = self.feed_link(user_id)
        if current is not None and current.link_id == link_id:
            self.save_feed_link(user_id, replace(current, sequences=tuple(sequences)))

    # start-up

    def startup_snapshot(self) -> StartupSnapshot:
        """Every user's settings, user_data, conversations and pending nudges, read once.

        Start-up needs all of them (PTB loads user_data and each conversation's states, then every
        pending nudge is armed), so each file is read once (see layout.py). Kept until
        end_startup().
        """
        if self._snapshot is None:
            self._snapshot = read_startup_snapshot(self._users_dir)
        return self._snapshot

    def end_startup(self) -> None:
        """Drop the start-up snapshot: from now on every read sees the live files."""
        self._snapshot = None

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

    # every change makes the start-up snapshot stale

    def forget_user(self, user_id: int) -> None:
        """Delete everything the bot knows about a user: their whole file."""
        super().forget_user(user_id)
        self._snapshot = None

    @contextlib.contextmanager
    def _writing(self, user_id: int) -> Iterator[TinyDB]:
        """Run several table changes as one atomic file write."""
        self._snapshot = None  # a write makes any start-up snapshot stale
        with super()._writing(user_id) as db:
            yield db


def _put(table: Table, docs: list[dict[str, Any]]) -> None:
    """Replace documents by their `id` field (whole documents, so no stale fields survive)."""
    table.remove(_doc.id.one_of([doc["id"] for doc in docs]))
    table.insert_multiple(docs)
