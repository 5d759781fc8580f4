"""/status: the user's open interviews, newest first, one line each."""

from __future__ import annotations

from collections import defaultdict

from telegram import Update
from telegram.ext import CommandHandler

from followup.formatting import local_moment
from followup.model import Nudge
from followup.planner import next_pending
from handlers.common import Context, deps, reply, settings_for, zone_for

# Enough to scan on a phone; the rest is summarised in one line so the message stays short.
MAX_LINES = 20
MAX_CHARS = 3800  # below Telegram's 4096, leaving room for the summary lines


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
    nudges_by_interview: dict[str, list[Nudge]] = defaultdict(list)
    for nudge in d.store.nudges(settings.user_id):
        nudges_by_interview[nudge.interview_id].append(nudge)
    lines = [d.content.text("status.title")]
    shown = 0
    for interview in interviews[:MAX_LINES]:
        role = d.content.text("status.role_suffix", role=interview.role) if interview.role else ""
        entry = [
            d.content.text(
                "status.line",
                company=interview.company,
                role=role,
                when=local_moment(interview.when, zone, now),
            )
        ]
        upcoming = next_pending(nudges_by_interview[interview.id])
        if upcoming is not None:
            kind = d.content.label(f"nudge_kinds.{upcoming.kind.value}")
            when = local_moment(max(upcoming.due, now), zone, now)
            entry.append(d.content.text("status.next", kind=kind, when=when))
        if sum(len(line) + 1 for line in lines + entry) > MAX_CHARS:
            break  # long names: fewer lines rather than a message Telegram would refuse
        lines.extend(entry)
        shown += 1
    if len(interviews) > shown:
        lines.append(d.content.text("status.more", count=len(interviews) - shown))
    if settings.paused:
        lines.append(d.content.text("status.paused"))
    await reply(update, "\n".join(lines))


def build_status_handlers() -> list[CommandHandler]:  # type: ignore[type-arg]
    return [CommandHandler("status", show_status)]
