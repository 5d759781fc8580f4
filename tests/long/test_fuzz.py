"""Fuzzing: random sequences of updates through the real Application, replies over HTTP to the fake.

Updates are fed with `application.process_update` (no long polling, so it is fast), but every
reply still goes over HTTP to the fake Bot API, which checks it (HTML, lengths, buttons). Texts of
0-5,000 characters with emoji, RTL, control characters and markup; commands at any moment;
stickers, photos, voice, locations; edits; presses of current, old, forged and unknown buttons.

The AIORateLimiter's overall 30/s cap is lifted for this test only (its retry path is kept):
otherwise 100,000 updates would take an hour. Size: FOLLOWUP_FUZZ_UPDATES, or
FOLLOWUP_LONG_TESTS=1 (100,000).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update
from telegram.ext import AIORateLimiter, Application

from bot import build_application
from followup.core.model import Interview, Nudge, NudgeKind, UserSettings
from followup.ops.clock import utc_now
from followup.store.tinydb import Store
from tests.support.bot import bot_settings
from tests.support.clock import START
from tests.support.fake_telegram import _COMMAND_RE, FakeTelegram, FakeUser, _utf16_len
from tests.support.runs import long_run_size, report_figures
from tests.support.stores import Backend

Bot = Application  # type: ignore[type-arg]
USERS = (1001, 1002, 1003)
UPDATES = long_run_size("FOLLOWUP_FUZZ_UPDATES", ci=500, full=100_000)
MAX_SEQUENCE = 40
RECENT = 200  # buttons are looked for among this many recent messages, to stay fast

COMMANDS = [
    "/new", "/cancel", "/status", "/timezone", "/pause", "/resume", "/help", "/start",
    "/nonsense", "/timezone Berlin", "/timezone it's 19:30 here", "/new@followup_coach_bot",
    "/start extra args", "/" + "x" * 40,
]  # fmt: skip
ANSWERS = [
    "Acme", "skip", "Skip", "just now", "yesterday 8pm", "tomorrow 10am", "an hour ago", "no",
    "yes", "Sam", "friday", "next week", "none", "both", "neither", "contact", "outside",
    "good", "great", "rough", "4", "0", "-", "it's 19:30 here", "Berlin", "Europe/London",
    "Tokyo", "blorpistan", "3/12", "25/11 9:30", "31/02", "yesterday 25:61", "in 1000 years",
]  # fmt: skip
NASTY = [
    "<b>bold</b>", "<script>alert(1)</script>", "a & b", "&amp;", "&#0;", "</i>", "<", ">",
    "*bold* _it_ `code` [link](http://x)", "\\", "{company}", "{", "%s %d", "\u202eevil\u202c",
    "שלום עולם", "مرحبا", "👩‍👩‍👧‍👦" * 3, "\u200b", "\x00\x01\x1b[31m", "\r\n\t", "🏳️‍🌈",
    "Ω≈ç√", "\ufeff", "\U0001f600" * 100, "' OR 1=1 --", "../../etc/passwd", "None", "null",
]  # fmt: skip
STEPS = ["company", "role", "when", "agency", "decision", "extras", "rating", "notes"]

texts = st.one_of(
    st.sampled_from(ANSWERS),
    st.sampled_from(NASTY),
    st.sampled_from(COMMANDS),
    st.text(max_size=60),
    st.text(min_size=4000, max_size=5000),
    st.builds(lambda a, b: a + b, st.sampled_from(NASTY), st.text(max_size=300)),
    st.just("n" * 4096),
    st.just(""),
    st.just("   "),
)
callback_data = st.one_of(
    st.builds(
        lambda s, v: f"v1:new:{s}:{v}",
        st.sampled_from(STEPS),
        st.sampled_from(["skip", "now", "hour", "yes", "no", "none", "week", "1", "9", "x"]),
    ),
    st.builds(
        lambda a, i: f"v1:nudge:{a}:{i}",
        st.sampled_from(["done", "hour", "morning", "heard", "bogus"]),
        st.sampled_from(["ckA", "ckB", "chB", "nope", "x" * 40]),
    ),
    st.builds(lambda i: f"v1:new:checkin:{i}", st.sampled_from(["ckA", "ckB", "chB", "zz"])),
    st.builds(lambda i: f"v1:tz:pick:{i}", st.sampled_from(["0", "1", "5", "99", "-1", "a"])),
    st.sampled_from(["v1:new:start", "v1:start:later", "v2:new:start", "v1", "v1:", "::", ""]),
    st.text(min_size=1, max_size=64),
    st.text(min_size=65, max_size=80),
)
answer = st.tuples(st.just("text"), st.sampled_from(ANSWERS))
press_current = st.tuples(st.just("press_current"), st.integers(0, 7))
actions = st.one_of(  # answers and current buttons weigh more, to get deep into conversations
    answer,
    answer,
    answer,
    press_current,
    press_current,
    press_current,
    st.tuples(st.just("text"), texts),
    st.tuples(st.just("text"), texts),
    st.tuples(st.just("press_old"), st.integers(0, 50)),
    st.tuples(st.just("press_data"), callback_data),
    st.tuples(st.just("edit"), texts),
    st.tuples(st.sampled_from(["sticker", "photo", "voice", "location"]), st.none()),
)
steps = st.lists(st.tuples(st.sampled_from(USERS), actions), min_size=1, max_size=MAX_SEQUENCE)


class ErrorRecords(logging.Handler):
    """ERROR records: the error handler logs every exception a handler raised at ERROR."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Rig:
    """One event loop, fake server and Application shared by every example of the module."""

    loop: asyncio.AbstractEventLoop
    fake: FakeTelegram
    app: Bot
    errors: ErrorRecords
    fed: Counter[str] = field(default_factory=Counter)
    unanswered: list[str] = field(default_factory=list)
    states: set[str] = field(default_factory=set)
    user_messages: dict[int, list[dict[str, Any]]] = field(default_factory=dict)


