"""Emails that answer an offer: accept it, decline it kindly, ask for more, or ask for time.

Built like every other draft (followup/core/drafts.py): plain text, subject apart, greeting the
recruiter on the agency route and the contact we know otherwise, signed. None of them quotes the
private notes. A figure, a day or a title the user did not give us is never made up: the draft
leaves a [bracketed] gap for them to fill, and says so in the chat.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from content import Content
from followup.core.drafts import (
    SUBJECT_LIMIT,
    Draft,
    _addressee,
    _body,
    _clean,
    _clip,
    _company,
    _role,
    _variant,
)
from followup.core.model import Interview

FIGURE_LIMIT = 40  # "£55,000 a year", "€62k plus the usual bonus"
GAP = "["  # every blank a draft leaves for the user starts with this


class CounterAsk(StrEnum):
    """What a counter-offer may ask for; the letter is how a button carries the user's picks."""

    SALARY = "s"
    START_DATE = "d"
    TITLE = "t"
    REMOTE = "r"
    SIGNING_BONUS = "b"

    @property
    def key(self) -> str:
        return self.name.lower()


def accept_offer(interview: Interview, templates: Content, *, sender: str | None = None) -> Draft:
    """Yes: thanks, a clear acceptance, and the contract, next steps and start date asked for."""
    return _three_part(interview, templates, "accept", ("thanks", "next", "close"), sender)


def decline_offer(interview: Interview, templates: Content, *, sender: str | None = None) -> Draft:
    """A kind no: thanks, the decision without excuses, and the door left open."""
    return _three_part(interview, templates, "decline", ("thanks", "no", "close"), sender)


def ask_for_time(interview: Interview, templates: Content, *, sender: str | None = None) -> Draft:
    """A few more days to decide, the day left for the user to fill in."""
    return _three_part(interview, templates, "time", ("thanks", "ask", "close"), sender)


def counter_offer(
    interview: Interview,
    templates: Content,
    asks: Iterable[CounterAsk],
    *,
    figure: str | None = None,
    sender: str | None = None,
) -> Draft:
    """Asking for more before accepting: one line per point picked, in a fixed order.

    `figure` is the salary the user typed; without it the salary line keeps a gap to fill. With
    nothing picked, the salary is what is asked about, the usual point of a counter-offer.
    """
    chosen = [ask for ask in CounterAsk if ask in set(asks)] or [CounterAsk.SALARY]
    role = _role(interview)
    agency = "_agency" if interview.via_agency else ""
    values = {"company": _company(interview, templates), "role": role or ""}
    amount = _clean(figure, FIGURE_LIMIT) or _fill(templates, "counter_figure_blank", {})
    lines = [_fill(templates, f"counter_ask_{ask.key}", {"figure": amount}) for ask in chosen]
    paragraphs = [
        _fill(templates, _variant(f"counter_thanks{agency}", role), values),
        "\n".join([_fill(templates, f"counter_lead{agency}", values), *lines]),
        _fill(templates, "counter_reason", values),
        _fill(templates, f"counter_close{agency}", values),
    ]
    return Draft(
        _subject(templates, _variant("counter_subject", role), values),
        _body(templates, _addressee(interview, None), paragraphs, sender),
    )


def has_gaps(draft: Draft) -> bool:
    """Whether the user has something to fill in before sending."""
    return GAP in draft.body or GAP in draft.subject


def _three_part(
    interview: Interview,
    templates: Content,
    kind: str,
    parts: tuple[str, str, str],
    sender: str | None,
) -> Draft:
    """Thanks, the one thing this email says, a close: each in its agency wording on that route."""
    role = _role(interview)
    agency = "_agency" if interview.via_agency else ""
    values = {"company": _company(interview, templates), "role": role or ""}
    first, middle, last = parts
    paragraphs = [
        _fill(templates, _variant(f"{kind}_{first}{agency}", role), values),
        _fill(templates, f"{kind}_{middle}{agency}", values),
        _fill(templates, f"{kind}_{last}{agency}", values),
    ]
    return Draft(
        _subject(templates, _variant(f"{kind}_subject", role), values),
        _body(templates, _addressee(interview, None), paragraphs, sender),
    )


def _subject(templates: Content, key: str, values: dict[str, str]) -> str:
    return _clip(_fill(templates, key, values), SUBJECT_LIMIT)


def _fill(templates: Content, key: str, values: dict[str, str]) -> str:
    """The plain-text template with the values put in (no HTML escaping here)."""
    return templates.label(f"offer_drafts.{key}").format_map(values).replace("….", "…")
