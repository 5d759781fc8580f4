"""The bot's words: one folder of TOML files per language, loaded and checked once at start.

English (`en/`) is the source. Every other folder holds the same files with the same keys and the
same placeholders; a message that counts something may be a table of plural forms (`one`, `few`,
`many`, `other`: CLDR's categories), picked with Babel for the number. A missing key, an extra
key, a placeholder that differs, an unknown placeholder or an over-long message stops the bot with
an error naming the language, the file and the key, so a typo never reaches a user's chat.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from babel import Locale

from content.catalog import KNOWN_PLACEHOLDERS, REQUIRED_KEYS

CONTENT_ROOT = Path(__file__).resolve().parent
CONTENT_DIR = CONTENT_ROOT / "en"  # English, the source every other language mirrors
PHRASES_FILE = "phrases.toml"
DATES_FILE = "dates.toml"
ENGLISH = "en"
# Words for understanding, not for saying: each language keeps its own, so parity does not apply.
OWN_SECTIONS = ("phrases.", "dates.")
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})
TELEGRAM_MESSAGE_LIMIT = 4096
VALUE_LIMIT = 600  # no single piece of user text takes over a message
# A value ending in its own full stop ("пт, 11 дек.", "Fr., 11. Dez.") before the sentence's: one.
_DOUBLE_STOP = re.compile(r"(?<=\w)\.\.(?!\.)")
UNNAMED = "dialog.unnamed"


class ContentError(Exception):
    """The content files are not usable; the message names the file and key."""


class Safe(str):
    """Text that is already valid Telegram HTML (our own rendered words), inserted unescaped."""


def shorten(text: str, limit: int) -> str:
    """Cut text to at most `limit` characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Content:
    messages: Mapping[str, str]
    language: str = ENGLISH

    def text(self, key: str, **values: object) -> Safe:
        """The message under `key`, with values escaped and shortened, ready to send as HTML."""
        template = self.messages[self._form(key, values.get("count"))]
        # A value that is missing (a company or recruiter never given) reads as a word, so
        # Python's "None" can never reach a user.
        unnamed = self.messages.get(UNNAMED, "")
        filled = {
            name: unnamed if value is None else _as_html(value) for name, value in values.items()
        }
        text = _DOUBLE_STOP.sub(".", template.format_map(filled))
        return Safe(shorten(text, TELEGRAM_MESSAGE_LIMIT))

    def label(self, key: str) -> str:
        """A plain label (buttons, command descriptions): no HTML, no placeholders."""
        return self.messages[key]

    def has(self, key: str) -> bool:
        return key in self.messages or f"{key}.other" in self.messages

    @cached_property
    def locale(self) -> Locale:
        return Locale.parse(self.language)

    def _form(self, key: str, count: object) -> str:
        """`key` itself, or the plural form of it that `count` needs in this language."""
        if key in self.messages or f"{key}.other" not in self.messages:
            return key
        form = self.locale.plural_form(count) if isinstance(count, int) else "other"
        return f"{key}.{form}" if f"{key}.{form}" in self.messages else f"{key}.other"


@dataclass(frozen=True)
class Library:
    """Every language's words, by language code; English is always there."""

    by_language: Mapping[str, Content]

    def __getitem__(self, language: str) -> Content:
        return self.by_language.get(language) or self.by_language[ENGLISH]

    @property
    def languages(self) -> tuple[str, ...]:
        """English first, then the others in alphabetical order."""
        return (ENGLISH, *sorted(code for code in self.by_language if code != ENGLISH))


def _as_html(value: object) -> str:
    if isinstance(value, Safe):
        return value
    return html.escape(shorten(str(value), VALUE_LIMIT), quote=False)


def load_library(root: Path = CONTENT_ROOT) -> Library:
    """Every language folder under `root`, each checked against English key by key."""
    english = load_content(root / ENGLISH)
    found = {ENGLISH: english}
    for folder in sorted(path for path in root.iterdir() if _is_language(path)):
        if folder.name != ENGLISH:
            found[folder.name] = load_content(folder, english)
    return Library(found)


