"""The "how did it go?" flow: log an interview one short question at a time.

Each question has inline buttons for the common answers; typed answers always work too (the
buttons' own words included). Which question comes next is decided by followup.core.debrief from the
draft, so known answers are skipped and a restart resumes at the open question. An answer that
could mean two things is asked back with buttons; an edited answer is applied to the question it
answered. The user's time zone is settled before the first time question.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from followup.core import answer_reading, answers, debrief, tapped
from followup.core.debrief import Step
from followup.core.model import Interview, Rating
from followup.core.news import Question
from followup.core.phrasebook import Phrasebook
from followup.services import interviews
from handlers import callback_data as cb
from handlers import first_step, news, routes, summary, timezone, unfinished
from handlers.choose import TextMatches, own_interview
from handlers.common import (
    Button,
    Context,
    deps,
    lead_in,
    reply,
    settings_for,
    settle_button,
    user_place,
)
from handlers.dialog import END, Flow
from handlers.fallback import unclaimed_button

ACTION = routes.DEBRIEF
DRAFT = unfinished.DRAFT
ANSWERED = "answered"  # draft key: message id -> the step it answered (for edited messages)
FLOW = "debrief"

# Button values per question: callback argument -> content key of its label.
CHOICES: dict[Step, dict[str, str]] = {
    Step.ROLE: {"skip": "buttons.skip"},
    Step.WHEN: {"now": "buttons.just_now", "hour": "buttons.hour_ago"},
    Step.AGENCY: {"yes": "buttons.agency_yes", "no": "buttons.agency_no"},
    Step.DECISION: {
        "none": "buttons.decision_none",
        "week": "buttons.decision_week",
        "nextweek": "buttons.decision_next_week",
    },
    Step.EXTRAS: {
        "outside": "buttons.extras_outside",
        "contact": "buttons.extras_contact",
        "both": "buttons.extras_both",
        "neither": "buttons.extras_neither",
    },
    Step.RATING: {str(r.value): f"buttons.rating_{r.value}" for r in Rating},
    Step.NOTES: {"skip": "buttons.skip"},
}
CONTACT_ONLY = {"yes": "buttons.contact_yes", "no": "buttons.contact_no"}

QUESTION_KEYS: dict[Step, str] = {
    Step.COMPANY: "debrief.ask_company",
    Step.ROLE: "debrief.ask_role",
    Step.WHEN: "debrief.ask_when",
    Step.AGENCY: "debrief.ask_agency",
    Step.DECISION: "debrief.ask_decision",
    Step.EXTRAS: "debrief.ask_extras",
    Step.RATING: "debrief.ask_rating",
    Step.NOTES: "debrief.ask_notes",
}


def state_of(step: Step) -> str:
    """The dialog state in which `step`'s question is open."""
    return f"{FLOW}:{step.value}"


def _draft(context: Context) -> dict[str, Any]:
    assert context.user_data is not None
    return context.user_data.setdefault(DRAFT, {})  # type: ignore[no-any-return]


def _choices(step: Step, draft: dict[str, Any]) -> dict[str, str]:
    if step is Step.EXTRAS and draft.get("outside_hours"):
        return CONTACT_ONLY
    return CHOICES.get(step, {})


def _buttons(context: Context, step: Step, draft: dict[str, Any]) -> list[list[Button]]:
    content = deps(context).content
    items = [(content.label(key), cb.build(ACTION, step, value)) for value, key in
             _choices(step, draft).items()]  # fmt: skip
    width = 2 if len(items) == 4 else 1 if step is Step.DECISION else len(items)
    return [items[i : i + width] for i in range(0, len(items), width)] if items else []


async def start_debrief(update: Update, context: Context) -> str | int:
    """/new, or the button on the welcome: begin a fresh draft, or offer to carry on with one
    left unfinished."""
    if update.callback_query:
        await settle_button(update)
    assert context.user_data is not None
    context.user_data.pop(first_step.OFFERED, None)
    context.user_data.pop(DRAFT, None)
    if unfinished.has_kept(context):
        return await unfinished.ask_to_resume(update, context)
    named = " ".join(context.args or []) if update.message else ""
    if named:
        # "/new Acme": the company is answered already (and a known one asked about).
        context.user_data[DRAFT] = {}
        return await _answer(update, context, named, typed=True)
    return await carry_on(update, context, {})


async def carry_on(update: Update, context: Context, draft: dict[str, Any]) -> str | int:
    """Go on with the debrief from `draft` (empty: from the first question)."""
    assert context.user_data is not None
    context.user_data[DRAFT] = draft
    return await ask_next(update, context)


