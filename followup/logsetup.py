"""Logging: INFO by default, httpx quiet, and the bot token scrubbed from every record."""

from __future__ import annotations

import logging

# httpx logs every request URL at INFO, and the token is part of that URL.
NOISY_LOGGERS = ("httpx", "httpcore", "apscheduler")


class RedactSecrets(logging.Filter):
    """Replace each secret with a placeholder wherever it appears in a log record."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        changed = False
        for secret in self._secrets:
            if secret in message or (record.exc_text and secret in record.exc_text):
                message = message.replace(secret, "<token>")
                if record.exc_text:
                    record.exc_text = record.exc_text.replace(secret, "<token>")
                changed = True
        if changed:
            record.msg, record.args = message, None
        return True


def configure_logging(level: str, secrets: list[str]) -> None:
    """Log to stderr at `level`, never printing any of `secrets`."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
