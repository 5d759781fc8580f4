"""Clock times and parts of the day ("3pm", "14h30", "at 3", "friday afternoon").

They are taken out of the text; the words left name the day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from followup.core.timeparse.calendar_math import NOON
from followup.core.timeparse.vocabulary import MONTHS, WEEKDAYS


@dataclass(frozen=True)
class Split:
    """A text taken apart: the stated clock time and part of day, and the words left for the day."""

    rest: str
    clock: time | None
    part: str | None  # morning, afternoon or evening
    dotted: tuple[int, int] | None  # "10.12" alone: also a day and a month


_PART_OF_DAY = re.compile(
    r"\b(?:(?P<which>this|last|tomorrow|in the|during the|early|late)\s+)?"
    r"(?P<part>morning|afternoon|evening|night|tonight)\b"
)
_CLOCK = re.compile(
    r"(?<![\w/.:-])(?:"
    r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<mer>am|pm)"  # 3pm, 3:30pm, 9.30 am
    r"|(?P<hm>\d{3,4})\s*(?P<mer2>am|pm)"  # 930am
    r"|(?P<h24>\d{1,2})(?P<sep>[:.h])(?P<m24>\d{2})"  # 14:00, 9.30, 14h30
    r"|(?P<hh>\d{1,2})h"  # 14h
    r"|(?P<noon>noon)|(?P<midnight>midnight)"
    r")(?![\w/.:])"
)
_AT_HOUR = re.compile(r"(?:\bat|@)\s*(?P<h>\d{1,4})(?![\w/.:])")
_DAY_WORDS = frozenset({"today", "tomorrow", "yesterday", *WEEKDAYS})


@dataclass(frozen=True)
class _Stated:
    """A clock time as typed: where it is, its digits, and how it was written."""

    start: int
    end: int
    hour: str
    minute: str | None
    meridiem: str | None
    kind: str  # "meridiem", "colon", "dot", "h", "bare", "noon" or "midnight"


def split_clock(text: str, *, dotted_clock: bool, bare_hours: bool) -> Split | None:
    """Take the clock time and part of day out of a text; None if they can't be read."""
    taken = _take_part_of_day(text)
    if taken is None:
        return None
    text, part = taken
    found = [s for s in _stated_clocks(text) if dotted_clock or s.kind != "dot"]
    if not found:
        found = _bare_hours(text, anywhere=bare_hours)
    if not found:
        return Split(" ".join(text.split()), None, part, None)
    if len(found) > 1:
        return None  # "3pm or 4pm"
    stated = found[0]
    clock = _clock(stated, part)
    if clock is None:
        return None
    rest = " ".join((text[: stated.start] + " " + text[stated.end :]).split())
    dotted = None
    said_at = re.search(r"(?:\bat|@)\s*$", text[: stated.start]) is not None
    if stated.kind == "dot" and not said_at and stated.minute and 1 <= int(stated.minute) <= 12:
        dotted = (int(stated.hour), int(stated.minute))
    return Split(rest, clock, part, dotted)


def _take_part_of_day(text: str) -> tuple[str, str | None] | None:
    """Take out "this morning", "tonight", "friday afternoon": the day stays, the part is noted."""
    found = list(_PART_OF_DAY.finditer(text))
    if not found:
        return text, None
    if len(found) > 1:
        return None
    match = found[0]
    part, which = match["part"], match["which"]
    day = ""
    if part == "tonight" or which == "this":
        day = "today"
    elif which == "last":
        day = "yesterday"
    elif which == "tomorrow":
        day = "tomorrow"
    part = "evening" if part in ("night", "tonight") else part
    return f"{text[: match.start()]} {day} {text[match.end() :]}", part


def _stated_clocks(text: str) -> list[_Stated]:
    """Every clock time written in a way that can only be a time ("3pm", "14:00", "noon")."""
    found = []
    for match in _CLOCK.finditer(text):
        start, end = match.span()
        if match["noon"] or match["midnight"]:
            found.append(
                _Stated(start, end, "", None, None, "noon" if match["noon"] else "midnight")
            )
        elif match["mer"]:
            found.append(_Stated(start, end, match["h"], match["m"], match["mer"], "meridiem"))
        elif match["mer2"]:
            digits = match["hm"]
            found.append(_Stated(start, end, digits[:-2], digits[-2:], match["mer2"], "meridiem"))
        elif match["h24"]:
            kind = {":": "colon", ".": "dot", "h": "h"}[match["sep"]]
            found.append(_Stated(start, end, match["h24"], match["m24"], None, kind))
        elif not (text[:start].endswith("in ") or text[end:].startswith(" ago")):
            # "14h" is a time; "in 2h" and "2h ago" are durations.
            found.append(_Stated(start, end, match["hh"], None, None, "h"))
    return found


def _bare_hours(text: str, *, anywhere: bool) -> list[_Stated]:
    """Numbers that are times by their place: "at 3"; and `anywhere`: "10", "mon 930"."""
    found = [_bare(match.start(), match.end(), match["h"]) for match in _AT_HOUR.finditer(text)]
    if found or not anywhere:
        return found
    tokens = list(re.finditer(r"\S+", text))
    if len(tokens) == 1 and re.fullmatch(r"\d{1,2}", tokens[0][0]):
        return [_bare(tokens[0].start(), tokens[0].end(), tokens[0][0])]
    for index, token in enumerate(tokens):
        if not re.fullmatch(r"\d{1,4}", token[0]):
            continue
        near = {tokens[i][0] for i in (index - 1, index + 1) if 0 <= i < len(tokens)}
        if near & _DAY_WORDS and not near & MONTHS.keys():
            found.append(_bare(token.start(), token.end(), token[0]))
    return found


def _bare(start: int, end: int, digits: str) -> _Stated:
    """A clock written as digits only: "3" is an hour, "930" and "1400" are hour and minutes."""
    if len(digits) > 2:
        return _Stated(start, end, digits[:-2], digits[-2:], None, "bare")
    return _Stated(start, end, digits, None, None, "bare")


def _clock(stated: _Stated, part: str | None) -> time | None:
    """The time of day a stated clock means, or None if it is not one."""
    if stated.kind == "noon":
        return NOON
    if stated.kind == "midnight":
        return time(0)
    hour, minute = int(stated.hour), int(stated.minute or 0)
    if minute > 59:
        return None
    if stated.meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        return time(hour % 12 + (12 if stated.meridiem == "pm" else 0), minute)
    if hour > 23:
        return None
    if part in ("afternoon", "evening") and hour < 12:
        hour += 12
    elif part is None and stated.kind != "h" and not stated.hour.startswith("0") and hour <= 6:
        # Interviews are not held at 3 a.m.: a "3" or "3:30" without am/pm is the afternoon.
        hour += 12
    return time(hour, minute)
