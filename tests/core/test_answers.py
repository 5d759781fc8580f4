"""Reading debrief answers and choosing the next question, on plain values (no Telegram)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followup.core import answer_reading, answers, debrief
from followup.core.calendar import Place
from followup.core.debrief import Step
from followup.core.model import Interview
from followup.core.timing import load_timing

NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)  # Wednesday, London
LONDON = ZoneInfo("Europe/London")
EARLIER = Interview(
    id="e", user_id=1, company="Acme", when=NOW, created=NOW, via_agency=True, recruiter="Sam"
)


def read(step: Step, value: str, draft: dict[str, Any] | None = None, typed: bool = True):  # type: ignore[no-untyped-def]
    draft = {} if draft is None else draft
    answer = answers.Answer(
        draft, value, Place(LONDON), NOW, load_timing(),
        lambda company: EARLIER if company.lower() == "acme" else None,
    )  # fmt: skip
    return answer_reading.read(step, answer, typed=typed), draft


@pytest.mark.parametrize(
    ("step", "value", "draft", "problem", "expected"),
    [
        (Step.COMPANY, "Globex", {}, None, {"company": "Globex"}),
        (Step.COMPANY, "x" * 101, {}, "debrief.company_bad", {}),
        (Step.ROLE, "Skip", {}, None, {"role": None}),
        (Step.ROLE, "r" * 121, {}, "debrief.role_bad", {}),
        (Step.AGENCY, "Y", {}, None, {"via_agency": True, "recruiter": None}),
        (Step.AGENCY, "direct", {}, None, {"via_agency": False, "recruiter": None}),
        (Step.AGENCY, "Sam Jones", {}, None, {"via_agency": True, "recruiter": "Sam Jones"}),
        (Step.AGENCY, "ok i guess 😐", {}, "debrief.agency_bad", {}),  # no name: asked again
        (Step.AGENCY, "Михаил (Kelly)", {}, None, {"recruiter": "Михаил (Kelly)"}),
        (Step.DECISION, "none", {"when": NOW.isoformat()}, None, {"decision_date": None}),
        (Step.DECISION, "friday", {"when": NOW.isoformat()}, None, {"decision_date": "2026-11-27"}),
        (Step.DECISION, "blorp", {"when": NOW.isoformat()}, "debrief.decision_bad", {}),
        (Step.EXTRAS, "both", {}, None, {"outside_hours": True, "got_contact": True}),
        (Step.EXTRAS, "card", {}, None, {"outside_hours": False, "got_contact": True}),
        (Step.EXTRAS, "maybe", {}, "debrief.extras_bad", {}),
        (Step.EXTRAS, "No to both", {}, None, {"outside_hours": False, "got_contact": False}),
        (Step.EXTRAS, "none of those", {}, None, {"outside_hours": False, "got_contact": False}),
        (Step.EXTRAS, "yes to both!", {}, None, {"outside_hours": True, "got_contact": True}),
        (Step.EXTRAS, "no", {"outside_hours": True}, None, {"got_contact": False}),
        (Step.EXTRAS, "both!", {"outside_hours": True}, None, {"got_contact": True}),
        (Step.EXTRAS, "maybe", {"outside_hours": True}, "debrief.contact_bad", {}),
        (Step.RATING, "Great", {}, None, {"rating": 4}),
        (Step.RATING, "dunno", {}, "debrief.rating_bad", {}),
        (Step.RATING, "🙂 Good", {}, None, {"rating": 3}),
        (Step.AGENCY, "No, I applied directly", {}, None, {"via_agency": False}),
        (
            Step.DECISION,
            "They didn't say.",
            {"when": NOW.isoformat()},
            None,
            {"decision_date": None},
        ),
        (Step.NOTES, "skip", {}, None, {"notes": None}),
        (Step.NOTES, "<b>hi</b>", {}, None, {"notes": "<b>hi</b>"}),
    ],
)
def test_answers(
    step: Step, value: str, draft: dict[str, Any], problem: str | None, expected: dict[str, Any]
) -> None:
    found, result = read(step, value, dict(draft))
    assert (found.key if found else None) == problem
    for key, wanted in expected.items():
        assert result[key] == wanted


def test_a_known_company_brings_its_route() -> None:
    asked, draft = read(Step.COMPANY, "Acme")
    assert asked is not None and asked.key == "debrief.another_round"  # its story is still open
    found, draft = read(Step.COMPANY, "No", draft)  # another team: a separate interview
    assert found is None and "round_of" not in draft
    assert draft["via_agency"] is True and draft["recruiter"] == "Sam"
    assert debrief.next_step(draft, NOW) is Step.ROLE
    draft |= {"role": None, "when": NOW.isoformat()}
    assert debrief.next_step(draft, NOW) is Step.DECISION  # the agency question is skipped


def test_a_decision_before_the_interview_is_refused() -> None:
    found, _ = read(Step.DECISION, "25/10", {"when": NOW.isoformat()})
    assert found is not None and found.key == "debrief.decision_past"


def test_an_evening_interview_is_known_to_be_outside_working_hours() -> None:
    _, draft = read(Step.WHEN, "today 7pm", {})
    assert draft.get("outside_hours") is None  # it is still to come: not decided yet
    _, draft = read(Step.WHEN, "yesterday 7pm", {})
    assert draft["outside_hours"] is True
    _, draft = read(Step.WHEN, "just now", {})
    assert draft["outside_hours"] is None


def test_an_upcoming_interview_skips_the_questions_for_afterwards() -> None:
    draft = {"company": "A", "role": None, "when": "2026-11-26T10:00:00+00:00", "via_agency": False}
    assert debrief.next_step(draft, NOW) is None
    draft["when"] = "2026-11-24T10:00:00+00:00"
    assert debrief.next_step(draft, NOW) is Step.DECISION


def choose(step: Step, index: int, draft: dict[str, Any]):  # type: ignore[no-untyped-def]
    answer = answers.Answer(draft, "", Place(LONDON), NOW, load_timing(), lambda _c: None)
    return answer_reading.choose(step, answer, index), draft


def test_a_date_that_could_mean_two_days_is_asked_back() -> None:
    found, draft = read(Step.DECISION, "12/3", {"when": NOW.isoformat()})
    assert found is not None and found.key == "debrief.decision_which"
    assert set(found.choices) == {"Thu 3 Dec", "Fri 12 Mar 2027"}
    assert "decision_date" not in draft
    index = found.choices.index("Thu 3 Dec")
    found, draft = choose(Step.DECISION, index, draft)
    assert found is None and draft["decision_date"] == "2026-12-03"


@pytest.mark.parametrize("typed", ["12/11", "11/12"])
def test_a_reading_before_the_interview_is_not_offered(typed: str) -> None:
    # 12 Nov is before the interview (Wed 25 Nov): only 11 Dec can be their decision day.
    found, draft = read(Step.DECISION, typed, {"when": NOW.isoformat()})
    assert found is None and draft["decision_date"] == "2026-12-11"


def test_when_both_readings_are_before_the_interview_both_are_still_asked_back() -> None:
    found, draft = read(Step.DECISION, "10/11", {"when": NOW.isoformat()})  # 11 Oct or 10 Nov
    assert found is not None and found.key == "debrief.decision_which"
    assert "decision_date" not in draft


def test_a_recruiter_and_agency_split_by_a_comma_is_asked_back() -> None:
    found, draft = read(Step.AGENCY, "Hays,  Tom Baker", {"when": NOW.isoformat()})
    assert found is not None and found.key == "debrief.agency_which"
    assert found.choices == ("Hays (Tom Baker)", "Tom Baker (Hays)", "Hays,  Tom Baker")
    assert "recruiter" not in draft
    found, draft = choose(Step.AGENCY, 1, draft)
    assert found is None and draft["via_agency"] and draft["recruiter"] == "Tom Baker (Hays)"


def test_a_far_date_is_confirmed_before_it_is_saved() -> None:
    found, draft = read(Step.DECISION, "2028-02-03", {"when": NOW.isoformat()})
    assert found is not None and found.confirm and found.key == "debrief.decision_confirm"
    assert "decision_date" not in draft
    found, draft = choose(Step.DECISION, 0, draft)
    assert found is None and draft["decision_date"] == "2028-02-03"


def test_a_new_answer_replaces_readings_waiting_for_a_tap() -> None:
    _, draft = read(Step.DECISION, "12/3", {"when": NOW.isoformat()})
    found, draft = read(Step.DECISION, "friday", draft)
    assert found is None and answers.PENDING not in draft
    found, _ = choose(Step.DECISION, 0, draft)
    assert found is not None and found.key == "debrief.choice_gone"


def test_a_typed_clock_time_is_kept_as_a_wall_clock_time() -> None:
    _, typed = read(Step.WHEN, "yesterday 4pm", {})
    _, counted = read(Step.WHEN, "an hour ago", {})
    assert typed["wall_clock"] is True and counted["wall_clock"] is False


def test_a_day_then_its_time() -> None:
    found, draft = read(Step.WHEN, "it was monday", {})
    assert found is not None and found.key == "debrief.when_needs_time"
    found, draft = read(Step.WHEN, "10am", draft)
    assert found is None and draft["when"] == "2026-11-23T10:00:00+00:00"
