"""What the board picture shows: one lane per open interview on a time axis, and this week's counts.

Pure: built from the interviews, their nudge records, where the user is and the moment, with the
words handed in (`Say`: a message key and its values in, the text out, as content's `text`), so
the drawing (followup/ops/board_picture.py) only turns this data into pixels and tests can check
what is drawn from it. Every date comes from the same places /status reads: the interview itself
(its day, the thank-you and follow-ups it logged, the decision date) and its pending nudge records
(the next action, as /status words it). Closed interviews leave the board.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from html import escape

from followup.core.calendar import ONE_DAY, Place, WorkCalendar
from followup.core.formatting import local_day, local_moment
from followup.core.model import CHASE_FAMILY, Interview, Nudge, NudgeKind, NudgeState
from followup.core.planner import next_pending
from followup.core.rounds import chain_rounds

Say = Callable[..., str]
"""The words: `say("board.title")`, `say("board.count_follow_ups", count=3)`."""

MAX_LANES = 6  # more would make each lane too thin to read on a phone
WINDOW = timedelta(days=42)  # how far the axis reaches before and after today
MIN_SPAN = timedelta(days=14)


class MarkKind(StrEnum):
    """A dated point on a lane, in the order the legend lists them."""

    INTERVIEW = "interview"
    THANK_YOU_SENT = "thank_you_sent"
    THANK_YOU_DUE = "thank_you_due"
    FOLLOW_UP_SENT = "follow_up_sent"
    DECISION = "decision"
    FOLLOW_UP_DUE = "follow_up_due"
    NEXT = "next"


@dataclass(frozen=True, slots=True)
class Mark:
    kind: MarkKind
    day: date
    text: str  # the day as the user reads it ("Fri 4 Dec")


@dataclass(frozen=True, slots=True)
class Lane:
    """One open interview: named, staged, and its dated marks from its day to its next action."""

    interview_id: str
    company: str
    stage: str  # role, round and where it stands ("Engineer · round 2 · followed up once")
    start: date
    end: date
    marks: tuple[Mark, ...]
    next_kind: NudgeKind | None
    next_text: str | None  # "next: follow-up, Mon 14 Dec, 10:00": the words /status uses


@dataclass(frozen=True, slots=True)
class WeekCounts:
    """What happened since the start of the user's working week, across all their interviews."""

    interviews: int = 0
    thank_yous: int = 0
    follow_ups: int = 0
    answers: int = 0

    @property
    def any(self) -> bool:
        return bool(self.interviews or self.thank_yous or self.follow_ups or self.answers)

    def named(self) -> list[tuple[str, int]]:
        """The counts that are not zero, by the name their words use ("follow_ups")."""
        every = (
            ("interviews", self.interviews), ("thank_yous", self.thank_yous),
            ("follow_ups", self.follow_ups), ("answers", self.answers),
        )  # fmt: skip
        return [(name, value) for name, value in every if value]


@dataclass(frozen=True, slots=True)
class Board:
    """Everything the picture and its caption show, as text and dates."""

    title: str
    counts: WeekCounts
    counts_line: str
    today: date
    today_text: str
    axis_start: date
    axis_end: date
    ticks: tuple[tuple[date, str], ...]
    lanes: tuple[Lane, ...]
    hidden: int  # open interviews left off the picture (the caption says how many)
    more_line: str
    legend: tuple[tuple[MarkKind, str], ...]
    empty_line: str
    kind_line: str = ""  # the weekly card's short line; empty on /board


def week_start(day: date, calendar: WorkCalendar) -> date:
    """The first day of the working week `day` falls in (a weekend day: the week before's)."""
    first = _week_first(calendar)
    return day - timedelta(days=(day.weekday() - first) % 7)


def _week_first(calendar: WorkCalendar) -> int:
    """The weekday after the weekend's last day: Monday for Sat-Sun, Sunday for Fri-Sat."""
    last = calendar.last_workday
    day = last
    while (day - 1) % 7 not in calendar.weekend:
        day = (day - 1) % 7
    return day


