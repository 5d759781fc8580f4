"""Safe topics in notes written in Spanish, German or Russian.

Stricter than the English reader, on purpose: a sentence is a topic only when one of the
language's patterns reads it whole ("hablamos de la plataforma de datos", "wir haben über die
Datenplattform gesprochen", "обсуждали платформу данных"), and what is quoted is the noun phrase
alone, its preposition off ("de", "über", "о"), an article a preposition held put back ("del
equipo" is "el equipo"), in the user's own words and spelling. A phrase with a pronoun, a verb,
a question word or anything that is not about the role is not quoted: we cannot turn "their"
into "your" in these languages as the English reader does, and a phrase we cannot place is not
worth the risk. The caller has already checked the sentence against every language's unsafe list.
"""

from __future__ import annotations

import re

from followup.core.notes.folding import Folded, words
from followup.core.notes.lexicon import FIRST_PERSON, MARKUP, OTHER_PEOPLE
from followup.core.notes.names import greeting_name, same_person
from followup.core.notes.other_names import is_title
from followup.core.notes.sentences import button_label, strip_emoji, tidy
from followup.core.notes.topic import Topic, TopicKind
from followup.core.notes.words import ACCUSATIVE, NOMINATIVE, NoteWords
from followup.core.phrasebook import fold

PHRASE_WORDS = 10  # a longer "topic" is a story, not a subject to mention
# A phrase never starts with a preposition: one left there means the pattern misread the sentence.
_PREPOSITIONS = frozenset(
    words(
        "de del al a en con por para sobre acerca uber ubers ueber um ums von vom zu zum zur mit "
        "nach bei о об обо про с со по в на"
    )
)
_WORD = re.compile(r"[\w'-]+")


def topic_in(piece: str, words: NoteWords, people: list[str]) -> Topic | None:
    """The one safe topic a sentence in this language gives, or None."""
    text = " ".join(piece.replace("’", "'").split()).strip(" \t.,;:!…")
    if not text or strip_emoji(text) != text or "?" in text or "¿" in text:
        return None  # an emoji is how the user felt; a question is not read in these languages
    folded = Folded(text)
    for kind, table in ((TopicKind.FACT, words.facts), (TopicKind.ABOUT, words.asks)):
        for case, pattern in table:
            match = pattern.match(folded.text)
            topic = match and _read(match, folded, kind, case, words, people)
            if topic:
                return topic
    if words.next_steps.search(folded.text):
        return Topic(TopicKind.NEXT_STEPS, "", button_label(tidy(text)), language=words.language)
    return None


def _read(
    match: re.Match[str],
    folded: Folded,
    kind: TopicKind,
    case: str,
    words: NoteWords,
    people: list[str],
) -> Topic | None:
    phrase = tidy(folded.group(match, "x") or "")
    shown = phrase  # the label keeps the user's words; the email may need another form
    prep = match.groupdict().get("prep")
    if prep:
        last = prep.split()[-1]
        case = words.prep_cases.get(last, case)
        if last in words.contractions:
            phrase = f"{words.contractions[last]} {phrase}"
    if not _plain_noun_phrase(phrase, words) or any(same_person(phrase, p) for p in people):
        return None  # "hablamos de Marta" is about a person, not a topic
    if case == NOMINATIVE and words.nominative_lead:
        phrase = _as_accusative(phrase, words)
        case = ACCUSATIVE
        if not phrase:
            return None
    speaker, ok = _speaker(folded.group(match, "who"), words, people)
    if not ok:
        return None
    text = _lower_first(phrase, words)
    label = f"{greeting_name(speaker)}: {shown}" if speaker else shown
    if kind is TopicKind.ABOUT:
        label += "?"
    return Topic(kind, text, button_label(label), speaker, language=words.language, case=case)


def _plain_noun_phrase(phrase: str, words: NoteWords) -> bool:
    """Short, about the role, and nothing in it but a noun and its words."""
    found = _WORD.findall(phrase)
    folded = fold(phrase)
    return (
        0 < len(found) <= PHRASE_WORDS
        and fold(found[0]) not in _PREPOSITIONS
        and not words.people.search(folded)
        and not words.clause.search(folded)
        and not words.not_a_fact.search(folded)
        and not words.next_steps.search(folded)
        and not FIRST_PERSON.search(phrase)
        and not OTHER_PEOPLE.search(phrase)
        and not MARKUP.search(phrase)
        and not any(len(word) > 4 and word.isupper() for word in found)
    )


def _as_accusative(phrase: str, words: NoteWords) -> str:
    """A nominative phrase ("der Umzug") as the accusative an "about" needs ("den Umzug"); empty
    when its first word cannot tell (German "ein" is masculine or neuter)."""
    first, _, rest = phrase.partition(" ")
    if first[:1].isupper():
        return phrase  # a noun without an article reads the same in both
    lead = words.nominative_lead.get(fold(first), first if fold(first) in ("die", "das") else None)
    if lead is None:
        return ""
    return f"{lead} {rest}".strip()


def _speaker(who: str | None, words: NoteWords, people: list[str]) -> tuple[str | None, bool]:
    """Who said it, when named among the people met; ok is False when it is someone whose words
    are not the interviewer's (the recruiter) or a subject we cannot place."""
    if not who:
        return None, True
    folded = fold(who)
    if words.not_interviewer.search(folded):
        return None, False
    if folded in words.subjects or words.roles.fullmatch(folded):
        return None, True
    tokens = who.split()
    if not all(token[:1].isupper() for token in tokens) or fold(tokens[0]) in words.not_names:
        return None, False
    if len(tokens) > 1 and not is_title(tokens[0]) and fold(tokens[-1]) in words.not_names:
        return None, False
    return next((p for p in people if same_person(who, p)), None), True


def _lower_first(phrase: str, words: NoteWords) -> str:
    """Mid-sentence, "La plataforma" reads "la plataforma"; "Datenplattform" keeps its capital."""
    first, _, rest = phrase.partition(" ")
    if fold(first) in {fold(word) for word in words.lower_first}:
        return f"{first.lower()} {rest}".rstrip()
    return phrase
