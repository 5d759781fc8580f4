"""The language the bot speaks: taken from Telegram at first contact, changed with /language.

Every update is answered in the user's stored language (or, before they have settings, the one
their Telegram app is set to, if the bot speaks it). The choice is a button: tapping one answers
in the new language at once, and the question that was open is asked again in it.
"""

from __future__ import annotations

from dataclasses import replace

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, TypeHandler

from followup.core.language import NATIVE_NAMES, set_speaking, speaking
from followup.services import interviews
from followup.services import settings as user_settings
from handlers import callback_data as cb
from handlers import routes
from handlers.common import (
    Button,
    Context,
    deps,
    first_language,
    lead_in,
    reply,
    settings_for,
    settle_button,
)  # fmt: skip
from handlers.dialog import ask_again
from handlers.draft_kinds import SHOW


async def meet_the_user(update: Update, context: Context) -> None:
    """Before any handler, with the user's settings read once: speak their language for the rest
    of this update, and welcome back a user who had blocked the bot (their nudges resume)."""
    user = update.effective_user
    if user is None:
        return
    d = deps(context)
    settings = await d.store.settings(user.id)
    if settings is None:
        set_speaking(first_language(d, user.language_code))
        return
    set_speaking(settings.language)
    await user_settings.come_back(d.ports, settings)


def language_buttons(current: str, languages: tuple[str, ...]) -> list[list[Button]]:
    """One button per other language, named in itself ("Deutsch"), two to a row."""
    others = [(f"🌐 {NATIVE_NAMES.get(code, code)}", routes.speak(code))
              for code in languages if code != current]  # fmt: skip
    return [others[i : i + 2] for i in range(0, len(others), 2)]


async def choose_language(update: Update, context: Context) -> None:
    """/language: which language the bot speaks now, and the others to switch to."""
    d = deps(context)
    await settings_for(context, update)
    current = speaking()
    await reply(
        update, d.content.text("language.current"), language_buttons(current, d.library.languages)
    )


async def switch_language(update: Update, context: Context) -> None:
    """A language button: speak it from now on, say so in it, and re-ask any open question."""
    d = deps(context)
    data = cb.parse(update.callback_query.data if update.callback_query else None)
    chosen = data.arg(1) if data is not None else None
    if chosen not in d.library.languages:
        await settle_button(update)
        await reply(update, d.content.text("fallback.unknown_button"))
        return
    await settle_button(update)
    settings = await settings_for(context, update)
    if settings.language != chosen:
        await d.store.save_settings(replace(settings, language=chosen))
    set_speaking(chosen)
    await reply(update, d.content.text("language.saved"))
    await ask_again(update, context)


async def draft_in_language(update: Update, context: Context) -> None:
    """ "✉️ Deutsch" under a draft: this employer's emails in that language, this one again now."""
    d = deps(context)
    data = cb.parse(update.callback_query.data if update.callback_query else None)
    user = update.effective_user
    chosen, kind = (data.arg(1), data.arg(2)) if data is not None else (None, None)
    interview = (
        await interviews.find(d.ports, user.id, data.arg(3) or "") if data and user else None
    )
    if interview is None or chosen not in d.library.languages or kind not in SHOW:
        await settle_button(update)
        await reply(update, d.content.text("fallback.unknown_button"))
        return
    await settle_button(update)
    interview = await interviews.set_draft_language(d.ports, interview, chosen)
    name = NATIVE_NAMES.get(chosen, chosen)
    saved = d.content.text("language.draft_saved", company=interview.company, name=name)
    await lead_in(update, saved)
    await SHOW[kind](update, context, interview, ())


def build_language_hook() -> TypeHandler:  # type: ignore[type-arg]
    return TypeHandler(Update, meet_the_user)


def build_language_handlers() -> list[CommandHandler | CallbackQueryHandler]:  # type: ignore[type-arg]
    return [
        CommandHandler("language", choose_language),
        CallbackQueryHandler(switch_language, pattern=cb.pattern(routes.LANGUAGE, "speak")),
        CallbackQueryHandler(draft_in_language, pattern=cb.pattern(routes.LANGUAGE, "draft")),
    ]
