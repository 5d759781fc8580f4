"""Typed answers that mean a button: "yep" is Yes, "ok i guess 😐" is Mixed, "thru Hays" an agency.

The word lists live in each language's phrases.toml (`yes_words`, `no_words`, `rating_<n>`,
`direct_words`, `agency_words`, and what leads an agency's or a recruiter's name), so another
language brings its own; emoji mean the same in every
language and are kept here. Pure: no Telegram, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from followup.core.phrasebook import Phrasebook, PhraseList, fold

YES, NO = "yes", "no"
MAX_ANSWER_WORDS = 8  # longer than this is a sentence with its own news, not a tap
# Emoji mean the same in every language: thumbs, and the faces of the rating buttons.
_YES_EMOJI = ("👍", "👌", "✅", "🙌", "💯", "✔")
_NO_EMOJI = ("👎", "❌", "🙅", "✖")
_RATING_EMOJI: dict[str, tuple[str, ...]] = {
    "1": ("😣", "😩", "😫", "😖", "😭", "😢", "😞", "💀", "🤮", "😤", "😡", "☹", "🙁", "😔"),
    "2": ("😐", "😕", "🤷", "😬", "😶", "🫤", "😑", "🤔"),
    "3": ("🙂", "😊", "👍", "😀", "😃", "😌", "☺"),
    "4": ("🤩", "🥳", "😍", "🔥", "🎉", "😁", "😄", "💪", "🚀", "🙌", "💯", "⭐", "🌟"),
}


@dataclass(frozen=True, slots=True)
class AgencyAnswer:
    """The agency question answered in words: direct, or an agency (and maybe the recruiter)."""

    via_agency: bool
    agency: str | None = None
    recruiter: str | None = None


def _words(text: str, book: Phrasebook) -> tuple[str, ...]:
    return book.read(text)


def yes_or_no(text: str, book: Phrasebook, *, strict: bool = False) -> str | None:
    """YES or NO when the whole message is a yes or a no ("yep!", "nah 👎"); else None.

    `strict`: a plain "ok" is not a yes (to "did you send it?" it may only mean "noted").
    """
    said = _words(text, book)
    if len(said) > MAX_ANSWER_WORDS:
        return None
    yes = _whole(said, book, "yes_words") or (not said and _has(text, _YES_EMOJI))
    if yes and strict and _whole(said, book, "yes_acknowledged"):
        return None  # "ok" to "did you send it?" acknowledges the question; it says no yes
    no = _whole(said, book, "no_words") or (not said and _has(text, _NO_EMOJI))
    if yes == no:
        return None  # neither, or both ("yes no"): not a tap
    return YES if yes else NO


def rating(text: str, book: Phrasebook) -> str | None:
    """The rating ("1".."4") a short answer means: "meh" is 2, "terrible 😩" is 1; else None.

    The words must all be rating words or fillers ("it was", "i guess"): "good morning" is not a
    rating. The longest phrase wins ("not good" over "good"); words and emoji must agree.
    """
    said = _words(text, book)
    if len(said) > MAX_ANSWER_WORDS:
        return None
    spans = [
        (end - start, start, end, value)
        for value in _RATING_EMOJI
        for start, end in book[f"rating_{value}"].spans(said)
    ]
    covered = {i for _, start, end, _ in spans for i in range(start, end)}
    fillers = set(book["rating_fillers"].words) | set(book["answer_fillers"].words)
    if any(i not in covered and word not in fillers for i, word in enumerate(said)):
        return None
    by_words = None
    if spans:
        longest = max(length for length, *_ in spans)
        values = {value for length, _, _, value in spans if length == longest}
        if len(values) != 1:
            return None
        by_words = values.pop()
    by_emoji = {value for value, faces in _RATING_EMOJI.items() if _has(text, faces)}
    if len(by_emoji) > 1 or (by_words and by_emoji and by_emoji != {by_words}):
        return None
    return by_words or (by_emoji.pop() if by_emoji else None)


def agency(text: str, book: Phrasebook) -> AgencyAnswer | tuple[AgencyAnswer, ...] | None:
    """Direct, or an agency with its name and recruiter; a tuple when it could split two ways."""
    said = _words(text, book)
    if not said:
        return None
    if book["direct_words"].found_in(said) and not book["agency_words"].found_in(said):
        return AgencyAnswer(via_agency=False)
    lead_pattern, recruiter_pattern = _agency_patterns(book)
    folded, where = _folded(text)
    lead = lead_pattern.match(folded)
    if lead is None:
        return None
    rest = text[where[lead.end()] :].strip(" ,.!")
    recruiter = None
    folded, where = _folded(rest)
    person = recruiter_pattern.search(folded)
    if person is not None:
        name = rest[where[person.start("name")] : where[person.end("name")]]
        recruiter = name.strip(" .").title()
        rest = rest[: where[person.start()]].strip(" ,.!")
    name = _agency_name(rest)
    if not name:
        return None
    if recruiter is None and "," in name:
        first, second = (part.strip() for part in name.split(",", 1))
        return (AgencyAnswer(True, first, second), AgencyAnswer(True, second, first))
    return AgencyAnswer(True, name, recruiter)


def _agency_patterns(book: Phrasebook) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What leads an agency's name ("yeah thru", "sí, a través de", "über", "через") and the
    recruiter's ("my recruiter is", "mi reclutadora es", "мой рекрутер"), from the lists."""
    names = ("yes_words", "agency_verbs", "agency_leads", "recruiter_leads")
    return _compiled(*(book[name] for name in names))


