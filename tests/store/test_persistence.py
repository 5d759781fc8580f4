"""StorePersistence: PTB's user_data and conversation states kept in the store across restarts."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.ext import (
    Application,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    PersistenceInput,
    filters,
)
from telegram.request import BaseRequest, RequestData

from followup.store.persistence import StorePersistence
from followup.store.tinydb import Store, TinyRepository, storage

ALICE = 1001
BOB = 2002


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TinyRepository]:
    """A store on an empty temporary data directory."""
    opened = TinyRepository(tmp_path)
    yield opened
    opened.files.close()


def test_keeps_only_user_data_and_conversations(store: TinyRepository) -> None:
    persistence = StorePersistence(store)
    assert persistence.store_data == PersistenceInput(
        bot_data=False, chat_data=False, user_data=True, callback_data=False
    )
    assert persistence.update_interval == 60
    assert StorePersistence(store, update_interval=5).update_interval == 5


async def test_user_data_round_trip_survives_reopening(
    store: TinyRepository, tmp_path: Path
) -> None:
    persistence = StorePersistence(store)
    assert await persistence.get_user_data() == {}
    await persistence.update_user_data(ALICE, {"company": "Acme", "steps": [1, 2]})
    await persistence.update_user_data(BOB, {"company": "Globex"})
    await persistence.update_user_data(ALICE, {"company": "Initech"})
    assert await persistence.get_user_data() == {
        ALICE: {"company": "Initech"},
        BOB: {"company": "Globex"},
    }
    store.files.close()
    reopened = StorePersistence(TinyRepository(tmp_path))
    assert await reopened.get_user_data() == {
        ALICE: {"company": "Initech"},
        BOB: {"company": "Globex"},
    }


async def test_user_data_handed_out_is_a_copy(store: TinyRepository) -> None:
    persistence = StorePersistence(store)
    await persistence.update_user_data(ALICE, {"steps": [1]})
    loaded = await persistence.get_user_data()
    loaded[ALICE]["steps"].append(2)
    assert await persistence.get_user_data() == {ALICE: {"steps": [1]}}


async def test_unchanged_user_data_is_not_rewritten(
    store: TinyRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    persistence = StorePersistence(store)
    await persistence.update_user_data(ALICE, {"a": 1})
    writes: list[str] = []
    real_replace = os.replace

    def counting_replace(source: str, target: str) -> None:
        writes.append(target)
        real_replace(source, target)

    monkeypatch.setattr(storage.os, "replace", counting_replace)
    await persistence.update_user_data(ALICE, {"a": 1})
    await persistence.update_user_data(BOB, {})  # a user with nothing to keep gets no file
    assert writes == []
    await persistence.update_user_data(ALICE, {"a": 2})
    assert len(writes) == 1
    assert store.files.user_ids() == [ALICE]


async def test_drop_user_data(store: TinyRepository) -> None:
    persistence = StorePersistence(store)
    await persistence.update_user_data(ALICE, {"a": 1})
    await persistence.update_user_data(BOB, {"b": 2})
    await persistence.drop_user_data(ALICE)
    await persistence.drop_user_data(12345)  # unknown users are fine
    assert await persistence.get_user_data() == {BOB: {"b": 2}}
    await persistence.refresh_user_data(BOB, {"b": 2})


async def test_conversations_round_trip_and_end(store: TinyRepository, tmp_path: Path) -> None:
    persistence = StorePersistence(store)
    assert await persistence.get_conversations("debrief") == {}
    await persistence.update_conversation("debrief", (ALICE, ALICE), 1)
    await persistence.update_conversation("debrief", (BOB, BOB), "ASK_RATING")
    await persistence.update_conversation("timezone", (ALICE, ALICE), 0)
    await persistence.update_conversation("debrief", (ALICE, ALICE), 2)
    await persistence.update_conversation("debrief", (BOB, BOB), None)
    assert await persistence.get_conversations("debrief") == {(ALICE, ALICE): 2}
    store.files.close()
    reopened = StorePersistence(TinyRepository(tmp_path))
    assert await reopened.get_conversations("debrief") == {(ALICE, ALICE): 2}
    assert await reopened.get_conversations("timezone") == {(ALICE, ALICE): 0}


async def test_data_that_is_not_kept(store: TinyRepository) -> None:
    persistence = StorePersistence(store)
    await persistence.update_chat_data(ALICE, {"a": 1})
    await persistence.update_bot_data({"b": 2})
    await persistence.update_callback_data(([], {}))
    await persistence.refresh_chat_data(ALICE, {})
    await persistence.refresh_bot_data({})
    await persistence.drop_chat_data(ALICE)
    assert await persistence.get_chat_data() == {}
    assert await persistence.get_bot_data() == {}
    assert await persistence.get_callback_data() is None
    assert store.files.user_ids() == []


async def test_flush_leaves_the_store_usable(store: TinyRepository) -> None:
    persistence = StorePersistence(store)
    await persistence.update_user_data(ALICE, {"a": 1})
    await persistence.flush()
    assert store.files.user_data(ALICE) == {"a": 1}
    await persistence.update_user_data(ALICE, {"a": 2})
    assert store.files.user_data(ALICE) == {"a": 2}


# a real ConversationHandler, with a request class that answers getMe without a network


class OfflineRequest(BaseRequest):
    """Answers getMe and nothing else; the conversation below sends no messages."""

    @property
    def read_timeout(self) -> float | None:
        """No network, no timeout."""
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """The bot's own profile for getMe; any other call is a test failure."""
        if not url.endswith("/getMe"):
            raise AssertionError(f"unexpected Bot API call {url}")
        me = {"id": 1, "is_bot": True, "first_name": "Coach", "username": "coach_bot"}
        return 200, json.dumps({"ok": True, "result": me}).encode()


