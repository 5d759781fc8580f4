"""News told in passing, in any state: what happened, to which interview, when, and how sure.

"i sent it yesterday", "globex moved my interview to wed 12/9 at 9:30am", "mike called, acme wants
me for a 2nd round!!" each name an event, maybe a company and a date. The reading is SURE only when
nothing in the words could make it wrong: a negation ("haven't heard back"), a question ("should I
send it?"), a hope ("if they offer"), someone else's news ("my friend got an offer"), two companies,
an unknown one, or a date with two readings make it UNSURE (ask one question) or NONE (not news).
The phrasings are in content/en/phrases.toml (`news_*`); which events they name is read in
followup/core/news_events.py; this module holds how sure the reading is and what it is about.
Pure: the clock and the user's zone are passed in.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from followup.core import tapped
from followup.core.company_mentions import named_company, words
from followup.core.intent import MAX_CHARS
from followup.core.news_dates import said_when
from followup.core.news_events import (
    Event,
    _all_starts,
    _events,
    _is_question,
    _just_sent,
    _negated,
    _speaks_of_self,
)
from followup.core.phrasebook import Phrasebook

MAX_DAYS_BACK = 60  # "sent it" on a day further back than this is checked with the user


class Sureness(StrEnum):
    SURE = "sure"  # act, with an Undo
    UNSURE = "unsure"  # ask one question with buttons
    NONE = "none"  # not news


class Question(StrEnum):
    """The button question open when the message came, if any: it changes what words mean."""

    YES_NO = "yes_no"
    FOLLOW_THROUGH = "follow_through"  # "Did you send that follow-up?"
    RATING = "rating"
    AGENCY = "agency"


_OUTCOMES = frozenset({Event.WITHDREW, Event.REJECTED, Event.NEXT_ROUND, Event.OFFER})
# Events about a day ahead read their date forwards ("moved to friday" is the coming one).
_AHEAD = frozenset({Event.MOVED, Event.NEW_INTERVIEW})
# Events that only make sense for an interview still open.
_NEEDS_OPEN = frozenset(set(_OUTCOMES) | {Event.MOVED, Event.FOLLOW_UP_SENT, Event.HEARD})


@dataclass(frozen=True, slots=True)
class Known:
    """What the user has logged: every company, the open ones (newest first), people's names."""

    companies: tuple[str, ...] = ()
    open_companies: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class News:
    """What a message was read to say, and whether to act on it, ask, or leave it."""

    sureness: Sureness
    event: Event | None = None
    company: str | None = None  # a logged company (or, for a new interview, the name said)
    day: date | None = None  # the local day said, if any
    clock: time | None = None  # the local time said, if any
    why: str = ""  # for UNSURE: which_event, which_interview, which_date, two_companies…
    days: tuple[date, ...] = ()  # the readings of a date that could mean two days
    unknown_name: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """A message read against the open question: the button it means, else its news."""

    button: str | None = None  # the button's value ("yes", "no", "3", "direct"…)
    agency: tapped.AgencyAnswer | tuple[tapped.AgencyAnswer, ...] | None = None
    news: News = field(default_factory=lambda: News(Sureness.NONE))


def read_reply(
    text: str,
    book: Phrasebook,
    known: Known,
    zone: ZoneInfo,
    now: datetime,
    question: Question | None = None,
) -> Reply:
    """What a message means where it came: the open question's button first, then news."""
    news = read_news(text, book, known, zone, now, question)
    if news.sureness is not Sureness.NONE or news.why == "other_person":
        return Reply(news=news)  # "I GOT THE JOB!!! 🎉" at the rating question is news
    if question in (Question.YES_NO, Question.FOLLOW_THROUGH):
        answer = tapped.yes_or_no(text, book, strict=question is Question.FOLLOW_THROUGH)
        if answer is not None:
            return Reply(button=answer)
    elif question is Question.RATING:
        value = tapped.rating(text, book)
        if value is not None:
            return Reply(button=value)
    elif question is Question.AGENCY:
        found = tapped.agency(text, book)
        if isinstance(found, tapped.AgencyAnswer) and not found.via_agency:
            return Reply(button=tapped.NO)
        if found is not None:
            return Reply(button=tapped.YES, agency=found)
    return Reply(news=news)


