"""Reading a pasted or forwarded invitation: company, role, when (with its zone), and the rest.

Pure and bounded: a text over MAX_TEXT characters is refused before any reading, and every
pattern is linear in the text. Dates in the four languages are read here from Babel's (CLDR)
month and weekday names, ISO and numeric forms; a numeric day that could be read both ways
("03/04/2027") comes back with both, for the card to ask. Links are only ever read as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cache

from followup.core.invitations.fields import Format, Person, Reading, Refusal
from followup.core.invitations.vocabulary import months, weekdays, words
from followup.core.invitations.zones import AMBIGUOUS, zone_after_clock, zones_in
from followup.core.phrasebook import fold

MAX_TEXT = 64_000  # characters; a Telegram message holds 4,096, an email body rarely more
MAX_MOMENTS = 4  # more different moments than this: not one invitation we can read
MIN_LENGTH = 60  # a typed message shorter than this is news or a question, not an invitation
_NEAR = 90  # characters between a day and its clock time
_YEARS_AHEAD = 3  # an interview further ahead than this is a typo or a hostile file


@dataclass(frozen=True)
class _Day:
    start: int
    end: int
    days: tuple[date, ...]  # one, or two readings


@dataclass(frozen=True)
class _Clock:
    start: int
    end: int
    at: time
    until: time | None
    zone: str | None


def looks_like_invitation(text: str, *, forwarded: bool = False) -> bool:
    """A message that reads like an interview invitation: long enough (or forwarded), with an
    invitation word and a day or a clock time."""
    if not text or len(text) > MAX_TEXT or (len(text) < MIN_LENGTH and not forwarded):
        return False
    folded = fold(text[:MAX_TEXT])
    w = words()
    if not w.found("invitation", folded):
        return False
    return bool(_days(folded, date(2000, 1, 1)) or _clocks(folded))


def read_text(text: str, now: datetime, *, sent: datetime | None = None) -> Reading:
    """Everything an invitation text says about the interview. `now` and `sent` (when it was
    written, for "tomorrow" and years left out) are aware; the reading's times are naive."""
    if len(text) > MAX_TEXT:
        return Reading(refusal=Refusal.TOO_BIG)
    body, offset = _without_headers(text)
    sent_day = (sent or now).date()
    reading = _when(body, sent_day, now)
    if reading.refusal is None:
        reading = _details(text, body, reading)
    if sent is None and offset is not None:
        reading = replace(reading, sender_offset=offset)
    return reading


# --- When --------------------------------------------------------------------------------------


def _when(body: str, sent_day: date, now: datetime) -> Reading:
    folded = fold(body)
    w = words()
    moved = w.found("moved", folded)
    cancelled = w.found("cancel", folded)
    days = _days(folded, sent_day)
    masked = _mask(folded, [(d.start, d.end) for d in days])
    clocks = _clocks(masked)
    zone_everywhere = _one_zone(body, folded)
    moments: list[tuple[_Day, _Clock]] = []
    loose: list[_Day] = []
    decision: date | None = None
    for day in days:
        clock = _clock_for(day, days, clocks)
        if clock is not None:
            moments.append((day, clock))
        elif _is_decision(folded, day):
            decision = decision or day.days[0]
        else:
            loose.append(day)
    if not moments and not days:
        moments = _named_day_moments(folded, clocks, sent_day)
    base = Reading(moved=moved, cancelled=cancelled, decision=decision)
    distinct = list(dict.fromkeys((m[0].days, m[1].at) for m in moments))
    if not distinct:
        distinct_days = list(dict.fromkeys(d.days for d in loose))
        if len(distinct_days) == 1 and len(distinct_days[0]) == 1:
            return replace(base, day=distinct_days[0][0], zone=zone_everywhere)
        if len(distinct_days) > MAX_MOMENTS:
            return base.refused(Refusal.MANY_DATES)
        return base
    if moved:
        distinct = distinct[-1:]  # "moved from Tuesday to Thursday": the new moment is the last
    if len(distinct) > MAX_MOMENTS:
        return base.refused(Refusal.MANY_DATES)
    chosen = next(m for m in moments if (m[0].days, m[1].at) == distinct[0])
    day, clock = chosen
    zone = clock.zone or zone_everywhere
    starts = [datetime.combine(d, clock.at) for d in day.days]
    if any(abs(s.year - now.year) > _YEARS_AHEAD for s in starts):
        return base.refused(Refusal.ABSURD_DATE)
    duration = _duration(clock) or _stated_length(folded)
    if len(distinct) > 1:
        others = [datetime.combine(ds[0], at) for ds, at in distinct if len(ds) == 1]
        if len(others) == len(distinct):
            return replace(base, moments=tuple(others), zone=zone, duration=duration)
        return base.refused(Refusal.MANY_DATES)
    return replace(
        base,
        start=starts[0],
        days=day.days if len(day.days) > 1 else (),
        zone=zone,
        duration=duration,
    )


