"""Webhook mode: Telegram posts each update to our URL instead of the bot polling for it.

python-telegram-bot's webhook server (tornado) does the serving: it registers the URL with
`setWebhook`, answers on the URL's path, and refuses (403) any request without the right
`X-Telegram-Bot-Api-Secret-Token`. TLS is left to a reverse proxy in front. With no users writing
no request arrives, so health cannot wait for one: a small job asks Telegram (`getWebhookInfo`)
whether our URL is still the webhook and deliveries are going through, and beats if so.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from telegram.ext import Application, CallbackContext

from followup.ops.health import TRANSPORT, Health
from followup.ops.settings import Webhook

log = logging.getLogger(__name__)
CHECK_JOB = "health:webhook"


async def start_webhook(
    application: Application,  # type: ignore[type-arg]
    webhook: Webhook,
    allowed_updates: list[str],
    health: Health,
    check_every: float,
) -> None:
    """Serve the webhook, register it with Telegram, and check on deliveries every so often."""
    assert application.updater is not None and application.job_queue is not None
    await application.updater.start_webhook(
        listen=webhook.listen_host,
        port=webhook.listen_port,
        url_path=webhook.path,
        webhook_url=webhook.url,
        allowed_updates=allowed_updates,
        secret_token=webhook.secret,
        drop_pending_updates=False,
        bootstrap_retries=1,
    )

    async def check(context: CallbackContext[Any, Any, Any, Any]) -> None:
        await check_deliveries(context.bot, webhook.url, health)

    application.job_queue.run_repeating(check, interval=check_every, first=0, name=CHECK_JOB)


async def check_deliveries(bot: Any, url: str, health: Health) -> None:
    """Beat when Telegram still posts to `url` and reports no recent delivery error."""
    try:
        info = await bot.get_webhook_info()
    except Exception as error:  # the next check tries again; health shows the silence
        log.warning("could not ask Telegram about the webhook: %s", error)
        return
    if info.url != url:
        log.warning("Telegram's webhook is %r, not this bot's URL", info.url)
        return
    failed = info.last_error_date
    if failed is not None and health.clock() - _aware(failed) < health.max_age:
        log.warning(
            "Telegram could not deliver to the webhook: %s (%d updates waiting)",
            info.last_error_message,
            info.pending_update_count,
        )
        return
    health.beat(TRANSPORT)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
