"""The store on a temporary directory: round trips, ordering, isolation, surviving failures."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.core.model import (
    Interview,
    Nudge,
    NudgeKind,
    NudgeState,
    Outcome,
    Rating,
    UserSettings,
    new_id,
)
from followup.store.tinydb import Store, storage
from followup.store.tinydb.storage import AtomicJSONStorage, CorruptDataFile

T0 = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)
ALICE = 1001
BOB = 2002


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A store on an empty temporary data directory."""
    opened = Store(tmp_path)
    yield opened
    opened.close()


def user_file(data_dir: Path, user_id: int) -> Path:
    """Where the layout puts a user's file."""
    return data_dir / "users" / f"{abs(user_id) % 1000:03d}" / f"{user_id}.json"


def make_interview(
    user_id: int = ALICE, company: str = "Acme", days: int = 0, **extra: Any
) -> Interview:
    """An interview `days` after T0."""
    when = T0 + timedelta(days=days)
    return Interview(
        id=new_id(), user_id=user_id, company=company, when=when, created=when, **extra
    )


def make_nudge(
    user_id: int = ALICE, interview_id: str = "iv", hours: int = 0, **extra: Any
) -> Nudge:
    """A check-in nudge due `hours` after T0."""
    return Nudge(
        id=new_id(),
        user_id=user_id,
        chat_id=user_id,
        interview_id=interview_id,
        kind=NudgeKind.CHECK_IN,
        due=T0 + timedelta(hours=hours),
        **extra,
    )


def full_interview() -> Interview:
    """An interview with every field set to something other than its default."""
    return Interview(
        id="iv-full",
        user_id=ALICE,
        company="Zürich Réassurance",
        when=T0,
        created=T0 - timedelta(hours=2),
        role="Data engineer",
        via_agency=True,
        recruiter="Sam",
        decision_date=date(2025, 3, 14),
        outside_hours=False,
        got_contact=True,
        rating=Rating.MIXED,
        notes="Asked about on-call; 数据 team",
        debriefed=True,
        feedback_given=T0 + timedelta(days=1),
        thanked=T0 + timedelta(hours=3),
        chases=(T0 + timedelta(days=7), T0 + timedelta(days=12)),
        outcome=Outcome.NEXT_ROUND,
        heard_back=T0 + timedelta(days=13),
    )


# round trips


def test_interview_with_every_field_round_trips(store: Store) -> None:
    interview = full_interview()
    store.save_interview(interview)
    assert store.interview(ALICE, "iv-full") == interview
    loaded = store.interview(ALICE, "iv-full")
    assert loaded is not None
    assert type(loaded.rating) is Rating
    assert type(loaded.outcome) is Outcome
    assert type(loaded.decision_date) is date
    assert type(loaded.chases) is tuple
    assert loaded.when.utcoffset() == timedelta(0)


def test_interview_with_defaults_round_trips(store: Store) -> None:
    interview = make_interview()
    store.save_interview(interview)
    assert store.interview(ALICE, interview.id) == interview


