"""Space messages to one chat: Telegram allows about one a second per private chat.

python-telegram-bot's AIORateLimiter paces the bot as a whole (30/s) but not a single private
chat, so a burst of nudges to one user is spaced here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class ChatPacer:
    """Hands out turns per chat, at least `interval` seconds apart."""

    def __init__(self, interval: float = 1.0, clock: Callable[[], float] | None = None) -> None:
        self._interval = interval
        self._clock = clock
        self._next_turn: dict[int, float] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    async def wait_turn(self, chat_id: int) -> None:
        """Return when a message may go to `chat_id`, and book the following turn."""
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        async with lock:
            now = self._now()
            wait = self._next_turn.get(chat_id, now) - now
            if wait > 0:
                await asyncio.sleep(wait)
            self._next_turn[chat_id] = max(now, self._now()) + self._interval
            if len(self._next_turn) > 10_000:  # forget chats whose turn has long passed
                cutoff = self._now()
                self._next_turn = {c: t for c, t in self._next_turn.items() if t > cutoff}
                self._locks = {c: self._locks[c] for c in self._next_turn if c in self._locks}

    def _now(self) -> float:
        return self._clock() if self._clock else asyncio.get_running_loop().time()
