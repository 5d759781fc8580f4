"""End to end: typed answers that mean a button, and news told in passing.

Each defect here was a real conversation: "ok i guess 😐" and "🙂" at the rating question got
"Please tap one of the buttons above"; "no direct" at the agency question was kept as the agency
"no direct"; "yeah thru teksystems, my recruiter is mike" was offered wrong splits.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from followup.core.model import Outcome, Rating
from tests.support.bot import running_bot, sends_settled
from tests.support.clock import Clock, london
from tests.support.driver import log_interview, next_new, question_of, say, settled, tap
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.stores import Backend, stored_interviews

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("UTC"))
LONDON = ZoneInfo("Europe/London")


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


async def test_a_typed_no_answers_the_card_question_in_both_its_forms(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    """ "nah" to "outside hours, or a card?" is Neither; to "a card?" alone (the interview was on
    a Sunday, so outside hours is known) it is No."""
    clock.go(MONDAY)
    async with running_bot(fake, backend, clock):
        for user_id, when in ((5105, "It just ended"), (5106, "yesterday 3pm")):
            user = await settled(backend, fake.user(user_id))
            summary = await log_interview(user, "Acme", when=when, extras="nah")
            assert "tap one of the buttons" not in summary.text and "Saved" in summary.text
            (interview,) = await stored_interviews(backend, user_id)
            assert not interview.got_contact, when


async def test_the_agency_question_reads_direct_and_an_agency_with_its_recruiter(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(MONDAY)
    async with running_bot(fake, backend, clock):
        for user_id, typed in ((5111, "no direct"), (5112, "no, directamente"), (5114, "nope")):
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


# --- News told in passing, idle ----------------------------------------------------------------


async def log_direct(user: FakeUser, company: str, when: str = "It just ended") -> None:
    await log_interview(user, company, when=when, extras="Neither", rating="Good", notes="Skip")


async def test_a_next_round_named_in_passing_is_recorded_with_an_undo(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(MONDAY)
    async with running_bot(fake, backend, clock):
        user = await settled(backend, fake.user(5131))
        await log_direct(user, "Globex")
        await log_direct(user, "Acme")
        told = await say(user, "mike called, acme wants me for a 2nd round!!")
        assert "not sure what you mean" not in told.text and "Acme" in told.text
        assert "↩️ Undo" in told.button_texts
        acme = next(i for i in await stored_interviews(backend, 5131) if i.company == "Acme")
        assert acme.outcome is Outcome.NEXT_ROUND
        await tap(user, "↩️ Undo")
        acme = next(i for i in await stored_interviews(backend, 5131) if i.company == "Acme")
        assert acme.is_open


async def test_an_offer_in_an_excited_message_is_recorded_not_picked_from_five(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(MONDAY)
    async with running_bot(fake, backend, clock):
        user = await settled(backend, fake.user(5132))
        await log_direct(user, "Infosys")
        await log_direct(user, "Acme")
        told = await say(user, "OMG ramesh just called, Infosys is giving me an offer!! 🎉🎉")
        # Recorded at once (no picker of outcomes): what follows is the offer's own question.
        assert "offer from Infosys" in told.text and "No deadline" in told.button_texts
        assert "Rejected" not in " ".join(told.button_texts)
        by_company = {i.company: i for i in await stored_interviews(backend, 5132)}
        assert by_company["Infosys"].outcome is Outcome.OFFER and by_company["Acme"].is_open


async def test_a_moved_interview_takes_its_new_time_and_undo_puts_it_back(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(MONDAY)
    async with running_bot(fake, backend, clock):
        user = await settled(backend, fake.user(5133))
        await log_direct(user, "Globex", when="it's on friday 3pm")
        (before,) = await stored_interviews(backend, 5133)
        told = await say(user, "globex moved my interview to wed 12/9 at 9:30am")
        assert "Moved your Globex interview" in told.text and "9 Dec" in told.text
        (moved,) = await stored_interviews(backend, 5133)
        assert moved.when.astimezone(LONDON) == datetime(2026, 12, 9, 9, 30, tzinfo=LONDON)
        undone = await tap(user, "↩️ Undo")
        assert "Undone" in undone.text
        (back,) = await stored_interviews(backend, 5133)
        assert back.when == before.when


async def test_sent_it_yesterday_answers_did_you_send_it_and_is_logged_yesterday(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock) as app:
        ann = await settled(backend, fake.user(5134, "Ann"))
        await log_interview(ann, "Acme", agency="Sam", extras="Neither", notes="Skip")
        await say(ann, "/pause")
        await say(ann, "/resume")
        clock.go(london(12, 2, 9, 0), wake=False)
        clock.go(london(12, 2, 10, 1))  # the follow-up nudge, left unanswered
        first = await next_new(ann, timeout=10)
        while "follow up" not in first.text:
            first = await next_new(ann, timeout=10)
        await sends_settled(app)
        clock.go(london(12, 3, 10, 1))
        asked = await next_new(ann, timeout=10)
        assert "Did you send that follow-up to Acme?" in asked.text
        await sends_settled(app)
        logged = await say(ann, "i sent it yesterday")
        assert "first follow-up" in logged.text and "↩️ Undo" in logged.button_texts
        (acme,) = await stored_interviews(backend, ann.id)
        assert [c.astimezone(LONDON).date() for c in acme.chases] == [datetime(2026, 12, 2).date()]
        # The nudge's own button no longer logs a second one, dated today.
        await ann.press("✅ Yes, I sent it", asked)
        assert "no longer active" in (await next_new(ann)).text
        (acme,) = await stored_interviews(backend, ann.id)
        assert len(acme.chases) == 1


async def test_news_typed_mid_question_is_acted_on_then_the_question_comes_back(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(MONDAY)
    async with running_bot(fake, backend, clock):
        user = await settled(backend, fake.user(5135))
        await log_direct(user, "Acme")
        await say(user, "/new")
        await say(user, "Globex")
        await tap(user, "Skip")
        await tap(user, "It just ended")
        asked = await say(user, "no direct")
        while question_of(asked) != "rating":
            asked = await tap(user, asked.button_texts[-1])
        told = await say(user, "acme rejected me")
        assert "Acme" in told.text
        again = await next_new(user)
        assert question_of(again) == "rating"
        acme = next(i for i in await stored_interviews(backend, 5135) if i.company == "Acme")
        assert acme.outcome is Outcome.REJECTED
        summary = await say(user, "ok i guess 😐")
        assert question_of(summary) == "notes"


async def test_yep_typed_to_did_you_send_it_counts_as_its_button(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    async with running_bot(fake, backend, clock) as app:
        ann = await settled(backend, fake.user(5136, "Ann"))
        await log_interview(ann, "Acme", agency="Sam", extras="Neither", notes="Skip")
        await say(ann, "/pause")
        await say(ann, "/resume")
        clock.go(london(12, 2, 9, 0), wake=False)
        clock.go(london(12, 2, 10, 1))
        first = await next_new(ann, timeout=10)
        while "follow up" not in first.text:
            first = await next_new(ann, timeout=10)
        await sends_settled(app)
        clock.go(london(12, 3, 10, 1))
        assert "Did you send that follow-up" in (await next_new(ann, timeout=10)).text
        await sends_settled(app)
        logged = await say(ann, "yep 👍")
        assert "first follow-up" in logged.text
        (acme,) = await stored_interviews(backend, ann.id)
        assert [c.astimezone(LONDON).date() for c in acme.chases] == [datetime(2026, 12, 3).date()]


async def test_a_new_interview_told_in_passing_is_logged_with_its_company_filled_in(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    clock.go(MONDAY)
    async with running_bot(fake, backend, clock):
        user = await settled(backend, fake.user(5140))
        told = await say(user, "i have an interview with atlassian tomorrow at 2pm")
        assert "new interview with Atlassian" in told.text
        asked = await tap(user, told.button_texts[0])
        assert "role" in asked.text  # the company is known already: the next question is asked
