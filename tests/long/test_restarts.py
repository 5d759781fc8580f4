"""Restarts: at every open question, during a burst of nudges, and by SIGTERM to bot.py.

Each restart stops the Application as run_polling does and starts a new one on the same data
directory, against the same fake Bot API server. Sizes of the nudge test: FOLLOWUP_RESTARTS and
FOLLOWUP_RESTART_NUDGES, or FOLLOWUP_LONG_TESTS=1 (60 restarts, 1,000 nudges).

On TinyDB: what survives a restart is read from the data directory's files themselves.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Application

from followup.core.model import Interview, Nudge, NudgeKind, NudgeState, UserSettings
from followup.store.tinydb import Store
from tests.support.bot import running_bot
from tests.support.clock import START, Clock
from tests.support.driver import log_interview, next_new, settled
from tests.support.fake_telegram import BotMessage, FakeTelegram, FakeUser
from tests.support.runs import long_run_size, nudge_deliveries, report_figures
from tests.support.stores import Backend

Bot = Application  # type: ignore[type-arg]
LONDON = ZoneInfo("Europe/London")
REPO = Path(__file__).resolve().parents[2]


def open_states(data_dir: Path, user_id: int) -> dict[str, object]:
    """The open dialog state stored for a user ({"dialog": state}, or {} when none is open)."""
    store = Store(data_dir)
    try:
        states = store.conversation_states("dialog")
        mine = [state for key, state in states.items() if key[-1] == user_id]
        return {"dialog": mine[0]} if mine else {}
    finally:
        store.close()


# --- Restart at every conversation state --------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """One thing the user does (type text or tap a label) and what the bot must ask next."""

    action: str
    value: str
    expect: str
    label: str = ""  # how this state is named in the coverage count, if it counts


def say(value: str, expect: str, label: str = "") -> Move:
    return Move("say", value, expect, label)


def tap(value: str, expect: str, label: str = "") -> Move:
    return Move("tap", value, expect, label)


LOG_TWO = [
    say("/new", "Which company"),
    say("Acme", "role"),
    tap("Skip", "When was"),
    say("tomorrow 10am", "recruitment agency"),
    tap("No, I applied directly", "Saved: Acme"),
    say("/new", "Which company"),
    say("Globex", "role"),
    tap("Skip", "When was"),
    say("tomorrow 11am", "recruitment agency"),
    tap("No, I applied directly", "Saved: Globex"),
]
# Journeys of a user who told the bot where they are already (labels: "<flow>:<state>").
JOURNEYS: dict[str, list[Move]] = {
    "debrief, every question": [
        say("/new", "Which company"),
        say("Acme", "role", "debrief:company"),
        tap("Skip", "When was", "debrief:role"),
        tap("It just ended", "recruitment agency", "debrief:when"),
        say("Sam", "decide", "debrief:agency"),
        tap("They didn't say", "Two quick checks", "debrief:decision"),
        tap("Neither", "How did it go", "debrief:extras"),
        tap("Good", "Anything you'll want to remember", "debrief:rating"),
        say("notes typed after a restart", "Saved: Acme", "debrief:notes"),
    ],
    "debrief, contact only (evening interview)": [
        say("/new", "Which company"),
        say("Globex", "role"),
        say("Analyst", "When was"),
        say("yesterday 8pm", "recruitment agency"),
        tap("No, I applied directly", "decide"),
        tap("They didn't say", "outside normal working hours, which", "debrief:decision"),
        tap("Yes, I did", "How did it go", "debrief:extras(contact only)"),
        tap("Great", "Anything you'll want to remember"),
        tap("Skip", "Saved: Globex"),
    ],
    "outcome: more time, a new date": [
        *LOG_TWO,
        say("/heard", "Which interview"),
        tap("Acme", "What did Acme say", "outcome:pick_interview"),
        tap("Other", "What happened", "outcome:pick_outcome"),
        tap("They need more time", "new date", "outcome:what"),
        say("the 10th", "now expects to decide by Thu 10 Dec", "outcome:new_date"),
    ],
    "outcome: something else, closed": [
        *LOG_TWO,
        say("/heard Globex", "What did Globex say"),
        tap("Other", "What happened"),
        tap("Something else", "keep Globex open"),
        tap("Close it", "Globex is closed", "outcome:keep_or_close"),
    ],
    "outcome: an offer, its deadline typed": [
        *LOG_TWO[:5],
        say("/heard", "What did Acme say"),
        tap("Offer", "by when they need your answer"),
        say("the 10th", "wants your answer by Thu 10 Dec", "outcome:answer_by"),
    ],
    "a counter-offer, its figure typed": [
        *LOG_TWO[:5],
        say("/heard", "What did Acme say"),
        tap("Offer", "by when they need your answer"),
        tap("No deadline", "no deadline for Acme"),
        tap("Counter-offer", "What would you like to ask Acme for"),
        tap("Write it", "What salary will you ask"),
        say("£55,000", "a base salary of £55,000", "counter:figure"),
    ],
    "corrections: edit, then delete": [
        *LOG_TWO[:5],
        say("/status", "Your open interviews"),
        tap("✏️ Acme", "What would you like to change"),
        tap("When they'll decide", "When did they say", "edit:field"),
        say("friday", "Updated Acme", "edit:value"),
        say("/status", "Your open interviews"),
        tap("✏️ Acme", "What would you like to change"),
        tap("Delete it", "Delete Acme"),
        tap("Yes, delete it", "Deleted Acme", "edit:delete"),
    ],
    "forget, kept": [
        say("/forget", "Delete everything?"),
        tap("Keep my data", "Nothing was deleted", "forget:confirm"),
    ],
    "signature": [
        say("/name", "sign your drafts as Ann"),
        say("Ann Smith", "sign your drafts as Ann Smith", "sign:ask"),
    ],
    "timezone, typed": [
        say("/timezone", "Where are you?"),
        say("Tokyo", "public holidays", "zone:ask"),
        tap("Japan", "Japan", "zone:country"),
    ],
    "timezone, several choices, another country typed": [
        say("/timezone", "Where are you?"),
        say("it's 19:30 here", "Which one is yours?"),
        tap("Kolkata", "public holidays", "zone:pick"),
        tap("Another country", "Type the country"),
        say("Scotland", "United Kingdom — Scotland", "zone:typed_country"),
    ],
}
# A newcomer's first steps: where they are comes before the first time question.
FIRST_USE = [
    say("/new", "Which company"),
    say("Acme", "role"),
    tap("Skip", "Where are you?"),
    say("Berlin", "public holidays"),
    tap("Don't skip holidays", "When was"),
    say("today 9am", "recruitment agency"),
]
CHECK_IN_JOURNEY = [
    tap("Debrief now", "decide"),
    tap("By the end of this week", "Two quick checks", "check-in:decision"),
    tap("Got a card / email", "How did it go", "check-in:extras"),
    tap("Rough", "Anything you'll want to remember", "check-in:rating"),
    say("they asked about Kubernetes", "Saved: Initech", "check-in:notes"),
]
TIP_JOURNEY = [
    tap("Share a tip", "one message"),
    say("Keep it to one short email.", "kept with your data", "outcome:tip"),
]
ALL_STATES = {
    move.label
    for moves in [*JOURNEYS.values(), CHECK_IN_JOURNEY, TIP_JOURNEY]
    for move in moves
    if move.label
}


async def perform(user: FakeUser, move: Move) -> BotMessage:
    """Do the move and return the bot's next new message."""
    if move.action == "say":
        await user.send(move.value)
    elif move.action == "tap":
        await user.press(move.value)
    return await next_new(user)


