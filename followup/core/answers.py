"""Reading the debrief's answers: each question's answer goes into the draft, or is asked back.

Pure: no Telegram, no disk. A refusal is a content key plus the values its message needs, so the
handler only has to render it and ask again. An answer that could mean two things (12/3: the 12th
of March or the 3rd of December?) is never guessed: the Problem carries the readings as choices,
kept in the draft until the user taps one (`choose`). A reading far from today is confirmed first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from followup.core import debrief, timeparse
from followup.core.calendar import Place
from followup.core.debrief import Step
from followup.core.formatting import local_day, local_moment
from followup.core.model import Interview, Outcome, Rating, company_display
from followup.core.timing import Timing
from followup.core.working_hours import is_outside_working_hours

EXTRAS = ("outside", "contact", "both", "neither")
RATINGS = tuple(str(r.value) for r in Rating)
PENDING = "pending"  # draft key: readings waiting for the user's tap {"step", "choices": [...]}
# Draft key: a decision date moved to a working day, to say so {"said", "counted", "why"}; the
# handler takes it out once said. "why" is a public holiday's name, or "" for a weekend.
DECISION_MOVED = "decision_moved"
# Draft key: "past" when the conversation already settled that the interview took place (it was
# debriefed), so a bare weekday is the last one; absent, a weekday that could be either is asked.
TENSE = "tense"
# Typed words that mean the same as a button's value.
SYNONYMS: dict[Step, dict[str, str]] = {
    Step.ROLE: {"skip": "skip", "-": "skip", "none": "skip", "n/a": "skip"},
    Step.AGENCY: {"yes": "yes", "y": "yes", "agency": "yes", "yes an agency": "yes",
                  "no": "no", "n": "no", "direct": "no", "directly": "no",
                  "no i applied directly": "no"},
    Step.DECISION: {"no": "none", "none": "none", "skip": "none", "they didn't say": "none",
                    "they didnt say": "none", "didn't say": "none", "not sure": "none",
                    "dunno": "none", "no idea": "none"},
    Step.EXTRAS: {
        "both": "both", "neither": "neither", "none": "neither", "no": "neither",
        "outside": "outside", "card": "contact", "email": "contact", "contact": "contact",
        "met outside work hours": "outside", "got a card / email": "contact",
        "got a card": "contact", "yes": "contact",
    },
    Step.RATING: {"rough": "1", "bad": "1", "mixed": "2", "ok": "2", "okay": "2", "meh": "2",
                  "good": "3", "great": "4", "1": "1", "2": "2", "3": "3", "4": "4"},
    Step.NOTES: {"skip": "skip", "no": "skip", "nothing": "skip", "none": "skip"},
}  # fmt: skip
# What the quick buttons of the "when" and "decision" questions stand for.
WHEN_BUTTONS = {"now": "it just ended", "hour": "about an hour ago"}
DECISION_BUTTONS = {"week": "by the end of this week", "nextweek": "sometime next week"}
# "Another round with Acme?" in words: 0 is the next round, 1 a separate interview.
ROUND_WORDS = {"yes": 0, "y": 0, "yes the next round": 0, "next round": 0, "yep": 0, "yeah": 0,
               "no": 1, "n": 1, "nope": 1, "no a separate interview": 1, "separate": 1,
               "another team": 1, "a different team": 1, "different team": 1}  # fmt: skip
# Earlier interviews a new one with the same company may be the next round of.
_ROUND_GOES_ON = frozenset({None, Outcome.NEXT_ROUND})
_NOT_WORDS = re.compile(r"[^\w\s/'&+-]")


@dataclass(frozen=True, slots=True)
class Problem:
    """Why an answer was not taken: the message's content key, its values, buttons to offer."""

    key: str
    values: dict[str, object] = field(default_factory=dict)
    ask_again: bool = True  # False when the message itself is the follow-up question
    choices: tuple[str, ...] = ()  # labels of readings to tap (their values wait in the draft)
    confirm: bool = False  # the message asks "is that right?" (yes/no buttons)
    buttons: tuple[str, ...] = ()  # content keys of the labels of the readings to tap


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer, with what reading it needs: the draft to fill, where and when the user is."""

    draft: dict[str, Any]
    value: str
    place: Place
    now: datetime
    timing: Timing
    earlier_with: Callable[[str], Interview | None]  # the user's last interview with a company


def normalised(text: str) -> str:
    """A typed answer as compared with button words: lower case, emoji and end marks dropped."""
    return " ".join(_NOT_WORDS.sub(" ", text.casefold()).split()).strip(".!")


def read(step: Step, answer: Answer, *, typed: bool) -> Problem | None:
    """Store the answer to `step` in the draft, or say what was wrong with it."""
    pending = answer.draft.get(PENDING) or {}
    if typed and step is Step.COMPANY and pending.get("step") == step:
        # "Another round with Acme?" answered in words.
        said = ROUND_WORDS.get(normalised(answer.value))
        if said is not None:
            return choose(step, answer, said)
    waiting = answer.draft.pop(PENDING, None)  # a new answer replaces readings waiting for a tap
    if typed and step in SYNONYMS:
        value = SYNONYMS[step].get(normalised(answer.value), answer.value)
        answer = Answer(answer.draft, value, answer.place, answer.now, answer.timing,
                        answer.earlier_with)  # fmt: skip
    problem = _READERS[step](answer)
    if problem is not None and waiting and PENDING not in answer.draft:
        answer.draft[PENDING] = waiting  # an unreadable answer: the readings offered still stand
    return problem


def choose(step: Step, answer: Answer, index: int) -> Problem | None:
    """The user tapped one of the readings offered for `step` (or confirmed the only one)."""
    pending = answer.draft.pop(PENDING, None)
    if not pending or pending.get("step") != step or not 0 <= index < len(pending["choices"]):
        return Problem("debrief.choice_gone")
    chosen = pending["choices"][index]
    if step is Step.COMPANY:
        answer.draft.update(chosen)
        answer.draft["route_remembered"] = True
        return None
    if step is Step.AGENCY:
        answer.draft["via_agency"] = True
        answer.draft["recruiter"] = chosen["recruiter"]
        return None
    if step is Step.WHEN:
        return _take_moment(answer, timeparse.ParsedMoment(
            datetime.fromisoformat(chosen["when"]), chosen["has_time"], chosen["wall_clock"]
        ))  # fmt: skip
    return _take_decision(answer, date.fromisoformat(chosen["day"]))


def _company(a: Answer) -> Problem | None:
    if not a.value or len(a.value) > debrief.COMPANY_LIMIT or not has_words(a.value):
        return Problem("debrief.company_bad", {"limit": debrief.COMPANY_LIMIT})
    earlier = a.earlier_with(a.value)
    if earlier is None:
        a.draft["company"] = company_display(a.value)
        return None
    if earlier.outcome in _ROUND_GOES_ON and "round_of" not in a.draft:
        # The same company again, its story not ended: the next round, or another team?
        route = {"company": earlier.company, "via_agency": earlier.via_agency,
                 "recruiter": earlier.recruiter}  # fmt: skip
        next_round = {**route, "role": earlier.role, "round_of": earlier.id}
        a.draft[PENDING] = {"step": Step.COMPANY.value, "choices": [next_round, route]}
        return Problem("debrief.another_round", {"company": earlier.company}, ask_again=False,
                       buttons=("buttons.round_yes", "buttons.round_no"))  # fmt: skip
    # Shown as first written; a later interview there most likely went the same way, so the
    # agency question is not asked again.
    a.draft["company"] = earlier.company
    debrief.remember_route(a.draft, earlier)
    a.draft["route_remembered"] = True
    return None


def has_words(text: str) -> bool:
    """Whether a name has a letter or a digit in it (not only emoji or punctuation)."""
    return any(ch.isalnum() for ch in text)


def _role(a: Answer) -> Problem | None:
    if len(a.value) > debrief.ROLE_LIMIT:
        return Problem("debrief.role_bad", {"limit": debrief.ROLE_LIMIT})
    if a.value and not has_words(a.value):
        return Problem("debrief.role_no_words")
    a.draft["role"] = None if a.value in ("skip", "") else a.value
    return None


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


def _offer(
    a: Answer,
    step: Step,
    values: list[dict[str, Any]],
    labels: list[str],
    key: str,
    *,
    confirm: bool = False,
) -> Problem:
    """Keep the readings in the draft and ask the user to tap the one they meant."""
    a.draft[PENDING] = {"step": step.value, "choices": values}
    return Problem(key, {"answer": a.value, "day": labels[0]}, ask_again=False,
                   choices=tuple(labels), confirm=confirm)  # fmt: skip


def _agency(a: Answer) -> Problem | None:
    if a.value in ("yes", "no"):
        a.draft["via_agency"] = a.value == "yes"
        a.draft["recruiter"] = None
        return None
    if len(a.value) > debrief.RECRUITER_LIMIT:
        return Problem("debrief.agency_bad", {"limit": debrief.RECRUITER_LIMIT})
    readings = _person_at_agency(a.value)
    if readings:
        # "Hays, Tom Baker": which is the person decides how a draft greets them ("Hi Tom,").
        values = [{"recruiter": reading} for reading in (*readings, a.value)]
        labels = [*readings, a.value]
        return _offer(a, Step.AGENCY, values, labels, "debrief.agency_which")
    a.draft["via_agency"] = True
    a.draft["recruiter"] = a.value
    return None


def _person_at_agency(value: str) -> tuple[str, str] | None:
    """Both readings of two names split by a comma, as "<person> (<agency>)"; None otherwise."""
    parts = [" ".join(part.split()) for part in value.split(",")]
    if len(parts) != 2 or not all(parts):
        return None
    readings = (f"{parts[0]} ({parts[1]})", f"{parts[1]} ({parts[0]})")
    return readings if len(readings[0]) <= debrief.RECRUITER_LIMIT else None


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
        why = a.place.calendar.holiday(day) if not a.place.calendar.is_weekend(day) else None
        a.draft[DECISION_MOVED] = {
            "said": day.isoformat(), "counted": counted.isoformat(), "why": why or "",
        }  # fmt: skip
    return None


def _extras(a: Answer) -> Problem | None:
    if a.draft.get("outside_hours"):
        contact = {"yes": True, "contact": True, "both": True, "no": False, "neither": False}
        if a.value not in contact:
            return Problem("debrief.contact_bad")
        a.draft["got_contact"] = contact[a.value]
        return None
    if a.value not in EXTRAS:
        return Problem("debrief.extras_bad")
    a.draft["outside_hours"] = a.value in ("outside", "both")
    a.draft["got_contact"] = a.value in ("contact", "both")
    return None


def _rating(a: Answer) -> Problem | None:
    if a.value not in RATINGS:
        return Problem("debrief.rating_bad")
    a.draft["rating"] = int(a.value)
    return None


def _notes(a: Answer) -> Problem | None:
    a.draft["notes"] = None if a.value in ("skip", "") else a.value
    return None


_READERS: dict[Step, Callable[[Answer], Problem | None]] = {
    Step.COMPANY: _company,
    Step.ROLE: _role,
    Step.WHEN: _when,
    Step.AGENCY: _agency,
    Step.DECISION: _decision,
    Step.EXTRAS: _extras,
    Step.RATING: _rating,
    Step.NOTES: _notes,
}

# Draft keys each question writes: cleared before an edited answer is read again.
ANSWER_KEYS: dict[Step, tuple[str, ...]] = {
    Step.COMPANY: ("company",),
    Step.ROLE: ("role",),
    Step.WHEN: ("when", "when_day", "wall_clock", "outside_hours"),
    Step.AGENCY: ("via_agency", "recruiter"),
    Step.DECISION: ("decision_date", DECISION_MOVED),
    Step.EXTRAS: ("got_contact",),
    Step.RATING: ("rating",),
    Step.NOTES: ("notes",),
}
