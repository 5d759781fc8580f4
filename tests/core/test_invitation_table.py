"""The invitation corpus (tests/data/invitations/) read field by field: right, asked back, wrong.

Each text or file has a sidecar .json with what it says. A field read differently from the
sidecar without being asked back is wrong; no date or time may ever be wrong, and at least 90 %
of the company, date and time fields that can be read must be read without asking.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followup.core.invitations import Ask, Reading, read_document, read_text
from followup.core.invitations.zones import tz_of
from followup.core.phrasebook import fold

CORPUS = Path(__file__).parent.parent / "data" / "invitations"
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
DEFAULT_ZONE = "Europe/London"
_DAY_ASKS = {Ask.DAY, Ask.MOMENT, Ask.DATE}
_TIME_ASKS = {Ask.TIME, Ask.ZONE, Ask.MOMENT}


def _cases() -> list[tuple[Path, dict[str, Any]]]:
    cases = []
    for sidecar in sorted(CORPUS.glob("*/*.json")):
        source = next(p for p in sidecar.parent.glob(sidecar.stem + ".*") if p.suffix != ".json")
        cases.append((source, json.loads(sidecar.read_text("utf-8"))))
    return cases


def _read(source: Path) -> Reading:
    if source.suffix == ".txt":
        return read_text(source.read_text("utf-8"), NOW)
    return read_document(source.name, source.read_bytes(), NOW)


def grade(reading: Reading, expect: dict[str, Any]) -> dict[str, str]:
    """Each of company, date, time: "right", "asked" or "wrong"."""
    zone = ZoneInfo(expect.get("user_zone", DEFAULT_ZONE))
    if reading.refusal is not None:
        return dict.fromkeys(("company", "date", "time"), "asked")
    asks = set(reading.asks(zone))
    grades = {}
    if Ask.COMPANY in asks:
        grades["company"] = "asked"
    else:
        right = fold(reading.company or "") == fold(expect["company"] or "")
        grades["company"] = "right" if right else "wrong"
    moment = reading.moment(zone)
    if asks & _DAY_ASKS or (moment is None and reading.day is None):
        grades["date"] = "asked"
    else:
        day = moment.date() if moment is not None else reading.day
        grades["date"] = "right" if day is not None and str(day) == expect["date"] else "wrong"
    if asks & _TIME_ASKS or moment is None:
        grades["time"] = "asked"
    else:
        stated = expect.get("zone")
        expected_zone = tz_of(stated) if stated else zone
        clock = datetime.strptime(expect["time"], "%H:%M").time()
        day = moment.date() if expect["date"] is None else date.fromisoformat(expect["date"])
        wanted = datetime.combine(day, clock, tzinfo=expected_zone)
        grades["time"] = "right" if moment == wanted else "wrong"
    return grades


def test_the_corpus_is_as_large_as_promised() -> None:
    texts = [s for s, _ in _cases() if s.suffix == ".txt"]
    files = [s for s, _ in _cases() if s.suffix in (".ics", ".eml")]
    assert len(texts) >= 40 and len(files) >= 12


def test_the_table() -> None:
    table: dict[str, Counter[str]] = {f: Counter() for f in ("company", "date", "time")}
    readable: Counter[str] = Counter()
    wrong_cases = []
    for source, expect in _cases():
        grades = grade(_read(source), expect)
        expected_asks = set(expect.get("ask", ())) | ({"all"} if expect.get("refusal") else set())
        for field, result in grades.items():
            table[field][result] += 1
            if not expected_asks and expect.get(field) is not None:
                readable[field] += 1
                readable[field + ":right"] += result == "right"
            if result == "wrong":
                wrong_cases.append(f"{source.name}: {field}")
    print()
    print(f"{'field':<8} {'right':>6} {'asked':>6} {'wrong':>6}  read without asking")
    for field, counts in table.items():
        share = readable[field + ":right"] / max(readable[field], 1)
        print(
            f"{field:<8} {counts['right']:>6} {counts['asked']:>6} {counts['wrong']:>6}  "
            f"{share:.0%} of {readable[field]}"
        )
    print("wrong:", wrong_cases or "none")
    assert table["date"]["wrong"] == 0 and table["time"]["wrong"] == 0, wrong_cases
    for field in ("company", "date", "time"):
        assert readable[field + ":right"] >= 0.9 * readable[field], field


@pytest.mark.parametrize(("source", "expect"), _cases(), ids=lambda v: getattr(v, "name", ""))
def test_what_each_one_asks(source: Path, expect: dict[str, Any]) -> None:
    reading = _read(source)
    if expect.get("refusal"):
        assert reading.refusal == expect["refusal"]
        return
    assert reading.refusal is None
    zone = ZoneInfo(expect.get("user_zone", DEFAULT_ZONE))
    assert {a.value for a in reading.asks(zone)} == set(expect.get("ask", ()))
    assert reading.cancelled == bool(expect.get("cancelled"))
    if "via_agency" in expect:
        assert reading.via_agency == expect["via_agency"]