# A length said in words ("45 minutes", "Dauer: 45 Minuten", "duración: 1 hora", "45 минут"),
# in folded text; kept only within an interview's plausible span.
_LENGTH = re.compile(
    r"(?<![\d.:])(\d{1,3}(?:[.,]5)?)\s*-?\s*(?P<unit>minutes?|mins?|minutos?|minuten|минут[аы]?|мин"
    r"|hours?|hrs?|horas?|stunden?|час(?:а|ов)?)(?!\w)"
)
_SHORTEST, _LONGEST = timedelta(minutes=10), timedelta(hours=8)


def _stated_length(folded: str) -> timedelta | None:
    """The one length the text states, if it states exactly one that an interview could last."""
    found = set()
    for match in _LENGTH.finditer(folded):
        amount = float(match[1].replace(",", "."))
        hours = match["unit"][0] in "hsч"  # hour(s), hrs, hora(s), Stunde(n), час
        length = timedelta(hours=amount) if hours else timedelta(minutes=amount)
        if _SHORTEST <= length <= _LONGEST:
            found.add(length)
    return found.pop() if len(found) == 1 else None


def _duration(clock: _Clock) -> timedelta | None:
    if clock.until is None:
        return None
    start = datetime.combine(date(2000, 1, 1), clock.at)
    end = datetime.combine(date(2000, 1, 1), clock.until)
    if end <= start:
        return None
    return end - start


@cache
def _month_pattern() -> str:
    names = sorted(months(), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


@cache
def _day_patterns() -> tuple[re.Pattern[str], ...]:
    month = _month_pattern()
    return (
        re.compile(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?![\d])"),
        re.compile(r"(?<![\d.:/])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])"),
        re.compile(
            r"(?<![\w.])(\d{1,2})(?:st|nd|rd|th|er|\.|º)?(?:\s+de|\s*-?)?\s*(" + month + r")\.?"
            r"(?:(?:\s+de|,)?\s*((?:19|20)\d{2})(?!\d))?(?!\w)"
        ),
        re.compile(
            r"(?<!\w)(" + month + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?!:)"
            r"(?:,?\s*((?:19|20)\d{2})(?!\d))?"
        ),
        re.compile(r"(?<![\d.:/])(\d{1,2})\.(\d{1,2})\.(?![\d])"),
    )


def _days(folded: str, sent: date) -> list[_Day]:
    """Every day the text names, in order, without overlaps."""
    found: list[_Day] = []
    taken: list[tuple[int, int]] = []
    iso, numeric, day_month, month_day, short = _day_patterns()
    for pattern, kind in (
        (iso, "iso"), (numeric, "num"), (day_month, "dm"), (month_day, "md"), (short, "short")
    ):  # fmt: skip
        for match in pattern.finditer(folded):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            readings = _read_day(kind, match, sent)
            if readings:
                found.append(_Day(match.start(), match.end(), readings))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def _read_day(kind: str, match: re.Match[str], sent: date) -> tuple[date, ...]:
    if kind == "iso":
        return _valid(int(match[1]), int(match[2]), int(match[3]))
    if kind == "num":
        first, sep, second, full = int(match[1]), match[2], int(match[3]), _year(match[4])
        if sep == ".":
            return _valid(full, second, first)  # 04.03.2027 is always day first
        readings = {*_valid(full, second, first), *_valid(full, first, second)}
        return tuple(sorted(readings))
    if kind == "short":
        day, month = int(match[1]), int(match[2])
        return _guess_year(sent, month, day)
    year: str | None
    if kind == "dm":
        day, month, year = int(match[1]), months()[match[2]], match[3]
    else:
        month, day, year = months()[match[1]], int(match[2]), match[3]
    if year:
        return _valid(int(year), month, day)
    return _guess_year(sent, month, day)


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _valid(year: int, month: int, day: int) -> tuple[date, ...]:
    try:
        return (date(year, month, day),)
    except ValueError:
        return ()


