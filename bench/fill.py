"""Write users' data files directly in the store's on-disk format, quickly (no fsync per file)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from botproc import pending_due

from followup.core.model import Interview, Nudge, NudgeKind, NudgeState, Outcome, UserSettings
from followup.store.codec import encode
from followup.store.tinydb import (
    INTERVIEWS,
    NUDGES,
    SETTINGS,
    USERS_DIR,
    Store,
    shard_of,
)
from followup.store.tinydb.storage import DIR_MODE, FILE_MODE

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
KINDS = tuple(NudgeKind)
NOTES = "Met Priya and Tom; asked about on-call, the team's roadmap and the salary band."


@dataclass(frozen=True, slots=True)
class UserData:
    """One user's records, ready to be written."""

    settings: UserSettings
    interviews: list[Interview]
    nudges: list[Nudge]


def _interview(user_id: int, n: int, *, is_open: bool, when: datetime) -> Interview:
    return Interview(
        id=f"i{user_id}x{n}",
        user_id=user_id,
        company=f"Stored Company {n}",
        when=when,
        created=when + timedelta(hours=2),
        role="Backend engineer",
        recruiter="Sam",
        via_agency=True,
        notes=NOTES,
        debriefed=True,
        outcome=None if is_open else Outcome.REJECTED,
    )


def _nudge(user_id: int, n: int, interview: Interview, due: datetime, state: NudgeState) -> Nudge:
    return Nudge(
        id=f"n{user_id}x{n}",
        user_id=user_id,
        chat_id=user_id,
        interview_id=interview.id,
        kind=KINDS[n % len(KINDS)],
        due=due,
        state=state,
        sent_at=due if state is NudgeState.SENT else None,
    )


def history_user(user_id: int, now: datetime) -> UserData:
    """Three interviews (one still open) and six nudges: four sent, two pending in a few days."""
    interviews = [
        _interview(user_id, n, is_open=n == 2, when=now - timedelta(days=30 - 10 * n))
        for n in range(3)
    ]
    nudges = [
        _nudge(user_id, n, interviews[n // 2], now - timedelta(days=25 - 5 * n), NudgeState.SENT)
        for n in range(4)
    ]
    nudges += [
        _nudge(user_id, n, interviews[2], now + timedelta(days=n), NudgeState.PENDING)
        for n in range(4, 6)
    ]
    return UserData(_settings(user_id), interviews, nudges)


def due_user(user_id: int, due: datetime) -> UserData:
    """One open interview and one pending chase nudge due at `due` (never stale, so it is sent)."""
    interview = _interview(user_id, 0, is_open=True, when=due - timedelta(days=8))
    nudge = Nudge(
        id=f"n{user_id}x0",
        user_id=user_id,
        chat_id=user_id,
        interview_id=interview.id,
        kind=NudgeKind.CHASE,
        due=due,
    )
    return UserData(_settings(user_id), [interview], [nudge])


def pending_user(user_id: int, count: int, now: datetime) -> UserData:
    """`count` pending nudges spread over the coming weeks, on one open interview per 7 nudges."""
    interviews = [
        _interview(user_id, n, is_open=True, when=now - timedelta(days=1))
        for n in range(max(1, -(-count // len(KINDS))))
    ]
    nudges = [
        _nudge(
            user_id,
            n,
            interviews[n // len(KINDS)],
            pending_due(now, user_id, n),
            NudgeState.PENDING,
        )
        for n in range(count)
    ]
    return UserData(_settings(user_id), interviews, nudges)


def _settings(user_id: int) -> UserSettings:
    return UserSettings(user_id=user_id, chat_id=user_id, timezone="Europe/London")


def _tables(user: UserData) -> dict[str, dict[str, Any]]:
    """The TinyDB layout of one user's file: table -> {doc id: document}."""
    return {
        SETTINGS: {"1": encode(user.settings)},
        INTERVIEWS: {str(i): encode(doc) for i, doc in enumerate(user.interviews, 1)},
        NUDGES: {str(i): encode(doc) for i, doc in enumerate(user.nudges, 1)},
    }


def write_users(data_dir: Path, users: Iterable[UserData]) -> int:
    """One file per user, as followup.store.tinydb lays them out; returns how many were written."""
    users_dir = data_dir / USERS_DIR
    users_dir.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    made: set[str] = set()
    count = 0
    for user in users:
        user_id = user.settings.user_id
        shard = shard_of(user_id)
        if shard not in made:
            (users_dir / shard).mkdir(exist_ok=True, mode=DIR_MODE)
            made.add(shard)
        path = users_dir / shard / f"{user_id}.json"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(_tables(user), handle, ensure_ascii=False, separators=(",", ":"))
        count += 1
    return count


def write_one_file(path: Path, users: Iterable[UserData]) -> int:
    """Every user in one TinyDB file (tables named "<user id>/<table>"), as JSONStorage writes."""
    everything: dict[str, dict[str, Any]] = {}
    count = 0
    for user in users:
        for name, docs in _tables(user).items():
            everything[f"{user.settings.user_id}/{name}"] = docs
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(everything), encoding="utf-8")
    return count


def check_readable(data_dir: Path, user: UserData) -> None:
    """Read one written user back through the real store; raise if anything differs."""
    store = Store(data_dir)
    try:
        user_id = user.settings.user_id
        assert store.settings(user_id) == user.settings, "settings differ"
        assert sorted(i.id for i in store.interviews(user_id)) == sorted(
            i.id for i in user.interviews
        ), "interviews differ"
        assert store.nudges(user_id) == sorted(user.nudges, key=lambda n: (n.due, n.id))
    finally:
        store.close()
