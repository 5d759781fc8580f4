"""The database setting: a PostgreSQL URL from the flag or the variable, its password a secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.ops.logsetup import redact
from followup.ops.settings import SettingsError, load_settings

URL = "postgresql://bot:s3cr%40t-pw@db.internal:5432/followup"


def test_unset_means_the_data_folder(tmp_path: Path) -> None:
    assert load_settings([], {"FOLLOWUP_DATA_DIR": str(tmp_path)}).database_url is None


@pytest.mark.parametrize(
    "url",
    [
        URL,
        "postgres://bot@db/followup",
        "postgresql:///followup?host=/run/postgresql",
        "postgresql://bot@db/followup?password=s3cr%40t-pw&sslmode=require",
    ],
)
def test_postgresql_urls_are_taken_as_given(url: str, tmp_path: Path) -> None:
    env = {"FOLLOWUP_DATA_DIR": str(tmp_path), "FOLLOWUP_DATABASE_URL": url}
    assert load_settings([], env).database_url == url
    assert (
        load_settings(["--database-url", url], {"FOLLOWUP_DATA_DIR": str(tmp_path)}).database_url
        == url
    )


def test_the_password_is_a_secret_in_both_spellings(tmp_path: Path) -> None:
    settings = load_settings(["--database-url", URL, "--data-dir", str(tmp_path)], {})
    assert {"s3cr@t-pw", "s3cr%40t-pw"} <= set(settings.secrets)
    line = f"could not connect to {URL} (password s3cr@t-pw)"
    assert "s3cr" not in redact(line, settings.secrets)
    without = load_settings(
        ["--database-url", "postgres://bot@db/x", "--data-dir", str(tmp_path)], {}
    )
    assert without.secrets == []


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (
            ["--database-url", "mysql://bot:s3cr%40t-pw@db/x"],
            "--database-url must be a postgresql://",
        ),
        (["--database-url", "db.internal"], "--database-url must be a postgresql://"),
        (["--database-url", "postgresql://bot:s3cr%40t-pw@db/x?colour=blue"], "libpq can read"),
    ],
)
def test_bad_urls_are_refused_without_repeating_them(
    argv: list[str], says: str, tmp_path: Path
) -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings([*argv, "--data-dir", str(tmp_path)], {})
    assert says in str(refused.value) and "s3cr" not in str(refused.value)
