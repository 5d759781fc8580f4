"""Dates typed in Spanish, German or Russian, rewritten into the English the date rules read.

Each language keeps its date words in content/<lang>/dates.toml, under [dates]; this module is
the one place that reads them. The text is rewritten in passes, each seeing the last one's output:

1. `words` and `names`: words and set phrases as the English they mean ("pasado mañana" = "day
   after tomorrow"; friday = ["viernes", "vie"]), longest phrase first;
2. `clock`: a time said around an hour N, as minutes from N o'clock ("halb N" = "-30": 2:30);
3. `at`: the words around a number that make it a time of day ("a las N", "um N uhr", "в N");
4. `patterns`: phrases whose words change order or case ("hace N U" = "N U ago"), where N is a
   number, U a unit (`units`), D a weekday and T a time already read; "Nth" writes N as "11th";
5. `units` after a number ("2 недели" -> "2 weeks");
6. `drop`: words that say nothing once the rest is read ("el", "der", "в").

Case and accents are ignored on both sides ("miércoles" is also "miercoles", "ё" is "е"), and
English typed by anyone passes through unchanged, so English always works too. A day and month
with a dot is a date, never a time, when written with a closing dot ("11.12.") or beside a time
("11.12 в 10"); alone ("11.12") it is asked about, as in English.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from itertools import pairwise

from content import ContentError, language_dir
from followup.core.language import ENGLISH, LANGUAGES, speaking
from followup.core.phrasebook import fold
from followup.core.timeparse.vocabulary import MAX_INPUT, MONTH, WEEKDAYS, says_when, words

DATES_FILE = "dates.toml"
_SECTION = "dates"

# The English units a count is written in, as the U of a pattern may already read them.
_ENGLISH_UNITS = (
    "day", "days", "week", "weeks", "month", "months", "hour", "hours", "minute", "minutes",
    "fortnight", "fortnights", "working days", "working day", "business days", "business day",
)  # fmt: skip
_MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                        "nov", "dec")  # fmt: skip
# A word: letters between spaces or punctuation, looked up whole: not the "am" of "10am", nor the
# "o" of "o'clock".
_WORD = re.compile(r"(?<![\w'])[^\W\d_]+(?![\w'])")
# Where a template may start and end: not inside a number, a time or a date.
_BEFORE = r"(?<![\w.:/])"
_AFTER = r"(?![\w/]|[.:]\d)"
_SLOT = re.compile(r"(Nth|[NTDU])")


@dataclass(frozen=True)
class Dialect:
    """One language's date words, compiled."""

    language: str
    words: Mapping[str, str]  # a folded word or phrase -> the English it means
    longest: int  # the most words in one phrase
    clock: tuple[tuple[re.Pattern[str], int], ...]  # template, minutes from N o'clock
    at: tuple[re.Pattern[str], ...]
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    units: Mapping[str, str]  # a folded unit form -> the English unit
    counted: re.Pattern[str]  # a number and a unit
    drop: Mapping[str, str]  # a folded word -> "" (taken out)


@dataclass
class _Text:
    """Text being rewritten; `origin` (when kept) says which typed characters each one came from."""

    chars: str
    origin: list[tuple[int, int]] | None

    def splice(self, edits: Iterable[tuple[int, int, str]]) -> None:
        """Replace each (start, end) with new text; edits come in order and do not overlap."""
        parts: list[str] = []
        origin: list[tuple[int, int]] | None = [] if self.origin is not None else None
        last = 0
        for start, end, new in edits:
            parts += (self.chars[last:start], new)
            if origin is not None and self.origin is not None:
                origin += self.origin[last:start]
                origin += [(self.origin[start][0], self.origin[end - 1][1])] * len(new)
            last = end
        if last == 0 and not parts:
            return
        parts.append(self.chars[last:])
        if origin is not None and self.origin is not None:
            origin += self.origin[last:]
        self.chars, self.origin = "".join(parts), origin

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> None:
        edits = [(m.start(), m.end(), replace(m)) for m in pattern.finditer(self.chars)]
        if edits:
            self.splice(edits)


