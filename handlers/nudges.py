"""Timed nudges: the job that sends one, and the buttons on it (Done, Snooze, I heard back).

The send path re-reads the record first (still pending? interview still open? user not paused?),
sends, and only then marks it sent: a crash in between can repeat a nudge, never lose one.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import CallbackQueryHandler

from followup import drafts
from followup.calendar import apply_quiet_hours
from followup.formatting import local_day, local_moment
from followup.metrics import FAILED, SENT, SKIPPED, record_nudge
from followup.model import Interview, Nudge, NudgeKind, NudgeState
from followup.rules import first_chase_day, is_stale
from followup.scheduler import NudgeRef
from handlers import callback_data as cb
from handlers.common import Button, Context, Deps, deps, keyboard, settle_button, user_zone
from handlers.pause import mark_blocked
from handlers.plan import save_and_replan

log = logging.getLogger(__name__)
ACTION = "nudge"
RETRY_DELAYS = (30, 120, 600, 1800)  # seconds; after these, the next start-up tries again

DONE_LABEL = {
    NudgeKind.RECRUITER_FEEDBACK: "nudge_buttons.done_feedback",
    NudgeKind.THANK_YOU: "nudge_buttons.done_thank_you",
    NudgeKind.CHASE: "nudge_buttons.done_chase",
    NudgeKind.SECOND_CHASE: "nudge_buttons.done_chase",
    NudgeKind.REASSURANCE: "nudge_buttons.ok",
    NudgeKind.MOVE_ON: "nudge_buttons.ok",
}


def nudge_text(d: Deps, nudge: Nudge, interview: Interview, zone: ZoneInfo) -> str:
    """The words of a nudge, with a ready-to-copy draft where one helps."""
    content = d.content
    today = d.clock().astimezone(zone).date()
    recruiter = interview.recruiter or content.label("nudge.contact_agency")
    if interview.via_agency:
        contact = content.text("nudge.contact_recruiter", recruiter=recruiter)
    else:
        contact = content.text("nudge.contact_team")
    draft = ""
    if nudge.kind is NudgeKind.THANK_YOU:
        draft = drafts.thank_you_email(interview, content)
    elif nudge.kind in (NudgeKind.CHASE, NudgeKind.SECOND_CHASE):
        draft = drafts.chase_email(interview, content, today, zone=zone)
    elif nudge.kind is NudgeKind.RECRUITER_FEEDBACK:
        draft = drafts.feedback_summary(interview, content)
    day = local_day(first_chase_day(interview, zone, d.timing), today)
    return content.text(
        f"nudge.{nudge.kind.value}",
        company=interview.company,
        recruiter=recruiter,
        contact=contact,
        draft=draft,
        day=day,
    )


def nudge_buttons(d: Deps, nudge: Nudge) -> list[list[Button]]:
    """Every nudge offers its action, two snoozes, and "I heard back"."""
    label = d.content.label
    first: list[Button]
    if nudge.kind is NudgeKind.CHECK_IN:
        first = [(label("nudge_buttons.debrief"), cb.build("new", "checkin", nudge.id))]
    else:
        first = [(label(DONE_LABEL[nudge.kind]), cb.build(ACTION, "done", nudge.id))]
    return [
        first,
        [
            (label("nudge_buttons.snooze_hour"), cb.build(ACTION, "hour", nudge.id)),
            (label("nudge_buttons.snooze_morning"), cb.build(ACTION, "morning", nudge.id)),
        ],
        [(label("nudge_buttons.heard"), cb.build("outcome", "pick", nudge.interview_id))],
    ]


async def send_due_nudge(context: Context) -> None:
    """The job: check the record is still wanted, send it once, then mark it sent."""
    assert context.job is not None
    ref: NudgeRef = context.job.data  # type: ignore[assignment]
    d = deps(context)
    nudge = d.store.nudge(ref.user_id, ref.nudge_id)
    if nudge is None or nudge.state is not NudgeState.PENDING:
        return
    settings = d.store.settings(ref.user_id)
    if settings is not None and (settings.paused or settings.blocked):
        return  # stays pending; /resume or the user's return arms it again
    interview = d.store.interview(ref.user_id, nudge.interview_id)
    now = d.clock()
    if interview is None or not interview.is_open:
        d.store.mark_nudge(ref.user_id, nudge.id, NudgeState.CANCELLED)
        record_nudge(context.bot_data, SKIPPED, nudge, now, "interview closed")
        return
    zone = user_zone(d, settings)
    if is_stale(nudge.kind, nudge.due, interview, zone, d.timing, now):
        record_nudge(context.bot_data, SKIPPED, nudge, now, "stale")
        d.store.mark_nudge(ref.user_id, nudge.id, NudgeState.SKIPPED)
        return
    await d.pacer.wait_turn(nudge.chat_id)
    try:
        await context.bot.send_message(
            nudge.chat_id,
            nudge_text(d, nudge, interview, zone),
            reply_markup=keyboard(nudge_buttons(d, nudge)),
        )
    except Forbidden:
        record_nudge(context.bot_data, FAILED, nudge, d.clock(), "blocked")
        log.info("user %s blocked the bot; pausing their nudges", ref.user_id)
        mark_blocked(d, ref.user_id)
        return
    except BadRequest:
        record_nudge(context.bot_data, FAILED, nudge, d.clock(), "refused")
        log.exception("Telegram refused nudge %s; skipping it", nudge.id)
        d.store.mark_nudge(ref.user_id, nudge.id, NudgeState.SKIPPED)
        return
    except (NetworkError, RetryAfter) as error:
        record_nudge(context.bot_data, FAILED, nudge, d.clock(), "network")
        # The clock read afresh: a slow failure must not schedule its retry in the past, where
        # APScheduler would drop it as a second instance of the still-running job.
        _retry_later(d, nudge, ref.attempt, d.clock(), error)
        return
    sent = d.clock()
    d.store.mark_nudge(ref.user_id, nudge.id, NudgeState.SENT, sent)
    record_nudge(context.bot_data, SENT, nudge, sent)


def _retry_later(d: Deps, nudge: Nudge, attempt: int, now: datetime, error: Exception) -> None:
    if attempt >= len(RETRY_DELAYS):
        log.warning("nudge %s still failing (%s); the next start-up will retry it", nudge.id, error)
        return
    delay = RETRY_DELAYS[attempt]
    log.warning("nudge %s failed (%s); retrying in %s s", nudge.id, error, delay)
    d.scheduler.arm(nudge, at=now + timedelta(seconds=delay), attempt=attempt + 1)


# --- Buttons on a nudge ---------------------------------------------------------------------------


async def nudge_button(update: Update, context: Context) -> None:
    """Done / Snooze / I heard back: only ever on the pressing user's own nudge."""
    d = deps(context)
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    parsed = cb.parse(query.data)
    user_id = update.effective_user.id
    nudge = d.store.nudge(user_id, parsed.arg(1) or "") if parsed else None
    interview = d.store.interview(user_id, nudge.interview_id) if nudge else None
    if parsed is None or nudge is None or interview is None:
        await query.answer(d.content.label("fallback.unknown_button"))
        return
    action = parsed.arg(0)
    settings = d.store.settings(user_id)
    zone = user_zone(d, settings)
    now = d.clock()
    if not interview.is_open or nudge.acted_at is not None:
        reply: str = d.content.text("nudge_reply.gone")
    elif action == "done":
        reply = _done(d, nudge, interview, zone, now)
    elif action in ("hour", "morning"):
        reply = _snooze(d, nudge, action, zone, now)
    else:
        await query.answer(d.content.label("fallback.unknown_button"))
        return
    await settle_button(update)
    chat = update.effective_chat
    assert chat is not None
    await chat.send_message(reply)