async def start_named(update: Update, context: Context) -> str | int | None:
    """ "Log it" under a question about a company never logged: /new with its name filled in."""
    query = update.callback_query
    assert query is not None and context.user_data is not None
    parsed = cb.parse(query.data)
    company = routes.company_of(parsed.arg(1) if parsed else None)
    if company is None or len(company) > debrief.COMPANY_LIMIT:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    context.user_data.pop(DRAFT, None)
    return await carry_on(update, context, {"company": company})


async def typed_yes_to_offer(update: Update, context: Context) -> str | int | None:
    """ "yes" / "nope" typed to "Shall we log an interview?": the button it means."""
    assert context.user_data is not None and update.message is not None
    said = tapped.yes_or_no(update.message.text or "", deps(context).phrases)
    if not context.user_data.get(first_step.OFFERED) or said is None:
        return await news.idle_message(update, context)  # "yes" to "did you send it?", say
    if said == tapped.NO:
        await first_step.later(update, context)
        return None
    return await start_debrief(update, context)


async def start_check_in(update: Update, context: Context) -> str | int | None:
    """The check-in nudge's button: debrief that interview, asking only what is missing."""
    d = deps(context)
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    parsed = cb.parse(query.data)
    nudge = await d.store.nudge(update.effective_user.id, parsed.arg(1) or "") if parsed else None
    interview = await d.store.interview(nudge.user_id, nudge.interview_id) if nudge else None
    if interview is None or interview.debriefed or not interview.is_open:
        await unclaimed_button(update, context)
        return None
    await settle_button(update, d.content.label("nudge_buttons.debrief"))
    assert context.user_data is not None
    context.user_data[DRAFT] = debrief.draft_for(interview)
    return await ask_next(update, context)


async def start_next_round(update: Update, context: Context) -> str | int | None:
    """ "Log the next round" (after the news, under /status, in the edit menu): same company,
    role and route; ask only the rest."""
    earlier = await own_interview(update, context)
    if earlier is None:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    return await begin_next_round(update, context, earlier)


async def begin_next_round(update: Update, context: Context, earlier: Interview) -> str | int:
    """Log the round after `earlier`: same company, role and route, linked to it."""
    assert context.user_data is not None
    context.user_data[DRAFT] = await interviews.start_next_round(deps(context).ports, earlier)
    return await ask_next(update, context)


async def ask_next(update: Update, context: Context) -> str | int:
    """Ask the first unanswered question, or finish when there is none."""
    d = deps(context)
    draft = _draft(context)
    step = debrief.next_step(draft, d.clock())
    if step is None:
        return await finish(update, context)
    if step is Step.WHEN and not (await settings_for(context, update)).zone_confirmed:
        # Times are read in the user's zone: settle it before the first one is typed.
        return await timezone.ask_first(update, context, back=state_of(Step.WHEN))
    await ask(update, context, step)
    return state_of(step)


async def ask(update: Update, context: Context, step: Step) -> None:
    """Send the question for `step` with its buttons."""
    d = deps(context)
    draft = _draft(context)
    key = QUESTION_KEYS[step]
    if step is Step.EXTRAS and draft.get("outside_hours"):
        key = "debrief.ask_contact_only"
    await reply(update, d.content.text(key), _buttons(context, step, draft))


async def typed_answer(update: Update, context: Context) -> str | int:
    """A text message while a question is open: read it as the answer to that question."""
    message = update.message
    assert message is not None and message.text is not None
    draft = _draft(context)
    step = debrief.next_step(draft, deps(context).clock())
    if step in _NEWS_FIRST and await news.mid_question(update, context, _NEWS_FIRST[step]):
        assert step is not None
        await ask(update, context, step)  # the news is dealt with: back to the question
        return state_of(step)
    if step is not None:
        draft.setdefault(ANSWERED, {})[str(message.message_id)] = step.value
        button = _typed_button(context, step, draft, message.text) or _meant_button(
            context, step, message.text
        )
        if button is not None:
            return await _answer(update, context, button, typed=False)
        agency = _typed_agency(context, step, message.text)
        if agency is not None:
            return await _answer(update, context, agency, typed=False)
    return await _answer(update, context, message.text.strip(), typed=True)


# Questions answered with buttons, where a typed message may be news told in passing instead
# ("I GOT THE JOB" at the rating question); free-text questions keep what is typed as the answer.
_NEWS_FIRST: dict[Step | None, Question | None] = {
    Step.AGENCY: Question.AGENCY,
    Step.EXTRAS: None,
    Step.RATING: Question.RATING,
}


