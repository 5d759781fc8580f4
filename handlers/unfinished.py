"""An interview half told: /cancel in the middle of /new asks whether to keep the answers, and
the next /new offers to carry on with them.

The kept answers stay in the user's conversation data (persisted with it by either store), not as
an interview: nothing is planned or nudged about an interview the user has not finished telling.
The debrief flow owns these two questions' states; this module words them and reads the answers,
and is handed the debrief's own way to carry on, so it depends on nothing of the debrief's.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from followup.core import answers
from followup.core.debrief import next_step, when_of
from followup.core.formatting import local_moment
from handlers import callback_data as cb
from handlers import routes
from handlers.common import Context, Deps, deps, reply, settle_button
from handlers.dialog import END, current_state
from handlers.fallback import unclaimed_button

DRAFT = "debrief"  # user_data: the answers of the interview being told now
KEPT = "debrief_kept"  # user_data: the answers of one left with "keep", for the next /new
LEAVING = "debrief:leaving"  # asked whether to keep what was told so far
RESUMING = "debrief:resuming"  # asked whether to carry on with what was kept
ACTION = routes.DEBRIEF
# Draft keys that are bookkeeping rather than answers.
_NOT_ANSWERS = frozenset({answers.PENDING, "answered", "route_remembered", "interview_id"})
# Typed words that answer the two questions like their buttons.
_YES = frozenset({"yes", "y", "keep", "keep it", "carry on", "continue", "resume", "go on"})
_NO = frozenset({"no", "n", "discard", "throw it away", "delete", "start afresh", "afresh",
                 "start again", "start over", "new"})  # fmt: skip

Carry = Callable[[Update, Context, dict[str, Any]], Coroutine[Any, Any, str | int]]


def _button(d: Deps, label: str, verb: str) -> tuple[str, str]:
    return d.content.label(f"unfinished_buttons.{label}"), cb.build(ACTION, verb)


def told_anything(draft: dict[str, Any] | None) -> bool:
    """Whether the draft holds at least one answer worth keeping."""
    return bool(draft) and "company" in draft  # type: ignore[operator]


async def ask_to_keep(update: Update, context: Context) -> str:
    """ "Keep what you've told me about Acme?" with keep / throw away."""
    d = deps(context)
    assert context.user_data is not None
    company = context.user_data[DRAFT]["company"]
    buttons = [[_button(d, "keep", "keep"), _button(d, "drop", "drop")]]
    await reply(update, d.content.text("unfinished.keep_ask", company=company), buttons)
    return LEAVING


async def on_cancel(update: Update, context: Context) -> str | int | None:
    """/cancel mid-debrief: offer to keep the answers; at that offer, keep them (lose nothing)."""
    if context.user_data is None:
        return None
    if current_state(context) == LEAVING:
        return await _keep(update, context)
    if current_state(context) == RESUMING:
        return None  # what was kept stays kept
    if told_anything(context.user_data.get(DRAFT)):
        return await ask_to_keep(update, context)
    context.user_data.pop(DRAFT, None)
    return None


async def _keep(update: Update, context: Context) -> int:
    assert context.user_data is not None
    draft = context.user_data.pop(DRAFT, {})
    kept = {key: value for key, value in draft.items() if key not in _NOT_ANSWERS}
    context.user_data[KEPT] = kept
    await reply(update, deps(context).content.text("unfinished.kept", company=kept["company"]))
    return END


async def _drop(update: Update, context: Context) -> int:
    assert context.user_data is not None
    context.user_data.pop(DRAFT, None)
    await reply(update, deps(context).content.text("debrief.cancelled"))
    return END


async def ask_to_resume(update: Update, context: Context) -> str:
    """ "You were telling me about Acme, carry on?" with carry on / start afresh."""
    d = deps(context)
    assert context.user_data is not None
    company = context.user_data[KEPT]["company"]
    buttons = [[_button(d, "carry_on", "resume"), _button(d, "afresh", "afresh")]]
    await reply(update, d.content.text("unfinished.resume_ask", company=company), buttons)
    return RESUMING


def has_kept(context: Context) -> bool:
    return context.user_data is not None and told_anything(context.user_data.get(KEPT))


def progress(d: Deps, context: Context, zone: Any) -> str | None:
    """For /status: the interview being told now (or kept unfinished), with what is known."""
    if context.user_data is None:
        return None
    draft = context.user_data.get(DRAFT)
    key = "unfinished.status_now"
    if not told_anything(draft) or current_state(context) in (None, RESUMING):
        draft, key = context.user_data.get(KEPT), "unfinished.status_kept"
    if not told_anything(draft):
        return None
    assert draft is not None
    now = d.clock()
    company = draft["company"]
    role = d.content.text("status.role_suffix", role=draft["role"]) if draft.get("role") else ""
    if "when" in draft:  # the same line as an interview's in /status
        when = local_moment(when_of(draft), zone, now)
        line: str = d.content.text("status.line", company=company, role=role, when=when)
    else:
        line = d.content.text("unfinished.status_company", company=company) + role
    step = next_step(draft, now)
    waiting = d.content.label(f"debrief_fields.{step.value}") if step else None
    if waiting:
        line += "\n" + d.content.text("unfinished.status_waiting", field=waiting)
    return d.content.text(key) + "\n" + line


def _said(update: Update) -> str:
    message = update.message
    return answers.normalised(message.text) if message and message.text else ""


def build_states(carry: Carry) -> dict[str, list[BaseHandler]]:  # type: ignore[type-arg]
    """The two questions' states; `carry` goes on with the debrief from the given draft."""
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND

    async def keep(update: Update, context: Context) -> str | int:
        await settle_button(update, deps(context).content.label("unfinished_buttons.keep"))
        return await _keep(update, context)

    async def drop(update: Update, context: Context) -> str | int:
        await settle_button(update, deps(context).content.label("unfinished_buttons.drop"))
        return await _drop(update, context)

    async def typed_leave(update: Update, context: Context) -> str | int:
        said = _said(update)
        if said in _YES:
            return await _keep(update, context)
        if said in _NO:
            return await _drop(update, context)
        return await ask_to_keep(update, context)  # the buttons above still work too

    async def resume(update: Update, context: Context) -> str | int | None:
        if not has_kept(context):
            await unclaimed_button(update, context)
            return None
        await settle_button(update, deps(context).content.label("unfinished_buttons.carry_on"))
        return await _resume(update, context)

    async def afresh(update: Update, context: Context) -> str | int | None:
        if not has_kept(context):
            await unclaimed_button(update, context)
            return None
        await settle_button(update, deps(context).content.label("unfinished_buttons.afresh"))
        return await _afresh(update, context)

    async def _resume(update: Update, context: Context) -> str | int:
        assert context.user_data is not None
        return await carry(update, context, context.user_data.pop(KEPT))

    async def _afresh(update: Update, context: Context) -> str | int:
        assert context.user_data is not None
        context.user_data.pop(KEPT, None)
        return await carry(update, context, {})

    async def typed_resume(update: Update, context: Context) -> str | int:
        said = _said(update)
        if said in _YES:
            return await _resume(update, context)
        if said in _NO:
            return await _afresh(update, context)
        return await ask_to_resume(update, context)

    return {
        LEAVING: [
            CallbackQueryHandler(keep, pattern=cb.pattern(ACTION, "keep")),
            CallbackQueryHandler(drop, pattern=cb.pattern(ACTION, "drop")),
            MessageHandler(text, typed_leave),
        ],
        RESUMING: [
            CallbackQueryHandler(resume, pattern=cb.pattern(ACTION, "resume")),
            CallbackQueryHandler(afresh, pattern=cb.pattern(ACTION, "afresh")),
            MessageHandler(text, typed_resume),
        ],
    }


async def reask_leaving(update: Update, context: Context) -> None:
    await ask_to_keep(update, context)


async def reask_resuming(update: Update, context: Context) -> None:
    await ask_to_resume(update, context)


__all__ = ["KEPT", "LEAVING", "RESUMING", "build_states", "on_cancel", "progress"]
