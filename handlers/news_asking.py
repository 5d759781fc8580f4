"""One question with buttons, when news could be read two ways: which interview, which day,
what was sent, what they said; or, for an interview never logged, the offer to log it.
"""

from __future__ import annotations

from datetime import date

from telegram import Update

from followup.core.formatting import local_day, local_moment
from followup.core.model import Interview, company_display
from followup.core.news import News
from followup.core.news_events import Event
from handlers import outcome, routes
from handlers.choose import which_buttons
from handlers.common import Context, deps, reply, settings_for, user_place


def day_arg(day: date | None) -> str:
    """A day as a button carries it: YYYYMMDD, or "-" when none was said."""
    return day.strftime("%Y%m%d") if day is not None else "-"


async def ask(
    update: Update, context: Context, news: News, interview: Interview | None, *, idle: bool
) -> str | None:
    """One question with buttons; the dialog state it opens (idle only), else None."""
    d = deps(context)
    assert update.effective_user is not None and news.event is not None
    label = d.content.label
    # "Log it" starts the debrief with the company the message named, when it named one.
    named = news.company or news.unknown_name
    shown = company_display(named) if named else None
    log_it = routes.log_interview_with(shown) if shown else None
    log = [[(label("news_buttons.log"), log_it or routes.log_interview())]]
    if news.why == "log_it":
        key = "news.new_interview" if shown else "news.new_interview_unnamed"
        await reply(update, d.content.text(key, company=shown or ""), log)
        return None
    if news.why in ("unknown_company", "no_interview"):
        key = f"news.{news.why}"
        await reply(update, d.content.text(key, name=shown or ""), log)
        return None
    if news.why == "closed" and interview is not None:
        reopen = (label("news_buttons.reopen"), routes.chase_act("reopen", interview.id))
        await reply(update, d.content.text("news.closed", company=interview.company), [[reopen]])
        return None
    if interview is not None and news.why in ("which_event", "which_date", ""):
        return await _ask_about(update, context, news, interview, idle=idle)
    # Which interview: the open ones, to tap.
    settings = await settings_for(context, update)
    place = user_place(d, settings)
    opened = [i for i in await d.store.interviews(settings.user_id) if i.is_open]
    if news.event is Event.HEARD:
        buttons = which_buttons(opened, place.zone, d.clock(), outcome.ACTION, "pick")
    else:
        day = day_arg(news.day)
        buttons = [
            [(f"{i.company} · {local_moment(i.when, place.zone, d.clock())}",
              routes.news_act(news.event.value, i.id, day))]
            for i in opened[:10]
        ]  # fmt: skip
    await reply(update, d.content.text("news.which_interview"), buttons)
    return None


async def _ask_about(
    update: Update, context: Context, news: News, interview: Interview, *, idle: bool
) -> str | None:
    """The interview is known; what happened, or on which day, is not."""
    d = deps(context)
    label = d.content.label
    assert news.event is not None
    if news.event is Event.HEARD:
        if idle:
            return await outcome.ask_outcome(update, context, interview)
        heard = (label("nudge_buttons.heard"), routes.pick_outcome(interview.id))
        await reply(update, d.content.text("news.heard", company=interview.company), [[heard]])
        return None
    if news.event is Event.SENT:
        day = day_arg(news.day)
        buttons = [
            [(label(f"news_buttons.{key}"), routes.news_act(event, interview.id, day))]
            for key, event in (("thank_you", "thank_you_sent"), ("follow_up", "follow_up_sent"))
        ]
        await reply(update, d.content.text("news.which_sent", company=interview.company), buttons)
        return None
    if news.event is Event.MOVED:
        edit = (label("news_buttons.edit"), routes.open_edit(interview.id))
        await reply(update, d.content.text("news.moved_when", company=interview.company), [[edit]])
        return None
    place = user_place(d, await d.store.settings(interview.user_id))
    today = place.day_of(d.clock())
    days = news.days or (today,)
    buttons = [
        [(local_day(day, today), routes.news_act(news.event.value, interview.id, day_arg(day)))]
        for day in days
    ]
    await reply(update, d.content.text("news.which_date"), buttons)
    return None
