"""The thank-you email to one interviewer, picking up on one safe topic from the notes."""

from __future__ import annotations

from dataclasses import replace

from content import Content
from followup.core.drafts import Draft, _body, _company, _fill, _role, _subject, _variant
from followup.core.language import ENGLISH
from followup.core.model import Interview
from followup.core.notes import Topic, TopicKind, greeting_name, interviewers, same_person, topics


def thank_you_email(
    interview: Interview,
    templates: Content,
    *,
    sender: str | None = None,
    interviewer: str | None = None,
    topic: Topic | None = None,
) -> Draft:
    """A thank-you to one interviewer, picking up on one safe topic from the notes."""
    role = _role(interview)
    values = {"company": _company(interview, templates), "role": role or ""}
    people = interviewers(interview.notes, recruiter=interview.recruiter)
    if interviewer is None and len(people) == 1:
        interviewer = people[0]
    if topic is None:
        topic = _pick_topic(interview, interviewer, people)
    thanks = [_fill(templates, _variant("thank_you_body", role), values)]
    if interview.outside_hours:
        thanks.append(_fill(templates, "thank_you_outside_hours", values))
    return Draft(
        _subject(templates, _variant("thank_you_subject", role), values),
        _body(
            templates,
            greeting_name(interviewer),
            [
                " ".join(thanks),
                _topic_line(templates, topic, interviewer),
                _fill(templates, "thank_you_close", values),
            ],
            sender,
        ),
    )


def _pick_topic(interview: Interview, interviewer: str | None, people: list[str]) -> Topic | None:
    """What this interviewer said, else a topic of the user's, a different one per interviewer."""
    found = topics(interview.notes, recruiter=interview.recruiter)
    own = [t for t in found if t.speaker and same_person(t.speaker, interviewer)]
    if own:
        return own[0]
    # Another interviewer's words are used only when the user picks them.
    usable = [t for t in found if t.kind is not TopicKind.NEXT_STEPS and t.speaker is None]
    if not usable:
        return next((t for t in found if t.kind is TopicKind.NEXT_STEPS), None)
    # Interviewers without words of their own take the user's topics in turn, so a panel's
    # emails differ from each other.
    speakers = [t.speaker for t in found if t.speaker]
    others = [p for p in people if not any(same_person(p, s) for s in speakers)]
    place = next((i for i, p in enumerate(others) if same_person(p, interviewer)), 0)
    return usable[place % len(usable)]


# The case a language's "about" line takes its topic in: German "über" + accusative; Russian
# "о"/"об" + prepositional, the preposition written here as it changes before a vowel.
_ABOUT_CASE = {"de": "acc", "ru": "prep"}
_RUSSIAN_OB = frozenset("аиоуыэ")


def _fits(topic: Topic, language: str) -> bool:
    """A topic is quoted only in an email of its own language, in the form the line needs."""
    if topic.language != language:
        return False
    wanted = _ABOUT_CASE.get(language)
    return wanted is None or topic.kind is not TopicKind.ABOUT or topic.case == wanted


def _topic_text(topic: Topic, language: str) -> str:
    if language == "ru" and topic.kind is TopicKind.ABOUT:
        preposition = "об" if topic.text[:1].casefold() in _RUSSIAN_OB else "о"
        return f"{preposition} {topic.text}"
    return topic.text


def _topic_line(templates: Content, topic: Topic | None, interviewer: str | None) -> str:
    if topic is not None and topic.language != ENGLISH and topic.kind is TopicKind.FACT:
        # Notes in the other languages give what was discussed as a noun phrase, not a clause.
        topic = replace(topic, kind=TopicKind.ABOUT, speaker=None)
    if topic is not None and not _fits(topic, templates.language):
        topic = None  # a phrase in another language (or the wrong form) never lands in the email
    if topic is None:
        return _fill(templates, "question_generic", {})
    if topic.kind is TopicKind.NEXT_STEPS:
        return " ".join(
            [_fill(templates, "topic_next_steps", {}), _fill(templates, "question_generic", {})]
        )
    if (
        topic.kind is TopicKind.FACT
        and topic.speaker
        and not same_person(topic.speaker, interviewer)
    ):
        named = {"name": greeting_name(topic.speaker) or "", "topic": topic.text}
        return _fill(templates, "topic_fact_named", named)
    text = _topic_text(topic, templates.language)
    return _fill(templates, f"topic_{topic.kind.value}", {"topic": text})
