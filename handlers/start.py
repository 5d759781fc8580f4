"""/start and /help: say what the bot does, settle where the user is, offer to log an interview."""

from __future__ import annotations

import asyncio
import re

from telegram import BotCommand, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from content import Content
from followup.core.language import speaking
from handlers import callback_data as cb
from handlers import first_step, routes, timezone
from handlers.common import Context, deps, reply, settings_for
from handlers.dialog import Flow
from handlers.language import language_buttons

# The menu Telegram shows; order is the order users see.
MENU = (
    "new", "status", "chase", "heard", "timezone", "country", "name", "language", "pause",
    "resume", "board", "digest", "calendar", "export", "forget", "cancel", "help",
)  # fmt: skip

# A message that is only a greeting ("hi", "Hello! 👋") is answered like /start: the terminal chat
# has no Start button, and on Telegram a cleared chat starts with whatever the user types.
GREETING = re.compile(
    # a last letter held down ("holaa", "heyyy", "приветт") is still a greeting
    r"^\W*(?:hi+|hello+|hey+|hiya+|good (?:morning|afternoon|evening)|hola+|buenas+"
    r"(?: tardes| noches)?|buenos d[ií]as|hallo+|guten (?:morgen|tag|abend)|servus|moin+"
    r"|gr[üu](?:ß|ss) gott|привет+|здравствуйте|добрый (?:день|вечер)|доброе утро)(?: there)?\W*$",
    re.IGNORECASE,
)


async def welcome(update: Update, context: Context) -> str | int | None:
    """/start (or a plain "hi"): who the bot is; where the user is (first time); the offer."""
    content = deps(context).content
    settings = await settings_for(context, update)  # first contact creates the user's settings
    user = update.effective_user
    name = user.first_name if user and user.first_name else ""
    key = "start.welcome" if name else "start.welcome_anonymous"
    text = f"{content.text(key, name=name)}\n{content.text('language.welcome_hint')}"
    await reply(update, text, language_buttons(speaking(), deps(context).library.languages))
    if not settings.zone_confirmed:
        assert context.user_data is not None
        context.user_data[first_step.THEN_OFFER] = True
        return await timezone.ask_first(update, context)
    await first_step.offer(update, context)
    return None


async def show_help(update: Update, context: Context) -> None:
    """/help: the commands, with the user's current time zone and signature."""
    d = deps(context)
    settings = await settings_for(context, update)
    await reply(update, d.content.text("help.text", zone=settings.timezone))


def menu_commands(content: Content) -> list[BotCommand]:
    """The commands registered with Telegram so its menu shows them."""
    return [BotCommand(name, content.label(f"commands.{name}")) for name in MENU]


async def register_menu(application: Application) -> None:  # type: ignore[type-arg]
    """Called at start: publish the command menu and what the empty chat screen says.

    Once per language, for users whose Telegram is set to it, and once more without a language
    for everyone else (in the operator's default language).
    """
    d = application.bot_data["deps"]
    bot = application.bot

    async def publish(code: str | None) -> None:
        content = d.library[code or d.default_language]
        await bot.set_my_commands(menu_commands(content), language_code=code)
        await bot.set_my_description(content.label("about.description"), language_code=code)
        await bot.set_my_short_description(
            content.label("about.short_description"), language_code=code
        )

    # The languages side by side (start-up waits for one round of calls, not five); the default
    # menu last, so what a fresh client sees is never overwritten by a language's.
    await asyncio.gather(*(publish(code) for code in d.library.languages))
    await publish(None)


def build_start_flow() -> Flow:
    """/start is a flow: the first time, it goes on to ask where the user is."""
    greeting = filters.UpdateType.MESSAGE & filters.TEXT & filters.Regex(GREETING)
    return Flow(
        entry_points=[CommandHandler("start", welcome)],
        idle_only=[MessageHandler(greeting, welcome)],
    )


def build_start_handlers() -> list[CommandHandler | CallbackQueryHandler]:  # type: ignore[type-arg]
    return [
        CommandHandler("help", show_help),
        CallbackQueryHandler(first_step.later, pattern=cb.pattern(routes.START, "later")),
    ]
