"""Ready-to-copy emails and call notes, filled in from what the user told us in the debrief.

Everything here is plain text: the words come from content/drafts.toml unescaped, and the caller
escapes the result (or sends it as plain text). An email is a Draft with its subject apart, so the
subject is never pasted into the body. Facts we do not have are left out, never blank. What an
email may take from the private notes is decided in followup/core/notes/.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, tzinfo

from content import Content
from followup.core.model import Interview, Rating, company_display
from followup.core.notes import (
    Topic,
    TopicKind,
    greeting_name,
    interviewers,
    person_name,
    same_person,
    topics,
)

__all__ = [
    "Draft",
    "Topic",
    "TopicKind",
    "chase_email",
    "feedback_summary",
    "interviewers",
    "long_day",
    "notes_digest",
    "rejection_reply",
    "thank_you_email",
    "topics",
    "written_offer_request",
]

FIELD_LIMIT = 120  # company and role: the debrief keeps them shorter, drafts made elsewhere may not
NAME_LIMIT = 40
NOTES_LIMIT = 150
SUBJECT_LIMIT = 150
_TRAILING = " \t.,;:!?-–—…"


@dataclass(frozen=True, slots=True)
class Draft:
    """An email to copy: the subject line, and the body from greeting to signature."""

    subject: str
    body: str


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


def chase_email(
    interview: Interview,
    templates: Content,
    today: date,
    *,
    zone: tzinfo = UTC,
    sender: str | None = None,
    second: bool = False,
    first_sent: date | None = None,
    contact: str | None = None,
) -> Draft:
    """A polite note asking about the timeline: to the recruiter on the agency route, else them.

    The second one is shorter and points back to the first (sent on `first_sent`, or on the first
    follow-up the interview records) instead of repeating it.
    """
    role = _role(interview)
    agency = "_agency" if interview.via_agency else ""
    values = {
        "company": _company(interview, templates),
        "role": role or "",
        "day": long_day(interview.when.astimezone(zone).date(), today),
    }
    if second:
        if first_sent is None and interview.chases:
            first_sent = interview.chases[0].astimezone(zone).date()
        sent = "" if first_sent is None else "_dated"
        values["day"] = long_day(first_sent, today) if first_sent else ""
        subject = _subject(templates, _variant("second_chase_subject", role), values)
        paragraphs = [
            _fill(templates, _variant(f"second_chase_body{agency}{sent}", role), values),
            _fill(templates, f"second_chase_ask{agency}", values),
        ]
    else:
        subject = _subject(templates, _variant("chase_subject", role), values)
        opening = [_fill(templates, _variant(f"chase_body{agency}", role), values)]
        if interview.decision_date is not None:
            decided = {"day": long_day(interview.decision_date, today)}
            opening.append(_fill(templates, f"chase_decision_line{agency}", decided))
        paragraphs = [" ".join(opening), _fill(templates, f"chase_ask{agency}", values)]
    closing = "second_chase_close" if second else "chase_close"
    paragraphs.append(_fill(templates, f"{closing}{agency}", values))
    return Draft(subject, _body(templates, _addressee(interview, contact), paragraphs, sender))


def rejection_reply(
    interview: Interview,
    templates: Content,
    *,
    sender: str | None = None,
    contact: str | None = None,
) -> Draft:
    """A gracious answer to a no: thanks, a request for brief feedback, the door left open."""
    return _outcome_reply(
        interview, templates, "rejection", "feedback", sender, contact, agency_subject=True
    )


def written_offer_request(
    interview: Interview,
    templates: Content,
    *,
    sender: str | None = None,
    contact: str | None = None,
) -> Draft:
    """After a verbal offer: thanks, and the offer in writing with its details and a deadline."""
    return _outcome_reply(
        interview, templates, "offer", "in_writing", sender, contact, agency_subject=False
    )


def _outcome_reply(
    interview: Interview,
    templates: Content,
    kind: str,
    ask: str,
    sender: str | None,
    contact: str | None,
    *,
    agency_subject: bool,
) -> Draft:
    """The shape both answers to news share: thanks, the one request, a warm close; each part
    (and the subject, if `agency_subject`) in its agency wording on that route."""
    role = _role(interview)
    agency = "_agency" if interview.via_agency else ""
    values = {"company": _company(interview, templates), "role": role or ""}
    paragraphs = [
        _fill(templates, _variant(f"{kind}_thanks{agency}", role), values),
        _fill(templates, f"{kind}_{ask}{agency}", values),
        _fill(templates, f"{kind}_close{agency}", values),
    ]
    subject = f"{kind}_subject{agency if agency_subject else ''}"
    return Draft(
        _subject(templates, _variant(subject, role), values),
        _body(templates, _addressee(interview, contact), paragraphs, sender),
    )


def feedback_summary(interview: Interview, templates: Content) -> str:
    """Bullet points for the user's own call to the recruiter: private, so notes may be in it."""
    role = _role(interview)
    values = {"company": _company(interview, templates), "role": role or ""}
    lines = [_fill(templates, _variant("feedback_title", role), values)]
    if interview.rating is not None:
        rating = templates.label(f"ratings.{int(interview.rating)}")
        lines.append(_fill(templates, "feedback_rating", {"rating": rating}))
    notes = notes_digest(interview.notes)
    if notes:
        lines.append(_fill(templates, "feedback_notes", {"notes": notes}))
    else:
        lines.append(_fill(templates, "feedback_notes_missing", {}))
    if interview.rating in (Rating.ROUGH, Rating.MIXED):
        lines.append(_fill(templates, "feedback_tip_rough", {}))
    lines.append(_fill(templates, "feedback_cover", {}))
    return "\n".join(lines)


