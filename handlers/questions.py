"""Questions people type in their own words: "should I chase them yet?", "should I send a
thank-you?", "they ghosted me", "what now?", "how do I answer the offer?", "can I call instead?",
"should I connect on LinkedIn?".

followup.core.intent recognises the topic; each answer here is short, about the user's own interview
where it can be (dates from its plan), and offers the matching draft.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

from telegram import Update
from telegram.ext import BaseHandler, MessageHandler, filters

from content import Safe
from followup.core.advice import Action, ThankYou, advise, thank_you_reason, thank_you_stage
from followup.core.calendar import Place
from followup.core.due_dates import first_chase_day, second_chase_day
from followup.core.formatting import local_day
from followup.core.intent import OfferQuestion, Phrasebook, Topic, offer_question, understand
from followup.core.model import Interview, Outcome
from handlers import chase, routes, summary
from handlers.choose import Meant, TextMatches, find_meant, what_they_said
from handlers.common import Button, Context, Deps, deps, reply, settings_for, user_place

Answerer = Callable[[Update, Deps, Meant, Place], Awaitable[None]]


async def answer_question(update: Update, context: Context) -> None:
    """A typed question: find its topic and the interview it is about, then answer."""
    d = deps(context)
    text = what_they_said(update, context)
    topic = understand(text, d.phrases)
    if topic is None or topic not in ANSWERED:
        return
    settings = await settings_for(context, update)
    found = await find_meant(d, settings.user_id, text)
    if topic is Topic.OFFER:  # it remembers what was answered already, so it needs the context
        await _offer(update, context, found, settings.user_id)
        return
    place = user_place(d, settings)
    if topic is Topic.CHASE and found.interview is None:  # it may offer to log a new company
        await chase.explain_not_found(update, context, found, place, "ask", "chase")
        return
    await _ANSWERS[topic](update, d, found, place)


async def _chase(update: Update, d: Deps, found: Meant, place: Place) -> None:
    assert found.interview is not None  # answer_question explains when there is none
    await chase.answer(update, d, found.interview, place, many=found.several_open)


def _latest(found: Meant) -> Interview | None:
    """The interview named, else the newest open one: questions are mostly about the latest."""
    return found.interview or (found.open[0] if found.open else None)


async def _thank_you(update: Update, d: Deps, found: Meant, place: Place) -> None:
    interview = _latest(found)
    if interview is None:
        await reply(update, d.content.text("questions.thank_you_none"))
        return
    today = place.day_of(d.clock())
    values = {"company": interview.company}
    # The same rule as the summary's "what now", so the two never disagree.
    stage = thank_you_stage(interview, d.clock())
    if stage is ThankYou.EARLY:
        day = local_day(place.day_of(interview.when), today)
        await reply(update, d.content.text("questions.thank_you_early", day=day, **values))
        return
    if stage is ThankYou.DONE:
        await reply(update, d.content.text("questions.thank_you_done", **values))
        return
    if stage is ThankYou.LATE:
        day = local_day(_next_follow_up(d, interview, place), today)
        text = d.content.text("questions.thank_you_late", day=day, **values)
    else:
        why = d.content.text(_why_thank(interview))
        due = d.content.text("questions.thank_you_due", **values)
        text = Safe(f"{due}\n{why}")  # both parts are escaped already
    buttons = [summary.action_row(d.content, interview, Action.THANK_YOU)]
    await reply(update, text, buttons)


def _why_thank(interview: Interview) -> str:
    """Why it matters, in the user's own case: their reason; after "neither", that a plain
    interview deserves one too; before they said, the general rule with its strongest cases."""
    reason = thank_you_reason(interview)
    if reason is not None:
        return f"next_step.thank_you_strong_{reason}"
    if interview.outside_hours is False or interview.got_contact is False:
        return "next_step.thank_you_plain"
    return "next_step.thank_you_matters"


def _next_follow_up(d: Deps, interview: Interview, place: Place) -> date:
    """The next follow-up day of the plan: the second one once a first is logged."""
    return second_chase_day(interview, place, d.timing) or first_chase_day(
        interview, place, d.timing
    )


async def _recruiter_call(update: Update, d: Deps, found: Meant, place: Place) -> None:
    interview = _on_agency_route(found)
    if interview is None:
        direct = _latest(found)
        if direct is None:
            await reply(update, d.content.text("questions.recruiter_call_none"))
        else:
            await reply(
                update, d.content.text("questions.recruiter_call_direct", company=direct.company)
            )
        return
    recruiter = interview.recruiter or d.content.label("next_step.your_recruiter")
    label = d.content.label("chase_buttons.feedback")
    buttons = [[(label, routes.draft("notes", interview.id))]]
    text = d.content.text(
        "questions.recruiter_call", recruiter=recruiter, company=interview.company
    )
    await reply(update, text, buttons)


def _on_agency_route(found: Meant) -> Interview | None:
    """The interview meant if it went through an agency, else the newest open one that did."""
    if found.interview is not None:
        return found.interview if found.interview.via_agency else None
    return next((i for i in found.open if i.via_agency), None)


async def _ghosted(update: Update, d: Deps, found: Meant, place: Place) -> None:
    interview = _latest(found)
    if interview is None or not interview.is_open:
        await reply(update, d.content.text("questions.ghosted_none"))
        return
    today = place.day_of(d.clock())
    values = {
        "company": interview.company,
        "day": local_day(_next_follow_up(d, interview, place), today),
    }
    if len(interview.chases) >= 2:
        key = "questions.ghosted_after_chases"
    elif interview.chases:
        key = "questions.ghosted_chased_once"
    elif today < first_chase_day(interview, place, d.timing):
        key = "questions.ghosted_early"
    else:
        key = "questions.ghosted_due"
    await reply(update, d.content.text(key, **values))
    await chase.answer(update, d, interview, place, many=found.several_open)


async def _what_now(update: Update, d: Deps, found: Meant, place: Place) -> None:
    interview = _latest(found)
    if interview is None or not interview.is_open:
        await reply(update, d.content.text("questions.what_now_none"))
        return
    advice = advise(interview, place, d.timing, d.clock())
    lines: list[str] = []
    if found.several_open:
        lines.append(d.content.text("chase.about", company=interview.company))
    lines.append(summary.advice_text(d, interview, place, advice))
    await reply(
        update, "\n".join(lines), summary.advice_buttons(d.content, interview, advice) or None
    )


# The draft that goes with each part of answering an offer.
_OFFER_DRAFTS: dict[OfferQuestion, routes.DraftKind] = {
    OfferQuestion.NEGOTIATE: "counter",
    OfferQuestion.ACCEPT: "accept",
    OfferQuestion.DECLINE: "decline",
    OfferQuestion.MORE_TIME: "time",
    OfferQuestion.IN_WRITING: "offer",
}
OFFER_ASKED = "offer_asked"  # user_data: the offer questions already answered in full


async def _offer(update: Update, context: Context, found: Meant, user_id: int) -> None:
    """Each part of answering an offer its own short answer and draft; asked again, the short
    version, so two questions never get the same block."""
    d = deps(context)
    part = offer_question(what_they_said(update, context), d.phrases)
    offered = await _offered(d, found, user_id)
    assert context.user_data is not None
    asked: list[str] = context.user_data.setdefault(OFFER_ASKED, [])
    key = f"{offered.id if offered else '-'}:{part.value}"
    again = key in asked
    if not again:
        asked.append(key)
    name = f"questions.offer_{part.value}_again" if again else f"questions.offer_{part.value}"
    if part is OfferQuestion.GENERAL and not again:
        name = "questions.offer"
    buttons: list[list[Button]] = []
    if offered is not None:
        kinds = [_OFFER_DRAFTS[part]] if part in _OFFER_DRAFTS else list(_OFFER_DRAFTS.values())
        row = [(d.content.label(_DRAFT_LABELS[k]), routes.draft(k, offered.id)) for k in kinds]
        buttons = [row[i : i + 2] for i in range(0, len(row), 2)]
    await reply(update, d.content.text(name), buttons or None)


_DRAFT_LABELS: dict[routes.DraftKind, str] = {
    "counter": "outcome_buttons.draft_counter",
    "accept": "outcome_buttons.draft_accept",
    "decline": "outcome_buttons.draft_decline",
    "time": "outcome_buttons.draft_time",
    "offer": "outcome_buttons.offer_draft",
}


async def _offered(d: Deps, found: Meant, user_id: int) -> Interview | None:
    """The interview the offer came from: the one named, else the newest with an offer."""
    if found.interview is not None and found.interview.outcome is Outcome.OFFER:
        return found.interview
    if found.interview is None and found.unknown_name is None:
        offers = [i for i in await d.store.interviews(user_id) if i.outcome is Outcome.OFFER]
        if offers:
            return offers[0]
    return found.interview or (found.open[0] if found.open else None)


async def _by_route(update: Update, d: Deps, found: Meant, topic: str) -> None:
    """The answer that fits the interview's route: `<topic>_agency`, `_direct`, or `_none`."""
    interview = _latest(found)
    if interview is None:
        text = d.content.text(f"questions.{topic}_none")
    elif interview.via_agency:
        recruiter = interview.recruiter or d.content.label("next_step.your_recruiter")
        text = d.content.text(
            f"questions.{topic}_agency", recruiter=recruiter, company=interview.company
        )
    else:
        text = d.content.text(f"questions.{topic}_direct", company=interview.company)
    await reply(update, text)


