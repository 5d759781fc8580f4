"""End to end: typed answers that mean a button, and news told in passing.

Each defect here was a real conversation: "ok i guess 😐" and "🙂" at the rating question got
"Please tap one of the buttons above"; "no direct" at the agency question was kept as the agency
"no direct"; "yeah thru teksystems, my recruiter is mike" was offered wrong splits.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from followup.core.model import Rating
from tests.support.bot import running_bot
from tests.support.clock import Clock
from tests.support.driver import log_interview, next_new, question_of, say, settled
from tests.support.fake_telegram import FakeTelegram
from tests.support.stores import Backend, stored_interviews

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("UTC"))


async def test_the_rating_question_takes_words_and_emoji(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(MONDAY)
    async with running_bot(fake, backend, clock):
        for user_id, typed, rating in (
            (5101, "ok i guess 😐", Rating.MIXED),
            (5102, "🙂", Rating.GOOD),
            (5103, "terrible 😩", Rating.ROUGH),
            (5104, "great!!", Rating.GREAT),
        ):
            user = await settled(backend, fake.user(user_id))
            summary = await log_interview(user, "Acme", rating=typed)
            assert "tap one of the buttons" not in summary.text
            (interview,) = await stored_interviews(backend, user_id)
            assert interview.rating is rating, typed


async def test_the_agency_question_reads_direct_and_an_agency_with_its_recruiter(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(MONDAY)
    async with running_bot(fake, backend, clock):
        for user_id, typed in ((5111, "no direct"), (5112, "no, directamente")):
            user = await settled(backend, fake.user(user_id))
            summary = await log_interview(user, "Acme", agency=typed)
            assert "no direct" not in summary.text.lower()
            (interview,) = await stored_interviews(backend, user_id)
            assert not interview.via_agency and interview.recruiter is None, typed
        user = await settled(backend, fake.user(5113))
        await log_interview(user, "Acme", agency="yeah thru teksystems, my recruiter is mike")
        (interview,) = await stored_interviews(backend, 5113)
        assert interview.via_agency and interview.recruiter == "Mike (TEKsystems)"


async def test_yes_typed_to_shall_we_log_an_interview_starts_logging(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(MONDAY)
    async with running_bot(fake, backend, clock):
        user = await settled(backend, fake.user(5121))
        await user.send("/start")
        offer = await next_new(user)
        if "Shall we log" not in offer.text:
            offer = await next_new(user)
        assert "Shall we log" in offer.text
        asked = await say(user, "yes")
        assert question_of(asked) == "company"
        other = await settled(backend, fake.user(5122))
        await other.send("/start")
        while "Shall we log" not in (await next_new(other)).text:
            pass
        assert "not sure" not in (await say(other, "nah")).text.lower()
