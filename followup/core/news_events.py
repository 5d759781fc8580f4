"""Which events a message's news phrases name, in order of precedence, and which are negated."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from followup.core.intent import MAX_CHARS
from followup.core.news_dates import date_words
from followup.core.phrasebook import BOUNDARY, Phrasebook, PhraseList, within_sentence

NEGATION_REACH = 3  # a negation this many words before the news cancels it


class Event(StrEnum):
    """What happened, as the user tells it."""

    WITHDREW = "withdrew"
    REJECTED = "rejected"
    MOVED = "moved"
    NEXT_ROUND = "next_round"
    OFFER = "offer"
    NEW_INTERVIEW = "new_interview"
    THANK_YOU_SENT = "thank_you_sent"
    FOLLOW_UP_SENT = "follow_up_sent"
    SENT = "sent"  # "sent it": a thank-you or a follow-up, unsaid which
    HEARD = "heard"  # they called or replied, the outcome unsaid


# Earlier wins when several match; the user's own act first, as the outcome reader does.
_ORDER = (
    Event.WITHDREW, Event.REJECTED, Event.MOVED, Event.NEXT_ROUND, Event.OFFER,
    Event.NEW_INTERVIEW, Event.THANK_YOU_SENT, Event.FOLLOW_UP_SENT, Event.SENT, Event.HEARD,
)  # fmt: skip
_LISTS: dict[Event, tuple[str, ...]] = {
    Event.WITHDREW: ("news_withdrew",),
    Event.REJECTED: ("news_rejected", "news_rejected_more"),
    Event.MOVED: ("news_moved",),
    Event.NEXT_ROUND: ("news_next_round",),
    Event.OFFER: ("news_offer", "news_offer_more"),
    Event.NEW_INTERVIEW: ("news_new_interview",),
    Event.THANK_YOU_SENT: ("news_thank_you_sent",),
    Event.FOLLOW_UP_SENT: ("news_follow_up_sent",),
    Event.SENT: ("news_sent_something",),
    Event.HEARD: ("heard", "news_heard_more"),
}


def _is_question(text: str, said: Sequence[str], book: Phrasebook) -> bool:
    """A "?" or a question word first ("should i send it", "how do i reply")."""
    if "?" in text:
        return True
    return any(start == 0 for start, _ in book["question_cues"].spans(said))


def _lists(book: Phrasebook, event: Event) -> list[PhraseList]:
    return [book[name] for name in _LISTS[event]]


def _all_starts(said: Sequence[str], book: Phrasebook, event: Event) -> list[int]:
    # "they said no" is news only where it ends the message: "said no decision till friday" isn't.
    starts = [
        start
        for phrases in _lists(book, event)
        for start, end in phrases.spans(said)
        if said[end - 1] != "no" or end == len(said) or said[end] == BOUNDARY
    ]
    if event is Event.NEXT_ROUND:
        with_ = book["news_next_round_with"]
        starts += [s for s, _ in book["news_next_round_about"].spans(said) if with_.found_in(said)]
    return starts


def _events(said: Sequence[str], book: Phrasebook) -> tuple[list[Event], set[Event]]:
    """The events some phrase names unnegated (in order of precedence), and those negated."""
    found: list[Event] = []
    negated: set[Event] = set()
    for event in _ORDER:
        starts = _all_starts(said, book, event)
        if any(not _negated(said, s, book) for s in starts):
            found.append(event)
        elif starts:
            negated.add(event)
    if Event.NEXT_ROUND in found and Event.OFFER in found:
        found.remove(Event.OFFER)  # "they offered me a second interview" is a next round
    if Event.MOVED in found and Event.NEXT_ROUND in found:
        found.remove(Event.NEXT_ROUND)  # "moved my 2nd round to friday"
    if negated and not found:
        return [], negated
    return found, negated


def _just_sent(said: Sequence[str], book: Phrasebook) -> bool:
    """ "sent it" (maybe "yesterday") and nothing more: "sent it to the wrong person" is more."""
    for _, end in book["news_sent_something"].spans(said):
        rest = " ".join(word for word in said[end:] if word != BOUNDARY)
        phrase = date_words(rest) if rest else ""
        if phrase is not None and len(rest.replace(phrase, "").split()) <= 1:
            return True
    return False


def _negated(said: Sequence[str], start: int, book: Phrasebook) -> bool:
    before = within_sentence(said[max(0, start - NEGATION_REACH) : start])
    return book["news_negations"].found_in(before)


def _speaks_of_self(said: Sequence[str], book: Phrasebook) -> bool:
    """ "my friend told me acme rejected me": the user's own news too, maybe."""
    others = {
        start + k for start, end in book["news_others"].spans(said) for k in range(end - start)
    }
    return any(s not in others for s, _ in book["news_self"].spans(said))


def mentions_news(text: str, book: Phrasebook) -> bool:
    """Whether some news phrase occurs in a statement (negated or not): worth a full reading."""
    if len(text) > MAX_CHARS:
        return False
    said = book.read_sentences(text)
    if not said or _is_question(text, said, book):
        return False
    found, negated = _events(said, book)
    return bool(found or negated)