def _guess_year(sent: date, month: int, day: int) -> tuple[date, ...]:
    """A day written without its year: the first one from a week before it was sent."""
    for year in (sent.year, sent.year + 1):
        found = _valid(year, month, day)
        if found and found[0] >= sent - timedelta(days=7):
            return found
    return ()


_MERIDIEM = r"(a\.?\s?m\.?|p\.?\s?m\.?)"
_CLOCK = re.compile(
    r"(?<![\d:.,/+])(\d{1,2})(?:[:.](\d{2}))?\s*(?:"
    + _MERIDIEM
    + r"|(uhr|h|hrs|ч|часов|часа|час)(?!\w))?"
    r"(?![\d]|[:.]\d)"
)
_RANGE = re.compile(r"\s*(?:-|–|—|to|until|till|bis|a|hasta|до|по)\s*")
_LEADS = re.compile(r"(?:a las|a la|um|at|в|с|from|de|ab|desde)\s*$")


def _clocks(folded: str) -> list[_Clock]:
    found: list[_Clock] = []
    position = 0
    while True:
        match = _CLOCK.search(folded, position)
        if match is None:
            return found
        position = match.end()
        at = _clock_value(match, folded)
        if at is None:
            continue
        until = None
        end = match.end()
        gap = _RANGE.match(folded, end)
        if gap:
            second = _CLOCK.match(folded, gap.end())
            if second:
                until = _clock_value(second, folded, lead=True)
                if until is not None:
                    end = second.end()
                    position = end
                    at = _meridiem_from(match, second, at, until)
        zone = zone_after_clock(folded[end:])
        found.append(_Clock(match.start(), end, at, until, zone))


def _clock_value(match: re.Match[str], folded: str, *, lead: bool = False) -> time | None:
    hour, minute = int(match[1]), int(match[2]) if match[2] else 0
    meridiem, word = match[3], match[4]
    if match[2] is None and meridiem is None and word is None:
        before = folded[max(0, match.start() - 8) : match.start()]
        if not (lead or _LEADS.search(before)) or ("las" not in before and not lead):
            return None
    if minute > 59 or hour > 24:
        return None
    if meridiem:
        if hour == 0 or hour > 12:
            return None
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    if hour == 24:
        return None
    return time(hour, minute)


def _meridiem_from(first: re.Match[str], second: re.Match[str], at: time, until: time) -> time:
    """ "2:00 - 2:45 PM": the first time takes the second's half of the day when it has none."""
    if first[3] or not second[3] or at.hour > 12:
        return at
    if second[3].startswith("p") and at.hour < 12:
        moved = time(at.hour + 12, at.minute)
        if moved <= until:
            return moved
    return at


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _clock_for(day: _Day, days: list[_Day], clocks: list[_Clock]) -> _Clock | None:
    """The clock time that goes with a day: the first after it before the next day, else one
    just before it ("at 2pm on March 4")."""
    following = [d.start for d in days if d.start > day.start]
    limit = min([day.end + _NEAR, *following])
    after = [c for c in clocks if day.end <= c.start < limit]
    if after:
        return after[0]
    earlier = [d.end for d in days if d.end <= day.start]
    floor = max([day.start - 40, *earlier])
    before = [c for c in clocks if floor <= c.end <= day.start]
    return before[-1] if before else None


def _is_decision(folded: str, day: _Day) -> bool:
    before = folded[max(0, day.start - 70) : day.start]
    return words().any_of("decision").search(before) is not None


def _named_day_moments(folded: str, clocks: list[_Clock], sent: date) -> list[tuple[_Day, _Clock]]:
    """ "Thursday at 2pm", "tomorrow 10:00", "завтра в 11:00": days named, not dated."""
    w = words()
    moments: list[tuple[_Day, _Clock]] = []
    for clock in clocks:
        before = folded[max(0, clock.start - 30) : clock.start]
        day: date | None = None
        if w.any_of("tomorrow").search(before):
            day = sent + timedelta(days=1)
        elif w.any_of("today").search(before):
            day = sent
        else:
            for match in re.finditer(r"[^\W\d_]{3,}", before):
                number = weekdays().get(match[0])
                if number is not None:
                    day = sent + timedelta(days=(number - sent.weekday()) % 7 or 7)
        if day is not None:
            moments.append((_Day(clock.start, clock.start, (day,)), clock))
    return moments