def _meant_button(context: Context, step: Step, text: str) -> str | None:
    """Words that mean a button: "ok i guess 😐" is Mixed, "no direct" is applied directly."""
    book = deps(context).phrases
    if step is Step.RATING:
        return tapped.rating(text, book)
    if step is Step.AGENCY:
        found = tapped.agency(text, book)
        if isinstance(found, tapped.AgencyAnswer) and not found.via_agency:
            return "no"
    return None


def _typed_agency(context: Context, step: Step, text: str) -> str | None:
    """ "yeah thru teksystems, my recruiter is mike" -> "Mike (TEKsystems)", as the question
    keeps a recruiter; two ways to split ("thru Hays, Tom") are left for the reader to ask."""
    if step is not Step.AGENCY:
        return None
    found = tapped.agency(text, deps(context).phrases)
    if not isinstance(found, tapped.AgencyAnswer) or not found.via_agency:
        return None
    if found.recruiter and found.agency:
        return f"{found.recruiter} ({found.agency})"
    return found.agency


def _typed_button(context: Context, step: Step, draft: dict[str, Any], text: str) -> str | None:
    """The value of the button whose label the user typed ("It just ended"), if any."""
    content = deps(context).content
    said = answers.normalised(text)
    for value, key in _choices(step, draft).items():
        if answers.normalised(content.label(key)) == said:
            return value
    return None


async def button_answer(update: Update, context: Context) -> str | int | None:
    """A button of the open question: take its value as the answer."""
    query = update.callback_query
    assert query is not None
    parsed = cb.parse(query.data)
    draft = _draft(context)
    step = debrief.next_step(draft, deps(context).clock())
    value = parsed.arg(1) if parsed else None
    if (
        step is None
        or parsed is None
        or parsed.arg(0) != step
        or value not in _choices(step, draft)
    ):
        await unclaimed_button(update, context)
        return None
    await settle_button(update, deps(context).content.label(_choices(step, draft)[value]))
    return await _answer(update, context, value, typed=False)


async def choice_button(update: Update, context: Context) -> str | int | None:
    """One of the readings offered for an answer that could mean two things (or yes/no)."""
    d = deps(context)
    query = update.callback_query
    assert query is not None
    parsed = cb.parse(query.data)
    draft = _draft(context)
    step = debrief.next_step(draft, d.clock())
    pending = draft.get(answers.PENDING)
    if step is None or parsed is None or not pending or pending.get("step") != step:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    index = parsed.arg(2) or ""
    if index == "no":
        draft.pop(answers.PENDING, None)
        await reply(update, d.content.text("debrief.retype"))
        await ask(update, context, step)
        return state_of(step)
    problem = answer_reading.choose(
        step, await _reading(update, context), int(index) if index.isdigit() else -1
    )
    return await _after_reading(update, context, step, problem)


async def _reading(update: Update, context: Context, value: str = "") -> answers.Answer:
    """What reading an answer needs: the draft, where the user is, the time, their history."""
    d = deps(context)
    assert update.effective_user is not None
    user_id = update.effective_user.id
    settings = await settings_for(context, update)
    # The user's last interview with the company they typed (read ahead: the reader is pure).
    earlier = await d.store.latest_with_company(user_id, value) if value else None
    return answers.Answer(
        _draft(context),
        value,
        user_place(d, settings),
        d.clock(),
        d.timing,
        lambda company: earlier if company == value else None,
    )


async def _answer(update: Update, context: Context, value: str, *, typed: bool) -> str | int:
    step = debrief.next_step(_draft(context), deps(context).clock())
    if step is None:
        return await finish(update, context)
    problem = answer_reading.read(step, await _reading(update, context, value), typed=typed)
    return await _after_reading(update, context, step, problem)


async def _after_reading(
    update: Update, context: Context, step: Step, problem: answers.Problem | None
) -> str | int:
    """Move on, or say what was wrong (offering the readings to tap) and stay."""
    if problem is None:
        await _say_decision_moved(update, context)
        return await ask_next(update, context)
    await _explain(update, context, step, problem)
    if problem.ask_again:
        await ask(update, context, step)
    return state_of(step)


async def _say_decision_moved(update: Update, context: Context) -> None:
    """A decision date counted on another day than the one said opens the next message."""
    d = deps(context)
    moved = _draft(context).pop(answers.DECISION_MOVED, None)
    place = user_place(d, await settings_for(context, update))
    line = summary.decision_moved(d.content, moved, place.day_of(d.clock()))
    if line is not None:
        await lead_in(update, line)


