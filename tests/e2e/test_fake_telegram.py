"""Tests of the fake Bot API server, over plain HTTP and with a real python-telegram-bot."""

from __future__ import annotations

import asyncio
import html
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.support.fake_telegram import FakeTelegram, FakeUser, load_spec, parse_html

KEYBOARD = {"inline_keyboard": [[{"text": "Yes", "callback_data": "v1:yes"}]]}


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A running fake server."""
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    """A plain HTTP client."""
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
def ann(fake: FakeTelegram) -> FakeUser:
    """A user with a private chat."""
    return fake.user(42, "Ann")


async def call(
    http: aiohttp.ClientSession, fake: FakeTelegram, method: str, token: str = "", **params: Any
) -> tuple[int, dict[str, Any]]:
    """POST a JSON call and return the status and the decoded answer."""
    async with http.post(f"{fake.base_url}{token or fake.token}/{method}", json=params) as resp:
        return resp.status, await resp.json()


async def form_call(
    http: aiohttp.ClientSession, fake: FakeTelegram, method: str, **params: Any
) -> tuple[int, dict[str, Any]]:
    """POST form fields the way python-telegram-bot does: objects as JSON text."""
    fields = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
    async with http.post(f"{fake.base_url}{fake.token}/{method}", data=fields) as resp:
        return resp.status, await resp.json()


async def poll_arrived(fake: FakeTelegram, count: int = 1) -> None:
    """Yield to the event loop until the server has received count getUpdates calls."""
    async with asyncio.timeout(2):
        while len(fake.calls_to("getUpdates")) < count:
            await asyncio.sleep(0)


def assert_valid_update(fake: FakeTelegram, update: dict[str, Any]) -> None:
    """The update has every field the API reference requires, recursively."""
    fake.spec.coerce(update, ["Update"])


# -- protocol ----------------------------------------------------------------------------------


async def test_get_me(fake: FakeTelegram, http: aiohttp.ClientSession) -> None:
    status, body = await call(http, fake, "getMe")
    assert status == 200
    assert body["result"]["is_bot"] is True
    assert body["result"]["id"] == 123456
    assert body["result"]["username"] == "followup_coach_bot"


async def test_wrong_token_is_unauthorized(fake: FakeTelegram, http: aiohttp.ClientSession) -> None:
    status, body = await call(http, fake, "getMe", token="999:WRONG")
    assert (status, body) == (401, {"ok": False, "error_code": 401, "description": "Unauthorized"})


async def test_unknown_method_is_not_found(fake: FakeTelegram, http: aiohttp.ClientSession) -> None:
    status, body = await call(http, fake, "sendTelepathy")
    assert status == 404
    assert body["description"] == "Not Found: method not found"
    assert fake.violations == ["sendTelepathy: Not Found: method not found"]


async def test_method_names_ignore_case(fake: FakeTelegram, http: aiohttp.ClientSession) -> None:
    status, _ = await call(http, fake, "getme")
    assert status == 200
    assert fake.calls == [("getMe", {})]


async def test_unknown_parameter_is_rejected_and_recorded(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    status, body = await call(http, fake, "sendMessage", chat_id=42, text="hi", colour="red")
    assert status == 400
    assert "colour" in body["description"]
    assert len(fake.violations) == 1
    assert fake.calls[-1] == ("sendMessage", {"chat_id": 42, "text": "hi", "colour": "red"})
    assert ann.history == []


async def test_missing_required_parameter(fake: FakeTelegram, http: aiohttp.ClientSession) -> None:
    status, body = await call(http, fake, "sendMessage", text="hi")
    assert status == 400
    assert body["description"] == 'Bad Request: parameter "chat_id" is required'
    assert fake.violations


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"chat_id": 42, "text": "hi", "disable_notification": "maybe"}, "disable_notification"),
        ({"chat_id": [42], "text": "hi"}, "chat_id"),
        ({"chat_id": 42, "text": 7}, "text"),
        ({"chat_id": 42, "text": "hi", "reply_markup": {"inline_keyboard": [[{}]]}}, "text"),
        ({"chat_id": 42, "text": "hi", "reply_markup": "{not json"}, "reply_markup"),
    ],
)
async def test_values_are_type_checked(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser, params: dict, fragment: str
) -> None:
    status, body = await call(http, fake, "sendMessage", **params)
    assert status == 400
    assert fragment in body["description"]
    assert len(fake.violations) == 1


async def test_form_fields_are_decoded_like_ptb_sends_them(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    status, body = await form_call(
        http, fake, "sendMessage", chat_id=42, text="Ready?", reply_markup=KEYBOARD,
        disable_notification=True,
    )  # fmt: skip
    assert status == 200, body
    assert fake.calls[-1][1]["chat_id"] == 42
    assert fake.calls[-1][1]["disable_notification"] is True
    assert body["result"]["reply_markup"] == KEYBOARD
    assert ann.last.buttons[0][0].callback_data == "v1:yes"


async def test_json_body_may_carry_objects_as_json_text(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    status, _ = await call(
        http, fake, "sendMessage", chat_id="42", text="hi", reply_markup=json.dumps(KEYBOARD)
    )
    assert status == 200
    assert ann.last.button_texts == ["Yes"]


async def test_nested_errors_name_the_part(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    markup = {"inline_keyboard": [[{"text": "ok", "callback_data": 5}]]}
    _, body = await call(http, fake, "sendMessage", chat_id=42, text="hi", reply_markup=markup)
    assert "InlineKeyboardButton.callback_data: not String" in body["description"]


async def test_spec_path_can_be_overridden(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = {"methods": {"getMe": {"name": "getMe", "fields": []}}, "types": {}}
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    monkeypatch.setenv("TELEGRAM_API_SPEC", str(tmp_path / "spec.json"))
    load_spec.cache_clear()
    try:
        assert list(FakeTelegram().spec.methods) == ["getMe"]
    finally:
        load_spec.cache_clear()


# -- HTML and limits ---------------------------------------------------------------------------


async def test_bad_html_is_rejected(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    status, body = await call(
        http, fake, "sendMessage", chat_id=42, text="a < b", parse_mode="HTML"
    )
    assert status == 400
    assert body["description"].startswith("Bad Request: can't parse entities:")
    assert len(fake.violations) == 1
    assert ann.history == []


async def test_good_html_shows_plain_text(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    status, body = await call(
        http, fake, "sendMessage", chat_id=42, text="<b>hi</b> &amp;", parse_mode="HTML"
    )
    assert status == 200
    assert body["result"]["text"] == "hi &"
    assert body["result"]["entities"] == [{"type": "bold", "offset": 0, "length": 2}]
    message = await ann.next_message()
    assert (message.text, message.raw_text, message.parse_mode) == (
        "hi &",
        "<b>hi</b> &amp;",
        "HTML",
    )
    assert fake.violations == []


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<i>a</i> &lt;3 &gt; &quot;q&quot; &#39;s&#x27;", "a <3 > \"q\" 's'"),
        ('<a href="https://x.org/?a=1&amp;b=2">link</a>', "link"),
        ("<b>bold <i>both</i></b>", "bold both"),
        ('<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>', "st"),
        ('<pre><code class="language-python">x = 1</code></pre>', "x = 1"),
        ("<blockquote expandable>q</blockquote>", "q"),
        ("plain -> ok", "plain -> ok"),
    ],
)
def test_html_accepted(markup: str, text: str) -> None:
    assert parse_html(markup)[0] == text


@pytest.mark.parametrize(
    "markup",
    [
        "a < b",
        "fish & chips",
        "&nbsp;",
        "<b>unclosed",
        "<b><i>crossed</b></i>",
        "</b>",
        "<div>x</div>",
        "<span>no class</span>",
        "<b",
    ],
)
def test_html_rejected(markup: str) -> None:
    with pytest.raises(Exception, match="can't parse entities"):
        parse_html(markup)


def test_html_entity_offsets_count_utf16_units() -> None:
    _, entities = parse_html('👍 <a href="https://x.org">go</a>')
    assert entities == [{"type": "text_link", "offset": 3, "length": 2, "url": "https://x.org"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x" * 4097, "Bad Request: message is too long"),
        ("   ", "Bad Request: message text is empty"),
        ("", "Bad Request: message text is empty"),
    ],
)
async def test_text_limits(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser, text: str, expected: str
) -> None:
    status, body = await call(http, fake, "sendMessage", chat_id=42, text=text)
    assert (status, body["description"]) == (400, expected)
    assert fake.violations


async def test_longest_text_and_longest_callback_data_pass(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    markup = {"inline_keyboard": [[{"text": "ok", "callback_data": "é" * 32}]]}
    status, _ = await call(
        http, fake, "sendMessage", chat_id=42, text="x" * 4096, reply_markup=markup
    )
    assert status == 200
    assert fake.violations == []


async def test_callback_data_over_64_bytes_is_rejected(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    markup = {"inline_keyboard": [[{"text": "ok", "callback_data": "é" * 33}]]}
    status, _ = await call(http, fake, "sendMessage", chat_id=42, text="x", reply_markup=markup)
    assert status == 400
    assert fake.violations == ["sendMessage: Bad Request: BUTTON_DATA_INVALID"]


async def test_commands_are_checked_and_kept(
    fake: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    bad = [{"command": "Start", "description": "Begin"}]
    assert (await call(http, fake, "setMyCommands", commands=bad))[0] == 400
    good = [{"command": "start", "description": "Begin"}, {"command": "chase", "description": "?"}]
    assert (await call(http, fake, "setMyCommands", commands=good))[0] == 200
    assert fake.commands == good
    assert (await call(http, fake, "getMyCommands"))[1]["result"] == good
    assert len(fake.violations) == 1


@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("sendChatAction", {"chat_id": 42, "action": "dancing"}),
        ("answerCallbackQuery", {"callback_query_id": "1", "text": "x" * 201}),
        ("sendMessage", {"chat_id": 42, "text": "hi", "parse_mode": "BBCode"}),
        (
            "sendMessage",
            {
                "chat_id": 42,
                "text": "hi",
                "reply_markup": {"inline_keyboard": [[{"text": "just text"}]]},
            },
        ),
    ],
)
async def test_other_documented_limits(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser, method: str, params: dict
) -> None:
    assert (await call(http, fake, method, **params))[0] == 400
    assert len(fake.violations) == 1


async def test_undocumented_simulation_answers_true_after_validation(
    fake: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    assert (await call(http, fake, "setMyDescription", description="Coach"))[1]["result"] is True
    assert (await call(http, fake, "setMyDescription", blurb="Coach"))[0] == 400


async def test_sending_to_a_stranger_fails_without_violation(
    fake: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    status, body = await call(http, fake, "sendMessage", chat_id=7, text="hi")
    assert (status, body["description"]) == (400, "Bad Request: chat not found")
    assert fake.violations == []
    assert fake.errors == [("sendMessage", 400, "Bad Request: chat not found")]


# -- updates and users -------------------------------------------------------------------------


async def test_long_poll_returns_a_new_message_and_offset_confirms_it(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    poll = asyncio.create_task(call(http, fake, "getUpdates", timeout=10))
    await poll_arrived(fake)  # so the message wakes a waiting poll
    message_id = await ann.send("/start now")
    status, body = await asyncio.wait_for(poll, 2)
    assert status == 200
    [update] = body["result"]
    assert_valid_update(fake, update)
    assert update["message"]["message_id"] == message_id
    assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    again = await call(http, fake, "getUpdates")
    assert again[1]["result"] == [update]  # not confirmed yet
    confirmed = await call(http, fake, "getUpdates", offset=update["update_id"] + 1)
    assert confirmed[1]["result"] == []


async def test_limit_and_negative_offset(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    for text in ("one", "two", "three"):
        await ann.send(text)
    first = (await call(http, fake, "getUpdates", limit=2))[1]["result"]
    assert [u["message"]["text"] for u in first] == ["one", "two"]
    last = (await call(http, fake, "getUpdates", offset=-1))[1]["result"]
    assert [u["message"]["text"] for u in last] == ["three"]


async def test_a_second_long_poll_ends_the_first_with_conflict(
    fake: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    first = asyncio.create_task(call(http, fake, "getUpdates", timeout=10))
    await poll_arrived(fake)
    await call(http, fake, "getUpdates")
    status, body = await asyncio.wait_for(first, 2)
    assert (status, body["error_code"]) == (409, 409)
    assert fake.violations == []


async def test_allowed_updates_drop_other_kinds(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    await call(http, fake, "getUpdates", allowed_updates=["message"])
    await ann.press_data("v1:x")
    await ann.send("kept")
    updates = (await call(http, fake, "getUpdates"))[1]["result"]
    assert [list(u) for u in updates] == [["update_id", "message"]]


async def test_stop_answers_a_pending_long_poll() -> None:
    fake = FakeTelegram()
    await fake.start()
    async with aiohttp.ClientSession() as http:
        poll = asyncio.create_task(call(http, fake, "getUpdates", timeout=30))
        await poll_arrived(fake)
        await asyncio.wait_for(fake.stop(), 2)
        assert (await asyncio.wait_for(poll, 2))[1]["result"] == []


async def test_every_kind_of_user_update_matches_the_reference(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    sent = await ann.send("hello")
    await ann.send_sticker()
    await ann.send_photo("look")
    await ann.send_voice()
    await ann.send_location(51.5, -0.12)
    await ann.edit(sent, "hello again")
    updates = (await call(http, fake, "getUpdates"))[1]["result"]
    kinds = [next(k for k in u if k != "update_id") for u in updates]
    assert kinds == ["message"] * 5 + ["edited_message"]
    for update in updates:
        assert_valid_update(fake, update)
    assert updates[-1]["edited_message"]["text"] == "hello again"


async def test_press_builds_a_valid_callback_query_and_sees_the_answer(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    await call(http, fake, "sendMessage", chat_id=42, text="Ready?", reply_markup=KEYBOARD)
    await ann.press("Yes")
    [update] = (await call(http, fake, "getUpdates"))[1]["result"]
    assert_valid_update(fake, update)
    query = update["callback_query"]
    assert (query["data"], query["from"]["id"]) == ("v1:yes", 42)
    assert query["message"]["reply_markup"] == KEYBOARD
    assert (
        await call(http, fake, "answerCallbackQuery", callback_query_id=query["id"], text="Saved")
    )[0] == 200
    assert await ann.next_callback_answer() == "Saved"
    # Telegram refuses a second answer to the same query.
    assert (await call(http, fake, "answerCallbackQuery", callback_query_id=query["id"]))[0] == 400
    assert fake.violations == []


async def test_press_on_an_old_snapshot_sends_the_message_as_it_is_now(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    await call(http, fake, "sendMessage", chat_id=42, text="Ready?", reply_markup=KEYBOARD)
    question = await ann.next_message()
    await call(http, fake, "editMessageText", chat_id=42, message_id=1, text="Ready? ✔︎ Yes")
    with pytest.raises(AssertionError, match="no message with buttons"):
        await ann.press("Yes")  # nothing on screen has buttons any more
    await ann.press("Yes", question)  # a stale screen still shows the old button
    [update] = (await call(http, fake, "getUpdates"))[1]["result"]
    assert update["callback_query"]["data"] == "v1:yes"
    assert update["callback_query"]["message"]["text"] == "Ready? ✔︎ Yes"


async def test_press_lists_the_buttons_when_the_label_is_missing(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    await call(http, fake, "sendMessage", chat_id=42, text="Ready?", reply_markup=KEYBOARD)
    with pytest.raises(AssertionError, match=r"'Nope'.*\['Yes'\]"):
        await ann.press("Nope")


async def test_press_data_sends_forged_data(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    await ann.press_data("v1:nudge:done:999", message_id=5)
    [update] = (await call(http, fake, "getUpdates"))[1]["result"]
    assert update["callback_query"]["data"] == "v1:nudge:done:999"
    assert update["callback_query"]["message"]["message_id"] == 5


async def test_edits_update_in_place_and_count_as_events(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    sent = (
        await call(http, fake, "sendMessage", chat_id=42, text="Ready?", reply_markup=KEYBOARD)
    )[1]
    message_id = sent["result"]["message_id"]
    first = await ann.next_message()
    status, body = await call(
        http, fake, "editMessageText", chat_id=42, message_id=message_id, text="Done"
    )
    assert status == 200
    assert "reply_markup" not in body["result"]  # an edit without markup drops the keyboard
    edit = await ann.next_message()
    assert (edit.message_id, edit.text, edit.edited, edit.buttons) == (message_id, "Done", True, [])
    assert (first.text, first.button_texts) == ("Ready?", ["Yes"])  # snapshots stay as they were
    again = await call(
        http, fake, "editMessageText", chat_id=42, message_id=message_id, text="Done"
    )
    assert again[0] == 400
    assert again[1]["description"].startswith("Bad Request: message is not modified")
    assert fake.violations == []
    await ann.expect_silence(0.05)


async def test_delete_marks_the_message_and_removes_it_from_screen(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    await call(http, fake, "sendMessage", chat_id=42, text="temp")
    assert (await call(http, fake, "deleteMessage", chat_id=42, message_id=1))[0] == 200
    assert ann.screen == []
    assert fake.chat_messages(42)[0].deleted is True
    assert (await call(http, fake, "deleteMessage", chat_id=42, message_id=1))[0] == 400


async def test_next_message_and_expect_silence_fail_clearly(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    with pytest.raises(AssertionError, match="nothing new from the bot"):
        await ann.next_message(timeout=0.05)
    await call(http, fake, "sendMessage", chat_id=42, text="surprise")
    with pytest.raises(AssertionError, match="surprise"):
        await ann.expect_silence(0.05)


async def test_users_see_only_their_own_chat(
    fake: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    ann, bob = fake.user(1, "Ann"), fake.user(2, "Bob")
    waiting = asyncio.create_task(bob.next_message())
    await call(http, fake, "sendMessage", chat_id=1, text="for Ann")
    await call(http, fake, "sendMessage", chat_id=2, text="for Bob")
    assert (await waiting).text == "for Bob"
    assert [m.text for m in ann.history] == ["for Ann"]


async def test_send_document_multipart_is_stored(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    form = aiohttp.FormData()
    form.add_field("chat_id", "42")
    form.add_field("caption", "<b>Your</b> calendar", content_type="text/plain")
    form.add_field("parse_mode", "HTML")
    form.add_field(
        "document", b"BEGIN:VCALENDAR", filename="nudges.ics", content_type="text/calendar"
    )
    async with http.post(f"{fake.base_url}{fake.token}/sendDocument", data=form) as resp:
        status, body = resp.status, await resp.json()
    assert status == 200, body
    assert body["result"]["document"]["file_name"] == "nudges.ics"
    message = await ann.next_message()
    assert message.document is not None
    assert (message.document.filename, message.document.content) == (
        "nudges.ics",
        b"BEGIN:VCALENDAR",
    )
    assert message.text == "Your calendar"


async def test_attached_file_parts_are_resolved(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    form = aiohttp.FormData()
    form.add_field("chat_id", "42")
    form.add_field("document", "attach://part1")
    form.add_field("part1", b"data", filename="notes.txt", content_type="text/plain")
    async with http.post(f"{fake.base_url}{fake.token}/sendDocument", data=form) as resp:
        assert resp.status == 200, await resp.text()
    assert ann.last.document is not None and ann.last.document.filename == "notes.txt"


async def test_bot_may_delete_the_users_message(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    sent = await ann.send("my secret")
    assert (await call(http, fake, "deleteMessage", chat_id=42, message_id=sent))[0] == 200


# -- faults ------------------------------------------------------------------------------------


async def test_fail_next_429_carries_retry_after(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    fake.fail_next("sendMessage", 429, retry_after=7)
    status, body = await call(http, fake, "sendMessage", chat_id=42, text="hi")
    assert (status, body["parameters"]) == (429, {"retry_after": 7})
    assert fake.faults_injected == 1
    assert (await call(http, fake, "sendMessage", chat_id=42, text="hi"))[0] == 200
    assert fake.violations == []


async def test_fail_next_403_describes_a_blocked_bot(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    fake.fail_next("sendMessage", 403)
    status, body = await call(http, fake, "sendMessage", chat_id=42, text="hi")
    assert (status, body["description"]) == (403, "Forbidden: bot was blocked by the user")


async def test_fail_next_only_for_the_given_chat_and_times(
    fake: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    fake.user(1), fake.user(2)
    fake.fail_next("sendMessage", 500, times=2, chat_id=2)
    statuses = [
        (await call(http, fake, "sendMessage", chat_id=chat, text="hi"))[0] for chat in (1, 2, 2, 2)
    ]
    assert statuses == [200, 500, 500, 200]


async def test_block_answers_forbidden_until_unblocked(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    fake.block(42)
    status, body = await call(http, fake, "sendMessage", chat_id=42, text="hi")
    assert (status, body["description"]) == (403, "Forbidden: bot was blocked by the user")
    fake.unblock(42)
    assert (await call(http, fake, "sendMessage", chat_id=42, text="hi"))[0] == 200


async def test_fault_rate_is_reproducible(fake: FakeTelegram, http: aiohttp.ClientSession) -> None:
    fake.user(42)

    async def run() -> list[int]:
        fake.fault_rate(0.5, statuses=(500, 502), seed=3)
        return [(await call(http, fake, "sendMessage", chat_id=42, text="x"))[0] for _ in range(20)]

    first, second = await run(), await run()
    assert first == second
    assert {200, 500, 502} >= set(first) and 200 in first and len(set(first)) > 1
    assert fake.faults_injected == 2 * sum(s != 200 for s in first)


async def test_enforce_limits_per_chat(
    fake: FakeTelegram, http: aiohttp.ClientSession, ann: FakeUser
) -> None:
    fake.enforce_limits(per_chat_per_second=1)
    assert (await call(http, fake, "sendMessage", chat_id=42, text="1"))[0] == 200
    status, body = await call(http, fake, "sendMessage", chat_id=42, text="2")
    assert (status, body["parameters"]) == (429, {"retry_after": 1})
    assert fake.rate_limited == 1


# -- a real python-telegram-bot Application ----------------------------------------------------


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Repeat the text back, in bold, with a button."""
    assert update.message and update.message.text
    button = InlineKeyboardButton("Thanks", callback_data="v1:thanks")
    await update.message.reply_text(
        f"<b>You said:</b> {html.escape(update.message.text)}",
        parse_mode="HTML",
        reply_markup=InlineKeyboardMarkup([[button]]),
    )


