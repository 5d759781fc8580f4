"""Is the bot working? Heartbeats from its two loops, judged against a maximum age.

The transport beats on every successful getUpdates (polling) or webhook delivery; the scheduler
beats from a small repeating job. If either falls silent for longer than `max_age`, the bot is
unhealthy and the verdict says which and for how long: a stalled poll means no user is heard, a
stalled scheduler means no nudge goes out. Time is passed in (the clock), so tests move it.

A standby replica (another one holds the database's active lock) is never healthy: a load
balancer must send webhooks to the active one only. It answers "standby" until it takes over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from followup.ops.clock import Clock

TRANSPORT = "transport"
SCHEDULER = "scheduler"
BOT_DATA_KEY = "health"


@dataclass(frozen=True, slots=True)
class Verdict:
    """Healthy or not, and why not (one reason per silent loop)."""

    healthy: bool
    reasons: tuple[str, ...] = ()

    def text(self) -> str:
        return "ok" if self.healthy else "; ".join(self.reasons)


@dataclass
class Health:
    """The latest heartbeat of each loop; silence is counted from the start until the first."""

    clock: Clock
    max_age: timedelta = timedelta(seconds=60)
    transport_name: str = "getUpdates"  # how the verdict calls the transport ("webhook")
    started: datetime = field(init=False)
    beats: dict[str, datetime] = field(default_factory=dict)
    standby: bool = False

    def __post_init__(self) -> None:
        self.started = self.clock()

    def take_over(self) -> None:
        """This replica became the active one: its loops' silence counts from now."""
        self.standby = False
        self.started = self.clock()

    def beat(self, loop: str) -> None:
        """Note that a loop just did its work."""
        self.beats[loop] = self.clock()

    def verdict(self) -> Verdict:
        """Healthy when every loop beat within `max_age` (and this replica is the active one)."""
        if self.standby:
            return Verdict(False, ("standby: another replica is active",))
        now = self.clock()
        names = {TRANSPORT: f"successful {self.transport_name}", SCHEDULER: "scheduler tick"}
        reasons = []
        for loop, name in names.items():
            silent = now - self.beats.get(loop, self.started)
            if silent > self.max_age:
                limit = self.max_age.total_seconds()
                reasons.append(f"no {name} for {silent.total_seconds():.0f} s (limit {limit:g} s)")
        return Verdict(not reasons, tuple(reasons))
