"""Logging: INFO by default, httpx quiet, text or JSON lines, and secrets scrubbed from all output.

The bot token is part of every Bot API URL, so it turns up in httpx's request lines and in the
text of some exceptions (an unparsable URL, a rejected token). Every handler gets a filter that
replaces each secret in the record and a formatter that scrubs the finished line, tracebacks
included, and the last-resort printers (`sys.excepthook`,
`threading.excepthook`, `sys.unraisablehook`) print through the same scrubbing, so a secret
reaches no output whatever fails.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO
from urllib.parse import quote

# httpx logs every request URL at INFO, and the token is part of that URL.
NOISY_LOGGERS = ("httpx", "httpcore", "apscheduler", "tornado.access")
PLACEHOLDER = "<secret>"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s"


class Redactor:
    """Replaces each secret (and its URL-encoded form) with a placeholder."""

    def __init__(self, secrets: Iterable[str]) -> None:
        found = {s for s in secrets if s} | {quote(s, safe="") for s in secrets if s}
        # Longest first, so a secret inside another is not half-replaced.
        self._secrets = sorted(found, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, PLACEHOLDER)
        return text

    def __bool__(self) -> bool:
        return bool(self._secrets)


class RedactSecrets(logging.Filter):
    """Replace each secret with a placeholder wherever it appears in a log record."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._redact = Redactor(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._redact:
            return True
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        cleaned = self._redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_text:
            record.exc_text = self._redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self._redact(record.stack_info)
        return True


class RedactingFormatter(logging.Formatter):
    """Any formatter's finished line, scrubbed: whatever it adds (a traceback it formats itself,
    as the JSON formatter does) passes through the same redaction."""

    def __init__(self, inner: logging.Formatter, secrets: Iterable[str]) -> None:
        super().__init__()
        self._inner, self._redact = inner, Redactor(secrets)

    def format(self, record: logging.LogRecord) -> str:
        return self._redact(self._inner.format(record))


def configure_logging(
    level: str,
    secrets: Iterable[str],
    log_format: str = "text",
    log_file: Path | None = None,
    stderr_level: str | None = None,
) -> None:
    """Log at `level` to stderr (and to `log_file`, if given), never printing any secret.

    With a log file, stderr gets only records at `stderr_level` and above: the terminal chat keeps
    the conversation on screen and its log lines in the file.
    """
    secrets = list(secrets)
    formatter = logging.Formatter(TEXT_FORMAT)
    if log_format == "json":
        from pythonjsonlogger.json import JsonFormatter  # only loaded when asked for

        formatter = JsonFormatter(
            JSON_FIELDS, rename_fields={"levelname": "level", "name": "logger"}
        )
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))  # private
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
        handlers[0].setLevel(stderr_level or "WARNING")
    for handler in handlers:
        handler.setFormatter(RedactingFormatter(formatter, secrets))
        handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    for old in root.handlers:
        old.close()
    root.handlers[:] = handlers
    root.setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def install_excepthooks(secrets: Iterable[str], stream: TextIO | None = None) -> None:
    """Print uncaught exceptions, in any thread, with every secret scrubbed."""
    redact = Redactor(secrets)

    def write(text: str) -> None:
        out = stream or sys.stderr
        out.write(redact(text))
        out.flush()

    def on_uncaught(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        write("".join(traceback.format_exception(kind, error, trace)))

    def on_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread else "a thread"
        write(f"Exception in {name}:\n")
        on_uncaught(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def on_unraisable(unraisable: Any) -> None:
        message = unraisable.err_msg or "Exception ignored in"
        write(f"{message}: {unraisable.object!r}\n")
        error = unraisable.exc_value or unraisable.exc_type()
        on_uncaught(unraisable.exc_type, error, unraisable.exc_traceback)

    sys.excepthook = on_uncaught
    threading.excepthook = on_thread
    sys.unraisablehook = on_unraisable


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret replaced, for the few lines printed without logging."""
    return Redactor(secrets)(text)
