"""/board (a picture of the open interviews), the weekly card, and /digest on|off.

The picture is drawn from followup/core/board.py's data in a worker thread with a time limit
(followup/ops/board_picture.py); its caption carries the same facts in text, with the next
step of each interview worded and dated exactly as /status words it. A picture that cannot be
drawn in time is replaced by its caption, as a message. The weekly card is the same picture with
a short kind line, sent from the nudge queue (see followup/core/weekly.py for its record).
"""

from __future__ import annotations

import html
import logging
from dataclasses import replace

from telegram import InputFile, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from followup.core import board as boards
from followup.core.language import speaking_in
from followup.core.model import Nudge, NudgeKind
from followup.core.weekly import kind_line
from followup.ops import board_picture
from followup.ops.metrics import SENT, SKIPPED, record_nudge
from followup.services import weekly
from handlers import callback_data as cb
from handlers import nudges, routes
from handlers.common import Button, Context, Deps, deps, keyboard, reply, settings_for

log = logging.getLogger(__name__)
CAPTION_LIMIT = 1024
PICTURE_NAME = "board.png"


def _plain(d: Deps) -> boards.Say:
    """The words as plain text, for the picture (content gives HTML-escaped values)."""
    content = d.content

    def say(key: str, **values: object) -> str:
        return html.unescape(content.text(key, **values))

    return say


def _compose(d: Deps, seen: weekly.Picture, *, card: bool = False) -> boards.Board:
    """The board of what `seen` holds, in the language being spoken."""
    board = boards.build_board(
        seen.interviews, seen.records, seen.place, seen.now, _plain(d), last_week=card
    )
    if card:
        line = kind_line(
            seen.last_week, seen.interviews, seen.records, seen.place, seen.now, _plain(d)
        )
        board = replace(board, kind_line=line)
    return board


async def _picture(board: boards.Board) -> bytes | None:
    """The PNG, or None when it could not be drawn in time (the caption goes alone)."""
    try:
        return (await board_picture.render(board, board_picture.TIME_LIMIT)).png
    except TimeoutError:
        log.warning("the board took too long to draw; sending its caption as text")
    except Exception:
        log.exception("the board could not be drawn; sending its caption as text")
    return None


async def show_board(update: Update, context: Context) -> None:
    """/board: the picture of the user's open interviews, its facts in the caption."""
    d = deps(context)
    settings = await settings_for(context, update)
    seen = await weekly.picture(d.ports, settings.user_id)
    board = _compose(d, seen)
    text = boards.caption(board, d.content.text, CAPTION_LIMIT)
    png = await _picture(board)
    chat = update.effective_chat
    assert chat is not None
    if png is None:
        await reply(update, d.content.text("board.too_slow") + "\n\n" + text)
        return
    await chat.send_photo(InputFile(png, filename=PICTURE_NAME), caption=text)


def _digest_button(d: Deps, on: bool) -> list[list[Button]]:
    if on:
        return [[(d.content.label("weekly_buttons.turn_off"), routes.digest("off"))]]
    return [[(d.content.label("weekly_buttons.turn_on"), routes.digest("on"))]]


async def digest(update: Update, context: Context) -> None:
    """/digest on|off; alone, says whether the card is on, with a button to switch."""
    d = deps(context)
    settings = await settings_for(context, update)
    words = context.args or []
    choice = words[0].casefold() if words else ""
    if choice in ("on", "off"):
        changed = await weekly.set_digest(d.ports, settings, choice == "on")
        key = "weekly.digest_now_on" if changed.digest else "weekly.digest_now_off"
        await reply(update, d.content.text(key))
        return
    if choice:
        await reply(update, d.content.text("weekly.digest_usage"))
        return
    key = "weekly.digest_on" if settings.digest else "weekly.digest_off"
    await reply(update, d.content.text(key), _digest_button(d, settings.digest))


async def digest_button(update: Update, context: Context) -> None:
    """The button under a card (or under /digest): only ever the presser's own setting."""
    d = deps(context)
    query = update.callback_query
    assert query is not None
    parsed = cb.parse(query.data)
    choice = parsed.arg(1) if parsed else None
    if choice not in ("on", "off"):
        await query.answer(d.content.label("fallback.unknown_button"))
        return
    settings = await settings_for(context, update)
    changed = await weekly.set_digest(d.ports, settings, choice == "on")
    await query.answer()
    key = "weekly.digest_now_on" if changed.digest else "weekly.digest_now_off"
    await reply(update, d.content.text(key))


async def deliver(context: Context, claimed: Nudge) -> None:
    """Every nudge from the queue: the weekly card here, the others in handlers/nudges.py."""
    if claimed.kind is NudgeKind.WEEKLY:
        await deliver_card(context, claimed)
    else:
        await nudges.deliver(context, claimed)


async def deliver_card(context: Context, claimed: Nudge) -> None:
    """Send one claimed weekly card once, as every nudge is sent (see handlers/nudges.py)."""
    d = deps(context)
    checked = await weekly.card_wanted(d.ports, claimed)
    if checked is None:
        return
    if isinstance(checked, str):
        record_nudge(context.bot_data, SKIPPED, claimed, d.clock(), checked)
        return
    nudge = checked.nudge
    with speaking_in(checked.language):
        board = _compose(d, checked.picture, card=True)
        text = (
            d.content.text("weekly.greeting")
            + "\n"
            + boards.caption(board, d.content.text, CAPTION_LIMIT - 100)
        )
        buttons = keyboard(_digest_button(d, True))
    png = await _picture(board)
    await d.pacer.wait_turn(nudge.chat_id)
    if png is None:
        send = context.bot.send_message(nudge.chat_id, text, reply_markup=buttons)
    else:
        picture = InputFile(png, filename=PICTURE_NAME)
        send = context.bot.send_photo(nudge.chat_id, picture, caption=text, reply_markup=buttons)
    if await nudges.went_out(context, nudge, send, "weekly card"):
        sent_at = await weekly.card_sent(d.ports, nudge)
        record_nudge(context.bot_data, SENT, nudge, sent_at)


def build_board_handlers() -> list[CommandHandler | CallbackQueryHandler]:  # type: ignore[type-arg]
    return [
        CommandHandler("board", show_board),
        CommandHandler("digest", digest),
        CallbackQueryHandler(digest_button, pattern=cb.pattern(routes.BOARD)),
    ]
