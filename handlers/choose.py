"""Finding the interview meant: named in the user's words, the only one open, or a button."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import Message, Update
from telegram.ext import filters

from followup.core.company_mentions import named_company
from followup.core.formatting import local_moment
from followup.core.model import Interview, same_company
from handlers import callback_data as cb
from handlers.common import Button, Context, Deps, deps

MAX_CHOICES = 10


class TextMatches(filters.MessageFilter):
    """A text message for which `matches(text)` is true (e.g. "should I chase them yet?")."""

    def __init__(self, name: str, matches: Callable[[str], bool]) -> None:
        super().__init__(name=name)
        self._matches = matches

    def filter(self, message: Message) -> bool:
        return bool(message.text) and self._matches(message.text or "")


def what_they_said(update: Update, context: Context) -> str:
    """The command's arguments, or the text of the message."""
    message = update.effective_message
    return " ".join(context.args or ()) or (message.text if message and message.text else "")


@dataclass(frozen=True)
class Meant:
    """Which interview the user meant, if it is clear, and what to offer when it is not."""

    interview: Interview | None  # may be closed, when they named a company they heard back from
    open: list[Interview]  # their open interviews, newest first
    unknown_name: str | None = None  # a company they named that they never logged

    @property
    def several_open(self) -> bool:
        return len(self.open) > 1


async def find_meant(d: Deps, user_id: int, said: str) -> Meant:
    """The interview a question is about: the company named, or the only open one."""
    everything = await d.store.interviews(user_id)
    still_open = [i for i in everything if i.is_open]
    people = {i.recruiter for i in everything if i.recruiter}
    named, unknown = named_company(said, sorted({i.company for i in everything}), d.phrases, people)
    if named is not None:
        matching = [i for i in everything if same_company(i.company, named)]
        return Meant(_likeliest(matching, d.clock()), still_open)
    if unknown is not None:
        return Meant(None, still_open, unknown)
    if not still_open and everything:
        # Nothing open: they mean the one they last heard back from ("you already heard").
        return Meant(everything[0], still_open)
    return Meant(still_open[0] if len(still_open) == 1 else None, still_open)


def _likeliest(interviews: Sequence[Interview], now: datetime) -> Interview | None:
    """Of several rounds with one company: an open one that has happened, newest first."""
    open_ = [i for i in interviews if i.is_open]
    happened = [i for i in open_ if i.when <= now]
    if happened:
        return max(happened, key=lambda i: i.when)
    if open_:
        return min(open_, key=lambda i: i.when)
    return max(interviews, key=lambda i: i.when) if interviews else None


def which_buttons(
    interviews: Sequence[Interview], zone: ZoneInfo, now: datetime, action: str, verb: str
) -> list[list[Button]]:
    """One button per interview (company and when), newest first."""
    return [
        [(f"{i.company} · {local_moment(i.when, zone, now)}", cb.build(action, verb, i.id))]
        for i in interviews[:MAX_CHOICES]
    ]


async def own_interview(update: Update, context: Context, arg: int = 1) -> Interview | None:
    """The interview a pressed button names, only if it belongs to the presser."""
    query = update.callback_query
    parsed = cb.parse(query.data if query else None)
    user = update.effective_user
    if parsed is None or user is None:
        return None
    return await deps(context).store.interview(user.id, parsed.arg(arg) or "")
