"""Bullet points for the user's own feedback call, with their notes on one line."""

from __future__ import annotations

from content import Content
from followup.core.drafts import _TRAILING, _clip, _company, _fill, _role, _variant
from followup.core.model import Interview, Rating

NOTES_LIMIT = 150


def feedback_summary(interview: Interview, templates: Content) -> str:
    """Bullet points for the user's own call to the recruiter: private, so notes may be in it."""
    role = _role(interview)
    values = {"company": _company(interview, templates), "role": role or ""}
    lines = [_fill(templates, _variant("feedback_title", role), values)]
    if interview.rating is not None:
        rating = templates.label(f"ratings.{int(interview.rating)}")
        lines.append(_fill(templates, "feedback_rating", {"rating": rating}))
    notes = notes_digest(interview.notes)
    if notes:
        lines.append(_fill(templates, "feedback_notes", {"notes": notes}))
    else:
        lines.append(_fill(templates, "feedback_notes_missing", {}))
    if interview.rating in (Rating.ROUGH, Rating.MIXED):
        lines.append(_fill(templates, "feedback_tip_rough", {}))
    lines.append(_fill(templates, "feedback_cover", {}))
    return "\n".join(lines)


def notes_digest(notes: str | None) -> str:
    """The notes on one line, bullets and spacing tidied, cut to NOTES_LIMIT characters."""
    text = ""
    for line in (notes or "").splitlines():
        piece = " ".join(line.split()).lstrip("-*•·> ").strip()
        if not piece.strip(_TRAILING):
            continue
        if text:
            text += " " if text[-1] in ".!?" else "; "
        text += piece
        if len(text) > NOTES_LIMIT:
            break
    return _clip(text, NOTES_LIMIT)
