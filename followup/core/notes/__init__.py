"""What an email may take from the user's private notes: who they met, and a few safe topics.

names.py finds the people, safe_topics.py the sentences fit to quote, sentences.py cuts and tidies
the text, lexicon.py holds the word lists all three read with.
"""

from followup.core.notes.names import greeting_name, interviewers, person_name, same_person
from followup.core.notes.safe_topics import TOPIC_LIMIT, Topic, TopicKind, topics

__all__ = [
    "TOPIC_LIMIT",
    "Topic",
    "TopicKind",
    "greeting_name",
    "interviewers",
    "person_name",
    "same_person",
    "topics",
]
