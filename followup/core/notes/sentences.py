"""Notes cut into sentences, and the wording of a piece tidied the way an email quotes it."""

from __future__ import annotations

import unicodedata

from followup.core.notes.lexicon import (
    BULLET,
    CONTRACTION,
    CONTRACTIONS,
    DOUBLED,
    LOWER_FIRST,
    QUESTION_WORDS,
    SPLIT,
    THEY,
    TRAILING,
    YOU,
)

LABEL_LIMIT = 40  # a button label the user can read at a glance
READ_LIMIT = 20_000  # notes past this are not read: the debrief keeps them far shorter


def pieces(notes: str | None) -> list[str]:
    """Sentences, lines and bullet points of the notes, spacing collapsed, empty ones dropped."""
    if not notes:
        return []
    # Spacing first, line by line: long runs of blanks would make the splitting slow.
    text = "\n".join(" ".join(line.split()) for line in notes[:READ_LIMIT].splitlines())
    cut = (BULLET.sub("", " ".join(part.split())) for part in SPLIT.split(text) if part)
    return [piece for piece in cut if piece.strip(TRAILING)]


def normal(piece: str) -> str:
    """Straight apostrophes, common missing ones put back, spacing tidied."""
    text = piece.replace("’", "'").replace("‘", "'").strip()
    text = CONTRACTION.sub(lambda m: match_case(m[1], CONTRACTIONS[m[1].lower()]), text)
    return " ".join(text.split())


def tidy(text: str) -> str:
    """End punctuation off, doubled words ("the the") once, spacing single."""
    text = DOUBLED.sub(r"\1", " ".join(text.split()))
    return text.strip(TRAILING).strip()


def strip_emoji(text: str) -> str:
    """The text without emoji, symbols or marks, spacing collapsed."""
    kept = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("So", "Sk", "Cs", "Co", "Cf", "Mn")
    )
    return " ".join(kept.split())


def lower_first(text: str) -> str:
    """Mid-sentence: "The roadmap" reads "the roadmap"; "Kubernetes" keeps its capital."""
    first, _, rest = text.partition(" ")
    if first.lower() in LOWER_FIRST or (
        first[:1].isupper() and first[1:].islower() and first.lower() in QUESTION_WORDS
    ):
        return f"{first.lower()} {rest}".rstrip()
    return text


def to_you(text: str) -> str:
    """The user's "they" is the company they write to: "their stack" becomes "your stack"."""
    return THEY.sub(lambda m: match_case(m.group(0), YOU[m.group(0).lower()]), text)


def button_label(text: str) -> str:
    """Short enough for a button: cut at a word, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= LABEL_LIMIT:
        return text
    cut = text[: LABEL_LIMIT - 1].rsplit(" ", 1)[0]
    return cut.rstrip(TRAILING) + "…"


def match_case(original: str, replacement: str) -> str:
    """The replacement, capitalised when the original was."""
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement
