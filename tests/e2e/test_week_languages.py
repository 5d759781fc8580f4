"""A week in the life in each language the bot speaks, typed the way its speakers type.

A newcomer whose Telegram is set to the language logs an interview in it (company, role,
"yesterday 15:30", "friday" said their way), gets the thank-you draft (and asks for it in English
too), hears nothing for days, asks "should I chase them yet?" on several days, follows up, is asked
"did you send it?", is turned down (and drafts a gracious reply), and gets an offer elsewhere (and
drafts the request to have it in writing). Every date stated is checked against the plan by the
one-voice watcher (tests/support/voice.py), and every reply is checked to be in the user's
language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from content import Content, load_library
from followup.core.formatting import local_day
from followup.core.language import NATIVE_NAMES
from followup.core.model import Outcome
from tests.support.bot import running_bot
from tests.support.clock import Clock
from tests.support.driver import arriving, log_interview, next_new, say, tap
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.languages import code_blocks, foreign_sentences, plain, prose
from tests.support.stores import Backend

LIBRARY = load_library()


@dataclass(frozen=True)
class Speaker:
    """How one language's speaker fills in the week: what they type, where they are."""

    language: str
    telegram_code: str  # what their Telegram app sends
    name: str
    zone: str
    city: str
    country: str
    company: str
    role: str
    yesterday: str  # "yesterday 15:30"
    friday: str  # "by Friday"
    no: str  # at "through an agency?"
    notes: str
    chase: str  # "should I chase them yet?"
    sent: str  # "sent it yesterday", to "did you send it?"
    rejected: str
    other_company: str
    offer: str  # "I got the job at <other_company>!"


SPEAKERS = [
    Speaker("en", "en-GB", "Wen", "Europe/London", "London", "England", "Acme", "data analyst",
            "yesterday 15:30", "friday", "no", "Met Priya, we talked about the data platform",
            "should I chase them yet?", "yes, sent it this morning",
            "acme rejected me :(", "Globex", "I got the job at Globex!!"),
    Speaker("es", "es-ES", "Lucía", "Europe/Madrid", "Madrid", "España", "Telefónica",
            "analista de datos", "ayer 15:30", "el viernes", "no",
            "Conocí a Marta López. Hablamos de la plataforma de datos.",
            "¿debería escribirles ya?", "sí, lo mandé esta mañana",
            "telefónica me rechazó :(", "Indra", "¡me dieron el trabajo en Indra!"),
    Speaker("de", "de-DE", "Jonas", "Europe/Berlin", "Berlin", "Deutschland", "Siemens",
            "Data Analyst", "gestern 15:30", "bis Freitag", "nein",
            "Gespräch mit Frau Keller. Wir haben über die Datenplattform gesprochen.",
            "sollte ich schon nachhaken?", "ja, heute morgen geschickt",
            "Siemens hat mir abgesagt", "Bosch", "Ich habe die Zusage von Bosch bekommen!!"),
    Speaker("ru", "ru-RU", "Ольга", "Europe/Moscow", "Moscow", "Россия", "Яндекс",
            "аналитик данных", "вчера в 15:30", "до пятницы", "нет",
            "Собеседовал Иван Петров. Говорили об архитектуре платформы.",
            "пора им написать?", "да, отправила сегодня утром",
            "Яндекс мне отказал", "Сбер", "мне дали оффер в Сбере!"),
]  # fmt: skip
DAY_TIME = time(10, 1)


def words(speaker: Speaker) -> Content:
    return LIBRARY[speaker.language]


def local(speaker: Speaker, day: date, at: time = DAY_TIME) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo(speaker.zone))


def in_their_language(speaker: Speaker, user: FakeUser) -> None:
    """No reply holds a sentence in another language (names, companies and dates aside)."""
    strays = [
        (message.text, sentence)
        for message in user.history
        for sentence in foreign_sentences(prose(message), speaker.language)
    ]
    assert strays == [], strays


