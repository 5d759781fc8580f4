"""Long runs: their size from the environment, their figures on one line, deliveries counted."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable

from tests.support.fake_telegram import FakeTelegram


def long_run_size(variable: str, ci: int, full: int) -> int:
    """A test's size: `variable` if set, `full` with FOLLOWUP_LONG_TESTS=1, else the CI size."""
    if os.environ.get(variable):
        return int(os.environ[variable])
    return full if os.environ.get("FOLLOWUP_LONG_TESTS") == "1" else ci


def report_figures(title: str, **figures: object) -> None:
    """Print a test's figures on one line (shown with `pytest -s`)."""
    line = f"[figures] {title}: " + ", ".join(f"{name}={value}" for name, value in figures.items())
    print(line, flush=True)


def nudge_deliveries(fake: FakeTelegram, user_ids: Iterable[int]) -> Counter[str]:
    """How many messages each nudge id arrived in, found through its buttons' data."""
    counts: Counter[str] = Counter()
    for user_id in user_ids:
        for message in fake.chat_messages(user_id):
            counts.update(
                {
                    (button.callback_data or "").rsplit(":", 1)[-1]
                    for row in message.buttons
                    for button in row
                    if (button.callback_data or "").startswith("v1:nudge:")
                }
            )
    return counts
