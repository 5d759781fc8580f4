"""Bot API traffic, observed: calls and their answers, retries, and the updates coming in.

Each answer feeds the metrics, and each good getUpdates (or, in webhook mode, each delivered
update) is the transport's heartbeat. Watching at these edges sees every call the same way
(replies, nudges, polls, retries) without touching the code that makes them.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import Application, CallbackContext, TypeHandler
from telegram.request import HTTPXRequest, RequestData

from followup.ops.health import TRANSPORT, Health
from followup.ops.metrics import Metrics
from followup.telegram.ratelimit import PatientRateLimiter, Result


class MeasuredRequest(HTTPXRequest):
    """python-telegram-bot's httpx transport, counting each call's answer."""

    def __init__(self, metrics: Metrics, health: Health | None = None, **options: Any) -> None:
        super().__init__(**options)
        self._metrics, self._health = metrics, health

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        """Make the call; count its answer; a good getUpdates is the polling heartbeat."""
        api_method = url.rsplit("/", 1)[-1]
        try:
            status, payload = await super().do_request(
                url, method, request_data, read_timeout, write_timeout, connect_timeout,
                pool_timeout,
            )  # fmt: skip
        except Exception:
            self._metrics.request_done(api_method, None)
            raise
        self._metrics.request_done(api_method, status)
        if status == 200 and api_method == "getUpdates" and self._health is not None:
            self._health.beat(TRANSPORT)
        return status, payload


class MeasuredRateLimiter(PatientRateLimiter):
    """The bot's rate limiter, counting each call it makes again (after a 429 or a 5xx)."""

    def __init__(self, metrics: Metrics, **options: Any) -> None:
        super().__init__(**options)
        self._metrics = metrics

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        tries = 0

        async def counted(*call_args: Any, **call_kwargs: Any) -> Result:
            nonlocal tries
            tries += 1
            if tries > 1:
                self._metrics.retries.labels(endpoint).inc()
            return await callback(*call_args, **call_kwargs)

        return await super().process_request(counted, args, kwargs, endpoint, data, rate_limit_args)


OBSERVE_GROUP = -100  # before every other handler, the allow-list included


def observe_updates(
    application: Application,  # type: ignore[type-arg]
    metrics: Metrics,
    health: Health | None = None,
) -> None:
    """Count every update; with `health` (webhook mode), each one is a transport heartbeat."""

    async def seen(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
        metrics.updates.inc()
        if health is not None:
            health.beat(TRANSPORT)

    application.add_handler(TypeHandler(Update, seen), OBSERVE_GROUP)
