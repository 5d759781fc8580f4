"""Showing ready-to-copy drafts: subject and body as separate copy blocks, signed, with the log
button under them.

Every draft button (on a verdict, a nudge, a summary or an answer) comes here. The first time,
the user is asked how to sign their emails (their Telegram first name is one tap); a thank-you
asks who it is for when the notes name several people, and what to pick up on when the notes
hold several safe topics.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from followup.core import (
    chase_draft,
    feedback_notes,
    notes,
    offer_drafts,
    reply_drafts,
    thank_you_draft,
)
from followup.core.answers import has_words
from followup.core.drafts import Draft
from followup.core.model import Interview, Outcome
from followup.core.notes import person_name
from followup.services import settings as user_settings
from handlers import callback_data as cb
from handlers import routes
from handlers.common import (
    Context,
    Deps,
    deps,
    escape,
    lead_in,
    reply,
    settings_for,
    user_place,
)
from handlers.counter_offer import (
    COUNTER_FIGURE,
    build_counter_states,
    reask_figure,
    show_counter,
)
from handlers.dialog import END, Flow, come_back, detour_to
from handlers.draft_view import send_draft, send_offer_answer

ACTION = routes.DRAFT
SIGN = "sign:ask"
PENDING = "draft_after_sign"  # the draft button pressed before we knew the name
NAME_LIMIT = 60
_T = TypeVar("_T")


async def draft_button(update: Update, context: Context) -> str | int | None:
    """A draft button: ask for the signature once, else show the draft asked for."""
    d = deps(context)
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    parsed = cb.parse(query.data)
    interview = await _own(d, update.effective_user.id, parsed.arg(1) if parsed else None)
    if parsed is None or interview is None or parsed.arg(0) not in _SHOW:
        await query.answer(d.content.label("fallback.unknown_button"))
        return None
    await query.answer()
    settings = await settings_for(context, update)
    if settings.sender_name is None and parsed.arg(0) != "notes":
        assert context.user_data is not None
        context.user_data[PENDING] = query.data
        await ask_name(update, context)
        return detour_to(context, SIGN)
    # A draft that needs one more answer (a counter-offer's figure) asks it, then comes back.
    shown = await _SHOW[parsed.arg(0) or ""](update, context, interview, parsed.args[2:])
    return detour_to(context, shown) if shown == COUNTER_FIGURE else shown


async def _own(d: Deps, user_id: int, interview_id: str | None) -> Interview | None:
    return await d.store.interview(user_id, interview_id or "")


async def show_chase_draft(
    update: Update, context: Context, interview: Interview, extra: tuple[str, ...] = ()
) -> None:
    """The follow-up email (the second one reads differently), with "I sent it" under it."""
    d = deps(context)
    settings = await settings_for(context, update)
    place = user_place(d, settings)
    today = place.day_of(d.clock())
    first = place.day_of(min(interview.chases)) if interview.chases else None
    draft = chase_draft.chase_email(
        interview,
        d.content,
        today,
        zone=place.zone,
        sender=settings.sender_name,
        second=bool(interview.chases),
        first_sent=first,
    )
    log = (d.content.label("chase_buttons.sent"), routes.chase_act("sent", interview.id))
    key = "drafting.chase_second" if interview.chases else "drafting.chase"
    await send_draft(update, d, key, interview, draft, [[log]])


async def show_call_notes(
    update: Update, context: Context, interview: Interview, extra: tuple[str, ...] = ()
) -> None:
    """Points for the call to the recruiter (private: for the user's eyes only)."""
    d = deps(context)
    points = feedback_notes.feedback_summary(interview, d.content)
    done = (d.content.label("acts_buttons.called"), routes.chase_act("called", interview.id))
    text = d.content.text("drafting.call_notes", company=interview.company)
    await reply(update, f"{text}\n<pre>{escape(points)}</pre>", [[done]])


async def show_thank_you(
    update: Update, context: Context, interview: Interview, extra: tuple[str, ...] = ()
) -> None:
    """The thank-you: first who it is for and what it picks up on, when the notes offer a choice."""
    d = deps(context)
    names = notes.interviewers(interview.notes, recruiter=interview.recruiter)
    topics = notes.topics(interview.notes, recruiter=interview.recruiter)
    chosen = dict((part[0], part[1:]) for part in extra if part)
    if len(names) > 1 and "p" not in chosen:
        buttons = [
            [(name, cb.build(ACTION, "ty", interview.id, f"p{i}"))] for i, name in enumerate(names)
        ]
        await reply(update, d.content.text("drafting.who"), buttons)
        return
    person = _pick(names, chosen.get("p"))
    if len(topics) > 1 and "t" not in chosen:
        base = [f"p{chosen['p']}"] if "p" in chosen else []
        buttons = [
            [(topic.label, cb.build(ACTION, "ty", interview.id, *base, f"t{i}"))]
            for i, topic in enumerate(topics)
        ]
        general = d.content.label("drafting_buttons.general")
        buttons.append([(general, cb.build(ACTION, "ty", interview.id, *base, "tx"))])
        await reply(update, d.content.text("drafting.topic"), buttons)
        return
    # With one safe topic (or none) there is nothing to ask: the draft picks its own line.
    topic = _pick(topics, chosen.get("t")) if len(topics) > 1 else None
    settings = await settings_for(context, update)
    draft = thank_you_draft.thank_you_email(
        interview, d.content, sender=settings.sender_name, interviewer=person, topic=topic
    )
    done = (d.content.label("acts_buttons.thanked"), routes.chase_act("thanked", interview.id))
    await send_draft(update, d, "drafting.thank_you", interview, draft, [[done]])


def _pick(items: list[_T], index: str | None) -> _T | None:
    """The item a button's index names; None for "x" (none of them) or a bad index."""
    if index is None or not index.isdigit() or int(index) >= len(items):
        return None
    return items[int(index)]


def _plain(
    write: Callable[..., Draft], key: str
) -> Callable[[Update, Context, Interview, tuple[str, ...]], Coroutine[Any, Any, None]]:
    """A draft with no choices to make: written, signed and shown under its one-line title."""

    async def show(
        update: Update, context: Context, interview: Interview, extra: tuple[str, ...] = ()
    ) -> None:
        d = deps(context)
        settings = await settings_for(context, update)
        await send_draft(
            update, d, key, interview, write(interview, d.content, sender=settings.sender_name), []
        )

    return show


# A gracious reply to a no (thanks, and a request for feedback: the recruiter's, via an agency);
# asking for the offer in writing, with the details and a date to answer by.
show_rejection_reply = _plain(reply_drafts.rejection_reply, "drafting.rejection_reply")
show_offer_request = _plain(reply_drafts.written_offer_request, "drafting.offer_request")


def _answer(
    write: Callable[..., Draft], key: str
) -> Callable[[Update, Context, Interview, tuple[str, ...]], Coroutine[Any, Any, None]]:
    """An answer to the offer: the draft, a note on any gaps to fill, and "I've answered them"."""

    async def show(
        update: Update, context: Context, interview: Interview, extra: tuple[str, ...] = ()
    ) -> None:
        d = deps(context)
        settings = await settings_for(context, update)
        draft = write(interview, d.content, sender=settings.sender_name)
        await send_offer_answer(update, d, key, interview, draft)

    return show


show_accept = _answer(offer_drafts.accept_offer, "drafting.accept")
show_decline = _answer(offer_drafts.decline_offer, "drafting.decline")
show_more_time = _answer(offer_drafts.ask_for_time, "drafting.more_time")


Shower = Callable[
    [Update, Context, Interview, tuple[str, ...]], Coroutine[Any, Any, str | int | None]
]
_SHOW: dict[str, Shower] = {
    "chase": show_chase_draft,
    "notes": show_call_notes,
    "ty": show_thank_you,
    "reject": show_rejection_reply,
    "offer": show_offer_request,
    "accept": show_accept,
    "decline": show_decline,
    "time": show_more_time,
    "counter": show_counter,
}


def draft_callback(kind: str, interview: Interview) -> str:
    """The payload of a button that shows a draft of `kind` for the interview."""
    return cb.build(ACTION, kind, interview.id)


def outcome_draft_kind(outcome: Outcome | None) -> str | None:
    """The draft that fits an outcome, if one does."""
    return {Outcome.REJECTED: "reject", Outcome.OFFER: "offer"}.get(outcome)  # type: ignore[arg-type]


# --- The signature -----------------------------------------------------------------------------


async def ask_name(update: Update, context: Context) -> None:
    """ "How should I sign your emails?", with their Telegram first name as one tap."""
    d = deps(context)
    user = update.effective_user
    buttons = []
    if user is not None and user.first_name:
        buttons = [[(user.first_name[:NAME_LIMIT], cb.build(routes.SIGN, "first"))]]
    settings = await settings_for(context, update)
    current = settings.sender_name
    key = "drafting.ask_name_again" if current else "drafting.ask_name"
    if not buttons:  # no first name to offer (a terminal account without one): typing only
        key += "_typed"
    await reply(update, d.content.text(key, name=current or ""), buttons or None)


async def start_name(update: Update, context: Context) -> str:
    """/name: change how drafts are signed."""
    await ask_name(update, context)
    return detour_to(context, SIGN)


async def typed_name(update: Update, context: Context) -> str | int:
    assert update.message is not None and update.message.text is not None
    name = " ".join(update.message.text.split())
    if not name or len(name) > NAME_LIMIT:
        await reply(update, deps(context).content.text("drafting.name_bad", limit=NAME_LIMIT))
        return SIGN
    if not has_words(name):
        await reply(update, deps(context).content.text("drafting.name_no_letters"))
        return SIGN
    return await _save_name(update, context, person_name(name))


async def first_name_button(update: Update, context: Context) -> str | int:
    user = update.effective_user
    query = update.callback_query
    assert user is not None and query is not None
    await query.answer()
    return await _save_name(update, context, user.first_name[:NAME_LIMIT])


async def _save_name(update: Update, context: Context, name: str) -> str | int:
    """Keep the name, show the draft that was waiting for it, and go back to any open question."""
    d = deps(context)
    settings = await settings_for(context, update)
    await user_settings.set_sender_name(d.ports, settings, name)
    await lead_in(update, d.content.text("drafting.name_saved", name=name))
    assert context.user_data is not None
    pending = context.user_data.pop(PENDING, None)
    parsed = cb.parse(pending)
    if parsed is not None and update.effective_user is not None:
        interview = await _own(d, update.effective_user.id, parsed.arg(1))
        if interview is not None and parsed.arg(0) in _SHOW:
            shown = await _SHOW[parsed.arg(0) or ""](update, context, interview, parsed.args[2:])
            if shown == COUNTER_FIGURE:
                return shown  # the detour goes on to that question, and comes back after it
    return await come_back(update, context)


def build_drafting_flow() -> Flow:
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    return Flow(
        entry_points=[
            CallbackQueryHandler(draft_button, pattern=cb.pattern(ACTION)),
            CommandHandler("name", start_name),
        ],
        states={
            SIGN: [
                MessageHandler(text, typed_name),
                CallbackQueryHandler(first_name_button, pattern=cb.pattern(routes.SIGN, "first")),
            ],
            **build_counter_states(),
        },
        reask={SIGN: ask_name, COUNTER_FIGURE: reask_figure},
    )


__all__ = ["END", "build_drafting_flow", "draft_callback", "show_call_notes", "show_chase_draft"]
