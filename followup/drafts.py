"""Ready-to-copy emails and call notes, filled in from what the user told us in the debrief.

Everything here is plain text: the words come from content/drafts.toml unescaped, and the caller
escapes the result (or sends it as plain text). Facts we do not have are left out, never blank.
"""

from __future__ import annotations

import re
from datetime import UTC, date, tzinfo

from content import Content
from followup.model import Interview, Rating

FIELD_LIMIT = 120  # company and role: the debrief keeps them shorter, drafts made elsewhere may not
NAME_LIMIT = 40
TOPIC_LIMIT = 120
NOTES_LIMIT = 150

_NAME = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_TITLED_NAME = rf"(?P<name>(?:(?:dr|mr|mrs|ms|mx|prof)\.?\s+)?{_NAME})"
_MET = re.compile(rf"^\W*met\s+(?:with\s+)?{_TITLED_NAME}", re.IGNORECASE)
_INTERVIEWER = re.compile(rf"\binterviewer\s*(?:was\s+|:\s*|-\s*){_TITLED_NAME}", re.IGNORECASE)
_NOT_NAMES = frozenset({"the", "a", "an", "all", "both", "everyone", "some", "several", "two"})

# Notes are split into sentences, lines, bullets and semicolon-separated items.
_PIECES = re.compile(r"(?<=[.!?])\s+|\s*[\n;•]+\s*")
_BULLET = re.compile(r"^(?:[-*–—>]+|\d+[.)])\s*")
_TRAILING = " \t.,;:!?-–—…"
# "ask about on-call" / "want to ask them about pay": the user's own question for next time.
_ASK = re.compile(
    r"^(?:(?:i\s+)?(?:want(?:ed)?|would\s+like|'d\s+like|need)\s+to\s+|i'd\s+like\s+to\s+|"
    r"next\s+time,?\s+|should\s+)?ask\s+(?:them\s+|him\s+|her\s+)?(?:more\s+)?about\s+",
    re.IGNORECASE,
)
# "they talked about X" / "the CTO asked about X": something the interviewer brought up.
_TALK = re.compile(
    r"^(?:(?!i\b)[\w'’]+\s+){0,2}(?:(?:talked|spoke|chatted|told\s+me|asked(?:\s+me)?)\s+"
    r"(?:about|through)|discussed|mentioned|explained|said|covered)\s*:?\s+(?:that\s+)?",
    re.IGNORECASE,
)
# A plain sentence only fits "You mentioned ..." when it is a statement about them.
_ABOUT_THEM = re.compile(r"^(?:they|they're|they've|they'll|their|the|there's|there)\b", re.I)
_ABOUT_THE_USER = re.compile(r"\b(?:i|i'm|i've|me|my|interview|went|felt|nervous)\b", re.I)
_LOWER_FIRST = frozenset({"the", "a", "an", "their", "they", "they're", "they've", "they'll",
                          "there", "there's", "how", "what", "why", "when", "whether", "this",
                          "that", "these", "those", "its", "our", "your", "team"})  # fmt: skip


def thank_you_email(interview: Interview, templates: Content, *, sender: str | None = None) -> str:
    """A short thank-you to the interviewer, with one question that picks up on the notes."""
    role = _clean(interview.role, FIELD_LIMIT)
    values = {"company": _company(interview, templates), "role": role or ""}
    body = [_fill(templates, _variant("thank_you_body", role), values)]
    if interview.outside_hours:
        body.append(_fill(templates, "thank_you_outside_hours", values))
    return "\n\n".join(
        [
            _fill(templates, _variant("thank_you_subject", role), values),
            _greeting(templates, interviewer_name(interview.notes)),
            " ".join(body),
            _question(templates, interview.notes),
            _fill(templates, "thank_you_close", values),
            _sign_off(templates, sender),
        ]
    )


def chase_email(
    interview: Interview,
    templates: Content,
    today: date,
    *,
    zone: tzinfo = UTC,
    sender: str | None = None,
) -> str:
    """A polite note asking about the timeline: to the recruiter on the agency route, else them."""
    role = _clean(interview.role, FIELD_LIMIT)
    agency = "_agency" if interview.via_agency else ""
    if interview.via_agency:
        name = _first_name(interview.recruiter)
    else:
        name = interviewer_name(interview.notes)
    values = {
        "company": _company(interview, templates),
        "role": role or "",
        "day": long_day(interview.when.astimezone(zone).date(), today),
    }
    body = [_fill(templates, _variant(f"chase_body{agency}", role), values)]
    if interview.decision_date is not None:
        decided = {"day": long_day(interview.decision_date, today)}
        body.append(_fill(templates, f"chase_decision_line{agency}", decided))
    return "\n\n".join(
        [
            _fill(templates, _variant("chase_subject", role), values),
            _greeting(templates, name),
            " ".join(body),
            _fill(templates, f"chase_ask{agency}", values),
            _sign_off(templates, sender),
        ]
    )


