"""Timed nudges: the job that sends one, and the buttons on it (Done, Draft, Snooze, I heard back).

The send path asks services/delivery.py whether the nudge is still wanted, sends, and only then
has it marked sent: a crash in between can repeat a nudge, never lose one. Every
date a nudge states comes from the interview's plan; a snooze lands on a working day for the
nudges that belong on one, and says which day.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Awaitable

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import CallbackQueryHandler

from followup.core.advice import thank_you_reason
from followup.core.calendar import Place
from followup.core.due_dates import first_chase_day, second_chase_day
from followup.core.formatting import local_day, local_moment
from followup.core.language import speaking_in
from followup.core.model import AFTER_OUTCOME, CHASE_KINDS, Interview, Nudge, NudgeKind
from followup.core.snooze import Until
from followup.ops.metrics import FAILED, SENT, SKIPPED, record_nudge
from followup.services import delivery, nudges
from handlers import acts, routes
from handlers import callback_data as cb
from handlers.common import Button, Context, Deps, deps, keyboard, settle_button, user_place

log = logging.getLogger(__name__)
ACTION = routes.NUDGE
REASSURANCE_VARIANTS = 3


def nudge_text(d: Deps, nudge: Nudge, interview: Interview, place: Place) -> str:
    """The words of a nudge; every date in them is read off the interview's plan."""
    content = d.content
    now = d.clock()
    today = place.day_of(now)
    recruiter = interview.recruiter or content.label("nudge.contact_agency")
    if interview.via_agency:
        contact = content.text("nudge.contact_recruiter", recruiter=recruiter)
    else:
        contact = content.text("nudge.contact_team")
    key = f"nudge.{nudge.kind.value}"
    if nudge.kind is NudgeKind.REASSURANCE:
        key += f"_{zlib.crc32(interview.id.encode()) % REASSURANCE_VARIANTS + 1}"
    reason = thank_you_reason(interview)
    if nudge.kind is NudgeKind.THANK_YOU and reason is not None:
        key += f"_strong_{reason}"
    next_day = second_chase_day(interview, place, d.timing) or first_chase_day(
        interview, place, d.timing
    )
    if nudge.kind is NudgeKind.OFFER_DEADLINE and interview.answer_by is not None:
        next_day = interview.answer_by  # the day this nudge is about
    return content.text(
        key,
        company=interview.company,
        recruiter=recruiter,
        contact=contact,
        day=local_day(next_day, today),
        when=local_moment(interview.when, place.zone, now),
    )


def nudge_buttons(d: Deps, nudge: Nudge) -> list[list[Button]]:
    """Each nudge offers its action (a draft where one helps), snoozes, and "I heard back"."""
    label = d.content.label
    kind, nid, iid = nudge.kind, nudge.id, nudge.interview_id

    def act(key: str, verb: str) -> Button:
        return label(f"nudge_buttons.{key}"), cb.build(ACTION, verb, nid)

    snoozes = [act("snooze_hour", "hour"), act("snooze_morning", "morning")]
    heard = [(label("nudge_buttons.heard"), routes.pick_outcome(iid))]
    if kind is NudgeKind.BEFORE:
        return [[act("ok", "done")]]
    if kind is NudgeKind.CHECK_IN:
        return [[(label("nudge_buttons.debrief"), routes.debrief_check_in(nid))], snoozes]
    if kind is NudgeKind.RECRUITER_FEEDBACK:
        notes = (label("chase_buttons.feedback"), routes.draft("notes", iid))
        return [[notes, act("done_feedback", "done")], snoozes, heard]
    if kind is NudgeKind.THANK_YOU:
        draft = (label("nudge_buttons.draft"), routes.draft("ty", iid))
        return [[draft, act("done_thank_you", "done")], snoozes, heard]
    if kind in CHASE_KINDS:
        draft = (label("nudge_buttons.draft"), routes.draft("chase", iid))
        return [[draft, act("done_chase", "done")], snoozes, heard]
    if kind is NudgeKind.FOLLOW_THROUGH:
        return [
            [act("sent_it", "done")],
            [act("not_yet", "morning")],
            [act("skip_chase", "skip")],
            heard,
        ]
    if kind is NudgeKind.REJECTION_REPLY:
        draft = (label("nudge_buttons.draft_reply"), routes.draft("reject", iid))
        return [[draft], [act("no_thanks", "done")]]
    if kind is NudgeKind.OFFER_DEADLINE:

        def answer_draft(key: str, kind: routes.DraftKind) -> Button:
            return label(f"outcome_buttons.draft_{key}"), routes.draft(kind, iid)

        answered = (label("drafting_buttons.answered"), routes.offer_answered(iid))
        return [
            [answer_draft("accept", "accept"), answer_draft("decline", "decline")],
            [answer_draft("counter", "counter"), answer_draft("time", "time")],
            [answered],
            snoozes,
        ]
    if kind is NudgeKind.TIP_REQUEST:
        share = (label("nudge_buttons.share_tip"), routes.share_tip(iid))
        return [[share], [act("no_thanks", "done")]]
    return [[act("ok", "done")], heard]


