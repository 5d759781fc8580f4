"""The health verdict and the counters, on plain values and a clock the test moves."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client import generate_latest

from followup.core.model import Nudge, NudgeKind
from followup.ops.health import SCHEDULER, TRANSPORT, Health
from followup.ops.metrics import FAILED, SENT, SKIPPED, Metrics, record_nudge

T0 = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.mark.parametrize(
    ("poll_ago", "tick_ago", "healthy", "reasons"),
    [
        (5, 5, True, ()),
        (60, 60, True, ()),  # exactly at the limit still counts
        (61, 5, False, ("no successful getUpdates for 61 s (limit 60 s)",)),
        (5, 90, False, ("no scheduler tick for 90 s (limit 60 s)",)),
        (120, 120, False, ("no successful getUpdates for 120 s (limit 60 s)",
                           "no scheduler tick for 120 s (limit 60 s)")),
    ],
)  # fmt: skip
def test_verdict(poll_ago: int, tick_ago: int, healthy: bool, reasons: tuple[str, ...]) -> None:
    clock = Clock()
    health = Health(clock, timedelta(seconds=60))
    clock.now = T0 + timedelta(seconds=1000)
    later = clock.now
    clock.now = later - timedelta(seconds=poll_ago)
    health.beat(TRANSPORT)
    clock.now = later - timedelta(seconds=tick_ago)
    health.beat(SCHEDULER)
    clock.now = later
    verdict = health.verdict()
    assert (verdict.healthy, verdict.reasons) == (healthy, reasons)
    assert verdict.text() == ("ok" if healthy else "; ".join(reasons))


def test_silence_counts_from_the_start_until_the_first_beat() -> None:
    clock = Clock()
    health = Health(clock, timedelta(seconds=30), transport_name="webhook check")
    clock.now = T0 + timedelta(seconds=30)
    assert health.verdict().healthy
    clock.now = T0 + timedelta(seconds=31)
    assert health.verdict().reasons[0] == "no successful webhook check for 31 s (limit 30 s)"


def test_a_standby_replica_is_never_healthy_until_it_takes_over() -> None:
    clock = Clock()
    health = Health(clock, timedelta(seconds=30), standby=True)
    assert health.verdict().text() == "standby: another replica is active"
    clock.now = T0 + timedelta(minutes=10)
    health.take_over()
    assert health.verdict().healthy  # silence counts from the takeover, not from the start
    clock.now += timedelta(seconds=31)
    assert not health.verdict().healthy


def nudge(kind: NudgeKind = NudgeKind.THANK_YOU) -> Nudge:
    return Nudge(id="n1", user_id=7, chat_id=7, interview_id="iv42", kind=kind, due=T0)


def exported(metrics: Metrics) -> str:
    return generate_latest(metrics.registry).decode()


def test_nudges_are_counted_by_kind_and_outcome_with_lateness(
    caplog: pytest.LogCaptureFixture,
) -> None:
    metrics = Metrics()
    bot_data = {"metrics": metrics}
    caplog.set_level(logging.INFO, logger="followup.ops.metrics")
    record_nudge(bot_data, SENT, nudge(), T0 + timedelta(seconds=42))
    record_nudge(bot_data, SKIPPED, nudge(NudgeKind.REASSURANCE), T0 + timedelta(days=3), "stale")
    record_nudge(bot_data, FAILED, nudge(), T0, "network")
    text = exported(metrics)
    assert 'followup_nudges_total{kind="thank_you",outcome="sent"} 1.0' in text
    assert 'followup_nudges_total{kind="reassurance",outcome="skipped"} 1.0' in text
    assert 'followup_nudges_total{kind="thank_you",outcome="failed"} 1.0' in text
    assert 'followup_nudge_lateness_seconds_bucket{kind="thank_you",le="60.0"} 1.0' in text
    assert 'followup_nudge_lateness_seconds_bucket{kind="thank_you",le="15.0"} 0.0' in text
    assert [r.getMessage() for r in caplog.records] == [
        "nudge sent: kind=thank_you interview=iv42 late=42s",
        "nudge skipped (stale): kind=reassurance interview=iv42 late=259200s",
        "nudge failed (network): kind=thank_you interview=iv42 late=0s",
    ]
    assert [r.levelname for r in caplog.records] == ["INFO", "INFO", "WARNING"]


def test_a_nudge_is_logged_even_without_metrics(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="followup.ops.metrics")
    record_nudge({}, SENT, nudge(), T0)
    assert len(caplog.records) == 1


@pytest.mark.parametrize(
    ("method", "status", "counted"),
    [
        ("sendMessage", 200, ['followup_messages_sent_total{method="sendMessage"} 1.0']),
        ("editMessageText", 200, ['followup_messages_sent_total{method="editMessageText"} 1.0']),
        ("sendChatAction", 200, []),
        ("getUpdates", 200, []),
        ("sendMessage", 429, ["followup_rate_limited_total 1.0"]),
        ("sendMessage", None, ['status="network_error"']),
    ],
)
def test_requests(method: str, status: int | None, counted: list[str]) -> None:
    metrics = Metrics()
    metrics.request_done(method, status)
    text = exported(metrics)
    shown = str(status) if status else "network_error"
    assert f'followup_bot_api_requests_total{{method="{method}",status="{shown}"}} 1.0' in text
    for line in counted:
        assert line in text
    if not counted or status != 200:
        assert "followup_messages_sent_total{" not in text


def test_gauges_are_read_at_each_scrape() -> None:
    metrics = Metrics()
    pending = [3]
    metrics.watch(pending=lambda: pending[0], users=lambda: 2)
    assert "followup_pending_nudges 3.0" in exported(metrics)
    pending[0] = 5
    assert "followup_pending_nudges 5.0" in exported(metrics)
    assert "followup_users 2.0" in exported(metrics)


def test_each_application_counts_apart() -> None:
    first, second = Metrics(), Metrics()
    first.updates.inc()
    assert "followup_updates_total 1.0" in exported(first)
    assert "followup_updates_total 0.0" in exported(second)
