"""News told in passing, in any state: acted on with an Undo one tap away, or asked about once.

followup.core.news reads the message against the user's interviews; this module acts through the
services (a dated follow-up or thank-you, a moved interview, an outcome) and words the reply. Idle,
it is an entry of the dialog; mid-question, the dialog and the debrief hand it messages first and
ask their question again after. A message it does not take goes on to where it went before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from followup.core import tapped
from followup.core.formatting import local_day, local_moment
from followup.core.intent import Topic, understand
from followup.core.model import Interview, Nudge, Outcome, same_company
from followup.core.news import Known, News, Question, Sureness, read_reply
from followup.core.news_events import Event, mentions_news
from followup.core.phrasebook import Phrasebook
from followup.core.snooze import Until
from followup.services import news as told
from followup.services import nudges
from handlers import acts, fallback, outcome, outcome_record, questions, routes
from handlers import callback_data as cb
from handlers.choose import TextMatches
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
from handlers.dialog import NEWS_HOOK, Flow
from handlers.news_asking import ask

UNDO = "news_undo"  # user_data: the interview as it was before the last news acted on
HOOK = NEWS_HOOK  # bot_data: how the dialog hands a message to this module mid-question
_OUTCOME_OF = {
    Event.OFFER: Outcome.OFFER, Event.REJECTED: Outcome.REJECTED,
    Event.WITHDREW: Outcome.WITHDREW, Event.NEXT_ROUND: Outcome.NEXT_ROUND,
}  # fmt: skip


# Offers to log an interview wait until no question is open (the debrief may be logging it now).
_NOT_MID_QUESTION = frozenset({"log_it", "unknown_company", "no_interview"})


@dataclass(frozen=True)
class _Situation:
    """What reading a message needs: the user's interviews, where they are, an open nudge."""

    everything: list[Interview]
    known: Known
    waiting: Nudge | None  # an unanswered "did you send it?"


async def _situation(d: Deps, user_id: int) -> _Situation:
    everything = await d.store.interviews(user_id)
    companies = tuple(dict.fromkeys(i.company for i in everything))
    open_ = tuple(dict.fromkeys(i.company for i in everything if i.is_open))
    people = tuple(i.recruiter for i in everything if i.recruiter)
    waiting = await told.awaiting_answer(d.ports, user_id)
    return _Situation(everything, Known(companies, open_, people), waiting)


@dataclass(frozen=True)
class Told:
    """Whether a message was taken as news; the dialog state it opened (idle only); why not."""

    handled: bool
    state: str | None = None
    why: str = ""


async def tell(
    update: Update, context: Context, question: Question | None = None, *, idle: bool = False
) -> Told:
    """Read a message for news (or a typed answer to "did you send it?"), and act or ask."""
    message = update.effective_message
    if message is None or not message.text or update.effective_user is None:
        return Told(False)
    d = deps(context)
    if question is not None and not mentions_news(message.text, d.phrases):
        return Told(False)  # the open question's own answer: no reads from the store for it
    settings = await settings_for(context, update)
    place = user_place(d, settings)
    seen = await _situation(d, settings.user_id)
    waiting_for = None
    if seen.waiting is not None and question is None:
        question = Question.FOLLOW_THROUGH
        waiting_for = await d.store.interview(settings.user_id, seen.waiting.interview_id)
    known = seen.known
    if waiting_for is not None and waiting_for.is_open:
        # Unnamed, "sent it" is about the interview the question asked about.
        known = Known(known.companies, (waiting_for.company,), known.people)
    now = d.clock()
    read = read_reply(message.text, d.phrases, known, place.zone, now, question)
    if read.button is not None:
        if seen.waiting is None or waiting_for is None:
            return Told(False)
        await _answer_follow_through(update, context, seen.waiting, waiting_for, read.button)
        return Told(True)
    news = read.news
    if news.sureness is Sureness.NONE:
        return Told(False, why=news.why)
    if not idle and news.why in _NOT_MID_QUESTION:
        return Told(False, why=news.why)
    interview = _the_interview(seen.everything, news.company)
    if news.sureness is Sureness.SURE and interview is not None:
        nudge = seen.waiting if waiting_for is not None and waiting_for.id == interview.id else None
        await _act(update, context, news, interview, nudge)
        return Told(True)
    return Told(True, await ask(update, context, news, interview, idle=idle))


def _the_interview(everything: list[Interview], company: str | None) -> Interview | None:
    """The open interview with that company (the newest), else its latest one."""
    if company is None:
        return None
    matching = [i for i in everything if same_company(i.company, company)]
    return next((i for i in matching if i.is_open), matching[0] if matching else None)


async def _answer_follow_through(
    update: Update, context: Context, nudge: Nudge, interview: Interview, said: str
) -> None:
    """ "yes" / "not yet" typed to "did you send it?": what its buttons do."""
    d = deps(context)
    if said == tapped.YES:
        applied = await told.follow_up_sent(d.ports, interview, None, nudge)
        assert applied.chase is not None
        _remember(context, applied.before)
        text = await acts.chase_confirmation(d, applied.chase)
        await reply(update, text, [[_undo_button(d, interview)]])
        return
    place = user_place(d, await d.store.settings(interview.user_id))
    now = d.clock()
    moved = await nudges.snooze(d.ports, nudge, Until.MORNING, place, now)
    when = local_moment(moved.due, place.zone, now)
    await reply(update, d.content.text("news.follow_through_no", when=when))


