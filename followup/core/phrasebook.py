"""Phrase lists from content/, matched against what people type with small typos forgiven.

A phrase is words separated by spaces, `...` standing for up to MAX_GAP other words. Messages and
phrases are read alike: lower case, apostrophes dropped ("didn't" -> "didnt"), numbers kept as
words ("2nd" -> "2", "nd"), everything else (punctuation, emoji) ignored. A word the lists don't
know is snapped to the closest one they do ("chse" -> "chase") with difflib.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

GAP = "..."
BOUNDARY = "|"  # between sentences in `read_sentences`; no phrase holds it
# A sentence (or a clause: "sí, lo mandé", "no, me rechazaron") ends at . ! ? ; , followed by a
# space (not "3.12" or "v2.0"), a line, or ¿ ¡ opening one.
_SENTENCE_END = re.compile(r"[.!?;,]+(?=\s|$)|[\n¿¡]+")
MAX_GAP = 3
SNAP_CUTOFF = 0.8  # difflib's ratio for a typo fix: "folow" is "follow"
SNAP_MIN_LENGTH = 4  # shorter words are left alone: "ok" is not a typo of "on"

# Letters of any script (accents already folded away), digit runs, and the gap marker.
_TOKEN = re.compile(r"[^\W\d_]+|[0-9]+|\.\.\.")

Part = tuple[str, ...]


def fold(text: str) -> str:
    """Lower case without accents ("Débería" -> "deberia", "ё" -> "е"), as people often type."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> tuple[str, ...]:
    """The words of a message or a phrase, as both are matched."""
    return tuple(_TOKEN.findall(fold(text).replace("’", "'").replace("'", "")))


@dataclass(frozen=True)
class PhraseList:
    """One list's phrases, each kept as its parts between gaps, indexed by first word."""

    phrases: tuple[tuple[Part, ...], ...] = ()
    _by_first: dict[str, list[tuple[Part, ...]]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        for parts in self.phrases:
            self._by_first.setdefault(parts[0][0], []).append(parts)

    @classmethod
    def parse(cls, block: str) -> PhraseList:
        """One phrase per line; blank lines and lines without words are skipped."""
        return cls(tuple(parts for line in block.splitlines() if (parts := _parts(line))))

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(w for parts in self.phrases for part in parts for w in part)

    def spans(self, words: Sequence[str]) -> Iterator[tuple[int, int]]:
        """Every (start, end) in `words` where one of the phrases occurs."""
        for start, word in enumerate(words):
            for parts in self._by_first.get(word, ()):
                first = parts[0]
                if tuple(words[start : start + len(first)]) == first:
                    end = _rest(words, parts[1:], start + len(first))
                    if end is not None:
                        yield start, end

    def found_in(self, words: Sequence[str]) -> bool:
        return next(self.spans(words), None) is not None


def within_sentence(words: Sequence[str]) -> Sequence[str]:
    """The words after the last sentence boundary among them (a look-back window's own part)."""
    for i in range(len(words) - 1, -1, -1):
        if words[i] == BOUNDARY:
            return words[i + 1 :]
    return words


def _parts(line: str) -> tuple[Part, ...]:
    """ "been ... weeks" -> (("been",), ("weeks",)); a gap at either end means nothing."""
    parts: list[Part] = []
    current: list[str] = []
    for word in (*tokens(line), GAP):
        if word != GAP:
            current.append(word)
        elif current:
            parts.append(tuple(current))
            current = []
    return tuple(parts)


def _rest(words: Sequence[str], parts: Sequence[Part], after: int) -> int | None:
    """Where the remaining parts end, each within MAX_GAP words of the one before; None if not."""
    if not parts:
        return after
    first = parts[0]
    for start in range(after, min(after + MAX_GAP, len(words) - len(first)) + 1):
        if tuple(words[start : start + len(first)]) == first:
            end = _rest(words, parts[1:], start + len(first))
            if end is not None:
                return end
    return None


@dataclass(frozen=True)
class Phrasebook:
    """Every phrase list, by name; a list it doesn't have is empty (a language may skip one)."""

    lists: Mapping[str, PhraseList] = field(default_factory=dict)

    @classmethod
    def from_lists(cls, lists: Mapping[str, str]) -> Phrasebook:
        """Build from newline-separated lists; on a typo tie, words of earlier lists win."""
        return cls({name: PhraseList.parse(block) for name, block in lists.items()})

    @classmethod
    def from_text(
        cls, verbs: str, cues: str, excludes: str, subjects: str, heard: str
    ) -> Phrasebook:
        """The first five lists only (chasing and hearing back); `from_lists` takes them all."""
        return cls.from_lists(
            {
                "chase_verbs": verbs,
                "chase_cues": cues,
                "chase_excludes": excludes,
                "chase_subjects": subjects,
                "heard": heard,
            }
        )

    def __getitem__(self, name: str) -> PhraseList:
        return self.lists.get(name, _EMPTY)

    @cached_property
    def vocabulary(self) -> tuple[str, ...]:
        """Every word the lists use, in the order they first use it."""
        return tuple(dict.fromkeys(w for phrases in self.lists.values() for w in phrases.words))

    def read(self, text: str) -> tuple[str, ...]:
        """The message's words with typos corrected."""
        return tuple(self.snap(word) for word in tokens(text) if word != GAP)

    def read_sentences(self, text: str) -> tuple[str, ...]:
        """The words as `read` gives them, with BOUNDARY between sentences: a negation in one
        sentence ("No. Me rechazaron") never reaches into the next."""
        words: list[str] = []
        for part in _SENTENCE_END.split(text):
            said = self.read(part)
            if said:
                words.extend([BOUNDARY, *said] if words else said)
        return tuple(words)

    def snap(self, word: str) -> str:
        """The word itself if known or short, else the closest known word ("chse" -> "chase")."""
        return self._closest(word)

    @cached_property
    def _closest(self) -> Callable[[str], str]:
        known = frozenset(self.vocabulary)
        by_start: dict[str, list[str]] = {}
        for word in self.vocabulary:
            by_start.setdefault(word[0], []).append(word)

        @lru_cache(maxsize=8192)
        def closest(word: str) -> str:
            if word in known or len(word) < SNAP_MIN_LENGTH or word.isdigit():
                return word
            # Typos keep their first letter: without this "scaling" would read as "calling".
            return _nearest(word, by_start.get(word[0], ()))

        return closest


_EMPTY = PhraseList()


def _nearest(word: str, candidates: Iterable[str]) -> str:
    """The closest candidate by difflib's ratio (at least SNAP_CUTOFF), or the word itself.

    Swapped letters count as a match ("whta" is "what"); a tie goes to the candidate sharing
    more letters ("thnak" is "thank", not "think"), then to the earlier one.
    """
    letters = Counter(word)
    best, best_key = word, (0.0, 0)
    for candidate in candidates:
        if sorted(candidate) == sorted(word):
            ratio = 1.0
        else:
            matcher = difflib.SequenceMatcher(None, word, candidate)
            if matcher.real_quick_ratio() < SNAP_CUTOFF or matcher.quick_ratio() < SNAP_CUTOFF:
                continue
            ratio = matcher.ratio()
            if ratio < SNAP_CUTOFF:
                continue
        key = (ratio, sum((letters & Counter(candidate)).values()))
        if key > best_key:
            best, best_key = candidate, key
    return best