def read_news(
    text: str,
    book: Phrasebook,
    known: Known,
    zone: ZoneInfo,
    now: datetime,
    question: Question | None = None,
) -> News:
    """The news a message brings, with how sure the reading is."""
    if len(text) > MAX_CHARS:
        return News(Sureness.NONE)
    said = book.read_sentences(text)
    if not said or _is_question(text, said, book):
        return News(Sureness.NONE)
    found, negated = _events(said, book)
    if not found:
        return News(Sureness.NONE, why="negated" if negated else "")
    event = found[0]
    if event is Event.SENT and question is Question.FOLLOW_THROUGH and _just_sent(said, book):
        event = Event.FOLLOW_UP_SENT
    if book["news_others"].found_in(said):
        if not _speaks_of_self(said, book):
            return News(Sureness.NONE, event, why="other_person")
        return _unsure(event, "other_person")
    hypothetical = any(_negated(said, start, book) for start in _all_starts(said, book, event))
    if hypothetical or (negated and event in negated):
        return News(Sureness.NONE, event, why="negated")
    if len({e for e in found if e in _OUTCOMES}) > 1:
        return _unsure(event, "which_event")
    return _with_interview_and_day(text, book, known, zone, now, event)


# Numbers shaped like a day and month ("3.12", "3/12") that no date reading took.
_UNREAD_DATE = re.compile(r"(?<![\d.:/])\d{1,2}[./]\d{1,2}(?![\d:])")


def _with_interview_and_day(
    text: str, book: Phrasebook, known: Known, zone: ZoneInfo, now: datetime, event: Event
) -> News:
    named = _companies_named(text, known.companies)
    if len(named) > 1:
        return _unsure(event, "two_companies")
    company = named[0] if named else None
    unknown = None
    if company is None:
        _, unknown = named_company(text, known.companies, book, known.people)
    when = said_when(text, zone, now, ahead=event in _AHEAD)
    today = now.astimezone(zone).date()
    base = News(Sureness.SURE, event, company, when.day, when.clock, unknown_name=unknown)
    if event is Event.NEW_INTERVIEW:
        return _replace(base, Sureness.UNSURE, "log_it", company=company or unknown)
    if unknown is not None:
        return _replace(base, Sureness.UNSURE, "unknown_company")
    if company is None:
        if len(known.open_companies) != 1:
            why = "which_interview" if known.open_companies else "no_interview"
            return _replace(base, Sureness.UNSURE, why)
        company = known.open_companies[0]
    elif event in _NEEDS_OPEN and company not in known.open_companies:
        return _replace(base, Sureness.UNSURE, "closed", company=company)
    base = _replace(base, Sureness.SURE, "", company=company)
    if when.stated and when.day is None:
        return _replace(base, Sureness.UNSURE, "which_date", days=when.days)
    if not when.stated and _UNREAD_DATE.search(text):
        return _unsure_date(base)  # "3.12" the reader could not place: a day or a time? ask
    if event in (Event.SENT, Event.HEARD):
        return _replace(base, Sureness.UNSURE, "which_event")
    if event is Event.MOVED:
        return base if when.day is not None and when.day >= today else _unsure_date(base)
    if when.day is not None and (when.day > today or when.day < today - timedelta(MAX_DAYS_BACK)):
        return _unsure_date(base)
    return base


def _unsure_date(news: News) -> News:
    return _replace(news, Sureness.UNSURE, "which_date")


def _replace(news: News, sureness: Sureness, why: str, **changes: object) -> News:
    return dataclasses.replace(news, sureness=sureness, why=why, **changes)  # type: ignore[arg-type]


def _unsure(event: Event, why: str) -> News:
    return News(Sureness.UNSURE, event, why=why)


def _companies_named(text: str, companies: Sequence[str]) -> list[str]:
    """Every logged company the text names (its full name, or its first word)."""
    said = words(text)
    found = []
    for company in companies:
        name = words(company)
        if not name:
            continue
        whole = any(said[i : i + len(name)] == name for i in range(len(said) - len(name) + 1))
        if whole or (len(name[0]) >= 3 and name[0] in said):
            found.append(company)
    return found