def load_library_kept(folder: Path | None, root: Path = CONTENT_ROOT) -> Library:
    """The library, read from `folder` as checked the last time these very words were loaded
    (a digest of every file names the copy), else loaded, checked and kept there. Parsing and
    checking four languages' files is most of a start's own work; a copy is read in a few ms."""
    if folder is None:
        return load_library(root)
    digest = hashlib.sha256()
    for path in sorted(root.glob("*/*.toml")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    kept = folder / f"words-{digest.hexdigest()[:16]}.json"
    try:
        found = json.loads(kept.read_text(encoding="utf-8"))
        return Library({code: Content(messages, code) for code, messages in found.items()})
    except (OSError, ValueError, AttributeError, TypeError):
        pass  # none kept yet (or unreadable): load and check the files
    library = load_library(root)
    try:
        words = {code: dict(content.messages) for code, content in library.by_language.items()}
        _write_atomically(kept, json.dumps(words, ensure_ascii=False))
    except OSError:
        pass  # a read-only folder: load the files at each start, as without one
    return library


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _is_language(path: Path) -> bool:
    return path.is_dir() and len(path.name) == 2 and path.name.isalpha() and path.name.islower()


def missing_words(language: str, root: Path = CONTENT_ROOT) -> list[str]:
    """What a language's folder still lacks or gets wrong against English, one line each."""
    english = _read_messages(root / ENGLISH)[0]
    own, origin = _read_messages(root / language) if (root / language).is_dir() else ({}, {})
    return _parity_problems(english, own, origin)


def load_content(directory: Path = CONTENT_DIR, source: Content | None = None) -> Content:
    """Read every *.toml file in `directory`, flatten to `section.key`, and validate it.

    With `source` (English), the folder must hold exactly its keys with the same placeholders.
    """
    # Another language's phrase lists and date words are read where they are used (they are
    # no messages): parsing their thousands of lines here would only slow the start.
    skipped = (PHRASES_FILE, DATES_FILE) if source is not None else ()
    messages, origin = _read_messages(directory, skipped)
    if source is not None:
        problems = _parity_problems(source.messages, messages, origin)
        if problems:
            raise ContentError(f"{directory.name}/: " + "; ".join(problems[:5]))
    for key in REQUIRED_KEYS:
        if source is not None and key.startswith(OWN_SECTIONS):
            continue  # understanding words: English's are always used, the language adds its own
        if key not in messages and f"{key}.other" not in messages:
            raise ContentError(f"{directory.name}/: required key {key!r} is missing")
    for key, text in messages.items():
        _check_message(origin[key], key, text)
    return Content(messages, directory.name)


def _read_messages(
    directory: Path, skipped: tuple[str, ...] = ()
) -> tuple[dict[str, str], dict[str, str]]:
    """Every file's keys flattened to `section.key` (plural forms as `key.one`), and their file."""
    messages: dict[str, str] = {}
    origin: dict[str, str] = {}
    for path in sorted(directory.glob("*.toml")):
        if path.name in skipped:
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ContentError(f"{path.name}: cannot be read: {error}") from None
        for key, text in _flatten(data, path.name):
            if key in messages:
                raise ContentError(f"{path.name}: key {key!r} is also defined in {origin[key]}")
            messages[key] = text.strip()
            origin[key] = path.name
    return messages, origin


def _parity_problems(
    source: Mapping[str, str], own: Mapping[str, str], origin: Mapping[str, str]
) -> list[str]:
    """Keys missing or extra against the source, and placeholders that differ (plurals as one)."""
    wanted = _by_message(source)
    have = _by_message(own)
    problems = [f"missing {key!r}" for key in wanted if key not in have]
    problems += [f"{origin[key]}: extra key {key!r}" for key in have if key not in wanted]
    for key in wanted.keys() & have.keys():
        if _fields(wanted[key]) != _fields(have[key]):
            problems.append(f"{origin.get(key, key)}: {key!r} placeholders differ from English")
    return problems


def _by_message(messages: Mapping[str, str]) -> dict[str, list[str]]:
    """Each message's texts, plural forms gathered under their key; own sections left out."""
    grouped: dict[str, list[str]] = {}
    for key, text in messages.items():
        if key.startswith(OWN_SECTIONS):
            continue
        base, _, form = key.rpartition(".")
        grouped.setdefault(base if form in PLURAL_FORMS else key, []).append(text)
    return grouped


def _fields(texts: list[str]) -> frozenset[str]:
    return frozenset(
        field for text in texts for _, field, _, _ in string.Formatter().parse(text) if field
    )


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
    # A table of plural forms flattens like a section: `days.one`, `days.few`, `days.other`.
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
    if len(text) > TELEGRAM_MESSAGE_LIMIT and not key.startswith(OWN_SECTIONS):
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
