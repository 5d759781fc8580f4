"""Ways into the debrief: /new and its buttons, a yes to the offer, the check-in, the next round."""

from __future__ import annotations

from typing import Any

from telegram import Update

from followup.core import debrief, tapped
from followup.core.model import Interview
from followup.services import interviews
from handlers import callback_data as cb
from handlers import first_step, news, routes, unfinished
from handlers.choose import own_interview
from handlers.common import Context, deps, settle_button
from handlers.debrief_answers import answer
from handlers.debrief_asking import DRAFT, ask_next
from handlers.fallback import unclaimed_button


async def start_debrief(update: Update, context: Context) -> str | int:
    """/new, or the button on the welcome: begin a fresh draft, or offer to carry on with one
    left unfinished."""
    if update.callback_query:
        await settle_button(update)
    assert context.user_data is not None
    context.user_data.pop(first_step.OFFERED, None)
    context.user_data.pop(DRAFT, None)
    if unfinished.has_kept(context):
        return await unfinished.ask_to_resume(update, context)
    named = " ".join(context.args or []) if update.message else ""
    if named:
        # "/new Acme": the company is answered already (and a known one asked about).
        context.user_data[DRAFT] = {}
        return await answer(update, context, named, typed=True)
    return await carry_on(update, context, {})


async def carry_on(update: Update, context: Context, draft: dict[str, Any]) -> str | int:
    """Go on with the debrief from `draft` (empty: from the first question)."""
    assert context.user_data is not None
    context.user_data[DRAFT] = draft
    return await ask_next(update, context)


async def start_named(update: Update, context: Context) -> str | int | None:
    """ "Log it" under a question about a company never logged: /new with its name filled in."""
    query = update.callback_query
    assert query is not None and context.user_data is not None
    parsed = cb.parse(query.data)
    company = routes.company_of(parsed.arg(1) if parsed else None)
    if company is None or len(company) > debrief.COMPANY_LIMIT:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    context.user_data.pop(DRAFT, None)
    return await carry_on(update, context, {"company": company})


async def typed_yes_to_offer(update: Update, context: Context) -> str | int | None:
    """ "yes" / "nope" typed to "Shall we log an interview?": the button it means."""
    assert context.user_data is not None and update.message is not None
    said = tapped.yes_or_no(update.message.text or "", deps(context).phrases)
    if not context.user_data.get(first_step.OFFERED) or said is None:
        return await news.idle_message(update, context)  # "yes" to "did you send it?", say
    if said == tapped.NO:
        await first_step.later(update, context)
        return None
    return await start_debrief(update, context)


async def start_check_in(update: Update, context: Context) -> str | int | None:
    """The check-in nudge's button: debrief that interview, asking only what is missing."""
    d = deps(context)
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    parsed = cb.parse(query.data)
    nudge = await d.store.nudge(update.effective_user.id, parsed.arg(1) or "") if parsed else None
    interview = await d.store.interview(nudge.user_id, nudge.interview_id) if nudge else None
    if interview is None or interview.debriefed or not interview.is_open:
        await unclaimed_button(update, context)
        return None
    await settle_button(update, d.content.label("nudge_buttons.debrief"))
    assert context.user_data is not None
    context.user_data[DRAFT] = debrief.draft_for(interview)
    return await ask_next(update, context)


async def start_next_round(update: Update, context: Context) -> str | int | None:
    """ "Log the next round" (after the news, under /status, in the edit menu): same company,
    role and route; ask only the rest."""
    earlier = await own_interview(update, context)
    if earlier is None:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    return await begin_next_round(update, context, earlier)


async def begin_next_round(update: Update, context: Context, earlier: Interview) -> str | int:
    """Log the round after `earlier`: same company, role and route, linked to it."""
    assert context.user_data is not None
    context.user_data[DRAFT] = await interviews.start_next_round(deps(context).ports, earlier)
    return await ask_next(update, context)
