"""Ready-to-copy drafts: every interview shape gives tidy plain text with the facts it knows."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from difflib import SequenceMatcher
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from content import Content, load_content
from followup.drafts import (
    chase_email,
    feedback_summary,
    interviewer_name,
    notes_digest,
    notes_topic,
    thank_you_email,
)
from followup.model import Interview, Rating

TODAY = date(2026, 12, 2)
HUGE = "They are rebuilding the data platform from scratch, team by team " * 80
HTML = 'Talked about the <b>new "data" team</b> & <i>its</i> plans 🚀 {soon}'


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def interview(**changes: Any) -> Interview:
    base = Interview(
        id="i1",
        user_id=7,
        company="Acme Analytics",
        when=datetime(2026, 11, 24, 10, 0, tzinfo=UTC),  # a Tuesday
        created=datetime(2026, 11, 24, 12, 0, tzinfo=UTC),
    )
    return dataclasses.replace(base, **changes)


# name -> the interview, and words each draft must contain (besides the company)
SHAPES: dict[str, tuple[Interview, tuple[str, ...]]] = {
    "bare direct": (interview(), ()),
    "agency, no recruiter": (interview(via_agency=True), ()),
    "agency, named recruiter": (
        interview(via_agency=True, recruiter="Sam Jones", role="Data Analyst"),
        ("Data Analyst",),
    ),
    "direct with role and decision": (
        interview(role="Platform Engineer", decision_date=date(2026, 11, 27), rating=Rating.GOOD),
        ("Platform Engineer",),
    ),
    "notes with a topic": (
        interview(notes="Met Anna, head of data. They're moving to Snowflake next quarter."),
        (),
    ),
    "huge notes": (interview(role="Analyst", notes=HUGE, rating=Rating.GREAT), ("Analyst",)),
    "html and emoji notes": (interview(notes=HTML, rating=Rating.ROUGH), ()),
    "blank role and spacey company": (
        interview(company="  Acme   Analytics  ", role="   ", notes="   "),
        (),
    ),
    "long role and company": (
        interview(company="Acme " * 60, role="Senior " * 60, recruiter="R " * 60, via_agency=True),
        (),
    ),
}


def drafts(item: Interview, content: Content) -> dict[str, str]:
    return {
        "thank_you": thank_you_email(item, content),
        "chase": chase_email(item, content, TODAY),
        "feedback": feedback_summary(item, content),
    }


@pytest.mark.parametrize("shape", SHAPES)
def test_every_draft_is_tidy_plain_text(shape: str, content: Content) -> None:
    item, facts = SHAPES[shape]
    for kind, text in drafts(item, content).items():
        assert 0 < len(text) <= 1500, kind
        assert "None" not in text, kind
        assert "  " not in text, kind
        assert " ," not in text and ",," not in text and ".." not in text, kind
        assert "…." not in text, kind
        assert "&lt;" not in text and "&amp;" not in text, kind  # plain text, not escaped HTML
        if item.notes != HTML:  # those notes carry a brace of their own
            assert "{" not in text and "}" not in text, kind
        assert "Acme" in text, kind
        for fact in facts:
            assert fact in text, (kind, fact)


@pytest.mark.parametrize("shape", SHAPES)
def test_notes_never_take_over_a_draft(shape: str, content: Content) -> None:
    item, _ = SHAPES[shape]
    notes = " ".join((item.notes or "").split())
    for kind, text in drafts(item, content).items():
        match = SequenceMatcher(None, text, notes, autojunk=False)
        longest = match.find_longest_match(0, len(text), 0, len(notes)).size
        assert longest <= 150, kind


@pytest.mark.parametrize(
    ("item", "expected", "absent"),
    [
        (interview(via_agency=True, recruiter="Sam Jones"), "Hi Sam,", "Hello,"),
        (interview(via_agency=True, recruiter="Dr Priya Nair"), "Hi Dr Priya,", "Hello,"),
        (interview(via_agency=True), "Hello,", "Hi "),
        (interview(notes="Met Anna and Tom from data."), "Hi Anna,", "Hello,"),
        (interview(via_agency=True, notes="Met Anna."), "Hello,", "Anna"),
        (interview(notes="Good chat. Interviewer: Dr. Okafor"), "Hi Dr. Okafor,", "Hello,"),
        (interview(notes="Met the whole team"), "Hello,", "Hi "),
        (interview(notes="met HR first"), "Hello,", "Hi "),
    ],
)
def test_chase_greets_whoever_it_goes_to(
    item: Interview, expected: str, absent: str, content: Content
) -> None:
    text = chase_email(item, content, TODAY)
    assert expected in text
    assert absent not in text


def test_chase_names_the_role_the_day_and_the_decision_date(content: Content) -> None:
    item = interview(role="Data Analyst", decision_date=date(2026, 11, 27))
    text = chase_email(item, content, TODAY)
    assert "our conversation on Tuesday 24 November about the Data Analyst role" in text
    assert "you hoped to decide by Friday 27 November" in text


def test_chase_on_the_agency_route_talks_about_the_company(content: Content) -> None:
    item = interview(via_agency=True, recruiter="Sam", decision_date=date(2026, 11, 27))
    text = chase_email(item, content, TODAY)
    assert "my interview with Acme Analytics on Tuesday 24 November" in text
    assert "they hoped to decide by Friday 27 November" in text
    assert "role" not in text.split("\n")[0]


def test_chase_without_a_decision_date_has_no_decision_line(content: Content) -> None:
    assert "decide by" not in chase_email(interview(), content, TODAY)


def test_chase_shows_days_in_the_users_zone_and_the_year_when_it_differs(content: Content) -> None:
    late = interview(when=datetime(2026, 11, 24, 23, 30, tzinfo=UTC))
    text = chase_email(late, content, date(2027, 1, 5), zone=ZoneInfo("Australia/Sydney"))
    assert "Wednesday 25 November 2026" in text


def test_sign_off_carries_the_senders_name_when_given(content: Content) -> None:
    text = thank_you_email(interview(), content, sender="  Jo   Bloggs ")
    assert text.endswith("Best regards,\nJo Bloggs")
    assert chase_email(interview(), content, TODAY).endswith("Best regards,")


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        (
            "Met Anna. They're moving to Snowflake next quarter, which is a big job.",
            "You mentioned they're moving to Snowflake next quarter, which is a big job —",
        ),
        ("- talked about the on-call rota\n- nice office", "You mentioned the on-call rota —"),
        (
            "Anna said that the team doubles next year!",
            "You mentioned the team doubles next year —",
        ),
        (
            "Met Priya; she asked about scaling the billing service",
            "You mentioned scaling the billing service —",
        ),
        ("The CTO talked through their AWS costs", "You mentioned their AWS costs —"),
        ("I was nervous. Want to ask about remote days.", "know more about is remote days."),
        (
            "They said the data team is new. Ask them about the hiring plan",
            "You mentioned the data team is new —",
        ),
        (HTML, 'You mentioned the <b>new "data" team</b> & <i>its</i> plans 🚀 {soon} —'),
        (HUGE, "You mentioned they are rebuilding the data platform from scratch, team by team"),
    ],
)
def test_thank_you_picks_up_on_the_notes(notes: str, expected: str, content: Content) -> None:
    assert expected in thank_you_email(interview(notes=notes), content)


@pytest.mark.parametrize(
    "notes",
    [
        None,
        "",
        "Went well I think.",
        "I talked about my background",
        "Met Anna.",
        "Nervous!",
        "They asked me about my SQL experience",
    ],
)
def test_thank_you_asks_a_sensible_generic_question(notes: str | None, content: Content) -> None:
    text = thank_you_email(interview(notes=notes), content)
    assert "first few months in the role" in text
    assert "You mentioned" not in text


def test_huge_notes_give_a_short_topic_cut_at_a_word() -> None:
    found = notes_topic("The " + "platform team " * 500)
    assert found is not None
    kind, topic = found
    assert kind == "mentioned"
    assert len(topic) <= 120
    assert topic.endswith("team…") or topic.endswith("platform…")


def test_topic_keeps_names_capitalised_and_trims_end_punctuation() -> None:
    assert notes_topic("We discussed Kubernetes!!") == ("mentioned", "Kubernetes")
    assert notes_topic("Discussed: The roadmap...") == ("mentioned", "the roadmap")


def test_thank_you_thanks_for_the_out_of_hours_slot_only_when_it_was(content: Content) -> None:
    assert "outside the usual working day" in thank_you_email(
        interview(outside_hours=True), content
    )
    assert "outside" not in thank_you_email(interview(outside_hours=False), content)


@pytest.mark.parametrize(
    ("rating", "word"), [(1, "rough"), (2, "mixed"), (3, "good"), (4, "great")]
)
def test_feedback_summary_says_how_it_went(rating: int, word: str, content: Content) -> None:
    text = feedback_summary(interview(rating=Rating(rating)), content)
    assert f"How it went: {word}" in text
    assert ("didn't land" in text) == (rating <= 2)


def test_feedback_summary_lists_facts_notes_and_what_to_cover(content: Content) -> None:
    item = interview(role="Data Analyst", notes="Met Anna.\n- Live SQL test\n- team of   8")
    text = feedback_summary(item, content)
    lines = text.splitlines()
    assert lines[0] == "Feedback call: Acme Analytics, Data Analyst"
    assert "• What you noted: Met Anna. Live SQL test; team of 8" in lines
    assert "How it went" not in text
    for prompt in ("interested", "put to the client", "clarify"):
        assert prompt in text


def test_feedback_summary_without_notes_prompts_to_jot_some_down(content: Content) -> None:
    text = feedback_summary(interview(), content)
    assert "jot down" in text
    assert "What you noted" not in text


def test_notes_digest_is_one_short_line() -> None:
    digest = notes_digest(HUGE)
    assert len(digest) <= 150
    assert "\n" not in digest
    assert digest.endswith("…")
    assert notes_digest(None) == notes_digest("  \n ") == ""


@pytest.mark.parametrize(
    ("notes", "name"),
    [
        ("Met Anna, head of data", "Anna"),
        ("met with Zoë O'Brien-Smith", "Zoë"),
        ("Met Mrs Jones", "Mrs Jones"),
        ("Long chat.\nInterviewer was Tom", "Tom"),
        ("interviewer - Kofi", "Kofi"),
        ("Met the CTO", None),
        ("Met The team", None),
        ("Met CTO and HR", None),
        ("Meteor talk", None),
        ("Nice chat with Anna", None),
        (None, None),
    ],
)
def test_interviewer_name_from_notes(notes: str | None, name: str | None) -> None:
    assert interviewer_name(notes) == name


def test_thank_you_greets_the_interviewer_from_the_notes(content: Content) -> None:
    assert "\n\nHi Anna,\n\n" in thank_you_email(interview(notes="Met Anna."), content)
    assert "\n\nHello,\n\n" in thank_you_email(interview(), content)


def test_every_draft_fits_with_huge_notes_on_every_field(content: Content) -> None:
    item = interview(
        company="Acme " * 1000,
        role="Lead " * 1000,
        recruiter="Sam" * 1000,
        via_agency=True,
        notes="Met " + "Anna" * 2000 + ". " + "x" * 5000,
        decision_date=date(2026, 11, 27),
        rating=Rating.MIXED,
        outside_hours=True,
    )
    for kind, text in drafts(item, content).items():
        assert len(text) <= 1500, kind
        assert "  " not in text, kind