def english(text: str, language: str | None = None) -> str:
    """The text with the language's date words rewritten into English; English is kept as it is."""
    dialect = dialect_of(language or speaking())
    if dialect is None:
        return text
    return _rewrite(_prepare(text[: MAX_INPUT * 2], keep_origin=False), dialect).chars


def english_with_origin(
    text: str, language: str | None = None
) -> tuple[str, list[tuple[int, int]] | None]:
    """The rewritten text, and for each of its characters the span of `text` it came from (None
    when the text is kept as it is)."""
    dialect = dialect_of(language or speaking())
    if dialect is None:
        return text, None
    rewritten = _rewrite(_prepare(text, keep_origin=True), dialect)
    return rewritten.chars, rewritten.origin


def names_a_day(text: str, *, language: str | None = None) -> bool:
    """Whether the text says when ("friday 2pm", "el viernes", "завтра") rather than where."""
    return says_when(text) or says_when(english(text[:MAX_INPUT], language))


# Preparing: case, accents, punctuation, and the shapes of numbers every language shares.

_QUOTES = re.compile(r"[’‘]")
_MERIDIEM_DOTS = re.compile(r"\b([ap])\.m\b\.?")
_PUNCTUATION = re.compile(r"[,;!?¡¿()\"“”«»„]+")
_MERIDIEM_APART = re.compile(r"(?<=\d)\s+(?=(?:am|pm)\b)")  # "10 am": not the German "am"
_DAY_MONTH_DOT = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?!\d)")
_DAY_MONTH = re.compile(r"(?<![\d.:])(\d{1,2})\.(\d{1,2})(?![\d.:])")
_TIME = re.compile(r"\d:\d\d")
_ABBREVIATION_DOT = re.compile(r"(?<=[^\W\d_])\.")
_HYPHEN_IN_WORDS = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_SPACES = re.compile(r"\s+")


def _prepare(text: str, *, keep_origin: bool) -> _Text:
    """Case and accents folded, punctuation that carries no date taken out."""
    if keep_origin:
        pieces = [(fold(ch), i) for i, ch in enumerate(text)]
        chars = "".join(piece for piece, _ in pieces)
        origin = [(i, i + 1) for piece, i in pieces for _ in piece]
        prepared = _Text(chars, origin)
    else:
        prepared = _Text(fold(text), None)
    prepared.sub(_QUOTES, lambda m: "'")
    prepared.sub(_MERIDIEM_DOTS, lambda m: f"{m[1]}m")
    prepared.sub(_PUNCTUATION, lambda m: " ")
    prepared.sub(_MERIDIEM_APART, lambda m: "")
    prepared.sub(_DAY_MONTH_DOT, _day_and_month)
    prepared.sub(_ABBREVIATION_DOT, lambda m: "")
    prepared.sub(_HYPHEN_IN_WORDS, lambda m: " ")
    prepared.sub(_SPACES, lambda m: " ")
    return prepared


def _day_and_month(match: re.Match[str]) -> str:
    """ "11.12." is the 11th of December: written as "11 dec", it can't be read as 11:12."""
    day, month = int(match[1]), int(match[2])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return match[0]
    return f"{day} {_MONTH_ABBREVIATIONS[month - 1]}"


# Rewriting.


def _rewrite(text: _Text, dialect: Dialect) -> _Text:
    """The passes described at the top, in order."""
    _look_up(text, dialect.words, dialect.longest)
    for pattern, minutes in dialect.clock:
        text.sub(pattern, partial(_clock_time, minutes=minutes))
    for pattern in dialect.at:
        text.sub(pattern, _time_at)
    if _TIME.search(text.chars):
        # "11.12 в 10": beside a time, a day and month with a dot is the date.
        text.sub(_DAY_MONTH, _day_and_month)
    for pattern, english_form in dialect.patterns:
        text.sub(pattern, partial(_fill, english_form, dialect=dialect))
    text.sub(dialect.counted, lambda m: f"{m['n']} {_unit(m['n'], dialect.units[m['u']])}")
    _look_up(text, dialect.drop, 1)
    text.sub(_SPACES, lambda m: " ")
    text.splice(_trimmed(text.chars))
    return text


