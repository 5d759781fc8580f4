"""FOLLOWUP_COUNTRY: the public holidays new users start with, validated once at start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup.ops.settings import SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[2]


def test_unset_means_propose_from_the_zone(tmp_path: Path) -> None:
    assert load_settings([], {"FOLLOWUP_DATA_DIR": str(tmp_path)}).country is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("GB-ENG", "GB-ENG"), ("gb-sct", "GB-SCT"), ("US-CA", "US-CA"), ("de-by", "DE-BY"),
     ("FR", "FR"), ("JP", "JP"), ("IL", "IL"), ("none", "none"), ("None", "none")],
)  # fmt: skip
def test_codes_from_the_environment(value: str, expected: str, tmp_path: Path) -> None:
    env = {"FOLLOWUP_DATA_DIR": str(tmp_path), "FOLLOWUP_COUNTRY": value}
    assert load_settings([], env).country == expected


def test_the_flag_wins(tmp_path: Path) -> None:
    env = {"FOLLOWUP_DATA_DIR": str(tmp_path), "FOLLOWUP_COUNTRY": "FR"}
    assert load_settings(["--country", "us-ny"], env).country == "US-NY"


@pytest.mark.parametrize("value", ["XX", "GB-XYZ", "England", "GB-"])
def test_bad_codes_are_named(value: str, tmp_path: Path) -> None:
    env = {"FOLLOWUP_DATA_DIR": str(tmp_path), "FOLLOWUP_COUNTRY": value}
    with pytest.raises(SettingsError, match="FOLLOWUP_COUNTRY"):
        load_settings([], env)


def test_a_bad_code_exits_2_with_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), "--country", "Narnia-North"],
        env={**os.environ, "FOLLOWUP_DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "Narnia-North" in result.stderr
    assert "Traceback" not in result.stderr
