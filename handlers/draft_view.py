"""How a draft is shown: subject and body as two copy blocks under one line saying what it is."""

from __future__ import annotations

from telegram import Update

from content import Safe
from followup.core import offer_drafts
from followup.core.drafts import Draft
from followup.core.model import Interview
from handlers import routes
from handlers.common import Button, Deps, escape, reply


async def send_draft(
    update: Update,
    d: Deps,
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
    subject = d.content.text("drafting.subject")
    body = d.content.text("drafting.body")
    blocks = (
        f"{subject}\n<pre>{escape(draft.subject)}</pre>\n{body}\n<pre>{escape(draft.body)}</pre>"
    )
    await reply(update, f"{to}\n\n{blocks}", buttons or None)


async def send_offer_answer(
    update: Update, d: Deps, key: str, interview: Interview, draft: Draft
) -> None:
    """An answer to an offer: any gaps to fill are pointed out; "I've answered them" under it."""
    answered = (d.content.label("drafting_buttons.answered"), routes.offer_answered(interview.id))
    gaps = d.content.text("drafting.gaps") if offer_drafts.has_gaps(draft) else None
    await send_draft(update, d, key, interview, draft, [[answered]], note=gaps)
