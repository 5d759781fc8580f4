"""What the bot did, counted for Prometheus, and the one log line per nudge an operator reads.

One registry per Application (not prometheus-client's global one), so several bots in one
process, as in the tests, count apart. `/metrics` (followup/ops/monitoring.py) renders it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, MutableMapping
from datetime import datetime
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from followup.core.model import Nudge

log = logging.getLogger(__name__)
BOT_DATA_KEY = "metrics"
SENT, SKIPPED, FAILED = "sent", "skipped", "failed"
# Seconds late: on time (the scheduler's own jitter), after a busy spell, after downtime.
LATENESS_BUCKETS = (1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 24 * 3600, 7 * 24 * 3600)


class Metrics:
    """The bot's counters, gauges and histogram, in their own registry."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.updates = Counter("followup_updates", "Updates received from Telegram", registry=r)
        self.messages = Counter(
            "followup_messages_sent",
            "Messages sent or edited, replies and nudges alike (nudges: followup_nudges_total)",
            ["method"],
            registry=r,
        )
        self.requests = Counter(
            "followup_bot_api_requests",
            "Bot API requests by method and HTTP status (or network_error)",
            ["method", "status"],
            registry=r,
        )
        self.rate_limited = Counter(
            "followup_rate_limited", "429 Too Many Requests answers from Telegram", registry=r
        )
        self.retries = Counter(
            "followup_retries",
            "Bot API requests tried again after a failure",
            ["method"],
            registry=r,
        )
        self.nudges = Counter(
            "followup_nudges", "Nudges that fell due, by kind and outcome", ["kind", "outcome"],
            registry=r,
        )  # fmt: skip
        self.lateness = Histogram(
            "followup_nudge_lateness_seconds",
            "How long after its due time each nudge was sent",
            ["kind"],
            buckets=LATENESS_BUCKETS,
            registry=r,
        )
        self.pending = Gauge(
            "followup_pending_nudges",
            "Nudges waiting to be sent (as of the last pass of the queue)",
            registry=r,
        )
        self.users = Gauge("followup_users", "Users with stored data", registry=r)

    def watch(self, pending: Callable[[], float], users: Callable[[], float]) -> None:
        """Read the two gauges at each scrape from these functions."""
        self.pending.set_function(pending)
        self.users.set_function(users)

    def request_done(self, method: str, status: int | None) -> None:
        """Count one Bot API request by its answer (None: no answer, a network error)."""
        self.requests.labels(method, str(status) if status else "network_error").inc()
        if status == 429:
            self.rate_limited.inc()
        if status == 200 and _sends_a_message(method):
            self.messages.labels(method).inc()


def _sends_a_message(method: str) -> bool:
    return method.startswith(("send", "edit", "copy", "forward")) and method != "sendChatAction"


def of(bot_data: MutableMapping[Any, Any]) -> Metrics | None:
    """The Application's metrics, if it has any."""
    found = bot_data.get(BOT_DATA_KEY)
    return found if isinstance(found, Metrics) else None


def record_nudge(
    bot_data: MutableMapping[Any, Any], outcome: str, nudge: Nudge, now: datetime, reason: str = ""
) -> None:
    """One log line per nudge sent, skipped or failed (no names, no text), and its counts."""
    late = max(0.0, (now - nudge.due).total_seconds())
    why = f" ({reason})" if reason else ""
    level = logging.WARNING if outcome == FAILED else logging.INFO
    log.log(level, "nudge %s%s: kind=%s interview=%s late=%.0fs", outcome, why, nudge.kind,
            nudge.interview_id, late)  # fmt: skip
    metrics = of(bot_data)
    if metrics is None:
        return
    metrics.nudges.labels(nudge.kind, outcome).inc()
    if outcome == SENT:
        metrics.lateness.labels(nudge.kind).observe(late)
