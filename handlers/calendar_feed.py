"""/calendar: the user's plan in their own calendar app, kept in sync by a private subscription.

With a public address set (FOLLOWUP_PUBLIC_URL), /calendar gives the user a secret address,
`<public>/cal/<token>.ics` (and the same as `webcal://`), which the bot's HTTP listener serves
(`FeedPage`, drawn from the store at each request). The token is shown once and only its digest
kept, so /calendar asked again says a link exists and offers a new one (the old one stops) or to
turn it off. Without a public address it explains, and sends the same calendar as a file.

A request for a token that opens nothing (malformed, replaced, turned off, forgotten, never
made) gets tornado's plain 404, the same page as any unknown path: no hint which it was. The
token never reaches a log line: the listener logs no requests, and failures are logged without
the request.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import InputFile, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler
from tornado.web import HTTPError, RequestHandler

from content import Content
from followup.core.calendar_feed import FEED_PATH, FeedWords, feed_address, webcal_address
from followup.core.model import Interview, Nudge, UserSettings
from followup.services import calendar_feed
from handlers import callback_data as cb
from handlers import routes
from handlers.common import (
    Button,
    Context,
    Deps,
    deps,
    reply,
    settings_for,
    settle_button,
)

log = logging.getLogger(__name__)
FILENAME = "follow-up-coach.ics"
# Any path ending in /cal/<token>.ics: a proxy may pass the public address's own path prefix on.
FEED_ROUTE = rf"(?:/.*)?/{FEED_PATH}/([^/]*)\.ics"


def feed_words(content: Content) -> FeedWords:
    """How the feed's events read in one language: plain text (iCalendar, not HTML)."""

    def event(key: str, interview: Interview) -> tuple[str, str]:
        title = content.label(f"calendar_feed_events.{key}").format(company=interview.company)
        about = content.label(f"calendar_feed_events.{key}_about").format(company=interview.company)
        return title, about

    def nudge(item: Nudge, interview: Interview) -> tuple[str, str]:
        kind = content.label(f"nudge_kinds.{item.kind.value}")
        title = content.label("data.calendar_title").format(
            kind=kind[:1].upper() + kind[1:], company=interview.company
        )
        about = content.label(f"nudge_about.{item.kind.value}").format(company=interview.company)
        return title, about

    return FeedWords(
        interview=lambda interview: event("interview", interview),
        nudge=nudge,
        decision=lambda interview: event("decision", interview),
        answer_by=lambda interview: event("answer_by", interview),
        calendar_name=content.label("calendar_feed_events.calendar_name"),
    )


# --- the chat -------------------------------------------------------------------------------


async def show_calendar(update: Update, context: Context) -> None:
    """/calendar: a new private address, where things stand with the one they have, or a file."""
    d = deps(context)
    settings = await settings_for(context, update)
    if d.public_url is None:
        await _send_file(update, d, settings)
        return
    link = await calendar_feed.current_link(d.ports, settings.user_id)
    if link is None:
        link, token = await calendar_feed.new_link(d.ports, settings.user_id)
        await reply(update, _link_text(d, token), _buttons(d, link.link_id))
        return
    await reply(update, d.content.text("calendar_feed.have_link"), _buttons(d, link.link_id))


async def _send_file(update: Update, d: Deps, settings: UserSettings) -> None:
    """No public address: the same calendar, once, as a file."""
    words = feed_words(d.content)
    data = await calendar_feed.draw_feed(d.ports, settings.user_id, settings, words)
    if data is None:
        await reply(update, d.content.text("calendar_feed.empty"))
        return
    chat = update.effective_chat
    assert chat is not None
    await chat.send_document(
        InputFile(data, filename=FILENAME), caption=d.content.text("calendar_feed.no_public")
    )


def _link_text(d: Deps, token: str) -> str:
    assert d.public_url is not None
    address = feed_address(d.public_url, token)
    return d.content.text("calendar_feed.link", address=address, webcal=webcal_address(address))


def _buttons(d: Deps, link_id: str) -> list[list[Button]]:
    return [
        [
            (d.content.label("calendar_feed_buttons.new"), routes.calendar_new_link(link_id)),
            (d.content.label("calendar_feed_buttons.off"), routes.calendar_turn_off(link_id)),
        ]
    ]


async def calendar_button(update: Update, context: Context) -> None:
    """New link or turn it off, for the pressing user's own link, if the button is still its."""
    d = deps(context)
    query = update.callback_query
    user = update.effective_user
    assert query is not None and user is not None
    parsed = cb.parse(query.data)
    verb = parsed.args[0] if parsed and parsed.args else None
    link_id = parsed.arg(1) if parsed else None
    await settle_button(update)
    current = await calendar_feed.current_link(d.ports, user.id)
    if verb not in ("new", "off") or current is None or current.link_id != link_id:
        await reply(update, d.content.text("calendar_feed.stale_button"))
        return
    if verb == "off" or d.public_url is None:
        await calendar_feed.turn_off(d.ports, user.id)
        await reply(update, d.content.text("calendar_feed.turned_off"))
        return
    link, token = await calendar_feed.new_link(d.ports, user.id)
    text = f"{_link_text(d, token)}\n\n{d.content.text('calendar_feed.replaced')}"
    await reply(update, text, _buttons(d, link.link_id))


def build_calendar_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        CommandHandler("calendar", show_calendar),
        CallbackQueryHandler(calendar_button, pattern=cb.pattern(routes.CALENDAR)),
    ]


# --- the feed over HTTP ---------------------------------------------------------------------


async def feed_body(d: Deps, token: str) -> bytes | None:
    """The feed a token opens, drawn now in its owner's language and zone; None: nothing."""
    found = await calendar_feed.subscriber(d.ports, token)
    if found is None:
        return None
    language = found.settings.language if found.settings else d.default_language
    words = feed_words(d.library[language])
    user_id = found.link.user_id
    return await calendar_feed.draw_feed(d.ports, user_id, found.settings, words, found.link)


class FeedPage(RequestHandler):
    """GET (or HEAD) <public>/cal/<token>.ics: the owner's feed, or a plain 404."""

    def initialize(self, deps: Deps) -> None:
        self.deps = deps

    async def get(self, token: str) -> None:
        try:
            body = await feed_body(self.deps, token)
        except Exception:
            log.exception("could not draw a calendar feed")  # the request (and token) left out
            raise HTTPError(500) from None
        if body is None:
            raise HTTPError(404)
        self.set_header("Content-Type", "text/calendar; charset=utf-8")
        self.set_header("Content-Disposition", f'inline; filename="{FILENAME}"')
        # Private to its owner: no shared cache keeps it, no search engine lists it.
        self.set_header("Cache-Control", "private, no-cache")
        self.set_header("X-Robots-Tag", "noindex, nofollow")
        self.set_header("Referrer-Policy", "no-referrer")
        self.finish(body)

    async def head(self, token: str) -> None:
        await self.get(token)

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        """Tornado's own line would name the request, and with it the token: say nothing."""


def feed_routes(d: Deps) -> list[Any]:
    """The listener's rule for the feeds, when the bot has a public address."""
    if d.public_url is None:
        return []
    return [(FEED_ROUTE, FeedPage, {"deps": d})]
