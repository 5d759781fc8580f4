"""What reading any debrief answer shares: the Answer read, the Problem asked back, the draft keys.

Pure: no Telegram, no disk. A refusal is a content key plus the values its message needs, so the
handler only has to render it and ask again. Readings waiting for a tap are kept in the draft
under PENDING (followup/core/answer_reading.py reads the answers and takes the tap).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from followup.core.calendar import Place
from followup.core.debrief import Step
from followup.core.model import Interview
from followup.core.timing import Timing

PENDING = "pending"  # draft key: readings waiting for the user's tap {"step", "choices": [...]}
# Draft key: a decision date moved to a working day, to say so {"said", "counted", "why"}; the
# handler takes it out once said. "why" is a public holiday's name, or "" for a weekend.
DECISION_MOVED = "decision_moved"
# Draft key: "past" when the conversation already settled that the interview took place (it was
# debriefed), so a bare weekday is the last one; absent, a weekday that could be either is asked.
TENSE = "tense"
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


def has_words(text: str) -> bool:
    """Whether a name has a letter or a digit in it (not only emoji or punctuation)."""
    return any(ch.isalnum() for ch in text)


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
