"""What the use cases tell the nudge queue: something is due sooner than it may know."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Waker(Protocol):
    """Whatever sends due nudges (the dispatcher): wake up by `due` to look at the queue."""

    def poke(self, due: datetime) -> None:
        """A nudge is now due at `due`: be awake then."""