@pytest.mark.parametrize("speaker", SPEAKERS, ids=lambda s: s.language)
async def test_a_week_in_the_life_in_each_language(
    fake: FakeTelegram, backend: Backend, clock: Clock, speaker: Speaker
) -> None:
    w = words(speaker)
    label = w.label
    user = fake.user(7100, speaker.name, language_code=speaker.telegram_code)
    clock.go(local(speaker, date(2026, 11, 17), time(9, 0)))  # a Tuesday

    def day(n: int) -> str:
        return local_day(date(2026, 11, n), date(2026, 11, 17), speaker.language)

    async with running_bot(fake, backend, clock):
        # Tuesday: the welcome in their language, where they are, then yesterday's interview.
        welcome = await say(user, "/start")
        assert plain(w.text("start.welcome", name=speaker.name)).split("\n")[0] in welcome.text
        assert plain(w.text("language.welcome_hint")) in welcome.text
        await next_new(user)  # where are you?
        assert speaker.zone in (await say(user, speaker.city)).text
        await say(user, speaker.country)
        summary = await log_interview(
            user, speaker.company, role=speaker.role, when=speaker.yesterday,
            agency=speaker.no, decision=speaker.friday, extras=label("buttons.extras_neither"),
            rating=label("buttons.rating_3"), notes=speaker.notes,
            begin=label("buttons.log_interview"), language=speaker.language,
        )  # fmt: skip
        assert speaker.company in summary.text and day(20) in summary.text, summary.text
        assert day(23) in summary.text  # the follow-up day, from the same plan

        # The thank-you draft, signed, in their language; then the same in another language.
        asked = await tap(user, label("acts_buttons.thank_you_draft"))
        draft = await tap(user, speaker.name) if speaker.name in asked.button_texts else asked
        subject, body = code_blocks(draft)
        assert speaker.name in body and speaker.company in subject + body
        other = "es" if speaker.language == "en" else "en"
        switched = await tap(user, f"✉️ {NATIVE_NAMES[other]}")
        again = switched if code_blocks(switched) else await next_new(user)
        _, other_body = code_blocks(again)
        assert other_body != body and speaker.name in other_body
        assert foreign_sentences(other_body, other) == []
        thanked = await tap(user, label("acts_buttons.thanked"))
        assert speaker.company in thanked.text

        # Silence: the reassurance, and "not yet" on Wednesday and on Friday (the decision day).
        clock.go(local(speaker, date(2026, 11, 18)))
        (calm,) = await arriving(user)
        assert speaker.company in calm.text and day(23) in calm.text
        for n in (18, 20):
            clock.go(local(speaker, date(2026, 11, n), time(12, 0)), wake=False)
            verdict = await say(user, speaker.chase)
            assert (
                plain(w.text("chase.verdict_not_yet", company=speaker.company, day=day(23)))
                in verdict.text
            )
            assert day(23) in verdict.text

        # Monday: the follow-up nudge, and "yes" to the question; Tuesday: "did you send it?"
        clock.go(local(speaker, date(2026, 11, 23)))
        (chase,) = await arriving(user)
        assert speaker.company in chase.text
        verdict = await say(user, speaker.chase)
        assert (
            plain(w.text("chase.verdict_yes", company=speaker.company, day="")).strip()
            in verdict.text
        )
        clock.go(local(speaker, date(2026, 11, 24)))
        (did_you,) = await arriving(user)
        assert label("nudge_buttons.sent_it") in did_you.button_texts
        logged = await say(user, speaker.sent)
        assert speaker.company in logged.text and day(24) not in logged.text
        assert await arriving(user) == []

        # Wednesday: turned down; Thursday: the gracious reply, drafted in the email language
        # picked on Tuesday for this employer.
        clock.go(local(speaker, date(2026, 11, 25), time(12, 0)), wake=False)
        sorry = await say(user, speaker.rejected)
        assert (
            plain(w.text("outcome.rejected", company=speaker.company)).split("\n")[0] in sorry.text
        )
        clock.go(local(speaker, date(2026, 11, 26)))
        (reply_offer,) = await arriving(user)
        assert speaker.company in reply_offer.text
        reply_draft = await tap(user, label("nudge_buttons.draft_reply"))
        _, reply_body = code_blocks(reply_draft)
        assert speaker.name in reply_body and foreign_sentences(reply_body, other) == []

        # And an offer elsewhere: logged as it ends, the good news typed in their words, and the
        # request to have it in writing drafted in their own language.
        clock.go(local(speaker, date(2026, 11, 26), time(15, 0)), wake=False)
        saved = await log_interview(
            user, speaker.other_company, when=label("buttons.just_now"),
            agency=label("buttons.agency_no"), extras=label("buttons.extras_neither"),
            rating=label("buttons.rating_4"), language=speaker.language,
        )  # fmt: skip
        assert speaker.other_company in saved.text
        offer = await say(user, speaker.offer)
        congratulations = w.text("outcome.offer", company=speaker.other_company)
        assert plain(congratulations).split("\n")[0] in offer.text
        in_writing = await tap(user, label("outcome_buttons.offer_draft"))
        _, offer_body = code_blocks(in_writing)
        assert speaker.name in offer_body
        assert foreign_sentences(offer_body, speaker.language) == []

    async with backend.repository() as store:
        acme, globex = sorted(
            await store.interviews(user.id), key=lambda i: i.company != speaker.company
        )
        settings = await store.settings(user.id)
    assert settings is not None and settings.language == speaker.language
    assert acme.outcome is Outcome.REJECTED and len(acme.chases) == 1
    assert acme.draft_language == other and globex.draft_language is None
    assert globex.outcome is Outcome.OFFER
    in_their_language(speaker, user)