def _one_zone(body: str, folded: str) -> str | None:
    """The zone the text names, when it names one (or several naming the same)."""
    named = {zone for _, zone in zones_in(body, folded)}
    if len(named) == 1:
        return named.pop()
    if len(named) > 1:
        return AMBIGUOUS
    return None


# --- Headers of a forwarded email --------------------------------------------------------------

_OFFSET = re.compile(r"(?<![\d:])([+-])(\d{2})(\d{2})\b")


def _without_headers(text: str) -> tuple[str, timedelta | None]:
    """The text without a forwarded email's header block ("From:", "Date:"… two or more such
    lines together), and the sender's UTC offset when its Date line states one ("Tue, 2 Mar
    2027 09:12:00 -0800"). A lone "Date:" line is the invitation's own and is kept."""
    labels = words().any_of("header")
    subject = words().any_of("subject")
    lines = text.splitlines()
    is_header = []
    for line in lines:
        head = re.match(r"([^\W\d_]+)\s*:", line.strip().lstrip(">").strip()[:30])
        is_header.append(bool(head and labels.fullmatch(fold(head[1]))))
    kept: list[str] = []
    offset: timedelta | None = None
    for index, line in enumerate(lines):
        stripped = line.strip().lstrip(">").strip()
        if not is_header[index] and not stripped.endswith(":"):
            kept.append(line)
            continue
        stripped = fold(stripped)
        block = is_header[index] and (
            (index > 0 and is_header[index - 1])
            or (index + 1 < len(lines) and is_header[index + 1])
        )
        head = re.match(r"([^\W\d_]+)\s*:", stripped)
        if block and not (head and subject.fullmatch(head[1])):
            found = _OFFSET.search(stripped)
            if found and offset is None:
                minutes = int(found[2]) * 60 + int(found[3])
                offset = timedelta(minutes=-minutes if found[1] == "-" else minutes)
            continue
        if re.search(r"\b(?:wrote|escribio|schrieb|написал[а]?)\s*:\s*$", stripped):
            continue
        kept.append(line)
    return "\n".join(kept), offset


# --- Who, what, where --------------------------------------------------------------------------

