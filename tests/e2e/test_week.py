"""A week in the life, scripted: every date the bot states is checked against one plan, written
out by hand below, and against /status at the time.

Wen, a newcomer in London (England's holidays), logs an agency interview with Globex on Monday 30
November 2026 and a direct one with Acme on Tuesday; she logs follow-ups with both buttons,
corrects Acme's decision date, asks on a Saturday, and hears back from Globex.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from tests.support.bot import running_bot
from tests.support.clock import Clock, london
from tests.support.driver import arriving, log_interview, next_new, say, tap
from tests.support.fake_telegram import BotMessage, FakeTelegram, FakeUser
from tests.support.stores import Backend
from tests.support.voice import stated

LONDON = ZoneInfo("Europe/London")
D = date

# The plan, by hand (England's working days; nothing special this fortnight):
GLOBEX = {
    D(2026, 11, 30): "the interview; feedback call 11:00; thank-you 12:00",
    D(2026, 12, 2): "reassurance (two working days)",
    D(2026, 12, 7): "first follow-up (five working days), logged from the verdict",
    D(2026, 12, 14): "second follow-up would be due (a week after the first); they said no",
    D(2026, 12, 15): "the offer of a gracious reply (next working day)",
    D(2026, 12, 16): "the tip request (the day after the reply offer)",
}
ACME = {
    D(2026, 12, 1): "the interview (15:00); thank-you 17:00",
    D(2026, 12, 4): "decision date as first given (Friday); then the follow-up day after the edit",
    D(2026, 12, 3): "reassurance; and the corrected decision date (Thursday)",
    D(2026, 12, 7): "the follow-up day before the edit",
    D(2026, 12, 11): "second follow-up (a week after the first, logged Fri 4 Dec)",
    D(2026, 12, 18): "time to move on (five working days after the second)",
}
PLAN = set(GLOBEX) | set(ACME)


async def at(clock: Clock, user: FakeUser, when: datetime) -> list[BotMessage]:
    clock.go(when)
    return await arriving(user)


async def test_a_week_in_the_life_states_one_consistent_plan(
    fake: FakeTelegram, backend: Backend, clock: Clock
) -> None:
    wen = fake.user(7007, "Wen")
    clock.go(london(11, 30, 9))
    async with running_bot(fake, backend, clock):
        # Monday: the zone first, then Globex (agency, recruiter Sam), just ended at 10:00.
        await say(wen, "/start")
        await next_new(wen)
        assert "Europe/London" in (await say(wen, "London")).text  # and whose holidays?
        assert "Shall we log" in (await say(wen, "England")).text
        clock.go(london(11, 30, 10), wake=False)
        notes = "Met Priya; she said the team is doubling"
        summary = await log_interview(
            wen, "Globex", agency="Sam Jones", notes=notes, begin="Log an interview"
        )
        assert "ring Sam Jones" in summary.text and "No news by Mon 7 Dec?" in summary.text
        assert "next: call your recruiter, today 11:00" in (await say(wen, "/status")).text

        (feedback,) = await at(clock, wen, london(11, 30, 11, 1))
        assert "called Sam Jones" in feedback.text
        await tap(wen, "Done, I called")
        (thanks,) = await at(clock, wen, london(11, 30, 12, 1))
        assert "thank-you to Globex" in thanks.text
        await tap(wen, "Sent it")

        # Tuesday: Acme, directly, at 15:00; they'll decide by Friday.
        clock.go(london(12, 1, 16), wake=False)
        summary = await log_interview(
            wen, "Acme", when="today 3pm", decision="friday", rating="Great"
        )
        assert "They'll decide by: Fri 4 Dec" in summary.text
        assert "No news by Mon 7 Dec?" in summary.text
        (acme_thanks,) = await at(clock, wen, london(12, 1, 17, 1))
        assert "thank-you to Acme" in acme_thanks.text
        await tap(wen, "Sent it")

        # Wednesday: Globex's reassurance names its follow-up day; Acme's date is corrected.
        (calm,) = await at(clock, wen, london(12, 2, 10, 1))
        assert "Globex" in calm.text and "Mon 7 Dec" in calm.text
        await say(wen, "/status")
        await tap(wen, "✏️ Acme")
        await tap(wen, "When they'll decide")
        updated = await say(wen, "thursday")
        assert "follow up from Fri 4 Dec" in updated.text

        # Thursday and Friday: Acme's reassurance, then its follow-up, logged from the nudge.
        (acme_calm,) = await at(clock, wen, london(12, 3, 10, 1))
        assert "Acme" in acme_calm.text and "Fri 4 Dec" in acme_calm.text
        (acme_chase,) = await at(clock, wen, london(12, 4, 10, 1))
        assert "follow up with Acme" in acme_chase.text
        logged = await tap(wen, "I sent it")
        assert "first follow-up to Acme" in logged.text and "Fri 11 Dec" in logged.text

        # Saturday: "should I chase Globex?" is answered for the right interview and day.
        clock.go(london(12, 5, 11), wake=False)
        weekend = await say(wen, "should I chase Globex?")
        assert weekend.text.startswith("About Globex:") and "Not yet." in weekend.text
        assert "follow up from Mon 7 Dec" in weekend.text

        # Monday: Globex's follow-up nudge; she logs it from the verdict instead.
        (globex_chase,) = await at(clock, wen, london(12, 7, 10, 1))
        assert "follow up with Globex" in globex_chase.text
        verdict = await say(wen, "should I follow up with Globex?")
        assert "Yes: send one short, polite follow-up today." in verdict.text
        logged = await tap(wen, "I sent it")
        assert "first follow-up to Globex" in logged.text and "Mon 14 Dec" in logged.text
        assert await at(clock, wen, london(12, 8, 10, 1)) == []  # no "did you send it?"

        # Friday: Acme's second follow-up; then the move-on day agrees with the verdict.
        (second,) = await at(clock, wen, london(12, 11, 10, 1))
        assert "Still nothing from Acme" in second.text
        logged = await tap(wen, "I sent it")
        assert "second follow-up to Acme" in logged.text and "Fri 18 Dec" in logged.text

        # Monday: Globex said no, before its second follow-up came due.
        clock.go(london(12, 14, 9), wake=False)
        sorry = await say(wen, "globex rejected me :(")
        assert "Sorry it didn't work out with Globex" in sorry.text
        status = await say(wen, "/status")
        assert "Globex" not in status.text and "time to move on, Fri 18 Dec, 10:00" in status.text
        (reply_offer,) = await at(clock, wen, london(12, 15, 10, 1))
        assert "Globex" in reply_offer.text and "reply" in reply_offer.text
        (tip,) = await at(clock, wen, london(12, 16, 18, 1))
        assert "tip" in tip.text
        (move_on,) = await at(clock, wen, london(12, 18, 10, 1))
        assert "energy elsewhere" in move_on.text and "Acme" in move_on.text
        assert (await say(wen, "should I chase Acme?")).text.startswith("Time to move on.")

    # Every date any message stated is in the plan written out above (or is the day it was said).
    said = {(m.date, day) for m in wen.history for day in stated(m.text, _day_of(m.date))}
    assert len(said) >= 15  # dates were found and checked
    strays = sorted(day for sent, day in said if day not in PLAN and day != _day_of(sent))
    assert strays == [], strays


def _day_of(timestamp: int) -> date:
    return datetime.fromtimestamp(timestamp, LONDON).date()
