"""One durable write per update: an answer and its conversation state reach the disk together."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from followup.core.debrief import Step
from followup.core.model import UserSettings
from followup.store.tinydb import Store, shard_of, storage
from tests.support.bot import running_bot
from tests.support.driver import say, settled
from tests.support.fake_telegram import FakeTelegram
from tests.support.stores import Backend

ALICE, BOB = 1001, 2002


@pytest.fixture
def replaced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every file the storage swapped into place, in order."""
    names: list[str] = []
    real = os.replace

    def counting(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        names.append(Path(target).name)
        real(source, target)

    monkeypatch.setattr(storage.os, "replace", counting)
    return names


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path)
    yield opened
    opened.close()


def settings(user_id: int, zone: str = "UTC") -> UserSettings:
    return UserSettings(user_id=user_id, chat_id=user_id, timezone=zone)


def test_writes_held_together_are_one_file_replacement(store: Store, replaced: list[str]) -> None:
    with store.writes_together():
        store.save_settings(settings(ALICE))
        store.save_user_data(ALICE, {"draft": {"company": "Acme"}})
        store.save_conversation_state("debrief", (ALICE, ALICE), "role")
        store.save_settings(settings(BOB))
        assert replaced == []  # nothing on disk yet...
        assert store.user_data(ALICE) == {"draft": {"company": "Acme"}}  # ...but reads see it
    assert sorted(replaced) == [f"{ALICE}.json", f"{BOB}.json"]
    reopened = Store(store._users_dir.parent)
    assert reopened.user_data(ALICE) == {"draft": {"company": "Acme"}}
    assert reopened.conversation_states("debrief") == {(ALICE, ALICE): "role"}


def test_an_error_inside_writes_nothing(store: Store, replaced: list[str]) -> None:
    store.save_settings(settings(ALICE, "UTC"))
    with pytest.raises(ValueError, match="boom"), store.writes_together():
        store.save_settings(settings(ALICE, "Europe/Paris"))
        raise ValueError("boom")
    assert replaced == [f"{ALICE}.json"]  # only the write before the block
    current = store.settings(ALICE)
    assert current is not None and current.timezone == "UTC"


async def test_another_task_meanwhile_writes_at_once(store: Store, replaced: list[str]) -> None:
    due = asyncio.Event()

    async def nudge_job() -> None:
        """Like a scheduler job: a task started outside the block, running during it."""
        await due.wait()
        store.save_settings(settings(BOB))

    job = asyncio.create_task(nudge_job())
    with store.writes_together():
        store.save_settings(settings(ALICE))
        due.set()
        await job
        assert replaced == [f"{BOB}.json"]  # not held back by this block
    assert replaced == [f"{BOB}.json", f"{ALICE}.json"]


def test_forgetting_a_user_whose_writes_are_held_is_refused(store: Store) -> None:
    with pytest.raises(RuntimeError), store.writes_together():
        store.save_settings(settings(ALICE))
        store.forget_user(ALICE)


def test_held_users_are_not_closed_by_the_open_file_limit(tmp_path: Path) -> None:
    small = Store(tmp_path, max_open_users=2)
    with small.writes_together():
        for user_id in range(1, 6):
            small.save_settings(settings(user_id))
    reopened = Store(tmp_path)
    assert reopened.user_ids() == [1, 2, 3, 4, 5]


async def conversation_on_disk(data_dir: Path, user_id: int, state: str) -> None:
    """Wait (up to 5 s) until the user's file holds this dialog state: the flush is done."""
    path = data_dir / "users" / shard_of(user_id) / f"{user_id}.json"
    async with asyncio.timeout(5):
        while True:
            if path.exists():
                docs = json.loads(path.read_text()).get("conversations", {}).values()
                if any(doc["state"] == state for doc in docs):
                    return
            await asyncio.sleep(0.01)


async def test_a_typed_answer_is_one_durable_write(
    fake: FakeTelegram, data_dir: Path, replaced: list[str]
) -> None:
    ann = await settled(Backend(data_dir), fake.user(ALICE, "Ann"))
    with time_machine.travel(datetime(2026, 11, 25, 14, 0, tzinfo=UTC), tick=True):
        async with running_bot(fake, Backend(data_dir)):
            await say(ann, "/new")
            await conversation_on_disk(data_dir, ALICE, f"debrief:{Step.COMPANY}")
            replaced.clear()
            assert "role" in (await say(ann, "Acme")).text
            await conversation_on_disk(data_dir, ALICE, f"debrief:{Step.ROLE}")
            # The answer (in the draft) and the conversation state: one replacement of one file.
            assert replaced == [f"{ALICE}.json"]
