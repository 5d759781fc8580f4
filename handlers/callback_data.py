"""Button payloads: prefixed and versioned, built and parsed only here.

Format: ``v1:<action>:<arg>:<arg>…`` (at most 64 bytes, Telegram's limit). A payload that does not
parse is treated as forged or from an older version of the bot and gets a polite refusal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERSION = "v1"
_MAX_BYTES = 64
_PART = re.compile(r"^[A-Za-z0-9_\-]{1,40}$")


@dataclass(frozen=True, slots=True)
class Callback:
    action: str
    args: tuple[str, ...]

    def arg(self, index: int) -> str | None:
        return self.args[index] if index < len(self.args) else None


def build(action: str, *args: str | int) -> str:
    """The payload for a button that triggers `action` with `args`."""
    parts = [VERSION, action, *map(str, args)]
    for part in parts[1:]:
        if not _PART.match(part):
            raise ValueError(f"callback part {part!r} must be short and [A-Za-z0-9_-]")
    data = ":".join(parts)
    if len(data.encode()) > _MAX_BYTES:
        raise ValueError(f"callback data {data!r} is over {_MAX_BYTES} bytes")
    return data


def parse(data: str | None) -> Callback | None:
    """The payload's action and arguments, or None if it isn't one of ours."""
    if not data or len(data.encode()) > _MAX_BYTES:
        return None
    version, *rest = data.split(":")
    if version != VERSION or not rest or not all(_PART.match(part) for part in rest):
        return None
    return Callback(rest[0], tuple(rest[1:]))


def pattern(action: str, *args: str) -> str:
    """A regex for CallbackQueryHandler matching payloads of `action` (and leading `args`)."""
    head = ":".join(re.escape(part) for part in (VERSION, action, *args))
    return f"^{head}(:|$)"
