"""One voice: every date a bot message states must be one the user's plans can account for.

Installed on the fake Bot API for every end-to-end test (see tests/conftest.py): each new
message the bot sends is read for dates ("Wed 2 Dec", "Tuesday 24 November", "today 10:00",
"tomorrow"), and each one must be, at the moment it is sent, a date of one of the user's
interviews: the interview day, their decision date, a logged follow-up, a nudge's due day
(snoozes included), a date the rules compute (first and second follow-up, moving on) or the
verdict's. Dates the user is being asked about (a draft's readings, their own words read back)
are allowed too. A message that states any other date is a disagreement between two parts of
the bot, and fails the test. The user's records are read through the Repository, on either store.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale, localedata

from followup.core import timeparse
from followup.core.calendar import Place, WorkCalendar
from followup.core.model import UserSettings
from followup.core.stated_dates import stated_dates
from followup.core.timing import Timing
from followup.ops.clock import utc_now
from followup.store.protocol import Repository
from tests.support.fake_telegram import BotMessage
from tests.support.stores import Backend

# The user_data drafts that may hold dates being asked about (debrief, edit, a new decision date).
DRAFT_KEYS = ("debrief", "edit", "outcome_date")
_NOBODY = UserSettings(user_id=0, chat_id=0, timezone="UTC")  # no settings yet: English
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SHORT = re.compile(
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"(?: (\d{4}))?\b"
)
_LONG = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (\d{1,2}) "
    r"(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?: (\d{4}))?\b"
)
_RELATIVE = re.compile(r"\b(today|tomorrow|yesterday) \d{2}:\d{2}\b")


_QUOTED = re.compile(r'"[^"\n]*"|«[^»\n]*»|„[^“\n]*“|“[^”\n]*”')


@cache
def _local_patterns(language: str) -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str]]:
    """A day as Babel writes it in the language ("vie, 11 dic", "Fr., 11. Dez.", "11 декабря
    2027 г."), the month names it uses, and its words for yesterday/today/tomorrow + a time."""
    locale = Locale.parse(language)
    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("abbreviated", "wide"):
            for number, name in locale.months[context][width].items():
                months[name.casefold().rstrip(".")] = number
    names = "|".join(re.escape(name) for name in sorted(months, key=len, reverse=True))
    day = re.compile(
        rf"(?<!\d)(\d{{1,2}})\.?\s+(?:de\s+)?({names})\.?(?:\s+(?:de\s+)?(\d{{4}}))?(?!\w)",
        re.IGNORECASE,
    )
    words = localedata.load(language)["date_fields"]["day"]["relative"]
    relative = "|".join(re.escape(str(words[n])) for n in (-1, 0, 1))
    return day, months, re.compile(rf"(?<!\w)({relative}) \d{{2}}:\d{{2}}\b", re.IGNORECASE)


def stated(text: str, today: date, language: str = "en") -> list[date]:
    """Every date written in a message, read the way formatting.local_day writes them.

    Examples in quotes ("tomorrow 14:00" as a way to answer) state no date.
    """
    text = _QUOTED.sub("", text)
    if language != "en":
        return _stated_in(text, today, language)
    found = []
    for pattern in (_SHORT, _LONG):
        for match in pattern.finditer(text):
            day, month, year = match.groups()
            number = _MONTHS.index(month[:3].lower()) + 1
            found.append(date(int(year) if year else today.year, number, int(day)))
    offsets = {"today": 0, "tomorrow": 1, "yesterday": -1}
    found.extend(today + timedelta(days=offsets[m.group(1)]) for m in _RELATIVE.finditer(text))
    return found


def _stated_in(text: str, today: date, language: str) -> list[date]:
    day_pattern, months, relative = _local_patterns(language)
    found = [
        date(int(year) if year else today.year, months[month.casefold().rstrip(".")], int(day))
        for day, month, year in day_pattern.findall(text)
    ]
    words = localedata.load(language)["date_fields"]["day"]["relative"]
    offsets = {str(words[n]).casefold(): n for n in (-1, 0, 1)}
    found.extend(
        today + timedelta(days=offsets[m.group(1).casefold()]) for m in relative.finditer(text)
    )
    return found


@dataclass
class OneVoice:
    """Watches the fake server's messages and records every date no plan accounts for."""

    backend: Backend
    timing: Timing
    calendar_for: Callable[[str | None], WorkCalendar]
    default_zone: str = "Europe/London"
    problems: list[str] = field(default_factory=list)
    checked: int = 0
    last_said: Callable[[int], str | None] = lambda _chat: None  # the user's newest text

    async def __call__(self, message: BotMessage) -> None:
        if message.edited or not message.text:
            return
        async with self.backend.repository() as store:
            await self._check(store, message)

    async def _check(self, store: Repository, message: BotMessage) -> None:
        now = utc_now()
        settings = await store.settings(message.chat_id)
        zone = ZoneInfo(settings.timezone if settings else self.default_zone)
        place = Place(zone, self.calendar_for(settings.country if settings else None))
        today = place.day_of(now)
        language = settings.language if settings else "en"
        dates = stated(message.text, today, language)
        if not dates:
            return
        self.checked += 1
        allowed = {today} | await self._from_plans(store, message.chat_id, place, now)
        allowed |= await self._asked_about(store, message, place, now)
        for day in dates:
            if day not in allowed:
                self.problems.append(
                    f"{now:%a %d %b %H:%M} to {message.chat_id}: {day:%a %d %b %Y} is in no plan "
                    f"({sorted(allowed)}): {message.text!r}"
                )

    async def _from_plans(
        self, store: Repository, user_id: int, place: Place, now: datetime
    ) -> set[date]:
        found: set[date] = set()
        for interview in await store.interviews(user_id):
            found |= stated_dates(interview, place, self.timing, now)
        for nudge in await store.nudges(user_id):
            found.add(place.day_of(nudge.due))
        return found

    async def _asked_about(
        self, store: Repository, message: BotMessage, place: Place, now: datetime
    ) -> set[date]:
        """Dates the user is being asked about: readings offered, drafts, their own words."""
        found: set[date] = set()
        today = place.day_of(now)
        language = (await store.settings(message.chat_id) or _NOBODY).language
        for label in message.button_texts:
            found.update(stated(label, today, language))
        data: dict[str, Any] = await store.user_data(message.chat_id)
        for key in DRAFT_KEYS:
            draft = data.get(key) or {}
            for name in ("when", "when_day", "decision_date"):
                if draft.get(name):
                    value = str(draft[name])
                    parsed = datetime.fromisoformat(value) if "T" in value else None
                    found.add(place.day_of(parsed) if parsed else date.fromisoformat(value))
        found |= _invitation_dates(data.get("invitation"), place)
        said = self.last_said(message.chat_id)
        if said:
            reading = timeparse.read_day(said, place.zone, now, language=language)
            found.update(reading.choices)
            # A decision day off work is counted on a working day, and the message says which.
            found.update(place.calendar.last_business_day_on_or_before(d) for d in reading.choices)
            found.update(place.calendar.next_business_day(d) for d in reading.choices)
            moment = timeparse.read_moment(said, place.zone, now, language=language)
            found.update(place.day_of(m.when) for m in moment.choices)
        return found


def _invitation_dates(pending: object, place: Place) -> set[date]:
    """The dates an invitation's card reads back to the user (their own text or file, read)."""
    if not isinstance(pending, dict) or not isinstance(pending.get("reading"), dict):
        return set()
    reading = pending["reading"]
    found: set[date] = set()
    for name in ("start", "day", "decision"):
        if reading.get(name):
            value = str(reading[name])
            found.add(date.fromisoformat(value[:10]))
            if "T" in value:  # its moment seen from the user's zone may fall on another day
                start = datetime.fromisoformat(value)
                found.update(place.day_of(start.replace(tzinfo=place.zone) + timedelta(hours=h))
                             for h in (-14, 14))  # fmt: skip
    for name in ("days", "moments"):
        found.update(date.fromisoformat(str(v)[:10]) for v in reading.get(name) or ())
    return found
