"""Reading an email file (.eml) with the standard library's `email` parser.

A calendar attached to it (text/calendar) is the better source and is read first; the email's
own text fills in what the calendar leaves out. Otherwise the body (plain text, or HTML with its
tags dropped: nothing in it is loaded or followed) is read as an invitation text, the Subject
line with it, and the Date header says when it was sent and from which UTC offset.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

from followup.core.invitations.fields import Reading, Refusal
from followup.core.invitations.ics_reader import MAX_BYTES, read_ics
from followup.core.invitations.text_reader import MAX_TEXT, read_text

_HEADER = re.compile(rb"^(?:from|to|subject|date|message-id|mime-version|received|return-path)\s*:",
                     re.I | re.M)  # fmt: skip


def looks_like_email(data: bytes) -> bool:
    return len(_HEADER.findall(data[:8192])) >= 2


def read_eml(data: bytes, now: datetime) -> Reading:
    """The interview an email file describes (or why it can't be read)."""
    if len(data) > MAX_BYTES:
        return Reading(refusal=Refusal.TOO_BIG)
    if not looks_like_email(data):
        return Reading(refusal=Refusal.NOT_CALENDAR)
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        assert isinstance(message, EmailMessage)
        return _read(message, now)
    except Exception:  # the parser and malformed headers may raise many kinds; none may escape
        return Reading(refusal=Refusal.BROKEN)


def _read(message: EmailMessage, now: datetime) -> Reading:
    sent = _sent(message)
    subject = str(message.get("Subject", "") or "")[:500]
    sender = str(message.get("From", "") or "")[:300]
    body = _body(message)
    address = re.search(r"[\w.+-]+@[\w.-]+", sender)
    text = f"Subject: {subject}\n{body}\n\n{address[0] if address else ''}"[:MAX_TEXT]
    from_text = read_text(text, now, sent=sent)
    if sent is not None:
        from_text = replace(from_text, sender_offset=sent.utcoffset())
    for part in list(message.walk())[:50]:
        if part.get_content_type() == "text/calendar":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                calendar = read_ics(payload, now)
                if calendar.refusal is None:
                    return replace(
                        calendar,
                        company=calendar.company or from_text.company,
                        role=calendar.role or from_text.role,
                        recruiter=calendar.recruiter or from_text.recruiter,
                        via_agency=calendar.via_agency or from_text.via_agency,
                        decision=calendar.decision or from_text.decision,
                    )
    return from_text


def _sent(message: EmailMessage) -> datetime | None:
    raw = message.get("Date")
    if not raw:
        return None
    try:
        sent = parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return sent if sent.tzinfo is not None else None


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError, AssertionError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    content = content[:MAX_TEXT]
    if part.get_content_type() == "text/html":
        content = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", content)
        content = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>|</li>", "\n", content)
        content = html.unescape(re.sub(r"<[^>]{0,2000}>", " ", content))
    return content
