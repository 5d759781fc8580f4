"""The message that closes a debrief: what was saved, then the one thing to do now."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from content import Content, Safe, shorten
from followup.advice import NextStep, next_step
from followup.formatting import local_day, local_moment
from followup.model import Interview
from handlers.common import Deps

NOTES_PREVIEW = 300


def route(content: Content, interview: Interview) -> Safe:
    """'through Sam at an agency' / 'directly with the company'."""
    if not interview.via_agency:
        return content.text("debrief.route_direct")
    if interview.recruiter:
        return content.text("debrief.route_agency_named", recruiter=interview.recruiter)
    return content.text("debrief.route_agency")


def render(deps: Deps, interview: Interview, zone: ZoneInfo, draft: Mapping[str, Any]) -> str:
    """The summary lines that apply, a blank line, and the advice for this stage."""
    content = deps.content
    now = deps.clock()
    lines = [content.text("summary.title", company=interview.company)]
    if interview.role:
        lines.append(content.text("summary.role", role=interview.role))
    lines.append(content.text("summary.when", when=local_moment(interview.when, zone, now)))
    lines.append(content.text("summary.route", route=route(content, interview)))
    if interview.decision_date:
        today = now.astimezone(zone).date()
        lines.append(
            content.text("summary.decision", day=local_day(interview.decision_date, today))
        )
    if interview.rating:
        rating = content.label(f"ratings.{interview.rating.value}")
        lines.append(content.text("summary.rating", rating=rating))
    if interview.notes:
        lines.append(content.text("summary.notes", notes=shorten(interview.notes, NOTES_PREVIEW)))
    parts = ["\n".join(lines)]
    if draft.get("route_remembered"):
        parts.append(
            content.text("debrief.agency_known", company=interview.company,
                         route=route(content, interview))
        )  # fmt: skip
    if interview.notes and len(interview.notes) > NOTES_PREVIEW:
        parts.append(content.text("debrief.notes_saved_long", length=len(interview.notes)))
    step = next_step(interview, deps.timing, now)
    recruiter = interview.recruiter or content.label("next_step.your_recruiter")
    parts.append(content.text(f"next_step.{step.value}", recruiter=recruiter))
    return "\n\n".join(parts)


__all__ = ["NextStep", "render", "route"]
