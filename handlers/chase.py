""" "Should I chase them yet?": asked in free text or with /chase, answered with a clear verdict.

The verdict itself is followup.core.verdict.chase_verdict (pure); this module finds the
interview meant, words the answer from the facts that decided it, and handles its buttons
(I sent it, Remind me then, Reopen).
"""

from __future__ import annotations

from datetime import date

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from content import Content
from followup.core import countries
from followup.core.calendar import Place
from followup.core.formatting import local_day, local_moment
from followup.core.model import CHASE_FAMILY, Interview, company_display
from followup.core.planner import next_pending
from followup.core.verdict import Verdict, VerdictKind, chase_verdict
from followup.core.workdays import CHRISTMAS_BREAK
from followup.services import interviews
from followup.services.planning import open_interviews
from handlers import acts, routes
from handlers import callback_data as cb
from handlers.choose import Meant, find_meant, own_interview, what_they_said, which_buttons
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

ACTION = routes.CHASE
# In user_data: the company an "it isn't logged, log it?" answer offered, so its name typed next
# is understood as "yes, log it".
OFFERED_COMPANY = "offered_company"


async def chase_question(update: Update, context: Context) -> None:
    """The question, typed or as /chase [company]: answer for the interview meant, or ask which."""
    d = deps(context)
    settings = await settings_for(context, update)
    place = user_place(d, settings)
    found = await find_meant(d, settings.user_id, what_they_said(update, context))
    if found.interview is not None:
        await answer(update, d, found.interview, place, many=found.several_open)
        return
    await explain_not_found(update, context, found, place, "ask", "chase")


async def explain_not_found(
    update: Update, context: Context, found: Meant, place: Place, verb: str, topic: str
) -> None:
    """No single interview: a name we don't know, nothing open, or several to pick from."""
    d = deps(context)
    now = d.clock()
    if found.unknown_name is not None:
        # Not logged: say so, offer to log it, and the open ones in case they meant one.
        name = company_display(found.unknown_name)  # "initech" reads (and is logged) as Initech
        if context.user_data is not None:
            context.user_data[OFFERED_COMPANY] = name  # its name typed next means "log it"
        log_it = routes.log_interview_with(name)
        label = d.content.label("chase_buttons.log_it").format(company=name)
        buttons = [[(label, log_it)]] if log_it else []
        buttons += which_buttons(found.open, place.zone, now, ACTION, verb)
        names = ", ".join(i.company for i in found.open[:5])
        key = "choose.unknown_log" if found.open else "choose.unknown_log_none"
        await reply(update, d.content.text(key, name=name, names=names), buttons)
    elif not found.open:
        await reply(update, d.content.text(f"{topic}.none_open"))
    else:
        buttons = which_buttons(found.open, place.zone, now, ACTION, verb)
        await reply(update, d.content.text(f"{topic}.which"), buttons)


async def answer(
    update: Update, d: Deps, interview: Interview, place: Place, *, many: bool = False
) -> None:
    """Verdict first, then the reason (with the date it changes), then the buttons that fit."""
    now = d.clock()
    verdict = chase_verdict(interview, place, d.timing, now)
    await reply(
        update,
        await verdict_text(d, interview, verdict, place, many),
        verdict_buttons(d.content, verdict, interview),
    )


async def verdict_text(
    d: Deps, interview: Interview, verdict: Verdict, place: Place, many: bool
) -> str:
    """The verdict's lines: who it is about (when there are several), the verdict, the reason."""
    today = place.day_of(d.clock())
    lines: list[str] = []
    if many:
        lines.append(d.content.text("chase.about", company=interview.company))
    kind = verdict.kind.value
    if verdict.kind is VerdictKind.YES and verdict.act_on != today:
        kind = "yes_on"
    act = local_day(verdict.act_on, today) if verdict.act_on else ""
    lines.append(d.content.text(f"chase.verdict_{kind}", company=interview.company, day=act))
    lines.append(reason(d.content, interview, verdict, today))
    if "day_off" in verdict.facts:
        off = str(verdict.facts["day_off"])
        if off == "weekend":
            lines.append(d.content.text("chase.day_off_weekend", day=act))
        else:
            where = await _place_name(d, interview.user_id)
            key = "chase.day_off_holiday" if where else "chase.day_off_holiday_plain"
            lines.append(d.content.text(key, holiday=off, day=act, where=where or ""))
    if "break_now" in verdict.facts:
        name = _break_name(d.content, verdict.facts["break_now"])
        lines.append(d.content.text("chase.break_now", name=name, day=act))
    if "break_name" in verdict.facts and verdict.kind is VerdictKind.NOT_YET:
        name = _break_name(d.content, verdict.facts["break_name"])
        lines.append(d.content.text("chase.break_note", name=name))
    return "\n".join(lines)


def _break_name(content: Content, name: object) -> str:
    """Christmas's break is named in the words; others come named by their holidays."""
    return content.text("chase.christmas_break") if name == CHRISTMAS_BREAK else str(name)


async def _place_name(d: Deps, user_id: int) -> str | None:
    """ "England": where the user's public holidays come from, if they chose a country."""
    settings = await d.store.settings(user_id)
    code = settings.country if settings else None
    return countries.place_name(code) if code and code != countries.NO_HOLIDAYS else None