def _trimmed(chars: str) -> list[tuple[int, int, str]]:
    """Edits taking the spaces off both ends."""
    edits = []
    if chars.startswith(" "):
        edits.append((0, 1, ""))
    if len(chars) > 1 and chars.endswith(" "):
        edits.append((len(chars) - 1, len(chars), ""))
    return edits


def _look_up(text: _Text, table: Mapping[str, str], longest: int) -> None:
    """Replace the words and phrases (words apart by one space) found in `table`."""
    found = list(_WORD.finditer(text.chars))
    edits = []
    index = 0
    while index < len(found):
        for size in range(min(longest, len(found) - index), 0, -1):
            run = found[index : index + size]
            if any(text.chars[a.end() : b.start()] != " " for a, b in pairwise(run)):
                continue  # a phrase's words are one space apart
            key = " ".join(m[0] for m in run)
            if key in table:
                edits.append((run[0].start(), run[-1].end(), table[key]))
                index += size
                break
        else:
            index += 1
    text.splice(edits)


def _clock_time(match: re.Match[str], minutes: int) -> str:
    """ "halb 3" (-30) is 2:30, "3 y cuarto" (+15) is 3:15; on a 12-hour dial up to 12."""
    hour = int(match["n"])
    if not 1 <= hour <= 23:
        return match[0]
    total_hours, minute = divmod(hour * 60 + minutes, 60)
    if hour <= 12:
        total_hours = total_hours % 12 or 12
    return f"{total_hours}:{minute:02d}"


def _time_at(match: re.Match[str]) -> str:
    """ "a las 10" and "в 15:30" as "at 10:00" and "at 15:30": a time, whatever the digits."""
    hour, minute = int(match["n"]), int(match["m"] or 0)
    if hour > 23 or minute > 59:
        return match[0]
    return f"at {hour}:{minute:02d}"


def _fill(form: str, match: re.Match[str], *, dialect: Dialect) -> str:
    """A pattern's English with its slots filled from what matched."""
    groups = match.groupdict()

    def slot(name: re.Match[str]) -> str:
        if name[0] == "Nth":
            return _ordinal(int(groups["n"]))
        if name[0] == "U":
            return _unit(groups.get("n") or "", dialect.units[groups["u"]])
        return str(groups[name[0].lower()])

    return _SLOT.sub(slot, form)


def _unit(count: str, unit: str) -> str:
    """ "hours" after "1" is "hour"."""
    return unit.removesuffix("s") if count == "1" else unit


_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(number: int) -> str:
    """11 -> "11th", 1 -> "1st", 22 -> "22nd"."""
    suffix = "th" if 10 <= number % 100 <= 20 else _SUFFIXES.get(number % 10, "th")
    return f"{number}{suffix}"


# Loading.


@cache
def dialect_of(language: str) -> Dialect | None:
    """The language's date words, compiled once; None for English (or no dates.toml)."""
    if language == ENGLISH or language not in LANGUAGES:
        return None
    path = language_dir(language) / DATES_FILE
    if not path.exists():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError(f"{language}/{DATES_FILE}: cannot be read: {error}") from None
    return _compile(language, data.get(_SECTION, {}))


