"""Which language a reply is in: a sentence written in another language than the user's is a
translation gap (a key missing, English glued in by code). lingua tells the four apart.

Names, companies, dates and quoted examples are not sentences of any language, so only sentences
of several words, with those taken out, are judged; and only a confident call counts.
"""

from __future__ import annotations

import html
import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from tests.support.fake_telegram import BotMessage

CODES = {"en": Language.ENGLISH, "es": Language.SPANISH, "de": Language.GERMAN,
         "ru": Language.RUSSIAN}  # fmt: skip
MIN_WORDS = 5  # shorter bits ("OK", "Acme — 3 Dec") say too little to call
CONFIDENT = 0.9  # lingua's confidence for another language before it counts
_SENTENCE = re.compile(r"(?<=[.!?:;])\s+|\n+")
_IGNORED = re.compile(
    r"«[^»]*»|„[^“]*“|“[^”]*”|\"[^\"]*\"|\([^)]*\)|https?://\S+|/\w+|\d[\d:./-]*|[^\w\s]"
)


def _blocks(message: BotMessage) -> list[tuple[int, int]]:
    """Where the message's copy blocks (pre/code entities) are, in Python string positions."""
    units = message.text.encode("utf-16-le")
    spans = []
    for entity in message.entities:
        if entity.get("type") in ("pre", "code"):
            start = len(units[: entity["offset"] * 2].decode("utf-16-le"))
            end = len(units[: (entity["offset"] + entity["length"]) * 2].decode("utf-16-le"))
            spans.append((start, end))
    return spans


def code_blocks(message: BotMessage) -> list[str]:
    """The text of the message's copy blocks (a draft's subject and body), in order."""
    return [message.text[start:end] for start, end in _blocks(message)]


def prose(message: BotMessage) -> str:
    """The message without its copy blocks: what the bot says, not the email it drafted."""
    text = message.text
    for start, end in sorted(_blocks(message), reverse=True):
        text = text[:start] + "\n" + text[end:]
    return text


def plain(text: str) -> str:
    """Our HTML words as the user sees them: no tags, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


@cache
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*CODES.values()).build()


def foreign_sentences(text: str, language: str, known: tuple[str, ...] = ()) -> list[str]:
    """The sentences of `text` confidently in another of the four languages than `language`."""
    found = []
    for sentence in _SENTENCE.split(text):
        bare = _IGNORED.sub(" ", sentence)
        for name in known:
            bare = bare.replace(name, " ")
        kept = [word for word in bare.split() if not word[:1].isupper() or word == bare.split()[0]]
        if len(kept) < MIN_WORDS:
            continue
        values = detector().compute_language_confidence_values(" ".join(kept))
        best = values[0]
        if best.language != CODES[language] and best.value >= CONFIDENT:
            found.append(sentence)
    return found