async def _call_instead(update: Update, d: Deps, found: Meant, place: Place) -> None:
    await _by_route(update, d, found, "call_instead")


async def _linkedin(update: Update, d: Deps, found: Meant, place: Place) -> None:
    """Connecting is fine; the follow-ups keep to the interview's own channel."""
    await _by_route(update, d, found, "linkedin")


_ANSWERS: dict[Topic, Answerer] = {
    Topic.CHASE: _chase,
    Topic.THANK_YOU: _thank_you,
    Topic.RECRUITER_CALL: _recruiter_call,
    Topic.GHOSTED: _ghosted,
    Topic.WHAT_NOW: _what_now,
    Topic.CALL_INSTEAD: _call_instead,
    Topic.LINKEDIN: _linkedin,
}

# Every topic answered here (the offer's answers remember what was said, so they take the context).
ANSWERED = frozenset({*_ANSWERS, Topic.OFFER})


def build_question_handlers(book: Callable[[], Phrasebook]) -> list[BaseHandler]:  # type: ignore[type-arg]
    """Typed questions (news is not here: it opens the outcome flow in the dialog)."""
    asks = TextMatches("asks_a_question", lambda text: understand(text, book()) in ANSWERED)
    question = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND & asks
    return [MessageHandler(question, answer_question)]
