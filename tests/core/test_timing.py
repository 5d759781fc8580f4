"""Loading and checking the timing settings."""

import dataclasses
import re
from datetime import time, timedelta
from pathlib import Path

import pytest

from followup.core.timing import DEFAULT_PATH, Timing, load_timing


def _write_variant(tmp_path: Path, key: str, value: str | None) -> Path:
    """A copy of the default timing.toml with `key` set to `value`, or removed when None."""
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    line = re.compile(rf"^{key} = .*$", re.MULTILINE)
    assert line.search(text), f"{key} not in the default file"
    text = line.sub("" if value is None else f"{key} = {value}", text)
    target = tmp_path / "timing.toml"
    target.write_text(text, encoding="utf-8")
    return target


def test_defaults_follow_the_product_rules() -> None:
    timing = load_timing()
    assert (timing.quiet_start, timing.quiet_end) == (time(21, 0), time(8, 30))
    assert (timing.work_start, timing.work_end) == (time(9, 0), time(17, 30))
    assert timing.check_in_after_start == timedelta(minutes=75)
    assert timing.recruiter_feedback_after == timedelta(hours=1)
    assert timing.feedback_window == timedelta(hours=3)
    assert timing.thank_you_after == timedelta(hours=2)
    assert timing.thank_you_same_day_before == time(18, 0)
    assert timing.thank_you_next_morning_at == time(9, 0)
    assert timing.reassurance_after_business_days == 2
    assert timing.after_decision_business_days == 1
    assert timing.after_interview_business_days == 5
    assert timing.chase_at == time(10, 0)
    assert timing.second_chase_after_business_days == 5
    assert timing.move_on_after_business_days == 5
    assert timing.feedback_stale_hours == 24


def test_explicit_path_is_read(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, "chase_at", "11:15:00")
    assert load_timing(path).chase_at == time(11, 15)


def test_timing_is_frozen() -> None:
    timing = load_timing()
    with pytest.raises(dataclasses.FrozenInstanceError):
        timing.chase_at = time(7, 0)  # type: ignore[misc]


@pytest.mark.parametrize("key", [f.name for f in dataclasses.fields(Timing)])
def test_missing_key_is_named(tmp_path: Path, key: str) -> None:
    path = _write_variant(tmp_path, key, None)
    with pytest.raises(ValueError, match=rf"timing\.toml: missing key\(s\): {key}$"):
        load_timing(path)


def test_unknown_key_is_named(tmp_path: Path) -> None:
    path = tmp_path / "timing.toml"
    path.write_text(DEFAULT_PATH.read_text(encoding="utf-8") + "\nsnooze_minutes = 30\n")
    with pytest.raises(ValueError, match=r"timing\.toml: unknown key\(s\): snooze_minutes"):
        load_timing(path)


@pytest.mark.parametrize(
    ("key", "value", "complaint"),
    [
        ("chase_at", '"ten"', "expected a local time of day"),
        ("chase_at", "10", "expected a local time of day"),
        ("quiet_start", "2026-10-01T21:00:00Z", "expected a local time of day"),
        ("feedback_window_hours", "-1", "must not be negative"),
        ("feedback_window_hours", "1.5", "expected a whole number"),
        ("feedback_window_hours", '"3"', "expected a whole number"),
        ("move_on_after_business_days", "true", "expected a whole number"),
        ("quiet_end", "21:00:00", "must differ from quiet_start"),
        ("work_end", "09:00:00", "must be later than work_start"),
    ],
)
def test_bad_value_is_named(tmp_path: Path, key: str, value: str, complaint: str) -> None:
    path = _write_variant(tmp_path, key, value)
    with pytest.raises(ValueError, match=rf"timing\.toml: {key}: {complaint}"):
        load_timing(path)


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "timing.toml"
    path.write_text("quiet_start = = 21:00\n")
    with pytest.raises(ValueError, match=r"timing\.toml: not valid TOML"):
        load_timing(path)


def test_building_in_code_is_checked_too() -> None:
    with pytest.raises(ValueError, match="chase_at"):
        dataclasses.replace(load_timing(), chase_at="10:00")  # type: ignore[arg-type]
