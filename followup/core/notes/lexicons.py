"""Every language's note words, and the one rule they share: a hit in any list drops a sentence.

The language of the notes is never known for sure (a German user may write English notes, or mix
both), so every sentence is checked against every language's list of what is never quoted.
"""

from __future__ import annotations

import importlib
import re
from functools import cache

from followup.core.notes.lexicon import UNSAFE
from followup.core.notes.words import NoteWords
from followup.core.phrasebook import fold

# The languages read with the shared reader; English has its own (lexicon.py).
_MODULES = ("lexicon_es", "lexicon_de", "lexicon_ru")


@cache
def lexicons() -> dict[str, NoteWords]:
    """Each language's words, by code: compiled at the first note read (40 ms), not at start."""
    found = (importlib.import_module(f"followup.core.notes.{name}").WORDS for name in _MODULES)
    return {words.language: words for words in found}


# Money as figures, in any language: "45k", "200к", "60 mil", "80 Tsd", "150 тыс", "₽".
MONEY = re.compile(r"[£$€¥₽]|(?<!\w)\d+(?:[.,]\d+)?\s?(?:k|к|mil|tsd|тыс)(?!\w)")


def unsafe_in_other_languages(text: str) -> bool:
    """Whether the Spanish, German or Russian lists (or a sum of money) find something."""
    folded = fold(text)
    return bool(MONEY.search(folded)) or any(w.unsafe.search(folded) for w in lexicons().values())


def unsafe_anywhere(text: str) -> bool:
    """Whether any language's list finds a feeling, a judgement, money or a hedge in the text."""
    return bool(UNSAFE.search(text)) or unsafe_in_other_languages(text)