def seed(data_dir: Path) -> None:
    """Interviews with pending check-ins for two users, so forged ids name real records."""
    store = Store(data_dir)
    for user_id, tag in ((1001, "A"), (1002, "B")):
        store.save_settings(UserSettings(user_id, user_id, "Europe/London"))
        when = START + timedelta(days=1)
        interview = Interview(f"iv{tag}", user_id, f"Company {tag}", when, START)
        store.save_interview(interview)
        due = START + timedelta(days=3)
        store.save_nudges(
            [
                Nudge(f"ck{tag}", user_id, user_id, f"iv{tag}", NudgeKind.CHECK_IN, due),
                Nudge(f"ch{tag}", user_id, user_id, f"iv{tag}", NudgeKind.CHASE, due),
            ]
        )
    store.close()


@pytest.fixture(scope="module")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    data_dir = tmp_path_factory.mktemp("fuzz") / "data"
    seed(data_dir)
    traveller = time_machine.travel(START, tick=True)
    traveller.start()
    loop = asyncio.new_event_loop()
    fake = FakeTelegram()
    loop.run_until_complete(fake.start())
    app = build_application(bot_settings(fake, Backend(data_dir)), clock=utc_now)
    app.bot._rate_limiter = AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=3)
    loop.run_until_complete(app.initialize())
    assert app.post_init is not None
    loop.run_until_complete(app.post_init(app))
    for user_id in USERS:
        fake.user(user_id, f"User{user_id}")
    errors = ErrorRecords()
    logging.getLogger().addHandler(errors)
    rig = Rig(loop, fake, app, errors)
    try:
        yield rig
    finally:
        logging.getLogger().removeHandler(errors)
        loop.run_until_complete(app.shutdown())
        if app.post_shutdown:
            loop.run_until_complete(app.post_shutdown(app))
        loop.run_until_complete(fake.stop())
        loop.close()
        traveller.stop()


_ids = itertools.count(1)


def message_update(rig: Rig, user: FakeUser, content: dict[str, Any]) -> dict[str, Any]:
    message = {
        "message_id": user.chat.next_message_id(),
        "from": user.as_user,
        "chat": user.chat.as_chat,
        "date": int(time.time()),
        **content,
    }
    rig.user_messages.setdefault(user.id, []).append(message)
    return {"update_id": next(_ids), "message": message}


def text_content(text: str) -> dict[str, Any]:
    content: dict[str, Any] = {"text": text}
    if command := _COMMAND_RE.match(text):
        content["entities"] = [
            {"type": "bot_command", "offset": 0, "length": _utf16_len(command.group())}
        ]
    return content


def callback_update(rig: Rig, user: FakeUser, data: str, message_id: int | None) -> dict[str, Any]:
    query_id = str(rig.fake.new_id())
    rig.fake.open_queries[query_id] = user
    known = user.chat.messages.get(message_id or -1)
    message = (
        rig.fake.message_object(known)
        if known
        else {"message_id": message_id or 1, "date": int(time.time()), "chat": user.chat.as_chat}
    )
    query = {
        "id": query_id,
        "from": user.as_user,
        "chat_instance": str(user.id * 7919),
        "message": message,
        "data": data,
    }
    return {"update_id": next(_ids), "callback_query": query}