async def _act(
    update: Update, context: Context, news: News, interview: Interview, nudge: Nudge | None
) -> None:
    d = deps(context)
    assert news.event is not None
    if news.event in _OUTCOME_OF:
        await outcome_record.record(update, context, interview, _OUTCOME_OF[news.event])
        return
    place = user_place(d, await d.store.settings(interview.user_id))
    now = d.clock()
    today = place.day_of(now)
    local_now = now.astimezone(place.zone)
    if news.event is Event.MOVED:
        assert news.day is not None
        clock = news.clock or interview.when.astimezone(place.zone).time()
        when = datetime.combine(news.day, clock, tzinfo=place.zone).astimezone(now.tzinfo)
        applied = await told.moved(d.ports, interview, when)
        moment = local_moment(when, place.zone, now)
        text: str = d.content.text("news.moved", company=interview.company, when=moment)
    elif news.event is Event.THANK_YOU_SENT:
        at = told.moment(d.ports, news.day, local_now)
        applied = await told.thank_you_sent(d.ports, interview, at)
        day = local_day(news.day or today, today)
        text = d.content.text("news.thank_you_logged", company=interview.company, day=day)
    else:
        at = told.moment(d.ports, news.day, local_now)
        applied = await told.follow_up_sent(d.ports, interview, at, nudge)
        assert applied.chase is not None
        text = await acts.chase_confirmation(d, applied.chase)
        if at is not None and news.day is not None:
            text = f"{text}\n{d.content.text('news.sent_on', day=local_day(news.day, today))}"
    _remember(context, applied.before)
    await reply(update, text, [[_undo_button(d, interview)]])


def _remember(context: Context, before: Interview) -> None:
    if context.user_data is not None:
        context.user_data[UNDO] = told.snapshot(before)


def _undo_button(d: Deps, interview: Interview) -> Button:
    return d.content.label("news_buttons.undo"), routes.news_undo(interview.id)


# --- Buttons: a reading tapped, and Undo ----------------------------------------------------------


async def news_button(update: Update, context: Context) -> None:
    """A reading of typed news, tapped; or Undo of what news just changed."""
    d = deps(context)
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    parsed = cb.parse(query.data)
    if parsed is None:
        await fallback.unclaimed_button(update, context)
        return
    if parsed.arg(0) == "undo":
        await _undo(update, context, parsed.arg(1) or "")
        return
    event, interview_id, day = parsed.arg(1), parsed.arg(2) or "", parsed.arg(3) or "-"
    interview = await d.store.interview(update.effective_user.id, interview_id)
    if interview is None or event not in {e.value for e in Event} or not interview.is_open:
        await fallback.unclaimed_button(update, context)
        return
    await settle_button(update)
    said = datetime.strptime(day, "%Y%m%d").date() if day != "-" else None
    news = News(Sureness.SURE, Event(event), interview.company, said)
    waiting = await told.awaiting_answer(d.ports, interview.user_id)
    nudge = waiting if waiting is not None and waiting.interview_id == interview.id else None
    await _act(update, context, news, interview, nudge)


async def _undo(update: Update, context: Context, interview_id: str) -> None:
    d = deps(context)
    assert context.user_data is not None and update.effective_user is not None
    before = context.user_data.get(UNDO)
    restored = None
    if isinstance(before, dict) and before.get("id") == interview_id:
        restored = await told.undo(d.ports, update.effective_user.id, before)
    await settle_button(update)
    if restored is None:
        await reply(update, d.content.text("news.undo_gone"))
        return
    context.user_data.pop(UNDO, None)
    await reply(update, d.content.text("news.undone", company=restored.company))


# --- Where messages come in -----------------------------------------------------------------------


async def idle_message(update: Update, context: Context) -> str | None:
    """A message when no question is open: news, or where such messages went before."""
    result = await tell(update, context, idle=True)
    if result.handled:
        return result.state
    text = update.effective_message.text if update.effective_message else ""
    topic = understand(text or "", deps(context).phrases)
    if topic in questions.ANSWERED:
        await questions.answer_question(update, context)
        return None
    if topic is Topic.NEWS and result.why not in ("other_person", "negated"):
        opened = await outcome.heard(update, context)
        return opened if isinstance(opened, str) else None
    await fallback.unknown_text(update, context)
    return None


async def mid_question(update: Update, context: Context, question: Question | None) -> bool:
    """A message while a question is open: True when it was news (the caller asks again)."""
    return (await tell(update, context, question)).handled


def build_news_flow(book: Callable[[], Phrasebook]) -> Flow:
    """Idle messages that carry news; the dialog registers it before hearing back's own."""
    news = TextMatches("tells_news", lambda text: mentions_news(text, book()))
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    return Flow(idle_only=[MessageHandler(text & news, idle_message)])


def build_news_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [CallbackQueryHandler(news_button, pattern=cb.pattern(routes.NEWS))]
