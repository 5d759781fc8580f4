"""Read what people type: which of our topics they ask about, or what news they bring.

The phrasings live in content/phrases.toml (one phrase per line, `...` for a few words in between),
so another language can bring its own; this module only says how the lists combine and which topic
wins when several match. Small typos are forgiven by snapping each unknown word to the closest known
one (difflib). Pure: no Telegram, no clock, no disk.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache

from followup.model import Outcome

MAX_CHARS = 300  # longer than this is pasted notes or a story, never a quick question
GAP = "..."  # in a phrase: up to MAX_GAP other words may stand here
MAX_GAP = 3
NEGATION_REACH = 3  # "haven't heard back": a negation this many words before news cancels it
MAX_NAME_WORDS = 4  # "Acme Widgets Europe Ltd"
SNAP_CUTOFF = 0.8  # difflib's ratio for a typo fix: "folow" is "follow"

_WORD = re.compile(r"[a-z]+")
_TOKEN = re.compile(r"[a-z]+|[0-9]+|\.\.\.")


class Topic(StrEnum):
    CHASE = "chase"  # should I chase / follow up (yet)?
    NEWS = "news"  # they got back to me (offer, rejection, next round, withdrew, or unsaid)
    THANK_YOU = "thank_you"  # should I send a thank-you? how?
    RECRUITER_CALL = "recruiter_call"  # what do I say when the recruiter calls / feedback call
    GHOSTED = "ghosted"  # they ghosted me / it's been weeks / no reply at all
    WHAT_NOW = "what_now"  # what now? what should I do? what's next?
    OFFER = "offer"  # how do I answer an offer / negotiate / accept / ask for time
    CALL_INSTEAD = "call_instead"  # can I call instead of emailing / phone them?
    LINKEDIN = "linkedin"  # connect on LinkedIn?


# Questions that name their subject win over news ("I got the offer, how do I negotiate?"),
# news wins over the general ones ("I got rejected, what now?"). Earlier in the tuple wins.
_SPECIFIC_QUESTIONS = (
    Topic.OFFER,
    Topic.THANK_YOU,
    Topic.RECRUITER_CALL,
    Topic.CALL_INSTEAD,
    Topic.LINKEDIN,
)
# The user's own act first, then what the words say most firmly: "they rejected me after the
# second interview" is a rejection, "they offered me a second interview" is a next round.
_OUTCOMES = (Outcome.WITHDREW, Outcome.REJECTED, Outcome.NEXT_ROUND, Outcome.OFFER)

# Every list content/phrases.toml holds, by name (the loader reads `phrases.<name>` for each).
PHRASE_LISTS: tuple[str, ...] = (
    "question_cues",
    "known_words",
    "chase_verbs",
    "chase",
    "chase_cues",
    "chase_excludes",
    "chase_subjects",
    "silence",
    "ghosted",
    "what_now",
    "heard",
    "news_offer",
    "news_rejected",
    "news_withdrew",
    "news_next_round",
    "news_next_round_about",
    "news_next_round_with",
    "news_not",
    "thank_you",
    "thank_you_not",
    "recruiter_call",
    "recruiter_call_about",
    "recruiter_call_with",
    "offer",
    "offer_about",
    "offer_with",
    "call_instead_about",
    "call_instead_with",
    "linkedin",
    "linkedin_not",
    "company_before",
    "not_companies",
)

Phrase = tuple[str, ...]
Phrases = tuple[Phrase, ...]


def words(text: str) -> tuple[str, ...]:
    """Lower-case words, apostrophes dropped ("didn't" -> "didnt", not "didn", "t")."""
    return tuple(_WORD.findall(text.lower().replace("’", "'").replace("'", "")))


def _tokens(text: str) -> tuple[str, ...]:
    """Like `words`, keeping numbers ("2nd" -> "2", "nd") and the gap marker of phrase lists."""
    return tuple(_TOKEN.findall(text.lower().replace("’", "'").replace("'", "")))


def _phrases(block: str) -> Phrases:
    return tuple(p for line in block.splitlines() if (p := _tokens(line)))


@dataclass(frozen=True)
class Phrasebook:
    """Every phrase list, by name; a list left out is empty (so a language may skip one)."""

    lists: Mapping[str, Phrases] = field(default_factory=dict)

    @classmethod
    def from_lists(cls, lists: Mapping[str, str]) -> Phrasebook:
        """Build from the newline-separated lists kept in content/ (names from PHRASE_LISTS)."""
        return cls({name: _phrases(lists.get(name, "")) for name in PHRASE_LISTS})

    @classmethod
    def from_text(
        cls, verbs: str, cues: str, excludes: str, subjects: str, heard: str
    ) -> Phrasebook:
        """The chase and hearing-back lists only; `from_lists` reads every topic's."""
        return cls.from_lists(
            {
                "chase_verbs": verbs,
                "chase_cues": cues,
                "chase_excludes": excludes,
                "chase_subjects": subjects,
                "heard": heard,
            }
        )

    def __getitem__(self, name: str) -> Phrases:
        return self.lists.get(name, ())

    def single_words(self, name: str) -> frozenset[str]:
        return frozenset(w for p in self[name] for w in p)

    @cached_property
    def vocabulary(self) -> tuple[str, ...]:
        """Every known word, in the order the lists first use it (earlier wins a tie)."""
        known = (w for name in PHRASE_LISTS for p in self[name] for w in p if w != GAP)
        return tuple(dict.fromkeys(known))

    def snap(self, word: str) -> str:
        """The word itself if known or short, else the closest known word ("chse" -> "chase")."""
        return self._closest(word)

    @cached_property
    def _closest(self) -> Callable[[str], str]:
        by_start: dict[str, list[str]] = {}
        for known in self.vocabulary:
            by_start.setdefault(known[0], []).append(known)
        vocabulary = frozenset(self.vocabulary)

        @lru_cache(maxsize=4096)
        def closest(word: str) -> str:
            if word in vocabulary or len(word) < 4 or word.isdigit():
                return word
            # Typos keep their first letter: without this "scaling" would read as "calling".
            return _nearest(word, by_start.get(word[0], ()))

        return closest

    def read(self, text: str) -> tuple[str, ...]:
        """The message's words with typos corrected."""
        return tuple(self.snap(token) for token in _tokens(text) if token != GAP)


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


