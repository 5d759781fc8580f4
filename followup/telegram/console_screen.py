"""What the terminal shows: the bot's messages and edits, numbered buttons, the files it sends.

The last message is kept in the data folder, so a restart mid-question shows it again.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from telegram.request import RequestData

from followup.ops.clock import utc_now

BOT_ID = 2
_TAG = re.compile(r"<[^>]+>")
LAST_MESSAGE_FILE = "console-last.json"
EXPORTS_DIR = "exports"  # in the data folder: files the bot sends (/export) are saved here


def as_plain_text(markup: str) -> str:
    """Telegram HTML as it reads in a terminal: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", markup))


@dataclass
class _Buttons:
    message: dict[str, Any]
    choices: list[tuple[str, str]] = field(default_factory=list)  # (label, callback data)


class Screen:
    """The bot's side of the terminal: its messages by id, the buttons on screen, its files."""

    def __init__(self, chat: dict[str, Any], stdout: TextIO, files_dir: Path) -> None:
        self._chat = chat
        self._stdout = stdout
        self._files_dir = files_dir
        self._next_message_id = 1
        self._messages: dict[int, dict[str, Any]] = {}
        self._buttons: _Buttons | None = None

    def new_message_id(self) -> int:
        """The next message id: the person's messages and the bot's are numbered as one chat."""
        message_id = self._next_message_id
        self._next_message_id += 1
        return message_id

    # --- The Bot API methods that show something ----------------------------------------------

    def send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._message(as_plain_text(str(params["text"])), params.get("reply_markup"))
        self.print("\n" + message["text"])
        self._show_buttons(message)
        self._keep(message)
        return message

    def edit_message(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        message = self._messages.get(int(params.get("message_id") or 0))
        if message is None:
            return True
        old, new = message["text"], as_plain_text(str(params["text"]))
        message["text"] = new
        message.pop("reply_markup", None)
        if params.get("reply_markup"):
            message["reply_markup"] = _markup(params["reply_markup"])
        # A pressed button appends the choice: show just what was added.
        shown = new[len(old) :] if new.startswith(old) else new
        if shown.strip():
            self.print(shown.strip("\n"))
        self._show_buttons(message)
        self._keep(message)
        return message

    def edit_markup(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        message = self._messages.get(int(params.get("message_id") or 0))
        if message is None:
            return True
        message.pop("reply_markup", None)
        if params.get("reply_markup"):
            message["reply_markup"] = _markup(params["reply_markup"])
        self._show_buttons(message)
        return message

    def send_document(
        self, params: dict[str, Any], request_data: RequestData | None
    ) -> dict[str, Any]:
        """Save the file into the data folder's exports/ and show where, with its caption."""
        caption = as_plain_text(str(params.get("caption") or ""))
        message = self._message(caption, params.get("reply_markup"))
        files = request_data.multipart_data if request_data else None
        for filename, content, _mime in (files or {}).values():
            path = self._save_export(str(filename or "file"), content)
            self.print(f"\n[file saved: {path}]" + (f"\n{caption}" if caption else ""))
        if not files:
            self.print(f"\n[a file was sent: {params.get('document')!s}]")
        if message.get("reply_markup"):
            self._show_buttons(message)
            self._keep(message)
        return message

    def _save_export(self, filename: str, content: bytes | Any) -> Path:
        """A new file under exports/ (an earlier export of the same name is kept)."""
        folder = self._files_dir / EXPORTS_DIR
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        name = Path(filename).name or "file"  # a name only: never a path out of the folder
        stem, suffix = Path(name).stem, Path(name).suffix
        path, copy = folder / name, 1
        while path.exists():
            path, copy = folder / f"{stem}-{copy}{suffix}", copy + 1
        data = content if isinstance(content, bytes) else content.read()
        path.write_bytes(data)
        path.chmod(0o600)  # the user's own data, as private as their file in users/
        return path.resolve()

    # --- Messages and buttons -----------------------------------------------------------------

    def _message(self, text: str, reply_markup: Any) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": self._next_message_id,
            "date": int(utc_now().timestamp()),
            "chat": self._chat,
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Follow-up Coach"},
            "text": text,
        }
        if reply_markup:
            message["reply_markup"] = _markup(reply_markup)
        self._messages[self._next_message_id] = message
        self._next_message_id += 1
        return message

    def _show_buttons(self, message: dict[str, Any]) -> None:
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        choices = [
            (b["text"], b["callback_data"]) for row in rows for b in row if "callback_data" in b
        ]
        if choices:
            self._buttons = _Buttons(message, choices)
            self.print("   ".join(f"[{i}] {label}" for i, (label, _) in enumerate(choices, 1)))
        elif self._buttons and self._buttons.message is message:
            self._buttons = None

    def pressed(self, line: str) -> tuple[dict[str, Any], str] | None:
        """The message under the buttons and the callback data of the one the line names, if any."""
        if self._buttons is None or not line:
            return None
        choices = self._buttons.choices
        if line.isdigit() and 1 <= int(line) <= len(choices):
            return self._buttons.message, choices[int(line) - 1][1]
        for label, data in choices:
            if label.casefold() == line.casefold():
                return self._buttons.message, data
        return None

    def _keep(self, message: dict[str, Any]) -> None:
        """Remember the latest message on disk (private to the user), for a restart."""
        path = self._files_dir / LAST_MESSAGE_FILE
        with contextlib.suppress(OSError):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(message, handle, ensure_ascii=False)

    def show_last_message(self) -> None:
        """Show the message that was last on screen again, with working buttons (after a restart,
        when a question is open: the bot's own message history is not kept across runs)."""
        try:
            kept = json.loads((self._files_dir / LAST_MESSAGE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        message = self._message(str(kept.get("text", "")), kept.get("reply_markup"))
        self.print("\n" + message["text"])
        self._show_buttons(message)

    def print(self, text: str) -> None:
        print(text, file=self._stdout, flush=True)


def _markup(raw: Any) -> dict[str, Any]:
    return json.loads(raw) if isinstance(raw, str) else dict(raw)
