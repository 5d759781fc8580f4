"""Who the user met, in notes written in Spanish, German or Russian.

"conocí a Marta López", "Gespräch mit Herrn Müller", "собеседовал Иван Петров": a name comes
after words that introduce people (each lexicon's `met`) or before a verb of speaking (`said`).
A name is capitalised words, with titles before them and small particles inside ("Marta de la
Fuente"); a word the lexicon knows is not a name (a German noun, a weekday) ends the name. A
name met in another case ("с Иваном Петровым") is read back to how it is greeted.
"""

from __future__ import annotations

import re
from functools import cache

from followup.core.notes.folding import Folded, folded_pattern
from followup.core.notes.lexicon import NOT_NAMES, TITLE, WORD
from followup.core.notes.lexicons import lexicons
from followup.core.notes.words import NoteWords
from followup.core.phrasebook import fold

_LETTERS = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LEAD_LIMIT = 5  # words of a description before a list of names: "la directora de datos, Marta"


def names_in(piece: str, words: NoteWords) -> list[str]:
    """The names one sentence introduces as people the user met, as a greeting writes them."""
    folded = Folded(piece)
    names: list[str] = []
    for match in words.met.finditer(folded.text):
        case = next((g for g in words.name_endings if match.groupdict().get(g)), None)
        rest = folded.at(match.end(), len(folded.text)).lstrip(" :-–—")
        names.extend(_name_list(rest, words, case))
    for match in _said(words.language).finditer(folded.text):
        aside = folded.group(match, "aside") or ""
        if words.not_interviewer.search(fold(aside)):
            continue
        found = _speaker(folded.group(match, "name") or "", words)
        if found:
            names.append(found)
    return names


def is_title(word: str) -> bool:
    """ "Dr", "Sra.", "Herrn", "Frau": a title before a name, in any language we read."""
    bare = fold(word.rstrip("."))
    return bool(TITLE.match(word)) or any(bare in w.titles for w in lexicons().values())


def title_shown(word: str) -> str:
    """A title as a greeting writes it: German "Herrn" (after "mit") is "Herr"."""
    bare = fold(word.rstrip("."))
    for words in lexicons().values():
        if bare in words.titles:
            return words.titles[bare]
    return word


@cache
def _said(language: str) -> re.Pattern[str]:
    """A name before a verb of speaking, at the start or after a comma or a joining word."""
    words = lexicons()[language]
    joins = "|".join(re.escape(fold(w)) for w in (*words.separators, *words.skippable, "and"))
    name = r"(?![\d_])\w[\w'.-]*"
    return folded_pattern(
        r"(?:^|[,;]\s*|(?<!\w)(?:" + joins + r")\s+)(?P<name>" + name + r"(?:\s+" + name
        + r"){0,2}?)\s*(?:\((?P<aside>[^)]{0,40})\)\s*)?,?\s*" + words.said.pattern
        + r"(?!\w)"
    )  # fmt: skip


def _speaker(text: str, words: NoteWords) -> str | None:
    """The name in "Потом Иван", "Frau Schmidt", "Marta": a leading non-name word is dropped."""
    tokens = text.split()
    if len(tokens) > 1 and _not_name(tokens[0], words) and not is_title(tokens[0]):
        tokens = tokens[1:]
    found = _read_name(tokens, 0, words)
    return found[0] if found and found[1] == len(tokens) else None


def _name_list(text: str, words: NoteWords, case: str | None) -> list[str]:
    """ "Marta, Luis y la Dra. Pérez": names separated by commas and the language's "and"."""
    tokens = WORD.findall(text)
    i = _skip_lead(tokens, words)
    lead = " ".join(tokens[:i])  # "la reclutadora, Ana": what stands before a name says who
    names: list[str] = []
    while i < len(tokens):
        found = _read_name(tokens, i, words)
        if found is None:
            break
        name, used = found
        i += used
        aside = tokens[i] if i < len(tokens) and tokens[i].startswith("(") else ""
        if aside:
            i += 1
        if not words.not_interviewer.search(fold(f"{lead} {aside}")):
            names.append(_nominative(name, words, case))
        if i < len(tokens) and tokens[i] == ",":
            i += 1
        if i < len(tokens) and fold(tokens[i]) in words.separators:
            i += 1
            skipped = _skip_lead(tokens[i:], words)  # "y a Luis", "und Herrn Weber"
            lead = " ".join(tokens[i : i + skipped])
            i += skipped
        elif i > 0 and tokens[i - 1] != ",":
            break
        else:
            lead = ""
    return names