def _spans(tokens: Sequence[str], phrase: Phrase) -> list[tuple[int, int]]:
    """Every (start, end) where `phrase` occurs, a GAP standing for up to MAX_GAP words."""
    parts: list[Phrase] = []
    current: list[str] = []
    for word in phrase:
        if word == GAP:
            parts.append(tuple(current))
            current = []
        else:
            current.append(word)
    parts.append(tuple(current))
    parts = [p for p in parts if p]
    if not parts:
        return []
    found = []
    for start in _at(tokens, parts[0], 0, len(tokens)):
        end = _rest(tokens, parts[1:], start + len(parts[0]))
        if end is not None:
            found.append((start, end))
    return found


def _at(tokens: Sequence[str], part: Phrase, lo: int, hi: int) -> list[int]:
    """Indexes in [lo, hi) where `part` starts."""
    n = len(part)
    last = min(hi, len(tokens) - n + 1)
    return [i for i in range(lo, last) if tuple(tokens[i : i + n]) == part]


def _rest(tokens: Sequence[str], parts: Sequence[Phrase], after: int) -> int | None:
    """Where the remaining parts end, each within MAX_GAP words of the one before; None if not."""
    if not parts:
        return after
    for start in _at(tokens, parts[0], after, after + MAX_GAP + 1):
        end = _rest(tokens, parts[1:], start + len(parts[0]))
        if end is not None:
            return end
    return None


def _has(tokens: Sequence[str], phrases: Phrases) -> bool:
    return any(_spans(tokens, phrase) for phrase in phrases)


def _said(tokens: Sequence[str], phrases: Phrases, negations: Phrases) -> bool:
    """Some phrase occurs with no negation just before it ("haven't heard back" is not news)."""
    for phrase in phrases:
        for start, _ in _spans(tokens, phrase):
            window = tokens[max(0, start - NEGATION_REACH) : start]
            if not _has(window, negations):
                return True
    return False


def _signal(tokens: Sequence[str], book: Phrasebook, name: str, negations: Phrases = ()) -> bool:
    """The list's own phrase, or one of its `_about` with one of its `_with`; never a `_not`.

    With `negations`, a phrase or an `_about` counts only when not negated just before it.
    """
    if _has(tokens, book[f"{name}_not"]):
        return False
    if _said(tokens, book[name], negations):
        return True
    return _said(tokens, book[f"{name}_about"], negations) and _has(tokens, book[f"{name}_with"])


def _outcome(tokens: Sequence[str], book: Phrasebook) -> Outcome | None:
    for outcome in _OUTCOMES:
        if _signal(tokens, book, f"news_{outcome.value}", book["news_not"]):
            return outcome
    return None


def _asks_to_chase(tokens: Sequence[str], book: Phrasebook, question_mark: bool) -> bool:
    """ "should I chase them yet?", "ping them?", "they haven't replied, what do I do"."""
    if _has(tokens, book["chase_excludes"]):
        return False
    if _has(tokens, book["silence"]) and _has(tokens, book["what_now"]):
        return True
    if not question_mark and not _has(tokens, book["chase_cues"]):
        return False
    if _has(tokens, book["chase"]):
        return True
    subjects = book.single_words("chase_subjects")
    for verb in book["chase_verbs"]:
        for start, _ in _spans(tokens, verb):
            if start == 0 or tokens[start - 1] in subjects:
                return True
    return False


