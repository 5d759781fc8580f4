"""Reading the debrief's answers: each to its reader, taken into the draft or asked back.

Pure: no Telegram, no disk. A refusal is a content key plus the values its message needs, so the
handler only has to render it and ask again. An answer that could mean two things (12/3: the 12th
of March or the 3rd of December?) is never guessed: the Problem carries the readings as choices,
kept in the draft until the user taps one (`choose`). A reading far from today is confirmed first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from followup.core import timeparse
from followup.core.answer_dates import _decision, _take_decision, _take_moment, _when
from followup.core.answer_fields import _agency, _company, _extras, _notes, _rating, _role
from followup.core.answers import PENDING, Answer, Problem, normalised
from followup.core.debrief import Step

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
        "no to both": "neither", "no and no": "neither", "none of those": "neither",
        "none of them": "neither", "neither of them": "neither", "no to either": "neither",
        "yes to both": "both", "yes and yes": "both", "both of them": "both",
    },
    Step.RATING: {"rough": "1", "bad": "1", "mixed": "2", "ok": "2", "okay": "2", "meh": "2",
                  "good": "3", "great": "4", "1": "1", "2": "2", "3": "3", "4": "4"},
    Step.NOTES: {"skip": "skip", "no": "skip", "nothing": "skip", "none": "skip"},
}  # fmt: skip
# "Another round with Acme?" in words: 0 is the next round, 1 a separate interview.
ROUND_WORDS = {"yes": 0, "y": 0, "yes the next round": 0, "next round": 0, "yep": 0, "yeah": 0,
               "no": 1, "n": 1, "nope": 1, "no a separate interview": 1, "separate": 1,
               "another team": 1, "a different team": 1, "different team": 1}  # fmt: skip


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
