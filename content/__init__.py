"""The bot's words: TOML files in this folder, loaded and checked once at start.

A missing key, an unknown placeholder or an over-long message stops the bot with an error that names
the file and the key, so a typo in the words can never surface as a crash in a user's chat.
"""

from __future__ import annotations

import html
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from content.catalog import KNOWN_PLACEHOLDERS, REQUIRED_KEYS

CONTENT_ROOT = Path(__file__).resolve().parent
CONTENT_DIR = CONTENT_ROOT / "en"  # English, the source every other language mirrors
PHRASES_FILE = "phrases.toml"
TELEGRAM_MESSAGE_LIMIT = 4096
VALUE_LIMIT = 600  # no single piece of user text takes over a message
UNNAMED = "dialog.unnamed"


class ContentError(Exception):
    """The content files are not usable; the message names the file and key."""


class Safe(str):
    """Text that is already valid Telegram HTML (our own rendered words), inserted unescaped."""


def shorten(text: str, limit: int) -> str:
    """Cut text to at most `limit` characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Content:
    messages: Mapping[str, str]

    def text(self, key: str, **values: object) -> Safe:
        """The message under `key`, with values escaped and shortened, ready to send as HTML."""
        template = self.messages[key]
        # A value that is missing (a company or recruiter never given) reads as a word, so
        # Python's "None" can never reach a user.
        unnamed = self.messages.get(UNNAMED, "")
        filled = {
            name: unnamed if value is None else _as_html(value) for name, value in values.items()
        }
        return Safe(shorten(template.format_map(filled), TELEGRAM_MESSAGE_LIMIT))

    def label(self, key: str) -> str:
        """A plain label (buttons, command descriptions): no HTML, no placeholders."""
        return self.messages[key]

    def has(self, key: str) -> bool:
        return key in self.messages


def _as_html(value: object) -> str:
    if isinstance(value, Safe):
        return value
    return html.escape(shorten(str(value), VALUE_LIMIT), quote=False)


def load_content(directory: Path = CONTENT_DIR) -> Content:
    """Read every *.toml file in `directory`, flatten to `section.key`, and validate it."""
    messages: dict[str, str] = {}
    origin: dict[str, str] = {}
    for path in sorted(directory.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ContentError(f"{path.name}: cannot be read: {error}") from None
        for key, text in _flatten(data, path.name):
            if key in messages:
                raise ContentError(f"{path.name}: key {key!r} is also defined in {origin[key]}")
            messages[key] = text.strip()
            origin[key] = path.name
    for key in REQUIRED_KEYS:
        if key not in messages:
            raise ContentError(f"{directory.name}/: required key {key!r} is missing")
    for key, text in messages.items():
        _check_message(origin[key], key, text)
    return Content(messages)


def language_dir(language: str) -> Path:
    """The folder holding one language's words: content/<code>/."""
    return CONTENT_ROOT / language


def read_phrase_lists(language: str) -> dict[str, str]:
    """One language's phrase lists (`phrases.<name>` in its phrases.toml) by name; {} if none."""
    path = language_dir(language) / PHRASES_FILE
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError(f"{language}/{PHRASES_FILE}: cannot be read: {error}") from None
    prefix = "phrases."
    return {
        key.removeprefix(prefix): text
        for key, text in _flatten(data, PHRASES_FILE)
        if key.startswith(prefix)
    }


def _flatten(data: Mapping[str, object], filename: str, prefix: str = "") -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for name, value in data.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            pairs.extend(_flatten(value, filename, f"{key}."))
        elif isinstance(value, str):
            pairs.append((key, value))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            pairs.append((key, "\n".join(value)))
        else:
            raise ContentError(f"{filename}: key {key!r} must be text")
    return pairs


def _check_message(filename: str, key: str, text: str) -> None:
    if not text:
        raise ContentError(f"{filename}: key {key!r} is empty")
    if len(text) > TELEGRAM_MESSAGE_LIMIT:
        raise ContentError(
            f"{filename}: key {key!r} is {len(text)} characters, over Telegram's "
            f"{TELEGRAM_MESSAGE_LIMIT}"
        )
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError as error:
        raise ContentError(f"{filename}: key {key!r} has a broken placeholder: {error}") from None
    for field in fields:
        if field not in KNOWN_PLACEHOLDERS:
            raise ContentError(f"{filename}: key {key!r} uses unknown placeholder {{{field}}}")
