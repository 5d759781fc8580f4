"""Each kind of draft a button asks for: follow-up, call notes, thank-you, replies, offer answers.

A thank-you asks who it is for when the notes name several people, and what to pick up on when
the notes hold several safe topics.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from telegram import Update

from followup.core import (
    chase_draft,
    feedback_notes,
    notes,
    offer_drafts,
    reply_drafts,
    thank_you_draft,
)
from followup.core.drafts import Draft
from followup.core.model import Interview
from handlers import callback_data as cb
from handlers import routes
from handlers.common import Context, deps, escape, reply, settings_for, user_place
from handlers.counter_offer import show_counter
from handlers.draft_view import send_draft, send_offer_answer, templates

ACTION = routes.DRAFT
_T = TypeVar("_T")


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
        templates(d, interview),
        today,
        zone=place.zone,
        sender=settings.sender_name,
        second=bool(interview.chases),
        first_sent=first,
    )
    log = (d.content.label("chase_buttons.sent"), routes.chase_act("sent", interview.id))
    key = "drafting.chase_second" if interview.chases else "drafting.chase"
    await send_draft(update, d, "chase", key, interview, draft, [[log]])


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
        interview,
        templates(d, interview),
        sender=settings.sender_name,
        interviewer=person,
        topic=topic,
    )
    done = (d.content.label("acts_buttons.thanked"), routes.chase_act("thanked", interview.id))
    await send_draft(update, d, "ty", "drafting.thank_you", interview, draft, [[done]])


def _pick(items: list[_T], index: str | None) -> _T | None:
    """The item a button's index names; None for "x" (none of them) or a bad index."""
    if index is None or not index.isdigit() or int(index) >= len(items):
        return None
    return items[int(index)]


def _plain(
    write: Callable[..., Draft], kind: routes.DraftKind, key: str
) -> Callable[[Update, Context, Interview, tuple[str, ...]], Coroutine[Any, Any, None]]:
    """A draft with no choices to make: written, signed and shown under its one-line title."""

    async def show(
        update: Update, context: Context, interview: Interview, extra: tuple[str, ...] = ()
    ) -> None:
        d = deps(context)
        settings = await settings_for(context, update)
        draft = write(interview, templates(d, interview), sender=settings.sender_name)
        await send_draft(update, d, kind, key, interview, draft, [])

    return show


# A gracious reply to a no (thanks, and a request for feedback: the recruiter's, via an agency);
# asking for the offer in writing, with the details and a date to answer by.
show_rejection_reply = _plain(reply_drafts.rejection_reply, "reject", "drafting.rejection_reply")
show_offer_request = _plain(reply_drafts.written_offer_request, "offer", "drafting.offer_request")


def _answer(
    write: Callable[..., Draft], kind: routes.DraftKind, key: str
) -> Callable[[Update, Context, Interview, tuple[str, ...]], Coroutine[Any, Any, None]]:
    """An answer to the offer: the draft, a note on any gaps to fill, and "I've answered them"."""

    async def show(
        update: Update, context: Context, interview: Interview, extra: tuple[str, ...] = ()
    ) -> None:
        d = deps(context)
        settings = await settings_for(context, update)
        draft = write(interview, templates(d, interview), sender=settings.sender_name)
        await send_offer_answer(update, d, kind, key, interview, draft)

    return show


show_accept = _answer(offer_drafts.accept_offer, "accept", "drafting.accept")
show_decline = _answer(offer_drafts.decline_offer, "decline", "drafting.decline")
show_more_time = _answer(offer_drafts.ask_for_time, "time", "drafting.more_time")


Shower = Callable[
    [Update, Context, Interview, tuple[str, ...]], Coroutine[Any, Any, str | int | None]
]
SHOW: dict[str, Shower] = {
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