def reason(content: Content, interview: Interview, verdict: Verdict, today: date) -> str:
    """The reason line, citing the facts that decided the verdict."""
    facts = verdict.facts

    def day_of(name: str) -> str:
        return local_day(date.fromisoformat(str(facts[name])), today) if name in facts else ""

    changes = local_day(verdict.changes_on, today) if verdict.changes_on else ""
    recruiter = interview.recruiter or content.label("next_step.your_recruiter")
    return content.text(
        f"chase.reason_{verdict.reason}",
        company=interview.company,
        decision=day_of("decision_date"),
        days=working_days(content, int(facts.get("business_days_since", 0))),
        past=working_days(content, int(facts.get("business_days_past_decision", 0))),
        last=day_of("last_chase_date"),
        day=changes,
        interview_day=day_of("interview_date"),
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
    draft = (label("chase_buttons.draft"), routes.draft("chase", iid))
    sent = (label("chase_buttons.sent"), routes.chase_act("sent", iid))
    remind = (label("chase_buttons.remind"), routes.chase_act("remind", iid))
    if verdict.kind is VerdictKind.YES:
        return [[draft], [sent]]
    if verdict.kind is VerdictKind.NOT_YET and verdict.reason == "after_two_chases":
        return [[(label("chase_buttons.heard"), routes.pick_outcome(iid))]]
    if verdict.kind is VerdictKind.NOT_YET:
        return [[remind], [draft, sent]] if verdict.reason != "not_happened_yet" else []
    if verdict.kind is VerdictKind.FEEDBACK_FIRST:
        return [
            [(label("chase_buttons.feedback"), routes.draft("notes", iid))],
            [(label("acts_buttons.called"), routes.chase_act("called", iid))],
        ]
    if verdict.kind is VerdictKind.MOVE_ON:
        return [[(label("chase_buttons.heard"), routes.pick_outcome(iid))]]
    return [[(label("chase_buttons.reopen"), routes.chase_act("reopen", iid))]]


async def chase_button(update: Update, context: Context) -> None:
    """The buttons of a verdict; each checks the interview is the presser's own."""
    d = deps(context)
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    parsed = cb.parse(query.data)
    interview = await own_interview(update, context)
    if parsed is None or interview is None:
        await query.answer(d.content.label("fallback.unknown_button"))
        return
    settings = await settings_for(context, update)
    place = user_place(d, settings)
    action = parsed.arg(0)
    if action not in _ACTIONS:
        await query.answer(d.content.label("fallback.unknown_button"))
        return
    await settle_button(update)
    await _ACTIONS[action](update, context, d, interview, place)


async def _ask(
    update: Update, context: Context, d: Deps, interview: Interview, place: Place
) -> None:
    many = len(await open_interviews(d.ports, interview.user_id)) > 1
    await answer(update, d, interview, place, many=many)


async def _sent(
    update: Update, context: Context, d: Deps, interview: Interview, place: Place
) -> None:
    if await acts.logged_today(d, interview):
        text, buttons = acts.same_or_another(d, interview)
        await reply(update, text, buttons)
        return
    await reply(update, await acts.chase_sent(d, interview))


async def _same(
    update: Update, context: Context, d: Deps, interview: Interview, place: Place
) -> None:
    await reply(update, await acts.chase_unchanged(d, interview))


async def _another(
    update: Update, context: Context, d: Deps, interview: Interview, place: Place
) -> None:
    await reply(update, await acts.chase_sent(d, interview))


async def _called(
    update: Update, context: Context, d: Deps, interview: Interview, place: Place
) -> None:
    await reply(update, await acts.feedback_given(d, interview))


async def _thanked(
    update: Update, context: Context, d: Deps, interview: Interview, place: Place
) -> None:
    await reply(update, await acts.thank_you_sent(d, interview))


async def _remind(
    update: Update, context: Context, d: Deps, interview: Interview, place: Place
) -> None:
    settings = await d.store.settings(interview.user_id)
    await reply(update, await remind_text(d, interview, place, bool(settings and settings.paused)))


async def _reopen(
    update: Update, context: Context, d: Deps, interview: Interview, place: Place
) -> None:
    reopened = await interviews.reopen(d.ports, interview)
    if reopened is None:
        await reply(update, d.content.text("chase.already_open", company=interview.company))
        return
    await reply(update, d.content.text("chase.reopened", company=interview.company))
    await answer(update, d, reopened, place)


_ACTIONS = {
    "ask": _ask,
    "sent": _sent,
    "same": _same,
    "another": _another,
    "called": _called,
    "thanked": _thanked,
    "remind": _remind,
    "reopen": _reopen,
}


async def remind_text(d: Deps, interview: Interview, place: Place, paused: bool) -> str:
    """Point to the follow-up reminder that is already planned for when the answer changes."""
    now = d.clock()
    records = await d.store.nudges(interview.user_id, interview.id)
    upcoming = next_pending([n for n in records if n.kind in CHASE_FAMILY]) or next_pending(records)
    if upcoming is None:
        return d.content.text("chase.no_reminder")
    when = local_moment(upcoming.due, place.zone, now)
    return d.content.text("chase.remind_paused" if paused else "chase.remind", when=when)


def build_chase_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    """/chase and the verdict's buttons (typed questions are read in handlers/questions.py)."""
    return [
        CommandHandler("chase", chase_question),
        CallbackQueryHandler(chase_button, pattern=cb.pattern(ACTION)),
    ]