async def _explain(update: Update, context: Context, step: Step, problem: answers.Problem) -> None:
    """The refusal or the "which did you mean?" message, with its buttons."""
    d = deps(context)
    buttons: list[list[Button]] = []
    if problem.confirm:
        buttons = [
            [(d.content.label("buttons.confirm_yes"), cb.build(ACTION, "pick", step, 0))],
            [(d.content.label("buttons.confirm_no"), cb.build(ACTION, "pick", step, "no"))],
        ]
    elif problem.choices or problem.buttons:
        labels = problem.choices or tuple(d.content.label(key) for key in problem.buttons)
        buttons = [[(label, cb.build(ACTION, "pick", step, i))] for i, label in enumerate(labels)]
    await reply(update, d.content.text(problem.key, **problem.values), buttons or None)


async def finish(update: Update, context: Context) -> int:
    """Save the interview, then show the summary and the one thing to do now."""
    d = deps(context)
    assert context.user_data is not None
    draft = context.user_data.pop(DRAFT, {})
    assert update.effective_user is not None
    interview = await interviews.finish_debrief(d.ports, update.effective_user.id, draft)
    settings = await settings_for(context, update)
    text, buttons = summary.render(d, interview, user_place(d, settings), draft)
    await reply(update, text, buttons)
    return END


async def edited_answer(update: Update, context: Context) -> bool:
    """An edited message that answered a debrief question: apply the change there.

    Returns False when the edit was not a debrief answer (the caller explains instead).
    """
    message = update.edited_message
    draft = context.user_data.get(DRAFT) if context.user_data is not None else None
    if message is None or message.text is None or not draft:
        return False
    answered = draft.get(ANSWERED, {}).get(str(message.message_id))
    if answered is None:
        return False
    d = deps(context)
    step = Step(answered)
    kept = {key: draft.pop(key) for key in answers.ANSWER_KEYS[step] if key in draft}
    problem = answer_reading.read(
        step, await _reading(update, context, message.text.strip()), typed=True
    )
    if problem is not None:
        draft.update(kept)  # the first answer stands until a readable correction comes
        draft.pop(answers.PENDING, None)
        await _explain(update, context, step, problem)
        await reply(update, d.content.text("debrief.edit_kept"))
    else:
        label = d.content.label(f"debrief_fields.{step.value}")
        await reply(update, d.content.text("debrief.edit_applied", field=label))
    now_open = debrief.next_step(draft, d.clock())
    if now_open is not None:
        await ask(update, context, now_open)
    return True


async def ask_open_question(update: Update, context: Context) -> None:
    """Ask again whichever question the draft is waiting for.

    Read from the draft rather than from the dialog state: if a reply was lost to a network
    error, the draft moved on while the state did not, and the draft is what the answer fills.
    """
    step = debrief.next_step(_draft(context), deps(context).clock())
    await ask(update, context, step or Step.COMPANY)


def build_debrief_flow(book: Phrasebook) -> Flow:
    """The /new flow; persistent with the dialog, so a restart resumes at the open question."""
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    yes_or_no = TextMatches("yes_or_no", lambda t: tapped.yes_or_no(t, book) is not None)

    def answers() -> list[BaseHandler]:  # type: ignore[type-arg]
        """Every debrief state takes every debrief answer: the draft says which question is
        open (button_answer checks the button is that question's), so a state left behind by
        a lost reply never turns a current button into a stale one."""
        return [
            MessageHandler(text, typed_answer),
            CallbackQueryHandler(choice_button, pattern=cb.pattern(ACTION, "pick")),
            *(CallbackQueryHandler(button_answer, pattern=cb.pattern(ACTION, s)) for s in Step),
        ]

    states = {state_of(step): answers() for step in Step}
    states.update(unfinished.build_states(carry_on))
    return Flow(
        entry_points=[
            CommandHandler("new", start_debrief),
            CallbackQueryHandler(start_debrief, pattern=cb.pattern(ACTION, "start")),
            CallbackQueryHandler(start_check_in, pattern=cb.pattern(ACTION, "checkin")),
            CallbackQueryHandler(start_named, pattern=cb.pattern(ACTION, "named")),
            CallbackQueryHandler(start_next_round, pattern=cb.pattern(ACTION, "round")),
        ],
        idle_only=[MessageHandler(text & yes_or_no, typed_yes_to_offer)],
        states=states,  # type: ignore[arg-type]
        reask={
            **{state_of(step): ask_open_question for step in Step},
            unfinished.LEAVING: unfinished.reask_leaving,
            unfinished.RESUMING: unfinished.reask_resuming,
        },
        on_cancel=unfinished.on_cancel,
    )
