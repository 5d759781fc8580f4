"""Hearing back, "Other": more time (a new decision date), references, or keep open or close."""

from __future__ import annotations

from datetime import date
from typing import Any

from telegram import Update

from followup.core import answers
from followup.core.due_dates import first_chase_day
from followup.core.formatting import local_day
from followup.core.model import Interview, Outcome
from followup.services import interviews
from handlers import callback_data as cb
from handlers import routes, summary
from handlers.choose import own_interview
from handlers.common import Context, deps, reply, settings_for, settle_button, user_place
from handlers.day_answer import read_like_decision
from handlers.dialog import END
from handlers.fallback import unclaimed_button
from handlers.outcome_record import record

ACTION = routes.OUTCOME
WHAT_HAPPENED, NEW_DATE, KEEP_OR_CLOSE = "outcome:what", "outcome:new_date", "outcome:keep_or_close"
DATE_DRAFT = "outcome_date"  # user_data: the new-date answer being read (choices wait here)


async def ask_what_happened(update: Update, context: Context, interview: Interview) -> str:
    d = deps(context)
    assert context.user_data is not None
    context.user_data[DATE_DRAFT] = {"interview_id": interview.id}
    buttons = [
        [(d.content.label(f"outcome_buttons.{key}"), cb.build(ACTION, "what", interview.id, key))]
        for key in ("more_time", "references", "something_else")
    ]
    await reply(update, d.content.text("outcome.what_happened", company=interview.company), buttons)
    return WHAT_HAPPENED


async def what_button(update: Update, context: Context) -> str | int | None:
    d = deps(context)
    interview = await own_interview(update, context)
    parsed = cb.parse(update.callback_query.data if update.callback_query else None)
    choice = parsed.arg(2) if parsed else None
    if (
        interview is None
        or not interview.is_open
        or choice not in ("more_time", "references", "something_else")
    ):
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    if choice == "more_time":
        await _ask_new_date(update, context, interview)
        return NEW_DATE
    if choice == "references":
        await reply(update, d.content.text("outcome.references", company=interview.company))
        return END
    buttons = [
        [(d.content.label("outcome_buttons.keep_open"), cb.build(ACTION, "keep", interview.id))],
        [(d.content.label("outcome_buttons.close"), cb.build(ACTION, "close", interview.id))],
    ]
    await reply(update, d.content.text("outcome.keep_or_close", company=interview.company), buttons)
    return KEEP_OR_CLOSE


async def _ask_new_date(update: Update, context: Context, interview: Interview) -> None:
    d = deps(context)
    none = (
        d.content.label("buttons.decision_none"),
        cb.build(ACTION, "date", interview.id, "none"),
    )
    await reply(update, d.content.text("outcome.ask_new_date", company=interview.company), [[none]])


async def typed_new_date(update: Update, context: Context) -> str | int:
    """Their new date: read like the debrief's decision date (ambiguity asked back)."""
    assert update.message is not None and update.message.text is not None
    return await _read_new_date(update, context, update.message.text.strip(), None)


async def new_date_button(update: Update, context: Context) -> str | int | None:
    """ "They didn't say", or one of the readings of an ambiguous date."""
    interview = await own_interview(update, context)
    parsed = cb.parse(update.callback_query.data if update.callback_query else None)
    if interview is None or parsed is None:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    pick = parsed.arg(2) or ""
    if pick == "none":
        await reply(
            update, deps(context).content.text("outcome.no_new_date", company=interview.company)
        )
        return END
    return await _read_new_date(update, context, "", int(pick) if pick.isdigit() else -1)


async def _read_new_date(
    update: Update, context: Context, text: str, pick: int | None
) -> str | int:
    d = deps(context)
    assert context.user_data is not None and update.effective_user is not None
    draft: dict[str, Any] = context.user_data.setdefault(DATE_DRAFT, {})
    interview = await d.store.interview(update.effective_user.id, draft.get("interview_id", ""))
    if interview is None or not interview.is_open:
        return END
    problem = await read_like_decision(update, context, draft, interview, text, pick)
    if problem is not None:
        buttons = [
            [(label, cb.build(ACTION, "date", interview.id, i))]
            for i, label in enumerate(problem.choices)
        ]
        await reply(update, d.content.text(problem.key, **problem.values), buttons or None)
        return NEW_DATE
    day = draft.get("decision_date")
    context.user_data.pop(DATE_DRAFT, None)
    place = user_place(d, await settings_for(context, update))
    if day is None:
        await reply(update, d.content.text("outcome.no_new_date", company=interview.company))
        return END
    updated = await interviews.set_decision_date(d.ports, interview, date.fromisoformat(day))
    today = place.day_of(d.clock())
    follow = local_day(first_chase_day(updated, place, d.timing), today)
    text = d.content.text(
        "outcome.new_date_saved",
        company=interview.company,
        decision=local_day(date.fromisoformat(day), today),
        day=follow,
    )
    moved = summary.decision_moved(d.content, draft.get(answers.DECISION_MOVED), today)
    await reply(update, f"{moved}\n{text}" if moved else text)
    return END


async def keep_or_close(update: Update, context: Context) -> str | int | None:
    interview = await own_interview(update, context)
    parsed = cb.parse(update.callback_query.data if update.callback_query else None)
    if interview is None or parsed is None or not interview.is_open:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    if parsed.arg(0) == "close":
        return await record(update, context, interview, Outcome.OTHER)
    await reply(update, deps(context).content.text("outcome.kept_open", company=interview.company))
    return END


async def reask_date(update: Update, context: Context) -> None:
    await reply(update, deps(context).content.text("outcome.ask_new_date_again"))
