"""What a topic is: the kinds a thank-you can pick up on, and one found in the notes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from followup.core.language import ENGLISH


class TopicKind(StrEnum):
    FACT = "fact"  # "the team is doubling": something they told the user
    ABOUT = "about"  # "the team size": a subject the user wants to ask about
    WHETHER = "whether"  # "whether the role is hybrid": the user's question, asked indirectly
    QUESTION = "question"  # "what's the release cadence?": the user's question as they wrote it
    NEXT_STEPS = "next_steps"  # they explained what happens next; the draft never quotes it


@dataclass(frozen=True, slots=True)
class Topic:
    """One safe thing a thank-you can pick up on, with a short label for a button.

    A topic read from notes in Spanish, German or Russian is a noun phrase in the user's own words
    ("la plataforma de datos", "die Datenplattform", "платформу данных"), written to follow that
    language's "about" once its preposition is taken off. Where the language changes a noun's
    ending after a preposition, `case` says which form it is in (words.py: "acc" fits German
    "über" and Russian "про", "dat" German "zu", "prep" Russian "о"/"об", "nom" neither).
    """

    kind: TopicKind
    text: str  # as it reads in the email, "they" already turned to "you"; empty for NEXT_STEPS
    label: str  # the user's own words, short
    speaker: str | None = None  # who said it, when the notes name them
    language: str = ENGLISH  # the language the notes said it in; a draft quotes only its own
    case: str = ""  # the grammatical case of `text`, where its language has them
