"""Terminal chat: the person at the keyboard plays the Telegram user, with no token and no network.

This stands in for the Bot API *below* python-telegram-bot (as its request object), so the
very same Application, handlers, store and scheduler answer; only the transport differs. Inline
buttons are printed as numbered choices: type the number or the label to press one.

Like Telegram, it hands the bot back plain text (the markup is only for display), so a message
the bot edits shows no tags. The last message is kept in the data folder, so after a restart in
the middle of a conversation the open question is shown again, buttons and all.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import os
import pwd
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from telegram.request import BaseRequest, RequestData

from followup.ops.clock import utc_now

CONSOLE_TOKEN = "1:console"
USER_ID = 1
BOT_ID = 2
_TAG = re.compile(r"<[^>]+>")
QUIT_WORDS = frozenset({"/quit", "/exit", "quit", "exit"})
# A typed line is handed to the bot only once it has gone quiet after the previous one, so a
# number picks a button of the question actually on screen (also when lines are piped in).
SETTLE_SECONDS = 0.15
LAST_MESSAGE_FILE = "console-last.json"
EXPORTS_DIR = "exports"  # in the data folder: files the bot sends (/export) are saved here
_NAME = re.compile(r"[^\W\d_][\w'-]*")


def person_name() -> str:
    """The first name of whoever is logged in, from the account's full name; "" if none.

    No name is better than a made-up one: the bot then greets without a name and does not
    offer it as the signature of email drafts.
    """
    try:
        full_name = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0]
    except (KeyError, OSError):
        full_name = ""
    first = full_name.split()[0] if full_name.split() else ""
    service = {"root", "admin", "user", "ubuntu", "debian", "app"}
    return first if _NAME.fullmatch(first) and first.casefold() not in service else ""


def as_plain_text(markup: str) -> str:
    """Telegram HTML as it reads in a terminal: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", markup))


@dataclass
class _Buttons:
    message: dict[str, Any]
    choices: list[tuple[str, str]] = field(default_factory=list)  # (label, callback data)


