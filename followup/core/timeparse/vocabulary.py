"""The words dates are made of: weekdays, months, counts; and whether a text names a day at all."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Nobody types a date in more than this; longer input only costs parsing time.
MAX_INPUT = 100

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "weds": 2,
    "wed": 2, "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
COUNTS = {
    "a couple of": 2, "couple of": 2, "a couple": 2, "couple": 2, "a": 1, "an": 1, "one": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# Counts too vague to plan by: the user is asked for a day instead.
VAGUE_COUNTS = ("a few", "few", "several", "some")


def words(names: Iterable[str]) -> str:
    """A regex alternative of the given words, longest first so "thurs" wins over "thu"."""
    return "(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + ")"


# Words that say *when*, never *where* (full weekday names: "Sun" and "Mon" are places too), and
# dates like 25/11: an answer to the question the user expected next can be told apart by them.
_WHEN_WORDS = (
    *(name for name in WEEKDAYS if len(name) > 4),
    *("today", "tonight", "yesterday", "yday", "tomorrow", "ago", "just now", "just ended"),
)
_A_DAY = re.compile(rf"\b{words(_WHEN_WORDS)}\b|\b\d{{1,2}}/\d{{1,2}}\b", re.IGNORECASE)


def says_when(text: str) -> bool:
    """Whether English text says when ("friday 2pm", "it just ended") rather than where."""
    return _A_DAY.search(text[:MAX_INPUT]) is not None


WEEKDAY = words(WEEKDAYS)
MONTH = words(MONTHS)
COUNT = rf"(?:\d{{1,3}}|{words([*COUNTS, *VAGUE_COUNTS])})"
