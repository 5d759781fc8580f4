"""The timing settings the follow-up rules run on, read from timing.toml and checked once."""

import tomllib
from dataclasses import dataclass, fields
from datetime import time, timedelta
from pathlib import Path
from typing import get_type_hints

DEFAULT_PATH = Path(__file__).with_name("timing.toml")


@dataclass(frozen=True)
class Timing:
    """Every number the rules use; see timing.toml for what each one means."""

    quiet_start: time
    quiet_end: time
    work_start: time
    work_end: time
    interview_length_minutes: int
    check_in_after_end_minutes: int
    check_in_stale_hours: int
    before_evening_at: time
    before_morning_at: time
    before_min_lead_minutes: int
    recruiter_feedback_after_minutes: int
    feedback_window_hours: int
    feedback_stale_hours: int
    thank_you_every_interview: bool
    thank_you_after_minutes: int
    thank_you_same_day_before: time
    thank_you_next_morning_at: time
    thank_you_stale_hours: int
    reassurance_after_business_days: int
    reassurance_at: time
    after_decision_business_days: int
    after_interview_business_days: int
    chase_at: time
    second_chase_after_business_days: int
    move_on_after_business_days: int
    follow_through_at: time
    follow_through_stale_hours: int
    rejection_reply_at: time
    offer_deadline_at: time
    tip_request_after_days: int
    tip_request_at: time
    weekly_card_at: time
    after_outcome_stale_hours: int

    def __post_init__(self) -> None:
        """Reject values of the wrong type or out of range, naming the key."""
        hints = get_type_hints(type(self))
        for item in fields(self):
            _check_value(item.name, getattr(self, item.name), hints[item.name])
        if self.quiet_start == self.quiet_end:
            raise ValueError("quiet_end: must differ from quiet_start")
        if self.work_start >= self.work_end:
            raise ValueError("work_end: must be later than work_start")

    @property
    def interview_length(self) -> timedelta:
        """How long an interview is assumed to last."""
        return timedelta(minutes=self.interview_length_minutes)

    @property
    def check_in_after_start(self) -> timedelta:
        """How long after the interview starts the check-in comes."""
        return self.interview_length + timedelta(minutes=self.check_in_after_end_minutes)

    @property
    def recruiter_feedback_after(self) -> timedelta:
        """How long after the interview starts the nudge to call the recruiter comes."""
        return timedelta(minutes=self.recruiter_feedback_after_minutes)

    @property
    def feedback_window(self) -> timedelta:
        """How long after the start "give feedback first" is the answer on the agency route."""
        return timedelta(hours=self.feedback_window_hours)

    @property
    def before_min_lead(self) -> timedelta:
        """How far ahead of the interview a morning-of tip must still be."""
        return timedelta(minutes=self.before_min_lead_minutes)

    @property
    def thank_you_after(self) -> timedelta:
        """How long after the interview starts a same-day thank-you nudge comes."""
        return timedelta(minutes=self.thank_you_after_minutes)


def _check_value(key: str, value: object, expected: type) -> None:
    """Raise ValueError naming `key` unless `value` is a sensible `expected`."""
    if expected is int:
        # bool is an int subclass, and `true` in TOML is never a count of minutes
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"{key}: expected a whole number, got {value!r}")
        if value < 0:
            raise ValueError(f"{key}: must not be negative, got {value!r}")
    elif expected is bool and not isinstance(value, bool):
        raise ValueError(f"{key}: expected true or false, got {value!r}")
    elif expected is time and (not isinstance(value, time) or value.tzinfo is not None):
        raise ValueError(f"{key}: expected a local time of day such as 09:00:00, got {value!r}")


def load_timing(path: Path | None = None) -> Timing:
    """Read and check the timing settings (timing.toml next to this module by default)."""
    source = path if path is not None else DEFAULT_PATH
    with source.open("rb") as handle:
        try:
            data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise ValueError(f"{source}: not valid TOML: {error}") from error
    expected = {item.name for item in fields(Timing)}
    missing = sorted(expected - data.keys())
    if missing:
        raise ValueError(f"{source}: missing key(s): {', '.join(missing)}")
    unknown = sorted(data.keys() - expected)
    if unknown:
        raise ValueError(f"{source}: unknown key(s): {', '.join(unknown)}")
    try:
        return Timing(**data)
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from error