def week_counts(
    interviews: Sequence[Interview], place: Place, now: datetime, *, last_week: bool = False
) -> WeekCounts:
    """Interviews held, thank-yous and follow-ups sent, answers heard this week (up to now), or
    in the whole of last week (what the weekly card looks back on)."""
    start = week_start(place.day_of(now), place.calendar)
    end = start
    if last_week:
        start -= timedelta(days=7)

    def this_week(moment: datetime | None) -> bool:
        if moment is None or moment > now:
            return False
        day = place.day_of(moment)
        return start <= day and (not last_week or day < end)

    return WeekCounts(
        interviews=sum(this_week(i.when) for i in interviews),
        thank_yous=sum(this_week(i.thanked) for i in interviews),
        follow_ups=sum(this_week(c) for i in interviews for c in i.chases),
        answers=sum(this_week(i.heard_back) for i in interviews if i.outcome is not None),
    )


def counts_line(counts: WeekCounts, say: Say, *, last_week: bool = False) -> str:
    """ "This week: 1 interview · 2 follow-ups", or that nothing happened yet."""
    parts = [say(f"board.count_{name}", count=value) for name, value in counts.named()]
    if not parts:
        return say("board.counts_none_last_week" if last_week else "board.counts_none")
    key = "board.counts_last_week" if last_week else "board.counts"
    return say(key, names=" · ".join(parts))


def build_board(
    interviews: Sequence[Interview],
    records: Sequence[Nudge],
    place: Place,
    now: datetime,
    say: Say,
    *,
    max_lanes: int = MAX_LANES,
    last_week: bool = False,
) -> Board:
    """The board of the user's open interviews, soonest next action first; its counts are this
    week's so far, or (for the weekly card) last week's."""
    today = place.day_of(now)
    by_interview: dict[str, list[Nudge]] = {}
    for record in records:
        by_interview.setdefault(record.interview_id, []).append(record)
    rounds = _round_numbers(interviews)
    lanes = [
        _lane(i, by_interview.get(i.id, []), rounds.get(i.id, 1), place, now, say)
        for i in interviews
        if i.is_open
    ]
    lanes.sort(key=lambda lane: (_next_day(lane) or lane.end, lane.start, lane.company))
    shown, hidden = lanes[:max_lanes], len(lanes) - min(len(lanes), max_lanes)
    counts = week_counts(interviews, place, now, last_week=last_week)
    start, end = _axis(shown, today)
    return Board(
        title=say("board.title"),
        counts=counts,
        counts_line=counts_line(counts, say, last_week=last_week),
        today=today,
        today_text=say("board.today"),
        axis_start=start,
        axis_end=end,
        ticks=_ticks(start, end, today, place.calendar),
        lanes=tuple(shown),
        hidden=hidden,
        more_line=say("board.more", count=hidden) if hidden else "",
        legend=tuple(
            (kind, say(f"board.mark_{kind.value}"))
            for kind in MarkKind
            if any(m.kind is kind for lane in shown for m in lane.marks)
        ),
        empty_line=say("board.empty"),
    )


def _next_day(lane: Lane) -> date | None:
    return next((m.day for m in lane.marks if m.kind is MarkKind.NEXT), None)


def _round_numbers(interviews: Sequence[Interview]) -> dict[str, int]:
    """Each interview's round with its company (1 for a first round)."""
    return {
        interview.id: number
        for chain in chain_rounds(list(interviews))
        for number, interview in enumerate(chain, start=1)
    }


def _stage(interview: Interview, number: int, now: datetime, say: Say) -> str:
    """The role, the round, and where the interview stands, in a few words."""
    if interview.when > now:
        key = "board.stage_upcoming"
    elif not interview.debriefed:
        key = "board.stage_debrief"
    elif not interview.chases:
        key = "board.stage_waiting"
    elif len(interview.chases) == 1:
        key = "board.stage_followed_once"
    else:
        key = "board.stage_followed_twice"
    parts = [interview.role] if interview.role else []
    if number > 1:
        parts.append(say("board.round", count=number))
    parts.append(say(key))
    return " · ".join(parts)


