"""The phrase lists each language keeps in its phrases.toml, and the book for each language."""

from __future__ import annotations

from functools import cache

from content import read_phrase_lists
from followup.core.language import ENGLISH, speaking
from followup.core.phrasebook import Phrasebook

# Every list content/en/phrases.toml holds, by name (the loader reads `phrases.<name>` for each).
PHRASE_LISTS: tuple[str, ...] = (
    "question_cues",
    "known_words",
    "chase_verbs",
    "chase",
    "chase_cues",
    "chase_excludes",
    "chase_subjects",
    "silence",
    "ghosted",
    "ghosted_not",
    "what_now",
    "heard",
    "news_offer",
    "news_rejected",
    "news_withdrew",
    "news_next_round",
    "news_next_round_about",
    "news_next_round_with",
    "news_not",
    "thank_you",
    "thank_you_not",
    "recruiter_call",
    "recruiter_call_about",
    "recruiter_call_with",
    "offer",
    "offer_about",
    "offer_with",
    "offer_time",
    "offer_writing",
    "offer_decline",
    "offer_negotiate",
    "offer_accept",
    "call_instead_about",
    "call_instead_with",
    "linkedin",
    "linkedin_not",
    "company_before",
    "not_companies",
    # Typed answers that mean a button (followup/core/tapped.py).
    "yes_words",
    "no_words",
    "answer_fillers",
    "rating_1",
    "rating_2",
    "rating_3",
    "rating_4",
    "rating_fillers",
    "yes_acknowledged",
    "direct_words",
    "agency_words",
    "agency_leads",
    "agency_verbs",
    "recruiter_leads",
    # News told in passing (followup/core/news.py).
    "news_follow_up_sent",
    "news_thank_you_sent",
    "news_sent_something",
    "news_moved",
    "news_new_interview",
    "news_offer_more",
    "news_rejected_more",
    "news_heard_more",
    "news_negations",
    "news_others",
    "news_self",
)


@cache
def phrasebook_for(language: str) -> Phrasebook:
    """English's lists with the language's own added: people mix in English words and dates."""
    english = read_phrase_lists(ENGLISH)
    own = read_phrase_lists(language) if language != ENGLISH else {}
    return Phrasebook.from_lists(
        {name: "\n".join(filter(None, (own.get(name), english.get(name)))) for name in PHRASE_LISTS}
    )


def spoken_phrasebook() -> Phrasebook:
    """The book of the language being spoken now (see followup/core/language.py)."""
    return phrasebook_for(speaking())
