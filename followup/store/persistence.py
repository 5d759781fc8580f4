"""PTB persistence backed by the store: user_data and conversation states survive a restart.

PTB loads its persistence first when the Application starts, so this is also where the store is
opened (migrations applied, the nudge queue indexed) before anything else uses it.

Only user_data and conversations are kept; the bot uses no chat_data, bot_data or arbitrary
callback data, so those methods do nothing. Every store write is durable when it returns, so the
only state a crash can lose is what PTB has not handed over yet: at most `update_interval` seconds,
or nothing if the application calls `flush_changes()` after each update.

Stored values go through JSON: user_data must hold JSON values under string keys, and
conversation states must be ints or strings (PTB's usual named-constant states).
"""

from __future__ import annotations

import copy
from typing import Any

from telegram.ext import Application, BasePersistence, PersistenceInput

from followup.store.protocol import Repository

UserData = dict[Any, Any]
ConversationKey = tuple[int | str, ...]
CallbackData = tuple[list[tuple[str, float, dict[str, Any]]], dict[str, str]]


class StorePersistence(BasePersistence[UserData, UserData, UserData]):
    """user_data and ConversationHandler states in the store; everything else is not kept."""

    def __init__(self, store: Repository, update_interval: float = 60) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=update_interval,
        )
        self.store = store
        self._opened = False

    async def _open(self) -> Repository:
        """The store, opened on first use (PTB asks for the user data before anything else)."""
        if not self._opened:
            await self.store.open()
            self._opened = True
        return self.store

    # user_data

    async def get_user_data(self) -> dict[int, UserData]:
        """Every user's stored user_data (fresh dicts, so the application owns them)."""
        return copy.deepcopy(await (await self._open()).all_user_data())

    async def update_user_data(self, user_id: int, data: UserData) -> None:
        """Save a user's user_data unless it is what the store already holds."""
        if await self.store.user_data(user_id) != data:
            await self.store.save_user_data(user_id, data)

    async def refresh_user_data(self, user_id: int, user_data: UserData) -> None:
        """Nothing to refresh: only this process writes the store."""

    async def drop_user_data(self, user_id: int) -> None:
        """Forget a user's user_data."""
        await self.store.drop_user_data(user_id)

    # conversations

    async def get_conversations(self, name: str) -> dict[ConversationKey, object]:
        """The stored states of one named ConversationHandler."""
        return dict(await (await self._open()).conversation_states(name))  # type: ignore[arg-type]

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        """Save one conversation's state; None (the conversation ended) deletes it."""
        await self.store.save_conversation_state(name, key, new_state)  # type: ignore[arg-type]

    # not kept: chat_data, bot_data, callback_data

    async def get_chat_data(self) -> dict[int, UserData]:
        """chat_data is not kept."""
        return {}

    async def update_chat_data(self, chat_id: int, data: UserData) -> None:
        """chat_data is not kept."""

    async def refresh_chat_data(self, chat_id: int, chat_data: UserData) -> None:
        """chat_data is not kept."""

    async def drop_chat_data(self, chat_id: int) -> None:
        """chat_data is not kept."""

    async def get_bot_data(self) -> UserData:
        """bot_data is not kept."""
        return {}

    async def update_bot_data(self, data: UserData) -> None:
        """bot_data is not kept."""

    async def refresh_bot_data(self, bot_data: UserData) -> None:
        """bot_data is not kept."""

    async def get_callback_data(self) -> CallbackData | None:
        """Arbitrary callback data is not kept."""
        return None

    async def update_callback_data(self, data: CallbackData) -> None:
        """Arbitrary callback data is not kept."""

    async def flush(self) -> None:
        """Nothing to do: every write already reached the disk, and the store stays open."""


async def flush_changes(application: Application) -> None:  # type: ignore[type-arg]
    """Hand what PTB changed to the store, writing each touched user's file once.

    After an update PTB hands over user_data and conversation state separately; held together
    they reach the disk in one durable write instead of one per piece.
    """
    persistence = application.persistence
    if isinstance(persistence, StorePersistence):
        async with persistence.store.writes_together():
            await application.update_persistence()
    else:
        await application.update_persistence()
