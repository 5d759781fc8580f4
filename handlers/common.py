"""What every handler module needs: the shared resources, the user's settings, and replying."""

from __future__ import annotations

import html
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, NetworkError
from telegram.ext import ContextTypes

from content import Content, Library
from followup.core.calendar import MONDAY_TO_FRIDAY, Place, WorkCalendar
from followup.core.intent import Phrasebook
from followup.core.language import negotiate, speaking
from followup.core.model import UserSettings
from followup.core.phrase_lists import spoken_phrasebook
from followup.core.timing import Timing
from followup.core.zones import ZoneResolver
from followup.ops.clock import Clock
from followup.services.ports import Ports
from followup.store.protocol import Repository
from followup.telegram.dispatcher import Dispatcher
from followup.telegram.pacer import ChatPacer

log = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE
Button = tuple[str, str]  # (label, callback data)
MESSAGE_LIMIT = 4096  # characters in one Telegram message
# Short lines waiting to open this answer's next message (see `lead_in`); None outside an answer.
_LEAD_IN: ContextVar[list[str] | None] = ContextVar("lead_in", default=None)


@dataclass(frozen=True, slots=True)
class Deps:
    """Resources built once at start and handed to every handler through bot_data."""

    store: Repository
    library: Library
    timing: Timing
    clock: Clock
    default_timezone: str
    dispatcher: Dispatcher
    pacer: ChatPacer
    zones: ZoneResolver
    # The working-day calendar for a stored country code (None: the operator's default).
    calendar_for: Callable[[str | None], WorkCalendar] = field(
        default=lambda _code: MONDAY_TO_FRIDAY
    )
    # New users whose Telegram language the bot does not speak are spoken to in this one.
    default_language: str = "en"
    # The bot's public address, under which users' calendar feeds are served (None: not served).
    public_url: str | None = None
    # The weekly card (FOLLOWUP_WEEKLY_CARD); users may still turn theirs off with /digest off.
    weekly_cards: bool = False
    # What the use cases work with, drawn from the above once.
    ports: Ports = field(init=False)

    def __post_init__(self) -> None:
        ports = Ports(
            self.store, self.dispatcher, self.clock, self.timing, self.default_timezone,
            self.calendar_for, self.weekly_cards,
        )  # fmt: skip
        object.__setattr__(self, "ports", ports)

    @property
    def content(self) -> Content:
        """The words in the language of the user this update or nudge is for."""
        return self.library[speaking()]

    @property
    def phrases(self) -> Phrasebook:
        """The phrase lists of that language, with English's."""
        return spoken_phrasebook()


def deps(context: Context) -> Deps:
    return context.bot_data["deps"]  # type: ignore[no-any-return]


def first_language(d: Deps, telegram_code: str | None) -> str:
    """A new user's language: their Telegram app's, if spoken here, else the operator's default."""
    return negotiate(telegram_code, d.default_language, d.library.languages)


async def settings_for(context: Context, update: Update) -> UserSettings:
    """The user's settings, created with the default time zone on first contact."""
    d = deps(context)
    user = update.effective_user
    chat = update.effective_chat
    assert user is not None and chat is not None
    found = await d.store.settings(user.id)
    if found is None:
        found = UserSettings(
            user_id=user.id, chat_id=chat.id, timezone=d.default_timezone,
            language=first_language(d, user.language_code),
        )  # fmt: skip
        await d.store.save_settings(found)
    return found


def user_zone(d: Deps, settings: UserSettings | None) -> ZoneInfo:
    """The user's zone, or the default one for someone the bot has not met yet."""
    return ZoneInfo(settings.timezone if settings else d.default_timezone)


async def zone_for(context: Context, update: Update) -> ZoneInfo:
    return ZoneInfo((await settings_for(context, update)).timezone)


def user_place(d: Deps, settings: UserSettings | None) -> Place:
    """Where the user is, for the rules: their zone and their working days."""
    return d.ports.place(settings)


async def place_for(context: Context, update: Update) -> Place:
    return user_place(deps(context), await settings_for(context, update))


def keyboard(rows: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


async def reply(
    update: Update, text: str, buttons: Sequence[Sequence[Button]] | None = None
) -> Message:
    """Send `text` (HTML) to the chat the update came from, with optional inline buttons.

    Lines waiting from `lead_in` open the message, unless together they would be too long.
    """
    chat = update.effective_chat
    assert chat is not None
    waiting = _LEAD_IN.get()
    if waiting:
        lines, waiting[:] = [*waiting], []
        joined = "\n\n".join([*lines, text])
        if len(joined) <= MESSAGE_LIMIT:
            text = joined
        else:
            await chat.send_message("\n\n".join(lines))
    markup = keyboard(buttons) if buttons else None
    return await chat.send_message(text, reply_markup=markup)


async def lead_in(update: Update, text: str) -> None:
    """A short line ("Saved.") that opens the answer's next message instead of its own bubble.

    Telegram shows each message as a bubble and paces a chat to about one a second, so a
    confirmation followed by the next question reads better, and arrives sooner, as one.
    Outside `answering` (or if nothing follows) the line is sent on its own.
    """
    waiting = _LEAD_IN.get()
    if waiting is None:
        await reply(update, text)
    else:
        waiting.append(text)


@asynccontextmanager
async def answering(update: Update) -> AsyncIterator[None]:
    """The span of one answer to an update: lead-in lines left over at the end are sent."""
    token = _LEAD_IN.set([])
    try:
        yield
        leftover = _LEAD_IN.get()
    finally:
        _LEAD_IN.reset(token)
    if leftover:
        await reply(update, "\n\n".join(leftover))


async def settle_button(update: Update, chosen_label: str | None = None) -> None:
    """Acknowledge a pressed button and take the keyboard off its message, noting the choice."""
    query = update.callback_query
    if query is None:
        return
    message = query.message
    chosen_label = chosen_label or (
        pressed_label(message, query.data) if isinstance(message, Message) else None
    )
    try:
        await query.answer()
        if not isinstance(message, Message) or message.text is None or not message.reply_markup:
            return  # already settled (an old message pressed again): nothing to take off
        text = message.text_html
        if chosen_label:
            text = f"{text}\n\n✔︎ <i>{escape(chosen_label)}</i>"
        await message.edit_text(text, reply_markup=None)
    except (NetworkError, BadRequest) as error:
        # Cosmetic only: the press itself still counts, and its answer still goes out.
        log.info("could not settle a pressed button: %s", error)


def pressed_label(message: Message, data: str | None) -> str | None:
    """The label of the button carrying `data` on `message`, as the user saw it."""
    markup = message.reply_markup
    rows = markup.inline_keyboard if markup else ()
    return next((b.text for row in rows for b in row if b.callback_data == data), None)


def escape(text: str) -> str:
    """User text made safe to put inside an HTML message."""
    return html.escape(text, quote=False)
