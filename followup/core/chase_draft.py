"""The follow-up email asking about the timeline, and the shorter second one."""

from __future__ import annotations

from datetime import UTC, date, tzinfo

from content import Content
from followup.core.drafts import (
    Draft,
    _addressee,
    _body,
    _company,
    _fill,
    _role,
    _subject,
    _variant,
)
from followup.core.formatting import long_day
from followup.core.model import Interview


def chase_email(
    interview: Interview,
    templates: Content,
    today: date,
    *,
    zone: tzinfo = UTC,
    sender: str | None = None,
    second: bool = False,
    first_sent: date | None = None,
    contact: str | None = None,
) -> Draft:
    """A polite note asking about the timeline: to the recruiter on the agency route, else them.

    The second one is shorter and points back to the first (sent on `first_sent`, or on the first
    follow-up the interview records) instead of repeating it.
    """
    role = _role(interview)
    agency = "_agency" if interview.via_agency else ""
    values = {
        "company": _company(interview, templates),
        "role": role or "",
        "day": long_day(interview.when.astimezone(zone).date(), today, templates.language),
    }
    if second:
        if first_sent is None and interview.chases:
            first_sent = interview.chases[0].astimezone(zone).date()
        sent = "" if first_sent is None else "_dated"
        values["day"] = long_day(first_sent, today, templates.language) if first_sent else ""
        subject = _subject(templates, _variant("second_chase_subject", role), values)
        paragraphs = [
            _fill(templates, _variant(f"second_chase_body{agency}{sent}", role), values),
            _fill(templates, f"second_chase_ask{agency}", values),
        ]
    else:
        subject = _subject(templates, _variant("chase_subject", role), values)
        opening = [_fill(templates, _variant(f"chase_body{agency}", role), values)]
        if interview.decision_date is not None:
            decided = {"day": long_day(interview.decision_date, today, templates.language)}
            opening.append(_fill(templates, f"chase_decision_line{agency}", decided))
        paragraphs = [" ".join(opening), _fill(templates, f"chase_ask{agency}", values)]
    closing = "second_chase_close" if second else "chase_close"
    paragraphs.append(_fill(templates, f"{closing}{agency}", values))
    return Draft(subject, _body(templates, _addressee(interview, contact), paragraphs, sender))
