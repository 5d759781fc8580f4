"""Mangled invitations carried through to the store: a card's reading is saved whole or not at all.

The readers' own fuzz (tests/core/test_invitation_fuzz.py) shows they never raise; this carries
each reading on as the card's "Looks right" would (followup/services/invitations.py), into the
in-memory repository: nothing is saved while something must be asked; what is saved is one whole
interview with its plan; the same invitation again changes nothing; a cancellation or move of an
interview never logged, or an older copy, leaves the store as it was.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.core.debrief import COMPANY_LIMIT
from followup.core.invitations import read_document, read_text
from followup.core.model import NudgeState
from followup.services import invitations
from followup.services.invitations import Result
from tests.core.test_invitation_fuzz import SEEDS, _mangle
from tests.services.service_world import ANN, World, ann_in_london

ZONE = ZoneInfo("Europe/London")
THOROUGH = settings(
    derandomize=True,
    deadline=None,
    max_examples=1000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


async def _stored(world: World) -> tuple[object, ...]:
    interviews = await world.repo.interviews(ANN)
    nudges = await world.repo.nudges(ANN)
    return tuple(sorted(map(repr, interviews))) + tuple(sorted(map(repr, nudges)))


async def _carry(reading_of: object) -> None:
    world = await ann_in_london()
    await world.log_interview(company="Acme")  # something already there, to update or leave
    reading = reading_of
    before = await _stored(world)
    invited = invitations.confirmed(reading, ZONE)  # type: ignore[arg-type]
    if invited is None:
        assert await _stored(world) == before  # the card asks first: nothing saved
        return
    applied = await invitations.apply(world.ports, ANN, invited)
    after = await _stored(world)
    if applied.result in (Result.NOT_FOUND, Result.OUTDATED):
        assert after == before
        return
    if applied.result is Result.CREATED:
        interview = applied.interview
        assert interview is not None and interview in await world.repo.interviews(ANN)
        assert 0 < len(interview.company) <= COMPANY_LIMIT and interview.when == invited.when
        pending = [
            n for n in await world.repo.nudges(ANN, interview.id) if n.state is NudgeState.PENDING
        ]
        future = interview.when > world.clock.now
        assert bool(pending) == future  # a future one is planned; a past one awaits its debrief
    again = await invitations.apply(world.ports, ANN, invited)
    assert again.result in (Result.UNCHANGED, Result.NOT_FOUND, Result.OUTDATED)
    assert await _stored(world) == after  # the same invitation twice changes nothing


@THOROUGH
@given(st.integers(0, len(SEEDS) - 1), st.integers(0, 2**32))
def test_mangled_files_are_saved_whole_or_not_at_all(index: int, seed: int) -> None:
    data = _mangle(seed, SEEDS[index])
    now = datetime(2026, 11, 25, 14, 0, tzinfo=ZONE)
    for name in ("x.ics", "x.eml"):
        reading = read_document(name, data, now)
        if reading.refusal is None:
            asyncio.run(_carry(reading))


@THOROUGH
@given(st.integers(0, len(SEEDS) - 1), st.integers(0, 2**32))
def test_mangled_texts_are_saved_whole_or_not_at_all(index: int, seed: int) -> None:
    text = _mangle(seed, SEEDS[index]).decode("utf-8", "replace")
    reading = read_text(text, datetime(2026, 11, 25, 14, 0, tzinfo=ZONE))
    if reading.refusal is None:
        asyncio.run(_carry(reading))


def test_the_corpus_itself_is_saved_whole() -> None:
    """Every corpus file and text, unmangled: the readable ones save once and only once."""
    now = datetime(2026, 11, 25, 14, 0, tzinfo=ZONE)
    carried = 0
    for data in SEEDS:
        for reading in (read_document("x.ics", data, now), read_document("x.eml", data, now),
                        read_text(data.decode("utf-8", "replace"), now)):  # fmt: skip
            if reading.refusal is None:
                asyncio.run(_carry(reading))
                carried += 1
    assert carried >= 40