def _skip_lead(tokens: list[str], words: NoteWords) -> int:
    """Where the names start: past "heute", a description ending in a comma ("la directora de
    datos, Marta"), or an article and a role right before a name ("dem CTO Herrn Müller")."""
    i = 0
    while i < len(tokens) and fold(tokens[i]) in {fold(w) for w in words.skippable}:
        i += 1
    window = range(i, min(i + LEAD_LIMIT + 1, len(tokens)))
    comma = next((j for j in window if tokens[j] == ","), None)
    if (
        comma is not None
        and comma > i
        and not any(_name_word(t, words) for t in tokens[i:comma])
        and _read_name(tokens, comma + 1, words) is not None
    ):
        return comma + 1
    start = i
    while i < len(tokens) and i - start < 3 and _role_or_article(tokens[i], words):
        i += 1
    return i if i > start and _read_name(tokens, i, words) is not None else start


def _role_or_article(token: str, words: NoteWords) -> bool:
    folded = fold(token)
    articles = {"el", "la", "al", "der", "die", "dem", "den", "the"}
    acronym = token.isupper() and 2 <= len(token) <= 4
    return (
        folded in articles
        or acronym
        or bool(words.roles.fullmatch(folded))
        or (token[:1].isupper() and _has_role_ending(folded, words))
    )


def _has_role_ending(folded: str, words: NoteWords) -> bool:
    return any(folded.endswith(fold(end)) for end in words.not_name_endings)


def _read_name(tokens: list[str], i: int, words: NoteWords) -> tuple[str, int] | None:
    """A name starting at tokens[i] (titles, then up to three words), and how many it took."""
    parts: list[str] = []
    j = i
    while j < len(tokens) and len(parts) < 2 and is_title(tokens[j]):
        parts.append(title_shown(tokens[j]))
        j += 1
    core: list[str] = []
    named = 0  # name words, particles apart: "Marta de la Fuente" is two
    while j < len(tokens) and named < 3:
        bare = tokens[j].rstrip(".")
        if _name_word(bare, words):
            named += 1
        elif not (core and _particles_then_name(tokens, j, words)):
            break
        core.append(bare)
        j += 1
    if not core:
        return None
    return " ".join(parts + core), j - i


def _particles_then_name(tokens: list[str], j: int, words: NoteWords) -> bool:
    """Whether small words inside a name start at j and a name word follows ("de la Fuente")."""
    k = j
    while k < len(tokens) and k - j < 3 and fold(tokens[k]) in words.particles:
        k += 1
    return j < k < len(tokens) and _name_word(tokens[k].rstrip("."), words)


def _name_word(word: str, words: NoteWords) -> bool:
    """A word that can be part of a name: capitalised letters, and not a word we know."""
    if not _LETTERS.fullmatch(word) or not word[:1].isupper():
        return False
    if len(word) > 1 and word.isupper():
        return False
    return not _not_name(word, words)


def _not_name(word: str, words: NoteWords) -> bool:
    folded = fold(word.rstrip("."))
    return (
        folded in words.not_names
        or folded in NOT_NAMES
        or _has_role_ending(folded, words)
        or bool(words.roles.fullmatch(folded))
    )


def _nominative(name: str, words: NoteWords, case: str | None) -> str:
    """ "Иваном Петровым" is "Иван Петров": each Cyrillic word's case ending read back."""
    rules = words.name_endings.get(case or "")
    if not rules:
        return name
    return " ".join(
        word if is_title(word) or not _CYRILLIC.search(word) else _read_back(word, words, rules)
        for word in name.split()
    )


def _read_back(
    word: str, words: NoteWords, rules: tuple[tuple[str, tuple[str, ...], str], ...]
) -> str:
    lower = word.lower()
    if lower in words.name_exceptions:
        return words.name_exceptions[lower]
    for ending, before, new in rules:
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) >= 2 and (not before or stem.endswith(before)):
            return word[: len(stem)] + new
    return word
