"""A user's calendar subscription: the secret link, and the feed drawn from their plan.

Pure. The link is a long random token (`secrets`, 256 bits) shown to its user once; only its
SHA-256 is kept, so a copy of the store opens no one's calendar, and a presented token is checked
against the stored digest with `hmac.compare_digest`.

The feed is rendered afresh for every request from what the store holds at that moment: each
interview (at its time, for its planned length), each pending nudge (the same records /status
reads its "next" from), and the dates the employer gave (the decision date, an offer's answer-by
day) as all-day events. Each event's UID is stable for what it stands for (an interview, a kind
of nudge of that interview, its decision date), whatever record carries it now, so a calendar
app moves an event instead of duplicating it. SEQUENCE counts the changes a fetch has seen:
a ledger of (UID, fingerprint, sequence) is kept with the link, and an event whose fingerprint
differs from its ledger entry goes out with the next number.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from followup.core.model import Interview, Nudge, NudgeState

PRODUCT_ID = "-//Follow-up Coach//Calendar feed//EN"
REFRESH = timedelta(hours=1)  # REFRESH-INTERVAL and X-PUBLISHED-TTL: ask again after an hour
NUDGE_LENGTH = timedelta(minutes=15)
TOKEN_BYTES = 32  # 256 bits: 43 URL-safe characters
UID_DOMAIN = "followup-coach"
FEED_PATH = "cal"  # https://<public>/cal/<token>.ics
_TOKEN_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
TOKEN_LENGTH = 43

Sequences = tuple[tuple[str, str, int], ...]  # (uid, fingerprint, sequence) per event seen


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A user's live subscription link: never the token itself, only its SHA-256."""

    user_id: int
    link_id: str  # names this link in its buttons, so a button of a replaced link does nothing
    token_hash: str  # hex SHA-256 of the token
    created: datetime
    sequences: Sequences = ()


def new_token() -> str:
    """A fresh secret token: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    """The stored form of a token: hex SHA-256."""
    return hashlib.sha256(token.encode()).hexdigest()


def well_formed(token: str) -> bool:
    """Whether a presented token could be one of ours (length and alphabet), before any lookup."""
    return len(token) == TOKEN_LENGTH and all(ch in _TOKEN_ALPHABET for ch in token)


def matches(link: FeedLink, token: str) -> bool:
    """Whether `token` opens this link, compared in constant time."""
    return hmac.compare_digest(link.token_hash.encode(), token_digest(token).encode())


def feed_address(public_url: str, token: str) -> str:
    """The https address of a token's feed under the operator's public address."""
    return f"{public_url.rstrip('/')}/{FEED_PATH}/{token}.ics"


def webcal_address(address: str) -> str:
    """The same feed as a webcal:// link, which calendar apps open as a subscription."""
    return "webcal://" + address.split("://", 1)[1]


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One event of the feed: timed (aware datetimes) or all day (dates, end exclusive)."""

    uid: str
    start: datetime | date
    end: datetime | date
    title: str
    description: str

    def fingerprint(self) -> str:
        """What a change to the event changes: its times and its words."""
        parts = (self.start.isoformat(), self.end.isoformat(), self.title, self.description)
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class FeedWords:
    """How each kind of event reads, in the user's language (filled in by the caller)."""

    interview: Callable[[Interview], tuple[str, str]]
    nudge: Callable[[Nudge, Interview], tuple[str, str]]
    decision: Callable[[Interview], tuple[str, str]]
    answer_by: Callable[[Interview], tuple[str, str]]
    calendar_name: str


