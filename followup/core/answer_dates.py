"""Readers of the debrief's answers that are dates: when the interview was, when they decide."""

from __future__ import annotations

from datetime import date
from typing import Any

from followup.core import debrief, timeparse
from followup.core.answers import DECISION_MOVED, TENSE, Answer, Problem, _offer
from followup.core.debrief import Step
from followup.core.formatting import local_day, local_moment
from followup.core.working_hours import is_outside_working_hours

# What the quick buttons of the "when" and "decision" questions stand for.
WHEN_BUTTONS = {"now": "it just ended", "hour": "about an hour ago"}
DECISION_BUTTONS = {"week": "by the end of this week", "nextweek": "sometime next week"}


def _when(a: Answer) -> Problem | None:
    zone = a.place.zone
    phrase = WHEN_BUTTONS.get(a.value, a.value)
    reading = None
    day = a.draft.pop("when_day", None)
    if day is not None:
        # They gave the day before; this answer is most likely its time ("10am").
        reading = timeparse.read_moment(
            phrase, zone, a.now, on_day=date.fromisoformat(day), tense=a.draft.get(TENSE)
        )
        if len(reading.choices) != 1 or not reading.choices[0].has_time:
            reading = None
    if reading is None:
        reading = timeparse.read_moment(phrase, zone, a.now, tense=a.draft.get(TENSE))
    if not reading.choices:
        if day is not None:
            a.draft["when_day"] = day  # still waiting for that day's time
        return Problem("debrief.when_bad", {"answer": a.value})
    if len(reading.choices) > 1:
        values = [_moment_choice(m) for m in reading.choices]
        labels = [_moment_label(m, a) for m in reading.choices]
        return _offer(a, Step.WHEN, values, labels, "debrief.when_which")
    moment = reading.choices[0]
    if reading.confirm:
        return _offer(a, Step.WHEN, [_moment_choice(moment)], [_moment_label(moment, a)],
                      "debrief.when_confirm", confirm=True)  # fmt: skip
    return _take_moment(a, moment)


def _take_moment(a: Answer, moment: timeparse.ParsedMoment) -> Problem | None:
    """Keep a moment read from the answer, or ask for the time when only a day was given."""
    zone = a.place.zone
    if not moment.has_time:
        local = moment.when.astimezone(zone).date()
        a.draft["when_day"] = local.isoformat()
        today = a.now.astimezone(zone).date()
        return Problem("debrief.when_needs_time", {"day": local_day(local, today)}, False)
    when = moment.when
    a.draft["when"] = when.isoformat()
    a.draft["wall_clock"] = moment.wall_clock
    a.draft.pop("outside_hours", None)
    if when <= a.now:
        # Known from the clock, so the "outside working hours?" half of a later question is skipped.
        a.draft["outside_hours"] = is_outside_working_hours(when, a.place, a.timing) or None
    return None


def _moment_choice(moment: timeparse.ParsedMoment) -> dict[str, Any]:
    return {"when": moment.when.isoformat(), "has_time": moment.has_time,
            "wall_clock": moment.wall_clock}  # fmt: skip


def _moment_label(moment: timeparse.ParsedMoment, a: Answer) -> str:
    if moment.has_time:
        return local_moment(moment.when, a.place.zone, a.now)
    return local_day(moment.when.astimezone(a.place.zone).date(), a.place.day_of(a.now))


def _decision(a: Answer) -> Problem | None:
    if a.value == "none":
        a.draft["decision_date"] = None
        return None
    phrase = DECISION_BUTTONS.get(a.value, a.value)
    interview = debrief.when_of(a.draft)
    calendar = a.place.calendar
    reading = timeparse.read_day(
        phrase, a.place.zone, a.now, last_workday=calendar.last_workday, counted_from=interview,
        workdays=calendar,
    )  # fmt: skip
    if not reading.choices:
        return Problem("debrief.decision_bad", {"answer": a.value})
    choices = reading.choices
    if len(choices) > 1:  # "2/1": a reading not after the interview can't be the one they meant
        interview_day = interview.astimezone(a.place.zone).date()
        choices = tuple(day for day in choices if day > interview_day) or choices
    today = a.place.day_of(a.now)
    labels = [local_day(day, today) for day in choices]
    values = [{"day": day.isoformat()} for day in choices]
    if len(choices) > 1:
        return _offer(a, Step.DECISION, values, labels, "debrief.decision_which")
    if timeparse.is_far(choices[0], today):  # over a year ahead or three months back
        return _offer(a, Step.DECISION, values, labels, "debrief.decision_confirm", confirm=True)
    return _take_decision(a, choices[0])


def _take_decision(a: Answer, day: date) -> Problem | None:
    """Keep a decision date on a working day, unless it is not after the interview."""
    interview_day = debrief.when_of(a.draft).astimezone(a.place.zone).date()
    today = a.place.day_of(a.now)
    a.draft.pop(DECISION_MOVED, None)
    if day <= interview_day:
        key = "debrief.decision_same_day" if day == interview_day else "debrief.decision_past"
        return Problem(key, {"day": local_day(day, today),
                             "interview_day": local_day(interview_day, today)})  # fmt: skip
    counted = a.place.calendar.decision_day(day, after=interview_day)
    a.draft["decision_date"] = counted.isoformat()
    if counted != day:
        calendar = a.place.calendar
        why = calendar.holiday_name(day) if not calendar.is_weekend(day) else None
        a.draft[DECISION_MOVED] = {
            "said": day.isoformat(), "counted": counted.isoformat(), "why": why or "",
        }  # fmt: skip
    return None