ASK_COMPANY, ASK_RATING = range(2)


async def start_debrief(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Begin: the next message is the company."""
    return ASK_COMPANY


async def save_company(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Keep the company, then ask for the rating."""
    assert update.message is not None and context.user_data is not None
    context.user_data["company"] = update.message.text
    return ASK_RATING


async def save_rating(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Keep the rating and finish."""
    assert update.message is not None and update.message.text and context.user_data is not None
    context.user_data["rating"] = int(update.message.text)
    return ConversationHandler.END


def build_app(store: TinyRepository) -> Application[Any, Any, Any, Any, Any, Any]:
    """An application with one persistent conversation, backed by `store`."""
    app = (
        Application.builder()
        .token("1:x")
        .request(OfflineRequest())
        .get_updates_request(OfflineRequest())
        .persistence(StorePersistence(store))
        .build()
    )
    text = filters.TEXT & ~filters.COMMAND
    app.add_handler(
        ConversationHandler(
            entry_points=[CommandHandler("debrief", start_debrief)],
            states={
                ASK_COMPANY: [MessageHandler(text, save_company)],
                ASK_RATING: [MessageHandler(text, save_rating)],
            },
            fallbacks=[],
            name="debrief",
            persistent=True,
        )
    )
    return app


def message(app: Application[Any, Any, Any, Any, Any, Any], update_id: int, text: str) -> Update:
    """A private-chat text message from Alice."""
    entities = [{"type": "bot_command", "offset": 0, "length": len(text)}] if text[0] == "/" else []
    data = {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_700_000_000,
            "chat": {"id": ALICE, "type": "private"},
            "from": {"id": ALICE, "is_bot": False, "first_name": "Alice"},
            "text": text,
            "entities": entities,
        },
    }
    return Update.de_json(data, app.bot)


async def test_conversation_resumes_after_a_restart(tmp_path: Path) -> None:
    first = build_app(TinyRepository(tmp_path))
    await first.initialize()
    await first.process_update(message(first, 1, "/debrief"))
    await first.process_update(message(first, 2, "Acme"))
    await first.update_persistence()
    await first.shutdown()  # the first store is never closed: a crash, as far as it knows

    store = Store(tmp_path)
    assert store.conversation_states("debrief") == {(ALICE, ALICE): ASK_RATING}
    second = build_app(TinyRepository(tmp_path))
    await second.initialize()
    assert second.user_data[ALICE] == {"company": "Acme"}
    await second.process_update(message(second, 3, "4"))
    await second.update_persistence()
    await second.shutdown()
    store = Store(tmp_path)  # read afresh from the files
    assert store.conversation_states("debrief") == {}
    assert store.user_data(ALICE) == {"company": "Acme", "rating": 4}


async def test_state_not_handed_to_persistence_is_lost_in_a_crash(tmp_path: Path) -> None:
    app = build_app(TinyRepository(tmp_path))
    await app.initialize()
    await app.process_update(message(app, 1, "/debrief"))
    await app.process_update(message(app, 2, "Acme"))
    # No update_persistence(): PTB would only get to it after `update_interval` seconds.
    store = Store(tmp_path)
    assert store.conversation_states("debrief") == {}
    assert store.user_data(ALICE) == {}
    await app.shutdown()
