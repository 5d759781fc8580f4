"""Every language holds the same messages as English: same keys, same placeholders, plural forms."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel import Locale

from content import CONTENT_ROOT, ContentError, load_library, load_library_kept, missing_words
from followup.core.language import LANGUAGES, NATIVE_NAMES, negotiate
from tests.support.languages import foreign_sentences

LIBRARY = load_library()
OTHERS = [code for code in LANGUAGES if code != "en"]


def test_the_library_holds_exactly_the_languages_the_bot_offers() -> None:
    assert sorted(LIBRARY.languages) == sorted(LANGUAGES)
    assert LIBRARY.languages[0] == "en"
    assert set(NATIVE_NAMES) == set(LANGUAGES)


@pytest.mark.parametrize("language", OTHERS)
def test_nothing_is_missing_extra_or_different(language: str) -> None:
    assert missing_words(language) == []


@pytest.mark.parametrize("language", OTHERS)
def test_plural_tables_hold_every_form_the_language_uses(language: str) -> None:
    messages = LIBRARY[language].messages
    tables = {key.rpartition(".")[0] for key in messages if key.endswith(".one")}
    # The forms counts of days and emails reach (Spanish "many" is for a million and up).
    rule = Locale.parse(language).plural_form
    needed = {rule(count) for count in range(200)} | {"other"}
    assert tables, "some message counts something"
    for table in tables:
        assert {f"{table}.{form}" for form in needed} <= messages.keys(), table


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 рабочий день"), (2, "2 рабочих дня"), (5, "5 рабочих дней"), (21, "21 рабочий день"),
     (22, "22 рабочих дня"), (11, "11 рабочих дней")],
)  # fmt: skip
def test_russian_counts_take_the_form_their_number_needs(count: int, expected: str) -> None:
    assert LIBRARY["ru"].text("chase.days_many", count=count) == expected


def test_an_unknown_language_reads_as_english() -> None:
    assert LIBRARY["pt"].language == "en"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("es-MX", "es"), ("es", "es"), ("de-AT", "de"), ("ru", "ru"), ("en-GB", "en"),
     ("pt-br", "en"), ("", "en"), (None, "en"), ("zz-ZZ", "en"), ("x" * 300, "en")],
)  # fmt: skip
def test_telegram_language_codes_are_negotiated(code: str | None, expected: str) -> None:
    assert negotiate(code) == expected


def test_an_unspoken_code_falls_back_to_the_operators_default() -> None:
    assert negotiate("pt-BR", default="de") == "de"


def copy_library(tmp_path: Path) -> Path:
    for folder in ("en", "es"):
        shutil.copytree(CONTENT_ROOT / folder, tmp_path / folder)
    return tmp_path


def test_a_missing_key_stops_the_start(tmp_path: Path) -> None:
    root = copy_library(tmp_path)
    path = root / "es" / "about.toml"
    path.write_text(path.read_text(encoding="utf-8").split("short_description")[0], "utf-8")
    with pytest.raises(ContentError, match=r"missing 'about\.short_description'"):
        load_library(root)


def test_an_extra_key_stops_the_start(tmp_path: Path) -> None:
    root = copy_library(tmp_path)
    with (root / "es" / "about.toml").open("a", encoding="utf-8") as file:
        file.write('\nsurplus = "de más"\n')
    with pytest.raises(ContentError, match=r"extra key 'about\.surplus'"):
        load_library(root)


def test_a_different_placeholder_stops_the_start(tmp_path: Path) -> None:
    root = copy_library(tmp_path)
    path = root / "es" / "language.toml"
    text = path.read_text(encoding="utf-8").replace("{company}", "{compania}")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="placeholders differ"):
        load_library(root)


def test_the_missing_command_lists_a_new_languages_gaps(tmp_path: Path) -> None:
    root = copy_library(tmp_path)
    (root / "pt").mkdir()
    gaps = missing_words("pt", root)
    assert "missing 'start.welcome'" in gaps
    assert len(gaps) == len(missing_words("es", root)) + len(gaps)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_reads_in_its_own_language(language: str) -> None:
    """No message holds a sentence lingua confidently calls another of the four languages (an
    English line copied in untranslated, say); names and placeholders aside."""
    strays = []
    for key, text in LIBRARY[language].messages.items():
        if key.startswith(("phrases.", "dates.")):
            continue
        plain = re.sub(r"\{[a-z_]+\}", "Acme", re.sub(r"<[^>]+>", "", text))
        strays += [(key, sentence) for sentence in foreign_sentences(plain, language)]
    assert strays == []


def test_a_day_ending_in_a_full_stop_ends_the_sentence_once() -> None:
    """Babel's "пт, 11 дек." and "Fr., 11. Dez." end in a stop; the sentence adds none."""
    russian = LIBRARY["ru"].text("acts.next_1", day="пт, 11 дек.")
    assert russian.endswith("пт, 11 дек.")  # the template's own stop follows {day}
    german = LIBRARY["de"].text("acts.next_1", day="Fr., 11. Dez.")
    assert ".." not in german
    assert LIBRARY["en"].text("status.more", count=3).startswith("…")  # an ellipsis stays


def test_words_checked_once_are_kept_and_read_back_the_same(tmp_path: Path) -> None:
    kept = tmp_path / "cache"
    kept.mkdir()
    first = load_library_kept(kept)
    (copy,) = kept.glob("words-*.json")
    again = load_library_kept(kept)
    assert again.languages == first.languages
    assert all(again[code].messages == first[code].messages for code in first.languages)
    assert again["ru"].text("chase.days_many", count=5) == "5 рабочих дней"
    copy.write_text("{not json", encoding="utf-8")  # a broken copy: the files are read again
    assert load_library_kept(kept)["es"].messages == first["es"].messages


def test_changed_words_are_checked_again_not_read_from_the_copy(tmp_path: Path) -> None:
    root = copy_library(tmp_path / "words")
    kept = tmp_path / "cache"
    kept.mkdir()
    load_library_kept(kept, root)
    path = root / "es" / "about.toml"
    path.write_text(path.read_text(encoding="utf-8").split("short_description")[0], "utf-8")
    with pytest.raises(ContentError, match="short_description"):
        load_library_kept(kept, root)


def test_a_folder_that_cannot_be_written_still_loads_the_words(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the folder should be", encoding="utf-8")
    assert load_library_kept(not_a_folder).languages == LIBRARY.languages
