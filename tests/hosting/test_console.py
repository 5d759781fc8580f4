"""The terminal chat: with no token, bot.py runs the same bot with the person at the keyboard."""

from __future__ import annotations

import asyncio
import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from followup.ops.geo.process_index import default_index_folder
from followup.telegram.console import TerminalChat, person_name
from tests.support import pg

ROOT = Path(__file__).resolve().parents[2]


def chat(lines: list[str], data_dir: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env |= {"FOLLOWUP_DATA_DIR": str(data_dir), "FOLLOWUP_TIMEZONE": "Europe/London"}
    # The city index is built once per machine: share the tests' copy.
    env |= {"FOLLOWUP_CACHE_DIR": str(default_index_folder()), **extra}
    return subprocess.run(
        [sys.executable, str(ROOT / "bot.py")],
        input="\n".join(lines) + "\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_debrief_in_the_terminal(tmp_path: Path) -> None:
    result = chat(
        # Keep the zone, take the proposed country, log an interview.
        ["/start", "1", "1", "1", "Acme", "skip", "tomorrow 10am", "2", "/status", "/quit"],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    first_line = result.stdout.splitlines()[0]
    assert "/quit" in first_line and "TELEGRAM_BOT_TOKEN" in first_line
    assert "Where are you?" in result.stdout and "[1] Keep Europe/London" in result.stdout
    assert "[1] United Kingdom — England" in result.stdout
    assert "[1] 📝 Log an interview   [2] Not now" in result.stdout
    assert "Which company was the interview with?" in result.stdout
    assert "✔︎ No, I applied directly" in result.stdout
    assert "Saved: Acme" in result.stdout and "I'll check in" in result.stdout
    assert "• Acme – tomorrow 10:00" in result.stdout
    assert "<b>" not in result.stdout  # markup is rendered as plain text
    assert list(tmp_path.glob("users/*/*.json"))  # the same store as on Telegram


def test_end_of_input_quits_cleanly(tmp_path: Path) -> None:
    result = chat(["/help"], tmp_path)
    assert result.returncode == 0
    assert "/new – log an interview" in result.stdout


def test_the_person_at_the_keyboard_is_let_in_by_an_allow_list(tmp_path: Path) -> None:
    result = chat(["/start", "/quit"], tmp_path, FOLLOWUP_ALLOWED_USERS="42,43")
    assert result.returncode == 0, result.stderr
    assert "I'm Follow-up Coach" in result.stdout
    assert "Hi you" not in result.stdout  # their name, or no name at all; never "you"


def test_edited_messages_show_no_markup_and_logs_stay_out(tmp_path: Path) -> None:
    # A direct interview just now, then "should I chase?" and a button under its bold verdict:
    # pressing it edits the verdict's message.
    # (Skip the role; keep the zone; England; it just ended; direct; no date; card; good; skip.)
    answers = ["/new", "Acme", "1", "1", "1", "1", "2", "1", "2", "3", "1", "/chase", "1", "/quit"]
    result = chat(answers, tmp_path)
    assert result.returncode == 0, result.stderr
    verdict = result.stdout.index("Not yet.")  # bold on Telegram: <b>Not yet.</b>
    pressed = result.stdout.index("\n✔︎ ", verdict)  # the edit shows only what it added
    assert "Not yet." not in result.stdout[pressed:]
    assert "<b>" not in result.stdout and "&lt;" not in result.stdout
    assert " INFO " not in result.stdout + result.stderr
    assert "running (long polling)" in (tmp_path / "console.log").read_text()


def test_the_open_question_is_shown_again_after_a_restart(tmp_path: Path) -> None:
    first = chat(["/new", "Acme", "/quit"], tmp_path)
    assert "role called" in first.stdout.splitlines()[-2]
    again = chat(["/quit"], tmp_path)
    assert again.returncode == 0
    shown = again.stdout.splitlines()[1:]
    assert any("role called" in line for line in shown) and "[1] Skip" in shown
    after = chat(["1", "/quit"], tmp_path)  # its button works
    assert "Where are you?" in after.stdout  # a newcomer: the zone before the first time
    # With nothing open, a restart shows only the banner.
    finished = chat(["/cancel", "2", "/quit"], tmp_path)  # Acme's answers thrown away
    assert finished.returncode == 0 and "Throw it away" in finished.stdout
    assert chat(["/quit"], tmp_path).stdout.strip().count("\n") == 0


def test_the_open_question_is_shown_again_after_a_restart_on_postgresql(tmp_path: Path) -> None:
    with pg.fresh_database() as url:
        first = chat(["/new", "Acme", "/quit"], tmp_path, FOLLOWUP_DATABASE_URL=url)
        assert "role called" in first.stdout.splitlines()[-2], first.stderr
        again = chat(["1", "/quit"], tmp_path, FOLLOWUP_DATABASE_URL=url)
        assert again.returncode == 0, again.stderr
        assert "[1] Skip" in again.stdout.splitlines()  # shown again, and its button works
        assert "Where are you?" in again.stdout


def test_the_signature_question_offers_a_name_only_when_there_is_one(tmp_path: Path) -> None:
    result = chat(["/name", "/quit"], tmp_path)
    assert result.returncode == 0, result.stderr
    name = person_name()
    if name:  # the account has a full name: one tap signs with it
        assert "Tap your name" in result.stdout and f"[1] {name}" in result.stdout
    else:  # nothing to offer: the question doesn't mention a button
        assert "Type your name the way you'd like it to appear" in result.stdout
        assert "Tap" not in result.stdout


class ClosedTerminal(io.StringIO):
    """A terminal whose window was closed: reading fails with EIO, as a hung-up tty does."""

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        raise OSError(errno.EIO, "Input/output error")


async def test_a_closed_terminal_ends_the_chat_like_ctrl_d(tmp_path: Path) -> None:
    terminal = TerminalChat(stdin=ClosedTerminal(), stdout=io.StringIO(), files_dir=tmp_path)
    quit_called = asyncio.Event()
    terminal.on_quit = quit_called.set
    await terminal.initialize()
    # What python-telegram-bot's polling asks next: the closed terminal reads as "the person left".
    for _ in range(100):  # the reader thread hands the failed read over soon after start
        await terminal.do_request("https://console/botTOKEN/getUpdates", "POST")
        if quit_called.is_set():
            break
        await asyncio.sleep(0.02)
    assert quit_called.is_set()  # the bot stops and lets go of the data folder


def test_export_saves_its_files_in_the_data_folder(tmp_path: Path) -> None:
    lines = ["/start", "1", "1", "1", "Acme", "skip", "tomorrow 10am", "2", "/export", "/quit"]
    result = chat(lines, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "None]" not in result.stdout
    saved = sorted((tmp_path / "exports").iterdir())
    assert [p.suffix for p in saved] == [".ics", ".json"]
    for path in saved:
        assert f"[file saved: {path.resolve()}]" in result.stdout
    assert "Acme" in json.dumps(json.loads(saved[1].read_text(encoding="utf-8")))
    assert "BEGIN:VCALENDAR" in saved[0].read_text(encoding="utf-8")