def _done(d: Deps, nudge: Nudge, interview: Interview, zone: ZoneInfo, now: datetime) -> str:
    values = {"company": interview.company}
    d.store.save_nudges([replace(nudge, acted_at=now, state=_settled(nudge))])
    if nudge.kind is NudgeKind.RECRUITER_FEEDBACK:
        save_and_replan(d, replace(interview, feedback_given=now))
        return d.content.text("nudge_reply.feedback_done", **values)
    if nudge.kind is NudgeKind.THANK_YOU:
        save_and_replan(d, replace(interview, thanked=now))
        return d.content.text("nudge_reply.thank_you_done", **values)
    if nudge.kind in (NudgeKind.CHASE, NudgeKind.SECOND_CHASE):
        following = save_and_replan(d, replace(interview, chases=(*interview.chases, now)))
        when = local_moment(following.due, zone, now) if following else ""
        key = "chase_done_last" if nudge.kind is NudgeKind.SECOND_CHASE else "chase_done"
        return d.content.text(f"nudge_reply.{key}", when=when, **values)
    if nudge.kind is NudgeKind.MOVE_ON:
        return d.content.text("nudge_reply.move_on_ok", **values)
    return d.content.text("nudge_reply.ok")


def _settled(nudge: Nudge) -> NudgeState:
    return NudgeState.SENT if nudge.state is NudgeState.PENDING else nudge.state


def _snooze(d: Deps, nudge: Nudge, action: str, zone: ZoneInfo, now: datetime) -> str:
    local_now = now.astimezone(zone)
    if action == "hour":
        due_local = local_now + timedelta(hours=1)
    else:
        tomorrow = local_now.date() + timedelta(days=1)
        due_local = datetime.combine(tomorrow, d.timing.quiet_end, tzinfo=zone)
    due = apply_quiet_hours(due_local, d.timing).astimezone(now.tzinfo)
    snoozed = replace(nudge, due=due, state=NudgeState.PENDING)
    d.store.save_nudges([snoozed])
    d.scheduler.arm(snoozed)
    return d.content.text("nudge_reply.snoozed", when=local_moment(due, zone, now))


def build_nudge_handlers() -> list[CallbackQueryHandler]:  # type: ignore[type-arg]
    return [CallbackQueryHandler(nudge_button, pattern=cb.pattern(ACTION))]