_NAME_START = r"[A-Z0-9ÄÖÜÁÉÍÓÚÑÇА-ЯЁ]"
_NAME_WORD = _NAME_START + r"[\w&'’\-]*(?:\.[\w]+)*"
_NAME = (
    r"(" + _NAME_WORD + r"(?:[ \t]+(?:" + _NAME_WORD + r"|&|and|of|de|der|la|y|und))"
    r"{0,3})"
)
_QUOTED = r"[«\"„“]([^»\"“”\n]{2,60})[»\"“”]"
_LEGAL = re.compile(r"\b(?:GmbH|AG|SE|Inc|LLC|Ltd|S\.?L\.?|S\.?A\.?|plc|Corp|ООО|АО)\b")
_NOT_COMPANIES = frozenset(
    fold(w)
    for w in [
        "zoom",
        "google",
        "meet",
        "microsoft",
        "teams",
        "calendly",
        "linkedin",
        "greenhouse",
        "lever",
        "workday",
        "ashby",
        "smartrecruiters",
        "the",
        "our",
        "we",
        "i",
        "you",
        "hi",
        "hello",
        "dear",
        "thank",
        "thanks",
        "please",
        "interview",
        "team",
        "hr",
        "recruiting",
        "talent",
        "talento",
        "rrhh",
        "people",
        "seleccion",
        "reclutamiento",
        "recursos",
        "humanos",
        "personal",
        "us",
        "uns",
        "me",
        "mi",
        "my",
        "video",
        "phone",
        "office",
        "meeting",
        "call",
        "the",
        "this",
        "that",
        "it",
        "fragen",
        "rückfragen",
        "termin",
        "ihnen",
        "dir",
        "du",
        "sie",
        "wir",
        "ich",
        "einladung",
        "gespräch",
        "gesprächs",
        "entrevista",
        "equipo",
        "hola",
        "gracias",
        "nosotros",
        "usted",
        "tu",
        "te",
        "su",
        "собеседование",
        "компания",
        "мы",
        "вы",
        "вас",
        "нас",
        "москва",
        "pacific",
        "eastern",
        "central",
        "mountain",
        "time",
        "utc",
        "gmt",
        "cet",
        "cest",
        "mez",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _details(text: str, body: str, reading: Reading) -> Reading:
    folded = fold(body)
    w = words()
    role = _role(text, body)
    company = _company(text, body, role)
    people = _people(body)
    recruiter = _recruiter(body)
    via_agency = w.found("agency", folded)
    agency = _agency(body, recruiter) if via_agency else None
    if agency and company and fold(agency) == fold(company):
        company = None if not via_agency else company
    return replace(
        reading,
        company=company,
        role=role,
        interviewers=people,
        recruiter=recruiter,
        via_agency=via_agency,
        agency=agency,
        format=_format(folded),
        place=_place(body, folded),
    )


def _company(text: str, body: str, role: str | None = None) -> str | None:
    votes: dict[str, float] = {}
    shown: dict[str, str] = {}

    def vote(name: str | None, weight: float) -> None:
        name = _clean_name(name)
        if name is None:
            return
        key = fold(name)
        votes[key] = votes.get(key, 0) + weight
        shown.setdefault(key, name)

    w = words()
    subject = _subject(text)
    for source, bonus in ((body, 0.0), (subject or "", 1.5)):
        for label in _labelled(source, "company_label"):
            vote(label, 5 + bonus)
        for cue, weight in (("company_before", 2.0),):
            for cued in re.finditer(
                r"(?i:(?<!\w)(?:"
                + w.alternation(cue)
                + r"))[,:]?\s+(?:(?i:the|der|die|dem|la|el|компания)\s+)?"
                r"(?:" + _QUOTED + "|" + _NAME + ")",
                _accent_free_cues(source),
            ):
                vote(_original(source, cued, cued.lastindex or 1), weight + bonus)
        for named in re.finditer(
            _NAME + r"(?:'s|’s)?\s+(?i:" + w.alternation("company_after") + r")(?!\w)",
            source,
        ):
            vote(named[1], 2 + bonus)
        for quoted in re.finditer(_QUOTED, source):
            vote(quoted[1], 1.5 + bonus)
    if subject:
        # "Second interview - Cyberdyne Systems", "Globex | Interview": a part that is a name.
        for part in re.split(r"\s+[-–—|:]\s+", subject.strip()):
            if re.fullmatch(_NAME, part.strip()):
                vote(part, 1.5)
    for domain in re.findall(
        r"[\w.+-]+@(?:[\w-]+\.)*?([\w-]+)\.(?:com|io|de|es|ru|co|net|org|ai|uk|eu|at|ch|mx|ar)\b",
        text,
    ):
        key = fold(domain).replace("-", "")
        if key in _ATS_DOMAINS:
            continue
        if key in votes:
            votes[key] += 3
        else:
            for other in list(votes):
                joined = re.sub(r"[\s\-]", "", other)
                if joined.startswith(key) or key.startswith(joined):
                    votes[other] += 3
                    break
            else:
                vote(domain.capitalize(), 1.0)
    for key, name in sorted(shown.items(), key=lambda kv: -votes[kv[0]])[:8]:
        count = len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text[:MAX_TEXT]))
        votes[key] += min(count, 4) * 0.5 + (2 if _LEGAL.search(name) else 0)
    if role:
        votes = {k: v for k, v in votes.items() if fold(role) not in k}
    if not votes:
        return None
    best = max(votes, key=lambda k: votes[k])
    return shown[best] if votes[best] >= _ENOUGH else None


_ENOUGH = 2.0  # one clear cue ("at Acme", "Company: Acme"), or a weaker one seen twice
_ATS_DOMAINS = frozenset(
    [
        "greenhouse",
        "greenhouse-mail",
        "lever",
        "hire",
        "workday",
        "myworkday",
        "myworkdayjobs",
        "ashbyhq",
        "ashby",
        "smartrecruiters",
        "calendly",
        "linkedin",
        "gmail",
        "googlemail",
        "outlook",
        "hotmail",
        "yahoo",
        "yandex",
        "mail",
        "gmx",
        "web",
        "icloud",
        "me",
        "zoom",
        "google",
        "microsoft",
        "example",
        "t-online",
        "protonmail",
        "proton",
        "bk",
        "rambler",
        "list",
        "inbox",
        "teamtailor",
        "personio",
        "recruitee",
        "jobvite",
        "icims",
    ]
)


