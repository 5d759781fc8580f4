"""The machinery of the news tables: the interviews a message is read against, the rows read at
idle and at every button question, the judging of a reading, and the printed accuracy.

A row is (message, interviews logged, expected), expected being "none", "ask", ("act", event,
company, day) or ("button", value) — a button only means itself at its own question. A table
passes with at least 95 % right and no action ever taken on a wrong reading (a SURE that is
wrong). Asking back on a right reading is allowed; acting on a wrong one never is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from followup.core.language import speaking_in
from followup.core.news import Known, Question, Reply, Sureness, read_reply
from followup.core.phrasebook import Phrasebook

Row = tuple[str, Known, object]
Case = tuple[str, Known, object, Question | None]  # a row read with a question open
Buttons = list[tuple[str, Question, str]]  # (words, the question they answer, the button value)

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("UTC"))  # a Monday
YESTERDAY, FRIDAY, TODAY = date(2026, 12, 6), date(2026, 12, 4), date(2026, 12, 7)
COMPANIES = ("Acme", "Globex", "Initech", "Infosys")
AT_EVERY_QUESTION = (None, Question.YES_NO, Question.FOLLOW_THROUGH, Question.RATING,
                     Question.AGENCY)  # fmt: skip


def one_open(recruiter: str) -> Known:
    """One interview open, at Acme, with that recruiter."""
    return Known(("Acme",), ("Acme",), (recruiter,))


def many_open(*recruiters: str) -> Known:
    """Four interviews open, with those recruiters."""
    return Known(COMPANIES, COMPANIES, recruiters)


def judge(reply: Reply, expected: object) -> tuple[bool, bool]:
    """(right, wrong action): a SURE reading or a button that differs from what was meant."""
    news = reply.news
    if isinstance(expected, tuple) and expected[0] == "button":
        _, value = expected
        return reply.button == value, news.sureness is Sureness.SURE
    if reply.button is not None:
        # A news message read as a tap: wrong, and an action ("nope" logging "no").
        return False, True
    if expected == "none":
        return news.sureness is Sureness.NONE, news.sureness is Sureness.SURE
    if expected == "ask":
        return news.sureness is Sureness.UNSURE, news.sureness is Sureness.SURE
    assert isinstance(expected, tuple)
    _, event, company, day = expected
    if news.sureness is Sureness.SURE:
        same = (news.event, news.company, news.day) == (event, company, day)
        return same, not same
    return news.sureness is Sureness.UNSURE and news.event is event, False


def row_cases(
    rows: list[Row], buttons: Buttons, sent_means: Mapping[str, object] | None = None
) -> list[Case]:
    """Each row at idle and at every question, but not at a question where its words are one of
    the `buttons` (judged there as a button); at "did you send that follow-up?" a message in
    `sent_means` means what it maps to (the follow-up, on the day said)."""
    sent_means = sent_means or {}
    cases: list[Case] = []
    for text, known, expected in rows:
        for question in AT_EVERY_QUESTION:
            wanted = expected
            if question is Question.FOLLOW_THROUGH and text in sent_means:
                wanted = sent_means[text]
            if question is not None and any(text == t and question is q for t, q, _ in buttons):
                continue  # "yes", "meh": answers, judged as buttons at their own question
            cases.append((text, known, wanted, question))
    return cases


def button_cases(buttons: Buttons, known: Known) -> list[Case]:
    """Each button's words at its own question, and the same words at idle: nothing to act on."""
    cases: list[Case] = []
    for text, question, value in buttons:
        cases.append((text, known, ("button", value), question))
        cases.append((text, known, "none", None))
    return cases


@dataclass(frozen=True)
class Tally:
    """How a table read: the share right, the wrong actions and the misses, one line each."""

    accuracy: float
    wrong_actions: list[str]
    misses: list[str]

    def check(self) -> None:
        """No action on a wrong reading, and at least 95 % right."""
        assert not self.wrong_actions, "\n".join(self.wrong_actions)
        assert self.accuracy >= 0.95, "\n".join(self.misses)


def read_table(
    cases: list[Case], book: Phrasebook, zone: ZoneInfo, name: str, language: str
) -> Tally:
    """Read every case as a speaker of `language`, print the accuracy, the misses and the wrong
    actions, and tally them."""
    right = 0
    wrong_actions: list[str] = []
    misses: list[str] = []
    with speaking_in(language):
        for text, known, expected, question in cases:
            reply = read_reply(text, book, known, zone, NOW, question)
            ok, wrong_action = judge(reply, expected)
            right += ok
            if wrong_action:
                wrong_actions.append(f"{text!r} at {question}: {reply}")
            elif not ok:
                misses.append(f"{text!r} at {question}: wanted {expected}, got {reply}")
    accuracy = right / len(cases)
    print(f"\n{name}: {len(cases)} readings of {len({c[0] for c in cases})} messages, "
          f"{accuracy:.1%} right, {len(wrong_actions)} wrong actions")  # fmt: skip
    for miss in misses:
        print("  miss:", miss)
    for wrong in wrong_actions:
        print("  wrong action:", wrong)
    return Tally(accuracy, wrong_actions, misses)


def changed_readings(
    cases: list[Case], book: Phrasebook, english_book: Phrasebook, zone: ZoneInfo
) -> list[str]:
    """The cases `book` reads otherwise than the English book does, one line each."""
    changed: list[str] = []
    for text, known, _, question in cases:
        ours = read_reply(text, book, known, zone, NOW, question)
        theirs = read_reply(text, english_book, known, zone, NOW, question)
        if ours != theirs:
            changed.append(f"{text!r} at {question}: {theirs} became {ours}")
    return changed