async def walk_with_restarts(
    fake: FakeTelegram, data_dir: Path, user: FakeUser, moves: list[Move], covered: set[str]
) -> None:
    """Make each move on a freshly started bot: the previous one stopped at the open question."""
    for move in moves:
        state_before = open_states(data_dir, user.id)
        async with running_bot(fake, Backend(data_dir)):
            reply = await perform(user, move)
            await asyncio.sleep(0)
        assert move.expect in reply.text, (move, state_before, reply.text)
        if move.label:
            assert state_before, f"{move.label}: no conversation state was stored"
            covered.add(move.label)


@pytest.mark.parametrize("journey", sorted(JOURNEYS))
async def test_restart_before_every_answer_resumes_at_the_same_question(
    fake: FakeTelegram, data_dir: Path, clock: Clock, journey: str
) -> None:
    covered: set[str] = set()
    ann = await settled(Backend(data_dir), fake.user(1001, "Ann"))
    await walk_with_restarts(fake, data_dir, ann, JOURNEYS[journey], covered)
    expected = {move.label for move in JOURNEYS[journey] if move.label}
    assert covered == expected
    assert open_states(data_dir, 1001) == {}


async def test_a_newcomer_is_asked_where_they_are_across_restarts(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    await walk_with_restarts(fake, data_dir, fake.user(1001, "Ann"), FIRST_USE, set())
    store = Store(data_dir)
    settings = store.settings(1001)
    store.close()
    assert settings is not None and settings.timezone == "Europe/Berlin" and settings.zone_confirmed


async def test_restart_at_every_step_of_a_check_in_debrief(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    ann = await settled(Backend(data_dir), fake.user(1001, "Ann"))
    async with running_bot(fake, Backend(data_dir), clock):
        for text in ("/new", "Initech", "skip", "tomorrow 10am"):
            await ann.send(text)
            await next_new(ann)
        await ann.press("No, I applied directly")
        assert "check in" in (await next_new(ann)).text
        clock.go(datetime(2026, 11, 26, 11, 16, tzinfo=LONDON))
        message = await next_new(ann, timeout=10)
        while "How did it go at Initech" not in message.text:  # the tip before it went stale
            message = await next_new(ann, timeout=10)
    covered: set[str] = set()
    await walk_with_restarts(fake, data_dir, ann, CHECK_IN_JOURNEY, covered)
    store = Store(data_dir)
    (interview,) = store.interviews(ann.id)
    store.close()
    assert interview.debriefed and interview.notes == "they asked about Kubernetes"


async def test_restart_while_sharing_a_tip(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    ann = await settled(Backend(data_dir), fake.user(1001, "Ann"))
    async with running_bot(fake, Backend(data_dir), clock):
        await log_interview(
            ann, "Initech", when="just now", agency="no", decision="no", extras="neither",
            rating="good", notes="skip",
        )  # fmt: skip
        await ann.send("/heard")
        await next_new(ann)
        await ann.press("Offer")
        await next_new(ann)
        clock.go(datetime(2026, 11, 26, 18, 1, tzinfo=LONDON))
        message = await next_new(ann, timeout=10)
        while "tip" not in message.text:
            message = await next_new(ann, timeout=10)
    await walk_with_restarts(fake, data_dir, ann, TIP_JOURNEY, set())


async def test_every_conversation_state_is_covered_by_the_restart_tests() -> None:
    """The coverage figure: every labelled state above against the dialog's own states."""
    from followup.core.debrief import Step
    from handlers import (
        counter_offer,
        data,
        drafting,
        edit,
        outcome,
        outcome_other,
        signature,
        timezone,
        user_tip,
    )

    flows = (
        counter_offer,
        data,
        drafting,
        edit,
        outcome,
        outcome_other,
        signature,
        timezone,
        user_tip,
    )
    flow_states = {
        state
        for module in flows
        for state in vars(module).values()
        if isinstance(state, str) and state.split(":")[0] in _FLOWS and ":" in state
    }
    debrief_states = {f"debrief:{step}" for step in Step}
    check_in_states = {f"check-in:{step}" for step in Step if step not in _BEFORE_INTERVIEW}
    total = debrief_states | {"debrief:extras(contact only)"} | check_in_states | flow_states
    covered = ALL_STATES & total
    report_figures(
        "restart at every conversation state",
        states_covered=len(covered),
        states_total=len(total),
        percent=round(100 * len(covered) / len(total)),
    )
    assert covered == total, sorted(total - covered)


_FLOWS = {"zone", "outcome", "edit", "forget", "sign", "counter"}
_BEFORE_INTERVIEW = {"company", "role", "when", "agency"}


# --- Restarts while a schedule of nudges falls due ----------------------------------------------

ACTIONS = {NudgeKind.CHECK_IN: "v1:new:checkin:"}
NEVER_STALE = {NudgeKind.MOVE_ON}
WINDOW_START = datetime(2026, 11, 30, 9, 0, tzinfo=LONDON)  # a Monday


def fill_schedule(data_dir: Path, nudges: int, users: int, rng: random.Random) -> list[Nudge]:
    """Users with open interviews and pending nudges due across two days, written directly."""
    store = Store(data_dir)
    made: list[Nudge] = []
    # Not the follow-up nudges: sending one re-plans its interview ("did you send it?" comes
    # next), which would move these hand-made records to their planned times.
    kinds = [
        k
        for k in NudgeKind
        if k not in (NudgeKind.REASSURANCE, NudgeKind.CHASE, NudgeKind.SECOND_CHASE)
    ]
    try:
        for index in range(users):
            user_id = 10_000 + index
            store.save_settings(UserSettings(user_id, user_id, "Europe/London"))
            interviews = [
                Interview(
                    id=f"iv{user_id}x{k}",
                    user_id=user_id,
                    company=f"Company {k} & <Co>",
                    when=START - timedelta(days=k),
                    created=START - timedelta(days=k),
                    via_agency=bool(k % 2),
                    recruiter="Sam" if k % 2 else None,
                    debriefed=True,
                    notes="asked about tests",
                )
                for k in range(2)
            ]
            for interview in interviews:
                store.save_interview(interview)
            share = nudges // users + (1 if index < nudges % users else 0)
            batch = [
                Nudge(
                    id=f"n{user_id}x{k}",
                    user_id=user_id,
                    chat_id=user_id,
                    interview_id=interviews[k % 2].id,
                    kind=rng.choice(kinds),
                    due=WINDOW_START + timedelta(minutes=rng.randrange(0, 48 * 60)),
                )
                for k in range(share)
            ]
            store.save_nudges(batch)
            made.extend(batch)
    finally:
        store.close()
    return made


def all_due_settled(app: Bot, nudges: list[Nudge], now: datetime) -> bool:
    """Whether every nudge due by `now` has left PENDING in the running bot's store."""
    store: Store = app.bot_data["deps"].store.files
    for nudge in nudges:
        if nudge.due <= now:
            found = store.nudge(nudge.user_id, nudge.id)
            if found is None or found.state is NudgeState.PENDING:
                return False
    return True


async def wait_for(predicate: object, timeout: float) -> bool:
    """Poll a condition while the bot works; False if it never held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        await asyncio.sleep(0.02)
    return False


async def test_random_restarts_while_nudges_fall_due_lose_and_repeat_nothing(
    fake: FakeTelegram, data_dir: Path, clock: Clock
) -> None:
    restarts_wanted = long_run_size("FOLLOWUP_RESTARTS", ci=6, full=60)
    total = long_run_size("FOLLOWUP_RESTART_NUDGES", ci=100, full=1000)
    users = max(5, total // 10)
    rng = random.Random(7)
    nudges = fill_schedule(data_dir, total, users, rng)
    user_ids = sorted({n.user_id for n in nudges})
    for user_id in user_ids:
        fake.user(user_id, f"U{user_id}")
    steps = 48 * 2 + 2  # half-hour steps across the window, and a little beyond
    restart_at = set(rng.sample(range(1, steps), min(restarts_wanted, steps - 1)))
    downtime_at = set(rng.sample(sorted(restart_at), max(1, len(restart_at) // 6)))
    now = WINDOW_START - timedelta(minutes=30)
    clock.go(now)
    restarts = 0
    started = time.monotonic()
    step = 0
    while step < steps:
        async with running_bot(fake, Backend(data_dir), clock) as app:
            while step < steps:
                step += 1
                now += timedelta(minutes=30)
                clock.go(now)
                if step in restart_at:
                    # Stop while the burst is under way: after a random number of sends.
                    sent_before = len(fake.calls_to("sendMessage"))
                    target = sent_before + rng.randrange(0, 4)
                    await wait_for(
                        lambda t=target, at=now: (
                            len(fake.calls_to("sendMessage")) >= t
                            or all_due_settled(app, nudges, at)
                        ),
                        timeout=10,
                    )
                    break
                settled = await wait_for(lambda at=now: all_due_settled(app, nudges, at), 60)
                assert settled, f"step {step}: nudges due by {now} still pending"
        restarts += step in restart_at
        if step in downtime_at:
            now += timedelta(hours=rng.choice((13, 30, 50)))  # down for a while: some go stale
            clock.go(now, wake=False)
    async with running_bot(fake, Backend(data_dir), clock) as app:
        clock.go(now + timedelta(minutes=1))
        assert await wait_for(lambda at=now: all_due_settled(app, nudges, at), 60)
    counts = nudge_deliveries(fake, user_ids)
    store = Store(data_dir)
    final = {n.id: store.nudge(n.user_id, n.id) for n in nudges}
    store.close()
    states = Counter(found.state for found in final.values() if found is not None)
    lost = [
        ident
        for ident, found in final.items()
        if found is None
        or found.state is NudgeState.PENDING
        or (found.state is NudgeState.SENT and counts[ident] == 0)
        or (found.state is NudgeState.SKIPPED and found.kind in NEVER_STALE)
    ]
    duplicated = [ident for ident, count in counts.items() if count > 1]
    skipped_but_sent = [
        ident
        for ident, found in final.items()
        if found and found.state is not NudgeState.SENT and counts[ident]
    ]
    report_figures(
        "restarts during a nudge schedule",
        restarts=restarts,
        nudges=len(nudges),
        users=len(user_ids),
        sent=states[NudgeState.SENT],
        skipped_stale=states[NudgeState.SKIPPED],
        lost=len(lost),
        duplicated=len(duplicated),
        seconds=round(time.monotonic() - started, 1),
    )
    assert restarts >= min(restarts_wanted, steps - 1) - 1
    assert lost == [] and duplicated == [] and skipped_but_sent == []
    assert not fake.violations


# --- SIGTERM to the real program ------------------------------------------------------------


async def test_sigterm_exits_cleanly_and_keeps_the_open_question(
    fake: FakeTelegram, data_dir: Path
) -> None:
    ann = await settled(Backend(data_dir), fake.user(1001, "Ann"))
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "FOLLOWUP_DATA_DIR": str(data_dir),
        "FOLLOWUP_TIMEZONE": "Europe/London",
        "FOLLOWUP_LOG_LEVEL": "INFO",
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        str(REPO / "bot.py"),
        cwd=REPO,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert "Which company" in (await _said(ann, "/new", 20)).text
        assert "role" in (await _said(ann, "Acme")).text
        assert "When was" in (await _said(ann, "Platform engineer")).text
        stopped_at = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        async with asyncio.timeout(15):
            _, stderr = await proc.communicate()
        took = time.monotonic() - stopped_at
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    log = stderr.decode(errors="replace")
    assert proc.returncode == 0, log[-2000:]
    assert "Traceback" not in log, log[-2000:]
    files = list((data_dir / "users").rglob("*"))
    data_files = [p for p in files if p.suffix == ".json"]
    assert data_files
    for path in data_files:
        assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict)
    leftovers = [p for p in files if p.name.endswith(".tmp")]
    assert leftovers == []
    assert open_states(data_dir, ann.id) == {"dialog": "debrief:when"}
    async with running_bot(fake, Backend(data_dir)):
        await ann.expect_silence(0.3)  # nothing answered twice: the updates were confirmed
        assert "recruitment agency" in (await _said(ann, "just now")).text
    report_figures(
        "SIGTERM",
        exit_code=proc.returncode,
        seconds_to_exit=round(took, 2),
        data_files=len(data_files),
        invalid_json=0,
        tmp_files_left=len(leftovers),
        resumed_at="when",
    )


async def _said(user: FakeUser, text: str, timeout: float = 5) -> BotMessage:
    await user.send(text)
    return await next_new(user, timeout)
