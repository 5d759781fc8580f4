"""Telegram's flood limits, plus a few quick retries when Telegram's servers stumble.

AIORateLimiter paces the bot (30 messages a second overall) and waits out RetryAfter answers,
but a 5xx or a dropped connection reaches the caller at once: a user's reply would simply be lost.
Here such failures are retried twice with a short backoff (tenacity). A BadRequest is not
retried (it would fail again), nor is a timeout (the message may have arrived: resending could
show it twice).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.ext import AIORateLimiter
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_exponential

log = logging.getLogger(__name__)
Result = bool | dict[str, Any] | list[dict[str, Any]]


def _server_stumbled(error: BaseException) -> bool:
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest | TimedOut)


class PatientRateLimiter(AIORateLimiter):
    """AIORateLimiter that also retries server errors and failed connections."""

    def __init__(self, attempts: int = 3, first_wait: float = 0.5, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._attempts = attempts
        self._first_wait = first_wait

    async def process_request(  # type: ignore[override]
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
            before_sleep=lambda state: log.info(
                "%s failed (%s); trying again",
                endpoint,
                state.outcome and state.outcome.exception(),
            ),
            reraise=True,
        ):
            with attempt:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
        raise AssertionError("unreachable: tenacity re-raises the last failure")
