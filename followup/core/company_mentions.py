"""Which company a typed message names: a logged one, or a name-like word matching none."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from followup.core.intent import MAX_CHARS
from followup.core.phrasebook import Phrasebook, fold

MAX_NAME_WORDS = 4  # "Acme Widgets Europe Ltd"

_WORD = re.compile(r"[^\W\d_]+")  # letters of any script: "Bücher AG", "Яндекс"


def words(text: str) -> tuple[str, ...]:
    """Folded words, apostrophes dropped ("didn't" -> "didnt"; "Bücher" -> "bucher")."""
    return tuple(_WORD.findall(fold(text).replace("’", "'").replace("'", "")))


def _key(word: str) -> str:
    """A typed word as the phrase lists hold theirs: folded, no apostrophes."""
    return fold(word).replace("'", "")


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
    first = _key(guess.split()[0])
    if first in {_key(w) for name in people for w in name.split()}:
        return None, None
    by_first = {words(c)[0]: c for c in companies if words(c)}
    close = difflib.get_close_matches(first, list(by_first), n=1, cutoff=0.8)
    return (by_first[close[0]], None) if close else (None, guess)


def _name_after_trigger(text: str, book: Phrasebook) -> str | None:
    """The capitalised words right after a trigger phrase, if they look like a company name."""
    if text.upper() == text:  # all capitals: every word looks like a name, so guess nothing
        return None
    cores, ends = _raw_words(text)
    lowered = tuple(book.snap(_key(c)) for c in cores)
    stop = frozenset(book["not_companies"].words)
    # Someone who types all in lower case capitalises no name: one unknown word after the
    # trigger is taken as the name then ("should i follow up with initech?").
    all_lower = text.lower() == text
    for _, end in book["company_before"].spans(lowered):
        if end < len(cores) and not ends[end - 1]:
            name = _capitalised_run(cores, ends, end, stop)
            if name is None and all_lower:
                name = _lowercase_name(cores[end], stop)
            if name is not None:
                return name
    return None


def _lowercase_name(word: str, stop: frozenset[str]) -> str | None:
    """The word as typed ("initech"), unless it is a word that is never a company's name."""
    plain = word.replace("'", "")
    if len(plain) < 3 or not plain.isalpha() or _key(plain) in stop:
        return None
    return word


def _raw_words(text: str) -> tuple[list[str], list[bool]]:
    """The words as typed (capitals kept), and whether a clause ends after each (".", ",", "?"…)."""
    cores: list[str] = []
    ends: list[bool] = []
    for match in re.finditer(r"[\w'&]+|[.,!?;:()]", text.replace("’", "'")):
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
        if not word[0].isupper() or _key(word) in stop:
            break
        taken.append(word)
        if ends[i]:
            break
    return " ".join(taken) if taken else None
