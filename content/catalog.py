"""The contract between the code and the words: every key the code uses, and the placeholders."""

from __future__ import annotations

# Section -> keys the code looks up. A file may add more keys; it may not leave one of these out.
_SECTIONS: dict[str, tuple[str, ...]] = {
    "start": ("welcome", "offer", "later"),
    "help": ("text",),
    "commands": ("new", "status", "timezone", "cancel", "help", "start"),
    "buttons": (
        "log_interview", "not_now", "skip", "just_now", "hour_ago", "agency_yes", "agency_no",
        "decision_none", "decision_week", "decision_next_week", "extras_outside",
        "extras_contact", "extras_both", "extras_neither", "contact_yes", "contact_no",
        "rating_1", "rating_2", "rating_3", "rating_4",
    ),
    "debrief": (
        "ask_company", "company_bad", "ask_role", "role_bad", "ask_when", "when_bad",
        "when_needs_time", "ask_agency", "agency_known", "route_agency", "route_agency_named",
        "route_direct", "ask_decision", "decision_bad", "decision_past", "ask_extras",
        "ask_contact_only", "choice_bad", "ask_rating", "ask_notes", "notes_saved_long",
        "non_text", "busy", "cancelled", "nothing_to_cancel",
    ),
    "summary": ("title", "role", "when", "route", "decision", "rating", "notes"),
    "next_step": ("agency_fresh", "agency_late", "thank_you", "wait", "future", "your_recruiter"),
    "status": ("empty", "title", "line", "role_suffix", "more"),
    "timezone": ("ask", "bad", "choose", "saved"),
    "fallback": (
        "non_text", "edited", "stale_button", "unknown_button", "unknown_text", "error",
    ),
    "ratings": ("1", "2", "3", "4"),
}  # fmt: skip

REQUIRED_KEYS: tuple[str, ...] = tuple(
    f"{section}.{key}" for section, keys in _SECTIONS.items() for key in keys
)

# The only names a message may use in {braces}; anything else is a typo caught at start.
KNOWN_PLACEHOLDERS: frozenset[str] = frozenset(
    {
        "answer", "company", "count", "day", "length", "limit", "local_time", "name", "notes",
        "options", "rating", "recruiter", "role", "route", "when", "zone",
    }
)  # fmt: skip
