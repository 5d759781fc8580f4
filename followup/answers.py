"""Reading the debrief's answers: each question's answer goes into the draft, or is refused.

Pure: no Telegram, no disk. A refusal is a content key plus the values its message needs, so the
handler only has to render it and ask again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from followup import debrief, rules, timeparse
from followup.debrief import Step
from followup.formatting import local_day
from followup.model import Interview, Rating
from followup.timing import Timing

EXTRAS = ("outside", "contact", "both", "neither")
RATINGS = tuple(str(r.value) for r in Rating)
# Typed words that mean the same as a button's value.
SYNONYMS: dict[Step, dict[str, str]] = {
    Step.ROLE: {"skip": "skip", "-": "skip"},
    Step.AGENCY: {"yes": "yes", "y": "yes", "agency": "yes", "no": "no", "n": "no", "direct": "no"},
    Step.DECISION: {"no": "none", "none": "none", "skip": "none", "they didn't say": "none"},
    Step.EXTRAS: {
        "both": "both", "neither": "neither", "none": "neither", "no": "neither",
        "outside": "outside", "card": "contact", "email": "contact", "contact": "contact",
    },
    Step.RATING: {"rough": "1", "bad": "1", "mixed": "2", "ok": "2", "okay": "2", "good": "3",
                  "great": "4", "1": "1", "2": "2", "3": "3", "4": "4"},
    Step.NOTES: {"skip": "skip", "no": "skip", "nothing": "skip"},
}  # fmt: skip
# What the two quick buttons of the "when" and "decision" questions stand for.
WHEN_BUTTONS = {"now": "just now", "hour": "an hour ago"}
DECISION_BUTTONS = {"week": "end of the week", "nextweek": "next friday"}


@dataclass(frozen=True, slots=True)
class Problem:
    """Why an answer was refused: the message's content key and its values."""

    key: str
    values: dict[str, object] = field(default_factory=dict)
    ask_again: bool = True  # False when the message itself is the follow-up question


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer, with what reading it needs: the draft to fill, where and when the user is."""

    draft: dict[str, Any]
    value: str
    zone: ZoneInfo
    now: datetime
    timing: Timing
    earlier_with: Callable[[str], Interview | None]  # the user's last interview with a company


def read(step: Step, answer: Answer, *, typed: bool) -> Problem | None:
    """Store the answer to `step` in the draft, or say what was wrong with it."""
    if typed and step in SYNONYMS:
        value = SYNONYMS[step].get(answer.value.lower().rstrip(".!"), answer.value)
        answer = Answer(answer.draft, value, answer.zone, answer.now, answer.timing,
                        answer.earlier_with)  # fmt: skip
    return _READERS[step](answer)


def _company(a: Answer) -> Problem | None:
    if not a.value or len(a.value) > debrief.COMPANY_LIMIT:
        return Problem("debrief.company_bad", {"limit": debrief.COMPANY_LIMIT})
    a.draft["company"] = a.value
    # A later round with the same company went the same way: don't ask about the agency again.
    if debrief.remember_route(a.draft, a.earlier_with(a.value)):
        a.draft["route_remembered"] = True
    return None


def _role(a: Answer) -> Problem | None:
    if len(a.value) > debrief.ROLE_LIMIT:
        return Problem("debrief.role_bad", {"limit": debrief.ROLE_LIMIT})
    a.draft["role"] = None if a.value in ("skip", "") else a.value
    return None


def _when(a: Answer) -> Problem | None:
    phrase = WHEN_BUTTONS.get(a.value, a.value)
    moment = None
    day = a.draft.pop("when_day", None)
    if day is not None:
        # They gave the day before; this answer is most likely its time ("10am").
        on_day = date.fromisoformat(day)
        moment = timeparse.parse_moment_detail(
            f"{on_day.day}/{on_day.month}/{on_day.year} {phrase}", a.zone, a.now
        )
    if moment is None or not moment.has_time:
        moment = timeparse.parse_moment_detail(phrase, a.zone, a.now)
    if moment is None:
        return Problem("debrief.when_bad", {"answer": a.value})
    if not moment.has_time:
        local = moment.when.astimezone(a.zone).date()
        a.draft["when_day"] = local.isoformat()
        today = a.now.astimezone(a.zone).date()
        return Problem("debrief.when_needs_time", {"day": local_day(local, today)}, False)
    when = moment.when
    a.draft["when"] = when.isoformat()
    if when <= a.now:
        # Known from the clock, so the "outside working hours?" half of a later question is skipped.
        a.draft["outside_hours"] = rules.is_outside_working_hours(when, a.zone, a.timing) or None
    return None


def _agency(a: Answer) -> Problem | None:
    if a.value in ("yes", "no"):
        a.draft["via_agency"] = a.value == "yes"
        a.draft["recruiter"] = None
        return None
    if len(a.value) > debrief.RECRUITER_LIMIT:
        return Problem("debrief.agency_bad", {"limit": debrief.RECRUITER_LIMIT})
    a.draft["via_agency"] = True
    a.draft["recruiter"] = a.value
    return None


def _decision(a: Answer) -> Problem | None:
    if a.value == "none":
        a.draft["decision_date"] = None
        return None
    day = timeparse.parse_day(DECISION_BUTTONS.get(a.value, a.value), a.zone, a.now)
    if day is None:
        return Problem("debrief.decision_bad", {"answer": a.value})
    if day < debrief.when_of(a.draft).astimezone(a.zone).date():
        return Problem("debrief.decision_past", {"day": local_day(day, a.now.date())})
    a.draft["decision_date"] = day.isoformat()
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
