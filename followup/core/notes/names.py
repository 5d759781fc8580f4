"""Who the user met: the interviewers their notes name, and how each is greeted in an email."""

from __future__ import annotations

import re

from followup.core.language import speaking
from followup.core.model import capitalised
from followup.core.notes.lexicon import (
    AFTER_LOWER_NAME,
    LIST_LEAD,
    MARKUP,
    MET,
    NAMED_SPEAKER,
    NOT_LOWER_NAMES,
    NOT_NAMES,
    RECRUITER,
    SEPARATORS,
    SPEAKER_NOT_INTERVIEWER,
    TITLE,
    TRAILING,
    WORD,
)
from followup.core.notes.lexicons import lexicons
from followup.core.notes.other_names import is_title, names_in
from followup.core.notes.sentences import pieces

NAME_LIMIT = 40
# Particles that stay small inside a name ("Anna van der Berg", "Marta de la Fuente").
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "da", "di", "del", "la", "las", "los", "le", "du", "bin",
     "zu", "vom", "zum"}
)  # fmt: skip


def interviewers(notes: str | None, *, recruiter: str | None = None) -> list[str]:
    """Everyone the notes name as met or interviewing, as written ("Dr Lee", "Anna Smith").

    Names are read in every language, the one we speak to the user first: a name reads the same
    in any email ("conocí a Marta" is Marta in an English draft too)."""
    found_pieces = pieces(notes)
    recruiters = [recruiter] if recruiter else []
    recruiters += [name for piece in found_pieces for name in _recruiter_names(piece)]
    first = speaking()
    languages = sorted(lexicons().values(), key=lambda words: words.language != first)
    found: list[str] = []
    for piece in found_pieces:
        other = [name for words in languages for name in names_in(piece, words)]
        for name in _met_names(piece) + _speaker_names(piece) + other:
            if any(_same_person(name, other) for other in recruiters):
                continue
            if not any(_same_person(name, seen) for seen in found):
                found.append(person_name(name))
    return found


def person_name(name: str) -> str:
    """A name as a message writes it: a word typed all in lower case gets its capital ("mike"
    is "Mike", "dr anna schmidt" is "Dr Anna Schmidt"); other writings stay the user's own
    ("McKenzie", "DJ"), and particles inside a name stay small ("Anna van der Berg")."""
    words = name.split()
    return " ".join(
        word if word in _PARTICLES and 0 < index < len(words) - 1 else capitalised(word)
        for index, word in enumerate(words)
    )


def greeting_name(name: str | None) -> str | None:
    """How a person is greeted: "Anna" for "Anna Smith", "Dr Nair" for "Dr Priya Nair"."""
    words = " ".join((name or "").split()).strip(TRAILING + ",").split()
    if not words:
        return None
    titled = is_title(words[0]) and len(words) > 1
    text = person_name(f"{words[0]} {words[-1]}" if titled else words[0]).strip(",;:")
    return text if 0 < len(text) <= NAME_LIMIT and not MARKUP.search(text) else None


def same_person(one: str | None, other: str | None) -> bool:
    """Whether two ways of writing a name ("Anna", "Anna Smith", "dr lee") mean one person."""
    return bool(one and other and _same_person(one, other))


def _met_names(piece: str) -> list[str]:
    names: list[str] = []
    for match in MET.finditer(piece):
        listed = bool(match.group("l1") or match.group("l2"))
        rest = piece[match.end() :]
        # "Met two engineers, Li and Ola", "a panel of 3: Anna, Raj": the names come after.
        lead = None if listed else LIST_LEAD.match(rest)
        if lead and not any(_capitalised(word) for word in lead.group(0).split()):
            rest = rest[lead.end() :]
            listed = lead.group("sep") != ","
        # "The panel was rude": only a verb of meeting someone is followed by a lower-case name.
        about_people = not match.group(0).lower().startswith(("panel", "interviewer"))
        names.extend(_name_list(rest, listed=listed, lower_names=about_people))
    return names


def _speaker_names(piece: str) -> list[str]:
    names: list[str] = []
    for match in NAMED_SPEAKER.finditer(piece):
        aside = f"{match.group('aside') or ''} {match.group('appos') or ''}"
        if SPEAKER_NOT_INTERVIEWER.search(aside):
            continue
        words = match.group("name").split()
        # "Then Ken said": the sentence's first word is not part of the name.
        if len(words) > 1 and words[0].lower() in NOT_NAMES:
            words = words[1:]
        name = _name(words, listed=False)
        if name:
            names.append(name[0])
    return names


def _recruiter_names(piece: str) -> list[str]:
    """ "Recruiter (Sam)", "Sam (agency)", "my recruiter Sam": people who did not interview."""
    names = []
    for match in RECRUITER.finditer(piece):
        found = _name((match.group("name") or match.group("other")).split(), listed=False)
        if found:
            names.append(found[0])
    return names


