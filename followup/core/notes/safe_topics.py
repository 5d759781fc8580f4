"""What an email may take from the user's private notes: who they met, and a few safe topics.

Notes hold impressions, complaints, pay grumbles and nerves next to the facts. Only two kinds of
sentence may reach an employer: facts about the role, team or next steps, and the user's own
questions. Anything that reads like a feeling, a judgement, money, the user themselves or someone
else's words is dropped, and so is anything we cannot parse cleanly: the draft then says something
generic instead. Dropping a good topic costs a little warmth; quoting a complaint costs the job.
"""

from __future__ import annotations

import re

from followup.core.language import speaking
from followup.core.notes.lexicon import (
    AFTERTHOUGHT,
    ASK,
    ASK_ABOUT,
    ASK_CLAUSE,
    ASK_OBJECT,
    BARE_STATEMENT,
    BULLET,
    EMOTICON,
    FIRST_PERSON,
    LABELLED,
    LATER,
    MARKUP,
    NEXT_STEPS,
    NOT_A_FACT,
    NOT_NAMES,
    OTHER_PEOPLE,
    OWN_QUESTION,
    QUESTION_START,
    SAID,
    SELF_NOTE,
    SPEAKER_NOT_INTERVIEWER,
    STATEMENT,
    TALKED,
    UNSAFE,
)
from followup.core.notes.lexicons import lexicons, unsafe_in_other_languages
from followup.core.notes.names import greeting_name, interviewers, same_person
from followup.core.notes.other_topics import topic_in
from followup.core.notes.sentences import (
    button_label,
    lower_first,
    normal,
    pieces,
    strip_emoji,
    tidy,
    to_you,
)
from followup.core.notes.topic import Topic, TopicKind

TOPIC_LIMIT = 3
FACT_WORDS = 16  # longer than this and the sentence is a story, not a fact to mention
ABOUT_WORDS = 10
CLAUSE_WORDS = 16
PIECE_LIMIT = 200  # a longer run-on is not something to quote at all


def topics(notes: str | None, *, recruiter: str | None = None) -> list[Topic]:
    """Up to three safe things to pick up on: a fact first, then a question, then the rest."""
    people = interviewers(notes, recruiter=recruiter)
    language = speaking()
    found: list[Topic] = []
    for piece in pieces(notes):
        topic = _topic(piece, people, language)
        if topic is None or any(t.text == topic.text and t.kind == topic.kind for t in found):
            continue
        if topic.kind is TopicKind.NEXT_STEPS and any(t.kind is topic.kind for t in found):
            continue
        found.append(topic)
    firsts: list[Topic] = []
    for group in (
        (TopicKind.FACT,),
        (TopicKind.QUESTION, TopicKind.WHETHER, TopicKind.ABOUT),
        (TopicKind.NEXT_STEPS,),
    ):
        first = next((t for t in found if t.kind in group), None)
        if first is not None:
            firsts.append(first)
    rest = [t for t in found if t not in firsts]
    return (firsts + rest)[:TOPIC_LIMIT]


def _topic(piece: str, people: list[str], language: str) -> Topic | None:
    """Read with the language we speak to the user first, then English. Every other language's
    unsafe list is checked on the whole sentence; the English reader checks its own list on what
    it would quote, as it always has (it cuts "…, but ran out of time" off a question first)."""
    text = normal(piece)
    if not text or len(text) > PIECE_LIMIT or MARKUP.search(text) or EMOTICON.search(text):
        return None
    if unsafe_in_other_languages(text):
        return None
    words = lexicons().get(language)
    if words is not None:
        if UNSAFE.search(text):
            return None
        topic = topic_in(text, words, people)
        if topic is not None:
            return topic
    return _question(text) or _fact(text, people) or _next_steps(text)


def _question(text: str) -> Topic | None:
    """The user's own question, in whichever of the usual ways they wrote it down."""
    text = strip_emoji(text)
    labelled = LABELLED.match(text)
    if labelled:
        rest = text[labelled.end() :]
        return _direct(rest) or _asked(rest) or _about(rest, listed=True)
    text = SELF_NOTE.sub("", text)
    return _asked(text) or _direct(text)


def _asked(text: str) -> Topic | None:
    """ "ask about X", "want to know whether X", "I'm curious how X": what X is, and how."""
    lead = ASK.match(text)
    if lead is None:
        return None
    rest = text[lead.end() :]
    if rest.startswith((":", "-", "–")):
        return _direct(rest.lstrip(":-– "))
    obj = ASK_OBJECT.match(rest)
    if obj and (obj.group("name") is None or obj.group("name").lower() not in NOT_NAMES):
        rest = rest[obj.end() :]
    if lead.group("verb").lower() == "check" and not ASK_CLAUSE.match(rest):
        return None  # "check the train times" is a chore, not a question
    clause = ASK_CLAUSE.match(rest)
    if clause:
        return _clause(clause.group("w"), clause.group("x"))
    return _about(rest, listed=False)


