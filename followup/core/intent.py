"""Read what people type: which of our topics they ask about, or what news they bring.

The phrasings live in content/phrases.toml, matched as followup/phrasebook.py says (typos
forgiven); this module holds only how the lists combine and which topic wins when several match,
so another language brings its own lists and keeps these rules. Pure: no Telegram, no clock.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from enum import StrEnum
from itertools import accumulate

from followup.core.model import Outcome
from followup.core.phrasebook import Phrasebook, PhraseList

MAX_CHARS = 300  # longer than this is pasted notes or a story, never a quick question
NEGATION_REACH = 3  # "haven't heard back": a negation this many words before news cancels it
MAX_NAME_WORDS = 4  # "Acme Widgets Europe Ltd"

_WORD = re.compile(r"[a-z]+")
_SENTENCE_END = re.compile(r"[.!?;:\n]+")


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
    "offer_time",
    "offer_writing",
    "offer_decline",
    "offer_negotiate",
    "offer_accept",
    "call_instead_about",
    "call_instead_with",
    "linkedin",
    "linkedin_not",
    "company_before",
    "not_companies",
    # Typed answers that mean a button (followup/core/tapped.py).
    "yes_words",
    "no_words",
    "answer_fillers",
    "rating_1",
    "rating_2",
    "rating_3",
    "rating_4",
    "rating_fillers",
    "yes_acknowledged",
    "direct_words",
    "agency_words",
    # News told in passing (followup/core/news.py).
    "news_follow_up_sent",
    "news_thank_you_sent",
    "news_sent_something",
    "news_moved",
    "news_new_interview",
    "news_offer_more",
    "news_rejected_more",
    "news_heard_more",
    "news_negations",
    "news_others",
    "news_self",
)


def words(text: str) -> tuple[str, ...]:
    """Lower-case words, apostrophes dropped ("didn't" -> "didnt", not "didn", "t")."""
    return tuple(_WORD.findall(text.lower().replace("’", "'").replace("'", "")))


def _occurs(said: Sequence[str], phrases: PhraseList, negations: PhraseList | None) -> bool:
    """Some phrase occurs with no negation just before it ("haven't heard back" is not news)."""
    for start, _ in phrases.spans(said):
        before = said[max(0, start - NEGATION_REACH) : start]
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
    if book["ghosted"].found_in(said) or book["silence"].found_in(said):
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
    first = guess.split()[0].lower().replace("'", "")
    if first in {w.lower() for name in people for w in name.replace("'", "").split()}:
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
    if len(plain) < 3 or not plain.isalpha() or plain in stop:
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
        if not word[0].isupper() or word.lower().replace("'", "") in stop:
            break
        taken.append(word)
        if ends[i]:
            break
    return " ".join(taken) if taken else None
