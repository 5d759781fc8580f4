"""Generated and mangled invitations (texts, calendar files, email files): reading never raises,
each answer is a reading or one refusal (whose words are one line in every language), and a
reading's questions and moment can always be worked out. 10,000 examples in all."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content import load_library
from followup.core.invitations import Reading, Refusal, read_document, read_text
from followup.core.language import LANGUAGES

NOW = datetime(2027, 3, 1, 9, tzinfo=UTC)
ZONE = ZoneInfo("Europe/London")
CORPUS = Path(__file__).parent.parent / "data" / "invitations"
SEEDS = [p.read_bytes() for p in sorted(CORPUS.glob("*/*")) if p.suffix != ".json"]
FAST = settings(
    derandomize=True,
    deadline=None,
    max_examples=2500,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_PIECES = [
    b"BEGIN:VEVENT\r\n", b"END:VEVENT\r\n", b"RRULE:FREQ=DAILY\r\n",
    b"DTSTART:99991231T250000Z\r\n",
    b"DTSTART;TZID=Nowhere/Zone:20270309T100000\r\n", b"DTSTART;VALUE=DATE:20270230\r\n",
    b"BEGIN:VTIMEZONE\r\nTZID:x\r\n", b"SEQUENCE:-99999999999999999999\r\n", b"\xff\xfe\x00",
    b"Content-Transfer-Encoding: base64\r\n", b"=?utf-8?b?!!!?=", b"03/04/2027 10:00 ",
    b"1.1.1 1:1 ", b"31 de febrero de 2027 a las 25:99 ", b"\r\n ", b"<html><a href=x>",
]  # fmt: skip


def _check(reading: Reading) -> None:
    if reading.refusal is not None:
        assert isinstance(reading.refusal, Refusal)
        return
    reading.asks(ZONE)
    reading.moment(ZONE)


def _mangle(seed: int, data: bytes) -> bytes:
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        at = rng.randint(0, len(out))
        if choice < 0.3:
            del out[at : at + rng.randint(1, 200)]
        elif choice < 0.6:
            out[at:at] = rng.choice(_PIECES) * rng.randint(1, 30)
        elif choice < 0.8:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 50)))
        else:
            out = out[: rng.randint(0, len(out))]  # truncated
    return bytes(out)


def test_refusals_are_one_line_in_every_language() -> None:
    library = load_library()
    for language in LANGUAGES:
        for why in Refusal:
            assert "\n" not in str(library[language].text(f"invitations.refused_{why.value}"))


@FAST
@given(st.integers(0, len(SEEDS) - 1), st.integers(0, 2**32))
def test_mangled_corpus_files(index: int, seed: int) -> None:
    data = _mangle(seed, SEEDS[index])
    _check(read_document("x.ics", data, NOW))
    _check(read_document("x.eml", data, NOW))


@FAST
@given(st.integers(0, len(SEEDS) - 1), st.integers(0, 2**32))
def test_mangled_texts(index: int, seed: int) -> None:
    text = _mangle(seed, SEEDS[index]).decode("utf-8", "replace")
    _check(read_text(text, NOW))


@FAST
@given(st.text(max_size=3000))
def test_arbitrary_text(text: str) -> None:
    _check(read_text("Interview at Acme on " + text, NOW))


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["a.ics", "a.eml", "a.pdf"]))
def test_arbitrary_bytes(data: bytes, name: str) -> None:
    _check(read_document(name, b"BEGIN:VCALENDAR\r\n" + data, NOW))
    _check(read_document(name, b"From: a@b.c\r\nSubject: x\r\n\r\n" + data, NOW))