def _name_list(text: str, *, listed: bool, lower_names: bool = False) -> list[str]:
    """ "Anna, Raj (CTO) and Dr Lee": names separated by commas, "and", "&", "+" or "/"."""
    tokens = WORD.findall(text)
    names: list[str] = []
    i = 0
    while i < len(tokens):
        # "CTO Raj", "Google's Anna": a title or an owner before a name is skipped, not a stop.
        acronym = tokens[i].isupper() and 2 <= len(tokens[i]) <= 4
        skippable = acronym or tokens[i].endswith("'s")
        if skippable and i + 1 < len(tokens):
            i += 1
        lower = _lower_name_words(tokens, i) if lower_names else 0
        found = _name(tokens[i : i + 3], listed=listed or lower > 0, lower_words=max(lower, 1))
        if found is None:
            break
        name, used = found
        names.append(name)
        i += used
        if i < len(tokens) and tokens[i].startswith("("):
            i += 1
        if i < len(tokens) and tokens[i] == ",":
            i += 1
            # "Anna, the head of data, and Raj": step over the description.
            end = next((j for j in range(i, min(i + 8, len(tokens))) if tokens[j] == ","), None)
            described = i < len(tokens) and tokens[i][:1].islower()
            described = described and tokens[i] not in SEPARATORS
            if described and (not listed or tokens[i] in NOT_NAMES) and end is not None:
                i = end + 1
        if i < len(tokens) and tokens[i].lower() in SEPARATORS:
            i += 1
            if i < len(tokens) and tokens[i].lower() == "then":
                i += 1
        elif i > 0 and tokens[i - 1] != ",":
            break
    return names


def _lower_name_at(tokens: list[str], i: int) -> bool:
    """Whether a first name written in lower case starts at `i`: "met priya (eng manager)",
    "and tom from HR", "talked to sam, the hiring manager", "met raj and Lee". Told apart from
    other words by what follows it, never by the word alone."""
    word = tokens[i]
    if not word.islower() or word in NOT_NAMES or word in NOT_LOWER_NAMES:
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is None or after.startswith("(") or after.lower() in AFTER_LOWER_NAME:
        return True
    if after.lower() in SEPARATORS and i + 2 < len(tokens):
        return _capitalised(tokens[i + 2]) or _lower_name_at(tokens, i + 2)
    return False


def _lower_name_words(tokens: list[str], i: int) -> int:
    """How many words of a name written in lower case start at `i`: 1 ("met priya (eng
    manager)"), 2 ("talked w/ priya nair the hiring mgr", "met raj patel, the cto"), or 0."""
    if _lower_name_at(tokens, i):
        return 1
    if i + 1 >= len(tokens) or not _lower_name_at(tokens, i + 1):
        return 0
    first, last = tokens[i], tokens[i + 1]
    plain = all(
        word.isalpha()
        and word.islower()
        and word not in NOT_NAMES | NOT_LOWER_NAMES
        and word not in AFTER_LOWER_NAME
        and word not in SEPARATORS
        for word in (first, last)
    )
    return 2 if plain else 0


def _capitalised(word: str) -> bool:
    """A word that could start a name: "Anna", not "CTO", "3" or "team"."""
    return word[:1].isupper() and not word.rstrip(":,-–").isupper()


def _name(tokens: list[str], *, listed: bool, lower_words: int = 1) -> tuple[str, int] | None:
    """A name at the start of `tokens`, and how many tokens it took: title, first, last.

    In a list of names (`listed`), the first `lower_words` words may be written in lower case.
    """
    words: list[str] = []
    used = 0
    if tokens and TITLE.match(tokens[0]) and len(tokens) > 1:
        words.append(tokens[0])
        used = 1
    for token in tokens[used:]:
        bare = token.rstrip(".")
        capital = bare[:1].isupper() and not (len(bare) > 1 and bare.isupper())
        initial = len(bare) == 1 and bare.isupper() and bool(words)
        letters = bool(re.fullmatch(r"[^\W\d_]+(?:['-][^\W\d_]+)*", bare))
        if not letters or bare.lower() in NOT_NAMES:
            break
        if not (capital or initial or (listed and len(words) < lower_words and bare.islower())):
            break
        words.append(bare.capitalize() if listed and bare.islower() else token)
        used += 1
        if initial or len(words) == (3 if TITLE.match(words[0]) else 2):
            break
    if not words or (len(words) == 1 and TITLE.match(words[0])):
        return None
    name = " ".join(words).rstrip(".") if not TITLE.match(words[-1]) else " ".join(words)
    return (name, used) if len(name) <= NAME_LIMIT else None


def _same_person(one: str, other: str) -> bool:
    """ "Anna" and "Anna Smith", "Dr Lee" and "Lee": one shares the other's first or last name."""

    def parts(name: str) -> list[str]:
        return [w.rstrip(".").lower() for w in name.split() if not is_title(w)]

    a, b = parts(one), parts(other)
    if not a or not b:
        return False
    return a[0] == b[0] or a[-1] == b[-1] or a[0] == b[-1] or a[-1] == b[0]
