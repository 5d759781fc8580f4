"""How a draft is shown: subject and body as two copy blocks under one line saying what it is.

The draft itself is written in the interview's email language (the chat's until the user picks
another: a Russian speaker applying in Berlin may write to the employer in German), and buttons
under it write it again in each other language.
"""

from __future__ import annotations

from telegram import Update

from content import Content, Safe
from followup.core import offer_drafts
from followup.core.drafts import Draft
from followup.core.language import NATIVE_NAMES, speaking
from followup.core.model import Interview
from handlers import routes
from handlers.common import Button, Deps, escape, reply


def templates(d: Deps, interview: Interview) -> Content:
    """The words an email to this employer is written with: its own language, else the chat's."""
    return d.library[interview.draft_language or speaking()]


def language_row(d: Deps, kind: routes.DraftKind, interview: Interview) -> list[Button]:
    """ "✉️ Deutsch": the same draft written in another language, one button per language."""
    written_in = templates(d, interview).language
    return [
        (f"✉️ {NATIVE_NAMES.get(code, code)}", routes.draft_in(code, kind, interview.id))
        for code in d.library.languages
        if code != written_in
    ]


async def send_draft(
    update: Update,
    d: Deps,
    kind: routes.DraftKind,
    key: str,
    interview: Interview,
    draft: Draft,
    buttons: list[list[Button]],
    note: str | None = None,
) -> None:
    """The draft as two copy blocks (subject, then body), under one line saying what it is."""
    to = d.content.text(key, company=interview.company)
    if note:
        to = Safe(f"{to}\n{note}")  # both are escaped already
    switch = language_row(d, kind, interview)
    if interview.draft_language is None and switch:
        to = Safe(f"{to}\n{d.content.text('language.draft_offer')}")
    subject = d.content.text("drafting.subject")
    body = d.content.text("drafting.body")
    blocks = (
        f"{subject}\n<pre>{escape(draft.subject)}</pre>\n{body}\n<pre>{escape(draft.body)}</pre>"
    )
    rows = [*buttons, switch] if switch else buttons
    await reply(update, f"{to}\n\n{blocks}", rows or None)


async def send_offer_answer(
    update: Update, d: Deps, kind: routes.DraftKind, key: str, interview: Interview, draft: Draft
) -> None:
    """An answer to an offer: any gaps to fill are pointed out; "I've answered them" under it."""
    answered = (d.content.label("drafting_buttons.answered"), routes.offer_answered(interview.id))
    gaps = d.content.text("drafting.gaps") if offer_drafts.has_gaps(draft) else None
    await send_draft(update, d, kind, key, interview, draft, [[answered]], note=gaps)
