"""Where the user is: their time zone (a zone name, a city, or the time on their clock), then the
country whose public holidays their working days follow.

Asked at first use, before the first time question; /timezone and /country change it at any
moment, mid-question included, and return to the question that was open. A new zone keeps the
times the user typed as they typed them and re-plans every nudge.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from followup.core import countries
from followup.core.formatting import clock_time
from followup.core.timeparse import names_a_day
from followup.services import settings as user_settings
from handlers import callback_data as cb
from handlers import first_step, routes
from handlers.common import (
    Button,
    Context,
    deps,
    lead_in,
    reply,
    settings_for,
    settle_button,
)
from handlers.dialog import END, RETURN_TO, Flow, come_back, current_state, detour_to
from handlers.fallback import unclaimed_button

ASK_ZONE, PICK_ZONE, PICK_COUNTRY, ASK_COUNTRY = (
    "zone:ask",
    "zone:pick",
    "zone:country",
    "zone:typed_country",
)
ACTION = routes.TIMEZONE
CHOICES = "zone_choices"
COUNTRY_CHOICES = "country_choices"
NO_HOLIDAYS = "none"


async def ask_first(update: Update, context: Context, back: str | None = None) -> str:
    """Ask where the user is before anything depends on it; come back to `back` afterwards."""
    await ask_zone_question(update, context)
    return detour_to(context, ASK_ZONE, back)


async def ask_zone_question(update: Update, context: Context) -> None:
    """ "Where are you?", with a button to keep the zone in use."""
    d = deps(context)
    zone = (await settings_for(context, update)).timezone
    keep = d.content.label("zone_buttons.keep").format(zone=zone)
    await reply(
        update, d.content.text("timezone.ask", zone=zone), [[(keep, cb.build(ACTION, "keep"))]]
    )


async def start_zone(update: Update, context: Context) -> str | int:
    """/timezone [answer]: read the answer if given, else ask where the user is."""
    if context.args:
        detour_to(context, ASK_ZONE)  # a one-line answer still comes back to an open question
        return await read_zone(update, context, " ".join(context.args))
    await ask_zone_question(update, context)
    return detour_to(context, ASK_ZONE)


async def typed_zone(update: Update, context: Context) -> str | int:
    """A typed answer to "where are you?"."""
    assert update.message is not None and update.message.text is not None
    return await read_zone(update, context, update.message.text)


async def read_zone(update: Update, context: Context, text: str) -> str | int:
    """Match the answer to zones: save a single match, offer buttons for several."""
    d = deps(context)
    assert context.user_data is not None
    if names_a_day(text):
        await reply(update, d.content.text("timezone.a_day"))
        return PICK_ZONE if context.user_data.get(CHOICES) else ASK_ZONE
    matches = d.zones.resolve(text, d.clock())
    if not matches:
        await reply(update, d.content.text("timezone.bad", answer=text.strip()))
        # Choices shown before stay valid: the user may still tap one.
        return PICK_ZONE if context.user_data.get(CHOICES) else ASK_ZONE
    if len(matches) == 1 and matches[0].sure:
        return await save_zone(update, context, matches[0].name)
    context.user_data[CHOICES] = [m.name for m in matches]
    buttons = [[(m.label, cb.build(ACTION, "pick", i))] for i, m in enumerate(matches)]
    key = "timezone.choose" if len(matches) > 1 else "timezone.confirm"
    await reply(update, d.content.text(key), buttons)
    return PICK_ZONE


async def pick_zone(update: Update, context: Context) -> str | int | None:
    """A button from the list of matching zones."""
    assert update.callback_query is not None and context.user_data is not None
    parsed = cb.parse(update.callback_query.data)
    choices: list[str] = context.user_data.get(CHOICES, [])
    index = parsed.arg(1) if parsed else None
    if index is None or not index.isdigit() or int(index) >= len(choices):
        await unclaimed_button(update, context)
        return None
    name = choices[int(index)]
    await settle_button(update, name)
    return await save_zone(update, context, name)


async def keep_zone(update: Update, context: Context) -> str | int:
    """ "Keep UTC": the zone in use is right."""
    await settle_button(update)
    return await save_zone(update, context, (await settings_for(context, update)).timezone)


async def save_zone(update: Update, context: Context, name: str) -> str | int:
    """Store the zone, show it back with the local time, then settle the country."""
    d = deps(context)
    settings = await settings_for(context, update)
    await user_settings.set_zone(d.ports, settings, name)
    if context.user_data is not None:
        context.user_data.pop(CHOICES, None)
    local_time = clock_time(d.clock(), ZoneInfo(name))
    await lead_in(update, d.content.text("timezone.saved", zone=name, local_time=local_time))
    proposal = countries.propose(name)
    if proposal is None or (settings.country or "").split("-")[0] == proposal.country:
        return await _done(update, context)
    return await ask_country(update, context, proposal)


async def ask_country(
    update: Update, context: Context, proposal: countries.Proposal | None = None
) -> str:
    """ "Which public holidays?": the likeliest country first, its regions, another, none."""
    d = deps(context)
    options: list[tuple[str, str]] = []
    if proposal is not None:
        options = [(proposal.code, proposal.label), *proposal.alternatives]
    assert context.user_data is not None
    context.user_data[COUNTRY_CHOICES] = [code for code, _ in options]
    buttons: list[list[Button]] = [
        [(label, cb.build(ACTION, "country", i))] for i, (_, label) in enumerate(options)
    ]
    buttons.append([(d.content.label("zone_buttons.other_country"), cb.build(ACTION, "other"))])
    buttons.append(
        [(d.content.label("zone_buttons.no_holidays"), cb.build(ACTION, "country", "none"))]
    )
    key = "timezone.ask_country" if proposal is not None else "timezone.ask_country_open"
    await reply(update, d.content.text(key), buttons)
    return PICK_COUNTRY


async def start_country(update: Update, context: Context) -> str:
    """/country: change whose public holidays count."""
    d = deps(context)
    settings = await settings_for(context, update)
    chosen = settings.country not in (None, NO_HOLIDAYS)  # "none" names no country to show
    current = countries.label(settings.country) if chosen and settings.country else None
    if current:
        await reply(update, d.content.text("timezone.country_now", country=current))
    state = await ask_country(update, context, countries.propose(settings.timezone))
    return detour_to(context, state)


async def pick_country(update: Update, context: Context) -> str | int | None:
    """A country button (or "don't use holidays")."""
    assert update.callback_query is not None and context.user_data is not None
    parsed = cb.parse(update.callback_query.data)
    choices: list[str] = context.user_data.get(COUNTRY_CHOICES, [])
    index = parsed.arg(1) if parsed else None
    if index == "none":
        code = NO_HOLIDAYS
    elif index is not None and index.isdigit() and int(index) < len(choices):
        code = choices[int(index)]
    else:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    return await save_country(update, context, code)


async def other_country(update: Update, context: Context) -> str:
    await settle_button(update)
    await reply(update, deps(context).content.text("timezone.type_country"))
    return ASK_COUNTRY


async def typed_country(update: Update, context: Context) -> str | int:
    """A typed country or region: one match is saved, several are offered as buttons."""
    assert update.message is not None and update.message.text is not None
    d = deps(context)
    found = countries.read_country(update.message.text)
    if not found:
        # A typo keeps the question open as it was: the country buttons above still work.
        assert context.user_data is not None
        offered = (
            bool(context.user_data.get(COUNTRY_CHOICES)) or current_state(context) == PICK_COUNTRY
        )
        key = "timezone.country_bad_tap" if offered else "timezone.country_bad"
        await reply(update, d.content.text(key, answer=update.message.text.strip()))
        return PICK_COUNTRY if offered else ASK_COUNTRY
    if len(found) == 1:
        return await save_country(update, context, found[0][0])
    assert context.user_data is not None
    context.user_data[COUNTRY_CHOICES] = [code for code, _ in found]
    buttons: list[list[Button]] = [
        [(label, cb.build(ACTION, "country", i))] for i, (_, label) in enumerate(found[:8])
    ]
    await reply(update, d.content.text("timezone.country_choose"), buttons)
    return PICK_COUNTRY


async def save_country(update: Update, context: Context, code: str) -> str | int:
    """Keep the calendar choice and re-plan: working days may have moved."""
    d = deps(context)
    settings = await settings_for(context, update)
    await user_settings.set_country(d.ports, settings, code)
    if context.user_data is not None:
        context.user_data.pop(COUNTRY_CHOICES, None)
    if code == NO_HOLIDAYS:
        await lead_in(update, d.content.text("timezone.no_holidays"))
    else:
        saved = d.content.text("timezone.country_saved", country=countries.label(code))
        await lead_in(update, saved)
    return await _done(update, context)


async def _done(update: Update, context: Context) -> str | int:
    """Back to the question the zone interrupted, or on to logging an interview after /start."""
    assert context.user_data is not None
    # The offer ends the welcome; if a question is waiting (a /new typed before the zone was
    # settled), that question comes back instead.
    if context.user_data.pop(first_step.THEN_OFFER, False) and RETURN_TO not in context.user_data:
        await first_step.offer(update, context)
    return await come_back(update, context)


async def forget_choices(update: Update, context: Context) -> None:
    """/cancel while choosing: keep what was set before."""
    if context.user_data is not None:
        for key in (CHOICES, COUNTRY_CHOICES, first_step.THEN_OFFER):
            context.user_data.pop(key, None)


async def _reask_country(update: Update, context: Context) -> None:
    zone = (await settings_for(context, update)).timezone
    await ask_country(update, context, countries.propose(zone))


async def _reask_typed_country(update: Update, context: Context) -> None:
    await reply(update, deps(context).content.text("timezone.type_country"))


def build_timezone_flow() -> Flow:
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    keep = CallbackQueryHandler(keep_zone, pattern=cb.pattern(ACTION, "keep"))
    return Flow(
        entry_points=[
            CommandHandler("timezone", start_zone),
            CommandHandler("country", start_country),
        ],
        states={
            ASK_ZONE: [MessageHandler(text, typed_zone), keep],
            PICK_ZONE: [
                CallbackQueryHandler(pick_zone, pattern=cb.pattern(ACTION, "pick")),
                MessageHandler(text, typed_zone),
                keep,
            ],
            PICK_COUNTRY: [
                CallbackQueryHandler(pick_country, pattern=cb.pattern(ACTION, "country")),
                CallbackQueryHandler(other_country, pattern=cb.pattern(ACTION, "other")),
                MessageHandler(text, typed_country),
            ],
            ASK_COUNTRY: [
                MessageHandler(text, typed_country),
                # The buttons of the country question stay valid after "another country".
                CallbackQueryHandler(pick_country, pattern=cb.pattern(ACTION, "country")),
            ],
        },
        reask={
            ASK_ZONE: ask_zone_question,
            PICK_ZONE: ask_zone_question,
            PICK_COUNTRY: _reask_country,
            ASK_COUNTRY: _reask_typed_country,
        },
        on_cancel=forget_choices,
    )


__all__ = ["END", "ask_first", "build_timezone_flow"]
