"""Readers of the debrief's answers on who and how: company, role, agency, extras, rating, notes."""

from __future__ import annotations

import re

from followup.core import debrief
from followup.core.answers import PENDING, Answer, Problem, _offer, has_words
from followup.core.debrief import Step
from followup.core.model import Outcome, Rating, company_display

EXTRAS = ("outside", "contact", "both", "neither")
RATINGS = tuple(str(r.value) for r in Rating)
# Earlier interviews a new one with the same company may be the next round of.
_ROUND_GOES_ON = frozenset({None, Outcome.NEXT_ROUND})


def _company(a: Answer) -> Problem | None:
    if not a.value or len(a.value) > debrief.COMPANY_LIMIT or not has_words(a.value):
        return Problem("debrief.company_bad", {"limit": debrief.COMPANY_LIMIT})
    earlier = a.earlier_with(a.value)
    if earlier is None:
        a.draft["company"] = company_display(a.value)
        return None
    if earlier.outcome in _ROUND_GOES_ON and "round_of" not in a.draft:
        # The same company again, its story not ended: the next round, or another team?
        route = {"company": earlier.company, "via_agency": earlier.via_agency,
                 "recruiter": earlier.recruiter}  # fmt: skip
        next_round = {**route, "role": earlier.role, "round_of": earlier.id}
        a.draft[PENDING] = {"step": Step.COMPANY.value, "choices": [next_round, route]}
        return Problem("debrief.another_round", {"company": earlier.company}, ask_again=False,
                       buttons=("buttons.round_yes", "buttons.round_no"))  # fmt: skip
    # Shown as first written; a later interview there most likely went the same way, so the
    # agency question is not asked again.
    a.draft["company"] = earlier.company
    debrief.remember_route(a.draft, earlier)
    a.draft["route_remembered"] = True
    return None


def _role(a: Answer) -> Problem | None:
    if len(a.value) > debrief.ROLE_LIMIT:
        return Problem("debrief.role_bad", {"limit": debrief.ROLE_LIMIT})
    if a.value and not has_words(a.value):
        return Problem("debrief.role_no_words")
    a.draft["role"] = None if a.value in ("skip", "") else a.value
    return None


def _agency(a: Answer) -> Problem | None:
    if a.value in ("yes", "no"):
        a.draft["via_agency"] = a.value == "yes"
        a.draft["recruiter"] = None
        return None
    if len(a.value) > debrief.RECRUITER_LIMIT or not _NAME_LIKE.fullmatch(a.value):
        # too long, or no name at all ("ok i guess 😐" typed at the wrong question): ask again
        return Problem("debrief.agency_bad", {"limit": debrief.RECRUITER_LIMIT})
    readings = _person_at_agency(a.value)
    if readings:
        # "Hays, Tom Baker": which is the person decides how a draft greets them ("Hi Tom,").
        values = [{"recruiter": reading} for reading in (*readings, a.value)]
        labels = [*readings, a.value]
        return _offer(a, Step.AGENCY, values, labels, "debrief.agency_which")
    a.draft["via_agency"] = True
    a.draft["recruiter"] = a.value
    return None


# What a recruiter's or an agency's name is made of: letters (any script), digits, spaces and
# the marks names carry ("O'Neil", "Smith & Co.", "Hays (London)", "Page/Michael").
_NAME_LIKE = re.compile(r"(?=.*[^\W\d_])[\w\s.'’&()\-,/+]+")


def _person_at_agency(value: str) -> tuple[str, str] | None:
    """Both readings of two names split by a comma, as "<person> (<agency>)"; None otherwise."""
    parts = [" ".join(part.split()) for part in value.split(",")]
    if len(parts) != 2 or not all(parts):
        return None
    readings = (f"{parts[0]} ({parts[1]})", f"{parts[1]} ({parts[0]})")
    return readings if len(readings[0]) <= debrief.RECRUITER_LIMIT else None


def _extras(a: Answer) -> Problem | None:
    if a.draft.get("outside_hours"):
        contact = {"yes": True, "contact": True, "both": True, "no": False, "neither": False}
        if a.value not in contact:
            return Problem("debrief.contact_bad")
        a.draft["got_contact"] = contact[a.value]
        return None
    if a.value not in EXTRAS:
        return Problem("debrief.extras_bad")
    a.draft["outside_hours"] = a.value in ("outside", "both")
    a.draft["got_contact"] = a.value in ("contact", "both")
    return None


def _rating(a: Answer) -> Problem | None:
    if a.value not in RATINGS:
        return Problem("debrief.rating_bad")
    a.draft["rating"] = int(a.value)
    return None


def _notes(a: Answer) -> Problem | None:
    a.draft["notes"] = None if a.value in ("skip", "") else a.value
    return None
