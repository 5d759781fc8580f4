"""Turn pending nudge records into JobQueue jobs. The store is the truth; the jobs are a cache.

Each job's APScheduler id is the nudge's id, so arming twice replaces rather than duplicates, and
misfire_grace_time=None means a job that fell due while the loop was busy still runs (APScheduler's
default grace of one second would silently drop it).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from telegram.ext import CallbackContext, JobQueue

from followup.core.model import Nudge

JobCallback = Callable[[CallbackContext[Any, Any, Any, Any]], Coroutine[Any, Any, None]]


@dataclass(frozen=True, slots=True)
class NudgeRef:
    """What a job carries: enough to find the record again, never the record itself."""

    user_id: int
    nudge_id: str
    attempt: int = 0


def job_name(nudge_id: str) -> str:
    return f"nudge:{nudge_id}"


class NudgeScheduler:
    """Arms and disarms nudge jobs on python-telegram-bot's JobQueue (APScheduler underneath)."""

    def __init__(self, job_queue: JobQueue[Any], callback: JobCallback) -> None:
        self._jobs = job_queue
        self._callback = callback

    def arm(self, nudge: Nudge, at: datetime | None = None, attempt: int = 0) -> None:
        """Schedule the nudge at its due time (or `at`, for a retry); replaces any earlier job."""
        self._jobs.run_once(
            self._callback,
            when=at or nudge.due,
            data=NudgeRef(nudge.user_id, nudge.id, attempt),
            name=job_name(nudge.id),
            chat_id=nudge.chat_id,
            user_id=nudge.user_id,
            job_kwargs={"id": nudge.id, "replace_existing": True, "misfire_grace_time": None},
        )

    def disarm(self, nudge_id: str) -> None:
        """Drop the nudge's job if it has one (looked up by id: no scan of all jobs)."""
        job = self._jobs.scheduler.get_job(nudge_id)
        if job is not None:
            job.remove()

    def arm_all(self, nudges: Iterable[Nudge]) -> int:
        """Arm every nudge given; returns how many."""
        count = 0
        for nudge in nudges:
            self.arm(nudge)
            count += 1
        return count

    def armed(self, nudge_id: str) -> bool:
        return self._jobs.scheduler.get_job(nudge_id) is not None
