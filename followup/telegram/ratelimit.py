"""Telegram's flood limits, kept exactly, plus quick retries when Telegram's servers stumble.

Measured against a fake server enforcing Telegram's limits, python-telegram-bot's AIORateLimiter
(a leaky bucket) let about 60 messages through in the first second of a burst, counted a message
when it took its slot rather than when it reached the server, and released every waiting request
at once after a 429: a 1,000-nudge burst drew hundreds of 429s. This limiter keeps at most
`limit` chat messages in any `period`, holding a message's place from taking its slot until its
answer is back, hands out slots in order, and pauses everyone for a retry_after.

A 5xx or a dropped connection would otherwise reach the caller at once and a reply would be lost:
those are retried twice with a short backoff (tenacity). A BadRequest is not retried (it would
fail again), nor is a timeout (the message may have arrived: resending could show it twice).
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections import deque
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_exponential

log = logging.getLogger(__name__)
Result = bool | dict[str, Any] | list[dict[str, Any]]
RETRY_AFTER_MARGIN = 0.1  # seconds added to Telegram's retry_after, as PTB does


def _server_stumbled(error: BaseException) -> bool:
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest | TimedOut)


def _retry_after_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB warns that the type will become timedelta
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class SlidingWindowLimiter(BaseRateLimiter[int]):
    """At most `limit` chat messages in any `period` seconds, in order, honouring retry_after."""

    def __init__(self, limit: int = 30, period: float = 1.02, max_retries: int = 3) -> None:
        self._limit, self._period, self._max_retries = limit, period, max_retries
        self._answered: deque[float] = deque()  # when each recent message was answered
        self._in_flight = 0
        self._lock = asyncio.Lock()
        self._not_before = 0.0

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        """Wait for a place in the window, send, and retry after a RetryAfter."""
        retries = rate_limit_args or self._max_retries
        counted = data.get("chat_id") is not None  # what Telegram counts against the limit
        loop = asyncio.get_running_loop()
        for attempt in range(retries + 1):
            if counted:
                await self._take_slot()
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt == retries:
                    raise
                pause = _retry_after_seconds(error) + RETRY_AFTER_MARGIN
                self._not_before = max(self._not_before, loop.time() + pause)
            finally:
                if counted:
                    self._in_flight -= 1
                    self._answered.append(loop.time())
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _take_slot(self) -> None:
        loop = asyncio.get_running_loop()
        async with self._lock:  # first come, first served
            while True:
                now = loop.time()
                while self._answered and now - self._answered[0] >= self._period:
                    self._answered.popleft()
                wait = self._not_before - now
                if len(self._answered) + self._in_flight >= self._limit:
                    oldest = self._answered[0] + self._period - now if self._answered else 0.005
                    wait = max(wait, oldest, 0.001)
                if wait <= 0:
                    break
                await asyncio.sleep(wait)
            self._in_flight += 1


class PatientRateLimiter(SlidingWindowLimiter):
    """The sliding window, plus two quick retries on server errors and failed connections."""

    def __init__(self, attempts: int = 3, first_wait: float = 0.5, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._attempts = attempts
        self._first_wait = first_wait

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        async for attempt in AsyncRetrying(
            stop=stop_after_attempt(self._attempts),
            wait=wait_exponential(multiplier=self._first_wait, max=4),
            retry=retry_if_exception(_server_stumbled),
            before_sleep=lambda _state: log.info("%s failed; trying again", endpoint),
            reraise=True,
        ):
            with attempt:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
        raise AssertionError("unreachable: tenacity re-raises the last failure")
