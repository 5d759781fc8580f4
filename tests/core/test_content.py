"""The words: every required key present, placeholders known, messages within Telegram's limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from content import CONTENT_DIR, ContentError, Safe, load_content, shorten
from content.catalog import REQUIRED_KEYS


def copy_content(tmp_path: Path) -> Path:
    for path in CONTENT_DIR.glob("*.toml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_the_real_content_loads_with_every_key() -> None:
    content = load_content()
    assert all(content.has(key) for key in REQUIRED_KEYS)


def test_values_are_escaped_but_safe_text_is_not() -> None:
    content = load_content()
    text = content.text("summary.title", company="<b>A&B</b>")
    assert text == "<b>Saved: &lt;b&gt;A&amp;B&lt;/b&gt;</b>"
    route = content.text("summary.route", route=Safe("<i>ok</i>"))
    assert "<i>ok</i>" in route


def test_a_missing_name_never_reads_as_none() -> None:
    content = load_content()
    text = content.text("next_step.follow_up", lead="Now:", company=None)
    assert "None" not in text and "follow up with them" in text


def test_long_values_are_shortened() -> None:
    text = load_content().text("summary.notes", notes="n" * 5000)
    assert len(text) < 700 and text.endswith("…")
    assert shorten("abc", 3) == "abc" and shorten("abcdef", 4) == "abc…"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("[status]\nempty = ", "[status]\nnot_empty = "),
            "required key 'status.empty' is missing",
        ),
        (("Which company was", "Which {firm} was"), "unknown placeholder {firm}"),
        (('ask_company = "', 'ask_company = "' + "x" * 5000), "over Telegram's 4096"),
        (("[status]", "[status\n"), "cannot be read"),
        (('empty = "You have', 'empty = {"a" = 1}\nold = "You have'), "must be text"),
    ],
)
def test_broken_content_stops_with_file_and_key(
    tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    folder = copy_content(tmp_path)
    path = folder / "messages.toml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    with pytest.raises(ContentError, match=message) as error:
        load_content(folder)
    assert "messages.toml" in str(error.value) or "required key" in str(error.value)


def test_every_message_is_short() -> None:
    content = load_content()
    for key, text in content.messages.items():
        if key.startswith(("phrases.", "drafts.", "help.")):  # lists, not messages
            continue
        assert len(text.splitlines()) <= 8, key