def test_times_are_stored_as_utc_iso_strings(store: Store, tmp_path: Path) -> None:
    paris = datetime(2025, 3, 3, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    store.save_interview(replace(make_interview(), when=paris))
    raw = json.loads(user_file(tmp_path, ALICE).read_text("utf-8"))
    (doc,) = raw["interviews"].values()
    assert doc["when"] == "2025-03-03T09:30:00+00:00"


def test_naive_datetimes_are_refused(store: Store) -> None:
    naive = Interview(id="x", user_id=ALICE, company="A", when=datetime(2025, 1, 1), created=T0)
    with pytest.raises(ValueError, match="naive"):
        store.save_interview(naive)
    assert store.interviews(ALICE) == []


def test_nudge_with_every_field_round_trips(store: Store) -> None:
    nudge = Nudge(
        id="n1",
        user_id=ALICE,
        chat_id=-100123,
        interview_id="iv",
        kind=NudgeKind.SECOND_CHASE,
        due=T0,
        state=NudgeState.SENT,
        sent_at=T0 + timedelta(minutes=1),
    )
    store.save_nudges([nudge])
    assert store.nudge(ALICE, "n1") == nudge


def test_settings_round_trip_and_replace(store: Store) -> None:
    assert store.settings(ALICE) is None
    first = UserSettings(user_id=ALICE, chat_id=ALICE, timezone="Europe/Paris")
    store.save_settings(first)
    assert store.settings(ALICE) == first
    second = UserSettings(
        user_id=ALICE, chat_id=5, timezone="Asia/Tokyo", paused=True, blocked=True, tips=("a", "b")
    )
    store.save_settings(second)
    assert store.settings(ALICE) == second


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    company=st.text(min_size=1, max_size=30),
    notes=st.none() | st.text(max_size=50),
    rating=st.none() | st.sampled_from(Rating),
    outcome=st.none() | st.sampled_from(Outcome),
    offsets=st.lists(st.integers(min_value=-(10**6), max_value=10**6), max_size=4),
    decision=st.none() | st.dates(),
)
def test_any_interview_round_trips(
    store: Store,
    company: str,
    notes: str | None,
    rating: Rating | None,
    outcome: Outcome | None,
    offsets: list[int],
    decision: date | None,
) -> None:
    interview = Interview(
        id="prop",
        user_id=ALICE,
        company=company,
        when=T0,
        created=T0,
        notes=notes,
        rating=rating,
        outcome=outcome,
        decision_date=decision,
        chases=tuple(T0 + timedelta(seconds=offset) for offset in offsets),
    )
    store.save_interview(interview)
    assert store.interview(ALICE, "prop") == interview


# interviews


def test_save_interview_replaces_by_id(store: Store) -> None:
    interview = make_interview(notes="first")
    store.save_interview(interview)
    store.save_interview(replace(interview, notes=None, debriefed=True))
    (only,) = store.interviews(ALICE)
    assert only.notes is None
    assert only.debriefed is True


def test_interviews_newest_first_and_open_ones(store: Store) -> None:
    old = make_interview(days=0, company="Old")
    new = make_interview(days=5, company="New", outcome=Outcome.REJECTED)
    middle = make_interview(days=2, company="Middle")
    for interview in (old, new, middle):
        store.save_interview(interview)
    assert [i.company for i in store.interviews(ALICE)] == ["New", "Middle", "Old"]
    assert [i.company for i in store.open_interviews(ALICE)] == ["Middle", "Old"]


def test_latest_with_company_ignores_case_and_spaces(store: Store) -> None:
    older = make_interview(company="Acme Corp", days=0)
    newer = make_interview(company="ACME  corp", days=3)
    other = make_interview(company="Globex", days=9)
    for interview in (older, newer, other):
        store.save_interview(interview)
    assert store.latest_with_company(ALICE, "  acme corp ") == newer
    assert store.latest_with_company(ALICE, "AcmeCorp") == newer
    assert store.latest_with_company(ALICE, "Initech") is None
    assert store.latest_with_company(BOB, "Acme Corp") is None


# nudges


def test_nudges_sorted_by_due_and_filtered(store: Store) -> None:
    late = make_nudge(interview_id="a", hours=30)
    early = make_nudge(interview_id="b", hours=1)
    sent = make_nudge(interview_id="a", hours=5, state=NudgeState.SENT, sent_at=T0)
    store.save_nudges([late, early, sent])
    assert store.nudges(ALICE) == [early, sent, late]
    assert store.nudges(ALICE, interview_id="a") == [sent, late]
    assert store.pending_nudges(ALICE) == [early, late]


