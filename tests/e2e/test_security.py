"""Security end to end: the token stays secret, the allow-list holds, users stay apart, files are
private, and oversized input neither breaks the bot nor makes it send what Telegram refuses.

Most are marked only_tinydb: they look at the users' files themselves (no file for a stranger,
the bytes of another user's file, their modes, one broken on purpose), so they seed and read
them with the file store directly. The long notes and the 500 interviews run on both stores.
"""

from __future__ import annotations

import io
import logging
import re
import stat
import sys
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from followup.core.model import Interview, Nudge, NudgeKind, UserSettings
from followup.ops.logsetup import configure_logging
from followup.store.tinydb import Store
from tests.support.bot import running_bot
from tests.support.clock import START, Clock
from tests.support.driver import log_interview, next_new, say, settled, tap
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.runs import report_figures
from tests.support.stores import Backend, only_tinydb, stored_interviews

SECRET_TOKEN = "7340012345:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
ANN, BOB = 1001, 2002


@pytest.fixture
async def secret_fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=SECRET_TOKEN) as server:
        yield server
        assert server.violations == []


@pytest.fixture
def stderr_log(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """Logging set up exactly as bot.main() does it, at DEBUG, writing to a buffer."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    noisy = {name: logging.getLogger(name).level for name in ("httpx", "httpcore", "apscheduler")}
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)
    configure_logging("DEBUG", [SECRET_TOKEN])
    try:
        yield buffer
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name, level in noisy.items():
            logging.getLogger(name).setLevel(level)


def user_file(data_dir: Path, user_id: int) -> Path:
    return data_dir / "users" / f"{abs(user_id) % 1000:03d}" / f"{user_id}.json"


async def scripted_session(fake: FakeTelegram, ann: FakeUser) -> None:
    """A whole session: welcome, debrief, status, time zone, a failed send and a broken file."""
    assert "Hi Ann" in (await say(ann, "/start")).text
    assert "Where are you?" in (await next_new(ann)).text  # a newcomer: their zone first
    holidays = await say(ann, "London")
    assert "Europe/London" in holidays.text and "public holidays" in holidays.text
    offer = await say(ann, "England")
    assert "United Kingdom — England" in offer.text and "Shall we log" in offer.text
    summary = await log_interview(
        ann, role="skip", when="just now", agency="Sam", decision="no", extras="both",
        rating="good", notes=f"my token is not {SECRET_TOKEN[:4]}",
    )  # fmt: skip
    assert "Saved: Acme" in summary.text
    await say(ann, "/status")
    await say(ann, "/timezone Berlin")
    fake.fail_next("sendMessage", 500, chat_id=ann.id)  # a network error on a reply
    await ann.send("/help")
    await ann.expect_silence(0.3)


@only_tinydb
@pytest.mark.parametrize("httpx_level", ["as configured", "DEBUG"])
async def test_the_token_never_reaches_logs_or_users(
    secret_fake: FakeTelegram,
    data_dir: Path,
    backend: Backend,
    stderr_log: io.StringIO,
    httpx_level: str,
    clock: Clock,
) -> None:
    if httpx_level == "DEBUG":  # even if someone turns the HTTP loggers up, the filter redacts
        for name in ("httpx", "httpcore"):
            logging.getLogger(name).setLevel(logging.DEBUG)
    ann = secret_fake.user(ANN, "Ann")
    carol = secret_fake.user(3003, "Carol")
    async with running_bot(secret_fake, backend, clock, log_level="DEBUG"):
        await scripted_session(secret_fake, ann)
        broken = user_file(data_dir, carol.id)
        broken.parent.mkdir(parents=True, exist_ok=True)
        broken.write_text("{not json", encoding="utf-8")
        error_reply = await say(carol, "/status")  # an unreadable file: an ERROR with traceback
        assert "something went wrong" in error_reply.text
    log = stderr_log.getvalue()
    sent = [str(params) for _, params in secret_fake.calls]
    secret_parts = [SECRET_TOKEN, SECRET_TOKEN.split(":")[1]]
    leaks_in_log = sum(log.count(part) for part in secret_parts)
    leaks_to_users = sum(text.count(part) for text in sent for part in secret_parts)
    report_figures(
        f"token secrecy (httpx {httpx_level})",
        log_lines=log.count("\n"),
        debug_lines=log.count(" DEBUG "),
        error_records=log.count(" ERROR "),
        redacted=log.count("<secret>"),
        token_in_logs=leaks_in_log,
        token_in_messages=leaks_to_users,
    )
    assert " DEBUG " in log and " ERROR " in log and "Traceback" in log
    assert leaks_in_log == 0
    assert leaks_to_users == 0


@only_tinydb
async def test_only_listed_users_get_in_and_strangers_leave_no_trace(
    fake: FakeTelegram, data_dir: Path, backend: Backend, clock: Clock
) -> None:
    ann, bob = await settled(backend, fake.user(ANN, "Ann")), fake.user(BOB, "Bob")
    async with running_bot(fake, backend, clock, allowed_users=frozenset({ANN})):
        refusal = await say(bob, "/start")
        assert "private" in refusal.text
        for text in ("/new", "Acme", "/status", "/timezone Berlin"):
            await bob.send(text)
        await bob.send_sticker()
        await bob.press_data("v1:new:start", refusal.message_id)
        assert await bob.next_callback_answer() is None
        await bob.expect_silence(0.3)
        assert "Hi Ann" in (await say(ann, "/start")).text
        await next_new(ann)
        assert "Which company" in (await tap(ann, "Log an interview")).text
    to_bob = [c for c in fake.calls_to("sendMessage") if c["chat_id"] == BOB]
    store = Store(data_dir)
    known = store.user_ids()
    store.close()
    report_figures(
        "allow-list",
        stranger_updates=7,
        stranger_replies=len(to_bob),
        stranger_files=int(user_file(data_dir, BOB).exists()),
    )
    assert len(to_bob) == 1
    assert known == [ANN] and not user_file(data_dir, BOB).exists()


def seed_ann(data_dir: Path) -> None:
    """Ann: an upcoming interview with a pending check-in, and an open one with a chase."""
    store = Store(data_dir)
    store.save_settings(UserSettings(ANN, ANN, "Europe/London"))
    store.save_interview(Interview("ivU", ANN, "Ann's Secret Co", START + timedelta(days=1), START))
    store.save_interview(Interview("ivO", ANN, "Ann's Other Co", START - timedelta(days=9), START))
    due = START + timedelta(days=2)
    store.save_nudges(
        [
            Nudge("ckAnn", ANN, ANN, "ivU", NudgeKind.CHECK_IN, due),
            Nudge("chAnn", ANN, ANN, "ivO", NudgeKind.CHASE, due),
        ]
    )
    store.close()


@only_tinydb
async def test_forged_buttons_naming_another_users_records_change_nothing(
    fake: FakeTelegram, data_dir: Path, backend: Backend, clock: Clock
) -> None:
    seed_ann(data_dir)
    before = user_file(data_dir, ANN).read_bytes()
    bob = await settled(backend, fake.user(BOB, "Bob"))
    forged = [
        "v1:nudge:done:chAnn",
        "v1:nudge:heard:chAnn",
        "v1:nudge:hour:chAnn",
        "v1:nudge:morning:chAnn",
        "v1:nudge:done:ckAnn",
        "v1:new:checkin:ckAnn",
        "v1:new:checkin:chAnn",
        "v1:nudge:heard:ivO",
    ]
    answers = []
    async with running_bot(fake, backend, clock):
        await say(bob, "/start")
        welcome = await next_new(bob)  # the offer, with buttons
        for data in forged:
            await bob.press_data(data, welcome.message_id)
            answers.append(await bob.next_callback_answer())
        assert "no open interviews" in (await say(bob, "/status")).text
        await bob.expect_silence(0.3)
    report_figures(
        "forged buttons", forged=len(forged), refused=sum(a is not None for a in answers)
    )
    assert all(a and ("don't recognise" in a or "earlier question" in a) for a in answers), answers
    assert user_file(data_dir, ANN).read_bytes() == before
    assert all("Secret" not in m.text for m in fake.chat_messages(BOB))


@only_tinydb
async def test_data_files_are_private(
    fake: FakeTelegram, data_dir: Path, backend: Backend, clock: Clock
) -> None:
    ann, bob = (
        await settled(backend, fake.user(ANN, "Ann")),
        await settled(backend, fake.user(BOB, "Bob")),
    )
    async with running_bot(fake, backend, clock):
        for user in (ann, bob):
            for text in ("/new", "Acme", "skip", "tomorrow 10am"):
                await say(user, text)
            await tap(user, "No, I applied directly")
    files = [p for p in (data_dir / "users").rglob("*") if p.is_file()]
    dirs = [data_dir / "users", *(p for p in (data_dir / "users").rglob("*") if p.is_dir())]
    modes = {str(p.relative_to(data_dir)): oct(stat.S_IMODE(p.stat().st_mode)) for p in files}
    dir_modes = {str(p.relative_to(data_dir)): oct(stat.S_IMODE(p.stat().st_mode)) for p in dirs}
    report_figures("file modes", files=len(files), dirs=len(dirs))
    assert len(files) == 2
    assert set(modes.values()) == {"0o600"}, modes
    assert set(dir_modes.values()) == {"0o700"}, dir_modes


async def test_notes_at_telegrams_limit_are_kept_and_replies_stay_within_it(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    ann = await settled(backend, fake.user(ANN, "Ann"))
    notes = ("<&>" + "🙂 long note " * 400)[:4096]
    async with running_bot(fake, backend, clock):
        summary = await log_interview(
            ann, "A" * 100, role="R" * 119, when="just now", agency="N" * 80, decision="no",
            extras="both", rating="great", notes=notes,
        )  # fmt: skip
        assert "Saved:" in summary.text and "saved in full (4096 characters)" in summary.text
    (interview,) = await stored_interviews(backend, ANN)
    assert interview.notes == notes
    longest = max(len(m.text) for m in fake.chat_messages(ANN))
    report_figures("long notes", notes_chars=len(notes), longest_reply=longest)
    assert longest <= 4096


async def seed_many(backend: Backend, count: int, company: str, role: str | None) -> None:
    """One user with `count` open interviews, each with a pending chase."""
    async with backend.repository() as store, store.writes_together():  # one write for them all
        await store.save_settings(UserSettings(ANN, ANN, "Europe/London"))
        for i in range(count):
            when = START - timedelta(hours=i)
            await store.save_interview(
                Interview(f"iv{i}", ANN, f"{company} {i}", when, when, role=role)
            )
        await store.save_nudges(
            Nudge(f"n{index}", ANN, ANN, f"iv{index}", NudgeKind.CHASE, START + timedelta(days=1))
            for index in range(count)
        )


@pytest.mark.parametrize(
    ("company", "role"),
    [
        pytest.param("Acme", None, id="short names"),
        pytest.param(
            "&<Company> " + "C" * 80,
            "R" * 119,
            id="names at their limits",
        ),
    ],
)
async def test_status_with_500_interviews_is_short_and_works(
    fake: FakeTelegram,
    backend: Backend,
    clock: Clock,
    company: str,
    role: str | None,
) -> None:
    await seed_many(backend, 500, company, role)
    ann = fake.user(ANN, "Ann")
    async with running_bot(fake, backend, clock):
        await ann.send("/status")
        status = await next_new(ann, 2)
    report_figures("status with 500 interviews", reply_chars=len(status.text))
    more = re.search(r"…and (\d+) more", status.text)
    assert "Your open interviews" in status.text and more is not None
    assert status.text.count("• ") + int(more[1]) == 500  # every interview shown or counted
    assert len(status.text) <= 4096


@only_tinydb
async def test_one_unreadable_user_file_does_not_stop_the_bot(
    fake: FakeTelegram, data_dir: Path, backend: Backend, clock: Clock
) -> None:
    broken = user_file(data_dir, 3003)
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text("{not json", encoding="utf-8")
    ann = fake.user(ANN, "Ann")
    async with running_bot(fake, backend, clock):
        assert "Hi Ann" in (await say(ann, "hello?")).text  # answered: the bot is up
    assert broken.read_text(encoding="utf-8") == "{not json"  # left for a human to look at
