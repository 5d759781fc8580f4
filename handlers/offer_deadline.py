"""An offer's deadline: asked when the offer is recorded, and "I've answered them".

The deadline is picked from a few days' buttons, or typed and read like a decision date (two
readings are asked back). A question about the offer typed meanwhile is answered, and the deadline
question stays open above it. The reminder the working day before is planned by the rules.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from telegram import Update

from content import Safe
from followup.core.due_dates import offer_deadline_day, offer_deadline_due
from followup.core.formatting import local_day
from followup.core.intent import understand
from followup.core.model import Interview, Outcome
from followup.services import interviews
from handlers import callback_data as cb
from handlers import routes
from handlers.choose import own_interview, what_they_said
from handlers.common import (
    Button,
    Context,
    Deps,
    deps,
    reply,
    settings_for,
    settle_button,
    user_place,
)
from handlers.day_answer import read_like_decision
from handlers.dialog import END
from handlers.fallback import unclaimed_button
from handlers.questions import ANSWERED, answer_question

ACTION = routes.OUTCOME
ANSWER_BY = "outcome:answer_by"  # an offer: the deadline to answer it, if they gave one
DEADLINE_CHOICES = (2, 3, 5)  # the deadline buttons: this many working days from today
# user_data: the deadline being read, under the same key as the outcome's new-date answer (one
# date question is open at a time, and the date checks of the tests read that key).
DATE_DRAFT = "outcome_date"


async def ask_answer_by(
    update: Update, context: Context, interview: Interview, text: str, undo: Button
) -> str:
    """The congratulations, then: did they give a deadline? A few days as buttons, or type one."""
    d = deps(context)
    assert context.user_data is not None
    context.user_data[DATE_DRAFT] = {"interview_id": interview.id}
    place = user_place(d, await settings_for(context, update))
    today = place.day_of(d.clock())
    days = [place.calendar.business_days_after(today, n) for n in DEADLINE_CHOICES]
    picks = [(local_day(day, today), _due(interview, day.strftime("%Y%m%d"))) for day in days]
    none = (d.content.label("outcome_buttons.no_deadline"), _due(interview, "none"))
    in_writing = (
        d.content.label("outcome_buttons.offer_draft"),
        routes.draft("offer", interview.id),
    )
    question = d.content.text("outcome.ask_answer_by")
    await reply(update, Safe(f"{text}\n{question}"), [picks, [none], [in_writing], [undo]])
    return ANSWER_BY


def _due(interview: Interview, pick: str) -> str:
    return cb.build(ACTION, "due", interview.id, pick)


async def typed_answer_by(update: Update, context: Context) -> str | int | None:
    """Their deadline typed ("Friday", "the 10th"); a question about the offer is answered
    instead, and the deadline question stays open above it."""
    d = deps(context)
    text = what_they_said(update, context)
    if understand(text, d.phrases) in ANSWERED:
        await answer_question(update, context)
        return None
    return await _read_answer_by(update, context, text.strip(), None)


async def answer_by_button(update: Update, context: Context) -> str | int | None:
    """A deadline button: a day, "no deadline", or a reading of an ambiguous typed date."""
    interview = await own_interview(update, context)
    parsed = cb.parse(update.callback_query.data if update.callback_query else None)
    if interview is None or parsed is None or interview.outcome is not Outcome.OFFER:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    pick = parsed.arg(2) or ""
    if pick == "none":
        return await _save_answer_by(update, context, interview, None)
    if pick.isdigit() and len(pick) == 8:
        day = date(int(pick[:4]), int(pick[4:6]), int(pick[6:]))
        return await _save_answer_by(update, context, interview, day)
    index = pick[1:] if pick.startswith("r") else ""
    return await _read_answer_by(update, context, "", int(index) if index.isdigit() else -1)


async def _read_answer_by(
    update: Update, context: Context, text: str, pick: int | None
) -> str | int:
    """Read a typed deadline like a decision date: two readings are asked back, never guessed."""
    d = deps(context)
    assert context.user_data is not None and update.effective_user is not None
    draft: dict[str, Any] = context.user_data.setdefault(DATE_DRAFT, {})
    interview = await d.store.interview(update.effective_user.id, draft.get("interview_id", ""))
    if interview is None or interview.outcome is not Outcome.OFFER:
        return END
    problem = await read_like_decision(update, context, draft, interview, text, pick)
    if problem is not None:
        buttons = [[(label, _due(interview, f"r{i}"))] for i, label in enumerate(problem.choices)]
        await reply(update, d.content.text(problem.key, **problem.values), buttons or None)
        return ANSWER_BY
    day = draft.get("decision_date")
    return await _save_answer_by(
        update, context, interview, date.fromisoformat(day) if day else None
    )


async def _save_answer_by(
    update: Update, context: Context, interview: Interview, day: date | None
) -> str | int:
    d = deps(context)
    place = user_place(d, await settings_for(context, update))
    today = place.day_of(d.clock())
    if day is not None and day < today:
        await reply(update, d.content.text("outcome.answer_by_past", day=local_day(day, today)))
        return ANSWER_BY
    assert context.user_data is not None
    context.user_data.pop(DATE_DRAFT, None)
    saved = await interviews.set_answer_by(d.ports, interview, day)
    values = {"company": interview.company}
    if day is None:
        text = d.content.text("outcome.answer_by_none", **values)
    elif offer_deadline_due(saved, place, d.timing) is None:
        text = d.content.text("outcome.answer_by_soon", day=local_day(day, today), **values)
    else:
        remind = offer_deadline_day(saved, place)
        assert remind is not None
        text = d.content.text(
            "outcome.answer_by_saved",
            day=local_day(day, today),
            remind=local_day(remind, today),
            **values,
        )
    await reply(update, text, offer_draft_buttons(d, interview))
    return END


def offer_draft_buttons(d: Deps, interview: Interview) -> list[list[Button]]:
    """The four answers to an offer, two by two."""

    def button(kind: routes.DraftKind) -> Button:
        return d.content.label(f"outcome_buttons.draft_{kind}"), routes.draft(kind, interview.id)

    return [[button("accept"), button("decline")], [button("counter"), button("time")]]


async def answered_button(update: Update, context: Context) -> str | int | None:
    """ "I've answered them": the reminder before the offer's deadline is called off.

    Under a draft asked for before the offer was recorded, it records the offer too: answering
    one means there was one.
    """
    d = deps(context)
    interview = await own_interview(update, context)
    if interview is None or interview.outcome not in (Outcome.OFFER, None):
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    if interview.outcome is None:
        interview = await interviews.set_outcome(d.ports, interview, Outcome.OFFER)
    await interviews.offer_answered(d.ports, interview)
    await reply(update, d.content.text("outcome.offer_answered", company=interview.company))
    return END


async def reask_answer_by(update: Update, context: Context) -> None:
    await reply(update, deps(context).content.text("outcome.ask_answer_by_again"))
