"""A message that is only a company's name ("initech"), understood instead of shrugged at."""

from __future__ import annotations

from telegram import Update

from followup.core.model import same_company
from handlers import chase
from handlers.choose import Meant
from handlers.common import Context, deps, settings_for, user_place

MAX_NAME_CHARS = 60  # a company's name alone; longer is a sentence
MAX_NAME_WORDS = 4  # "Acme Widgets Europe Ltd"


async def company_alone(update: Update, context: Context) -> bool:
    """A message that is only a company's name ("initech"): for one logged, the answer to
    "should I follow up?"; for one just offered to be logged, that offer again. False when the
    message is not a company's name."""
    message = update.message
    text = " ".join((message.text or "").split()) if message else ""
    if not text or len(text) > MAX_NAME_CHARS or len(text.split()) > MAX_NAME_WORDS:
        return False
    d = deps(context)
    settings = await settings_for(context, update)
    place = user_place(d, settings)
    interviews = await d.store.interviews(settings.user_id)  # newest first
    named = [i for i in interviews if same_company(i.company, text)]
    if named:
        still_open = [i for i in named if i.is_open]
        await chase.answer(update, d, (still_open or named)[0], place, many=len(still_open) > 1)
        return True
    offered = context.user_data.get(chase.OFFERED_COMPANY) if context.user_data else None
    if isinstance(offered, str) and same_company(offered, text):
        found = Meant(None, [i for i in interviews if i.is_open], unknown_name=offered)
        await chase.explain_not_found(update, context, found, place, "ask", "chase")
        return True
    return False
