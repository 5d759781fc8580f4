"""/status: the user's open interviews, newest first, each with its next nudge, an ✏️ button and
a button for its next round. A company's linked rounds read as one story: the company once, its
rounds in order, then what comes next."""

from __future__ import annotations

from collections import defaultdict

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from followup.core.formatting import local_moment
from followup.core.model import Interview, Nudge
from followup.core.planner import next_pending
from followup.services import interviews
from handlers import callback_data as cb
from handlers import routes, unfinished
from handlers.common import (
    Button,
    Context,
    Deps,
    deps,
    reply,
    settings_for,
    settle_button,
    user_place,
)

# Enough to scan on a phone; the rest is summarised in one line so the message stays short.
MAX_LINES = 20
MAX_BUTTONS = 10
MAX_CHARS = 3800  # below Telegram's 4096, leaving room for the summary lines


async def show_status(update: Update, context: Context) -> None:
    """List open interviews (with buttons to correct them), or say there are none."""
    d = deps(context)
    settings = await settings_for(context, update)
    stories = await interviews.rounds(d.ports, settings.user_id)
    still_open = [chain for chain in stories if any(i.is_open for i in chain)]
    closed = sum(1 for chain in stories for i in chain if not i.is_open)
    # An interview being told (or left unfinished) comes first: it is the user's latest.
    telling = unfinished.progress(d, context, user_place(d, settings).zone)
    if not still_open:
        key = "status.empty_with_closed" if closed else "status.empty"
        if telling is not None:
            key, telling = "unfinished.none_besides", f"{telling}\n\n"
        text = (telling or "") + d.content.text(key, count=closed)
        await reply(update, text, _closed_button(d, closed))
        return
    text, shown = await _lines(d, settings.user_id, still_open, update, context)
    if telling is not None:
        text = f"{telling}\n\n{text}"
    if settings.paused:
        text += "\n" + d.content.text("status.paused")
    edit = d.content.label("status_buttons.edit")
    next_round = d.content.label("status_buttons.next_round")
    buttons: list[list[Button]] = [
        [(edit.format(company=i.company[:30]), routes.open_edit(i.id)),
         (next_round, routes.next_round(i.id))]
        for i in shown[:MAX_BUTTONS]
    ]  # fmt: skip
    await reply(update, text, buttons + _closed_button(d, closed))


async def _lines(
    d: Deps, user_id: int, stories: list[list[Interview]], update: Update, context: Context
) -> tuple[str, list[Interview]]:
    """The title and one entry per company's story (its rounds in order, then the next action),
    as many as fit; and which open interviews were shown."""
    place = user_place(d, await settings_for(context, update))
    now = d.clock()
    nudges_by_interview: dict[str, list[Nudge]] = defaultdict(list)
    for nudge in await d.store.nudges(user_id):
        nudges_by_interview[nudge.interview_id].append(nudge)
    lines = [d.content.text("status.title")]
    shown: list[Interview] = []
    for chain in stories[:MAX_LINES]:
        latest = chain[-1]
        role = d.content.text("status.role_suffix", role=latest.role) if latest.role else ""
        if len(chain) == 1:
            when = local_moment(latest.when, place.zone, now)
            entry = [d.content.text("status.line", company=latest.company, role=role, when=when)]
        else:
            entry = [d.content.text("status.story", company=latest.company, role=role)]
            entry += [
                d.content.text(
                    "status.round_line",
                    count=number,
                    when=local_moment(interview.when, place.zone, now),
                )
                for number, interview in enumerate(chain, start=1)
            ]
        for interview in chain:
            upcoming = next_pending(nudges_by_interview[interview.id])
            if upcoming is None or not interview.is_open:
                continue
            kind = d.content.label(f"nudge_kinds.{upcoming.kind.value}")
            due = local_moment(max(upcoming.due, now), place.zone, now)
            key = "status.next_snoozed" if upcoming.snoozed else "status.next"
            entry.append(d.content.text(key, kind=kind, when=due))
        if sum(len(line) + 1 for line in lines + entry) > MAX_CHARS:
            break  # long names: fewer lines rather than a message Telegram would refuse
        lines.extend(entry)
        shown.extend(interview for interview in reversed(chain) if interview.is_open)
    hidden = sum(1 for chain in stories for i in chain if i.is_open) - len(shown)
    if hidden:
        lines.append(d.content.text("status.more", count=hidden))
    return "\n".join(lines), shown


def _closed_button(d: Deps, closed: int) -> list[list[Button]]:
    if not closed:
        return []
    label = d.content.label("status_buttons.closed").format(count=closed)
    return [[(label, routes.closed_interviews())]]


async def show_closed(update: Update, context: Context) -> None:
    """The interviews they heard back from, each with a button to look at (and reopen) it."""
    d = deps(context)
    await settle_button(update)
    settings = await settings_for(context, update)
    place = user_place(d, settings)
    now = d.clock()
    closed = [i for i in await d.store.interviews(settings.user_id) if not i.is_open][:MAX_BUTTONS]
    lines = [d.content.text("status.closed_title")]
    for interview in closed:
        outcome = d.content.label(
            f"outcome_names.{interview.outcome.value if interview.outcome else 'other'}"
        )
        when = local_moment(interview.when, place.zone, now)
        lines.append(
            d.content.text(
                "status.closed_line", company=interview.company, when=when, outcome=outcome
            )
        )
    buttons: list[list[Button]] = [
        [
            (
                d.content.label("status_buttons.edit").format(company=i.company[:30]),
                routes.open_edit(i.id),
            )
        ]
        for i in closed
    ]
    await reply(update, "\n".join(lines), buttons)


def build_status_handlers() -> list[CommandHandler | CallbackQueryHandler]:  # type: ignore[type-arg]
    return [
        CommandHandler("status", show_status),
        CallbackQueryHandler(show_closed, pattern=cb.pattern(routes.STATUS, "closed")),
    ]