class TerminalChat(BaseRequest):
    """An in-process Bot API for one user typing in a terminal."""

    def __init__(
        self,
        first_name: str | None = None,
        stdin: TextIO = sys.stdin,
        stdout: TextIO = sys.stdout,
        files_dir: Path = Path("."),
    ) -> None:
        self._stdin = stdin
        self._stdout = stdout
        self._files_dir = files_dir
        first_name = first_name or person_name()
        self._user = {"id": USER_ID, "is_bot": False, "first_name": first_name}
        self._chat = {"id": USER_ID, "type": "private", "first_name": first_name}
        self._updates: list[dict[str, Any]] = []
        self._lines: list[str | None] = []  # None: the person left
        self._arrived = asyncio.Event()
        self._last_activity = 0.0
        self._next_update_id = 1
        self._next_message_id = 1
        self._messages: dict[int, dict[str, Any]] = {}
        self._buttons: _Buttons | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._reader: threading.Thread | None = None
        self.on_quit: Callable[[], None] = lambda: None

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        if self._reader is None:
            self._loop = asyncio.get_running_loop()
            self._reader = threading.Thread(target=self._read_lines, daemon=True)
            self._reader.start()

    async def shutdown(self) -> None:
        """Nothing to close: the reader thread is a daemon and ends with the program."""

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
        """Answer one Bot API call the way Telegram would, printing what the user should see."""
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        if name != "getUpdates":
            self._last_activity = asyncio.get_running_loop().time()
        if name == "sendDocument":
            result = self._send_document(params, request_data)
        else:
            result = await self._call(name, params)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    # --- The Bot API methods the bot uses -----------------------------------------------------

    async def _call(self, name: str, params: dict[str, Any]) -> Any:
        if name == "getMe":
            return {"id": BOT_ID, "is_bot": True, "first_name": "Follow-up Coach",
                    "username": "followup_coach_bot"}  # fmt: skip
        if name == "getUpdates":
            return await self._get_updates(params)
        if name == "sendMessage":
            return self._send_message(params)
        if name == "editMessageText":
            return self._edit_message(params)
        if name == "editMessageReplyMarkup":
            return self._edit_markup(params)
        if name == "answerCallbackQuery":
            if params.get("text"):
                self._print(f"  ({params['text']})")
            return True
        return True  # setMyCommands, deleteWebhook, sendChatAction…: nothing to show

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and not self._lines:
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), float(params.get("timeout") or 0))
            except TimeoutError:
                return []
        if not self._updates and self._lines:
            await self._settle()
            line = self._lines.pop(0)
            if line is None:
                self.on_quit()
                return []
            self.type_line(line)
        return list(self._updates)

    async def _settle(self) -> None:
        """Wait until the bot has stopped answering the previous line."""
        loop = asyncio.get_running_loop()
        while (quiet := loop.time() - self._last_activity) < SETTLE_SECONDS:
            await asyncio.sleep(SETTLE_SECONDS - quiet)

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._message(as_plain_text(str(params["text"])), params.get("reply_markup"))
        self._print("\n" + message["text"])
        self._show_buttons(message)
        self._keep(message)
        return message

    def _edit_message(self, params: dict[str, Any]) -> dict[str, Any] | bool:
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
            self._print(shown.strip("\n"))
        self._show_buttons(message)
        self._keep(message)
        return message

    def _edit_markup(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        message = self._messages.get(int(params.get("message_id") or 0))
        if message is None:
            return True
        message.pop("reply_markup", None)
        if params.get("reply_markup"):
            message["reply_markup"] = _markup(params["reply_markup"])
        self._show_buttons(message)
        return message

    def _send_document(
        self, params: dict[str, Any], request_data: RequestData | None
    ) -> dict[str, Any]:
        """Save the file into the data folder's exports/ and show where, with its caption."""
        caption = as_plain_text(str(params.get("caption") or ""))
        message = self._message(caption, None)
        files = request_data.multipart_data if request_data else None
        for filename, content, _mime in (files or {}).values():
            path = self._save_export(str(filename or "file"), content)
            self._print(f"\n[file saved: {path}]" + (f"\n{caption}" if caption else ""))
        if not files:
            self._print(f"\n[a file was sent: {params.get('document')!s}]")
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
            self._print("   ".join(f"[{i}] {label}" for i, (label, _) in enumerate(choices, 1)))
        elif self._buttons and self._buttons.message is message:
            self._buttons = None

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
        self._print("\n" + message["text"])
        self._show_buttons(message)

    # --- What the person types ------------------------------------------------------------------

    def _read_lines(self) -> None:
        """Runs in a thread: blocking reads must not stall the bot's event loop."""
        assert self._loop is not None
        while True:
            try:
                line = self._stdin.readline()
            except (OSError, ValueError):  # the terminal went away (window closed): as Ctrl-D
                line = ""
            if not line or line.strip().lower() in QUIT_WORDS:
                self._loop.call_soon_threadsafe(self._queue_line, None)
                return
            self._loop.call_soon_threadsafe(self._queue_line, line.rstrip("\n"))

    def _queue_line(self, line: str | None) -> None:
        self._lines.append(line)
        self._arrived.set()

    def type_line(self, line: str) -> None:
        """Turn one typed line into a button press or a text message."""
        pressed = self._pressed(line.strip())
        if pressed is not None:
            assert self._buttons is not None
            self._push({"callback_query": {
                "id": str(self._next_update_id), "from": self._user, "chat_instance": "console",
                "message": self._buttons.message, "data": pressed}})  # fmt: skip
            return
        message: dict[str, Any] = {
            "message_id": self._next_message_id,
            "date": int(utc_now().timestamp()),
            "chat": self._chat,
            "from": self._user,
            "text": line,
        }
        self._next_message_id += 1
        if line.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0,
                                    "length": len(line.split()[0])}]  # fmt: skip
        self._push({"message": message})

    def _pressed(self, line: str) -> str | None:
        if self._buttons is None or not line:
            return None
        choices = self._buttons.choices
        if line.isdigit() and 1 <= int(line) <= len(choices):
            return choices[int(line) - 1][1]
        for label, data in choices:
            if label.casefold() == line.casefold():
                return data
        return None

    def _push(self, update: dict[str, Any]) -> None:
        update["update_id"] = self._next_update_id
        self._next_update_id += 1
        self._updates.append(update)
        self._last_activity = asyncio.get_running_loop().time()

    def _print(self, text: str) -> None:
        print(text, file=self._stdout, flush=True)


def _markup(raw: Any) -> dict[str, Any]:
    return json.loads(raw) if isinstance(raw, str) else dict(raw)
