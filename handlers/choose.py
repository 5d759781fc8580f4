"""Finding the interview meant: named in the user's words, the only one open, or a button."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import Message, Update
from telegram.ext import filters

from followup.formatting import local_moment
from followup.intent import mentioned_company
from followup.model import Interview
from handlers import callback_data as cb
from handlers.common import Button, Context, deps

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


def meant(interviews: Sequence[Interview], said: str) -> Interview | None:
    """The interview whose company was named, or the only one; None when it's unclear."""
    named = mentioned_company(said, [i.company for i in interviews])
    if named is not None:
        return next(i for i in interviews if i.company == named)
    return interviews[0] if len(interviews) == 1 else None


def which_buttons(
    interviews: Sequence[Interview], zone: ZoneInfo, now: datetime, action: str, verb: str
) -> list[list[Button]]:
    """One button per open interview (company and when), newest first."""
    return [
        [(f"{i.company} · {local_moment(i.when, zone, now)}", cb.build(action, verb, i.id))]
        for i in interviews[:MAX_CHOICES]
    ]


def own_interview(update: Update, context: Context, arg: int = 1) -> Interview | None:
    """The interview a pressed button names, only if it belongs to the presser."""
    query = update.callback_query
    parsed = cb.parse(query.data if query else None)
    user = update.effective_user
    if parsed is None or user is None:
        return None
    return deps(context).store.interview(user.id, parsed.arg(arg) or "")
