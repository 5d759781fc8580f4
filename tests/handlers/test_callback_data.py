"""Button payloads: versioned, prefixed, short; anything else parses as not ours."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers import callback_data as cb


def test_round_trip() -> None:
    data = cb.build("nudge", "done", "Ab3_x-9")
    assert data == "v1:nudge:done:Ab3_x-9"
    parsed = cb.parse(data)
    assert parsed is not None and parsed.action == "nudge" and parsed.args == ("done", "Ab3_x-9")
    assert parsed.arg(5) is None


@pytest.mark.parametrize(
    "data", [None, "", "v2:nudge:done:x", "nudge:done", "v1", "v1:a b", "v1:x:" + "y" * 70, "v1::"]
)
def test_foreign_payloads_are_refused(data: str | None) -> None:
    assert cb.parse(data) is None


@pytest.mark.parametrize(("action", "args"), [("a:b", ()), ("ok", ("x" * 70,)), ("ok", ("a/b",))])
def test_building_bad_payloads_fails_loudly(action: str, args: tuple[str, ...]) -> None:
    with pytest.raises(ValueError):
        cb.build(action, *args)


@given(st.text(max_size=100))
def test_parse_never_raises(data: str) -> None:
    cb.parse(data)
