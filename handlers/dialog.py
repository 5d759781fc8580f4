"""The one conversation every multi-step flow lives in, so moving between them is always safe.

The debrief, the time zone, hearing back, corrections, forgetting and the signature are each a
`Flow`: entry points, states and a way to ask each state's question again. They share a single
persistent ConversationHandler, which gives three things separate conversations could not:
- starting a flow ends whichever one was open (no answer lands in a forgotten question);
- /cancel leaves whatever is open, a pending confirmation too (its button then does nothing);
- /help, /status, /pause, /resume and /export work mid-question and put the user back at it, and
  /timezone is a detour that returns to the question that was open.
The current state is mirrored in user_data (PTB does not tell callbacks their state), so a detour
knows where to come back to; it is persisted with the rest of user_data.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from handlers.common import Context, answering, deps, lead_in, reply

END = ConversationHandler.END
STATE = "dialog_state"
RETURN_TO = "dialog_return_to"
NAME = "dialog"
NEWS_HOOK = "dialog_news"  # bot_data: reads a message for news mid-question (handlers/news.py)

Callback = Callable[[Update, Context], Coroutine[Any, Any, Any]]
Reask = Callable[[Update, Context], Coroutine[Any, Any, None]]


@dataclass
class Flow:
    """One multi-step feature: how it starts, its states, and how to ask each question again."""

    entry_points: list[BaseHandler] = field(default_factory=list)  # type: ignore[type-arg]
    states: dict[str, list[BaseHandler]] = field(default_factory=dict)  # type: ignore[type-arg]
    reask: dict[str, Reask] = field(default_factory=dict)
    # Entry points that must not interrupt an open question (typed news, say): used only when idle.
    idle_only: list[BaseHandler] = field(default_factory=list)  # type: ignore[type-arg]
    on_cancel: Callback | None = None  # clean-up when /cancel leaves one of its states


def current_state(context: Context) -> str | None:
    """The open question's state, or None when no flow is open."""
    return context.user_data.get(STATE) if context.user_data is not None else None


def _tracked(callback: Callback) -> Callback:
    """Run a callback and mirror the state it returns into user_data."""

    async def run(update: Update, context: Context) -> Any:
        async with answering(update):
            result = await callback(update, context)
        if result is not None and context.user_data is not None:
            if result == END:
                context.user_data.pop(STATE, None)
                context.user_data.pop(RETURN_TO, None)
            else:
                context.user_data[STATE] = result
        return result

    return run


def _track_all(handlers: Sequence[BaseHandler]) -> list[BaseHandler]:  # type: ignore[type-arg]
    for handler in handlers:
        handler.callback = _tracked(handler.callback)
    return list(handlers)


async def ask_again(update: Update, context: Context, state: str | None = None) -> None:
    """Send the open question again (after a detour, or when something else was sent)."""
    reask: dict[str, Reask] = context.bot_data["dialog_reask"]
    state = state or current_state(context)
    if state is not None and state in reask:
        await reask[state](update, context)


def detour_to(context: Context, state: str, back: str | None = None) -> str:
    """Go to `state` now and come back afterwards to `back` (default: the open question)."""
    assert context.user_data is not None
    back = back or current_state(context)
    if back is not None and back != state and RETURN_TO not in context.user_data:
        context.user_data[RETURN_TO] = back
    return state


async def come_back(update: Update, context: Context) -> str | int:
    """End a detour: ask the question it interrupted again, or end the conversation."""
    assert context.user_data is not None
    back = context.user_data.pop(RETURN_TO, None)
    if back is None:
        return END
    await lead_in(update, deps(context).content.text("dialog.back"))
    await ask_again(update, context, back)
    return str(back)


