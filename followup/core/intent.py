"""Read what people type: which of our topics they ask about, or what news they bring.

The phrasings live in content/en/phrases.toml, matched as followup/phrasebook.py says (typos
forgiven); this module holds only how the lists combine and which topic wins when several match,
so another language brings its own lists and keeps these rules. Pure: no Telegram, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from itertools import accumulate

from followup.core.model import Outcome
from followup.core.phrasebook import Phrasebook, PhraseList, within_sentence

MAX_CHARS = 300  # longer than this is pasted notes or a story, never a quick question
NEGATION_REACH = 3  # "haven't heard back": a negation this many words before news cancels it

_SENTENCE_END = re.compile(r"[.!?;:\n¿¡]+")


class Topic(StrEnum):
    """What a message is about, when it is one of ours."""

    CHASE = "chase"  # should I chase / follow up (yet)?
    NEWS = "news"  # they got back to me (offer, rejection, next round, withdrew, or unsaid)
    THANK_YOU = "thank_you"  # should I send a thank-you? how?
    RECRUITER_CALL = "recruiter_call"  # what do I say when the recruiter calls / feedback call
    GHOSTED = "ghosted"  # they ghosted me / it's been weeks / no reply at all
    WHAT_NOW = "what_now"  # what now? what should I do? what's next?
    OFFER = "offer"  # how do I answer an offer / negotiate / accept / ask for time
    CALL_INSTEAD = "call_instead"  # can I call instead of emailing / phone them?
    LINKEDIN = "linkedin"  # connect on LinkedIn?


class OfferQuestion(StrEnum):
    """Which part of answering an offer a question is about."""

    MORE_TIME = "time"
    IN_WRITING = "writing"
    DECLINE = "decline"
    NEGOTIATE = "negotiate"
    ACCEPT = "accept"
    GENERAL = "general"  # "how do I answer the offer?": none of the above in particular


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


def _occurs(said: Sequence[str], phrases: PhraseList, negations: PhraseList | None) -> bool:
    """Some phrase occurs with no negation just before it ("haven't heard back" is not news)."""
    for start, _ in phrases.spans(said):
        before = within_sentence(said[max(0, start - NEGATION_REACH) : start])
        if negations is None or not negations.found_in(before):
            return True
    return False


def _signal(
    said: Sequence[str], book: Phrasebook, name: str, negations: PhraseList | None = None
) -> bool:
    """The list's own phrase, or one of its `_about` with one of its `_with`; never a `_not`.

    With `negations`, a phrase or an `_about` counts only when not negated just before it.
    """
    if book[f"{name}_not"].found_in(said):
        return False
    if _occurs(said, book[name], negations):
        return True
    return _occurs(said, book[f"{name}_about"], negations) and book[f"{name}_with"].found_in(said)


def _outcome(said: Sequence[str], book: Phrasebook) -> Outcome | None:
    for outcome in _OUTCOMES:
        if _signal(said, book, f"news_{outcome.value}", book["news_not"]):
            return outcome
    return None


def _asks_to_chase(
    said: Sequence[str], starts: frozenset[int], book: Phrasebook, question_mark: bool
) -> bool:
    """ "should I chase them yet?", "ping them?", "they haven't replied, what do I do"."""
    if book["chase_excludes"].found_in(said):
        return False
    if book["silence"].found_in(said) and book["what_now"].found_in(said):
        return True
    if not question_mark and not book["chase_cues"].found_in(said):
        return False
    if book["chase"].found_in(said):
        return True
    # The verb must be the asker's ("should I chase", "too early to email"), not "they called".
    allowed = starts | {end for _, end in book["chase_subjects"].spans(said)}
    return any(start in allowed for start, _ in book["chase_verbs"].spans(said))


def understand(text: str, book: Phrasebook) -> Topic | None:
    """Which of our topics the message is about; None when it is none of ours."""
    if len(text) > MAX_CHARS:
        return None
    sentences = [book.read(part) for part in _SENTENCE_END.split(text)]
    said = tuple(word for sentence in sentences for word in sentence)
    if not said:
        return None
    starts = frozenset(accumulate((len(s) for s in sentences[:-1]), initial=0))
    question_mark = "?" in text
    if question_mark or book["question_cues"].found_in(said):
        for topic in _SPECIFIC_QUESTIONS:
            if _signal(said, book, topic.value):
                return topic
    if _outcome(said, book) is not None or _occurs(said, book["heard"], book["news_not"]):
        return Topic.NEWS
    if _asks_to_chase(said, starts, book, question_mark):
        return Topic.CHASE
    silent = book["ghosted"].found_in(said) or book["silence"].found_in(said)
    if silent and not book["ghosted_not"].found_in(said):  # "I went quiet", "quiet office"
        return Topic.GHOSTED
    if book["what_now"].found_in(said):
        return Topic.WHAT_NOW
    return None


def offer_question(text: str, book: Phrasebook) -> OfferQuestion:
    """The part of answering an offer a question is about; the first list that matches wins
    ("should I accept or ask for more time?" is about time)."""
    said = book.read(text[:MAX_CHARS])
    for part in OfferQuestion:
        if part is not OfferQuestion.GENERAL and book[f"offer_{part.value}"].found_in(said):
            return part
    return OfferQuestion.GENERAL


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