async def thanks(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the press and edit the message, keeping its formatting."""
    query = update.callback_query
    assert query and isinstance(query.message, Message)
    await query.answer("You're welcome")
    await query.edit_message_text(query.message.text_html + " ✓", parse_mode="HTML")


async def run_bot(fake: FakeTelegram) -> Application:
    """Start a real Application polling the fake."""
    app = ApplicationBuilder().token(fake.token).base_url(fake.base_url).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    app.add_handler(CallbackQueryHandler(thanks))
    await app.initialize()
    await app.start()
    assert app.updater
    await app.updater.start_polling(poll_interval=0, timeout=1)
    return app


async def test_real_bot_against_the_fake(fake: FakeTelegram, ann: FakeUser) -> None:
    app = await run_bot(fake)
    try:
        await ann.send("fish & <chips>")
        reply = await ann.next_message()
        assert reply.text == "You said: fish & <chips>"
        assert reply.button_texts == ["Thanks"]
        await ann.press("Thanks")
        edit = await ann.next_message()
        assert (edit.text, edit.edited, edit.buttons) == ("You said: fish & <chips> ✓", True, [])
        assert edit.entities == [{"type": "bold", "offset": 0, "length": 9}]
        assert await ann.next_callback_answer() == "You're welcome"
    finally:
        assert app.updater
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
    assert fake.violations == []
    assert fake.errors == []
