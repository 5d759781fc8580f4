"""Notes read with accents folded, and what a match covers in the words the user typed.

People type "conoci", "Gesprach" and "ещё" as often as "conocí", "Gespräch" and "еще", so the
Spanish, German and Russian word lists are matched against folded text (phrasebook.fold: lower
case, accents off, "ß" as "ss", "ё" as "е"). A topic is still quoted in the user's own spelling:
`Folded` keeps, for each folded character, where it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from followup.core.phrasebook import fold

# Escapes that folding would turn into others ("\S" into "\s"): never written in a folded pattern.
_CAPITAL_ESCAPE = re.compile(r"\\[A-Z]")


class Folded:
    """A piece of text folded, with a way back from a span of the fold to the original."""

    __slots__ = ("_origin", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        parts: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(original):
            folded = fold(char)
            parts.append(folded)
            origin.extend([index] * len(folded))
        origin.append(len(original))
        self.text = "".join(parts)
        self._origin = origin

    def at(self, start: int, end: int) -> str:
        """The original text behind folded[start:end]."""
        return self.original[self._origin[start] : self._origin[end]]

    def group(self, match: re.Match[str], name: str) -> str | None:
        """What a named group of a match on the fold reads in the original, or None (also when
        the pattern has no such group)."""
        if match.groupdict().get(name) is None:
            return None
        return self.at(match.start(name), match.end(name))


def folded_pattern(source: str) -> re.Pattern[str]:
    """A pattern written in natural spelling ("conocí", "über"), compiled to match folded text."""
    if _CAPITAL_ESCAPE.search(source):
        raise ValueError(f"a folded pattern cannot use a capital escape: {source[:40]}")
    # Named groups keep their capital P, the one capital a pattern may hold.
    return re.compile(fold(source).replace("(?p<", "(?P<").replace("(?p=", "(?P="))


def word_pattern(entries: Iterable[str]) -> re.Pattern[str]:
    """Whole words from a list, matched on folded text.

    An entry may end in "*" (any ending: "груб*" is "грубый", "грубо", "грубым"), start with one
    (any beginning: German "*geld" is "Weihnachtsgeld", "Urlaubsgeld") and may hold "_" for a
    space ("tal_vez", "die_ganze_zeit"). Longest entries first, so "no_se" wins over "no".
    """
    words = sorted({fold(entry) for entry in entries}, key=len, reverse=True)
    alternatives = []
    for word in words:
        body = re.escape(word.strip("*")).replace("_", r"\s+")
        start = r"\w*" if word.startswith("*") else ""
        alternatives.append(start + body + (r"\w*" if word.endswith("*") else ""))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def words(block: str) -> tuple[str, ...]:
    """The entries of a whitespace-separated list written as one block of text."""
    return tuple(block.split())
