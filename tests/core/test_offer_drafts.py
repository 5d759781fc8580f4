"""Answers to an offer: what each draft says, and that it never makes a number up."""

from __future__ import annotations

import re

import pytest

from content import Content, load_content
from followup.core.offer_drafts import (
    CounterAsk,
    accept_offer,
    ask_for_time,
    counter_offer,
    decline_offer,
    has_gaps,
)
from tests.core.test_drafts import interview

DIGITS = re.compile(r"\d")


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def test_accepting_says_yes_and_asks_for_the_contract(content: Content) -> None:
    draft = accept_offer(interview(role="Data Analyst"), content, sender="Jo")
    assert draft.subject == "Accepting the Data Analyst offer"
    assert "delighted to accept" in draft.body and "written contract" in draft.body
    assert draft.body.endswith("Best regards,\nJo") and not has_gaps(draft)


def test_declining_is_kind_and_keeps_the_door_open(content: Content) -> None:
    draft = decline_offer(interview(), content)
    assert "decided not to accept" in draft.body and "stay in touch" in draft.body
    agency = decline_offer(interview(via_agency=True, recruiter="Sam Jones"), content)
    assert agency.body.startswith("Hi Sam,") and "other roles" in agency.body


def test_a_counter_offer_asks_for_what_was_picked_in_a_fixed_order(content: Content) -> None:
    picks = [CounterAsk.SIGNING_BONUS, CounterAsk.START_DATE, CounterAsk.SALARY]
    draft = counter_offer(interview(), content, picks, figure="£55,000")
    lines = [line for line in draft.body.splitlines() if line.startswith("• ")]
    assert lines == [
        "• a base salary of £55,000",
        "• a start date of [the date that suits you]",
        "• a signing bonus of [amount]",
    ]
    assert "remote" not in draft.body and "title" not in draft.body


def test_without_a_figure_the_salary_is_left_for_the_user_to_fill(content: Content) -> None:
    draft = counter_offer(interview(), content, [CounterAsk.SALARY, CounterAsk.REMOTE])
    assert "• a base salary of [your figure]" in draft.body
    assert "• [number] days a week working remotely" in draft.body
    assert has_gaps(draft)
    # Never a number the user did not give: no digit anywhere but their own.
    assert not DIGITS.search(draft.body)


def test_a_counter_offer_with_nothing_picked_is_about_the_salary(content: Content) -> None:
    draft = counter_offer(interview(), content, [])
    assert "a base salary of [your figure]" in draft.body


def test_a_counter_offer_through_an_agency_asks_the_recruiter_to_raise_it(
    content: Content,
) -> None:
    draft = counter_offer(
        interview(via_agency=True, recruiter="Sam Jones"), content, [CounterAsk.TITLE]
    )
    assert draft.body.startswith("Hi Sam,") and "Could you ask whether they'd be open to:" in (
        draft.body
    )


def test_asking_for_time_leaves_the_day_to_the_user(content: Content) -> None:
    draft = ask_for_time(interview(), content)
    assert "until [day]" in draft.body and has_gaps(draft)
    assert not DIGITS.search(draft.body)


def test_a_huge_figure_is_cut_to_one_tidy_line(content: Content) -> None:
    draft = counter_offer(interview(), content, [CounterAsk.SALARY], figure="£60,000 " * 30)
    line = next(line for line in draft.body.splitlines() if "base salary" in line)
    assert len(line) < 80 and line.endswith("…")