def build_update(rig: Rig, user: FakeUser, kind: str, value: Any) -> dict[str, Any] | None:
    """The update JSON for one fuzz action (None when the action has nothing to act on)."""
    files = {"file_id": f"F{next(_ids)}", "file_unique_id": f"u{next(_ids)}"}
    if kind == "text":
        return message_update(rig, user, text_content(value))
    if kind == "sticker":
        sticker = {**files, "type": "regular", "width": 1, "height": 1}
        return message_update(rig, user, {"sticker": {**sticker, "is_animated": False,
                                                      "is_video": False}})  # fmt: skip
    if kind == "photo":
        return message_update(rig, user, {"photo": [{**files, "width": 9, "height": 9}]})
    if kind == "voice":
        return message_update(rig, user, {"voice": {**files, "duration": 1}})
    if kind == "location":
        return message_update(rig, user, {"location": {"latitude": 1.5, "longitude": 2.5}})
    if kind == "edit":
        sent = [m for m in rig.user_messages.get(user.id, [])[-50:] if "text" in m]
        if not sent:
            return None
        edited = {**sent[-1], **text_content(value), "edit_date": int(time.time())}
        return {"update_id": next(_ids), "edited_message": edited}
    recent = itertools.islice(reversed(user.chat.messages.values()), RECENT)
    with_buttons = [m for m in recent if m.buttons][::-1]
    if kind == "press_current":
        if not with_buttons:
            return None
        newest = with_buttons[-1]
        buttons = [b for row in newest.buttons for b in row]
        data = buttons[value % len(buttons)].callback_data or ""
        return callback_update(rig, user, data, newest.message_id)
    if kind == "press_old":
        history = [m for m in user.chat.events[-RECENT:] if m.buttons]
        if not history:
            return None
        old = history[value % len(history)]
        buttons = [b for row in old.buttons for b in row]
        data = buttons[value % len(buttons)].callback_data or ""
        return callback_update(rig, user, data, old.message_id)
    newest_id = with_buttons[-1].message_id if with_buttons else None
    return callback_update(rig, user, value, newest_id)


async def feed(rig: Rig, sequence: list[tuple[int, tuple[str, Any]]]) -> None:
    """Process each update and check that every message was answered."""
    store: Store = rig.app.bot_data["deps"].store.files
    for user_id, (kind, value) in sequence:
        user = rig.fake.user(user_id)
        data = build_update(rig, user, kind, value)
        if data is None:
            continue
        calls_before = len(rig.fake.calls)
        await rig.app.process_update(Update.de_json(data, rig.app.bot))
        rig.fed[kind] += 1
        if "message" in data or "edited_message" in data:
            replies = [
                params
                for method, params in rig.fake.calls[calls_before:]
                if method == "sendMessage" and params.get("chat_id") == user_id
            ]
            if not replies:
                rig.unanswered.append(f"{kind}: {str(value)[:80]!r}")
        for key, state in store.conversation_states("dialog").items():
            if key[-1] == user_id:
                rig.states.add(str(state))


def test_random_updates_in_every_state_are_all_handled(rig: Rig) -> None:
    examples = max(1, UPDATES // (MAX_SEQUENCE // 2))

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(sequence=steps)
    def run(sequence: list[tuple[int, tuple[str, Any]]]) -> None:
        rig.loop.run_until_complete(feed(rig, sequence))

    started = time.monotonic()
    while sum(rig.fed.values()) < UPDATES:
        run()
    unhandled = [r for r in rig.errors.records if r.name.startswith(("handlers", "telegram"))]
    report_figures(
        "fuzzing",
        fuzzed_updates=sum(rig.fed.values()),
        by_kind=dict(rig.fed),
        conversation_states_visited=len(rig.states),
        unhandled_exceptions=len(unhandled),
        messages_without_reply=len(rig.unanswered),
        violations=len(rig.fake.violations),
        seconds=round(time.monotonic() - started, 1),
    )
    assert unhandled == [], [r.getMessage() for r in unhandled[:5]]
    assert rig.unanswered == [], rig.unanswered[:10]
    assert rig.fake.violations == [], rig.fake.violations[:10]
    assert len(rig.states) >= 6
