""" "Should I chase them yet?": asked in free text or with /chase, answered with a clear verdict.

The verdict itself is followup.rules.chase_verdict (pure); this module picks the interview meant,
words the answer, and handles its buttons (Draft it for me, I sent it, Remind me then).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from content import Content
from followup import drafts
from followup.formatting import local_day, local_moment
from followup.intent import Phrasebook, asks_about_chasing
from followup.model import Interview, NudgeKind
from followup.planner import next_pending
from followup.rules import Verdict, VerdictKind, chase_verdict
from handlers import callback_data as cb
from handlers.choose import TextMatches, meant, own_interview, what_they_said, which_buttons
from handlers.common import Button, Context, Deps, deps, escape, reply, settings_for, settle_button
from handlers.plan import save_and_replan

ACTION = "chase"
CHASE_KINDS = (NudgeKind.CHASE, NudgeKind.SECOND_CHASE, NudgeKind.MOVE_ON)
DOUBLE_PRESS = timedelta(minutes=10)  # "I sent it" twice this close together is one chase


def load_phrasebook(content: Content) -> Phrasebook:
    """The phrasings from content/, read once at start."""
    keys = ("chase_verbs", "chase_cues", "chase_excludes", "chase_subjects", "heard")
    return Phrasebook.from_text(*(content.label(f"phrases.{key}") for key in keys))


async def chase_question(update: Update, context: Context) -> None:
    """The question, typed or as /chase [company]: answer for the interview meant, or ask which."""
    d = deps(context)
    settings = settings_for(context, update)
    interviews = d.store.open_interviews(settings.user_id)
    if not interviews:
        await reply(update, d.content.text("chase.none_open"))
        return
    zone = ZoneInfo(settings.timezone)
    interview = meant(interviews, what_they_said(update, context))
    if interview is not None:
        await answer(update, d, interview, zone)
        return
    buttons = which_buttons(interviews, zone, d.clock(), ACTION, "ask")
    await reply(update, d.content.text("chase.which"), buttons)


async def answer(update: Update, d: Deps, interview: Interview, zone: ZoneInfo) -> None:
    """Verdict first, then the reason, then when it changes, then the buttons that fit."""
    now = d.clock()
    verdict = chase_verdict(interview, zone, d.timing, now)
    lines = [
        d.content.text(f"chase.verdict_{verdict.kind.value}", company=interview.company),
        reason(d.content, interview, verdict, now.astimezone(zone).date()),
    ]
    if verdict.changes_at is not None:
        lines.append(
            d.content.text("chase.changes", when=local_moment(verdict.changes_at, zone, now))
        )
    await reply(update, "\n".join(lines), verdict_buttons(d.content, verdict, interview))


def reason(content: Content, interview: Interview, verdict: Verdict, today: date) -> str:
    """The reason line, citing what applies (their date, days of silence, the last chase)."""
    facts = verdict.facts
    decision = (
        local_day(date.fromisoformat(str(facts["decision_date"])), today)
        if "decision_date" in facts
        else ""
    )
    last = (
        local_day(date.fromisoformat(str(facts["last_chase_date"])), today)
        if "last_chase_date" in facts
        else ""
    )
    note = content.text("chase.decision_note", decision=decision) if decision else ""
    recruiter = interview.recruiter or content.label("next_step.your_recruiter")
    return content.text(
        f"chase.reason_{verdict.reason}",
        company=interview.company,
        decision=decision,
        decision_note=note,
        days=working_days(content, int(facts.get("business_days_since", 0))),
        last=last,
        recruiter=recruiter,
    )


def working_days(content: Content, count: int) -> str:
    """'less than a working day', '1 working day', '3 working days'."""
    if count <= 0:
        return content.text("chase.days_none")
    return content.text("chase.days_one" if count == 1 else "chase.days_many", count=count)


def verdict_buttons(content: Content, verdict: Verdict, interview: Interview) -> list[list[Button]]:
    """Buttons that make sense for this verdict."""
    label = content.label
    iid = interview.id
    draft = (label("chase_buttons.draft"), cb.build(ACTION, "draft", iid))
    sent = (label("chase_buttons.sent"), cb.build(ACTION, "sent", iid))
    remind = (label("chase_buttons.remind"), cb.build(ACTION, "remind", iid))
    if verdict.kind is VerdictKind.YES:
        return [[draft], [sent]]
    if verdict.kind is VerdictKind.NOT_YET:
        return [[remind], [draft, sent]]
    if verdict.kind is VerdictKind.FEEDBACK_FIRST:
        return [
            [(label("chase_buttons.feedback"), cb.build(ACTION, "notes", iid))],
            [(label("nudge_buttons.done_feedback"), cb.build(ACTION, "called", iid))],
        ]
    if verdict.kind is VerdictKind.MOVE_ON:
        return [[(label("chase_buttons.heard"), cb.build("outcome", "pick", iid))]]
    return []


async def chase_button(update: Update, context: Context) -> None:
    """The buttons of a verdict; each checks the interview is the presser's own."""
    d = deps(context)
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    parsed = cb.parse(query.data)
    interview = own_interview(update, context)
    if parsed is None or interview is None:
        await query.answer(d.content.label("fallback.unknown_button"))
        return
    settings = settings_for(context, update)
    zone = ZoneInfo(settings.timezone)
    action = parsed.arg(0)
    await settle_button(update)
    if action == "ask":
        await answer(update, d, interview, zone)
    elif action == "draft":
        today = d.clock().astimezone(zone).date()
        text = drafts.chase_email(interview, d.content, today, zone=zone)
        await reply(update, f"<pre>{escape(text)}</pre>")
    elif action == "notes":
        await reply(update, f"<pre>{escape(drafts.feedback_summary(interview, d.content))}</pre>")
    elif action == "sent":
        await reply(update, log_chase(d, interview, zone))
    elif action == "called":
        save_and_replan(d, replace(interview, feedback_given=d.clock()))
        await reply(update, d.content.text("nudge_reply.feedback_done", company=interview.company))
    elif action == "remind":
        await reply(update, remind_text(d, interview, zone, settings.paused))


