"""Hearing back: which interview, what they said, the advice that fits, and the user's own tip.

Opened by /heard, by news typed in free text ("I got the job!" is an offer, no question asked), or
by the "I heard back" button on a nudge or a verdict. "Other" asks what happened: more time (a new
date re-plans the follow-ups), a request for references, or something else; only "close it"
closes the interview, and a closed one can be reopened.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from followup.core import answer_reading, answers
from followup.core.debrief import Step
from followup.core.due_dates import first_chase_day
from followup.core.formatting import local_day
from followup.core.intent import Phrasebook, Topic, news_outcome, understand
from followup.core.model import Interview, Outcome
from followup.services import interviews
from followup.services import settings as user_settings
from handlers import callback_data as cb
from handlers import routes, summary
from handlers.choose import TextMatches, find_meant, own_interview, what_they_said, which_buttons
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
from handlers.dialog import END, Flow
from handlers.fallback import unclaimed_button
from handlers.offer_deadline import (
    ANSWER_BY,
    answer_by_button,
    answered_button,
    ask_answer_by,
    reask_answer_by,
    typed_answer_by,
)

ACTION = routes.OUTCOME
PICK_INTERVIEW, PICK_OUTCOME = "outcome:pick_interview", "outcome:pick_outcome"
WHAT_HAPPENED, NEW_DATE, KEEP_OR_CLOSE, ASK_TIP = (
    "outcome:what", "outcome:new_date", "outcome:keep_or_close", "outcome:tip"
)  # fmt: skip
TIP_LIMIT = 1000
CHOICES = (Outcome.OFFER, Outcome.NEXT_ROUND, Outcome.REJECTED, Outcome.WITHDREW, Outcome.OTHER)
SAID = "outcome_said"  # user_data: the outcome their words named, while we ask which interview
DATE_DRAFT = "outcome_date"  # user_data: the new-date answer being read (choices wait here)


async def heard(update: Update, context: Context) -> str | int | None:
    """/heard or typed news: find the interview meant, or ask which."""
    d = deps(context)
    settings = await settings_for(context, update)
    text = what_they_said(update, context)
    said = news_outcome(text, d.phrases)
    found = await find_meant(d, settings.user_id, text)
    interview = found.interview
    if interview is not None and not interview.is_open:
        await _already_closed(update, d, interview)
        return END
    if interview is not None:
        return await _with_interview(update, context, interview, said)
    if not found.open:
        key = "choose.unknown_none" if found.unknown_name else "outcome.none_open"
        await reply(update, d.content.text(key, name=found.unknown_name or ""))
        return END
    assert context.user_data is not None
    context.user_data[SAID] = said.value if said else None
    place = user_place(d, settings)
    buttons = which_buttons(found.open, place.zone, d.clock(), ACTION, "pick")
    key = "choose.unknown" if found.unknown_name else "outcome.which"
    names = ", ".join(i.company for i in found.open[:5])
    await reply(update, d.content.text(key, name=found.unknown_name or "", names=names), buttons)
    return PICK_INTERVIEW


async def _already_closed(update: Update, d: Deps, interview: Interview) -> None:
    outcome = d.content.label(f"outcome_names.{(interview.outcome or Outcome.OTHER).value}")
    reopen = (d.content.label("chase_buttons.reopen"), routes.chase_act("reopen", interview.id))
    text = d.content.text("outcome.already", company=interview.company, outcome=outcome)
    await reply(update, text, [[reopen]])


async def _with_interview(
    update: Update, context: Context, interview: Interview, said: Outcome | None
) -> str | int:
    """The words named the outcome: record it (an offer is congratulated first); else ask."""
    if said is not None and said in CHOICES and said is not Outcome.OTHER:
        return await record(update, context, interview, said)
    return await ask_outcome(update, context, interview)


async def pick_interview(update: Update, context: Context) -> str | int | None:
    """A button naming one of the user's own open interviews."""
    interview = await own_interview(update, context)
    if interview is None or not interview.is_open:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    assert context.user_data is not None
    said = context.user_data.pop(SAID, None)
    return await _with_interview(update, context, interview, Outcome(said) if said else None)


async def ask_outcome(update: Update, context: Context, interview: Interview) -> str:
    d = deps(context)
    buttons = [
        [(d.content.label(f"outcome_buttons.{o.value}"), cb.build(ACTION, "set", interview.id, o))]
        for o in CHOICES
    ]
    await reply(update, d.content.text("outcome.ask", company=interview.company), buttons)
    return PICK_OUTCOME


async def outcome_button(update: Update, context: Context) -> str | int | None:
    """One of the outcome buttons, for one of the user's own open interviews."""
    interview = await own_interview(update, context)
    parsed = cb.parse(update.callback_query.data if update.callback_query else None)
    value = parsed.arg(2) if parsed else None
    if interview is None or value not in {o.value for o in CHOICES} or not interview.is_open:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    if value == Outcome.OTHER.value:
        return await ask_what_happened(update, context, interview)
    return await record(update, context, interview, Outcome(value))


