"""How drafts are signed: asked before the first draft (first name one tap), changed by /name."""

from __future__ import annotations

from telegram import Update

from followup.core.answers import has_words
from followup.core.notes import person_name
from followup.services import settings as user_settings
from handlers import callback_data as cb
from handlers import routes
from handlers.common import Context, deps, lead_in, reply, settings_for
from handlers.counter_offer import COUNTER_FIGURE
from handlers.dialog import come_back, detour_to
from handlers.draft_kinds import SHOW

SIGN = "sign:ask"
PENDING = "draft_after_sign"  # the draft button pressed before we knew the name
NAME_LIMIT = 60


async def ask_name(update: Update, context: Context) -> None:
    """ "How should I sign your emails?", with their Telegram first name as one tap."""
    d = deps(context)
    user = update.effective_user
    buttons = []
    if user is not None and user.first_name:
        buttons = [[(user.first_name[:NAME_LIMIT], cb.build(routes.SIGN, "first"))]]
    settings = await settings_for(context, update)
    current = settings.sender_name
    key = "drafting.ask_name_again" if current else "drafting.ask_name"
    if not buttons:  # no first name to offer (a terminal account without one): typing only
        key += "_typed"
    await reply(update, d.content.text(key, name=current or ""), buttons or None)


async def start_name(update: Update, context: Context) -> str:
    """/name: change how drafts are signed."""
    await ask_name(update, context)
    return detour_to(context, SIGN)


async def typed_name(update: Update, context: Context) -> str | int:
    assert update.message is not None and update.message.text is not None
    name = " ".join(update.message.text.split())
    if not name or len(name) > NAME_LIMIT:
        await reply(update, deps(context).content.text("drafting.name_bad", limit=NAME_LIMIT))
        return SIGN
    if not has_words(name):
        await reply(update, deps(context).content.text("drafting.name_no_letters"))
        return SIGN
    return await _save_name(update, context, person_name(name))


async def first_name_button(update: Update, context: Context) -> str | int:
    user = update.effective_user
    query = update.callback_query
    assert user is not None and query is not None
    await query.answer()
    return await _save_name(update, context, user.first_name[:NAME_LIMIT])


async def _save_name(update: Update, context: Context, name: str) -> str | int:
    """Keep the name, show the draft that was waiting for it, and go back to any open question."""
    d = deps(context)
    settings = await settings_for(context, update)
    await user_settings.set_sender_name(d.ports, settings, name)
    await lead_in(update, d.content.text("drafting.name_saved", name=name))
    assert context.user_data is not None
    pending = context.user_data.pop(PENDING, None)
    parsed = cb.parse(pending)
    if parsed is not None and update.effective_user is not None:
        interview = await d.store.interview(update.effective_user.id, parsed.arg(1) or "")
        if interview is not None and parsed.arg(0) in SHOW:
            shown = await SHOW[parsed.arg(0) or ""](update, context, interview, parsed.args[2:])
            if shown == COUNTER_FIGURE:
                return shown  # the detour goes on to that question, and comes back after it
    return await come_back(update, context)
