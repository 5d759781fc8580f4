"""The calendar link's life: made, replaced, turned off, forgotten; the feed follows the plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import icalendar

from followup.core.calendar_feed import FeedWords, new_token
from followup.services import calendar_feed
from followup.services.interviews import delete
from followup.services.planning import pending_nudges, save_and_replan
from tests.services.service_world import ANN, BOB, ann_in_london

WORDS = FeedWords(
    interview=lambda i: (f"Interview: {i.company}", ""),
    nudge=lambda n, i: (f"{n.kind.value}: {i.company}", ""),
    decision=lambda i: (f"{i.company} decides", ""),
    answer_by=lambda i: (f"Answer {i.company}", ""),
    calendar_name="Follow-up Coach",
)


async def feed_of(world: object, token: str) -> dict[str, icalendar.Event] | None:
    ports = world.ports  # type: ignore[attr-defined]
    found = await calendar_feed.subscriber(ports, token)
    if found is None:
        return None
    body = await calendar_feed.draw_feed(
        ports, found.link.user_id, found.settings, WORDS, found.link
    )
    assert body is not None
    return {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}


async def test_a_new_link_opens_the_feed_and_the_old_one_stops() -> None:
    w = await ann_in_london()
    await w.log_interview()
    first, old_token = await calendar_feed.new_link(w.ports, ANN)
    assert await feed_of(w, old_token) is not None
    second, token = await calendar_feed.new_link(w.ports, ANN)
    assert second.link_id != first.link_id
    assert await feed_of(w, old_token) is None
    assert await feed_of(w, token) is not None
    await calendar_feed.turn_off(w.ports, ANN)
    assert await feed_of(w, token) is None


async def test_unknown_and_malformed_tokens_open_nothing() -> None:
    w = await ann_in_london()
    await calendar_feed.new_link(w.ports, ANN)
    for token in (new_token(), "", "x" * 43, "../" * 20, "é" * 43, new_token() + "a"):
        assert await calendar_feed.subscriber(w.ports, token) is None


async def test_the_feed_follows_an_edit_with_a_higher_sequence() -> None:
    w = await ann_in_london()
    acme = await w.log_interview()
    _, token = await calendar_feed.new_link(w.ports, ANN)
    before = await feed_of(w, token)
    assert before is not None
    chase = before["chase: Acme"]
    assert int(chase["SEQUENCE"]) == 0
    planned = {n.kind.value: n.due for n in await pending_nudges(w.ports, ANN)}
    assert chase.decoded("DTSTART") == planned["chase"]
    moved = replace(acme, when=acme.when + timedelta(days=1))
    await save_and_replan(w.ports, moved)
    after = await feed_of(w, token)
    assert after is not None
    planned = {n.kind.value: n.due for n in await pending_nudges(w.ports, ANN)}
    assert after["chase: Acme"].decoded("DTSTART") == planned["chase"]
    assert after["Interview: Acme"].decoded("DTSTART") == moved.when
    assert int(after["Interview: Acme"]["SEQUENCE"]) == 1
    assert str(after["Interview: Acme"]["UID"]) == str(before["Interview: Acme"]["UID"])
    again = await feed_of(w, token)  # fetched again with nothing changed: the same numbers
    assert again is not None and int(again["Interview: Acme"]["SEQUENCE"]) == 1


async def test_a_deleted_interview_and_a_forgotten_user_leave_the_feed() -> None:
    w = await ann_in_london()
    acme = await w.log_interview()
    await w.log_interview(company="Globex")
    _, token = await calendar_feed.new_link(w.ports, ANN)
    await delete(w.ports, acme)
    feed = await feed_of(w, token)
    assert feed is not None and not any("Acme" in title for title in feed)
    await w.repo.forget_user(ANN)
    assert await feed_of(w, token) is None


async def test_two_users_never_see_each_others_events() -> None:
    w = await ann_in_london()
    await w.repo.save_settings(replace(w.ann, user_id=BOB, chat_id=BOB))
    await w.log_interview(company="Acme")
    await w.log_interview(BOB, company="Initech")
    _, ann_token = await calendar_feed.new_link(w.ports, ANN)
    _, bob_token = await calendar_feed.new_link(w.ports, BOB)
    ann_feed, bob_feed = await feed_of(w, ann_token), await feed_of(w, bob_token)
    assert ann_feed is not None and bob_feed is not None
    assert all("Initech" not in title for title in ann_feed)
    assert all("Acme" not in title for title in bob_feed)
