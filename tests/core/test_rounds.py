"""Rounds and names: company names matched and shown as first written, a known company asked
about, linked rounds read as one story, and roles that have no words refused (no Telegram)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followup.core import answer_reading, answers, debrief
from followup.core.calendar import Place
from followup.core.debrief import Step
from followup.core.model import Interview, Outcome, capitalised, company_display, same_company
from followup.core.rounds import chain_rounds
from followup.core.timing import load_timing

NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
FIRST = Interview(
    id="r1", user_id=1, company="Acme Logistics", when=NOW - timedelta(days=7), created=NOW,
    role="Analyst", via_agency=True, recruiter="Sam",
)  # fmt: skip


def read(value: str, draft: dict[str, Any], earlier: Interview | None = FIRST) -> Any:
    answer = answers.Answer(
        draft, value, Place(ZoneInfo("Europe/London")), NOW, load_timing(),
        lambda company: earlier if earlier and same_company(company, earlier.company) else None,
    )  # fmt: skip
    return answer_reading.read(Step.COMPANY, answer, typed=True)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("acme logistics", "Acme Logistics"),
        ("  acme   logistics ", "Acme Logistics"),
        ("IBM", "IBM"),
        ("eBay", "eBay"),
        ("TEKsystems", "TEKsystems"),
        ("ebay", "Ebay"),
        ("bank of america", "Bank of America"),
        ("acme gmbh", "Acme GmbH"),
        ("o'reilly media", "O'Reilly Media"),
        ("zalando", "Zalando"),
    ],
)
def test_company_names_read_properly(typed: str, shown: str) -> None:
    assert company_display(typed) == shown


def test_capitals_go_only_on_words_written_in_lower_case() -> None:
    assert [capitalised(w) for w in ("anna-lena", "McKenzie", "DJ", "mike")] == [
        "Anna-Lena", "McKenzie", "DJ", "Mike",
    ]  # fmt: skip


def test_a_new_company_is_kept_capitalised() -> None:
    draft: dict[str, Any] = {}
    assert read("globex corp", draft, earlier=None) is None
    assert draft["company"] == "Globex Corp"


def test_a_known_company_in_other_case_and_spacing_asks_whether_it_is_another_round() -> None:
    draft: dict[str, Any] = {}
    asked = read("acme  LOGISTICS", draft)
    assert asked.key == "debrief.another_round"
    assert asked.values == {"company": "Acme Logistics"}  # as first written
    assert asked.buttons == ("buttons.round_yes", "buttons.round_no")
    assert debrief.next_step(draft, NOW) is Step.COMPANY  # nothing taken until they answer


def test_yes_makes_the_next_round_linked_to_the_earlier_one() -> None:
    draft: dict[str, Any] = {}
    read("acme logistics", draft)
    assert read("yes", draft) is None
    assert draft["company"] == "Acme Logistics" and draft["round_of"] == "r1"
    assert draft["role"] == "Analyst" and draft["via_agency"] and draft["recruiter"] == "Sam"
    assert debrief.next_step(draft, NOW) is Step.WHEN


def test_no_makes_a_separate_interview_with_the_same_name() -> None:
    draft: dict[str, Any] = {}
    read("acme logistics", draft)
    assert read("No, a separate interview", draft) is None
    assert draft["company"] == "Acme Logistics" and "round_of" not in draft
    assert debrief.next_step(draft, NOW) is Step.ROLE  # another team may be another role


def test_a_company_whose_story_ended_is_not_asked_about_but_keeps_its_name() -> None:
    draft: dict[str, Any] = {}
    assert read("ACME logistics", draft, replace(FIRST, outcome=Outcome.REJECTED)) is None
    assert draft["company"] == "Acme Logistics" and "round_of" not in draft


def test_another_name_typed_instead_of_yes_or_no_is_read_as_the_company() -> None:
    draft: dict[str, Any] = {}
    read("acme logistics", draft)
    assert read("Globex", draft, earlier=None) is None
    assert draft["company"] == "Globex"


@pytest.mark.parametrize("typed", ["🚀", "!!!", "🚀🚀 …"])
def test_a_role_without_words_is_asked_again(typed: str) -> None:
    answer = answers.Answer(
        {}, typed, Place(ZoneInfo("Europe/London")), NOW, load_timing(), lambda _c: None
    )
    problem = answer_reading.read(Step.ROLE, answer, typed=True)
    assert problem is not None and problem.key == "debrief.role_no_words" and problem.ask_again


def test_a_company_without_words_is_asked_again() -> None:
    assert read("🏢", {}, earlier=None).key == "debrief.company_bad"


def test_linked_rounds_make_one_story_oldest_round_first() -> None:
    second = replace(FIRST, id="r2", when=NOW, round_of="r1")
    third = replace(FIRST, id="r3", when=NOW + timedelta(days=3), round_of="r2")
    other_team = replace(FIRST, id="x", when=NOW + timedelta(days=1))
    newest_first = [third, other_team, second, FIRST]
    assert [[i.id for i in chain] for chain in chain_rounds(newest_first)] == [
        ["r1", "r2", "r3"], ["x"],
    ]  # fmt: skip


def test_a_round_whose_earlier_round_was_deleted_starts_its_own_story() -> None:
    second = replace(FIRST, id="r2", round_of="gone")
    assert [[i.id for i in chain] for chain in chain_rounds([second])] == [["r2"]]


def test_the_finished_draft_keeps_the_link() -> None:
    draft = debrief.next_round_draft(FIRST) | {"when": NOW.isoformat(), "rating": 3}
    assert debrief.to_interview(draft, "r2", 1, NOW).round_of == "r1"
