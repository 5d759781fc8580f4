"""The board's sample layouts, shared by the golden-image tests and the script that redraws them.

    .venv/bin/python -m tests.support.board_samples          # write tests/data/board/*.png

Each sample is a real plan: interviews at fixed moments of 2026, their nudge records reconciled
by the planner at the sample's "now", words from content/ in the sample's language.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from content import load_library
from followup.core.board import Board, build_board
from followup.core.calendar import Place
from followup.core.language import speaking_in
from followup.core.model import Interview, Nudge
from followup.core.planner import reconcile
from followup.core.timing import load_timing

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "board"
LONDON = ZoneInfo("Europe/London")
MOSCOW = ZoneInfo("Europe/Moscow")
TIMING = load_timing()
LIBRARY = load_library()
_ids = iter(range(10**6))


def plain_say(language: str) -> Callable[..., str]:
    """The board's words in `language` as plain text (the picture shows no HTML)."""
    content = LIBRARY[language]

    def say(key: str, **values: object) -> str:
        return html.unescape(content.text(key, **values))

    return say


def interview(
    number: int, company: str, when: datetime, zone: ZoneInfo = LONDON, **fields: object
) -> Interview:
    base = Interview(
        id=f"i{number}", user_id=1, company=company, when=when, created=when, debriefed=True
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def planned(interviews: list[Interview], place: Place, now: datetime) -> list[Nudge]:
    """Every interview's records as the planner keeps them at `now`."""
    records: list[Nudge] = []
    for item in interviews:
        changes = reconcile(item, 1, [], place, TIMING, now, lambda: f"n{next(_ids)}")
        records += changes.add
    return records


def sample(name: str) -> tuple[Board, list[Interview], list[Nudge], Place, datetime]:
    """One named layout: the board and what it was built from."""
    language = "ru" if name == "cyrillic" else "en"
    zone = MOSCOW if name == "cyrillic" else LONDON
    place = Place(zone)
    now = datetime(2026, 12, 9, 9, 0, tzinfo=zone)

    def at(month: int, day: int, hour: int = 10) -> datetime:
        return datetime(2026, month, day, hour, tzinfo=zone)

    interviews: list[Interview] = []
    if name == "one":
        interviews = [interview(1, "Acme", at(12, 7), role="Data Engineer")]
    elif name == "five":
        interviews = [
            interview(1, "Acme", at(12, 7), role="Data Engineer", thanked=at(12, 7, 14)),
            interview(2, "Globex", at(11, 30), via_agency=True, chases=(at(12, 8, 11),)),
            interview(3, "Initech", at(12, 3), decision_date=date(2026, 12, 11)),
            interview(4, "Umbrella", at(12, 11, 15), debriefed=False, created=at(12, 1)),
            interview(
                5,
                "Hooli",
                at(11, 20),
                thanked=at(11, 20, 15),
                chases=(at(11, 27), at(12, 4)),
            ),
            interview(6, "Vandelay", at(11, 25), outcome=None, heard_back=None),
        ][:5]
    elif name == "long":
        interviews = [
            interview(
                1,
                "The International Consolidated Widgets and Sprockets Manufacturing Company",
                at(12, 4),
                role="Senior Principal Staff Software Engineer, Platform Reliability",
                decision_date=date(2026, 12, 10),
            )
        ]
    elif name == "cyrillic":
        interviews = [
            interview(1, "Яндекс", at(12, 7), role="Аналитик данных", thanked=at(12, 7, 15)),
            interview(2, "Сбер", at(12, 2), decision_date=date(2026, 12, 9)),
            interview(3, "Лаборатория Касперского", at(11, 26), chases=(at(12, 4),)),
        ]
    elif name == "empty":
        interviews = []
    else:
        raise ValueError(name)
    records = planned(interviews, place, now)
    with speaking_in(language):
        board = build_board(interviews, records, place, now, plain_say(language))
    return board, interviews, records, place, now


SAMPLES = ("one", "five", "long", "cyrillic", "empty")


def main() -> None:
    from followup.ops.board_picture import draw

    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name in SAMPLES:
        board = sample(name)[0]
        (GOLDEN / f"{name}.png").write_bytes(draw(board).png)
        print(f"wrote {GOLDEN / name}.png")


if __name__ == "__main__":
    main()