async def record(
    update: Update, context: Context, interview: Interview, outcome: Outcome
) -> str | int:
    """Save what they said, stop the interview's follow-ups, and give the advice for it."""
    d = deps(context)
    await interviews.set_outcome(d.ports, interview, outcome)
    text = d.content.text(f"outcome.{outcome.value}", company=interview.company)
    undo = (d.content.label("outcome_buttons.undo"), routes.chase_act("reopen", interview.id))
    buttons: list[list[Button]] = []
    if outcome is Outcome.NEXT_ROUND:
        label = d.content.label("outcome_buttons.log_round")
        buttons.append([(label, routes.next_round(interview.id))])
    elif outcome is Outcome.OFFER:
        return await ask_answer_by(update, context, interview, text, undo)
    buttons.append([undo])
    await reply(update, text, buttons)
    return END


# --- "Other": what happened? ---------------------------------------------------------------------


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
    draft["when"] = interview.when.isoformat()
    settings = await settings_for(context, update)
    place = user_place(d, settings)
    reading = answers.Answer(draft, text, place, d.clock(), d.timing, lambda _c: None)
    if pick is None:
        problem = answer_reading.read(Step.DECISION, reading, typed=True)
    else:
        problem = answer_reading.choose(Step.DECISION, reading, pick)
    if problem is not None:
        buttons = [
            [(label, cb.build(ACTION, "date", interview.id, i))]
            for i, label in enumerate(problem.choices)
        ]
        await reply(update, d.content.text(problem.key, **problem.values), buttons or None)
        return NEW_DATE
    day = draft.get("decision_date")
    context.user_data.pop(DATE_DRAFT, None)
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


# --- The user's own tip --------------------------------------------------------------------------


async def start_tip(update: Update, context: Context) -> str | int | None:
    """The tip nudge's "Share a tip" button: the next message is their tip."""
    await settle_button(update)
    await reply(update, deps(context).content.text("outcome.ask_tip"))
    return ASK_TIP


async def save_tip(update: Update, context: Context) -> str | int:
    """Keep the user's own follow-up tip with their data (and say so truthfully)."""
    d = deps(context)
    assert update.message is not None and update.message.text is not None
    tip = update.message.text.strip()
    if not tip or len(tip) > TIP_LIMIT:
        await reply(update, d.content.text("outcome.tip_bad", limit=TIP_LIMIT))
        return ASK_TIP
    settings = await settings_for(context, update)
    await user_settings.add_tip(d.ports, settings, tip)
    await reply(update, d.content.text("outcome.tip_saved"))
    return END


async def _reask_tip(update: Update, context: Context) -> None:
    await reply(update, deps(context).content.text("outcome.ask_tip"))


async def _reask_date(update: Update, context: Context) -> None:
    await reply(update, deps(context).content.text("outcome.ask_new_date_again"))


async def _reask_buttons(update: Update, context: Context) -> None:
    await reply(update, deps(context).content.text("outcome.tap_above"))


def build_outcome_flow(book: Phrasebook) -> Flow:  # type: ignore[type-arg]
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    news = TextMatches("reports_news", lambda t: understand(t, book) is Topic.NEWS)
    pick = CallbackQueryHandler(pick_interview, pattern=cb.pattern(ACTION, "pick"))
    return Flow(
        entry_points=[
            CommandHandler("heard", heard),
            pick,
            CallbackQueryHandler(start_tip, pattern=cb.pattern(ACTION, "tip")),
            CallbackQueryHandler(answered_button, pattern=cb.pattern(ACTION, "answered")),
        ],
        idle_only=[MessageHandler(text & news, heard)],
        states={
            PICK_INTERVIEW: [pick],
            PICK_OUTCOME: [CallbackQueryHandler(outcome_button, pattern=cb.pattern(ACTION, "set"))],
            WHAT_HAPPENED: [CallbackQueryHandler(what_button, pattern=cb.pattern(ACTION, "what"))],
            NEW_DATE: [
                MessageHandler(text, typed_new_date),
                CallbackQueryHandler(new_date_button, pattern=cb.pattern(ACTION, "date")),
            ],
            KEEP_OR_CLOSE: [
                CallbackQueryHandler(keep_or_close, pattern=cb.pattern(ACTION, "keep")),
                CallbackQueryHandler(keep_or_close, pattern=cb.pattern(ACTION, "close")),
            ],
            ASK_TIP: [MessageHandler(text, save_tip)],
            ANSWER_BY: [
                MessageHandler(text, typed_answer_by),
                CallbackQueryHandler(answer_by_button, pattern=cb.pattern(ACTION, "due")),
            ],
        },
        reask={
            PICK_INTERVIEW: _reask_buttons,
            PICK_OUTCOME: _reask_buttons,
            WHAT_HAPPENED: _reask_buttons,
            KEEP_OR_CLOSE: _reask_buttons,
            NEW_DATE: _reask_date,
            ASK_TIP: _reask_tip,
            ANSWER_BY: reask_answer_by,
        },
    )