def notes_digest(notes: str | None) -> str:
    """The notes on one line, bullets and spacing tidied, cut to NOTES_LIMIT characters."""
    text = ""
    for line in (notes or "").splitlines():
        piece = " ".join(line.split()).lstrip("-*•·> ").strip()
        if not piece.strip(_TRAILING):
            continue
        if text:
            text += " " if text[-1] in ".!?" else "; "
        text += piece
        if len(text) > NOTES_LIMIT:
            break
    return _clip(text, NOTES_LIMIT)


def long_day(day: date, today: date) -> str:
    """'Tuesday 24 November', with the year when it is not the current one."""
    text = f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"
    return text if day.year == today.year else f"{text} {day.year}"


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


def _topic_line(templates: Content, topic: Topic | None, interviewer: str | None) -> str:
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
    return _fill(templates, f"topic_{topic.kind.value}", {"topic": topic.text})


def _addressee(interview: Interview, contact: str | None) -> str | None:
    """Who an email goes to: the recruiter on the agency route, else the contact we know."""
    if interview.via_agency:
        return greeting_name(interview.recruiter)
    if contact:
        return greeting_name(contact)
    people = interviewers(interview.notes, recruiter=interview.recruiter)
    return greeting_name(people[0]) if people else None


def _subject(templates: Content, key: str, values: dict[str, str]) -> str:
    """A subject line; huge company and role names are cut so it stays one glance long."""
    return _clip(_fill(templates, key, values), SUBJECT_LIMIT)


def _body(templates: Content, name: str | None, paragraphs: list[str], sender: str | None) -> str:
    if name:
        greeting = _fill(templates, "greeting_named", {"name": name})
    else:
        greeting = _fill(templates, "greeting_team", {})
    return "\n\n".join([greeting, *paragraphs, _sign_off(templates, sender)])


def _sign_off(templates: Content, sender: str | None) -> str:
    name = _clean(person_name(sender) if sender else None, NAME_LIMIT)
    sign_off = templates.label("drafts.sign_off")
    return f"{sign_off}\n{name}" if name else sign_off


def _role(interview: Interview) -> str | None:
    """The role as it reads after "the": "the Data Analyst role", never "the the ... role role"."""
    role = _clean(interview.role, FIELD_LIMIT)
    if role is None:
        return None
    words = role.split()
    if words[0].lower() in ("the", "a", "an") and len(words) > 1:
        words = words[1:]
    if words[-1].lower() in ("role", "position", "job", "post") and len(words) > 1:
        words = words[:-1]
    return " ".join(words)


def _company(interview: Interview, templates: Content) -> str:
    company = _clean(company_display(interview.company), FIELD_LIMIT)
    return company or templates.label("drafts.company_fallback")


def _clip(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word and marked with an ellipsis, no end punctuation."""
    text = " ".join(text.split()).rstrip(_TRAILING)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(_TRAILING) + "…"


def _clean(value: str | None, limit: int) -> str | None:
    """User text on one line with single spaces, or None when there is nothing left."""
    if value is None:
        return None
    # A closing full stop would double up with the sentence's own: "join Acme Inc.."
    text = " ".join(value.split()).rstrip(" .,;:")
    return (_clip(text, limit) if len(text) > limit else text) or None


def _variant(key: str, role: str | None) -> str:
    return key if role else f"{key}_no_role"


def _fill(templates: Content, key: str, values: dict[str, str]) -> str:
    """The raw template (no HTML escaping: this is plain text) with the values put in."""
    # A shortened value ends in "…"; the sentence's own full stop after it would read "…."
    return templates.label(f"drafts.{key}").format_map(values).replace("….", "…")
