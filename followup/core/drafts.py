"""What every draft shares: the Draft, its greeting, sign-off and subject, the user's words tidied.

Everything here is plain text: the words come from content/en/drafts.toml unescaped, and the caller
escapes the result (or sends it as plain text). An email is a Draft with its subject apart, so the
subject is never pasted into the body. Facts we do not have are left out, never blank. What an
email may take from the private notes is decided in followup/core/notes/.
"""

from __future__ import annotations

from dataclasses import dataclass

from content import Content
from followup.core.model import Interview, company_display
from followup.core.notes import greeting_name, interviewers, person_name

FIELD_LIMIT = 120  # company and role: the debrief keeps them shorter, drafts made elsewhere may not
NAME_LIMIT = 40
SUBJECT_LIMIT = 150
_TRAILING = " \t.,;:!?-–—…"


@dataclass(frozen=True, slots=True)
class Draft:
    """An email to copy: the subject line, and the body from greeting to signature."""

    subject: str
    body: str


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


# A title in the notes ("Frau Keller", "Sra. López", "Mr Lee") said the way the email's language
# says it; Russian greets by the name alone, and a first name needs no title in any language.
_TITLES = {
    "mr": "mr", "mr.": "mr", "herr": "mr", "hr.": "mr", "sr.": "mr", "sr": "mr", "señor": "mr",
    "ms": "ms", "ms.": "ms", "mrs": "ms", "mrs.": "ms", "frau": "ms", "fr.": "ms", "sra.": "ms",
    "sra": "ms", "señora": "ms",
}  # fmt: skip
_TITLE_IN = {
    "en": {"mr": "Mr", "ms": "Ms"}, "es": {"mr": "Sr.", "ms": "Sra."},
    "de": {"mr": "Herr", "ms": "Frau"}, "ru": {},
}  # fmt: skip


def _titled(name: str, language: str) -> str:
    """ "Frau Keller" as an English email greets her: "Ms Keller"."""
    title, _, rest = name.partition(" ")
    kind = _TITLES.get(title.casefold())
    if kind is None or not rest:
        return name
    said = _TITLE_IN.get(language, {}).get(kind)
    return f"{said} {rest}" if said else rest


def _body(templates: Content, name: str | None, paragraphs: list[str], sender: str | None) -> str:
    if name:
        greeting = _fill(templates, "greeting_named", {"name": _titled(name, templates.language)})
    else:
        greeting = _fill(templates, "greeting_team", {})
    return "\n\n".join([greeting, *paragraphs, _sign_off(templates, sender)])


def _sign_off(templates: Content, sender: str | None) -> str:
    name = _clean(person_name(sender) if sender else None, NAME_LIMIT)
    sign_off = templates.label("drafts.sign_off")
    return f"{sign_off}\n{name}" if name else sign_off


# Words people type around a role that the drafts already say ("the ... role", "el puesto de ...",
# "die Stelle als ...", "должность ..."), in every language: a role typed with them reads once.
_ROLE_LEADS = (
    ("the",), ("a",), ("an",), ("el", "puesto", "de"), ("puesto", "de"), ("el", "cargo", "de"),
    ("cargo", "de"), ("el",), ("la",), ("un",), ("una",), ("die", "stelle", "als"),
    ("stelle", "als"), ("position", "als"), ("die",), ("der",), ("eine",), ("ein",),
    ("должность",), ("позиция",), ("вакансия",),
)  # fmt: skip
_ROLE_TAILS = ("role", "position", "job", "post", "puesto", "stelle")


def _role(interview: Interview) -> str | None:
    """The role as it reads after "the": "the Data Analyst role", never "the the ... role role"."""
    role = _clean(interview.role, FIELD_LIMIT)
    if role is None:
        return None
    words = role.split()
    folded = [word.casefold() for word in words]
    for lead in sorted(_ROLE_LEADS, key=len, reverse=True):
        if tuple(folded[: len(lead)]) == lead and len(words) > len(lead):
            words = words[len(lead) :]
            break
    if words[-1].casefold() in _ROLE_TAILS and len(words) > 1:
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