def understand(text: str, book: Phrasebook) -> Topic | None:
    """Which of our topics the message is about; None when it is none of ours."""
    if len(text) > MAX_CHARS:
        return None
    tokens = book.read(text)
    if not tokens:
        return None
    question_mark = "?" in text
    if question_mark or _has(tokens, book["question_cues"]):
        for topic in _SPECIFIC_QUESTIONS:
            if _signal(tokens, book, topic.value):
                return topic
    if _outcome(tokens, book) is not None or _said(tokens, book["heard"], book["news_not"]):
        return Topic.NEWS
    if _asks_to_chase(tokens, book, question_mark):
        return Topic.CHASE
    if _has(tokens, book["ghosted"]) or _has(tokens, book["silence"]):
        return Topic.GHOSTED
    if _has(tokens, book["what_now"]):
        return Topic.WHAT_NOW
    return None


def news_outcome(text: str, book: Phrasebook) -> Outcome | None:
    """The outcome the words name (offer, rejected, withdrew, next round); None when unsaid.

    It reads any message, so a question that also brings news ("I got the offer, how do I
    negotiate?") can have its outcome recorded too.
    """
    if len(text) > MAX_CHARS:
        return None
    return _outcome(book.read(text), book)


def asks_about_chasing(text: str, book: Phrasebook) -> bool:
    """True for "should I chase them yet?", "is it too early to email them", "shold i folow up"…"""
    return understand(text, book) is Topic.CHASE


def reports_news(text: str, book: Phrasebook) -> bool:
    """True for "they called", "I got the job", "they said no"…"""
    return understand(text, book) is Topic.NEWS


def mentioned_company(text: str, companies: Sequence[str]) -> str | None:
    """The one company named in the text (its full name, or its first word), if exactly one is."""
    said = words(text)
    found = set()
    for company in companies:
        name = words(company)
        if name and (_find(said, name) or (len(name[0]) >= 3 and name[0] in said)):
            found.add(company)
    return found.pop() if len(found) == 1 else None


def _find(tokens: tuple[str, ...], phrase: tuple[str, ...]) -> list[int]:
    """Every index where `phrase` starts in `tokens`."""
    n = len(phrase)
    return [i for i in range(len(tokens) - n + 1) if tokens[i : i + n] == phrase]


def named_company(
    text: str, companies: Sequence[str], book: Phrasebook, people: Iterable[str] = ()
) -> tuple[str | None, str | None]:
    """(the logged company named, or None; a name-like word matching no logged company, or None).

    The unknown name is a guess kept conservative: capitalised words right after "chase",
    "follow up with", "email", "from", "at"…, not a pronoun, a weekday or "HR", and not one of
    `people` (recruiters and interviewers the user told us about). So with only Acme logged,
    "should I chase Globex?" gives (None, "Globex") and "should I email Sam?" with Sam among
    `people` gives (None, None). A near miss of a logged name ("Globx") counts as that company.
    """
    if len(text) > MAX_CHARS:
        return None, None
    logged = mentioned_company(text, companies)
    if logged is not None:
        return logged, None
    guess = _name_after_trigger(text, book)
    if guess is None:
        return None, None
    first = words(guess)[0]
    if first in {w for name in people for w in words(name)}:
        return None, None
    by_first = {words(c)[0]: c for c in companies if words(c)}
    close = difflib.get_close_matches(first, list(by_first), n=1, cutoff=0.8)
    return (by_first[close[0]], None) if close else (None, guess)


def _name_after_trigger(text: str, book: Phrasebook) -> str | None:
    """The capitalised words right after a trigger phrase, if they look like a company name."""
    if text.upper() == text:  # all capitals: every word looks like a name, so guess nothing
        return None
    cores, ends = _raw_words(text)
    lowered = tuple(book.snap(c.lower().replace("'", "")) for c in cores)
    stop = book.single_words("not_companies")
    for trigger in book["company_before"]:
        for _, end in _spans(lowered, trigger):
            if end < len(cores) and not ends[end - 1]:
                name = _capitalised_run(cores, ends, end, stop)
                if name is not None:
                    return name
    return None


def _raw_words(text: str) -> tuple[list[str], list[bool]]:
    """The words as typed (capitals kept), and whether a clause ends after each (".", ",", "?"…)."""
    cores: list[str] = []
    ends: list[bool] = []
    for match in re.finditer(r"[A-Za-z0-9'&]+|[.,!?;:()]", text.replace("’", "'")):
        piece = match.group()
        if piece in ".,!?;:()":
            if ends:
                ends[-1] = True
        elif piece.strip("'"):
            cores.append(piece.strip("'"))
            ends.append(False)
    return cores, ends


def _capitalised_run(
    cores: Sequence[str], ends: Sequence[bool], start: int, stop: frozenset[str]
) -> str | None:
    """ "Globex Corp" from [..., "Globex", "Corp"]; None when the first word is not name-like."""
    taken: list[str] = []
    for i in range(start, min(len(cores), start + MAX_NAME_WORDS)):
        word = cores[i]
        if not word[0].isupper() or word.lower().replace("'", "") in stop:
            break
        taken.append(word)
        if ends[i]:
            break
    return " ".join(taken) if taken else None
