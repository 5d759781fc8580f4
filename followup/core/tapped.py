"""Typed answers that mean a button: "yep" is Yes, "ok i guess 😐" is Mixed, "thru Hays" is an agency.

The word lists live in content/phrases.toml (`yes_words`, `no_words`, `rating_<n>`, `direct_words`,
`agency_words`), so another language brings its own; emoji mean the same in every language and are
kept here. Pure: no Telegram, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from followup.core.phrasebook import Phrasebook

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
# "through" written short, and words that lead an agency's name ("yeah thru teksystems").
_AGENCY_LEAD = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|yup|ya|y|sure)\b[\s,!.]*)?"
    r"(?:(?:it was|i went|went|i applied|applied|i got it|came)\s+)?"
    r"(?:thru|through|via|with|from|by)\s+(?:an? |the )?(?:agency\s+)?",
    re.IGNORECASE,
)
_RECRUITER = re.compile(
    r"[,;]?\s*(?:and\s+)?(?:my|the|our)\s+(?:recruiter|consultant|agent|contact)(?:'s| is| was)?"
    r"(?:\s+(?:called|named|is))?\s+(?P<name>[A-Za-z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?)\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class AgencyAnswer:
    """The agency question answered in words: direct, or an agency (and maybe the recruiter)."""

    via_agency: bool
    agency: str | None = None
    recruiter: str | None = None


def _words(text: str, book: Phrasebook) -> tuple[str, ...]:
    return book.read(text)


def yes_or_no(text: str, book: Phrasebook) -> str | None:
    """YES or NO when the whole message is a yes or a no ("yep!", "nah 👎"); else None."""
    said = _words(text, book)
    if len(said) > MAX_ANSWER_WORDS:
        return None
    yes = _whole(said, book, "yes_words") or (not said and _has(text, _YES_EMOJI))
    no = _whole(said, book, "no_words") or (not said and _has(text, _NO_EMOJI))
    if yes == no:
        return None  # neither, or both ("yes no"): not a tap
    return YES if yes else NO


def rating(text: str, book: Phrasebook) -> str | None:
    """The rating ("1".."4") a short answer means: "meh" is 2, "terrible 😩" is 1; else None."""
    said = _words(text, book)
    if len(said) > MAX_ANSWER_WORDS:
        return None
    found = {
        value
        for value in _RATING_EMOJI
        if book[f"rating_{value}"].found_in(said) or _has(text, _RATING_EMOJI[value])
    }
    if book["rating_not"].found_in(said):
        # "not great", "not bad": one step in from the word they negated, never a guess at 4 or 1.
        found = {"2"} if found & {"3", "4"} else {"3"} if found else found
    if len(found) == 2:
        low, high = sorted(found)
        if int(high) - int(low) == 1:
            return low if "2" in found and "1" in found else high if high != "4" else "3"
    return found.pop() if len(found) == 1 else None


def agency(text: str, book: Phrasebook) -> AgencyAnswer | tuple[AgencyAnswer, ...] | None:
    """Direct, or an agency with its name and recruiter; a tuple when it could split two ways."""
    said = _words(text, book)
    if not said:
        return None
    if book["direct_words"].found_in(said) and not book["agency_words"].found_in(said):
        return AgencyAnswer(via_agency=False)
    lead = _AGENCY_LEAD.match(text)
    if lead is None:
        return None
    rest = text[lead.end() :].strip(" ,.!")
    recruiter = None
    person = _RECRUITER.search(rest)
    if person is not None:
        recruiter = person.group("name").strip(" .").title()
        rest = rest[: person.start()].strip(" ,.!")
    name = _agency_name(rest)
    if not name:
        return None
    if recruiter is None and "," in name:
        first, second = (part.strip() for part in name.split(",", 1))
        return (AgencyAnswer(True, first, second), AgencyAnswer(True, second, first))
    return AgencyAnswer(True, name, recruiter)


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
