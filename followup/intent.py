"""Recognise two things typed in people's own words: "should I chase them yet?", "I heard back".

The phrasings come from content/ (one phrase per line), so another language can bring its own.
Small typos are forgiven by snapping each unknown word to the closest known one (difflib).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[a-z]+")
MAX_CHARS = 300  # a question this long is not a quick "should I chase?"


def words(text: str) -> tuple[str, ...]:
    """Lower-case words, apostrophes dropped ("didn't" -> "didnt" is avoided: -> "didn", "t")."""
    return tuple(_WORD.findall(text.lower().replace("’", "'").replace("'", "")))


def _phrases(block: str) -> tuple[tuple[str, ...], ...]:
    return tuple(w for line in block.splitlines() if (w := words(line)))


@dataclass(frozen=True)
class Phrasebook:
    verbs: tuple[tuple[str, ...], ...]
    cues: tuple[tuple[str, ...], ...]
    excludes: tuple[tuple[str, ...], ...]
    subjects: frozenset[str]
    heard: tuple[tuple[str, ...], ...]

    @classmethod
    def from_text(
        cls, verbs: str, cues: str, excludes: str, subjects: str, heard: str
    ) -> Phrasebook:
        """Build from the newline-separated lists kept in content/."""
        return cls(
            verbs=_phrases(verbs),
            cues=_phrases(cues),
            excludes=_phrases(excludes),
            subjects=frozenset(w for p in _phrases(subjects) for w in p),
            heard=_phrases(heard),
        )

    @property
    def vocabulary(self) -> tuple[str, ...]:
        known = {w for group in (self.verbs, self.cues, self.heard) for p in group for w in p}
        return tuple(sorted(known))


def _corrected(text: str, book: Phrasebook) -> tuple[str, ...]:
    vocabulary = book.vocabulary
    return tuple(_closest(word, vocabulary) for word in words(text[:MAX_CHARS]))


@lru_cache(maxsize=4096)
def _closest(word: str, vocabulary: tuple[str, ...]) -> str:
    """The word itself if known or short, else the closest known word (typos like "chse")."""
    if word in vocabulary or len(word) < 4:
        return word
    match = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.8)
    return match[0] if match else word


def _find(tokens: tuple[str, ...], phrase: tuple[str, ...]) -> list[int]:
    """Every index where `phrase` starts in `tokens`."""
    n = len(phrase)
    return [i for i in range(len(tokens) - n + 1) if tokens[i : i + n] == phrase]


def _contains(tokens: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(_find(tokens, phrase) for phrase in phrases)


def asks_about_chasing(text: str, book: Phrasebook) -> bool:
    """True for "should I chase them yet?", "is it too early to email them", "shold i folow up"…"""
    if len(text) > MAX_CHARS:
        return False
    tokens = _corrected(text, book)
    if not tokens or _contains(tokens, book.excludes) or not _contains(tokens, book.cues):
        return False
    for verb in book.verbs:
        for start in _find(tokens, verb):
            if start == 0 or tokens[start - 1] in book.subjects:
                return True
    return False


def reports_news(text: str, book: Phrasebook) -> bool:
    """True for "they called", "I got the job", "they said no"…"""
    if len(text) > MAX_CHARS:
        return False
    return _contains(_corrected(text, book), book.heard)


def mentioned_company(text: str, companies: list[str]) -> str | None:
    """The one company named in the text (its full name, or its first word), if exactly one is."""
    said = words(text)
    found = set()
    for company in companies:
        name = words(company)
        if name and (_find(said, name) or (len(name[0]) >= 3 and name[0] in said)):
            found.add(company)
    return found.pop() if len(found) == 1 else None
