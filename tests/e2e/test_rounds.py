"""End to end: a company's rounds, found again and read as one story; company and people's
names written properly; answers without words asked again."""

from __future__ import annotations

from telegram.ext import Application

from tests.support.clock import Clock
from tests.support.driver import log_interview, next_new, say, tap
from tests.support.fake_telegram import FakeUser
from tests.support.stores import Backend, stored_interviews

Bot = Application  # type: ignore[type-arg]


async def test_the_next_round_is_logged_from_status_and_reads_as_one_story(
    bot: Bot, ann: FakeUser, backend: Backend, clock: Clock
) -> None:
    await log_interview(ann, "Acme", role="Analyst")
    status = await say(ann, "/status")
    assert status.button_texts[:2] == ["✏️ Acme", "➡️ Next round"]
    when = await tap(ann, "➡️ Next round")
    assert "When" in when.text  # company, role and route are known
    summary = await say(ann, "tomorrow 11am")
    assert "Saved: Acme" in summary.text
    first, second = sorted(await stored_interviews(backend, ann.id), key=lambda i: i.when)
    assert second.round_of == first.id and first.outcome is not None and second.is_open
    story = (await say(ann, "/status")).text
    assert story.count("Acme") == 1  # the company once
    assert story.index("round 1: today") < story.index("round 2: tomorrow 11:00")
    assert "next:" in story.split("round 2")[1]


async def test_a_missed_log_the_next_round_button_is_found_in_the_edit_menu(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_interview(ann, "Acme")
    await say(ann, "they called!")
    await tap(ann, "Next round")  # the news is saved; "Log the next round" is not tapped
    status = await say(ann, "/status")
    assert "Heard back (1)" in status.button_texts
    await tap(ann, "Heard back (1)")
    menu = await tap(ann, "✏️ Acme")
    assert "➡️ Next round" in menu.button_texts
    when = await tap(ann, "➡️ Next round")
    assert "When" in when.text
    await say(ann, "tomorrow 11am")
    first, second = sorted(await stored_interviews(backend, ann.id), key=lambda i: i.when)
    assert second.round_of == first.id and second.company == "Acme"


async def test_a_known_company_typed_in_lower_case_asks_whether_it_is_another_round(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_interview(ann, "Acme Logistics")
    asked = await say(ann, "/new acme logistics")
    assert "You've logged Acme Logistics before" in asked.text
    assert asked.button_texts == ["Yes, the next round", "No, a separate interview"]
    when = await tap(ann, "Yes, the next round")
    assert "When" in when.text
    await say(ann, "tomorrow 11am")
    first, second = sorted(await stored_interviews(backend, ann.id), key=lambda i: i.when)
    assert (first.company, second.company) == ("Acme Logistics", "Acme Logistics")
    assert second.round_of == first.id


async def test_another_team_at_a_known_company_is_a_separate_interview_with_its_name(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await log_interview(ann, "Acme Logistics")
    summary = await log_interview(
        ann, "ACME  logistics", role="Designer", another_round="No, a separate interview"
    )
    assert "Saved: Acme Logistics" in summary.text
    interviews = await stored_interviews(backend, ann.id)
    assert {i.company for i in interviews} == {"Acme Logistics"}
    assert all(i.round_of is None and i.is_open for i in interviews)
    status = (await say(ann, "/status")).text
    assert status.count("Acme Logistics") == 2  # two stories, not one


async def test_a_company_first_written_in_lower_case_reads_properly(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    summary = await say(ann, "/new zalando")
    assert "role" in summary.text
    await tap(ann, "Skip")
    await tap(ann, "It just ended")
    await tap(ann, "No, I applied directly")
    await tap(ann, "They didn't say")
    await tap(ann, "Neither")
    await tap(ann, "Good")
    saved = await say(ann, "met mike (eng manager) and tom from HR")
    assert "Saved: Zalando" in saved.text
    (interview,) = await stored_interviews(backend, ann.id)
    assert interview.company == "Zalando"
    who = await tap(ann, "Get the thank-you draft now")
    assert who.button_texts == ["Mike", "Tom"]
    draft = await tap(ann, "Mike")
    assert "Hi Mike," in draft.text and "zalando" not in draft.text


async def test_a_role_or_a_signature_without_words_is_asked_again(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await say(ann, "/new")
    await say(ann, "Acme")
    refused = await say(ann, "🚀🚀")
    assert "role in words" in refused.text
    assert "What's the role" in (await next_new(ann)).text
    assert "When" in (await say(ann, "Data Analyst")).text
    await say(ann, "/cancel")
    await say(ann, "/name")
    assert "name in letters" in (await say(ann, "🙂")).text
    assert "sign your drafts as Ann Lee" in (await say(ann, "ann lee")).text