@cache
def _compiled(
    yes_words: PhraseList, verbs_list: PhraseList, leads_list: PhraseList, people_list: PhraseList
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two patterns, once per set of lists (one set per language)."""
    yes, verbs = _alternatives(yes_words), _alternatives(verbs_list)
    leads, people = _alternatives(leads_list), _alternatives(people_list)
    return (
        re.compile(
            rf"^\W*(?:(?:{yes})\b[\s,!.]*)?(?:(?:{verbs})\s+)?(?:{leads})\s+"
            # an article and the word "agency" before the name, in any language spoken
            r"(?:(?:an?|the|el|la|una?|die|der|den|eine[nm]?)\s+)?"
            r"(?:(?:agency|agencia(?: de)?|agentur|personalvermittlung|агентство)[\s,]+)?"
        ),
        re.compile(
            rf"[,;]?\s*(?:and\s+|y\s+|und\s+|и\s+)?(?:{people})[\s:—–-]+"
            r"(?P<name>[^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*)?)\W*$"
        ),
    )


def _alternatives(phrases: PhraseList) -> str:
    """A list's phrases as a regex alternation over folded text, longest first."""
    written = {r"\s+".join(re.escape(w) for part in p for w in part) for p in phrases.phrases}
    return "|".join(sorted(written, key=len, reverse=True)) or "(?!)"


def _folded(text: str) -> tuple[str, list[int]]:
    """The text folded as the lists are (case, accents), with each folded character's place in
    the text as typed, so a match in one is cut from the other."""
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text.replace("’", "'")):
        piece = fold(char)
        out.append(piece)
        where.extend([i] * len(piece))
    where.append(len(text))
    return "".join(out), where


def _agency_name(rest: str) -> str:
    """ "teksystems" -> "TEKsystems" stays as typed, but a lower-case word gets its capital."""
    rest = re.sub(r"\s+(?:agency|recruitment|recruiting)$", "", rest, flags=re.IGNORECASE)
    known = {"teksystems": "TEKsystems", "hays": "Hays", "randstad": "Randstad"}
    if rest.lower() in known:
        return known[rest.lower()]
    return rest if any(c.isupper() for c in rest) else rest.title()


def _whole(said: Sequence[str], book: Phrasebook, name: str) -> bool:
    """The message is one of the list's phrases, give or take a "please" or "ok" around it."""
    filler = set(book["answer_fillers"].words)
    core = tuple(w for w in said if w not in filler) or tuple(said)
    return any(core == tuple(w for part in parts for w in part) for parts in book[name].phrases)


def _has(text: str, emoji: Sequence[str]) -> bool:
    return any(e in text for e in emoji)
