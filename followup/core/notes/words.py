"""The shape of one language's note words: what every lexicon_<lang>.py fills in.

English keeps its own, older shape in lexicon.py (its readers salvage a question from a longer
sentence and turn "they" into "you"). The other languages are read more strictly by one shared
reader (other_languages.py): a sentence is a topic only when one of its patterns reads it whole,
and what it quotes is a noun phrase, in the case its preposition or verb gave it.

Every pattern here is written in natural spelling and matched against folded text (folding.py),
so "conocí" and "conoci" read alike. Groups the reader knows: `x` (the topic), `who` (who said
it), `prep` (the preposition before the topic, which may set its case and may hide an article:
"del" is "de el"), `with` (someone the user talked with, not the topic).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Grammatical case of a quoted phrase, for languages whose words change after a preposition:
# German "über die Plattform" (accusative) and "zu der Plattform" (dative); Russian "про
# платформу" (accusative) and "о платформе" (prepositional). A draft picks the frame that fits.
NOMINATIVE = "nom"
ACCUSATIVE = "acc"
DATIVE = "dat"
PREPOSITIONAL = "prep"


@dataclass(frozen=True)
class NoteWords:
    """Everything one language's notes are read with. Patterns match folded text."""

    language: str
    # One hit anywhere drops the sentence, whatever language the note is in.
    unsafe: re.Pattern[str]
    # Sentences that are a topic they told the user about: (case of `x`, pattern).
    facts: tuple[tuple[str, re.Pattern[str]], ...]
    # Sentences that are a subject the user wants to ask about: (case of `x`, pattern).
    asks: tuple[tuple[str, re.Pattern[str]], ...]
    # What happens next: thanked for, never quoted.
    next_steps: re.Pattern[str]
    # A quoted phrase holds none of these: people and pronouns (a "their" we cannot turn into
    # "your"), clause words (a phrase with a verb in it is not a noun phrase), and things that are
    # not facts about the role (the interview itself, the user's own experience, the office, or
    # small talk too vague to mention: "muchas cosas", "Gott und die Welt", "погода").
    people: re.Pattern[str]
    clause: re.Pattern[str]
    not_a_fact: re.Pattern[str]
    # Who may say a fact: a pronoun for "we" or "they" (no one named) or a role ("the CTO").
    subjects: frozenset[str]
    roles: re.Pattern[str]
    # Someone whose words are not the interviewer's to hear back (the recruiter).
    not_interviewer: re.Pattern[str]
    # Prepositions that set the case of what follows them, and the article some of them hold.
    prep_cases: dict[str, str] = field(default_factory=dict)
    contractions: dict[str, str] = field(default_factory=dict)
    # First words written in lower case mid-sentence ("La plataforma" -> "la plataforma").
    lower_first: frozenset[str] = frozenset()
    # A nominative phrase's first word as it reads in the accusative; None: cannot tell, drop it.
    nominative_lead: dict[str, str | None] = field(default_factory=dict)
    # Where a list of the people met begins; a `case` group names the case the names are in.
    met: re.Pattern[str] = re.compile(r"(?!)")
    # A name followed by one of these verbs is someone who interviewed the user.
    said: re.Pattern[str] = re.compile(r"(?!)")
    # Titles before a name, folded, and how each reads in a greeting (German "Herrn" is "Herr").
    titles: dict[str, str] = field(default_factory=dict)
    # Capitalised words that are not names (folded), and endings no name has ("-leiterin").
    not_names: frozenset[str] = frozenset()
    not_name_endings: tuple[str, ...] = ()
    # Words between names in a list ("y", "und", "и"), and small words inside one ("de la").
    separators: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    # Lower-case words a list of names may step over ("heute", "también").
    skippable: frozenset[str] = frozenset()
    # How a name written in a case reads in the nominative: case -> ((ending, before, new), ...):
    # the ending is replaced by `new` when what comes before it ends in one of `before` (empty:
    # anything). The case is the name of the group of `met` that matched.
    name_endings: dict[str, tuple[tuple[str, tuple[str, ...], str], ...]] = field(
        default_factory=dict
    )
    name_exceptions: dict[str, str] = field(default_factory=dict)
