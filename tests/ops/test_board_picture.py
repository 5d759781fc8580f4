"""The board's data and its picture: lanes, marks and dates, golden images per layout."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from PIL import Image, ImageChops

from followup.core.board import MarkKind, caption, week_start
from followup.core.calendar import WorkCalendar
from followup.core.formatting import local_moment
from followup.core.planner import next_pending
from followup.ops.board_picture import WIDTH, draw
from tests.support.board_samples import GOLDEN, LIBRARY, SAMPLES, sample

# A golden image matches when at most this share of pixels differ visibly (font hinting and
# zlib versions move a few edge pixels; a broken picture moves thousands).
MAX_CHANGED = 0.001


def changed_share(png: bytes, name: str) -> float:
    """The share of pixels visibly different from the golden image (1.0: another size)."""
    got = Image.open(io.BytesIO(png)).convert("RGB")
    want = Image.open(GOLDEN / f"{name}.png").convert("RGB")
    if got.size != want.size:
        return 1.0
    diff = ImageChops.difference(got, want).convert("L").point(lambda v: 255 if v > 48 else 0)
    return diff.histogram()[255] / (got.width * got.height)


@pytest.mark.parametrize("name", SAMPLES)
def test_each_layout_draws_as_its_golden_image(name: str) -> None:
    changed = changed_share(draw(sample(name)[0]).png, name)
    assert changed <= MAX_CHANGED, f"{name}: {changed:.2%} of pixels changed"


def test_the_comparison_catches_a_broken_picture() -> None:
    from dataclasses import replace

    board = sample("five")[0]
    moved = replace(board, lanes=board.lanes[1:] + board.lanes[:1])  # lanes out of order
    assert changed_share(draw(moved).png, "five") > MAX_CHANGED * 5
    wrong_day = replace(board, today=board.today.replace(day=board.today.day + 1))
    assert changed_share(draw(wrong_day).png, "five") > MAX_CHANGED


@pytest.mark.parametrize("name", SAMPLES)
def test_every_picture_fits_a_phone(name: str) -> None:
    drawn = draw(sample(name)[0])
    assert drawn.width <= 1280 and drawn.width == WIDTH and drawn.height <= 1400
    for text in drawn.texts:
        assert text.box[0] >= 0 and text.box[2] <= WIDTH, text
        assert text.box[1] >= 0 and text.box[3] <= drawn.height, text


def test_five_interviews_are_five_lanes_named_and_dated_as_the_plan_says() -> None:
    board, interviews, records, place, now = sample("five")
    drawn = draw(board)
    companies = [t.text for t in drawn.texts if t.role == "company"]
    assert sorted(companies) == sorted(i.company for i in interviews)
    dates = {t.text for t in drawn.texts if t.role == "date"}
    for lane in board.lanes:
        (nxt,) = [m for m in lane.marks if m.kind is MarkKind.NEXT]
        assert nxt.text in dates  # the next step's date is always written out
        upcoming = next_pending([r for r in records if r.interview_id == lane.interview_id])
        assert upcoming is not None
        assert place.day_of(max(upcoming.due, now)) == nxt.day
        assert lane.next_text is not None
        assert local_moment(max(upcoming.due, now), place.zone, now) in lane.next_text
        assert lane.start <= nxt.day <= lane.end
    assert {t.text for t in drawn.texts if t.role == "today"} == {"today"}
    assert "1 follow-up" in board.counts_line


def test_lanes_carry_what_was_logged() -> None:
    board, *_ = sample("five")
    by_company = {lane.company: lane for lane in board.lanes}
    hooli = [m.kind for m in by_company["Hooli"].marks]
    assert hooli.count(MarkKind.FOLLOW_UP_SENT) == 2 and MarkKind.THANK_YOU_SENT in hooli
    initech = {m.kind: m.day for m in by_company["Initech"].marks}
    assert initech[MarkKind.DECISION] == date(2026, 12, 11)
    assert "coming up" in by_company["Umbrella"].stage
    assert by_company["Acme"].stage.startswith("Data Engineer")


def test_the_long_name_is_cut_to_fit_and_the_caption_keeps_it_whole() -> None:
    board, interviews, *_ = sample("long")
    drawn = draw(board)
    (company,) = [t for t in drawn.texts if t.role == "company"]
    assert company.text.endswith("…") and company.box[2] <= WIDTH // 2 + 48
    say = LIBRARY["en"].text
    assert interviews[0].company in caption(board, say)


def test_cyrillic_words_and_dates_are_drawn_in_russian() -> None:
    board, *_ = sample("cyrillic")
    drawn = draw(board)
    texts = {t.text for t in drawn.texts}
    assert "Яндекс" in texts and "сегодня" in texts
    assert any("дек." in t.text for t in drawn.texts if t.role == "date")


def test_an_empty_week_says_so() -> None:
    board, *_ = sample("empty")
    assert board.lanes == () and not board.counts.any
    texts = [t.text for t in draw(board).texts]
    assert board.empty_line in texts and board.counts_line in texts


def test_the_caption_states_every_lane_and_its_next_step_within_telegrams_limit() -> None:
    board, *_ = sample("five")
    text = caption(board, LIBRARY["en"].text)
    assert len(text) <= 1024
    for lane in board.lanes:
        assert lane.company in text and lane.next_text is not None
        assert lane.next_text.strip() in text


def test_closed_interviews_leave_the_board() -> None:
    from dataclasses import replace

    from followup.core.board import build_board
    from followup.core.model import Outcome
    from tests.support.board_samples import plain_say

    _, interviews, records, place, now = sample("five")
    closed = [replace(interviews[0], outcome=Outcome.REJECTED, heard_back=now), *interviews[1:]]
    board = build_board(closed, records, place, now, plain_say("en"))
    assert interviews[0].company not in {lane.company for lane in board.lanes}
    assert "1 answer" in board.counts_line


def test_the_week_starts_after_the_weekend() -> None:
    wednesday = date(2026, 12, 9)
    assert week_start(wednesday, WorkCalendar()) == date(2026, 12, 7)  # Monday
    friday_saturday = WorkCalendar(frozenset({4, 5}))
    assert week_start(wednesday, friday_saturday) == date(2026, 12, 6)  # Sunday
    assert week_start(date(2026, 12, 12), friday_saturday) == date(2026, 12, 6)  # Saturday


def test_rendering_is_fast_enough() -> None:
    board, *_ = sample("five")
    draw(board)
    took = []
    for _ in range(5):
        start = datetime.now()
        draw(board)
        took.append(datetime.now() - start)
    assert max(took) < timedelta(seconds=1)
