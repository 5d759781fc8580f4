"""The terminal chat: with no token, bot.py runs the same bot with the person at the keyboard."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def chat(lines: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env |= {"FOLLOWUP_DATA_DIR": str(data_dir), "FOLLOWUP_TIMEZONE": "Europe/London"}
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
        ["/start", "1", "Acme", "skip", "tomorrow 10am", "2", "/status", "/quit"],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    first_line = result.stdout.splitlines()[0]
    assert "/quit" in first_line and "TELEGRAM_BOT_TOKEN" in first_line
    assert "[1] 📝 Log an interview   [2] Not now" in result.stdout
    assert "Which company was the interview with?" in result.stdout
    assert "✔︎ No, I applied directly" in result.stdout
    assert "Saved: Acme" in result.stdout and "I'll check in after it" in result.stdout
    assert "• Acme – tomorrow 10:00" in result.stdout
    assert "<b>" not in result.stdout  # markup is rendered as plain text
    assert list(tmp_path.glob("users/*/*.json"))  # the same store as on Telegram


def test_end_of_input_quits_cleanly(tmp_path: Path) -> None:
    result = chat(["/help"], tmp_path)
    assert result.returncode == 0
    assert "/new – log an interview" in result.stdout