def log_chase(d: Deps, interview: Interview, zone: ZoneInfo) -> str:
    """Record a chase (once, even if pressed twice) and say when the next check comes."""
    now = d.clock()
    if not interview.chases or now - max(interview.chases) > DOUBLE_PRESS:
        interview = replace(interview, chases=(*interview.chases, now))
    following = save_and_replan(d, interview)
    if following is not None and following.kind is NudgeKind.SECOND_CHASE:
        text = d.content.text("chase.next_check", when=local_moment(following.due, zone, now))
    else:
        text = d.content.text("chase.no_next")
    return d.content.text("chase.sent", company=interview.company, next=text)


def remind_text(d: Deps, interview: Interview, zone: ZoneInfo, paused: bool) -> str:
    """Point to the chase reminder that is already planned for when the answer changes."""
    now = d.clock()
    records = d.store.nudges(interview.user_id, interview.id)
    upcoming = next_pending([n for n in records if n.kind in CHASE_KINDS]) or next_pending(records)
    if upcoming is None:
        return d.content.text("chase.no_next")
    when = local_moment(upcoming.due, zone, now)
    return d.content.text("chase.remind_paused" if paused else "chase.remind", when=when)


def build_chase_handlers(book: Phrasebook) -> list[BaseHandler]:  # type: ignore[type-arg]
    asks = TextMatches("asks_about_chasing", lambda text: asks_about_chasing(text, book))
    question = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND & asks
    return [
        CommandHandler("chase", chase_question),
        MessageHandler(question, chase_question),
        CallbackQueryHandler(chase_button, pattern=cb.pattern(ACTION)),
    ]
