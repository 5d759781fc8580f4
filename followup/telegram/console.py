"""Terminal chat: the person at the keyboard plays the Telegram user, with no token and no network.

This stands in for the Bot API *below* python-telegram-bot (as its request object), so the
very same Application, handlers, store and scheduler answer; only the transport differs. Inline
buttons are printed as numbered choices: type the number or the label to press one (what the
screen shows, and the files the bot sends, are followup/telegram/console_screen.py's).

Like Telegram, it hands the bot back plain text (the markup is only for display), so a message
the bot edits shows no tags. The last message is kept in the data folder, so after a restart in
the middle of a conversation the open question is shown again, buttons and all.
"""

from __future__ import annotations

import asyncio
import json
import os
import pwd
import re
import select
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from telegram.request import BaseRequest, RequestData

from followup.ops.clock import utc_now
from followup.telegram.console_screen import BOT_ID, Screen

CONSOLE_TOKEN = "1:console"
USER_ID = 1
PASTE_LIMIT = 64 * 1024  # bytes read from the terminal at once: a pasted email fits
PASTE_GAP = 0.03  # seconds: lines closer than this were pasted together, not typed
QUIT_WORDS = frozenset({"/quit", "/exit", "quit", "exit"})
# A typed line is handed to the bot only once it has gone quiet after the previous one, so a
# number picks a button of the question actually on screen (also when lines are piped in).
SETTLE_SECONDS = 0.15
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


def terminal_language() -> str | None:
    """The language the terminal is set to ("es_ES.UTF-8" -> "es"), as Telegram would send it."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").split(".")[0]
        if value and value not in ("C", "POSIX"):
            return value.replace("_", "-")
    return None


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
        first_name = first_name or person_name()
        self._user = {"id": USER_ID, "is_bot": False, "first_name": first_name}
        if language := terminal_language():
            self._user["language_code"] = language
        self._chat = {"id": USER_ID, "type": "private", "first_name": first_name}
        self._screen = Screen(self._chat, stdout, files_dir)
        self._updates: list[dict[str, Any]] = []
        self._lines: list[str | None] = []  # None: the person left
        self._arrived = asyncio.Event()
        self._last_activity = 0.0
        self._next_update_id = 1
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

    def show_last_message(self) -> None:
        """Show the message last on screen again, with working buttons (after a restart)."""
        self._screen.show_last_message()

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
        if name in ("sendDocument", "sendPhoto"):  # a picture is saved like any file
            result = self._screen.send_document(params, request_data)
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
            return self._screen.send_message(params)
        if name == "editMessageText":
            return self._screen.edit_message(params)
        if name == "editMessageReplyMarkup":
            return self._screen.edit_markup(params)
        if name == "answerCallbackQuery":
            if params.get("text"):
                self._screen.print(f"  ({params['text']})")
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

    # --- What the person types ------------------------------------------------------------------

    def _read_lines(self) -> None:
        """Runs in a thread: blocking reads must not stall the bot's event loop."""
        assert self._loop is not None
        while True:
            try:
                line = self._read_message()
            except (OSError, ValueError):  # the terminal went away (window closed): as Ctrl-D
                line = ""
            if not line or line.strip().lower() in QUIT_WORDS:
                self._loop.call_soon_threadsafe(self._queue_line, None)
                return
            self._loop.call_soon_threadsafe(self._queue_line, line.rstrip("\n"))

    def _read_message(self) -> str:
        """One message: a typed line, or in a terminal everything pasted at once (an email's
        lines arrive together, as one message, the way a paste into Telegram does)."""
        if not self._stdin.isatty():
            return self._stdin.readline()  # piped lines: one message each
        # A terminal hands over one line per read; lines following within PASTE_GAP were pasted.
        terminal = self._stdin.fileno()
        pasted = os.read(terminal, PASTE_LIMIT)
        while (
            pasted and len(pasted) < PASTE_LIMIT and select.select([terminal], [], [], PASTE_GAP)[0]
        ):
            more = os.read(terminal, PASTE_LIMIT)
            if not more:
                break
            pasted += more
        return pasted.decode("utf-8", errors="replace")

    def _queue_line(self, line: str | None) -> None:
        self._lines.append(line)
        self._arrived.set()

    def type_line(self, line: str) -> None:
        """Turn one typed line into a button press or a text message."""
        pressed = self._screen.pressed(line.strip())
        if pressed is not None:
            under, data = pressed
            self._push({"callback_query": {
                "id": str(self._next_update_id), "from": self._user, "chat_instance": "console",
                "message": under, "data": data}})  # fmt: skip
            return
        message: dict[str, Any] = {
            "message_id": self._screen.new_message_id(),
            "date": int(utc_now().timestamp()),
            "chat": self._chat,
            "from": self._user,
            "text": line,
        }
        if line.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0,
                                    "length": len(line.split()[0])}]  # fmt: skip
        self._push({"message": message})

    def _push(self, update: dict[str, Any]) -> None:
        update["update_id"] = self._next_update_id
        self._next_update_id += 1
        self._updates.append(update)
        self._last_activity = asyncio.get_running_loop().time()
