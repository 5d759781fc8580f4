"""/status: the user's open interviews, newest first, one line each."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from followup.formatting import local_moment
from followup.planner import next_pending
from handlers.common import Context, deps, reply, settings_for, zone_for

# Enough to scan on a phone; the rest is summarised in one line so the message stays short.
MAX_LINES = 20


async def show_status(update: Update, context: Context) -> None:
    """List open interviews, or say there are none."""
    d = deps(context)
    settings = settings_for(context, update)
    interviews = d.store.open_interviews(settings.user_id)
    if not interviews:
        await reply(update, d.content.text("status.empty"))
        return
    zone = zone_for(context, update)
    now = d.clock()
    lines = [d.content.text("status.title")]
    for interview in interviews[:MAX_LINES]:
        role = d.content.text("status.role_suffix", role=interview.role) if interview.role else ""
        lines.append(
            d.content.text(
                "status.line",
                company=interview.company,
                role=role,
                when=local_moment(interview.when, zone, now),
            )
        )
        upcoming = next_pending(d.store.nudges(settings.user_id, interview.id))
        if upcoming is not None:
            kind = d.content.label(f"nudge_kinds.{upcoming.kind.value}")
            when = local_moment(max(upcoming.due, now), zone, now)
            lines.append(d.content.text("status.next", kind=kind, when=when))
    if len(interviews) > MAX_LINES:
        lines.append(d.content.text("status.more", count=len(interviews) - MAX_LINES))
    if settings.paused:
        lines.append(d.content.text("status.paused"))
    await reply(update, "\n".join(lines))


def build_status_handlers() -> list[CommandHandler]:  # type: ignore[type-arg]
    return [CommandHandler("status", show_status)]