def _about(text: str, *, listed: bool) -> Topic | None:
    """ "the team size": a subject to ask about, "about" already taken off."""
    match = ASK_ABOUT.match(text)
    if match:
        text = match.group("x")
    elif not listed:
        return None
    subject = tidy(LATER.sub("", AFTERTHOUGHT.sub("", text)))
    if listed and ", " in subject and " and " not in subject:
        head, _, last = subject.rpartition(", ")
        subject = f"{head}, {last}" if head.count(", ") else f"{head} and {last}"
    if not _safe_phrase(subject, ABOUT_WORDS) or QUESTION_START.match(subject):
        return None
    return Topic(TopicKind.ABOUT, to_you(lower_first(subject)), button_label(subject + "?"))


def _clause(word: str, rest: str) -> Topic | None:
    """ "whether the role is hybrid": "if" becomes "whether", the rest stays as written."""
    lead = "whether" if word.lower() in ("if", "whether") else word.lower()
    clause = tidy(LATER.sub("", AFTERTHOUGHT.sub("", rest)))
    if not _safe_phrase(clause, CLAUSE_WORDS):
        return None
    text = f"{lead} {clause}"
    return Topic(TopicKind.WHETHER, to_you(text), button_label(text + "?"))


def _direct(text: str) -> Topic | None:
    """ "what's the release cadence?": kept as a question, pronouns turned to "you"."""
    if not text.rstrip().endswith("?"):
        return None
    question = tidy(LATER.sub("", text.strip()))
    if not QUESTION_START.match(question) or len(question.split()) < 3:
        return None
    if FIRST_PERSON.search(question) and not OWN_QUESTION.match(question):
        return None
    rest = OWN_QUESTION.sub("", question) if OWN_QUESTION.match(question) else question
    if not _safe_phrase(rest, CLAUSE_WORDS, allow_empty=True):
        return None
    return Topic(
        TopicKind.QUESTION, to_you(lower_first(question)) + "?", button_label(question + "?")
    )


def _fact(text: str, people: list[str]) -> Topic | None:
    """Something they told the user about the role or team, and who said it when named."""
    if text.endswith("?") or strip_emoji(text) != text:
        return None  # an emoji after a fact is how the user felt about it
    said = SAID.match(text) or TALKED.match(text)
    if said:
        who = said.group("who") or said.groupdict().get("who2")
        fact = said.group("x")
    elif STATEMENT.match(text):
        who, fact = None, text
    elif BARE_STATEMENT.match(text):
        who, fact = None, f"the {text[0].lower()}{text[1:]}"
    else:
        return None
    if who is not None and (SPEAKER_NOT_INTERVIEWER.search(who) or who.lower() in ("i", "me")):
        return None  # what the recruiter or the user said is not the interviewer's to hear back
    fact = tidy(fact)
    if NEXT_STEPS.search(fact) or NOT_A_FACT.search(fact):
        return None
    if not _safe_phrase(fact, FACT_WORDS) or len(fact.split()) < 2:
        return None
    speaker = next((p for p in people if who and same_person(who, p)), None)
    label = f"{greeting_name(speaker)}: {fact}" if speaker else fact
    return Topic(TopicKind.FACT, to_you(lower_first(fact)), button_label(label), speaker)


def _next_steps(text: str) -> Topic | None:
    """They said what happens next: worth a thank-you line, never worth quoting."""
    text = strip_emoji(text)
    if not NEXT_STEPS.search(text) or UNSAFE.search(text) or text.endswith("?"):
        return None
    return Topic(TopicKind.NEXT_STEPS, "", button_label(tidy(BULLET.sub("", text))))


def _safe_phrase(text: str, words: int, *, allow_empty: bool = False) -> bool:
    """Short, plain, and about them: no feelings, money, the user, or a pronoun we can't place."""
    count = len(text.split())
    if count == 0:
        return allow_empty
    return (
        count <= words
        and not UNSAFE.search(text)
        and not FIRST_PERSON.search(text)
        and not OTHER_PEOPLE.search(text)
        and not MARKUP.search(text)
        and not any(len(word) > 4 and word.isupper() for word in re.findall(r"\w+", text))
    )