def _compile(language: str, section: Mapping[str, object]) -> Dialect:
    """A Dialect from the [dates] table of a dates.toml."""
    where = f"{language}/{DATES_FILE}"
    table: dict[str, str] = {}
    for phrase, meaning in _strings(section, "words", where).items():
        _add(table, phrase, meaning, where)
    for meaning, forms in _lists(section, "names", where).items():
        for form in forms:
            _add(table, form, meaning, where)
    units: dict[str, str] = {unit: unit for unit in _ENGLISH_UNITS}
    for unit, forms in _lists(section, "units", where).items():
        for form in forms:
            units[fold(form)] = unit
    unit_slot = rf"(?P<u>{words(units)})"
    hour_slot = r"(?P<n>\d{1,2})(?:st|nd|rd|th)?"
    at_slot = r"(?P<n>\d{1,2})(?:[:.](?P<m>\d{2}))?"
    slots = {
        "N": hour_slot,
        "U": unit_slot,
        "D": rf"(?P<d>{words(WEEKDAYS)})",
        "T": r"(?P<t>\d{1,2}:\d{2})",
    }
    # "в 11" is a time, but not in "в 11 декабря".
    dated = rf"\s+{MONTH}\b"
    clock = {t: int(minutes) for t, minutes in _strings(section, "clock", where).items()}
    at = _list(section, "at", where)
    patterns = _strings(section, "patterns", where)
    return Dialect(
        language=language,
        words=table,
        longest=max((key.count(" ") + 1 for key in table), default=1),
        clock=tuple((_template(t, {"N": hour_slot}, where), clock[t]) for t in _by_length(clock)),
        at=tuple(_template(t, {"N": at_slot}, where, not_before=dated) for t in _by_length(at)),
        patterns=tuple((_template(t, slots, where), patterns[t]) for t in _by_length(patterns)),
        units=units,
        counted=re.compile(rf"{_BEFORE}(?P<n>\d{{1,3}})\s+{unit_slot}(?!\w)"),
        drop={fold(word): "" for word in _list(section, "drop", where)},
    )


def _add(table: dict[str, str], phrase: str, meaning: str, where: str) -> None:
    key = " ".join(_WORD.findall(fold(phrase)))
    if not key:
        raise ContentError(f"{where}: {phrase!r} has no letters")
    if table.get(key, meaning) != meaning:
        raise ContentError(f"{where}: {phrase!r} means both {table[key]!r} and {meaning!r}")
    table[key] = meaning


def _template(
    template: str, slots: Mapping[str, str], where: str, *, not_before: str = ""
) -> re.Pattern[str]:
    """A template ("hace N U") as a regex: slots as groups, the rest folded, spaces as spaces;
    never matched where `not_before` follows."""
    body = []
    for piece in _SLOT.split(template):
        if piece in slots:
            body.append(slots[piece])
        elif piece == "Nth" or (len(piece) == 1 and piece in "NTDU"):
            raise ContentError(f"{where}: {template!r} uses a slot {piece!r} not read there")
        elif piece:
            spaced = re.sub(" +", " ", fold(piece)).split(" ")
            body.append(r"\s+".join(re.escape(part) for part in spaced))
    after = _AFTER + (f"(?!{not_before})" if not_before else "")
    return re.compile(_BEFORE + "".join(body) + after)


def _by_length(templates: Iterable[str]) -> list[str]:
    """Longer templates first: "a las N" is tried before "las N"."""
    return sorted(templates, key=len, reverse=True)


def _strings(section: Mapping[str, object], name: str, where: str) -> dict[str, str]:
    value = section.get(name, {})
    if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
        raise ContentError(f"{where}: [dates.{name}] must map text to text")
    return dict(value)


def _lists(section: Mapping[str, object], name: str, where: str) -> dict[str, list[str]]:
    value = section.get(name, {})
    if not isinstance(value, Mapping):
        raise ContentError(f"{where}: [dates.{name}] must map text to lists of text")
    lists = {}
    for key, forms in value.items():
        if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
            raise ContentError(f"{where}: dates.{name}.{key} must be a list of text")
        lists[key] = forms
    return lists


def _list(section: Mapping[str, object], name: str, where: str) -> list[str]:
    value = section.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContentError(f"{where}: dates.{name} must be a list of text")
    return value


def warm() -> None:
    """Read every language's date words now rather than on a user's first date."""
    for language in LANGUAGES:
        dialect_of(language)