def test_save_nudges_is_one_write_per_user(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = make_nudge(hours=1)
    store.save_nudges([existing])
    replaced: list[str] = []
    real_replace = os.replace

    def counting_replace(source: str, target: str | Path) -> None:
        replaced.append(str(target))
        real_replace(source, target)

    monkeypatch.setattr(storage.os, "replace", counting_replace)
    moved = replace(existing, due=T0 + timedelta(hours=9))
    batch = [moved, make_nudge(hours=2), make_nudge(hours=3), make_nudge(BOB, hours=4)]
    store.save_nudges(batch)
    assert sorted(replaced) == sorted(
        [str(user_file(tmp_path, ALICE)), str(user_file(tmp_path, BOB))]
    )
    assert len(store.nudges(ALICE)) == 3
    assert store.nudge(ALICE, existing.id) == moved


def test_mark_nudge(store: Store) -> None:
    nudge = make_nudge()
    store.save_nudges([nudge])
    sent_at = T0 + timedelta(minutes=2)
    marked = store.mark_nudge(ALICE, nudge.id, NudgeState.SENT, sent_at)
    assert marked == replace(nudge, state=NudgeState.SENT, sent_at=sent_at)
    assert store.nudge(ALICE, nudge.id) == marked
    assert store.pending_nudges(ALICE) == []
    cancelled = store.mark_nudge(ALICE, nudge.id, NudgeState.CANCELLED)
    assert cancelled is not None
    assert cancelled.sent_at == sent_at
    assert store.mark_nudge(ALICE, "missing", NudgeState.SENT, T0) is None
    assert store.mark_nudge(BOB, nudge.id, NudgeState.SENT, T0) is None


def test_all_pending_nudges_across_users(store: Store) -> None:
    alice = [make_nudge(ALICE, hours=2), make_nudge(ALICE, hours=1, state=NudgeState.SKIPPED)]
    bob = [make_nudge(BOB, hours=3), make_nudge(-5, hours=4)]
    store.save_nudges(alice + bob)
    pending = list(store.all_pending_nudges())
    assert sorted(pending, key=lambda n: n.due) == [alice[0], bob[0], bob[1]]


# users, isolation, the LRU


def test_users_are_isolated(store: Store) -> None:
    interview = make_interview(ALICE)
    nudge = make_nudge(ALICE, interview_id=interview.id)
    store.save_interview(interview)
    store.save_nudges([nudge])
    assert store.interview(BOB, interview.id) is None
    assert store.nudge(BOB, nudge.id) is None
    assert store.interviews(BOB) == []
    assert store.nudges(BOB, interview_id=interview.id) == []


def test_user_ids_lists_users_with_files_only(store: Store, tmp_path: Path) -> None:
    assert store.user_ids() == []
    store.save_settings(UserSettings(user_id=BOB, chat_id=BOB, timezone="UTC"))
    store.save_interview(make_interview(ALICE))
    store.save_interview(make_interview(-7))
    store.interviews(999)  # reading someone unknown creates nothing
    store.drop_user_data(998)
    store.save_conversation_state("c", (997, 997), None)
    (user_file(tmp_path, ALICE).parent / ".1001.json.x.tmp").write_text("{}")
    assert store.user_ids() == [-7, ALICE, BOB]


def test_forget_user_deletes_only_that_file(store: Store, tmp_path: Path) -> None:
    store.save_interview(make_interview(ALICE))
    store.save_user_data(ALICE, {"step": 2})
    store.save_interview(make_interview(BOB))
    store.forget_user(ALICE)
    assert not user_file(tmp_path, ALICE).exists()
    assert store.interviews(ALICE) == []
    assert store.user_data(ALICE) == {}
    assert store.user_ids() == [BOB]
    assert len(store.interviews(BOB)) == 1
    store.forget_user(ALICE)  # forgetting twice is fine


def test_lru_evicts_and_reopens_with_data(tmp_path: Path) -> None:
    small = Store(tmp_path, max_open_users=2)
    saved = {user_id: make_interview(user_id) for user_id in range(1, 6)}
    for interview in saved.values():
        small.save_interview(interview)
    assert len(small._open) == 2
    for user_id, interview in saved.items():
        assert small.interviews(user_id) == [interview]
    assert len(small._open) == 2
    small.close()


def test_reopening_the_store_keeps_everything(tmp_path: Path) -> None:
    first = Store(tmp_path)
    interview = full_interview()
    nudge = make_nudge(interview_id=interview.id)
    user_settings = UserSettings(user_id=ALICE, chat_id=ALICE, timezone="UTC", tips=("x",))
    first.save_interview(interview)
    first.save_nudges([nudge])
    first.save_settings(user_settings)
    first.save_user_data(ALICE, {"draft": {"company": "Acme", "steps": [1, 2]}})
    first.save_conversation_state("debrief", (ALICE, ALICE), 3)
    first.close()
    second = Store(tmp_path)
    assert second.interviews(ALICE) == [interview]
    assert second.nudges(ALICE) == [nudge]
    assert second.settings(ALICE) == user_settings
    assert second.user_data(ALICE) == {"draft": {"company": "Acme", "steps": [1, 2]}}
    assert second.conversation_states("debrief") == {(ALICE, ALICE): 3}
    second.close()


def test_user_ids_must_be_ints(store: Store) -> None:
    with pytest.raises(TypeError):
        store.interviews("../../etc/passwd")  # type: ignore[arg-type]


def test_new_id_is_short_and_url_safe() -> None:
    ids = {new_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(i) == 10 and i.replace("-", "").replace("_", "").isalnum() for i in ids)


# PTB support


def test_conversation_states_live_in_the_last_key_elements_file(
    store: Store, tmp_path: Path
) -> None:
    store.save_conversation_state("debrief", (ALICE, ALICE), 1)
    store.save_conversation_state("debrief", (-100, BOB), "ASK_DATE")
    store.save_conversation_state("timezone", (ALICE, ALICE), 7)
    assert store.user_ids() == [ALICE, BOB]
    assert store.conversation_states("debrief") == {(ALICE, ALICE): 1, (-100, BOB): "ASK_DATE"}
    store.save_conversation_state("debrief", (ALICE, ALICE), 2)
    store.save_conversation_state("debrief", (-100, BOB), None)
    assert store.conversation_states("debrief") == {(ALICE, ALICE): 2}
    assert store.conversation_states("timezone") == {(ALICE, ALICE): 7}
    assert store.conversation_states("unknown") == {}
    raw = json.loads(user_file(tmp_path, BOB).read_text("utf-8"))
    assert raw["conversations"] == {}


def test_user_data_round_trip_and_drop(store: Store) -> None:
    assert store.user_data(ALICE) == {}
    store.save_user_data(ALICE, {"a": 1, "nested": {"list": [1, "two", None]}})
    store.save_user_data(ALICE, {"b": True})
    store.save_user_data(BOB, {"c": "ç"})
    store.save_interview(make_interview(-3))  # a file without user_data
    assert store.user_data(ALICE) == {"b": True}
    assert store.all_user_data() == {ALICE: {"b": True}, BOB: {"c": "ç"}}
    store.drop_user_data(ALICE)
    assert store.user_data(ALICE) == {}
    assert store.all_user_data() == {BOB: {"c": "ç"}}


def test_user_data_returned_is_a_copy(store: Store) -> None:
    store.save_user_data(ALICE, {"list": [1]})
    store.user_data(ALICE)["list"].append(2)
    assert store.user_data(ALICE) == {"list": [1]}


# files on disk: modes, atomic writes, corruption


def test_file_and_directory_modes(store: Store, tmp_path: Path) -> None:
    store.save_interview(make_interview())
    path = user_file(tmp_path, ALICE)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700


def test_file_is_compact_utf8_json(store: Store, tmp_path: Path) -> None:
    store.save_interview(full_interview())
    raw = user_file(tmp_path, ALICE).read_bytes()
    assert "Zürich".encode() in raw
    compact = json.dumps(json.loads(raw), ensure_ascii=False, separators=(",", ":"))
    assert raw == compact.encode("utf-8")


def test_failed_serialisation_keeps_the_old_file(store: Store, tmp_path: Path) -> None:
    store.save_user_data(ALICE, {"ok": 1})
    path = user_file(tmp_path, ALICE)
    before = path.read_bytes()
    with pytest.raises(TypeError):
        store.save_user_data(ALICE, {"bad": object()})
    assert path.read_bytes() == before
    assert leftovers(path.parent) == []
    assert store.user_data(ALICE) == {"ok": 1}


def test_failed_rename_keeps_the_old_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    interview = make_interview()
    store.save_interview(interview)
    path = user_file(tmp_path, ALICE)
    before = path.read_bytes()

    def broken_replace(source: str, target: str | Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(storage.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        store.save_interview(make_interview(days=1))
    with pytest.raises(OSError, match="disk full"):
        store.save_nudges([make_nudge(), make_nudge()])
    assert path.read_bytes() == before
    assert leftovers(path.parent) == []
    assert store.interviews(ALICE) == [interview]
    assert store.nudges(ALICE) == []
    monkeypatch.undo()
    store.save_nudges([make_nudge()])
    assert len(store.nudges(ALICE)) == 1


def test_corrupt_file_raises_naming_the_path(store: Store, tmp_path: Path) -> None:
    path = user_file(tmp_path, ALICE)
    path.parent.mkdir(parents=True)
    path.write_text('{"interviews": {"1": {"id": ')
    with pytest.raises(CorruptDataFile, match=str(path)) as caught:
        store.interviews(ALICE)
    assert caught.value.path == path
    with pytest.raises(CorruptDataFile):
        store.save_interview(make_interview())
    assert path.read_text() == '{"interviews": {"1": {"id": '


@pytest.mark.parametrize("content", [b"", b"[1, 2]", b"\xff\xfe{}"])
def test_other_unreadable_files_are_corrupt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "u.json"
    path.write_bytes(content)
    with pytest.raises(CorruptDataFile):
        AtomicJSONStorage(path).read()


def test_storage_reads_the_disk_once(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "u.json"
    target = AtomicJSONStorage(path)
    assert target.read() is None
    target.write({"t": {"1": {"x": [1, 2]}}})
    path.write_text('{"changed": {}}')  # nobody else writes our files, so this goes unseen
    assert target.read() == {"t": {"1": {"x": [1, 2]}}}
    assert AtomicJSONStorage(path).read() == {"changed": {}}
    assert stat.S_IMODE((tmp_path / "deep").stat().st_mode) == 0o700


def test_storage_read_returns_a_private_copy(tmp_path: Path) -> None:
    target = AtomicJSONStorage(tmp_path / "u.json")
    target.write({"t": {"1": {"x": [1]}}})
    copy = target.read()
    assert copy is not None
    copy["t"]["1"]["x"].append(2)
    assert target.read() == {"t": {"1": {"x": [1]}}}


def test_storage_batch_writes_once_or_not_at_all(tmp_path: Path) -> None:
    path = tmp_path / "u.json"
    target = AtomicJSONStorage(path)
    with target.batch():
        target.write({"a": {}})
        assert not path.exists()
        assert target.read() == {"a": {}}
        target.write({"b": {}})
    assert json.loads(path.read_text()) == {"b": {}}
    with pytest.raises(RuntimeError), target.batch():
        target.write({"c": {}})
        raise RuntimeError("stop")
    assert json.loads(path.read_text()) == {"b": {}}
    assert target.read() == {"b": {}}


# helpers


def leftovers(directory: Path) -> list[str]:
    """Temporary files a failed write might have left behind."""
    return [name for name in os.listdir(directory) if name.endswith(".tmp")]


def test_start_up_reads_every_user_once_and_clears_crash_leftovers(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save_settings(UserSettings(user_id=5, chat_id=5, timezone="UTC", paused=True))
    store.save_user_data(5, {"debrief": {"company": "Acme"}})
    store.save_conversation_state("debrief", (5, 5), "role")
    leftover = tmp_path / "users" / "005" / ".5.json.abc.tmp"
    leftover.write_text("{half", encoding="utf-8")
    (tmp_path / "users" / "006").mkdir(mode=0o700)
    (tmp_path / "users" / "006" / "6.json").write_text("{broken", encoding="utf-8")
    snapshot = Store(tmp_path).startup_snapshot()
    assert snapshot.settings[5].paused and snapshot.user_data == {
        5: {"debrief": {"company": "Acme"}}
    }
    assert snapshot.conversations == {"debrief": {(5, 5): "role"}}
    assert not leftover.exists()  # a temp file is never data: it was never renamed into place
    assert (tmp_path / "users" / "006" / "6.json").read_text() == "{broken"  # left for a human
