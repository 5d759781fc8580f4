"""The weekly card's record in the queue (see followup/core/weekly.py for why it is user-level),
and what the board and the card are built from."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from followup.core.board import WeekCounts, week_counts
from followup.core.calendar import Place
from followup.core.model import Interview, Nudge, NudgeKind, NudgeState, UserSettings
from followup.core.weekly import USER_LEVEL, is_stale, next_card_due, worth_sending
from followup.services.ports import Ports


@dataclass(frozen=True)
class Picture:
    """What a board is drawn from: the user's interviews and nudge records, where and when."""

    settings: UserSettings | None
    interviews: list[Interview]
    records: list[Nudge]
    place: Place
    now: datetime

    @property
    def last_week(self) -> WeekCounts:
        """What the weekly card looks back on: the whole of last week."""
        return week_counts(self.interviews, self.place, self.now, last_week=True)


async def picture(ports: Ports, user_id: int) -> Picture:
    """Everything the user's board shows, read once."""
    settings = await ports.repo.settings(user_id)
    return Picture(
        settings,
        await ports.repo.interviews(user_id),
        await ports.repo.nudges(user_id),
        ports.place(settings),
        ports.clock(),
    )


def week_card_id(user_id: int, day: date) -> str:
    """One id per user and week ("wk20261130-1001"): two changes saved at the same moment plan
    the same record rather than two cards (ids are unique across users, as the queue needs)."""
    return f"wk{day:%Y%m%d}-{user_id}"


def _pending_cards(records: list[Nudge]) -> list[Nudge]:
    return [r for r in records if r.kind is NudgeKind.WEEKLY and r.state is NudgeState.PENDING]


async def keep_planned(ports: Ports, user_id: int) -> None:
    """One pending card for the coming week's first working morning, or none when it is off.

    A card already due is left alone (it is being sent, or will be at once); a later one
    follows the user's zone and calendar when they change.
    """
    if not ports.weekly_cards:
        return
    repo = ports.repo
    settings = await repo.settings(user_id)
    records = await repo.nudges(user_id, USER_LEVEL)
    pending = _pending_cards(records)
    if settings is None or not settings.digest:
        await repo.save_nudges(replace(n, state=NudgeState.CANCELLED) for n in pending)
        return
    now = ports.clock()
    want = next_card_due(ports.place(settings), ports.timing, now)
    if any(n.due <= now for n in pending):
        return
    if pending:
        first, *extra = pending
        changed = [replace(n, state=NudgeState.CANCELLED) for n in extra]
        if first.due != want:
            changed.append(replace(first, due=want))
        if changed:
            await repo.save_nudges(changed)
        ports.waker.poke(want)
        return
    card_id = week_card_id(user_id, ports.place(settings).day_of(want))
    if any(r.id == card_id and r.state is not NudgeState.CANCELLED for r in records):
        return  # this week's card was sent or skipped already (a cancelled one comes back)
    card = Nudge(
        id=card_id,
        user_id=user_id,
        chat_id=settings.chat_id,
        interview_id=USER_LEVEL,
        kind=NudgeKind.WEEKLY,
        due=want,
    )
    await repo.save_nudges([card])
    ports.waker.poke(want)


@dataclass(frozen=True)
class CardWanted:
    nudge: Nudge
    picture: Picture
    language: str


async def card_wanted(ports: Ports, claimed: Nudge) -> CardWanted | str | None:
    """The claimed card read afresh: send it, or why not (settled here); None if settled before.

    A card not worth sending (nothing open, nothing this week) plans no next one: the next
    interview logged plans it again.
    """
    repo = ports.repo
    nudge = await repo.nudge(claimed.user_id, claimed.id)
    if nudge is None or nudge.state is not NudgeState.PENDING:
        return None
    seen = await picture(ports, nudge.user_id)
    settings = seen.settings
    if settings is None or not settings.digest or not ports.weekly_cards:
        await repo.mark_nudge(nudge.user_id, nudge.id, NudgeState.CANCELLED)
        return "digest off"
    if is_stale(nudge.due, seen.now):
        await repo.mark_nudge(nudge.user_id, nudge.id, NudgeState.SKIPPED)
        await keep_planned(ports, nudge.user_id)
        return "stale"
    if not worth_sending(seen.interviews, seen.records, seen.last_week, seen.now):
        await repo.mark_nudge(nudge.user_id, nudge.id, NudgeState.SKIPPED)
        return "idle"
    return CardWanted(nudge, seen, settings.language)


async def card_sent(ports: Ports, nudge: Nudge) -> datetime:
    """Telegram took the card: settle it, and plan next week's."""
    sent_at = ports.clock()
    await ports.repo.mark_nudge(nudge.user_id, nudge.id, NudgeState.SENT, sent_at)
    await keep_planned(ports, nudge.user_id)
    return sent_at


async def set_digest(ports: Ports, settings: UserSettings, on: bool) -> UserSettings:
    """/digest on|off (or the card's button): saved, and the card planned or cancelled."""
    changed = replace(settings, digest=on)
    await ports.repo.save_settings(changed)
    await keep_planned(ports, settings.user_id)
    return changed
