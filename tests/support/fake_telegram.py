"""A fake Telegram Bot API server for end-to-end tests, with simulated users.

The real bot talks HTTP to it exactly as it would to api.telegram.org. Every call is checked against
the published Bot API reference, so a test can assert that the bot never sent a request Telegram
would refuse (`fake.violations`). Errors that depend on state, not on the request itself (message
not modified, chat not found, an expired callback query, injected faults), are answered as Telegram
answers them and listed in `fake.errors` only.

Updates reach the bot by long polling (getUpdates), or, once the bot calls setWebhook, by the
fake POSTing them to the bot's URL on loopback with the secret header, in order, retrying failed
deliveries as Telegram does (and reporting them in getWebhookInfo).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import inspect
import itertools
import json
import math
import os
import random
import re
import socket
import time
import urllib.parse
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

JsonDict = dict[str, Any]
# Kept in the repository (see tests/data/README.md), so a fresh clone tests on its own.
DEFAULT_SPEC = Path(__file__).resolve().parents[1] / "data" / "telegram-bot-api.json"

# ---------------------------------------------------------------------------------------------
# What the user sees
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Button:
    """One inline keyboard button."""

    text: str
    callback_data: str | None = None
    url: str | None = None


@dataclass
class UploadedFile:
    """A file the bot sent; content is empty when it referred to a file_id or URL instead."""

    filename: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass
class BotMessage:
    """A message from the bot as the user sees it: `text` has tags stripped and entities decoded."""

    message_id: int
    chat_id: int
    text: str
    raw_text: str
    parse_mode: str | None = None
    buttons: list[list[Button]] = field(default_factory=list)
    document: UploadedFile | None = None
    edited: bool = False
    deleted: bool = False
    date: int = 0
    edit_date: int = 0
    entities: list[JsonDict] = field(default_factory=list, repr=False)
    reply_markup: JsonDict | None = field(default=None, repr=False)
    photo: UploadedFile | None = None  # sendPhoto's upload (the picture's bytes)

    @property
    def button_texts(self) -> list[str]:
        """The labels of all buttons, row by row."""
        return [button.text for row in self.buttons for button in row]

    def snapshot(self) -> BotMessage:
        """A copy that later edits of this message leave alone."""
        return dataclasses.replace(self, buttons=[list(row) for row in self.buttons])


def _png_size(data: bytes) -> tuple[int, int] | None:
    """A PNG's width and height from its header, or None for something else."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _photo_sizes(message: BotMessage) -> list[JsonDict]:
    """The PhotoSize array Telegram returns for an uploaded picture (the original size)."""
    assert message.photo is not None
    width, height = _png_size(message.photo.content) or (0, 0)
    return [
        {
            "file_id": f"P-{message.chat_id}-{message.message_id}",
            "file_unique_id": f"p{message.chat_id}x{message.message_id}",
            "width": width,
            "height": height,
            "file_size": len(message.photo.content),
        }
    ]


