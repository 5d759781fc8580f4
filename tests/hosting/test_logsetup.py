"""Logging: secrets scrubbed from records, tracebacks and uncaught errors; text or JSON lines."""

from __future__ import annotations

import io
import json
import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup.ops.logsetup import (
    PLACEHOLDER,
    Redactor,
    RedactSecrets,
    configure_logging,
    install_excepthooks,
)

SECRET = "123456:ABC-def_ghi"


@pytest.fixture
def hooks() -> Iterator[None]:
    """Put the interpreter's own hooks back after the test."""
    saved = sys.excepthook, threading.excepthook, sys.unraisablehook
    yield
    sys.excepthook, threading.excepthook, sys.unraisablehook = saved


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        (f"GET https://api.telegram.org/bot{SECRET}/getMe", f"GET https://api.telegram.org/bot{PLACEHOLDER}/getMe"),
        (f"Invalid port: '8081{SECRET}'", f"Invalid port: '8081{PLACEHOLDER}'"),
        ("url=bot123456%3AABC-def_ghi/x", f"url=bot{PLACEHOLDER}/x"),
        ("nothing secret", "nothing secret"),
    ],
)  # fmt: skip
def test_redactor(text: str, cleaned: str) -> None:
    assert Redactor([SECRET, ""])(text) == cleaned


def record_with_traceback() -> logging.LogRecord:
    try:
        raise ValueError(f"The token `{SECRET}` was rejected by the server.")
    except ValueError:
        return logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "failed for %s", (SECRET,), sys.exc_info()
        )


def test_the_filter_cleans_message_arguments_and_traceback() -> None:
    record = record_with_traceback()
    RedactSecrets([SECRET]).filter(record)
    formatted = logging.Formatter().format(record)
    assert SECRET not in formatted and formatted.count(PLACEHOLDER) == 2


def test_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("INFO", [SECRET], log_format="json")
    logging.getLogger("followup.test").info("token %s here", SECRET)
    logging.getLogger("followup.test").error("boom", exc_info=record_with_traceback().exc_info)
    lines = capsys.readouterr().err.splitlines()
    first, second = json.loads(lines[0]), json.loads(lines[1])
    assert first["level"] == "INFO" and first["logger"] == "followup.test"
    assert first["message"] == f"token {PLACEHOLDER} here"
    assert "exc_info" in second and SECRET not in second["exc_info"]


def test_a_log_file_takes_everything_and_stderr_only_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_file = tmp_path / "console.log"
    configure_logging("INFO", [], log_file=log_file)
    logging.getLogger("followup.test").info("quiet detail")
    logging.getLogger("followup.test").warning("worth seeing")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "quiet detail" in log_file.read_text() and "worth seeing" in log_file.read_text()
    err = capsys.readouterr().err
    assert "worth seeing" in err and "quiet detail" not in err
    assert log_file.stat().st_mode & 0o777 == 0o600


def test_uncaught_errors_in_any_thread_are_printed_without_secrets(hooks: None) -> None:
    out = io.StringIO()
    install_excepthooks([SECRET], out)
    try:
        raise RuntimeError(f"https://api.telegram.org/bot{SECRET}/getMe failed")
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)

    def fail() -> None:
        raise RuntimeError(f"thread saw {SECRET}")

    thread = threading.Thread(target=fail, name="worker")
    thread.start()
    thread.join()
    printed = out.getvalue()
    assert "Traceback" in printed and "Exception in worker" in printed
    assert SECRET not in printed and printed.count(PLACEHOLDER) == 2
