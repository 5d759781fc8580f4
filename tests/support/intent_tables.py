"""The machinery of the intent tables: each language's lists of messages flattened into rows, and
the checks every language runs on them with its own phrase book.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from followup.core.intent import Topic, news_outcome, understand
from followup.core.model import Outcome
from followup.core.phrasebook import Phrasebook


def asked_rows(asked: Mapping[Topic, Sequence[str]]) -> list[tuple[str, Topic]]:
    """(message, the topic it asks about), for every message of every topic."""
    return [(text, topic) for topic, texts in asked.items() for text in texts]


def near_rows(
    near: Mapping[Topic, Sequence[tuple[str, Topic | None]]],
) -> list[tuple[str, Topic | None, Topic]]:
    """(message, where it belongs, the topic it nearly asks about), for every near miss."""
    return [(text, expected, topic) for topic, pairs in near.items() for text, expected in pairs]


def outcome_rows(outcomes: Mapping[Outcome, Sequence[str]]) -> list[tuple[str, Outcome]]:
    """(message, the outcome it tells), for every piece of news."""
    return [(text, outcome) for outcome, texts in outcomes.items() for text in texts]


def check_near_miss(text: str, expected: Topic | None, topic: Topic, book: Phrasebook) -> None:
    """A near miss goes where it belongs, never to the topic it nearly asks about."""
    assert expected is not topic
    assert understand(text, book) is expected


def check_ordinary(text: str, book: Phrasebook) -> None:
    """An ordinary message is none of ours: no topic, no news."""
    assert understand(text, book) is None
    assert news_outcome(text, book) is None


def check_unsaid_news(text: str, book: Phrasebook) -> None:
    """News that does not say what: news, with no outcome."""
    assert understand(text, book) is Topic.NEWS
    assert news_outcome(text, book) is None


def check_news_lists_are_long_enough(outcomes: Mapping[Outcome, Sequence[str]]) -> None:
    """Every outcome has at least 15 ways of saying it."""
    assert all(len(texts) >= 15 for texts in outcomes.values())
