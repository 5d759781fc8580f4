"""The one place that reads the wall clock; everything else takes the time as an argument."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time, aware and in UTC."""
    return datetime.now(UTC)