def feed_events(
    interviews: Sequence[Interview],
    nudges: Sequence[Nudge],
    words: FeedWords,
    interview_length: timedelta,
) -> list[FeedEvent]:
    """Every event of the feed, soonest first: interviews, pending nudges, the employer's dates.

    A deleted interview takes its nudges with it (no record, no event); a forgotten user has none.
    """
    by_id = {interview.id: interview for interview in interviews}
    events: list[FeedEvent] = []
    for interview in interviews:
        title, about = words.interview(interview)
        start = interview.when
        events.append(_event(f"interview-{interview.id}", start, start + interview_length, title,
                             about))  # fmt: skip
        if interview.decision_date is not None and interview.is_open:
            title, about = words.decision(interview)
            day = interview.decision_date
            events.append(_event(f"decision-{interview.id}", day, day + timedelta(days=1), title,
                                 about))  # fmt: skip
        if interview.answer_by is not None and interview.offer_answered is None:
            title, about = words.answer_by(interview)
            day = interview.answer_by
            events.append(_event(f"answer-by-{interview.id}", day, day + timedelta(days=1), title,
                                 about))  # fmt: skip
    for nudge in nudges:
        about_interview = by_id.get(nudge.interview_id)
        if nudge.state is not NudgeState.PENDING or about_interview is None:
            continue
        title, about = words.nudge(nudge, about_interview)
        uid = f"{nudge.kind.value}-{nudge.step}-{about_interview.id}"
        events.append(_event(uid, nudge.due, nudge.due + NUDGE_LENGTH, title, about))
    return sorted(events, key=lambda e: (_sort_key(e.start), e.uid))


def _event(
    uid: str, start: datetime | date, end: datetime | date, title: str, about: str
) -> FeedEvent:
    return FeedEvent(f"{uid}@{UID_DOMAIN}", start, end, title, about)


def _sort_key(moment: datetime | date) -> datetime:
    if isinstance(moment, datetime):
        return moment
    return datetime(moment.year, moment.month, moment.day, tzinfo=UTC)


def next_sequences(
    events: Sequence[FeedEvent], ledger: Sequences
) -> tuple[dict[str, int], Sequences]:
    """Each event's SEQUENCE, and the ledger after this fetch.

    An event seen before unchanged keeps its number; a changed one takes the next; a new one
    starts at 0, or after the number it had if it was in the feed before and left it. Entries of
    events that left stay, so an interview reopened never goes back to an earlier number.
    """
    known: dict[str, tuple[str, int]] = {uid: (mark, seq) for uid, mark, seq in ledger}
    numbers: dict[str, int] = {}
    for event in events:
        mark = event.fingerprint()
        seen = known.get(event.uid)
        if seen is None:
            number = 0
        elif seen[0] == mark:
            number = seen[1]
        else:
            number = seen[1] + 1
        numbers[event.uid] = number
        known[event.uid] = (mark, number)
    updated = tuple((uid, mark, seq) for uid, (mark, seq) in sorted(known.items()))
    return numbers, updated


def render_feed(
    events: Sequence[FeedEvent],
    sequences: Mapping[str, int],
    zone: ZoneInfo,
    calendar_name: str,
    now: datetime,
) -> bytes:
    """The feed as iCalendar: local times in the user's zone (with its VTIMEZONE), refreshed
    hourly, one VEVENT per event with its stable UID and SEQUENCE."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", calendar_name)
    calendar.add("x-wr-timezone", zone.key)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    timed = [e.start for e in events if isinstance(e.start, datetime)]
    if timed:
        first = min(timed).astimezone(zone).year
        last = max(timed).astimezone(zone).year
        calendar.add_component(_vtimezone(zone.key, first, last))
    stamp = now.astimezone(UTC)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", sequences.get(item.uid, 0))
        event.add("dtstart", _local(item.start, zone))
        event.add("dtend", _local(item.end, zone))
        event.add("summary", item.title)
        event.add("description", item.description)
        event.add("transp", "TRANSPARENT" if not isinstance(item.start, datetime) else "OPAQUE")
        calendar.add_component(event)
    return calendar.to_ical()  # type: ignore[no-any-return]


def _local(moment: datetime | date, zone: ZoneInfo) -> datetime | date:
    return moment.astimezone(zone) if isinstance(moment, datetime) else moment


@lru_cache(maxsize=256)
def _vtimezone(key: str, first_year: int, last_year: int) -> Timezone:
    """The zone's rules over the feed's years (a year either side), made once per zone and span."""
    return Timezone.from_tzinfo(
        ZoneInfo(key), first_date=date(first_year - 1, 1, 1), last_date=date(last_year + 1, 12, 31)
    )
