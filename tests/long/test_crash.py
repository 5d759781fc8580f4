"""kill -9 under write load: after each kill every file loads and no acknowledged write is lost.

A worker process (tests/support/crash_worker.py) writes through the real Store and announces
each write before ("do") and after ("ack") it. The test kills it with SIGKILL at random moments,
checks the data directory, and starts it again on the same directory. What the disk must hold is
known exactly: every acknowledged write, plus possibly the one write that was announced but not yet
acknowledged when the kill landed. Sizes: FOLLOWUP_CRASH_KILLS, or FOLLOWUP_LONG_TESTS=1 (250).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from followup.store.tinydb import Store
from tests.support.runs import long_run_size, report_figures

WORKER = Path(__file__).resolve().parents[1] / "support" / "crash_worker.py"
REPO = Path(__file__).resolve().parents[2]
CONVERSATION = "debrief"

Model = dict[tuple[Any, ...], Any]
Op = tuple[int, int, str, str, str]  # seq, user, kind, ids, arg


def _seq_of(moment: Any) -> int:
    from tests.support.crash_worker import seq_of

    return seq_of(moment)


def snapshot(data_dir: Path) -> Model:
    """Everything the worker's writes can have changed, read back through a fresh Store."""
    store = Store(data_dir)
    found: Model = {}
    try:
        for user in store.user_ids():
            for interview in store.interviews(user):
                assert interview.notes is not None
                found["interview", user, interview.id] = int(interview.notes.split()[0][4:])
            for nudge in store.nudges(user):
                sent = None if nudge.sent_at is None else _seq_of(nudge.sent_at)
                found["nudge", user, nudge.id] = (_seq_of(nudge.due), nudge.state.value, sent)
            data = store.user_data(user)
            if data:
                found["user_data", user] = data["seq"]
            for key, state in store.conversation_states(CONVERSATION).items():
                if key[-1] == user:
                    found["conversation", user] = int(str(state)[1:])
            settings = store.settings(user)
            if settings is not None:
                found["settings", user] = int(settings.tips[0][3:])
    finally:
        store.close()
    return found


def apply(model: Model, op: Op) -> Model:
    """The model after one announced write."""
    seq, user, kind, ids, arg = op
    after = dict(model)
    if kind == "interview":
        after["interview", user, ids] = seq
    elif kind == "nudges":
        for ident in ids.split(","):
            after["nudge", user, ident] = (seq, "pending", None)
    elif kind == "mark":
        current = after.get(("nudge", user, ids))
        if current is not None:
            after["nudge", user, ids] = (current[0], arg, seq)
    elif kind == "user_data":
        after["user_data", user] = seq
    elif kind == "conversation":
        if arg == "delete":
            after.pop(("conversation", user), None)
        else:
            after["conversation", user] = seq
    else:
        after["settings", user] = seq
    return after


def unreadable_files(data_dir: Path) -> int:
    """Data files that are not a JSON object."""
    bad = 0
    for path in (data_dir / "users").glob("*/*.json"):
        try:
            if not isinstance(json.loads(path.read_bytes()), dict):
                bad += 1
        except (UnicodeDecodeError, json.JSONDecodeError):
            bad += 1
    return bad


class Worker:
    """One run of the worker process, with the writes it announced and acknowledged."""

    def __init__(self, data_dir: Path, seed: int, first_seq: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(data_dir), str(seed), str(first_seq)],
            stdout=subprocess.PIPE,
            cwd=REPO,
            text=True,
        )
        self.announced: Op | None = None
        self.acked: list[Op] = []
        self.last_seq = first_seq - 1
        line = self._readline()
        assert line == "ready", line

    def _readline(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().rstrip("\n")

    def take(self, line: str) -> None:
        """Record one line of output."""
        words = line.split()
        if not words:
            return
        if words[0] == "do":
            seq, user, kind, ids, arg = words[1:6]
            self.announced = (int(seq), int(user), kind, ids, arg)
            self.last_seq = int(seq)
        elif words[0] == "ack":
            assert self.announced is not None and int(words[4]) == self.announced[0], line
            self.acked.append(self.announced)
            self.announced = None

    def run_until(self, acks: int) -> None:
        """Read output until `acks` more writes were acknowledged."""
        target = len(self.acked) + acks
        while len(self.acked) < target:
            line = self._readline()
            assert line, f"worker ended early with {self.proc.poll()}"
            self.take(line)

    def kill(self) -> None:
        """SIGKILL, then read whatever it had already written to the pipe."""
        self.proc.send_signal(signal.SIGKILL)
        assert self.proc.stdout is not None
        rest = self.proc.stdout.read()
        self.proc.wait()
        assert self.proc.returncode == -signal.SIGKILL
        for line in rest.splitlines():
            self.take(line)


def test_sigkill_at_random_moments_loses_no_acknowledged_write(tmp_path: Path) -> None:
    kills = long_run_size("FOLLOWUP_CRASH_KILLS", ci=20, full=250)
    rng = random.Random(20261125)
    data_dir = tmp_path / "data"
    model: Model = {}
    acked_total = unreadable = lost = mid_write = 0
    next_seq = 1
    started = time.monotonic()
    for kill in range(kills):
        worker = Worker(data_dir, seed=rng.randrange(2**32), first_seq=next_seq)
        worker.run_until(rng.randrange(0, 40))
        if rng.random() < 0.7:  # land somewhere inside a write rather than just after an ack
            time.sleep(rng.random() * 0.004)
        worker.kill()
        for op in worker.acked:
            model = apply(model, op)
        acked_total += len(worker.acked)
        unreadable += unreadable_files(data_dir)
        disk = snapshot(data_dir)
        with_inflight = apply(model, worker.announced) if worker.announced else model
        if disk != model and disk == with_inflight:
            mid_write += 1  # the announced write reached the disk before the kill
        elif disk != model:
            keys = set(disk) | set(model)
            wrong = [k for k in keys if disk.get(k) != model.get(k)]
            lost += len(wrong)
            raise AssertionError(f"after kill {kill + 1}: records differ from the acks: {wrong}")
        model = disk
        next_seq = worker.last_seq + 1
    leftovers = len(list((data_dir / "users").glob("*/.*.tmp")))
    report_figures(
        "kill -9 under write load",
        kills=kills,
        acknowledged_writes=acked_total,
        unreadable_files=unreadable,
        acknowledged_changes_lost=lost,
        kills_after_write_landed_before_ack=mid_write,
        leftover_tmp_files=leftovers,
        seconds=round(time.monotonic() - started, 1),
    )
    assert unreadable == 0 and lost == 0
    assert acked_total > 0 and os.listdir(data_dir / "users")
