"""End to end: /board's picture and caption agree with /status; the weekly card comes on the
first working morning of the week, not for an idle user, and /digest off stops it for good."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from followup.core.model import NudgeKind
from followup.ops import board_picture
from tests.support.bot import running_bot
from tests.support.clock import Clock, london
from tests.support.driver import log_interview, next_new, say, settled, tap
from tests.support.fake_telegram import BotMessage, FakeTelegram, FakeUser
from tests.support.stores import Backend, pending_nudges, stored_settings

RIYADH = ZoneInfo("Asia/Riyadh")  # a Friday-Saturday weekend: the week starts on Sunday


async def arriving(user: FakeUser, wait: float = 1.5) -> list[BotMessage]:
    """Every message that arrives until the bot falls quiet."""
    found = []
    while True:
        try:
            found.append(await next_new(user, wait))
        except AssertionError:
            return found


def next_lines(text: str) -> list[str]:
    return sorted(line.strip() for line in text.splitlines() if line.strip().startswith("next:"))


async def test_board_sends_a_picture_whose_caption_dates_match_status(
    fake: FakeTelegram, backend: Backend, clock: Clock, ann: FakeUser
) -> None:
    clock.go(london(11, 25, 15), wake=False)
    async with running_bot(fake, backend, clock, weekly_card=True):
        await log_interview(ann, "Acme", agency="Sam Jones")
        await log_interview(ann, "Globex", when="yesterday 2pm", decision="friday")
        await say(ann, "/pause")  # no timed nudges in between
        status = await say(ann, "/status")
        board = await say(ann, "/board")
    assert board.photo is not None and board.photo.content.startswith(b"\x89PNG")
    width = int.from_bytes(board.photo.content[16:20], "big")
    assert width <= 1280
    assert "Acme" in board.text and "Globex" in board.text
    assert next_lines(board.text) == next_lines(status.text) and len(next_lines(status.text)) == 2
    assert "they decide by Fri 27 Nov" in board.text
    assert "This week: 2 interviews" in board.text


async def test_board_with_nothing_open_says_so(bot: object, ann: FakeUser) -> None:  # card off
    board = await say(ann, "/board")
    assert board.photo is not None
    assert "Nothing open right now" in board.text


async def test_a_picture_too_slow_to_draw_leaves_its_words(
    bot: object, ann: FakeUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    await log_interview(ann, "Acme")
    monkeypatch.setattr(board_picture, "TIME_LIMIT", 0.000001)
    board = await say(ann, "/board")
    assert board.photo is None
    assert board.text.startswith("I couldn't draw the picture") and "Acme" in board.text


async def test_closed_interviews_leave_the_board(bot: object, ann: FakeUser) -> None:
    await log_interview(ann, "Acme")
    await log_interview(ann, "Globex")
    await say(ann, "globex rejected me")
    board = await say(ann, "/board")
    assert "Acme" in board.text and "Globex" not in board.text
    assert "1 answer" in board.text


async def test_the_weekly_card_comes_on_monday_morning_and_not_for_an_idle_user(
    fake: FakeTelegram, backend: Backend, clock: Clock, ann: FakeUser, bob: FakeUser
) -> None:
    clock.go(london(11, 25, 15), wake=False)  # Wednesday
    async with running_bot(fake, backend, clock, weekly_card=True):
        await log_interview(ann, "Acme")
        await say(ann, "/pause")
        await say(ann, "/resume")
        await say(bob, "/status")  # Bob uses the bot but logs nothing
        clock.go(london(11, 30, 8, 59))
        assert [m for m in await arriving(ann) if m.photo] == []
        clock.go(london(11, 30, 9, 1))
        cards = [m for m in await arriving(ann) if m.photo]
        assert len(cards) == 1
        (card,) = cards
        assert card.text.startswith("Good morning!")
        assert re.search(r"next: Acme on \w{3} \d+ \w{3}", card.text)
        assert card.button_texts == ["🔕 No weekly card"]
        assert [m for m in await arriving(bob) if m.photo] == []
        # Next week's is planned for the next Monday at 09:00.
        (planned,) = [n for n in await pending_nudges(backend, ann.id) if n.kind == "weekly"]
        assert planned.due == london(12, 7, 9).astimezone(planned.due.tzinfo)


async def test_an_interview_closed_two_weeks_ago_sends_no_card(
    fake: FakeTelegram, backend: Backend, clock: Clock, ann: FakeUser
) -> None:
    clock.go(london(11, 25, 15), wake=False)
    async with running_bot(fake, backend, clock, weekly_card=True):
        await log_interview(ann, "Acme")
        await say(ann, "acme rejected me")
        clock.go(london(11, 30, 9, 1))
        first = [m for m in await arriving(ann) if m.photo]
        assert len(first) == 1 and "1 answer" in first[0].text  # it happened last week
        clock.go(london(12, 7, 9, 1))  # nothing open, nothing last week: no card, none planned
        assert [m for m in await arriving(ann) if m.photo] == []
        clock.go(london(12, 14, 9, 1))
        assert [m for m in await arriving(ann) if m.photo] == []
        assert [n for n in await pending_nudges(backend, ann.id) if n.kind == "weekly"] == []


async def test_the_card_comes_on_sunday_for_a_sunday_to_thursday_week(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    omar = await settled(backend, fake.user(3003, "Omar"), "Asia/Riyadh", "SA")
    clock.go(datetime(2026, 11, 25, 12, tzinfo=RIYADH), wake=False)
    async with running_bot(fake, backend, clock, weekly_card=True):
        await log_interview(omar, "Acme")
        (card,) = [n for n in await pending_nudges(backend, omar.id) if n.kind == "weekly"]
        local = card.due.astimezone(RIYADH)
        assert (local.weekday(), local.hour) == (6, 9)  # Sunday 09:00


async def test_digest_off_stops_the_card_across_a_restart(
    fake: FakeTelegram, backend: Backend, clock: Clock, ann: FakeUser
) -> None:
    clock.go(london(11, 25, 15), wake=False)
    async with running_bot(fake, backend, clock, weekly_card=True):
        await log_interview(ann, "Acme")
        off = await say(ann, "/digest off")
        assert "no more weekly cards" in off.text
        assert [n for n in await pending_nudges(backend, ann.id) if n.kind == "weekly"] == []
    async with running_bot(fake, backend, clock, weekly_card=True):
        clock.go(london(11, 30, 9, 1))
        assert [m for m in await arriving(ann) if m.photo] == []
        await log_interview(ann, "Globex")  # logging more does not turn it back on
        assert [n for n in await pending_nudges(backend, ann.id) if n.kind == "weekly"] == []
        on = await say(ann, "/digest")
        assert "is off" in on.text
        assert "weekly card will come" in (await tap(ann, "Weekly card on")).text
    settings = await stored_settings(backend, ann.id)
    assert settings is not None and settings.digest


async def test_the_cards_button_turns_it_off_for_the_presser_only(
    fake: FakeTelegram, backend: Backend, clock: Clock, ann: FakeUser, bob: FakeUser
) -> None:
    clock.go(london(11, 25, 15), wake=False)
    async with running_bot(fake, backend, clock, weekly_card=True):
        await log_interview(ann, "Acme")
        await log_interview(bob, "Globex")
        clock.go(london(11, 30, 9, 1))
        (card,) = [m for m in await arriving(ann) if m.photo]
        data = card.buttons[0][0].callback_data
        assert data is not None
        await bob.press_data(data)
        await arriving(bob)
        assert "no more weekly cards" in (await tap(ann, "No weekly card")).text
    ann_settings = await stored_settings(backend, ann.id)
    bob_settings = await stored_settings(backend, bob.id)
    assert ann_settings is not None and not ann_settings.digest
    assert bob_settings is not None and not bob_settings.digest  # his own press, his own setting
    assert NudgeKind.WEEKLY.value == "weekly"


async def test_a_card_due_while_the_bot_was_down_comes_at_start_unless_it_is_stale(
    fake: FakeTelegram, backend: Backend, clock: Clock, ann: FakeUser
) -> None:
    clock.go(london(11, 25, 15), wake=False)
    async with running_bot(fake, backend, clock, weekly_card=True):
        await log_interview(ann, "Acme")
    clock.go(london(11, 30, 11), wake=False)  # two hours late: still this morning's card
    async with running_bot(fake, backend, clock, weekly_card=True):
        assert len([m for m in await arriving(ann) if m.photo]) == 1
    clock.go(london(12, 8, 9), wake=False)  # a day late: skipped, next week's planned instead
    async with running_bot(fake, backend, clock, weekly_card=True):
        assert [m for m in await arriving(ann) if m.photo] == []
        (planned,) = [n for n in await pending_nudges(backend, ann.id) if n.kind == "weekly"]
        assert planned.due == london(12, 14, 9).astimezone(planned.due.tzinfo)


async def test_the_fake_bot_api_takes_uploaded_photos_only(fake: FakeTelegram) -> None:
    import aiohttp

    user = fake.user(5005, "Eve")
    url = f"{fake.base_url}{fake.token}/sendPhoto"
    png = b"\x89PNG\r\n\x1a\n" + bytes(8) + (640).to_bytes(4, "big") + (480).to_bytes(4, "big")

    def upload(caption: str) -> aiohttp.FormData:
        form = aiohttp.FormData()
        form.add_field("chat_id", str(user.id))
        form.add_field("caption", caption)
        form.add_field("parse_mode", "HTML")
        form.add_field("photo", png, filename="board.png", content_type="image/png")
        return form

    async with aiohttp.ClientSession() as session:
        by_id = await session.post(url, json={"chat_id": user.id, "photo": "some-file-id"})
        assert by_id.status == 400
        assert (await session.post(url, data=upload("x" * 1025))).status == 400
        answer = await (await session.post(url, data=upload("<b>hi</b>"))).json()
    assert answer["ok"] and answer["result"]["caption"] == "hi"
    assert answer["result"]["photo"][0]["width"] == 640
    (message,) = [m for m in fake.chat_messages(user.id) if m.photo]
    assert message.photo is not None and message.photo.content == png
    assert [v for v in fake.violations if "caption is too long" in v] != []
    fake.violations.clear()  # the too-long caption was this test's own, on purpose