def _lane(
    interview: Interview, records: list[Nudge], number: int, place: Place, now: datetime, say: Say
) -> Lane:
    """One interview's lane; the next action read off its records as /status reads it."""
    today = place.day_of(now)

    def mark(kind: MarkKind, day: date) -> Mark:
        return Mark(kind, day, local_day(day, today))

    marks = [mark(MarkKind.INTERVIEW, place.day_of(interview.when))]
    pending = [r for r in records if r.state is NudgeState.PENDING]
    if interview.thanked is not None:
        marks.append(mark(MarkKind.THANK_YOU_SENT, place.day_of(interview.thanked)))
    marks += [mark(MarkKind.FOLLOW_UP_SENT, place.day_of(c)) for c in sorted(interview.chases)]
    if interview.decision_date is not None:
        marks.append(mark(MarkKind.DECISION, interview.decision_date))
    upcoming = next_pending(records)
    next_text = None
    if upcoming is not None:
        due = max(upcoming.due, now)
        kind_name = say(f"nudge_kinds.{upcoming.kind.value}")
        next_text = say("board.next", kind=kind_name, when=local_moment(due, place.zone, now))
        marks.append(mark(MarkKind.NEXT, place.day_of(due)))
    thank_you = next_pending([r for r in pending if r.kind is NudgeKind.THANK_YOU])
    if thank_you is not None and thank_you is not upcoming:
        marks.append(mark(MarkKind.THANK_YOU_DUE, place.day_of(max(thank_you.due, now))))
    follow_up = next_pending([r for r in pending if r.kind in CHASE_FAMILY])
    if follow_up is not None and follow_up is not upcoming:
        marks.append(mark(MarkKind.FOLLOW_UP_DUE, place.day_of(max(follow_up.due, now))))
    marks.sort(key=lambda m: (m.day, list(MarkKind).index(m.kind)))
    return Lane(
        interview_id=interview.id,
        company=interview.company,
        stage=_stage(interview, number, now, say),
        start=marks[0].day,
        end=max(m.day for m in marks),
        marks=tuple(marks),
        next_kind=upcoming.kind if upcoming else None,
        next_text=next_text,
    )


def _axis(lanes: Sequence[Lane], today: date) -> tuple[date, date]:
    """From a day before the earliest lane to a day after the latest, within a window of today;
    two weeks at least, so a single lane is not stretched across the picture."""
    start = min([today, *(lane.start for lane in lanes)]) - ONE_DAY
    end = max([today, *(lane.end for lane in lanes)]) + ONE_DAY
    start, end = max(start, today - WINDOW), min(end, today + WINDOW)
    if end - start < MIN_SPAN:
        end = start + MIN_SPAN
    return start, end


def _ticks(
    start: date, end: date, today: date, calendar: WorkCalendar
) -> tuple[tuple[date, str], ...]:
    """Dated ticks along the axis: each day's start of the working week (every other day for a
    short axis), at most about eight."""
    span = (end - start).days
    if span <= 16:
        days = [start + timedelta(days=n) for n in range(1, span, 2)]
    else:
        first = week_start(start, calendar) + timedelta(days=7)
        step = 7 if span <= 63 else 14
        days = [first + timedelta(days=n) for n in range(0, (end - first).days, step)]
    return tuple((day, local_day(day, today)) for day in days if start < day < end)


def caption(board: Board, say: Say, limit: int = 1000) -> str:
    """The same facts as the picture, in text (for people who cannot see it), within `limit`.

    The board holds plain text; `say` here gives HTML (values escaped), as messages are sent.
    """
    lines = [f"<b>{escape(board.title)}</b>", escape(board.counts_line)]
    if not board.lanes:
        lines.append(escape(board.empty_line))
    shown = 0
    for lane in board.lanes:
        entry = [say("board.caption_lane", company=lane.company, stage=lane.stage)]
        dated = [
            say(f"board.caption_{m.kind.value}", day=m.text)
            for m in lane.marks
            if m.kind is not MarkKind.NEXT
        ]
        if dated:
            entry.append("   " + " · ".join(dated))
        if lane.next_text:
            entry.append(escape(lane.next_text))
        candidate = "\n".join([*lines, *entry])
        if len(candidate) > limit - 60:
            break
        lines += entry
        shown += 1
    left = board.hidden + len(board.lanes) - shown
    if left:
        lines.append(say("board.more", count=left))
    if board.kind_line:
        lines.insert(1, escape(board.kind_line))
    return "\n".join(lines)
