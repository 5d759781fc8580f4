"""Which language we are speaking to the person at hand: four complete ones, English the source.

The language is set once per update (and once per nudge sent) from the user's settings, the way a
web framework activates a locale per request, so the words, the dates and the phrase lists all
follow it without every function passing it on. Code that must speak another language for a
moment (an email drafted in the job's language) wraps that part in `speaking_in`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from babel import Locale, UnknownLocaleError

ENGLISH = "en"
# Every language the bot speaks, English first; adding one is a folder under content/ and a code.
LANGUAGES: tuple[str, ...] = ("en", "es", "de", "ru")
# What each language is called in itself, for the /language buttons.
NATIVE_NAMES = {"en": "English", "es": "Español", "de": "Deutsch", "ru": "Русский"}

_SPEAKING: ContextVar[str] = ContextVar("speaking", default=ENGLISH)


def speaking() -> str:
    """The language of the person this update or nudge is for."""
    return _SPEAKING.get()


@contextmanager
def speaking_in(language: str) -> Iterator[None]:
    """Speak `language` inside the block, then whatever was spoken before."""
    token = _SPEAKING.set(language if language in LANGUAGES else ENGLISH)
    try:
        yield
    finally:
        _SPEAKING.reset(token)


def set_speaking(language: str) -> None:
    """Speak `language` for the rest of this update (each update runs in its own task)."""
    _SPEAKING.set(language if language in LANGUAGES else ENGLISH)


def negotiate(code: str | None, default: str = ENGLISH, offered: Sequence[str] = LANGUAGES) -> str:
    """A Telegram language_code ("es-MX", "pt-br") as a language we speak, or `default`."""
    if not code:
        return default
    wanted = code.replace("-", "_")
    try:
        found = Locale.negotiate([wanted], list(offered), sep="_")
    except (UnknownLocaleError, ValueError):
        return default
    return str(found) if found is not None and str(found) in offered else default
