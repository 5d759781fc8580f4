"""Corrections: edit one detail of a logged interview, or delete it (after asking).

Opened from the ✏️ buttons under /status. The new value is read exactly like the debrief's answer
to the same question (so "12/3" is asked back, "next week" means the same), the interview is
re-planned, and the reply states the new dates from that plan.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from followup.core import answer_reading, answers, debrief
from followup.core.debrief import Step
from followup.core.due_dates import first_chase_day
from followup.core.formatting import local_day, local_moment
from followup.core.model import Interview
from followup.services import interviews
from handlers import callback_data as cb
from handlers import routes, summary
from handlers.choose import own_interview
from handlers.common import (
    Button,
    Context,
    Deps,
    deps,
    lead_in,
    reply,
    settings_for,
    settle_button,
    user_place,
)
from handlers.dialog import END, Flow
from handlers.fallback import unclaimed_button

ACTION = routes.EDIT
PICK_FIELD, VALUE, CONFIRM_DELETE = "edit:field", "edit:value", "edit:delete"
EDIT = "edit"  # user_data: {"interview_id", "field", and the draft keys being read}
FIELDS = (Step.COMPANY, Step.ROLE, Step.WHEN, Step.AGENCY, Step.DECISION)
# Buttons offered with each field's question: callback value -> content key of the label.
QUICK: dict[Step, dict[str, str]] = {
    Step.ROLE: {"skip": "edit_buttons.no_role"},
    Step.AGENCY: {"no": "buttons.agency_no", "yes": "buttons.agency_yes"},
    Step.DECISION: {"none": "buttons.decision_none"},
}


async def start_edit(update: Update, context: Context) -> str | int | None:
    """A ✏️ button under /status: what would you like to change?"""
    d = deps(context)
    interview = await own_interview(update, context)
    if interview is None:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    assert context.user_data is not None
    context.user_data[EDIT] = {"interview_id": interview.id}
    await _ask_field(update, d, interview)
    return PICK_FIELD


async def _ask_field(update: Update, d: Deps, interview: Interview) -> None:
    label = d.content.label
    rows: list[list[Button]] = [
        [(label(f"debrief_fields.{step.value}"), cb.build(ACTION, "field", interview.id, step))]
        for step in FIELDS
    ]
    rows.append([(label("status_buttons.next_round"), routes.next_round(interview.id))])
    rows.append([(label("edit_buttons.delete"), cb.build(ACTION, "delete", interview.id))])
    if not interview.is_open:
        rows.append([(label("chase_buttons.reopen"), routes.chase_act("reopen", interview.id))])
    await reply(update, d.content.text("edit.what", company=interview.company), rows)


async def pick_field(update: Update, context: Context) -> str | int | None:
    """Which detail to change: ask for its new value."""
    d = deps(context)
    interview, parsed = await own_interview(update, context), cb.parse(_data(update))
    field = parsed.arg(2) if parsed else None
    if (
        interview is None
        or field not in {s.value for s in FIELDS}
        or not _editing(context, interview)
    ):
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    assert context.user_data is not None
    context.user_data[EDIT]["field"] = field
    await _ask_value(update, d, interview, Step(field))
    return VALUE


async def _ask_value(update: Update, d: Deps, interview: Interview, step: Step) -> None:
    quick = [
        [(d.content.label(key), cb.build(ACTION, "quick", interview.id, value))]
        for value, key in QUICK.get(step, {}).items()
    ]
    await reply(update, d.content.text(f"edit.ask_{step.value}"), quick or None)


def _data(update: Update) -> str | None:
    return update.callback_query.data if update.callback_query else None


def _editing(context: Context, interview: Interview) -> bool:
    """Whether the pressed button belongs to the edit that is open."""
    editing = context.user_data.get(EDIT) if context.user_data is not None else None
    return isinstance(editing, dict) and editing.get("interview_id") == interview.id


async def typed_value(update: Update, context: Context) -> str | int:
    assert update.message is not None and update.message.text is not None
    return await _read(update, context, update.message.text.strip(), typed=True)


async def quick_value(update: Update, context: Context) -> str | int | None:
    interview, parsed = await own_interview(update, context), cb.parse(_data(update))
    if interview is None or parsed is None or not _editing(context, interview):
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    return await _read(update, context, parsed.arg(2) or "", typed=False)


async def choice_value(update: Update, context: Context) -> str | int | None:
    """One of the readings offered for a value that could mean two things."""
    interview, parsed = await own_interview(update, context), cb.parse(_data(update))
    if interview is None or parsed is None or not _editing(context, interview):
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    index = parsed.arg(2) or ""
    return await _read(update, context, "", typed=False, pick=int(index) if index.isdigit() else -1)


async def _read(
    update: Update, context: Context, value: str, *, typed: bool, pick: int | None = None
) -> str | int:
    """Read the new value like the debrief would, then save, re-plan and confirm."""
    d = deps(context)
    assert context.user_data is not None and update.effective_user is not None
    editing: dict[str, Any] = context.user_data.get(EDIT, {})
    interview = await d.store.interview(update.effective_user.id, editing.get("interview_id", ""))
    step = Step(editing.get("field", Step.COMPANY.value))
    if interview is None:
        return END
    draft = {
        **debrief.draft_for(interview),
        **{k: v for k, v in editing.items() if k == answers.PENDING},
    }
    for key in answers.ANSWER_KEYS[step]:
        draft.pop(key, None)
    if interview.debriefed:
        draft[answers.TENSE] = "past"  # they told us how it went: it has happened
    place = user_place(d, await settings_for(context, update))
    reading = answers.Answer(draft, value, place, d.clock(), d.timing, lambda _c: None)
    problem = (
        answer_reading.choose(step, reading, pick)
        if pick is not None
        else answer_reading.read(step, reading, typed=typed)
    )
    if problem is not None:
        editing.pop(answers.PENDING, None)
        if answers.PENDING in draft:
            editing[answers.PENDING] = draft[answers.PENDING]
        buttons = [
            [(label, cb.build(ACTION, "choice", interview.id, i))]
            for i, label in enumerate(problem.choices)
        ]
        await reply(update, d.content.text(problem.key, **problem.values), buttons or None)
        if problem.ask_again:
            await _ask_value(update, d, interview, step)
        return VALUE
    updated = await interviews.edit_field(d.ports, interview, step, draft)
    context.user_data.pop(EDIT, None)
    moved = summary.decision_moved(
        d.content, draft.get(answers.DECISION_MOVED), place.day_of(d.clock())
    )
    if moved is not None:
        await lead_in(update, moved)
    await reply(update, _confirmation(d, updated, step, place))
    return END


def _confirmation(d: Deps, interview: Interview, step: Step, place: Any) -> str:
    """ "Changed." plus the dates that follow from the new plan."""
    now = d.clock()
    today = place.day_of(now)
    field = d.content.label(f"debrief_fields.{step.value}")
    lines = [d.content.text("edit.saved", company=interview.company, field=field)]
    if step is Step.DECISION and interview.decision_date is not None:
        # Show the day as read: "2/1" may have had a reading dropped as before the interview.
        decided = local_day(interview.decision_date, today)
        lines.append(d.content.text("edit.decision_day", day=decided))
    if (
        step in (Step.WHEN, Step.DECISION, Step.AGENCY)
        and interview.is_open
        and not interview.chases
    ):
        when = local_moment(interview.when, place.zone, now)
        day = local_day(first_chase_day(interview, place, d.timing), today)
        lines.append(d.content.text("edit.new_plan", when=when, day=day))
    return "\n".join(lines)


async def ask_delete(update: Update, context: Context) -> str | int | None:
    """ "Delete Acme?": it asks first."""
    d = deps(context)
    interview = await own_interview(update, context)
    if interview is None or not _editing(context, interview):
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    buttons = [
        [(d.content.label("edit_buttons.delete_yes"), cb.build(ACTION, "gone", interview.id))],
        [(d.content.label("edit_buttons.delete_no"), cb.build(ACTION, "keep", interview.id))],
    ]
    await reply(update, d.content.text("edit.delete_confirm", company=interview.company), buttons)
    return CONFIRM_DELETE


async def confirm_delete(update: Update, context: Context) -> str | int | None:
    d = deps(context)
    interview, parsed = await own_interview(update, context), cb.parse(_data(update))
    if interview is None or parsed is None or not _editing(context, interview):
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    assert context.user_data is not None
    context.user_data.pop(EDIT, None)
    if parsed.arg(0) != "gone":
        await reply(update, d.content.text("edit.delete_kept", company=interview.company))
        return END
    await interviews.delete(d.ports, interview)
    await reply(update, d.content.text("edit.deleted", company=interview.company))
    return END


async def forget_edit(update: Update, context: Context) -> None:
    """/cancel mid-edit: nothing was changed."""
    if context.user_data is not None:
        context.user_data.pop(EDIT, None)


async def _reask_field(update: Update, context: Context) -> None:
    d = deps(context)
    interview = await _open_edit(update, context)
    if interview is not None:
        await _ask_field(update, d, interview)


async def _reask_value(update: Update, context: Context) -> None:
    interview = await _open_edit(update, context)
    editing = context.user_data.get(EDIT, {}) if context.user_data is not None else {}
    if interview is not None and "field" in editing:
        await _ask_value(update, deps(context), interview, Step(editing["field"]))


async def _reask_delete(update: Update, context: Context) -> None:
    await reply(update, deps(context).content.text("outcome.tap_above"))


async def _open_edit(update: Update, context: Context) -> Interview | None:
    editing = context.user_data.get(EDIT, {}) if context.user_data is not None else {}
    user = update.effective_user
    if user is None:
        return None
    return await deps(context).store.interview(user.id, editing.get("interview_id", ""))


def build_edit_flow() -> Flow:
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    return Flow(
        entry_points=[CallbackQueryHandler(start_edit, pattern=cb.pattern(ACTION, "open"))],
        states={
            PICK_FIELD: [
                CallbackQueryHandler(pick_field, pattern=cb.pattern(ACTION, "field")),
                CallbackQueryHandler(ask_delete, pattern=cb.pattern(ACTION, "delete")),
            ],
            VALUE: [
                MessageHandler(text, typed_value),
                CallbackQueryHandler(quick_value, pattern=cb.pattern(ACTION, "quick")),
                CallbackQueryHandler(choice_value, pattern=cb.pattern(ACTION, "choice")),
            ],
            CONFIRM_DELETE: [
                CallbackQueryHandler(confirm_delete, pattern=cb.pattern(ACTION, "gone")),
                CallbackQueryHandler(confirm_delete, pattern=cb.pattern(ACTION, "keep")),
            ],
        },
        reask={PICK_FIELD: _reask_field, VALUE: _reask_value, CONFIRM_DELETE: _reask_delete},
        on_cancel=forget_edit,
    )
