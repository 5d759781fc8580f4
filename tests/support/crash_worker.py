"""A store under a realistic write mix, announcing each write before and after it; for kill tests.

Run as ``python tests/support/crash_worker.py <data_dir> <seed> <first_seq>``. It writes forever,
for a handful of users, through followup.store.tinydb.Store. Before each write it prints

    do <seq> <user> <kind> <id> <arg>

and after the write returned (so it is on disk) it prints

    ack <user> <kind> <id> <seq>

Every value written encodes its sequence number, so the parent can say exactly what each record
must hold after a SIGKILL: the last acknowledged value, or the announced write in flight.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from followup.core.model import Interview, Nudge, NudgeKind, NudgeState, UserSettings
from followup.store.tinydb import Store

USERS = (1001, 2002, 3003, -4004, 5005, 1006)  # 1006 shares shard 006 with nobody; -4004 negative
INTERVIEW_IDS = ("iv0", "iv1", "iv2")
NUDGE_IDS = ("n0", "n1", "n2", "n3")
BASE = datetime(2026, 1, 1, tzinfo=UTC)
KINDS = ("interview", "nudges", "mark", "user_data", "conversation", "settings")
WEIGHTS = (3, 3, 3, 3, 4, 1)
CONVERSATION = "debrief"


def at(seq: int) -> datetime:
    """The moment that encodes a sequence number."""
    return BASE + timedelta(seconds=seq)


def seq_of(moment: datetime) -> int:
    """The sequence number a moment encodes."""
    return int((moment - BASE).total_seconds())


def emit(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def one_write(store: Store, rng: random.Random, seq: int) -> None:
    """Announce, perform and acknowledge one random write."""
    user = rng.choice(USERS)
    kind = rng.choices(KINDS, WEIGHTS)[0]
    if kind == "interview":
        ident = rng.choice(INTERVIEW_IDS)
        emit(f"do {seq} {user} {kind} {ident} -")
        store.save_interview(
            Interview(
                id=ident,
                user_id=user,
                company=f"Company {seq} «ünï» 🙂",
                when=at(seq),
                created=at(seq),
                notes=f"seq:{seq} " + "n" * rng.randrange(0, 3000),
            )
        )
        emit(f"ack {user} {kind} {ident} {seq}")
    elif kind == "nudges":
        idents = sorted(rng.sample(NUDGE_IDS, rng.randint(1, len(NUDGE_IDS))))
        emit(f"do {seq} {user} {kind} {','.join(idents)} -")
        store.save_nudges(
            Nudge(
                id=ident,
                user_id=user,
                chat_id=user,
                interview_id=rng.choice(INTERVIEW_IDS),
                kind=rng.choice(list(NudgeKind)),
                due=at(seq),
            )
            for ident in idents
        )
        emit(f"ack {user} {kind} {','.join(idents)} {seq}")
    elif kind == "mark":
        ident = rng.choice(NUDGE_IDS)
        state = rng.choice([NudgeState.SENT, NudgeState.SKIPPED, NudgeState.CANCELLED])
        emit(f"do {seq} {user} {kind} {ident} {state.value}")
        found = store.mark_nudge(user, ident, state, at(seq))
        emit(f"ack {user} {kind} {ident} {seq}" + ("" if found else " missing"))
    elif kind == "user_data":
        emit(f"do {seq} {user} {kind} - -")
        draft = {"company": f"C{seq}", "when": at(seq).isoformat(), "notes": "x" * 200}
        store.save_user_data(user, {"seq": seq, "debrief": draft})
        emit(f"ack {user} {kind} - {seq}")
    elif kind == "conversation":
        delete = rng.random() < 0.25
        emit(f"do {seq} {user} {kind} - {'delete' if delete else 'set'}")
        state = None if delete else f"s{seq}"
        store.save_conversation_state(CONVERSATION, (user, user), state)
        emit(f"ack {user} {kind} - {seq}")
    else:
        emit(f"do {seq} {user} {kind} - -")
        store.save_settings(UserSettings(user, user, "Europe/London", tips=(f"seq{seq}",)))
        emit(f"ack {user} {kind} - {seq}")


def main() -> None:
    data_dir, seed, first = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    # Fewer open databases than users, so files are also closed and read back from disk.
    store = Store(data_dir, max_open_users=3)
    emit("ready")
    seq = first
    while True:
        one_write(store, rng, seq)
        seq += 1


if __name__ == "__main__":
    main()
