"""End to end: /timezone by zone name, by city, and by the time on the user's clock."""

from __future__ import annotations

from telegram.ext import Application

from tests.support.driver import log_interview, next_new, say, settled, tap
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.stores import Backend, pending_nudges, stored_settings

Bot = Application  # type: ignore[type-arg]


async def test_new_users_get_the_default_zone(bot: Bot, ann: FakeUser) -> None:
    assert "Europe/London" in (await say(ann, "/timezone")).text


async def test_zone_by_name_is_set_and_shown_back(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await say(ann, "/timezone")
    reply = await say(ann, "america/new_york")
    assert "America/New_York" in reply.text and "09:00" in reply.text
    settings = await stored_settings(backend, ann.id)
    assert settings is not None and settings.timezone == "America/New_York"


async def test_zone_by_city_in_one_go(bot: Bot, ann: FakeUser) -> None:
    reply = await say(ann, "/timezone Berlin")
    assert "Europe/Berlin" in reply.text and "15:00" in reply.text


async def test_zone_by_local_time_offers_choices(bot: Bot, ann: FakeUser, backend: Backend) -> None:
    await say(ann, "/timezone")
    choices = await say(ann, "it's 19:30 here")
    assert "Asia/Kolkata" in " ".join(choices.button_texts)
    saved = await tap(ann, "Kolkata")
    assert "Asia/Kolkata" in saved.text
    settings = await stored_settings(backend, ann.id)
    assert settings is not None and settings.timezone == "Asia/Kolkata"


async def test_unknown_zone_is_explained_and_asked_again(bot: Bot, ann: FakeUser) -> None:
    await say(ann, "/timezone")
    assert "couldn't match" in (await say(ann, "blorpistan")).text
    assert "Asia/Tokyo" in (await say(ann, "Tokyo")).text


async def test_times_follow_the_users_zone(bot: Bot, ann: FakeUser) -> None:
    country = await say(ann, "/timezone Asia/Kolkata")
    assert "Asia/Kolkata" in country.text and country.button_texts[0] == "India"
    assert "India" in (await tap(ann, "India")).text
    summary = await log_interview(ann, role="skip", when="tomorrow 10am")
    assert "tomorrow 10:00" in summary.text


async def test_a_new_zone_moves_planned_nudges_to_its_local_times(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_interview(
        ann, role="skip", when="yesterday 10am", agency="no", decision="no", extras="neither",
        rating="good", notes="skip",
    )  # fmt: skip
    assert "silence is normal, tomorrow 10:00" in (await say(ann, "/status")).text
    await say(ann, "/timezone Asia/Kolkata")  # saved; which public holidays?
    await tap(ann, "Don't skip holidays")
    status = await say(ann, "/status")
    assert "silence is normal, tomorrow 10:00" in status.text  # 10:00 in Kolkata now
    assert "yesterday 10:00" in status.text  # the time they typed stays as they typed it
    pending = [n for n in await pending_nudges(backend, ann.id) if n.kind.value == "reassurance"]
    assert [n.due.isoformat() for n in pending] == ["2026-11-26T04:30:00+00:00"]


async def test_a_word_that_is_also_a_small_town_is_asked_back(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await say(ann, "/timezone")
    asked = await say(ann, "no")  # a local name of Ho, Ghana
    assert "Is this the place you mean?" in asked.text and len(asked.button_texts) == 1
    settings = await stored_settings(backend, ann.id)
    assert settings is not None and settings.timezone == "Europe/London"  # nothing guessed
    assert "Europe/Paris" in (await say(ann, "Paris")).text


async def test_choices_stay_open_after_a_typo(bot: Bot, ann: FakeUser, backend: Backend) -> None:
    await say(ann, "/timezone")
    await say(ann, "Vancouver")
    assert "couldn't match" in (await say(ann, "3")).text
    saved = await tap(ann, "Vancouver, Canada (America/Vancouver)")
    assert "America/Vancouver" in saved.text


async def test_a_day_typed_for_the_zone_is_pointed_out_not_matched(
    fake: FakeTelegram, backend: Backend, bot: Bot
) -> None:
    newcomer = fake.user(4321, "Nora")
    await say(newcomer, "/new")
    await say(newcomer, "Acme")
    assert "Where are you?" in (await tap(newcomer, "Skip")).text
    # The answer to the question they expected next: not a clock time here, nor a place.
    for when in ("friday 2pm", "It just ended"):
        pointed = await say(newcomer, when)
        assert "sounds like a day" in pointed.text and not pointed.button_texts
    assert "Europe/Berlin" in (await say(newcomer, "Berlin")).text


async def test_a_typo_at_the_country_question_keeps_its_buttons(
    bot: Bot, fake: FakeTelegram, backend: Backend
) -> None:
    ann = await settled(backend, fake.user(1003, "Ann"), country="FR")
    asked = await say(ann, "/country")
    while not asked.button_texts:
        asked = await next_new(ann)
    first = asked.button_texts[0]
    typo = await say(ann, "Englnad and Walse xq")
    assert "couldn't match" in typo.text and "buttons above" in typo.text
    saved = await tap(ann, first)
    assert "earlier question" not in saved.text
    settings = await stored_settings(backend, ann.id)
    assert settings is not None and settings.country not in (None, "none", "FR")


async def test_country_asked_by_someone_without_holidays_works(bot: Bot, ann: FakeUser) -> None:
    asked = await say(ann, "/country")  # Ann keeps weekends only ("none")
    assert "Sorry" not in asked.text and asked.button_texts