class ApiError(Exception):
    """An error answer; `violation` marks requests Telegram refuses whatever the state."""

    def __init__(
        self,
        status: int,
        description: str,
        *,
        violation: bool = True,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(description)
        self.status, self.description = status, description
        self.violation, self.retry_after = violation, retry_after


def _state_error(description: str) -> ApiError:
    """A 400 caused by the current state rather than by a malformed request."""
    return ApiError(400, description, violation=False)


def _utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2


# ---------------------------------------------------------------------------------------------
# The API reference: parameters and value types
# ---------------------------------------------------------------------------------------------


class _Mismatch(ValueError):
    """A value that is not of the expected kind at all (so another documented type may fit)."""


def _scalar(value: Any, type_name: str) -> Any:
    """An Integer, Float, Boolean or String, given natively (JSON) or as text (form fields)."""
    if type_name == "String" and isinstance(value, str):
        return value
    if type_name == "Boolean" and str(value).lower() in ("true", "false", "1", "0"):
        return str(value).lower() in ("true", "1")
    if not isinstance(value, bool) and type_name in ("Integer", "Float"):
        with contextlib.suppress(TypeError, ValueError):
            if type_name == "Float" and not isinstance(value, list | dict):
                return float(value)
            if re.fullmatch(r"-?\d+", str(value).strip()):
                return int(value)
    raise _Mismatch(f"not {type_name}")


class ApiSpec:
    """The Bot API reference: which methods exist, their parameters and the shapes of values."""

    def __init__(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.version: str = data.get("version", "")
        self.methods: dict[str, JsonDict] = data["methods"]
        self.types: dict[str, JsonDict] = data["types"]
        # Telegram matches method names case-insensitively.
        self._names = {name.lower(): name for name in self.methods}
        self._tags = {name: self._type_tag(spec) for name, spec in self.types.items()}

    def canonical(self, method: str) -> str | None:
        """The documented spelling of a method name, or None if there is no such method."""
        return self._names.get(method.lower())

    def decode(self, method: str, params: JsonDict) -> JsonDict:
        """Check params against the method's fields and return them with typed values."""
        fields = {f["name"]: f for f in self.methods[method].get("fields", [])}
        decoded = {}
        for name, value in params.items():
            if name not in fields:
                raise ApiError(400, f'Bad Request: unknown parameter "{name}"')
            try:
                decoded[name] = self.coerce(value, fields[name]["types"])
            except ValueError as exc:
                raise ApiError(400, f'Bad Request: parameter "{name}": {exc}') from None
        for name, spec in fields.items():
            if spec["required"] and name not in params:
                raise ApiError(400, f'Bad Request: parameter "{name}" is required')
        return decoded

    def coerce(self, value: Any, types: list[str]) -> Any:
        """Return value converted to the first documented type it fits, else raise ValueError."""
        mismatches: list[ValueError] = []
        for type_name in types:
            try:
                return self._coerce_one(value, type_name)
            except _Mismatch as exc:
                mismatches.append(exc)
            # Any other ValueError comes from inside a value of the right shape: report that.
        if len(mismatches) == 1:
            raise mismatches[0]
        raise _Mismatch(f"expected {' or '.join(types)}, got {value!r:.80}")

    def _coerce_one(self, value: Any, type_name: str) -> Any:
        """Convert value to one type; objects arrive as JSON text in form fields."""
        if type_name in ("Integer", "Float", "Boolean", "String"):
            return _scalar(value, type_name)
        if type_name == "InputFile":
            if isinstance(value, UploadedFile):
                return value
            raise _Mismatch("not an uploaded file")
        try:
            parsed = json.loads(value) if isinstance(value, str) else value
        except ValueError:
            raise _Mismatch(f"not JSON: {value!r:.80}") from None
        if type_name.startswith("Array of "):
            if not isinstance(parsed, list):
                raise _Mismatch(f"{type_name}: not an array")
            return [
                self._item(x, type_name.removeprefix("Array of "), f"[{i}]")
                for i, x in enumerate(parsed)
            ]
        spec = self.types.get(type_name, {})
        if spec.get("subtypes"):
            return self.coerce(parsed, self._subtypes_for(parsed, spec["subtypes"]))
        if not isinstance(parsed, dict):
            raise _Mismatch(f"{type_name} must be an object")
        fields = {f["name"]: f for f in spec.get("fields", [])}
        missing = [name for name, f in fields.items() if f["required"] and name not in parsed]
        if missing:
            raise _Mismatch(f"{type_name} lacks {', '.join(missing)}")
        # Telegram ignores unknown fields inside objects, so only the known ones are checked.
        return {
            k: self._item(v, fields[k]["types"], f"{type_name}.{k}") if k in fields else v
            for k, v in parsed.items()
        }

    def _item(self, value: Any, types: str | list[str], where: str) -> Any:
        """Coerce a part of a larger value, naming the part if it does not fit."""
        try:
            return self.coerce(value, [types] if isinstance(types, str) else types)
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None

    def _subtypes_for(self, value: Any, subtypes: list[str]) -> list[str]:
        """The subtypes whose documented "type" tag matches value["type"] (all if untagged)."""
        tag = value.get("type") if isinstance(value, dict) else None
        matching = [name for name in subtypes if self._tags.get(name) in (tag, None)]
        return matching or subtypes

    @staticmethod
    def _type_tag(spec: JsonDict) -> str | None:
        """The constant a subtype's "type" field must hold ("must be default", 'always "emoji"')."""
        for f in spec.get("fields", []):
            if f["name"] == "type":
                found = re.search(r'(?:must be|always) "?([a-z_]+)', f["description"])
                return found.group(1) if found else None
        return None


@functools.cache
def load_spec(path: str | None = None) -> ApiSpec:
    """The API reference from TELEGRAM_API_SPEC, else the copy in tests/data."""
    return ApiSpec(Path(path or os.environ.get("TELEGRAM_API_SPEC") or DEFAULT_SPEC))


# ---------------------------------------------------------------------------------------------
# parse_mode=HTML, as strict as the Bot API documentation
# ---------------------------------------------------------------------------------------------

_HTML_ENTITY_TYPES = {
    **dict.fromkeys(["b", "strong"], "bold"),
    **dict.fromkeys(["i", "em"], "italic"),
    **dict.fromkeys(["u", "ins"], "underline"),
    **dict.fromkeys(["s", "strike", "del"], "strikethrough"),
    **dict.fromkeys(["span", "tg-spoiler"], "spoiler"),
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_ATTR = r"([a-zA-Z-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+)))?"
_TAG_RE = re.compile(rf"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+{_ATTR})*)\s*>")
_ATTR_RE = re.compile(_ATTR)
_ENTITY_RE = re.compile(r"&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));")
_PLAIN_RE = re.compile(r"[^&<]+")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


def _cant_parse(reason: str) -> ApiError:
    """The error Telegram gives for malformed markup."""
    return ApiError(400, f"Bad Request: can't parse entities: {reason}")


def _decode_entity(match: re.Match[str]) -> str:
    """The character an &...; entity stands for."""
    decimal, hexadecimal, name = match.groups()
    if name:
        return _NAMED_ENTITIES[name]
    code = int(decimal) if decimal else int(hexadecimal, 16)
    if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise _cant_parse(f"invalid character reference {match.group()}")
    return chr(code)


def _open_entity(tag: str, attr_text: str, offset: int) -> JsonDict:
    """Start the entity for an opening tag, checking the attributes Telegram requires."""
    attrs = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTR_RE.findall(attr_text)}
    attrs = {k: _ENTITY_RE.sub(_decode_entity, v) for k, v in attrs.items()}
    entity: JsonDict = {"type": _HTML_ENTITY_TYPES[tag], "offset": offset}
    if tag == "span" and attrs.get("class") != "tg-spoiler":
        raise _cant_parse('Tag "span" must have class "tg-spoiler"')
    if tag == "tg-emoji":
        if not attrs.get("emoji-id"):
            raise _cant_parse('Tag "tg-emoji" must have attribute "emoji-id"')
        entity["custom_emoji_id"] = attrs["emoji-id"]
    if tag == "a":
        entity["url"] = attrs.get("href", "")
    if tag == "blockquote" and "expandable" in attrs:
        entity["type"] = "expandable_blockquote"
    return entity


def parse_html(text: str) -> tuple[str, list[JsonDict]]:
    """Split Telegram HTML into visible text and entities, or raise ApiError like Telegram."""
    out: list[str] = []
    units = 0  # UTF-16 length of the visible text so far
    entities: list[JsonDict] = []
    open_tags: list[tuple[str, JsonDict]] = []
    pos = 0
    while pos < len(text):
        where = f"byte offset {len(text[:pos].encode())}" if text[pos] in "&<" else ""
        if text[pos] == "&":
            # Telegram tolerates a bare "&", but its documentation requires "&amp;": insist on it.
            match = _ENTITY_RE.match(text, pos)
            if not match:
                raise _cant_parse(f'"&" at {where} is not an entity; write "&amp;"')
            piece = _decode_entity(match)
        elif text[pos] == "<":
            match = _TAG_RE.match(text, pos)
            name = match.group(2).lower() if match else ""
            if match is None or (not match.group(1) and name not in _HTML_ENTITY_TYPES):
                raise _cant_parse(f'Unsupported start tag "{name}" at {where}')
            if match.group(1):
                if not open_tags or open_tags[-1][0] != name:
                    expected = f'"</{open_tags[-1][0]}>"' if open_tags else "no end tag"
                    raise _cant_parse(
                        f'Unmatched end tag at {where}, expected {expected}, found "</{name}>"'
                    )
                entity = open_tags.pop()[1]
                entity["length"] = units - entity["offset"]
                # Like Telegram, drop empty entities and links without an address.
                if entity["length"] and entity.get("url") != "":
                    entities.append(entity)
            else:
                open_tags.append((name, _open_entity(name, match.group(3), units)))
            pos = match.end()
            continue
        else:
            match = _PLAIN_RE.match(text, pos)
            assert match is not None
            piece = match.group()
        out.append(piece)
        units += _utf16_len(piece)
        pos = match.end()
    if open_tags:
        raise _cant_parse(f'Can\'t find end tag corresponding to start tag "{open_tags[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


# ---------------------------------------------------------------------------------------------
# Chats and simulated users
# ---------------------------------------------------------------------------------------------

_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?")


@dataclass
class ChatLog:
    """A private chat: the bot's messages as they stand now, and every event the user saw."""

    id: int
    first_name: str
    messages: dict[int, BotMessage] = field(default_factory=dict)
    events: list[BotMessage] = field(default_factory=list)
    user_messages: dict[int, JsonDict] = field(default_factory=dict)
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    last_message_id: int = 0
    # The label of the button the user pressed after their newest text, if they did: a button
    # says something too ("By the end of this week").
    pressed_since_text: str | None = None

    def next_message_id(self) -> int:
        """Message ids are counted per private chat, shared by both sides."""
        self.last_message_id += 1
        return self.last_message_id

    @property
    def as_chat(self) -> JsonDict:
        """The Chat object."""
        return {"id": self.id, "type": "private", "first_name": self.first_name}

    async def publish(self, message: BotMessage) -> None:
        """Show a new or edited message to the user."""
        async with self.changed:
            self.events.append(message.snapshot())
            self.changed.notify_all()

    async def wait(self, predicate: Callable[[], bool], timeout: float) -> bool:
        """Wait until predicate holds; False if it did not within timeout seconds."""
        async with self.changed:
            try:
                async with asyncio.timeout(timeout):
                    await self.changed.wait_for(predicate)
            except TimeoutError:
                return False
        return True


class FakeUser:
    """A person in a private chat with the bot: sends messages, presses buttons, reads replies."""

    def __init__(self, fake: FakeTelegram, chat: ChatLog, language_code: str | None = None) -> None:
        self.fake, self.chat, self.id = fake, chat, chat.id
        self.language_code = language_code  # what their Telegram app is set to ("es-MX")
        self.answered_callbacks: list[str | None] = []
        self._read = 0  # cursor over chat.events
        self._answers_read = 0

    @property
    def as_user(self) -> JsonDict:
        """The User object for this person."""
        user: JsonDict = {"id": self.id, "is_bot": False, "first_name": self.chat.first_name}
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    @property
    def history(self) -> list[BotMessage]:
        """Every message and edit from the bot in this chat so far, as it was at the time."""
        return list(self.chat.events)

    @property
    def last(self) -> BotMessage:
        """The latest event in this chat."""
        if not self.chat.events:
            raise AssertionError(f"the bot has not sent anything to chat {self.id}")
        return self.chat.events[-1]

    @property
    def screen(self) -> list[BotMessage]:
        """The bot's messages as they stand now (edits applied, deleted ones gone)."""
        return [m for m in self.chat.messages.values() if not m.deleted]

    async def send(self, text: str) -> int:
        """Type a message; a leading /command gets a bot_command entity, as Telegram adds."""
        content: JsonDict = {"text": text}
        if command := _COMMAND_RE.match(text):
            length = _utf16_len(command.group())
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return await self._send(content)

    async def send_sticker(self, emoji: str = "👍") -> int:
        """Send a sticker."""
        sticker = {"type": "regular", "width": 512, "height": 512, "emoji": emoji}
        flags = {"is_animated": False, "is_video": False}
        return await self._send({"sticker": {**self._file_ids("sticker"), **sticker, **flags}})

    async def send_photo(self, caption: str | None = None) -> int:
        """Send a photo (two sizes, as Telegram delivers them)."""
        sizes = [{**self._file_ids(f"photo{w}"), "width": w, "height": w} for w in (90, 800)]
        return await self._send({"photo": sizes, **({"caption": caption} if caption else {})})

    async def send_voice(self, duration: int = 3) -> int:
        """Send a voice note."""
        voice = {**self._file_ids("voice"), "duration": duration, "mime_type": "audio/ogg"}
        return await self._send({"voice": voice})

    async def send_location(self, latitude: float, longitude: float) -> int:
        """Share a location."""
        return await self._send({"location": {"latitude": latitude, "longitude": longitude}})

    # -- Documents and forwarded messages (invitations) ------------------------------------------

    async def send_document(self, name: str, data: bytes, mime_type: str | None = None) -> int:
        """Send a file: the fake keeps its bytes for getFile and the download that follows."""
        ids = self._file_ids("document")
        self.fake.uploads[ids["file_id"]] = data
        document = {**ids, "file_name": name, "file_size": len(data)}
        if mime_type:
            document["mime_type"] = mime_type
        return await self._send({"document": document})

    async def send_forwarded(self, text: str, sender: str, sent: int) -> int:
        """Forward a message someone else (hidden, by name) wrote at unix time `sent`."""
        origin = {"type": "hidden_user", "date": sent, "sender_user_name": sender}
        return await self._send({"text": text, "forward_origin": origin})

    async def edit(self, message_id: int, text: str) -> None:
        """Edit a text message this user sent earlier."""
        message = self.chat.user_messages[message_id]
        message.update(text=text, edit_date=int(time.time()))
        await self.fake.push_update(edited_message=dict(message))

    async def press(self, label: str, message: BotMessage | None = None) -> None:
        """Press the button labelled label (exact match first, else substring).

        Without message, the newest message on screen with buttons is used. A message taken from
        history is pressed as it was then, like a user looking at a stale screen.
        """
        target = message or self._newest_with_buttons()
        buttons = [b for row in target.buttons for b in row]
        chosen = next((b for b in buttons if b.text == label), None)
        chosen = chosen or next((b for b in buttons if label in b.text), None)
        if chosen is None or chosen.callback_data is None:
            raise AssertionError(
                f"no callback button {label!r} on message {target.message_id} "
                f"({target.text[:60]!r}); buttons: {target.button_texts}"
            )
        self.chat.pressed_since_text = chosen.text
        await self.press_data(chosen.callback_data, target.message_id)

    async def press_data(self, data: str, message_id: int | None = None) -> None:
        """Send raw callback data from a message (default: the newest), as a forged button would."""
        if message_id is None:
            message_id = max(self.chat.messages, default=0)
        # Telegram sends the message as it stands now, whatever the user's screen showed.
        known = self.chat.messages.get(message_id)
        stub = {"message_id": message_id, "date": int(time.time()), "chat": self.chat.as_chat}
        await self._callback(data, self.fake.message_object(known) if known else stub)

    async def next_message(self, timeout: float = 5.0) -> BotMessage:
        """The next message or edit from the bot that this user has not read yet."""
        if not await self.chat.wait(lambda: len(self.chat.events) > self._read, timeout):
            raise AssertionError(
                f"chat {self.id}: nothing new from the bot within {timeout}s; "
                f"recent: {self._recent()}; errors: {self.fake.errors[-3:]}"
            )
        self._read += 1
        return self.chat.events[self._read - 1]

    def skip_unread(self) -> list[BotMessage]:
        """Mark what has arrived already as read (other nudges that came at the same moment)."""
        unread = self.chat.events[self._read :]
        self._read = len(self.chat.events)
        return unread

    async def expect_silence(self, within: float = 0.3) -> None:
        """Assert the bot sends or edits nothing (unread) in this chat for `within` seconds."""
        if await self.chat.wait(lambda: len(self.chat.events) > self._read, within):
            unread = self.chat.events[self._read]
            raise AssertionError(f"chat {self.id}: expected silence, got {unread}")

    async def next_callback_answer(self, timeout: float = 5.0) -> str | None:
        """The text of the next answerCallbackQuery for this user's presses (None if no text)."""
        if not await self.chat.wait(
            lambda: len(self.answered_callbacks) > self._answers_read, timeout
        ):
            raise AssertionError(f"chat {self.id}: no callback answer within {timeout}s")
        self._answers_read += 1
        return self.answered_callbacks[self._answers_read - 1]

    async def record_answer(self, text: str | None) -> None:
        """Show the popup text of an answerCallbackQuery."""
        async with self.chat.changed:
            self.answered_callbacks.append(text)
            self.chat.changed.notify_all()

    async def _send(self, content: JsonDict) -> int:
        """Queue a Message update from this user and return its message_id."""
        message_id = self.chat.next_message_id()
        self.chat.pressed_since_text = None
        self.chat.user_messages[message_id] = {
            "message_id": message_id,
            "from": self.as_user,
            "chat": self.chat.as_chat,
            "date": int(time.time()),
            **content,
        }
        await self.fake.push_update(message=dict(self.chat.user_messages[message_id]))
        return message_id

    async def _callback(self, data: str, message: JsonDict) -> None:
        """Queue a callback_query update for a press on message."""
        query_id = str(self.fake.new_id())
        self.fake.open_queries[query_id] = self
        query = {
            "id": query_id,
            "from": self.as_user,
            "chat_instance": str(self.id * 7919),
            "message": message,
            "data": data,
        }
        await self.fake.push_update(callback_query=query)

    def _file_ids(self, kind: str) -> JsonDict:
        """Made-up but unique file identifiers."""
        unique = f"{kind}{self.fake.new_id()}"
        return {"file_id": f"F-{unique}", "file_unique_id": unique}

    def _newest_with_buttons(self) -> BotMessage:
        """The newest message on screen that has buttons."""
        for message in reversed(self.screen):
            if message.buttons:
                return message
        raise AssertionError(f"chat {self.id}: no message with buttons; recent: {self._recent()}")

    def _recent(self) -> list[str]:
        """The last few events, short, for failure messages."""
        return [f"#{m.message_id}: {m.text[:80]!r}" for m in self.chat.events[-5:]]


# ---------------------------------------------------------------------------------------------
# The server
# ---------------------------------------------------------------------------------------------

_BLOCKABLE = ("send", "edit", "copy", "forward")
_BUTTON_COSMETICS = {"text", "icon_custom_emoji_id", "style"}
_CHAT_ACTIONS = {
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
}  # fmt: skip
_CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
_WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
_LOOPBACK = ("127.0.0.1", "localhost", "::1")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    403: "Forbidden: bot was blocked by the user",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


@dataclass
class _Fault:
    """An error to answer instead of the next matching call(s)."""

    method: str
    status: int
    description: str | None
    retry_after: int | None
    times: int
    chat_id: int | None


class FakeTelegram:
    """The fake Bot API: routes calls, validates them, keeps chats and injects faults."""

    def __init__(
        self, token: str = "123456:TEST-TOKEN", bot_username: str = "followup_coach_bot"
    ) -> None:
        self.token, self.bot_username = token, bot_username
        self.spec = load_spec()
        self.calls: list[tuple[str, JsonDict]] = []
        self.violations: list[str] = []
        self.errors: list[tuple[str, int, str]] = []
        self.commands: list[JsonDict] = []
        self.faults_injected = 0
        self.rate_limited = 0
        # Called with every new message the bot sends (e.g. the one-voice date check).
        self.watchers: list[Callable[[BotMessage], Awaitable[None] | None]] = []
        self._ids = itertools.count(1)
        self.open_queries: dict[str, FakeUser] = {}
        self.uploads: dict[str, bytes] = {}  # file_id -> the bytes a user sent (getFile)
        self.downloads: list[str] = []  # file_ids the bot fetched
        self.port = 0
        self._chats: dict[int, ChatLog] = {}
        self._users: dict[int, FakeUser] = {}
        self._updates: list[JsonDict] = []
        self._update_ids = itertools.count(1)
        self._new_update = asyncio.Condition()
        self._polls = 0  # a newer getUpdates ends an older one with 409, as Telegram does
        self._allowed: set[str] = set()
        self._closing = False
        self._my_commands: dict[str, list[JsonDict]] = {}
        # Per language_code ("" for the default), as setMyDescription keeps them.
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        self._faults: list[_Fault] = []
        self._blocked: set[int] = set()
        self._random: tuple[float, tuple[int, ...], tuple[str, ...], random.Random] | None = None
        self._limits: tuple[int, int] | None = None
        self._sent_at: defaultdict[int | None, deque[float]] = defaultdict(deque)
        self._runner: web.AppRunner | None = None
        self.description = ""
        self.short_description = ""
        # Webhook mode: where updates are posted, and how the last failed delivery went.
        self.webhook: JsonDict | None = None
        self.webhook_deliveries = 0
        self.webhook_retry_delay = 0.2
        self._last_delivery_error: tuple[int, str] | None = None
        self._deliverer: asyncio.Task[None] | None = None
        self._client: Any = None
        self._polling_open = asyncio.Event()
        self._polling_open.set()
        bot_id = token.split(":")[0]
        self.me: JsonDict = {"id": int(bot_id) if bot_id.isdigit() else 1, "is_bot": True}
        self.me |= {"first_name": "Follow-up Coach", "username": bot_username}

    # -- lifecycle -----------------------------------------------------------------------------

    async def start(self, port: int = 0) -> None:
        """Listen on 127.0.0.1, on `port` or one the OS chooses."""
        self._closing = False
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        """Answer pending long polls at once, then shut the server down."""
        self._closing = True
        self._polling_open.set()
        async with self._new_update:
            self._new_update.notify_all()
        await self._stop_delivering()
        if self._client is not None:
            await self._client.close()
            self._client = None
        if self._runner:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """What the bot passes as base_url."""
        return f"http://127.0.0.1:{self.port}/bot"

    # -- users and updates ---------------------------------------------------------------------

    def user(
        self, user_id: int, first_name: str = "Ann", language_code: str | None = None
    ) -> FakeUser:
        """The person with this id, in a private chat whose id equals the user id."""
        if user_id not in self._users:
            self._chats[user_id] = ChatLog(user_id, first_name)
            self._users[user_id] = FakeUser(self, self._chats[user_id], language_code)
        return self._users[user_id]

    def new_id(self) -> int:
        """A fresh number for callback query and file ids."""
        return next(self._ids)

    def calls_to(self, method: str) -> list[JsonDict]:
        """The parameters of every call of one method, in order."""
        return [params for name, params in self.calls if name == method]

    def last_text_from(self, chat_id: int) -> str | None:
        """The text of the newest message the user in this chat sent (or button pressed since)."""
        if chat_id in self._chats and self._chats[chat_id].pressed_since_text is not None:
            return self._chats[chat_id].pressed_since_text
        sent = self._chats[chat_id].user_messages if chat_id in self._chats else {}
        texts = [m.get("text") for _, m in sorted(sent.items()) if m.get("text")]
        return texts[-1] if texts else None

    def chat_messages(self, chat_id: int) -> list[BotMessage]:
        """The bot's messages in a chat as they stand now, deleted ones included."""
        return list(self._chats[chat_id].messages.values())

    async def push_update(self, **content: JsonDict) -> None:
        """Queue an update for getUpdates and wake a waiting long poll."""
        if self._allowed and not self._allowed & content.keys():
            return  # the bot asked not to receive this kind of update
        async with self._new_update:
            self._updates.append({"update_id": next(self._update_ids), **content})
            self._new_update.notify_all()

    def message_object(self, message: BotMessage) -> JsonDict:
        """The Message object for a bot message, as the API returns it."""
        result: JsonDict = {
            "message_id": message.message_id,
            "from": self.me,
            "chat": self._chats[message.chat_id].as_chat,
            "date": message.date,
        }
        if message.edit_date:
            result["edit_date"] = message.edit_date
        text_key, entities_key = ("text", "entities")
        if message.document:
            text_key, entities_key = ("caption", "caption_entities")
            doc = message.document
            result["document"] = {
                "file_id": f"D-{message.chat_id}-{message.message_id}",
                "file_unique_id": f"d{message.chat_id}x{message.message_id}",
                "file_name": doc.filename,
                "mime_type": doc.content_type,
                "file_size": len(doc.content),
            }
        if message.photo:
            text_key, entities_key = ("caption", "caption_entities")
            result["photo"] = _photo_sizes(message)
        if message.text or not (message.document or message.photo):
            result[text_key] = message.text
        if message.entities:
            result[entities_key] = message.entities
        if message.reply_markup and "inline_keyboard" in message.reply_markup:
            result["reply_markup"] = message.reply_markup
        return result

    # -- fault injection -----------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
        chat_id: int | None = None,
    ) -> None:
        """Answer the next `times` calls of method (to chat_id, if given) with an error."""
        self._faults.append(_Fault(method, status, description, retry_after, times, chat_id))

    def block(self, chat_id: int) -> None:
        """The user blocks the bot: sends to the chat answer 403 until unblock."""
        self._blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        """The user unblocks the bot."""
        self._blocked.discard(chat_id)

    def fault_rate(
        self,
        rate: float,
        statuses: tuple[int, ...] = (429, 500, 502),
        methods: tuple[str, ...] = ("sendMessage",),
        seed: int = 0,
    ) -> None:
        """Fail a random share of calls to methods, reproducibly for a given seed."""
        self._random = (rate, statuses, methods, random.Random(seed))

    def stall_polling(self, stalled: bool = True) -> None:
        """Leave every getUpdates unanswered, the one in flight too, until called with False."""
        if stalled:
            self._polling_open.clear()
        else:
            self._polling_open.set()

    def enforce_limits(self, per_chat_per_second: int = 1, overall_per_second: int = 30) -> None:
        """Answer 429 to sends beyond Telegram's flood limits, counted in rate_limited."""
        self._limits = (per_chat_per_second, overall_per_second)

    def _fault(self, status: int, description: str | None, retry_after: int | None) -> ApiError:
        """An injected error, counted in faults_injected."""
        self.faults_injected += 1
        if status == 429:
            retry_after = retry_after or 1
            description = description or f"Too Many Requests: retry after {retry_after}"
        description = description or _DEFAULT_DESCRIPTIONS.get(status, f"Error {status}")
        return ApiError(status, description, violation=False, retry_after=retry_after)

    def _inject_faults(self, method: str, params: JsonDict) -> None:
        """Raise the error a fault, a block or a flood limit calls for, if any."""
        chat_id = params.get("chat_id")
        if chat_id in self._blocked and method.startswith(_BLOCKABLE):
            raise self._fault(403, None, None)
        for fault in self._faults:
            if fault.method == method and fault.chat_id in (None, chat_id):
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                raise self._fault(fault.status, fault.description, fault.retry_after)
        if self._random:
            rate, statuses, methods, rng = self._random
            if method in methods and rng.random() < rate:
                raise self._fault(rng.choice(statuses), None, None)
        if self._limits and method.startswith("send") and method != "sendChatAction":
            self._check_flood(chat_id)

    def _check_flood(self, chat_id: int | None) -> None:
        """A sliding one-second window per chat and overall."""
        assert self._limits is not None
        now = time.monotonic()
        for key, limit in ((chat_id, self._limits[0]), (None, self._limits[1])):
            window = self._sent_at[key]
            while window and now - window[0] >= 1.0:
                window.popleft()
            if len(window) >= limit:
                self.rate_limited += 1
                wait = max(1, math.ceil(1.0 - (now - window[0])))
                raise ApiError(
                    429, f"Too Many Requests: retry after {wait}", violation=False, retry_after=wait
                )
        for key in (chat_id, None):
            self._sent_at[key].append(now)

    # -- HTTP ----------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        """Answer one Bot API call."""
        if request.match_info["token"] != self.token:
            return self._refuse("?", ApiError(401, "Unauthorized", violation=False))
        method = self.spec.canonical(request.match_info["method"])
        if method is None:
            return self._refuse(
                request.match_info["method"], ApiError(404, "Not Found: method not found")
            )
        params: JsonDict = {}
        try:
            params = await self._read_params(request)
            params = self.spec.decode(method, params)
        except ApiError as exc:
            self.calls.append((method, params))
            return self._refuse(method, exc)
        self.calls.append((method, params))
        try:
            self._inject_faults(method, params)
            # Methods without a simulation of their own are validated and answered with True.
            handler = getattr(self, "_api_" + re.sub(r"(?<!^)(?=[A-Z])", "_", method).lower(), None)
            result = await handler(params) if handler else True
        except ApiError as exc:
            if request.transport is None or request.transport.is_closing():
                return web.Response(status=exc.status)  # the caller hung up: nobody sees it
            return self._refuse(method, exc)
        return web.json_response({"ok": True, "result": result})

    def _refuse(self, method: str, error: ApiError) -> web.Response:
        """Answer an error the way Telegram does, and note it."""
        self.errors.append((method, error.status, error.description))
        if error.violation:
            self.violations.append(f"{method}: {error.description}")
        body: JsonDict = {"ok": False, "error_code": error.status, "description": error.description}
        if error.retry_after is not None:
            body["parameters"] = {"retry_after": error.retry_after}
        return web.json_response(body, status=error.status)

    @staticmethod
    async def _read_params(request: web.Request) -> JsonDict:
        """Parameters from the query string and a JSON, form or multipart body."""
        params: JsonDict = dict(request.query)
        if request.content_type == "application/json" and request.body_exists:
            try:
                body = await request.json()
            except ValueError:
                raise ApiError(400, "Bad Request: can't parse JSON body") from None
            if not isinstance(body, dict):
                raise ApiError(400, "Bad Request: JSON body must be an object")
            params.update(body)
        elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            for key, part in (await request.post()).items():
                params[key] = part
                if isinstance(part, web.FileField):
                    params[key] = UploadedFile(part.filename, part.file.read(), part.content_type)
        for key, value in list(params.items()):
            # Files attached as "attach://<part>" arrive in a part of that name.
            if isinstance(value, str) and value.startswith("attach://"):
                params[key] = params.pop(value.removeprefix("attach://"), value)
        return params

    # -- methods -------------------------------------------------------------------------------

    async def _api_get_me(self, params: JsonDict) -> JsonDict:
        """getMe."""
        return self.me

    async def _api_get_updates(self, params: JsonDict) -> list[JsonDict]:
        """getUpdates: confirm by offset, then long-poll up to `timeout` seconds."""
        offset, timeout = params.get("offset"), max(0, params.get("timeout", 0))
        limit = min(max(params.get("limit", 100), 1), 100)
        if self.webhook is not None:
            raise ApiError(409, _WEBHOOK_ACTIVE, violation=False)
        await self._polling_open.wait()
        async with self._new_update:
            self._polls += 1
            poll = self._polls
            self._new_update.notify_all()
            if "allowed_updates" in params:
                self._allowed = set(params["allowed_updates"])
            if offset is not None:
                ids = [u["update_id"] for u in self._updates]
                keep_from = offset if offset >= 0 else (ids[offset:] or [math.inf])[0]
                self._updates = [u for u in self._updates if u["update_id"] >= keep_from]
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._new_update.wait_for(
                        lambda: bool(self._updates) or self._closing or self._polls != poll
                    )
            if self._polls != poll:
                raise ApiError(409, _CONFLICT, violation=False)
            answer = self._updates[:limit]
        await self._polling_open.wait()  # stalled meanwhile: this poll hangs too
        return answer

    @staticmethod
    def _scope_key(params: JsonDict) -> str:
        """Commands are kept per scope and language."""
        scope = json.dumps(params.get("scope", {"type": "default"}), sort_keys=True)
        return f"{scope}/{params.get('language_code', '')}"

    async def _api_set_my_commands(self, params: JsonDict) -> bool:
        """setMyCommands, with Telegram's limits on commands and descriptions."""
        commands = params["commands"]
        if len(commands) > 100:
            raise ApiError(400, "Bad Request: too many commands")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command["command"]):
                raise ApiError(400, f"Bad Request: BOT_COMMAND_INVALID: {command['command']!r}")
            if not 1 <= len(command["description"]) <= 256:
                raise ApiError(400, "Bad Request: command description must be 1-256 characters")
        self._my_commands[self._scope_key(params)] = commands
        if not params.get("language_code"):
            self.commands = commands  # what users of a language without its own menu see
        return True

    async def _api_get_my_commands(self, params: JsonDict) -> list[JsonDict]:
        """getMyCommands."""
        return self._my_commands.get(self._scope_key(params), [])

    async def _api_delete_my_commands(self, params: JsonDict) -> bool:
        """deleteMyCommands."""
        self._my_commands.pop(self._scope_key(params), None)
        return True

    async def _api_set_my_description(self, params: JsonDict) -> bool:
        """setMyDescription: what the empty chat screen shows, 0-512 characters."""
        if len(params.get("description", "")) > 512:
            raise ApiError(400, "Bad Request: BOT_DESCRIPTION_INVALID")
        self.descriptions[params.get("language_code", "")] = params.get("description", "")
        self.description = self.descriptions.get("", "")
        return True

    async def _api_set_my_short_description(self, params: JsonDict) -> bool:
        """setMyShortDescription: the profile's line, 0-120 characters."""
        if len(params.get("short_description", "")) > 120:
            raise ApiError(400, "Bad Request: BOT_ABOUT_INVALID")
        language = params.get("language_code", "")
        self.short_descriptions[language] = params.get("short_description", "")
        self.short_description = self.short_descriptions.get("", "")
        return True

    # -- webhooks ------------------------------------------------------------------------------

    async def _api_set_webhook(self, params: JsonDict) -> bool:
        """setWebhook: from now on updates are posted to `url` (an empty url removes it)."""
        url = params["url"]
        if not url:
            return await self._api_delete_webhook(params)
        parts = urllib.parse.urlsplit(url)
        # Telegram wants https on 443, 80, 88 or 8443; here only loopback is reachable at all.
        if parts.scheme not in ("http", "https") or parts.hostname not in _LOOPBACK:
            raise _state_error("Bad Request: bad webhook: the fake posts to loopback only")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        if "allowed_updates" in params:
            self._allowed = set(params["allowed_updates"])
        async with self._new_update:
            if params.get("drop_pending_updates"):
                self._updates.clear()
            self.webhook = {"url": url, "secret_token": secret}
            self._polls += 1  # a waiting getUpdates ends with a conflict
            self._new_update.notify_all()
        self._last_delivery_error = None
        if self._deliverer is None or self._deliverer.done():
            self._deliverer = asyncio.create_task(self._deliver())
        return True

    async def _api_delete_webhook(self, params: JsonDict) -> bool:
        """deleteWebhook: back to getUpdates; pending updates wait for it unless dropped."""
        await self._stop_delivering()
        async with self._new_update:
            self.webhook = None
            if params.get("drop_pending_updates"):
                self._updates.clear()
        return True

    async def _api_get_webhook_info(self, params: JsonDict) -> JsonDict:
        """getWebhookInfo: the URL, what waits, and the last failed delivery."""
        info: JsonDict = {
            "url": self.webhook["url"] if self.webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self.webhook and self._last_delivery_error:
            info["last_error_date"], info["last_error_message"] = self._last_delivery_error
        return info

    async def _stop_delivering(self) -> None:
        if self._deliverer is not None:
            self._deliverer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._deliverer
            self._deliverer = None

    async def _deliver(self) -> None:
        """Post waiting updates to the webhook one at a time, in order, until it is removed."""
        import aiohttp

        if self._client is None:
            self._client = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        while True:
            async with self._new_update:
                await self._new_update.wait_for(lambda: bool(self._updates) or self._closing)
                if self._closing or self.webhook is None:
                    return
                update, webhook = self._updates[0], dict(self.webhook)
            headers = {SECRET_HEADER: webhook["secret_token"]} if webhook["secret_token"] else {}
            try:
                async with self._client.post(
                    webhook["url"], json=update, headers=headers
                ) as answer:
                    failure = (
                        None
                        if answer.status < 300
                        else f"Wrong response from the webhook: {answer.status} {answer.reason}"
                    )
            except (aiohttp.ClientError, TimeoutError) as error:
                failure = f"Connection failed: {type(error).__name__}"
            if failure is None:
                self.webhook_deliveries += 1
                async with self._new_update:
                    if self._updates and self._updates[0] is update:
                        self._updates.pop(0)
                continue
            self._last_delivery_error = (int(time.time()), failure)
            self.errors.append(("webhook", 0, failure))
            await asyncio.sleep(self.webhook_retry_delay)

    def _chat(self, params: JsonDict) -> ChatLog:
        """The private chat a call targets; only users created with user() exist."""
        chat = self._chats.get(params.get("chat_id"))  # type: ignore[arg-type]
        if chat is None:
            raise _state_error("Bad Request: chat not found")
        return chat

    def _bot_message(self, params: JsonDict) -> BotMessage:
        """The bot message an edit targets."""
        if "inline_message_id" in params:
            raise _state_error("Bad Request: inline messages are not simulated")
        message = self._chat(params).messages.get(params.get("message_id", 0))
        if message is None or message.deleted:
            raise _state_error("Bad Request: message to edit not found")
        return message

    @staticmethod
    def _render(params: JsonDict, key: str, limit: int, too_long: str) -> tuple[str, list]:
        """Visible text and entities of text or a caption, within Telegram's limits."""
        mode = (params.get("parse_mode") or "").lower()
        if mode not in ("", "html", "markdown", "markdownv2"):
            raise ApiError(400, "Bad Request: unsupported parse_mode")
        raw = params.get(key, "")
        text, entities = parse_html(raw) if mode == "html" else (raw, [])
        if key == "text" and not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > limit:
            raise ApiError(400, f"Bad Request: {too_long}")
        return text, entities

    @staticmethod
    def _keyboard(markup: JsonDict | None) -> list[list[Button]]:
        """The inline buttons of a reply_markup, checked as Telegram checks them."""
        rows = []
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
                if not button.keys() - _BUTTON_COSMETICS:
                    raise ApiError(
                        400, "Bad Request: text buttons are unallowed in inline keyboards"
                    )
            rows.append([Button(b["text"], b.get("callback_data"), b.get("url")) for b in row])
        return rows

    # -- getFile and the download it leads to (documents users send) ------------------------------

    async def _api_get_file(self, params: JsonDict) -> JsonDict:
        file_id = params["file_id"]
        if file_id not in self.uploads:
            raise ApiError(400, "Bad Request: invalid file_id")
        data = self.uploads[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": file_id.removeprefix("F-"),
            "file_size": len(data),
            "file_path": f"documents/{file_id}",
        }

    async def _download(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        file_id = request.match_info["path"].removeprefix("documents/")
        if file_id not in self.uploads:
            return web.Response(status=404)
        self.downloads.append(file_id)
        return web.Response(body=self.uploads[file_id])

    async def _api_send_message(self, params: JsonDict) -> JsonDict:
        """sendMessage."""
        text, entities = self._render(params, "text", 4096, "message is too long")
        return await self._new_message(params, text, params["text"], entities, None)

    async def _api_send_document(self, params: JsonDict) -> JsonDict:
        """sendDocument: an upload keeps its filename and bytes."""
        text, entities = self._render(params, "caption", 1024, "message caption is too long")
        document = params["document"]
        if isinstance(document, str):
            document = UploadedFile(document.rsplit("/", 1)[-1], b"")
        raw = params.get("caption", "")
        return await self._new_message(params, text, raw, entities, document)

    # -- sendPhoto with an uploaded picture ------------------------------------------------------

    async def _api_send_photo(self, params: JsonDict) -> JsonDict:
        """sendPhoto: an upload (multipart) keeps its bytes; a file_id or URL is refused here,
        since the bot only ever uploads pictures it drew. Captions follow Telegram's limits."""
        text, entities = self._render(params, "caption", 1024, "message caption is too long")
        photo = params["photo"]
        if not isinstance(photo, UploadedFile):
            raise _state_error("Bad Request: wrong file identifier/HTTP URL specified")
        if _png_size(photo.content) is None and not photo.content.startswith(b"\xff\xd8"):
            raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        raw = params.get("caption", "")
        return await self._new_message(params, text, raw, entities, None, photo=photo)

    async def _new_message(
        self,
        params: JsonDict,
        text: str,
        raw: str,
        entities: list,
        document: UploadedFile | None,
        *,
        photo: UploadedFile | None = None,
    ) -> JsonDict:
        """Store and show a new bot message; return its Message object."""
        chat = self._chat(params)
        message = BotMessage(
            message_id=chat.next_message_id(),
            chat_id=chat.id,
            text=text,
            raw_text=raw,
            parse_mode=params.get("parse_mode"),
            buttons=self._keyboard(params.get("reply_markup")),
            document=document,
            photo=photo,
            date=int(time.time()),
            entities=entities,
            reply_markup=params.get("reply_markup"),
        )
        chat.messages[message.message_id] = message
        for watch in self.watchers:
            checked = watch(message)
            if inspect.isawaitable(checked):  # a watcher that reads the bot's store
                await checked
        await chat.publish(message)
        return self.message_object(message)

    async def _api_edit_message_text(self, params: JsonDict) -> JsonDict:
        """editMessageText: like Telegram, an edit without reply_markup removes the keyboard."""
        text, entities = self._render(params, "text", 4096, "message is too long")
        message = self._bot_message(params)
        if message.document or message.photo:
            raise _state_error("Bad Request: there is no text in the message to edit")
        markup = params.get("reply_markup")
        if (text, entities, markup) == (message.text, message.entities, message.reply_markup):
            raise _state_error(
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message"
            )
        message.text, message.raw_text, message.entities = text, params["text"], entities
        message.parse_mode = params.get("parse_mode")
        return await self._edited(message, markup)

    async def _api_edit_message_reply_markup(self, params: JsonDict) -> JsonDict:
        """editMessageReplyMarkup."""
        message, markup = self._bot_message(params), params.get("reply_markup")
        if markup == message.reply_markup:
            raise _state_error("Bad Request: message is not modified: reply markup is the same")
        return await self._edited(message, markup)

    async def _edited(self, message: BotMessage, markup: JsonDict | None) -> JsonDict:
        """Apply a new keyboard, mark the message edited and show the edit to the user."""
        message.buttons, message.reply_markup = self._keyboard(markup), markup
        message.edited, message.edit_date = True, int(time.time())
        await self._chats[message.chat_id].publish(message)
        return self.message_object(message)

    async def _api_delete_message(self, params: JsonDict) -> bool:
        """deleteMessage: the bot's own messages, or the user's in a private chat."""
        chat, message_id = self._chat(params), params["message_id"]
        message = chat.messages.get(message_id)
        sent_by_user = chat.user_messages.pop(message_id, None)
        if (message is None or message.deleted) and sent_by_user is None:
            raise _state_error("Bad Request: message to delete not found")
        if message:
            message.deleted = True
        return True

    async def _api_answer_callback_query(self, params: JsonDict) -> bool:
        """answerCallbackQuery: each query can be answered once."""
        text = params.get("text")
        if text is not None and len(text) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        user = self.open_queries.pop(params["callback_query_id"], None)
        if user is None:
            raise _state_error(
                "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        await user.record_answer(text)
        return True

    async def _api_send_chat_action(self, params: JsonDict) -> bool:
        """sendChatAction."""
        self._chat(params)
        if params["action"] not in _CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True
