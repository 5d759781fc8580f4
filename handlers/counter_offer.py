"""The counter-offer: the points to ask for, picked with buttons, and the salary figure typed.

The picks travel in the buttons' payloads ("sd" = salary and start date), so nothing waits in
the conversation while the user ticks them. With the salary picked, the figure is asked for: a
figure the user types goes in the draft; "I'll fill it in" leaves a gap. It is never guessed.
"""

from __future__ import annotations

from typing import Any

from telegram import Message, Update
from telegram.ext import BaseHandler, MessageHandler, filters

from followup.core import offer_drafts
from followup.core.model import Interview
from followup.core.offer_drafts import FIGURE_LIMIT, CounterAsk
from handlers import callback_data as cb
from handlers import routes
from handlers.common import Button, Context, Deps, deps, keyboard, reply, settings_for
from handlers.dialog import come_back, current_state
from handlers.draft_view import send_offer_answer, templates

COUNTER_FIGURE = "counter:figure"  # the salary figure for a counter-offer, typed
COUNTER = "counter_draft"  # user_data: the interview and the picks, while the figure is asked
BLANK, GO = "blank", "go"


async def show_counter(
    update: Update, context: Context, interview: Interview, extra: tuple[str, ...] = ()
) -> str | int | None:
    """The picker; "Write it" writes the draft, or first asks the figure when salary is picked."""
    d = deps(context)
    letters = extra[0] if extra else "x"
    picked = [ask for ask in CounterAsk if ask.value in letters]
    step = extra[1] if len(extra) > 1 else None
    if step not in (GO, BLANK):
        await _picker(update, d, interview, picked)
        return None
    if step == GO and (CounterAsk.SALARY in picked or not picked):
        assert context.user_data is not None
        context.user_data[COUNTER] = {"interview_id": interview.id, "picks": letters}
        await _ask_figure(update, d, interview, letters)
        return COUNTER_FIGURE
    await _write(update, context, interview, picked, None)
    if step == BLANK and current_state(context) == COUNTER_FIGURE:
        assert context.user_data is not None
        context.user_data.pop(COUNTER, None)
        return await come_back(update, context)  # the figure question is answered
    return None


async def _write(
    update: Update,
    context: Context,
    interview: Interview,
    picked: list[CounterAsk],
    figure: str | None,
) -> None:
    d = deps(context)
    settings = await settings_for(context, update)
    draft = offer_drafts.counter_offer(
        interview, templates(d, interview), picked, figure=figure, sender=settings.sender_name
    )
    await send_offer_answer(update, d, "counter", "drafting.counter", interview, draft)


async def _ask_figure(update: Update, d: Deps, interview: Interview, letters: str) -> None:
    blank = cb.build(routes.DRAFT, "counter", interview.id, letters, BLANK)
    buttons = [[(d.content.label("drafting_buttons.figure_blank"), blank)]]
    await reply(update, d.content.text("drafting.ask_figure", company=interview.company), buttons)


async def typed_figure(update: Update, context: Context) -> str | int:
    """The salary they will ask for, as they wrote it ("£55,000", "62k"): it needs a number."""
    d = deps(context)
    assert update.message is not None and update.message.text is not None
    assert context.user_data is not None and update.effective_user is not None
    figure = " ".join(update.message.text.split())
    if not any(ch.isdigit() for ch in figure) or len(figure) > FIGURE_LIMIT:
        await reply(update, d.content.text("drafting.figure_bad", limit=FIGURE_LIMIT))
        return COUNTER_FIGURE
    waiting: dict[str, Any] = context.user_data.pop(COUNTER, None) or {}
    interview = await d.store.interview(
        update.effective_user.id, str(waiting.get("interview_id", ""))
    )
    if interview is not None:
        picks = str(waiting.get("picks", ""))
        picked = [ask for ask in CounterAsk if ask.value in picks] or [CounterAsk.SALARY]
        await _write(update, context, interview, picked, figure)
    return await come_back(update, context)


async def reask_figure(update: Update, context: Context) -> None:
    await reply(update, deps(context).content.text("drafting.ask_figure_again"))


def build_counter_states() -> dict[str, list[BaseHandler]]:  # type: ignore[type-arg]
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    # "I'll fill it in myself" is a draft button like any other: the drafting flow answers it.
    return {COUNTER_FIGURE: [MessageHandler(text, typed_figure)]}


async def _picker(update: Update, d: Deps, interview: Interview, picked: list[CounterAsk]) -> None:
    """The points as buttons, ticked when picked; a tap on the picker edits it in place."""
    tick = d.content.label("drafting_buttons.picked")

    def payload(chosen: list[CounterAsk], *more: str) -> str:
        letters = "".join(a.value for a in CounterAsk if a in chosen) or "x"
        return cb.build(routes.DRAFT, "counter", interview.id, letters, *more)

    rows: list[list[Button]] = []
    for ask in CounterAsk:
        label = d.content.label(f"drafting_buttons.counter_{ask.value}")
        toggled = [a for a in picked if a is not ask] if ask in picked else [*picked, ask]
        rows.append([(f"{tick} {label}" if ask in picked else label, payload(toggled))])
    rows.append([(d.content.label("drafting_buttons.counter_go"), payload(picked, GO))])
    query = update.callback_query
    message = query.message if query is not None else None
    parsed = cb.parse(query.data) if query is not None else None
    on_picker = parsed is not None and len(parsed.args) > 2
    if isinstance(message, Message) and message.text is not None and on_picker:
        await message.edit_text(message.text_html, reply_markup=keyboard(rows))
        return
    text = d.content.text("drafting.counter_pick", company=interview.company)
    await reply(update, text, rows)