def _accent_free_cues(text: str) -> str:
    """The text with accents taken off lower-case letters only, so folded cue words match while
    names keep their capitals (and the same length: positions stay valid)."""
    if text.isascii():
        return text
    return "".join(_plain_letter(ch) if ch.islower() else ch for ch in text)


@cache
def _plain_letter(ch: str) -> str:
    base = fold(ch)
    return base if len(base) == 1 else ch


def _original(source: str, match: re.Match[str], group: int) -> str:
    return source[match.start(group) : match.end(group)]


_CONNECTORS = frozenset({"and", "of", "de", "der", "la", "y", "und", "&"})


def _clean_name(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip(".,;:!?'’\"«»()").strip()
    parts = name.split()
    while parts and fold(parts[-1]) in _CONNECTORS:
        parts.pop()
    while parts and (fold(parts[0]) in _NOT_COMPANIES or fold(parts[0]) in _CONNECTORS):
        parts.pop(0)
    while parts and fold(parts[-1]) in _NOT_COMPANIES:
        parts.pop()
    if parts and re.match(r"\d+(?:[.:]\d|\s*[ap]\.?m)", parts[0], re.I):
        return None
    name = " ".join(parts)
    if len(name) < 2 or len(name) > 60 or name.isdigit() or not re.search(r"[^\W\d_]", name):
        return None
    if fold(name) in months() or fold(name) in weekdays():
        return None
    return name


def _labelled(source: str, key: str) -> list[str]:
    cue = words().alternation(key)
    found = []
    for line in source.splitlines():
        if ":" not in line[:40]:
            continue
        match = re.match(r"\s*(?:" + cue + r")\s*:\s*(.+?)\s*$", _accent_free_cues(line).lower())
        if match:
            found.append(line.strip()[match.start(1) - (len(line) - len(line.lstrip())) :].strip())
    return found


def _subject(text: str) -> str | None:
    cue = words().alternation("subject")
    for line in text.splitlines()[:40]:
        match = re.match(r"\s*(?:fwd?|wg|rv|re|aw|fw)?\s*:?\s*(?i:" + cue + r")\s*:\s*(.+)$", line)
        if match:
            return match[1]
    return None


_ROLE_END = (
    r"(?=\s+(?:at|with|in|on|for|en|con|el|la|para|bei|im|am|ein|zu|und|в|для|-|–|—|\()\s"
    r"|[,.;:!?\n()«»\"]|$)"
)


def _role_end() -> str:
    after = words().alternation("role_after")
    return r"(?=\s+(?i:" + after + r")(?!\w)|" + _ROLE_END[3:]


def _role(text: str, body: str) -> str | None:
    w = words()
    subject = _subject(text) or ""
    for source in (body, subject):
        labelled = _labelled(source, "role_label")
        if labelled:
            return _clean_role(labelled[0])
    titled = re.match(
        r"\s*(?i:[\w ]{0,30}interview|entrevista|vorstellungsgespräch|собеседование)\s*[:\-–]\s*"
        r"(.{2,60}?)\s+(?:at|en|bei|в)\s+\S",
        subject,
    )
    if titled and _clean_role(titled[1]):
        return _clean_role(titled[1])
    for source in (subject, body):
        plain = _accent_free_cues(source)
        cue = w.alternation("role_before")
        for match in re.finditer(
            r"(?i:(?<!\w)(?:"
            + cue
            + r"))\s+[«\"„“]?([^\n,.;:()«»\"“”]{2,60}?)[»\"“”]?"
            + _role_end(),
            plain,
        ):
            role = _clean_role(source[match.start(1) : match.end(1)])
            if role and _looks_like_role(role):
                return role
        after = w.alternation("role_after")
        for match in re.finditer(
            r"(?:the|our|a|an)\s+((?:[A-Z][\w/+#.\-]*\s+){0,4}[A-Z][\w/+#.\-]*)\s+(?i:"
            + after
            + r")\b",
            source,
        ):
            role = _clean_role(match[1])
            if role and _looks_like_role(role):
                return role
    return None


def _clean_role(role: str) -> str | None:
    role = re.split(r"\s+(?:at|with|bei|en|в)\s+", role.strip())[0]
    role = role.strip(" .,;:-–—'\"«»“”").strip()
    role = re.sub(r"^(?:the|a|an|our|el|la|der|die|das|den)\s+", "", role, flags=re.I)
    if not role or len(role) > 80:
        return None
    return role


def _looks_like_role(role: str) -> bool:
    first = fold(role.split()[0]) if role.split() else ""
    return first not in {
        "call",
        "chat",
        "quick",
        "short",
        "first",
        "next",
        "interview",
        "an",
        "a",
    } and (any(ch.isupper() for ch in role) or len(role.split()) <= 4)


def _people(body: str) -> tuple[Person, ...]:
    cue = words().alternation("people_label")
    found: list[Person] = []
    lines = body.splitlines()
    for index, line in enumerate(lines):
        plain = _accent_free_cues(line).lower()
        match = re.search(r"(?<!\w)(?:" + cue + r")\s*:?\s*", plain)
        if not match:
            continue
        rest = line[match.end() :].strip()
        chunk = [rest] if rest else []
        for follow in lines[index + 1 : index + 6]:
            stripped = follow.strip().lstrip("-•*–").strip()
            if not stripped or not re.match(_NAME_START, stripped):
                break
            if not rest:
                chunk.append(stripped)
        for part in chunk:
            found.extend(_persons(part))
        if found:
            break
    return tuple(dict.fromkeys(found))[:6]


_PERSON = re.compile(
    r"("
    + _NAME_START
    + r"[^\W\d_]+(?:[ \t]+"
    + _NAME_START
    + r"[^\W\d_'’\-]*(?:[-'’][^\W\d_]+)?){1,2})"
    r"(?:\s*(?:\(([^)]{2,60})\)|[,–—-]\s*([^,;\n]{2,60}?)(?=\s+(?:and|y|und|и)\s|[;\n]|$)))?"
)


def _persons(part: str) -> list[Person]:
    people = []
    for piece in re.split(
        r"\s*;\s*|\s+(?:and|y|und|и)\s+|,\s*(?=[A-ZА-Я][^\W\d_]+\s+[A-ZА-Я][^\W\d_]+\s*[(,–—-])",
        part,
    ):
        match = _PERSON.match(piece.strip())
        if match:
            title = (match[2] or match[3] or "").strip() or None
            name = match[1].strip()
            if fold(name.split()[0]) not in _NOT_COMPANIES:
                people.append(Person(name, title))
    return people


def _recruiter(body: str) -> str | None:
    signoff = words().any_of("signoff")
    intro = words().alternation("self_intro")
    lines = [line.strip() for line in body.splitlines()]
    for index, line in enumerate(lines):
        folded = fold(line).rstrip(",.!")
        if folded and signoff.fullmatch(folded):
            for follow in lines[index + 1 : index + 3]:
                person = _PERSON.fullmatch(follow.split(",")[0].split("|")[0].strip())
                if person:
                    return person[1]
                if follow:
                    break
    match = re.search(
        r"(?i:(?<!\w)(?:"
        + intro
        + r"))\s+("
        + _NAME_START
        + r"[^\W\d_]+(?:\s+"
        + _NAME_START
        + r"[^\W\d_]+)?)",
        _accent_free_cues(body),
    )
    if match:
        name = body[match.start(1) : match.end(1)]
        if fold(name.split()[0]) not in _NOT_COMPANIES:
            return name
    return None


def _agency(body: str, recruiter: str | None) -> str | None:
    if recruiter is None:
        return None
    lines = [line.strip() for line in body.splitlines()]
    for index, line in enumerate(lines):
        if line.startswith(recruiter):
            for follow in lines[index + 1 : index + 3]:
                candidate = re.split(r"\s*[,|@]\s*|\s+(?:at|bei|en|в)\s+", follow)[-1].strip()
                if candidate and len(candidate) <= 40 and re.match(_NAME_START, candidate):
                    return candidate
    return None


def _format(folded: str) -> Format | None:
    w = words()
    if re.search(
        r"(?:zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com|whereby\.com|telemost\.yandex)",
        folded,
    ) or w.found("video", folded):
        return Format.VIDEO
    if w.found("phone", folded):
        return Format.PHONE
    if w.found("onsite", folded):
        return Format.ONSITE
    return None


def _place(body: str, folded: str) -> str | None:
    link = re.search(r"https?://([\w.-]+)", body)
    if link:
        return link[1].lower()
    for line in body.splitlines():
        match = re.match(
            r"\s*(?:address|adresse|anschrift|direccion|dirección|адрес)\s*:\s*(.{3,120})$",
            line,
            re.I,
        )
        if match:
            return match[1].strip()
    return None
