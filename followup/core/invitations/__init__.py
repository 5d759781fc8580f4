"""Reading interview invitations: pasted or forwarded texts, calendar (.ics) and email (.eml) files.

Pure: each reader takes the bytes or text and the time, and returns a `Reading` (fields.py) with
what it found and what must be asked; nothing is fetched, executed or saved here.
"""

from followup.core.invitations.document import read_document
from followup.core.invitations.fields import Ask, Format, Person, Reading, Refusal
from followup.core.invitations.text_reader import MAX_TEXT, looks_like_invitation, read_text

__all__ = [
    "MAX_TEXT",
    "Ask",
    "Format",
    "Person",
    "Reading",
    "Refusal",
    "looks_like_invitation",
    "read_document",
    "read_text",
]
