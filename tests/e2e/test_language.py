"""The language the bot speaks: from Telegram at first contact, /language at any moment, kept."""

from __future__ import annotations

from datetime import UTC, datetime

from content import load_library
from followup.core.language import LANGUAGES, NATIVE_NAMES
from followup.core.model import Interview
from handlers import routes
from tests.support.bot import Bot, running_bot
from tests.support.driver import next_new, say
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.languages import plain
from tests.support.stores import Backend, stored_interviews

LIBRARY = load_library()


def opening(language: str, key: str, **values: object) -> str:
    """The first line of a message as the user reads it."""
    return plain(LIBRARY[language].text(key, **values)).split("\n")[0]


async def stored_language(backend: Backend, user: FakeUser) -> str | None:
    async with backend.repository() as store:
        settings = await store.settings(user.id)
    return settings.language if settings else None


async def test_a_new_user_is_spoken_to_in_their_telegram_language(
    bot: Bot, fake: FakeTelegram, backend: Backend
) -> None:
    lucia = fake.user(3101, "Lucía", language_code="es-MX")
    welcome = await say(lucia, "hola")
    assert opening("es", "start.welcome", name="Lucía") in welcome.text
    assert opening("es", "language.welcome_hint") in welcome.text
    assert welcome.button_texts == ["🌐 English", "🌐 Deutsch", "🌐 Русский"]
    assert LIBRARY["es"].label("timezone.ask").split("(")[0][:20] in (await next_new(lucia)).text
    assert await stored_language(backend, lucia) == "es"


async def test_the_welcome_button_switches_and_asks_the_open_question_again(
    bot: Bot, fake: FakeTelegram, backend: Backend
) -> None:
    ivan = fake.user(3102, "Ivan", language_code="ru")
    await say(ivan, "/start")
    where = await next_new(ivan)  # where are you? (in Russian)
    await ivan.press("🌐 English", ivan.history[-2])
    saved = await next_new(ivan)
    assert saved.text.startswith(opening("en", "language.saved"))
    assert "Where are you?" in saved.text or "Where are you?" in (await next_new(ivan)).text
    assert where.text != saved.text
    assert await stored_language(backend, ivan) == "en"


async def test_an_unspoken_language_gets_the_operators_default(
    fake: FakeTelegram, backend: Backend
) -> None:
    async with running_bot(fake, backend, language="de"):
        joao = fake.user(3103, "João", language_code="pt-BR")
        assert opening("de", "start.welcome", name="João") in (await say(joao, "/start")).text
    assert await stored_language(backend, joao) == "de"


async def test_a_user_from_before_languages_keeps_english(bot: Bot, ann: FakeUser) -> None:
    ann.language_code = "de"  # her app says German, but she has always been spoken to in English
    assert "Which company" in (await say(ann, "/new")).text


async def test_language_mid_question_asks_it_again_in_the_new_language(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    assert "Which company" in (await say(ann, "/new")).text
    picker = await say(ann, "/language")
    assert picker.text.startswith(opening("en", "language.current"))
    assert picker.button_texts == ["🌐 Deutsch", "🌐 Español", "🌐 Русский"]
    assert "Which company" in (await next_new(ann)).text  # the aside puts her back
    await ann.press("🌐 Deutsch", picker)
    saved = await next_new(ann)
    assert opening("de", "language.saved") in saved.text
    asked = saved if "Unternehmen" in saved.text else await next_new(ann)
    assert opening("de", "debrief.ask_company") in asked.text
    role = await say(ann, "Siemens")
    assert opening("de", "debrief.ask_role") in role.text  # the debrief goes on, in German
    assert await stored_language(backend, ann) == "de"


async def test_a_forged_or_unknown_language_button_changes_nothing(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await say(ann, "/language")
    await ann.press_data("v1:lang:speak:xx")
    assert (await next_new(ann)).text == plain(LIBRARY["en"].text("fallback.unknown_button"))
    await ann.press_data("v1:lang:speak")
    await next_new(ann)
    assert await stored_language(backend, ann) == "en"


async def test_another_users_interview_cannot_be_switched(
    bot: Bot, ann: FakeUser, bob: FakeUser, backend: Backend
) -> None:
    when = datetime(2026, 11, 24, 10, tzinfo=UTC)
    theirs = Interview("ivBob", bob.id, "Globex", when, when)
    async with backend.repository() as store:
        await store.save_interview(theirs)
    await say(ann, "/help")
    await ann.press_data(routes.draft_in("de", "ty", theirs.id))
    assert (await next_new(ann)).text == plain(LIBRARY["en"].text("fallback.unknown_button"))
    (kept,) = await stored_interviews(backend, bob.id)
    assert kept.draft_language is None


async def test_menus_and_descriptions_are_published_per_language(
    bot: Bot, fake: FakeTelegram
) -> None:
    for code in LANGUAGES:
        words = LIBRARY[code]
        menu = await fake._api_get_my_commands({"language_code": code})
        assert [c["description"] for c in menu][:2] == [
            words.label("commands.new"),
            words.label("commands.status"),
        ]
        assert "language" in [c["command"] for c in menu]
        assert fake.descriptions[code] == words.label("about.description")
        assert fake.short_descriptions[code] == words.label("about.short_description")
    assert fake.description == LIBRARY["en"].label("about.description")
    assert set(NATIVE_NAMES) == set(LANGUAGES)
