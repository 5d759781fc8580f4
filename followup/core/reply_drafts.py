"""Answers to news: a gracious reply to a no, and a verbal offer asked for in writing."""

from __future__ import annotations

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
from followup.core.model import Interview


def rejection_reply(
    interview: Interview,
    templates: Content,
    *,
    sender: str | None = None,
    contact: str | None = None,
) -> Draft:
    """A gracious answer to a no: thanks, a request for brief feedback, the door left open."""
    return _outcome_reply(
        interview, templates, "rejection", "feedback", sender, contact, agency_subject=True
    )


def written_offer_request(
    interview: Interview,
    templates: Content,
    *,
    sender: str | None = None,
    contact: str | None = None,
) -> Draft:
    """After a verbal offer: thanks, and the offer in writing with its details and a deadline."""
    return _outcome_reply(
        interview, templates, "offer", "in_writing", sender, contact, agency_subject=False
    )


def _outcome_reply(
    interview: Interview,
    templates: Content,
    kind: str,
    ask: str,
    sender: str | None,
    contact: str | None,
    *,
    agency_subject: bool,
) -> Draft:
    """The shape both answers to news share: thanks, the one request, a warm close; each part
    (and the subject, if `agency_subject`) in its agency wording on that route."""
    role = _role(interview)
    agency = "_agency" if interview.via_agency else ""
    values = {"company": _company(interview, templates), "role": role or ""}
    paragraphs = [
        _fill(templates, _variant(f"{kind}_thanks{agency}", role), values),
        _fill(templates, f"{kind}_{ask}{agency}", values),
        _fill(templates, f"{kind}_close{agency}", values),
    ]
    subject = f"{kind}_subject{agency if agency_subject else ''}"
    return Draft(
        _subject(templates, _variant(subject, role), values),
        _body(templates, _addressee(interview, contact), paragraphs, sender),
    )
