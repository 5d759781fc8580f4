"""What reading an invitation found: each field, how sure we are of it, and what must be asked.

A field is either read (shown on the card for the user to confirm), asked (it could mean two
things, or it is missing and needed), or absent. Nothing here is saved: the card shows every
field read, and only what the user confirms becomes an interview.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from followup.core.invitations.zones import AMBIGUOUS, tz_of


class Refusal(StrEnum):
    """Why a file or text can't be read as one invitation (each answered in one line)."""

    TOO_BIG = "too_big"
    NOT_CALENDAR = "not_calendar"
    BROKEN = "broken"
    NO_EVENT = "no_event"
    MANY_EVENTS = "many_events"
    RECURRING = "recurring"
    MANY_DATES = "many_dates"
    NO_DATE = "no_date"
    ABSURD_DATE = "absurd_date"


class Ask(StrEnum):
    """What the card must ask before anything is saved."""

    COMPANY = "company"  # no company found
    DAY = "day"  # "03/04/2027": two readings of the day
    MOMENT = "moment"  # a few different moments: which one is the interview?
    TIME = "time"  # a day with no time
    DATE = "date"  # no day at all
    ZONE = "zone"  # a clock time whose zone is unclear ("CST", or none while the sender's differs)


class Format(StrEnum):
    VIDEO = "video"
    PHONE = "phone"
    ONSITE = "onsite"


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """One invitation, read. `start` is the wall-clock time the invitation states, without a zone;
    `zone` names its zone (IANA or "UTC±HH:MM"), None when it stated none (the user's own then),
    AMBIGUOUS when it named one that means several."""

    company: str | None = None
    role: str | None = None
    start: datetime | None = None  # naive: the invitation's own wall clock
    zone: str | None = None
    day: date | None = None  # a day with no time yet
    days: tuple[date, ...] = ()  # two readings of one day ("03/04/2027")
    moments: tuple[datetime, ...] = ()  # several naive moments (same zone): which one?
    duration: timedelta | None = None
    format: Format | None = None
    place: str | None = None  # a link's host, a phone number, an address line (never fetched)
    interviewers: tuple[Person, ...] = ()
    recruiter: str | None = None
    agency: str | None = None
    via_agency: bool = False
    decision: date | None = None
    uid: str | None = None
    sequence: int = 0
    cancelled: bool = False
    moved: bool = False
    sender_offset: timedelta | None = None  # from a Date: header, for a time stated without zone
    refusal: Refusal | None = None
    notes: tuple[str, ...] = field(default=())  # what the reader noticed, for debugging tests

    def refused(self, why: Refusal) -> Reading:
        return replace(self, refusal=why)

    def asks(self, user_zone: tzinfo) -> tuple[Ask, ...]:
        """What must be asked before saving, in the order the card asks it."""
        asks: list[Ask] = []
        if self.days:
            asks.append(Ask.DAY)
        elif self.moments:
            asks.append(Ask.MOMENT)
        elif self.start is None:
            asks.append(Ask.TIME if self.day is not None else Ask.DATE)
        if self.zone == AMBIGUOUS or self._sender_zone_differs(user_zone):
            asks.append(Ask.ZONE)
        if not self.company:
            asks.append(Ask.COMPANY)
        return tuple(asks)

    def _sender_zone_differs(self, user_zone: tzinfo) -> bool:
        if self.zone is not None or self.sender_offset is None or self.start is None:
            return False
        mine = self.start.replace(tzinfo=user_zone).utcoffset()
        return mine is not None and mine != self.sender_offset

    def moment(self, user_zone: tzinfo) -> datetime | None:
        """The start as an aware moment: in the stated zone, or the user's when none was stated;
        None while something about it must still be asked."""
        if self.start is None or self.zone == AMBIGUOUS:
            return None
        zone = tz_of(self.zone) if self.zone else user_zone
        return self.start.replace(tzinfo=zone)


def in_zone(start: datetime, zone: str | None, user_zone: tzinfo) -> datetime:
    """A naive wall-clock moment in the stated zone (the user's for None), made aware."""
    return start.replace(tzinfo=tz_of(zone) if zone and zone != AMBIGUOUS else user_zone)
