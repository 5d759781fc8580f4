"""How long one user's save_interview takes as the number of users grows.

Compares the store (one atomically written file per user) with TinyDB's default JSONStorage
holding every user in one file. Each user has 3 interviews and 6 nudges. Run:

    .venv/bin/python bench/store_scale.py
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tinydb import Query, TinyDB

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from followup.core.model import Interview, Nudge, NudgeKind, new_id
from followup.store.codec import encode
from followup.store.tinydb import Store

SIZES = (10, 1000, 10_000)
SINGLE_FILE_SIZES = (10, 1000)  # 10,000 users in one file: ~1 s per write, too slow to repeat
REPEATS = 200
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def user_records(user_id: int) -> tuple[list[Interview], list[Nudge]]:
    """Three interviews and six nudges, shaped like real ones."""
    interviews = [
        Interview(
            id=new_id(),
            user_id=user_id,
            company=f"Company {n}",
            when=T0 + timedelta(days=n),
            created=T0 + timedelta(days=n, hours=2),
            role="Backend engineer",
            recruiter="Sam",
            notes="Asked about on-call and the team's roadmap; follow up on salary band.",
            debriefed=True,
        )
        for n in range(3)
    ]
    nudges = [
        Nudge(
            id=new_id(),
            user_id=user_id,
            chat_id=user_id,
            interview_id=interviews[n % 3].id,
            kind=NudgeKind.CHASE,
            due=T0 + timedelta(days=n + 3),
        )
        for n in range(6)
    ]
    return interviews, nudges


def median_ms(action: Callable[[int], None], repeats: int) -> float:
    """Median wall time of `action(i)` in milliseconds."""
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench_store(users: int) -> tuple[float, float, float, float]:
    """Fill time (s), hot and cold save_interview (ms), start-up scan of pending nudges (s)."""
    with tempfile.TemporaryDirectory() as data_dir:
        store = Store(Path(data_dir))
        start = time.perf_counter()
        samples: dict[int, Interview] = {}
        for user_id in range(1, users + 1):
            interviews, nudges = user_records(user_id)
            # One file write per user (the saves join one batch) keeps filling 10,000 users quick.
            with store._writing(user_id):
                for interview in interviews:
                    store.save_interview(interview)
                store.save_nudges(nudges)
            samples[user_id] = interviews[0]
        fill = time.perf_counter() - start
        store.close()

        store = Store(Path(data_dir))
        hot_user = samples[1]
        hot = median_ms(lambda i: store.save_interview(replace(hot_user, notes=f"n{i}")), REPEATS)
        # Random users: with more users than the LRU holds, most of these open a file first.
        rng = random.Random(7)
        picks = [samples[rng.randint(1, users)] for _ in range(REPEATS)]
        cold = median_ms(lambda i: store.save_interview(replace(picks[i], notes=f"c{i}")), REPEATS)
        store.close()

        store = Store(Path(data_dir))
        start = time.perf_counter()
        pending = sum(1 for _ in store.all_pending_nudges())
        scan = time.perf_counter() - start
        assert pending == users * 6
        store.close()
    return fill, hot, cold, scan


def bench_single_file(users: int) -> float:
    """save_interview's equivalent (upsert by user and id) with every user in one JSON file."""
    with tempfile.TemporaryDirectory() as data_dir:
        db = TinyDB(Path(data_dir) / "all.json")
        samples: dict[int, Interview] = {}
        interview_docs, nudge_docs = [], []
        for user_id in range(1, users + 1):
            interviews, nudges = user_records(user_id)
            interview_docs += [encode(interview) for interview in interviews]
            nudge_docs += [encode(nudge) for nudge in nudges]
            samples[user_id] = interviews[0]
        db.table("interviews").insert_multiple(interview_docs)
        db.table("nudges").insert_multiple(nudge_docs)
        table = db.table("interviews")
        doc = Query()
        rng = random.Random(7)
        picks = [samples[rng.randint(1, users)] for _ in range(REPEATS)]

        def save(i: int) -> None:
            interview = replace(picks[i], notes=f"c{i}")
            match = (doc.user_id == interview.user_id) & (doc.id == interview.id)
            table.upsert(encode(interview), match)

        result = median_ms(save, REPEATS)
        db.close()
    return result


def main() -> None:
    """Print one row per size."""
    print(f"save_interview, median of {REPEATS}; each user has 3 interviews and 6 nudges\n")
    header = (
        f"{'users':>7} | {'fill (s)':>8} | {'store hot (ms)':>14} | {'store random (ms)':>17} | "
        f"{'start-up scan (s)':>17} | {'one-file TinyDB (ms)':>20}"
    )
    print(header)
    print("-" * len(header))
    for users in SIZES:
        fill, hot, cold, scan = bench_store(users)
        single = f"{bench_single_file(users):.2f}" if users in SINGLE_FILE_SIZES else "skipped"
        print(
            f"{users:>7} | {fill:>8.1f} | {hot:>14.2f} | {cold:>17.2f} | {scan:>17.2f} | "
            f"{single:>20}",
            flush=True,
        )
    print(
        "\nstore hot: the same user each time (database open in the LRU); store random: a random"
        "\nuser each time (with 10,000 users most are not open and their file is read first)."
        "\nstart-up scan: all_pending_nudges() on a freshly opened store."
        "\none-file TinyDB: default JSONStorage, every user in one file, upsert by (user, id);"
        "\nskipped at 10,000 users, where each write re-reads and rewrites ~35 MB."
    )


if __name__ == "__main__":
    main()