async def deliver(context: Context, claimed: Nudge) -> None:
    """Send one claimed nudge once: still wanted? (services/delivery.py) send, then settle it."""
    d = deps(context)
    checked = await delivery.still_wanted(d.ports, claimed)
    if checked is None:
        return
    if isinstance(checked, delivery.Dropped):
        record_nudge(context.bot_data, SKIPPED, checked.nudge, d.clock(), checked.reason)
        return
    nudge = checked.nudge
    await d.pacer.wait_turn(nudge.chat_id)
    with speaking_in(checked.language):
        text = nudge_text(d, nudge, checked.interview, checked.place)
        buttons = keyboard(nudge_buttons(d, nudge))
    send = context.bot.send_message(nudge.chat_id, text, reply_markup=buttons)
    if await went_out(context, nudge, send, "nudge"):
        sent_at = await delivery.sent(d.ports, checked)
        record_nudge(context.bot_data, SENT, nudge, sent_at)


async def went_out(context: Context, nudge: Nudge, send: Awaitable[object], what: str) -> bool:
    """Send a claimed nudge (or weekly card) once: a block, a refusal or a network failure is
    settled as for every nudge (paused, skipped, retried later). True when it went out."""
    d = deps(context)
    try:
        await send
    except Forbidden:
        record_nudge(context.bot_data, FAILED, nudge, d.clock(), "blocked")
        log.info("user %s blocked the bot; pausing their nudges", nudge.user_id)
        await delivery.blocked(d.ports, nudge)
        return False
    except BadRequest:
        record_nudge(context.bot_data, FAILED, nudge, d.clock(), "refused")
        log.exception("Telegram refused %s %s; skipping it", what, nudge.id)
        await delivery.refused(d.ports, nudge)
        return False
    except (NetworkError, RetryAfter) as error:
        record_nudge(context.bot_data, FAILED, nudge, d.clock(), "network")
        _, delay = await delivery.retry_later(d.ports, nudge)
        log.warning("%s %s failed (%s); retrying in %s s", what, nudge.id, error, delay)
        return False
    return True


# --- Buttons on a nudge ---------------------------------------------------------------------------


async def nudge_button(update: Update, context: Context) -> None:
    """Done / Snooze / Skip: only ever on the pressing user's own nudge."""
    d = deps(context)
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    parsed = cb.parse(query.data)
    user_id = update.effective_user.id
    found = await nudges.pressed(d.ports, user_id, parsed.arg(1) or "") if parsed else None
    action = parsed.arg(0) if parsed else None
    if found is None or action not in ("done", "hour", "morning", "skip"):
        await query.answer(d.content.label("fallback.unknown_button"))
        return
    nudge, interview = found.nudge, found.interview
    place = user_place(d, await d.store.settings(user_id))
    now = d.clock()
    buttons: list[list[Button]] | None = None
    if found.settled:
        text: str = d.content.text("nudge_reply.gone")
    elif action == "done":
        text, buttons = await _done(d, nudge, interview)
    elif action == "skip":
        await nudges.skip_chasing(d.ports, nudge, interview)
        text = d.content.text("nudge_reply.chasing_stopped", company=interview.company)
    else:
        moved = await nudges.snooze(d.ports, nudge, Until(action), place, now)
        text = d.content.text("nudge_reply.snoozed", when=local_moment(moved.due, place.zone, now))
    await settle_button(update)
    chat = update.effective_chat
    assert chat is not None
    await chat.send_message(text, reply_markup=keyboard(buttons) if buttons else None)


async def _done(
    d: Deps, nudge: Nudge, interview: Interview
) -> tuple[str, list[list[Button]] | None]:
    """The nudge's main button, recorded through the shared acts; the reply says what it did."""
    done = await nudges.done(d.ports, nudge, interview)
    if done.already_logged:
        return acts.same_or_another(d, interview)
    if done.chase is not None:
        return await acts.chase_confirmation(d, done.chase), None
    if nudge.kind is NudgeKind.RECRUITER_FEEDBACK:
        return acts.feedback_done(d, interview), None
    if nudge.kind is NudgeKind.THANK_YOU:
        return acts.thank_you_done(d, interview), None
    if nudge.kind is NudgeKind.MOVE_ON:
        return d.content.text("nudge_reply.move_on_ok", company=interview.company), None
    if nudge.kind in AFTER_OUTCOME:
        return d.content.text("nudge_reply.no_thanks"), None
    return d.content.text("nudge_reply.ok"), None


def build_nudge_handlers() -> list[CallbackQueryHandler]:  # type: ignore[type-arg]
    return [CallbackQueryHandler(nudge_button, pattern=cb.pattern(ACTION))]
