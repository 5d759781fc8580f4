"""An invitation pasted, forwarded or sent as a file: read off the event loop, shown on a card,
asked back where it could mean two things, and saved only once the user confirms.

The messages and documents are taken before the dialog (so they work mid-question, leaving the
open question as it was); the card's buttons are entries of the dialog, so that a past interview
goes straight on to its debrief. The card in progress lives in user_data (persisted) under KEY.
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import asdict, replace
from datetime import date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Message, Update
from telegram.error import TelegramError
from telegram.ext import Application, BaseHandler, CallbackQueryHandler, MessageHandler, filters

from followup.core import debrief, timeparse
from followup.core.formatting import local_day, local_moment
from followup.core.invitations import (
    MAX_TEXT,
    Ask,
    Format,
    Person,
    Reading,
    Refusal,
    looks_like_invitation,
    read_document,
    read_text,
)
from followup.core.invitations.ics_reader import MAX_BYTES
from followup.core.invitations.zones import AMBIGUOUS, offset_name, tz_of
from followup.services import invitations
from followup.store.persistence import flush_changes
from handlers import callback_data as cb
from handlers import routes
from handlers.common import Button, Context, Deps, deps, reply, settle_button, user_place
from handlers.debrief_asking import DRAFT, ask_next
from handlers.dialog import Flow, ask_again, current_state

KEY = "invitation"
READ_TIMEOUT = 5.0  # seconds a reading may take before it is abandoned
_TEXT_LIMIT = 100  # a typed company or role


# --- The reading kept between updates ------------------------------------------------------------


def plain(reading: Reading) -> dict[str, Any]:
    """A reading as JSON-ready data, to keep in user_data."""
    data = asdict(reading)
    for key, value in data.items():
        if isinstance(value, datetime | date):
            data[key] = value.isoformat()
        elif isinstance(value, timedelta):
            data[key] = value.total_seconds()
        elif key in ("days", "moments"):
            data[key] = [v.isoformat() for v in value]
        elif key == "interviewers":
            data[key] = [[p["name"], p["title"]] for p in value]
    return data


def unplain(data: dict[str, Any]) -> Reading:
    values = dict(data)
    for key in ("start",):
        values[key] = datetime.fromisoformat(values[key]) if values.get(key) else None
    for key in ("day", "decision"):
        values[key] = date.fromisoformat(values[key]) if values.get(key) else None
    for key in ("duration", "sender_offset"):
        values[key] = timedelta(seconds=values[key]) if values.get(key) is not None else None
    values["days"] = tuple(date.fromisoformat(v) for v in values.get("days", ()))
    values["moments"] = tuple(datetime.fromisoformat(v) for v in values.get("moments", ()))
    values["interviewers"] = tuple(Person(n, t) for n, t in values.get("interviewers", ()))
    values["format"] = Format(values["format"]) if values.get("format") else None
    values["refusal"] = Refusal(values["refusal"]) if values.get("refusal") else None
    values["notes"] = tuple(values.get("notes", ()))
    return Reading(**values)


def _pending(context: Context) -> dict[str, Any] | None:
    held = context.user_data.get(KEY) if context.user_data is not None else None
    return held if isinstance(held, dict) else None


# --- Which messages are ours ---------------------------------------------------------------------


class _Invitation(filters.MessageFilter):
    """A text that reads like an invitation, or the typed fix a card is waiting for."""

    def __init__(self, application: Application) -> None:  # type: ignore[type-arg]
        super().__init__(name="invitation")
        self._application = application

    def filter(self, message: Message) -> bool:
        text = message.text
        if not text or text.startswith("/"):
            return False
        user = message.from_user
        held = self._application.user_data.get(user.id, {}) if user else {}
        pending = held.get(KEY) if isinstance(held, dict) else None
        if isinstance(pending, dict) and pending.get("fix"):
            return True
        return looks_like_invitation(text, forwarded=message.forward_origin is not None)


# --- Reading -------------------------------------------------------------------------------------


async def on_text(update: Update, context: Context) -> None:
    message = update.effective_message
    assert message is not None and message.text is not None
    pending = _pending(context)
    if pending is not None and pending.get("fix"):
        await _typed_fix(update, context, pending, message.text)
        return
    d = deps(context)
    origin = message.forward_origin
    sent = origin.date if origin is not None else None
    now = d.clock()
    await _show(update, context, lambda: read_text(message.text or "", now, sent=sent))


async def on_document(update: Update, context: Context) -> None:
    message = update.effective_message
    assert message is not None and message.document is not None
    d = deps(context)
    document = message.document
    if (document.file_size or 0) > MAX_BYTES:
        await _refuse(update, context, Refusal.TOO_BIG)
        return
    try:
        file = await context.bot.get_file(document.file_id)
        data = bytes(await file.download_as_bytearray())
    except TelegramError:
        await _refuse(update, context, Refusal.BROKEN)
        return
    now = d.clock()
    name = document.file_name or ""
    await _show(update, context, lambda: read_document(name, data[: MAX_BYTES + 1], now))


async def _show(update: Update, context: Context, read: Any) -> None:
    """Read off the event loop (bounded in time), then show the card or the one-line refusal."""
    d = deps(context)
    try:
        reading: Reading = await asyncio.wait_for(asyncio.to_thread(read), READ_TIMEOUT)
    except TimeoutError:
        await reply(update, d.content.text("invitations.slow"))
        await _back_to_question(update, context)
        return
    if reading.refusal is not None:
        await _refuse(update, context, reading.refusal)
        return
    assert context.user_data is not None
    pending = {"token": secrets.token_urlsafe(6), "reading": plain(reading), "fix": None}
    context.user_data[KEY] = pending
    await _card(update, context, pending)


async def _refuse(update: Update, context: Context, why: Refusal) -> None:
    await reply(update, deps(context).content.text(f"invitations.refused_{why.value}"))
    await _back_to_question(update, context)


async def _back_to_question(update: Update, context: Context) -> None:
    if current_state(context) is not None:
        await ask_again(update, context)


# --- The card ------------------------------------------------------------------------------------


async def _zone_of(context: Context, update: Update) -> ZoneInfo:
    d = deps(context)
    assert update.effective_user is not None
    return user_place(d, await d.store.settings(update.effective_user.id)).zone


async def _card(update: Update, context: Context, pending: dict[str, Any]) -> None:
    d = deps(context)
    words = d.content
    reading = unplain(pending["reading"])
    token = pending["token"]
    zone = await _zone_of(context, update)
    now = d.clock()
    asks = reading.asks(zone)
    lines = [words.text("invitations.card_title"), ""]
    unknown = words.text("invitations.card_unknown")
    lines.append(words.text("invitations.card_company", company=reading.company or unknown))
    if reading.role:
        lines.append(words.text("invitations.card_role", role=reading.role))
    moment = reading.moment(zone) if not (reading.days or reading.moments) else None
    if moment is not None:
        lines.append(_when_line(d, moment, reading.zone, zone, now))
    if reading.duration:
        minutes = int(reading.duration.total_seconds() // 60)
        lines.append(words.text("invitations.card_duration", minutes=minutes))
    if reading.format:
        kind = str(words.text(f"invitations.format_{reading.format.value}"))
        how = f"{kind} ({reading.place})" if reading.place else kind
        lines.append(words.text("invitations.card_how", how=how))
    if reading.interviewers:
        people = ", ".join(
            f"{p.name} ({p.title})" if p.title else p.name for p in reading.interviewers
        )
        lines.append(words.text("invitations.card_people", people=people))
    if reading.recruiter:
        lines.append(words.text("invitations.card_recruiter", name=reading.recruiter))
    if reading.via_agency:
        lines.append(words.text("invitations.card_agency", name=reading.agency or "—"))
    if reading.decision:
        today = now.astimezone(zone).date()
        lines.append(
            words.text("invitations.card_decision", day=local_day(reading.decision, today))
        )
    question, buttons = _question(d, reading, asks, token, zone, now)
    await _keep(update, context)
    if (
        not question
        and reading.company
        and moment is not None
        and (reading.cancelled or reading.moved)
    ):
        key = "invitations.card_cancel" if reading.cancelled else "invitations.card_move"
        lines += [
            "",
            words.text(key, company=reading.company, when=local_moment(moment, zone, now)),
        ]
    lines += ["", question or words.text("invitations.card_check")]
    await reply(update, "\n".join(lines), buttons)


async def _keep(update: Update, context: Context) -> None:
    """Write the card's reading now, before it is shown (a restart keeps the card's buttons)."""
    persistence = context.application.persistence
    if persistence is not None and update.effective_user and context.user_data is not None:
        await persistence.update_user_data(update.effective_user.id, context.user_data)
        await flush_changes(context.application)


def _when_line(d: Deps, moment: datetime, stated: str | None, zone: ZoneInfo, now: datetime) -> str:
    """ "When: Tue 15 Dec, 22:00 your time (14:00 in Los Angeles)" when the zones differ."""
    words = d.content
    mine = local_moment(moment, zone, now)
    if stated and moment.utcoffset() != moment.astimezone(zone).utcoffset():
        place = stated.rsplit("/", 1)[-1].replace("_", " ")
        there = moment.astimezone(tz_of(stated)).strftime("%H:%M")
        return words.text("invitations.card_when_there", when=mine, there=there, place=place)
    return words.text("invitations.card_when", when=mine)


def _question(
    d: Deps, reading: Reading, asks: tuple[Ask, ...], token: str, zone: ZoneInfo, now: datetime
) -> tuple[str | None, list[list[Button]]]:
    words = d.content
    buttons = words.label
    if Ask.DAY in asks and reading.start is not None:
        today = now.astimezone(zone).date()
        row = [
            (local_day(day, today), routes.invitation("day", token, str(i)))
            for i, day in enumerate(reading.days)
        ]
        shown = reading.start.date().strftime("%d/%m/%Y")
        return words.text("invitations.ask_day", date=shown), [row, _drop(d, token)]
    if Ask.MOMENT in asks:
        rows = [
            [(local_moment(m.replace(tzinfo=_stated(reading, zone)), zone, now),
              routes.invitation("moment", token, str(i)))]
            for i, m in enumerate(reading.moments)
        ]  # fmt: skip
        return words.text("invitations.ask_moment"), [*rows, _drop(d, token)]
    if Ask.ZONE in asks and reading.start is not None:
        clock = reading.start.strftime("%H:%M")
        row = [(buttons("invitations_buttons.my_time"), routes.invitation("zone", token, "me"))]
        if reading.sender_offset is not None and reading.zone != AMBIGUOUS:
            minutes = int(reading.sender_offset.total_seconds() // 60)
            row.append((buttons("invitations_buttons.their_time"),
                        routes.invitation("zone", token, "them")))  # fmt: skip
            offset = offset_name(minutes)
            text = words.text("invitations.ask_zone_sender", clock=clock, offset=offset)
        else:
            text = words.text("invitations.ask_zone", clock=clock)
        return text, [row, _drop(d, token)]
    rows = [
        [
            (buttons("invitations_buttons.looks_right"), routes.invitation("ok", token)),
            (buttons("invitations_buttons.fix"), routes.invitation("fix", token)),
        ]
    ]
    for ask, key in ((Ask.TIME, "when"), (Ask.DATE, "when"), (Ask.COMPANY, "company")):
        if ask in asks:
            return words.text(f"invitations.ask_{ask.value}"), [
                [(buttons(f"invitations_buttons.{key}"), routes.invitation("field", token, key))],
                _drop(d, token),
            ]
    return None, rows


def _drop(d: Deps, token: str) -> list[Button]:
    return [(d.content.label("invitations_buttons.drop"), routes.invitation("drop", token))]


def _stated(reading: Reading, zone: tzinfo) -> tzinfo:
    return tz_of(reading.zone) if reading.zone and reading.zone != AMBIGUOUS else zone


# --- Buttons -------------------------------------------------------------------------------------


async def on_button(update: Update, context: Context) -> str | int | None:
    """Every button under a card: checked against the card this user has open now."""
    d = deps(context)
    query = update.callback_query
    assert query is not None
    parsed = cb.parse(query.data)
    pending = _pending(context)
    if parsed is None or pending is None or parsed.arg(1) != pending.get("token"):
        await settle_button(update)
        await reply(update, d.content.text("invitations.gone"))
        return None
    verb, arg = parsed.arg(0), parsed.arg(2)
    reading = unplain(pending["reading"])
    await settle_button(update)
    if verb == "drop":
        assert context.user_data is not None
        context.user_data.pop(KEY, None)
        await reply(update, d.content.text("invitations.dropped"))
        await _back_to_question(update, context)
        return None
    if verb == "fix":
        rows = [
            [
                (
                    d.content.label(f"invitations_buttons.{key}"),
                    routes.invitation("field", pending["token"], key),
                )
            ]
            for key in ("company", "role", "when")
        ]
        await reply(
            update, d.content.text("invitations.ask_what"), [*rows, _drop(d, pending["token"])]
        )
        return None
    if verb == "field" and arg in ("company", "role", "when"):
        pending["fix"] = arg
        key = "ask_date" if arg == "when" else f"ask_{arg}"
        await reply(update, d.content.text(f"invitations.{key}"))
        return None
    if verb == "day" and arg is not None and arg.isdigit() and int(arg) < len(reading.days):
        assert reading.start is not None
        chosen = reading.days[int(arg)]
        reading = replace(reading, start=datetime.combine(chosen, reading.start.time()), days=())
    elif verb == "moment" and arg is not None and arg.isdigit() and int(arg) < len(reading.moments):
        reading = replace(reading, start=reading.moments[int(arg)], moments=())
    elif verb == "zone" and arg in ("me", "them"):
        if arg == "them" and reading.sender_offset is not None:
            zone_name = offset_name(int(reading.sender_offset.total_seconds() // 60))
            reading = replace(reading, zone=zone_name, sender_offset=None)
        else:
            reading = replace(reading, zone=None, sender_offset=None)
    elif verb == "ok":
        return await _confirm(update, context, reading)
    pending["reading"] = plain(reading)
    await _card(update, context, pending)
    return None


async def _typed_fix(update: Update, context: Context, pending: dict[str, Any], text: str) -> None:
    d = deps(context)
    reading = unplain(pending["reading"])
    field = pending.get("fix")
    text = text.strip()
    if field in ("company", "role"):
        if not text or len(text) > _TEXT_LIMIT:
            await reply(update, d.content.text("invitations.text_bad"))
            return
        reading = (
            replace(reading, company=text) if field == "company" else replace(reading, role=text)
        )
    else:
        zone = await _zone_of(context, update)
        now = d.clock()
        on_day = reading.day
        parsed = timeparse.read_moment(text, zone, now, on_day=on_day, tense="future")
        if len(parsed.choices) != 1 or not parsed.choices[0].has_time:
            await reply(update, d.content.text("invitations.time_bad"))
            return
        local = parsed.choices[0].when.astimezone(zone)
        reading = replace(reading, start=local.replace(tzinfo=None), zone=None, day=None,
                          days=(), moments=(), sender_offset=None)  # fmt: skip
    pending["fix"] = None
    pending["reading"] = plain(reading)
    await _card(update, context, pending)


async def _confirm(update: Update, context: Context, reading: Reading) -> str | int | None:
    d = deps(context)
    assert update.effective_user is not None and context.user_data is not None
    zone = await _zone_of(context, update)
    invited = invitations.confirmed(reading, zone)
    if invited is None:
        pending = _pending(context)
        assert pending is not None
        await _card(update, context, pending)
        return None
    applied = await invitations.apply(d.ports, update.effective_user.id, invited)
    context.user_data.pop(KEY, None)
    now = d.clock()
    interview = applied.interview
    company = interview.company if interview else invited.company
    when = local_moment(interview.when if interview else invited.when, zone, now)
    result = applied.result
    if result is invitations.Result.CREATED and interview is not None and interview.when <= now:
        await reply(update, d.content.text("invitations.saved_past", company=company, when=when))
        context.user_data[DRAFT] = debrief.draft_for(interview)
        return await ask_next(update, context)
    if result is invitations.Result.CREATED:
        text = d.content.text("invitations.saved", company=company, when=when)
    elif result is invitations.Result.MOVED:
        text = d.content.text("invitations.moved", company=company, when=when)
    else:
        text = d.content.text(f"invitations.{result.value}", company=company, when=when)
    await reply(update, text)
    await _back_to_question(update, context)
    return None


# --- Registration --------------------------------------------------------------------------------


def build_invitation_handlers(application: Application) -> list[BaseHandler]:  # type: ignore[type-arg]
    """Messages and documents, taken before the dialog (registered first in group 0)."""
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    return [
        MessageHandler(text & _Invitation(application), on_text),
        MessageHandler(filters.UpdateType.MESSAGE & filters.Document.ALL, on_document),
    ]


def build_invitation_flow() -> Flow:
    """The card's buttons, entries of the dialog: a past interview goes on to its debrief."""
    return Flow(
        entry_points=[CallbackQueryHandler(on_button, pattern=cb.pattern(routes.INVITATION))]
    )


__all__ = ["KEY", "MAX_TEXT", "build_invitation_flow", "build_invitation_handlers"]
