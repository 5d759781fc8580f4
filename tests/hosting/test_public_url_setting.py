"""FOLLOWUP_PUBLIC_URL: where users' calendar feeds are reached; it needs the HTTP listener."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.ops.settings import SettingsError, load_settings


def test_a_public_address_with_the_listener(tmp_path: Path) -> None:
    env = {"FOLLOWUP_DATA_DIR": str(tmp_path), "FOLLOWUP_HTTP_PORT": "8080"}
    assert load_settings([], env).public_url is None
    env["FOLLOWUP_PUBLIC_URL"] = "https://coach.example.com/bot/"
    assert load_settings([], env).public_url == "https://coach.example.com/bot"
    flagged = load_settings(["--public-url", "https://other.example.com"], env)
    assert flagged.public_url == "https://other.example.com"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("coach.example.com", "FOLLOWUP_PUBLIC_URL must be the bot's public address"),
        ("ftp://coach.example.com", "FOLLOWUP_PUBLIC_URL must be the bot's public address"),
        ("https://coach.example.com/?a=1", "FOLLOWUP_PUBLIC_URL must be the bot's public address"),
    ],
)
def test_a_malformed_public_address_is_refused(tmp_path: Path, value: str, message: str) -> None:
    env = {"FOLLOWUP_DATA_DIR": str(tmp_path), "FOLLOWUP_HTTP_PORT": "8080"}
    with pytest.raises(SettingsError, match=message):
        load_settings([], {**env, "FOLLOWUP_PUBLIC_URL": value})


def test_a_public_address_needs_the_listener(tmp_path: Path) -> None:
    env = {"FOLLOWUP_DATA_DIR": str(tmp_path), "FOLLOWUP_PUBLIC_URL": "https://c.example.com"}
    with pytest.raises(SettingsError, match="FOLLOWUP_PUBLIC_URL needs FOLLOWUP_HTTP_PORT"):
        load_settings([], env)
    with pytest.raises(SettingsError, match="--public-url needs FOLLOWUP_HTTP_PORT"):
        load_settings(
            ["--public-url", "https://c.example.com"], {"FOLLOWUP_DATA_DIR": str(tmp_path)}
        )
