"""End to end: the dates a user gives, read the way they meant them, and counted one way."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.support.bot import running_bot
from tests.support.clock import Clock
from tests.support.driver import answer, log_interview, next_new, question_of, say, settled, tap
from tests.support.fake_telegram import FakeTelegram
from tests.support.stores import Backend, open_interviews

LONDON = ZoneInfo("Europe/London")
SYDNEY = ZoneInfo("Australia/Sydney")


async def test_a_duration_counts_from_the_interview_not_from_the_day_it_is_logged(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    # Interviewed on Friday 8 May, logged on Sunday 10 May: "within 2 weeks" was said on the 8th.
    clock.go(datetime(2026, 5, 10, 11, tzinfo=LONDON))
    ann = await settled(backend, fake.user(1001, "Ann"))
    async with running_bot(fake, backend, clock):
        summary = await log_interview(
            ann, "Initech", when="it was friday 10am", decision="they said within 2 weeks"
        )
        assert "They'll decide by: Fri 22 May" in summary.text
        assert "Sun 24 May" not in summary.text
    (interview,) = await open_interviews(backend, ann.id)
    assert interview.decision_date is not None and interview.decision_date.isoformat() == (
        "2026-05-22"
    )


async def test_the_end_of_this_week_on_a_holiday_counts_the_working_day_before_and_says_so(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    # Sydney, Tuesday 22 December: the end of this week is Friday 25 December, Christmas Day.
    clock.go(datetime(2026, 12, 22, 11, tzinfo=SYDNEY))
    sam = await settled(backend, fake.user(3003, "Sam"), "Australia/Sydney", "AU-NSW")
    async with running_bot(fake, backend, clock):
        question = await say(sam, "/new")
        while question_of(question) != "decision":
            field = question_of(question)
            value = {"company": "Atlassian", "role": "Skip", "when": "It just ended"}
            question = await answer(sam, question, value.get(field or "", "No, I applied directly"))
        told = await tap(sam, "By the end of this week")
        assert "Fri 25 Dec is a holiday where you are (Christmas Day)" in told.text
        assert "so I'll count Thu 24 Dec as their day" in told.text
        assert question_of(told) == "extras"  # the note opens the next question
        message = await answer(sam, told, "Neither")
        while question_of(message) is not None:
            message = await answer(
                sam, message, {"rating": "Good"}.get(question_of(message) or "", "Skip")
            )
        assert "They'll decide by: Thu 24 Dec" in message.text
    (interview,) = await open_interviews(backend, sam.id)
    assert interview.decision_date is not None and interview.decision_date.isoformat() == (
        "2026-12-24"
    )


async def test_a_typed_decision_day_on_a_weekend_is_counted_on_the_friday_before(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(datetime(2026, 12, 1, 11, tzinfo=LONDON))  # a Tuesday
    ann = await settled(backend, fake.user(1001, "Ann"))
    async with running_bot(fake, backend, clock):
        summary = await log_interview(ann, "Initech", decision="by sunday")
        assert "They'll decide by: Fri 4 Dec" in summary.text


async def test_a_bare_weekday_for_an_interview_is_asked_past_or_coming(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    # Thursday 10 December, in the evening: "monday" is last Monday or the coming one.
    clock.go(datetime(2026, 12, 10, 19, 30, tzinfo=LONDON))
    ann = await settled(backend, fake.user(1001, "Ann"))
    async with running_bot(fake, backend, clock):
        await say(ann, "/new")
        await say(ann, "Initech")
        when = await say(ann, "Skip")
        assert question_of(when) == "when"
        asked = await say(ann, "monday 11:30 am")
        assert "could mean two different days" in asked.text
        assert asked.button_texts == ["Mon 7 Dec, 11:30", "Mon 14 Dec, 11:30"]
        after = await tap(ann, "Mon 14 Dec, 11:30")
        assert question_of(after) == "agency"
        summary = await tap(ann, "No, I applied directly")
        assert "Mon 14 Dec" in summary.text  # still to come: the tip and the check-in
    (interview,) = await open_interviews(backend, ann.id)
    assert interview.when == datetime(2026, 12, 14, 11, 30, tzinfo=LONDON)


async def test_the_words_typed_settle_a_weekday_as_past(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(datetime(2026, 12, 10, 19, 30, tzinfo=LONDON))
    ann = await settled(backend, fake.user(1001, "Ann"))
    async with running_bot(fake, backend, clock):
        summary = await log_interview(ann, "Initech", when="it was monday 11:30 am")
        assert "Mon 7 Dec" in summary.text
    (interview,) = await open_interviews(backend, ann.id)
    assert interview.when == datetime(2026, 12, 7, 11, 30, tzinfo=LONDON)


async def test_a_decision_day_not_after_the_interview_is_refused_and_asked_again(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(datetime(2026, 12, 2, 15, tzinfo=LONDON))  # a Wednesday
    ann = await settled(backend, fake.user(1001, "Ann"))
    async with running_bot(fake, backend, clock):
        question = await say(ann, "/new")
        while question_of(question) != "decision":
            field = question_of(question)
            value = {"company": "Initech", "role": "Skip", "when": "It just ended"}
            question = await answer(ann, question, value.get(field or "", "No, I applied directly"))
        refused = await say(ann, "today")
        assert "Wed 2 Dec is the day of the interview itself" in refused.text
        again = await next_new(ann)
        assert question_of(again) == "decision"  # the question stays open
        refused = await say(ann, "yesterday")
        assert "is before the interview (Wed 2 Dec)" in refused.text
        again = await next_new(ann)
        assert question_of(again) == "decision"
        message = await tap(ann, "They didn't say")
        while question_of(message) is not None:
            field = question_of(message)
            message = await answer(
                ann, message, {"extras": "Neither", "rating": "Good"}.get(field or "", "Skip")
            )
        assert "None" not in message.text
    (interview,) = await open_interviews(backend, ann.id)
    assert interview.decision_date is None


async def test_the_christmas_break_is_not_counted_as_working_days_since_the_interview(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(datetime(2026, 12, 23, 11, tzinfo=LONDON))
    hugh = await settled(backend, fake.user(8008, "Hugh"), country="GB-ENG")
    async with running_bot(fake, backend, clock):
        summary = await log_interview(hugh, "Initech")
        # 24 Dec to Sun 3 Jan is the break: five working days are Mon 4 to Fri 8 Jan.
        assert "No news by Fri 8 Jan 2027?" in summary.text
        clock.go(datetime(2027, 1, 4, 12, tzinfo=LONDON))
        await hugh.expect_silence(1.0)  # the thank-you went stale; the reassurance is Tue 5 Jan
        verdict = await say(hugh, "should I chase them yet?")
        assert "It's been 1 working day since the interview" in verdict.text
        assert "follow up from Fri 8 Jan" in verdict.text
        assert "31 Dec" not in verdict.text


async def test_a_corrected_decision_day_on_a_holiday_is_moved_and_said(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(datetime(2026, 12, 3, 15, tzinfo=LONDON))  # a Thursday
    hugh = await settled(backend, fake.user(8008, "Hugh"), country="GB-ENG")
    async with running_bot(fake, backend, clock):
        await log_interview(hugh, "Initech")
        await say(hugh, "/status")
        await tap(hugh, "Initech")
        await tap(hugh, "When they'll decide")
        refused = await say(hugh, "3 dec")
        assert "Thu 3 Dec is the day of the interview itself" in refused.text
        assert "When did they say" in (await next_new(hugh)).text
        saved = await say(hugh, "25 dec")
        assert "Fri 25 Dec is a holiday where you are (Christmas Day)" in saved.text
        assert "I'll count Thu 24 Dec" in saved.text and "Updated Initech" in saved.text
        # Decided by Thu 24 Dec; the Christmas break (24 Dec to 3 Jan) counts for nothing.
        assert "follow up from Mon 4 Jan 2027" in saved.text
        # A debriefed interview has happened: its weekday is the last one.
        await say(hugh, "/status")
        await tap(hugh, "Initech")
        await tap(hugh, "Date and time")
        moved = await say(hugh, "monday 10am")
        assert "Interview: Mon 30 Nov, 10:00" in moved.text
