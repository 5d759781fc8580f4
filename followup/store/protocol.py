"""The store's contract: everything the bot keeps, as one typed protocol with two backends.

TinyDB files (the embedded default, followup/store/tinydb/) and PostgreSQL (for hosts that
outgrow one machine, followup/store/postgres/) both implement it; the handlers, the dispatcher
and PTB's persistence see only this. Every method is a coroutine, so a backend that waits on a
network never blocks the event loop. Methods take and return model objects, and every lookup
starts from the asking user's id, so no call can reach another user's records.

Pending nudges double as the queue: `claim_due` hands out what is due (to one sender at a time,
for `lease`), `mark_nudge` settles it, `release` puts it back for a later try; a claim that is
neither settled nor released lapses after its lease, so a sender that died mid-send loses
nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import AbstractAsyncContextManager
from datetime import datetime, timedelta
from typing import Any, Protocol

from followup.core.calendar_feed import FeedLink, Sequences
from followup.core.model import Interview, Nudge, NudgeState, UserSettings

ConversationKey = tuple[int, ...]


class Repository(Protocol):
    """Users' settings, interviews, nudges and conversation state, whatever holds them."""

    # lifecycle

    async def open(self) -> None:
        """Get ready to serve (apply migrations, build indexes); called once before use."""

    async def close(self) -> None:
        """Let go of files or connections; the repository is not used afterwards."""

    def writes_together(self) -> AbstractAsyncContextManager[None]:
        """Group the writes made inside (one update's answer and its conversation state)."""

    # users

    async def settings(self, user_id: int) -> UserSettings | None:
        """The user's settings, or None for someone the bot has not met."""

    async def save_settings(self, settings: UserSettings) -> None:
        """Replace the user's settings."""

    async def user_count(self) -> int:
        """How many users the bot knows."""

    async def forget_user(self, user_id: int) -> None:
        """Delete every record of a user."""

    # interviews

    async def save_interview(self, interview: Interview) -> None:
        """Insert or replace an interview (matched by id within its user's records)."""

    async def delete_interview(self, user_id: int, interview_id: str) -> None:
        """Remove one interview and all its nudges."""

    async def interview(self, user_id: int, interview_id: str) -> Interview | None:
        """One of this user's interviews by id."""

    async def interviews(self, user_id: int) -> list[Interview]:
        """All of the user's interviews, newest first."""

    async def latest_with_company(self, user_id: int, company: str) -> Interview | None:
        """The user's newest interview with this company, ignoring case and spacing."""

    # nudges

    async def save_nudges(self, nudges: Iterable[Nudge]) -> None:
        """Insert or replace nudges by id."""

    async def nudge(self, user_id: int, nudge_id: str) -> Nudge | None:
        """One of this user's nudges by id."""

    async def nudges(self, user_id: int, interview_id: str | None = None) -> list[Nudge]:
        """The user's nudges (optionally of one interview), soonest due first."""

    async def mark_nudge(
        self, user_id: int, nudge_id: str, state: NudgeState, at: datetime | None = None
    ) -> Nudge | None:
        """Settle a nudge: its state (and `sent_at`), its claim let go; None if there is none."""

    # the queue

    async def claim_due(
        self, now: datetime, limit: int, owner: str, lease: timedelta
    ) -> list[Nudge]:
        """Up to `limit` pending nudges due by `now`, oldest first, claimed for `lease`.

        Left out: nudges under a live claim, and users who paused or blocked the bot.
        """

    async def release(self, user_id: int, nudge_id: str, due: datetime) -> None:
        """Put a claimed nudge back to wait until `due` (a retry), one attempt counted."""

    async def drop_claims(self) -> int:
        """Let go of every claim (how many there were): the replica that has just become the
        only active one takes over whatever a stopped one had claimed and not sent."""

    async def next_due(self) -> datetime | None:
        """When the soonest nudge that claim_due could hand out is due (None: none)."""

    async def pending_count(self) -> int:
        """How many nudges are waiting to be sent."""

    # PTB persistence: conversation states and user_data

    async def conversation_states(self, name: str) -> dict[ConversationKey, object]:
        """Every stored state of the named conversation, across all users."""

    async def save_conversation_state(
        self, name: str, key: ConversationKey, state: object | None
    ) -> None:
        """Store a conversation's state (the key's last element is the user); None deletes it."""

    async def user_data(self, user_id: int) -> dict[str, Any]:
        """PTB's user_data for this user; empty when nothing is stored."""

    async def all_user_data(self) -> dict[int, dict[str, Any]]:
        """PTB's user_data of every user who has some."""

    async def save_user_data(self, user_id: int, data: Mapping[str, Any]) -> None:
        """Replace the user's user_data (JSON values under string keys)."""

    async def drop_user_data(self, user_id: int) -> None:
        """Remove the user's user_data, keeping the rest of their records."""

    # the calendar feed: a user's subscription link (its token's digest) and its ledger

    async def save_feed_link(self, user_id: int, link: FeedLink | None) -> None:
        """Make `link` the user's only one (the previous one stops opening); None: no link."""

    async def feed_link(self, user_id: int) -> FeedLink | None:
        """The user's live link, or None."""

    async def feed_link_by_digest(self, token_hash: str) -> FeedLink | None:
        """The live link whose token has this SHA-256 digest, or None (a replaced or forgotten
        one is never found)."""

    async def save_feed_sequences(self, user_id: int, link_id: str, sequences: Sequences) -> None:
        """Store the feed's ledger of sequence numbers, if `link_id` is still the user's link."""