async def _cancel(update: Update, context: Context) -> str | int:
    """/cancel: leave everything open, a detour and the question it interrupted alike.

    A flow's clean-up may instead ask something first (keep the answers so far?) by returning
    that question's state, or answer the /cancel itself by returning END.
    """
    cancel_hooks: dict[str, Callback] = context.bot_data["dialog_cancel"]
    back = context.user_data.get(RETURN_TO) if context.user_data is not None else None
    answered = None
    for state in {current_state(context), back} - {None}:
        hook = cancel_hooks.get(str(state))
        if hook is not None:
            answered = await hook(update, context) or answered
    if isinstance(answered, str) and context.user_data is not None:
        context.user_data.pop(RETURN_TO, None)
        return answered
    if answered != END:
        await reply(update, deps(context).content.text("dialog.cancelled"))
    return END


def _aside(command: Callback) -> Callback:
    """Answer a command mid-question, then ask the open question again; the state stays."""

    async def run(update: Update, context: Context) -> None:
        await command(update, context)
        await ask_again(update, context)

    return run


async def _remind(update: Update, context: Context) -> None:
    """Anything the open question can't use: news is acted on (or asked about), anything else
    gets what is expected; then the open question is asked again."""
    message = update.effective_message
    news = context.bot_data.get(NEWS_HOOK)
    if (
        message is not None
        and message.text
        and news is not None
        and await news(update, context, None)
    ):
        await ask_again(update, context)
        return
    key = "dialog.non_text" if message is None or not message.text else "dialog.busy"
    await reply(update, deps(context).content.text(key))
    await ask_again(update, context)


def build_dialog(
    flows: Sequence[Flow],
    asides: Mapping[str, Callback],
    edited: Callback,
    stale_button: Callback,
    bot_data: dict[str, Any],
) -> ConversationHandler:  # type: ignore[type-arg]
    """The single conversation holding every flow, with the shared fallbacks, in order.

    `asides` are commands answered mid-question ("help", "status"...); `edited` handles an edited
    message (a flow may apply it to the answer it changed); `stale_button` answers buttons of
    earlier questions. Buttons of other features are not claimed, so they keep working. Each
    state's re-ask and its flow's /cancel clean-up are kept in `bot_data` for the callbacks.
    """
    entry_points: list[BaseHandler] = []  # type: ignore[type-arg]
    idle_only: list[BaseHandler] = []  # type: ignore[type-arg]
    states: dict[object, list[BaseHandler]] = {}  # type: ignore[type-arg]
    reask: dict[str, Reask] = {}
    cancel: dict[str, Callback] = {}
    for flow in flows:
        entry_points.extend(flow.entry_points)
        idle_only.extend(flow.idle_only)
        reask.update(flow.reask)
        for state, handlers in flow.states.items():
            states[state] = _track_all(handlers)
            if flow.on_cancel is not None:
                cancel[state] = flow.on_cancel
    bot_data["dialog_reask"] = reask
    bot_data["dialog_cancel"] = cancel
    _track_all(entry_points + idle_only)
    fallbacks: list[BaseHandler] = [  # type: ignore[type-arg]
        CommandHandler("cancel", _tracked(_cancel)),
        *[CommandHandler(name, _aside(callback)) for name, callback in asides.items()],
        # Starting another flow mid-question replaces the open one.
        *entry_points,
        MessageHandler(filters.UpdateType.EDITED_MESSAGE, edited),
        CallbackQueryHandler(stale_button, pattern=_our_dialog_buttons(flows)),
        MessageHandler(filters.UpdateType.MESSAGE, _remind),
    ]
    return ConversationHandler(
        entry_points=entry_points + idle_only,
        states=states,  # type: ignore[arg-type]
        fallbacks=fallbacks,
        name=NAME,
        persistent=True,
        allow_reentry=False,
    )


def _our_dialog_buttons(flows: Sequence[Flow]) -> Callable[[object], bool]:
    """Matches the flows' own buttons (not nudges' or verdicts', which act on their own)."""
    patterns = [
        handler.pattern
        for flow in flows
        for handlers in flow.states.values()
        for handler in handlers
        if isinstance(handler, CallbackQueryHandler) and handler.pattern is not None
    ]

    def matches(data: object) -> bool:
        return isinstance(data, str) and any(p.match(data) for p in patterns)  # type: ignore[union-attr]

    return matches
