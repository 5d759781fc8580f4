"""People's and companies' names in notes, drafts and signatures, written as people write them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from content import load_content
from followup.core import chase_draft, thank_you_draft
from followup.core.model import Interview
from followup.core.notes import greeting_name, interviewers, person_name

NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("notes", "found"),
    [
        ("talked w/ Priya Nair the hiring mgr", ["Priya Nair"]),
        ("talked w/ priya nair the hiring mgr, she asked about kafka", ["Priya Nair"]),
        ("spoke with priya nair", ["Priya Nair"]),
        ("met priya (eng manager) and tom from HR", ["Priya", "Tom"]),
        ("interviewed by Dr. Anna Schmidt", ["Dr. Anna Schmidt"]),
        ("Interviewed by mike.", ["Mike"]),
        ("met w/ raj and Lee", ["Raj", "Lee"]),
        ("Met Anna and Raj. The panel was rude", ["Anna", "Raj"]),
        ("met them online, went ok", []),
        ("met up for coffee with the team", []),
        ("Met with engineering and sales", []),
        ("met recently and it went fine", []),
    ],
)
def test_interviewers_are_found_as_people_write_them(notes: str, found: list[str]) -> None:
    assert interviewers(notes) == found


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("mike", "Mike"),
        ("dr anna schmidt", "Dr Anna Schmidt"),
        ("anna van der berg", "Anna van der Berg"),
        ("McKenzie", "McKenzie"),
        ("o'brien", "O'Brien"),
    ],
)
def test_names_get_their_capitals(written: str, shown: str) -> None:
    assert person_name(written) == shown


def test_greetings_are_capitalised() -> None:
    assert greeting_name("mike") == "Mike"
    assert greeting_name("dr anna schmidt") == "Dr Schmidt"


def test_a_draft_capitalises_the_greeting_the_company_and_the_signature() -> None:
    interview = Interview(
        id="i", user_id=1, company="zalando", when=NOW, created=NOW,
        notes="met mike (eng manager) and tom from HR",
    )  # fmt: skip
    email = thank_you_draft.thank_you_email(
        interview, load_content(), sender="jo bloggs", interviewer="mike"
    )
    assert email.body.startswith("Hi Mike,")
    assert "join Zalando" in email.body and "zalando" not in email.body
    assert email.body.rstrip().endswith("Jo Bloggs")
    chase = chase_draft.chase_email(interview, load_content(), sender="jo bloggs", today=NOW.date())
    assert "zalando" not in chase.body + chase.subject and "Zalando" in chase.body