def feedback_summary(interview: Interview, templates: Content) -> str:
    """Bullet points for the call to the recruiter: the facts so far, then what to cover."""
    role = _clean(interview.role, FIELD_LIMIT)
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


def interviewer_name(notes: str | None) -> str | None:
    """'Anna' from notes that start "Met Anna ..." or say "interviewer: Anna"; else None."""
    if not notes:
        return None
    match = _MET.match(notes) or _INTERVIEWER.search(notes)
    if match is None:
        return None
    name = match.group("name")
    last = name.split()[-1]
    # Only a capitalised word is a name: "met the team" or "met HR" is not someone to greet.
    if not last[0].isupper() or (len(last) > 1 and last.isupper()):
        return None
    if last.lower() in _NOT_NAMES or len(name) > NAME_LIMIT:
        return None
    return name


def notes_topic(notes: str | None) -> tuple[str, str] | None:
    """(kind, topic): what to pick up on in the thank-you, kind being 'ask' or 'mentioned'."""
    fallback: tuple[str, str] | None = None
    for piece in _pieces(notes):
        ask = _ASK.match(piece)
        talk = _TALK.match(piece)
        found = None
        if ask:
            found = _topic("ask", piece[ask.end() :])
        elif talk:
            found = _topic("mentioned", piece[talk.end() :])
        elif fallback is None and _ABOUT_THEM.match(piece) and not _ABOUT_THE_USER.search(piece):
            fallback = _topic("mentioned", piece)
        if found:
            return found
    return fallback


def notes_digest(notes: str | None) -> str:
    """The notes on one line, bullets and spacing tidied, cut to NOTES_LIMIT characters."""
    text = ""
    for piece in _pieces(notes):
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


def _question(templates: Content, notes: str | None) -> str:
    found = notes_topic(notes)
    if found is None:
        return _fill(templates, "question_generic", {})
    kind, topic = found
    key = "question_to_ask" if kind == "ask" else "question_from_notes"
    return _fill(templates, key, {"topic": topic})


def _topic(kind: str, text: str) -> tuple[str, str] | None:
    topic = _clip(text, TOPIC_LIMIT)
    first, _, rest = topic.partition(" ")
    # "talked about my background" is about the user, not something to ask them about.
    if not topic or first.lower() in {"i", "me", "my", "myself"}:
        return None
    # It goes mid-sentence: "You mentioned the roadmap", but "Kubernetes" keeps its capital.
    if first.lower() in _LOWER_FIRST:
        topic = f"{first.lower()} {rest}".rstrip()
    return kind, topic


def _pieces(notes: str | None) -> list[str]:
    """Sentences, lines and bullet points of the notes, spacing collapsed, empty ones dropped."""
    if not notes:
        return []
    pieces = (_BULLET.sub("", " ".join(part.split())) for part in _PIECES.split(notes))
    return [piece for piece in pieces if piece.strip(_TRAILING)]


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


def _company(interview: Interview, templates: Content) -> str:
    return _clean(interview.company, FIELD_LIMIT) or templates.label("drafts.company_fallback")


def _first_name(recruiter: str | None) -> str | None:
    """'Sam' from 'Sam Jones', 'Dr Smith' kept whole: how a recruiter is greeted."""
    words = (recruiter or "").strip(_TRAILING).split()
    if not words:
        return None
    titled = words[0].rstrip(".").lower() in {"dr", "mr", "mrs", "ms", "mx", "prof"}
    name = " ".join(words[:2]) if titled and len(words) > 1 else words[0]
    return _clip(name.rstrip(","), NAME_LIMIT) or None


def _greeting(templates: Content, name: str | None) -> str:
    if name:
        return _fill(templates, "greeting_named", {"name": name})
    return _fill(templates, "greeting_team", {})


def _sign_off(templates: Content, sender: str | None) -> str:
    name = _clean(sender, NAME_LIMIT)
    sign_off = templates.label("drafts.sign_off")
    return f"{sign_off}\n{name}" if name else sign_off


def _variant(key: str, role: str | None) -> str:
    return key if role else f"{key}_no_role"


def _fill(templates: Content, key: str, values: dict[str, str]) -> str:
    """The raw template (no HTML escaping: this is plain text) with the values put in."""
    # A shortened value ends in "…"; the sentence's own full stop after it would read "…."
    return templates.label(f"drafts.{key}").format_map(values).replace("….", "…")
