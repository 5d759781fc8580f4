"""The message that closes a debrief: what was saved, then what to do now and what comes next.

Everything it says about timing is read off the interview's plan (followup.core.advice), the
same plan /status and the nudges come from; nudges that were already due are folded into it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from content import Content, Safe, shorten
from followup.core.advice import Action, Advice, ThankYou, advise, thank_you_reason
from followup.core.calendar import Place
from followup.core.formatting import local_day, local_moment
from followup.core.model import Interview, NudgeKind, Rating
from followup.core.nudge_plan import plan_nudges
from handlers import callback_data as cb
from handlers import routes
from handlers.common import Button, Deps

NOTES_PREVIEW = 300
_SAID_BY_FOLLOW_UP_LINE = frozenset({NudgeKind.CHASE, NudgeKind.REASSURANCE})


def route(content: Content, interview: Interview) -> Safe:
    """'through Sam at an agency' / 'directly with the company'."""
    if not interview.via_agency:
        return content.text("debrief.route_direct")
    if interview.recruiter:
        return content.text("debrief.route_agency_named", recruiter=interview.recruiter)
    return content.text("debrief.route_agency")


def render(
    deps: Deps, interview: Interview, place: Place, draft: Mapping[str, Any]
) -> tuple[str, list[list[Button]]]:
    """The saved facts, a blank line, then the advice from the plan, and the buttons for it."""
    content = deps.content
    now = deps.clock()
    parts = [_facts(content, interview, place, now)]
    if draft.get("route_remembered"):
        parts.append(
            content.text("debrief.agency_known", company=interview.company,
                         route=route(content, interview))
        )  # fmt: skip
    if interview.notes and len(interview.notes) > NOTES_PREVIEW:
        parts.append(content.text("debrief.notes_saved_long", length=len(interview.notes)))
    if interview.rating is Rating.ROUGH:
        parts.append(content.text("summary.rough"))
    advice = advise(interview, place, deps.timing, now)
    parts.append(advice_text(deps, interview, place, advice))
    return "\n\n".join(parts), advice_buttons(content, interview, advice)


def _facts(content: Content, interview: Interview, place: Place, now: Any) -> str:
    lines = [content.text("summary.title", company=interview.company)]
    if interview.role:
        lines.append(content.text("summary.role", role=interview.role))
    lines.append(content.text("summary.when", when=local_moment(interview.when, place.zone, now)))
    lines.append(content.text("summary.route", route=route(content, interview)))
    if interview.decision_date:
        day = local_day(interview.decision_date, place.day_of(now))
        lines.append(content.text("summary.decision", day=day))
    if interview.rating:
        rating = content.label(f"ratings.{interview.rating.value}")
        lines.append(content.text("summary.rating", rating=rating))
    if interview.notes:
        lines.append(content.text("summary.notes", notes=shorten(interview.notes, NOTES_PREVIEW)))
    return "\n".join(lines)


def advice_text(deps: Deps, interview: Interview, place: Place, advice: Advice) -> str:
    """What to do now (most urgent first), then the next nudge, then the first follow-up day."""
    content = deps.content
    now = deps.clock()
    today = place.day_of(now)
    recruiter = interview.recruiter or content.label("next_step.your_recruiter")
    if advice.upcoming:
        return _before_it(deps, interview, place)
    lines = []
    for position, action in enumerate(advice.now):
        key = f"next_step.{action.value}"
        if action is Action.CALL_RECRUITER:
            fresh = now - interview.when <= deps.timing.feedback_window
            key += "_fresh" if fresh else "_late"
        if action is Action.THANK_YOU and advice.thank_you is ThankYou.LATE:
            key += "_late"
        lines.append(content.text(key, recruiter=recruiter, company=interview.company,
                                  lead=content.label("next_step.lead_first" if position == 0
                                                     else "next_step.lead_also")))  # fmt: skip
        reason = thank_you_reason(interview)
        if action is Action.THANK_YOU and reason is not None:
            lines.append(content.text(f"next_step.thank_you_strong_{reason}"))
        if action is Action.FOLLOW_UP and advice.thank_you is ThankYou.LATE:
            lines.append(content.text("next_step.thank_you_fold"))
    if not advice.now:
        lines.append(content.text("next_step.nothing_now"))
    upcoming = advice.next
    if upcoming is not None and upcoming.kind not in _SAID_BY_FOLLOW_UP_LINE:
        kind = content.label(f"nudge_kinds.{upcoming.kind.value}")
        when = local_moment(upcoming.due, place.zone, now)
        lines.append(content.text("next_step.next_nudge", kind=kind, when=when))
    if advice.follow_up_from is not None and Action.FOLLOW_UP not in advice.now:
        day = local_day(advice.follow_up_from, today)
        if interview.decision_date is not None:
            decision = local_day(interview.decision_date, today)
            lines.append(content.text("next_step.follow_up_after_date", day=day, decision=decision))
        else:
            lines.append(content.text("next_step.follow_up_from", day=day))
    return "\n".join(lines)


def _before_it(deps: Deps, interview: Interview, place: Place) -> str:
    """An interview still to come: the tip and the check-in, with their times."""
    content = deps.content
    now = deps.clock()
    plan = {n.kind: n.due for n in plan_nudges(interview, place, deps.timing, now)}
    lines = []
    if NudgeKind.BEFORE in plan:
        when = local_moment(plan[NudgeKind.BEFORE], place.zone, now)
        lines.append(content.text("next_step.future_tip", when=when))
    else:
        lines.append(content.text("next_step.future_tip_now"))
    if NudgeKind.CHECK_IN in plan:
        when = local_moment(plan[NudgeKind.CHECK_IN], place.zone, now)
        lines.append(content.text("next_step.future_check_in", when=when))
    return "\n".join(lines)


# For each action: the button with its draft (or call notes), and the one that logs it.
_ACTION_BUTTONS = {
    Action.CALL_RECRUITER: (
        ("chase_buttons.feedback", routes.DRAFT, "notes"),
        ("acts_buttons.called", routes.CHASE, "called"),
    ),
    Action.THANK_YOU: (
        ("acts_buttons.thank_you_draft", routes.DRAFT, "ty"),
        ("acts_buttons.thanked", routes.CHASE, "thanked"),
    ),
    Action.FOLLOW_UP: (
        ("chase_buttons.draft", routes.DRAFT, "chase"),
        ("chase_buttons.sent", routes.CHASE, "sent"),
    ),
}


def action_row(content: Content, interview: Interview, action: Action) -> list[Button]:
    """The draft button and the logging button for one action."""
    return [
        (content.label(key), cb.build(feature, verb, interview.id))
        for key, feature, verb in _ACTION_BUTTONS[action]
    ]


def advice_buttons(content: Content, interview: Interview, advice: Advice) -> list[list[Button]]:
    """The buttons for what to do now: a draft or notes, and the button that logs it."""
    rows = [action_row(content, interview, action) for action in advice.now]
    upcoming = advice.next
    if upcoming is not None and upcoming.kind is NudgeKind.THANK_YOU:
        label = content.label("acts_buttons.thank_you_now")
        rows.append([(label, routes.draft("ty", interview.id))])
    return rows


def decision_moved(content: Content, moved: Mapping[str, str] | None, today: date) -> Safe | None:
    """Why the decision date counted is not the one they said: a holiday, a weekend."""
    if not moved:
        return None
    said, counted = date.fromisoformat(moved["said"]), date.fromisoformat(moved["counted"])
    values = {"day": local_day(said, today), "decision": local_day(counted, today)}
    if counted > said:
        return content.text("debrief.decision_moved_after", **values)
    if moved.get("why"):
        return content.text("debrief.decision_moved_holiday", holiday=moved["why"], **values)
    return content.text("debrief.decision_moved_weekend", **values)


__all__ = ["decision_moved", "render", "route"]
