"""The calendar feed's pure parts: tokens, events from the plan, sequence numbers, iCalendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

from followup.core.calendar_feed import (
    FeedLink,
    FeedWords,
    feed_address,
    feed_events,
    matches,
    new_token,
    next_sequences,
    render_feed,
    token_digest,
    webcal_address,
    well_formed,
)
from followup.core.model import Interview, Nudge, NudgeKind, NudgeState, Outcome

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
HOUR = timedelta(hours=1)
WORDS = FeedWords(
    interview=lambda i: (f"Interview: {i.company}", "about it"),
    nudge=lambda n, i: (f"{n.kind.value}: {i.company}", "do it"),
    decision=lambda i: (f"{i.company} decides", "their day"),
    answer_by=lambda i: (f"Answer {i.company}", "by then"),
    calendar_name="Follow-up Coach",
)


def interview(company: str = "Acme", **extra: object) -> Interview:
    when = datetime(2026, 3, 3, 13, 0, tzinfo=UTC)
    values: dict[str, object] = {"decision_date": date(2026, 3, 13), **extra}
    return Interview(f"i-{company}", 1, company, when, NOW, **values)  # type: ignore[arg-type]


def nudge(kind: NudgeKind, due: datetime, about: Interview, **extra: object) -> Nudge:
    return Nudge(f"n-{kind.value}-{about.id}", 1, 1, about.id, kind, due, **extra)  # type: ignore[arg-type]


def test_tokens_are_long_random_and_kept_only_as_digests() -> None:
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100 and all(well_formed(t) for t in tokens)
    token = tokens.pop()
    link = FeedLink(1, "l", token_digest(token), NOW)
    assert token not in link.token_hash and len(link.token_hash) == 64
    assert matches(link, token)
    assert not matches(link, new_token())
    assert not well_formed(token[:-1]) and not well_formed(token[:-1] + "/")
    assert not well_formed("../../etc/passwd")


def test_addresses() -> None:
    address = feed_address("https://coach.example.com/bot/", "abc")
    assert address == "https://coach.example.com/bot/cal/abc.ics"
    assert webcal_address(address) == "webcal://coach.example.com/bot/cal/abc.ics"


def test_events_are_the_interviews_their_pending_nudges_and_the_employers_dates() -> None:
    acme = interview()
    offer = interview("Globex", outcome=Outcome.OFFER, answer_by=date(2026, 3, 20))
    due = datetime(2026, 3, 3, 15, 0, tzinfo=UTC)
    nudges = [
        nudge(NudgeKind.THANK_YOU, due, acme),
        nudge(NudgeKind.CHECK_IN, due - HOUR, acme, state=NudgeState.SENT),
        nudge(NudgeKind.CHASE, due + 10 * 24 * HOUR, acme, state=NudgeState.CANCELLED),
        nudge(NudgeKind.OFFER_DEADLINE, datetime(2026, 3, 19, 9, tzinfo=UTC), offer),
        Nudge("gone", 1, 1, "deleted", NudgeKind.CHASE, due, step=0),  # its interview is gone
    ]
    events = feed_events([acme, offer], nudges, WORDS, HOUR)
    titles = [e.title for e in events]
    assert titles == [
        "Interview: Acme",
        "Interview: Globex",
        "thank_you: Acme",
        "Acme decides",
        "offer_deadline: Globex",
        "Answer Globex",
    ]
    by_title = {e.title: e for e in events}
    assert by_title["Interview: Acme"].end - by_title["Interview: Acme"].start == HOUR  # type: ignore[operator]
    assert by_title["Acme decides"].start == date(2026, 3, 13)
    assert by_title["Acme decides"].end == date(2026, 3, 14)
    # A closed interview's decision date is past news; an answered offer's day too.
    answered = replace(offer, offer_answered=NOW)
    assert "Answer Globex" not in [e.title for e in feed_events([answered], [], WORDS, HOUR)]


def test_uids_stay_when_the_record_behind_an_event_changes() -> None:
    acme = interview()
    first = nudge(NudgeKind.CHASE, datetime(2026, 3, 10, 9, tzinfo=UTC), acme)
    again = replace(first, id="a-new-record", due=first.due + 24 * HOUR)
    before = {e.title: e.uid for e in feed_events([acme], [first], WORDS, HOUR)}
    after = {e.title: e.uid for e in feed_events([acme], [again], WORDS, HOUR)}
    assert before == after
    assert len(set(before.values())) == len(before)


def test_sequence_goes_up_only_when_an_event_changes_and_never_back() -> None:
    acme = interview()
    chase = nudge(NudgeKind.CHASE, datetime(2026, 3, 10, 9, tzinfo=UTC), acme)
    events = feed_events([acme], [chase], WORDS, HOUR)
    numbers, ledger = next_sequences(events, ())
    assert set(numbers.values()) == {0}
    assert next_sequences(events, ledger) == (numbers, ledger)  # fetched again: nothing changed
    moved = feed_events([acme], [replace(chase, due=chase.due + HOUR)], WORDS, HOUR)
    numbers, ledger = next_sequences(moved, ledger)
    chase_uid = next(e.uid for e in moved if e.title.startswith("chase"))
    assert numbers[chase_uid] == 1
    assert sum(numbers.values()) == 1
    gone = feed_events([acme], [], WORDS, HOUR)  # the nudge went out, or was cancelled
    numbers, ledger = next_sequences(gone, ledger)
    back = feed_events([acme], [chase], WORDS, HOUR)  # planned again at its first time
    numbers, ledger = next_sequences(back, ledger)
    assert numbers[chase_uid] == 2


def test_the_feed_is_valid_icalendar_in_the_users_zone() -> None:
    acme = interview()
    due = datetime(2026, 3, 30, 8, 0, tzinfo=UTC)  # after the clocks go forward in Berlin
    events = feed_events([acme], [nudge(NudgeKind.CHASE, due, acme)], WORDS, HOUR)
    numbers, _ = next_sequences(events, ())
    body = render_feed(events, numbers, BERLIN, "Follow-up Coach", NOW)
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["REFRESH-INTERVAL"].dt == HOUR
    assert calendar["X-PUBLISHED-TTL"] == "PT1H"
    assert calendar["X-WR-CALNAME"] == "Follow-up Coach"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert calendar.get_missing_tzids() == set()
    found = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    chase = found["chase: Acme"]
    assert chase["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert chase.decoded("DTSTART") == due
    assert chase.decoded("DTSTART").astimezone(BERLIN).hour == 10  # summer time: UTC+2
    assert int(chase["SEQUENCE"]) == 0
    assert found["Acme decides"].decoded("DTSTART") == date(2026, 3, 13)
    assert all(str(e["UID"]).endswith("@followup-coach") for e in found.values())
    assert all(e.decoded("DTSTAMP") == NOW for e in found.values())


def test_an_empty_feed_is_still_a_calendar() -> None:
    calendar = icalendar.Calendar.from_ical(render_feed([], {}, BERLIN, "Follow-up Coach", NOW))
    assert calendar.walk("VEVENT") == [] and calendar["VERSION"] == "2.0"


def test_a_user_in_utc_gets_utc_times() -> None:
    acme = interview()
    events = feed_events([acme], [], WORDS, HOUR)
    body = render_feed(events, {}, ZoneInfo("UTC"), "Follow-up Coach", NOW)
    event = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == acme.when
