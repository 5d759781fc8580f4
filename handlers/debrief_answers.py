"""Reading the debrief's answers: typed, tapped, picked among readings, or edited afterwards.

Typed answers always work (the buttons' own words included). An answer that could mean two
things is asked back with buttons; an edited answer is applied to the question it answered.
"""

from __future__ import annotations

from typing import Any

from telegram import Update

from followup.core import answer_reading, answers, debrief, tapped
from followup.core.debrief import Step
from followup.core.news import Question
from handlers import callback_data as cb
from handlers import news, summary
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
from handlers.debrief_asking import (
    ACTION,
    ANSWERED,
    CONTACT_ONLY,
    DRAFT,
    ask,
    ask_next,
    choices,
    draft_of,
    finish,
    state_of,
)
from handlers.fallback import unclaimed_button


async def typed_answer(update: Update, context: Context) -> str | int:
    """A text message while a question is open: read it as the answer to that question."""
    message = update.message
    assert message is not None and message.text is not None
    draft = draft_of(context)
    step = debrief.next_step(draft, deps(context).clock())
    if step in _NEWS_FIRST and await news.mid_question(update, context, _NEWS_FIRST[step]):
        assert step is not None
        await ask(update, context, step)  # the news is dealt with: back to the question
        return state_of(step)
    if step is not None:
        draft.setdefault(ANSWERED, {})[str(message.message_id)] = step.value
        button = _typed_button(context, step, draft, message.text) or _meant_button(
            context, step, draft, message.text
        )
        if button is not None:
            return await answer(update, context, button, typed=False)
        agency = _typed_agency(context, step, message.text)
        if agency is not None:
            return await answer(update, context, agency, typed=False)
    return await answer(update, context, message.text.strip(), typed=True)


# Questions answered with buttons, where a typed message may be news told in passing instead
# ("I GOT THE JOB" at the rating question); free-text questions keep what is typed as the answer.
_NEWS_FIRST: dict[Step | None, Question | None] = {
    Step.AGENCY: Question.AGENCY,
    Step.EXTRAS: None,
    Step.RATING: Question.RATING,
}


def _meant_button(context: Context, step: Step, draft: dict[str, Any], text: str) -> str | None:
    """Words that mean a button: "ok i guess 😐" is Mixed, "no direct" is applied directly,
    "nah" to "a business card?" is No."""
    book = deps(context).phrases
    if step is Step.RATING:
        return tapped.rating(text, book)
    if step is Step.DECISION:  # "no", "nein", "нет": they gave no date (in any language spoken)
        return "none" if tapped.yes_or_no(text, book, strict=True) == tapped.NO else None
    if step is Step.EXTRAS:
        said = tapped.yes_or_no(text, book)
        if choices(step, draft) is CONTACT_ONLY:
            return said  # the buttons are yes and no themselves
        return "neither" if said == tapped.NO else None  # a bare yes: which of the two?
    if step is Step.AGENCY:
        said = tapped.yes_or_no(text, book)  # "nope" is no agency, not a recruiter called Nope
        if said is not None:
            return said
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
    for value, key in choices(step, draft).items():
        if answers.normalised(content.label(key)) == said:
            return value
    return None


async def button_answer(update: Update, context: Context) -> str | int | None:
    """A button of the open question: take its value as the answer."""
    query = update.callback_query
    assert query is not None
    parsed = cb.parse(query.data)
    draft = draft_of(context)
    step = debrief.next_step(draft, deps(context).clock())
    value = parsed.arg(1) if parsed else None
    if step is None or parsed is None or parsed.arg(0) != step or value not in choices(step, draft):
        await unclaimed_button(update, context)
        return None
    await settle_button(update, deps(context).content.label(choices(step, draft)[value]))
    return await answer(update, context, value, typed=False)


async def choice_button(update: Update, context: Context) -> str | int | None:
    """One of the readings offered for an answer that could mean two things (or yes/no)."""
    d = deps(context)
    query = update.callback_query
    assert query is not None
    parsed = cb.parse(query.data)
    draft = draft_of(context)
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
        draft_of(context),
        value,
        user_place(d, settings),
        d.clock(),
        d.timing,
        lambda company: earlier if company == value else None,
    )


async def answer(update: Update, context: Context, value: str, *, typed: bool) -> str | int:
    """Read `value` as the answer to the open question, then move on or ask back."""
    step = debrief.next_step(draft_of(context), deps(context).clock())
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
    moved = draft_of(context).pop(answers.DECISION_MOVED, None)
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
