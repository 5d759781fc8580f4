"""The contract between the code and the words: every key the code uses, and the placeholders."""

from __future__ import annotations

# Section -> keys the code looks up. A file may add more keys; it may not leave one of these out.
_SECTIONS: dict[str, tuple[str, ...]] = {
    "start": ("welcome", "offer", "later"),
    "help": ("text",),
    "commands": (
        "new", "status", "chase", "heard", "timezone", "pause", "resume", "export", "forget",
        "cancel", "help", "start",
    ),
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
        "ask_contact_only", "agency_bad", "contact_bad", "extras_bad", "rating_bad",
        "ask_rating", "ask_notes", "notes_saved_long",
        "non_text", "busy", "cancelled", "nothing_to_cancel",
    ),
    "summary": ("title", "role", "when", "route", "decision", "rating", "notes"),
    "next_step": ("agency_fresh", "agency_late", "thank_you", "wait", "future", "your_recruiter"),
    "status": ("empty", "title", "line", "role_suffix", "next", "paused", "more"),
    "timezone": ("ask", "bad", "choose", "saved"),
    "fallback": (
        "non_text", "edited", "stale_button", "unknown_button", "unknown_text", "error", "refused",
    ),
    "ratings": ("1", "2", "3", "4"),
    "drafts": (
        "company_fallback", "greeting_named", "greeting_team", "sign_off", "thank_you_subject",
        "thank_you_subject_no_role", "thank_you_body", "thank_you_body_no_role",
        "thank_you_outside_hours", "question_from_notes", "question_to_ask", "question_generic",
        "thank_you_close", "chase_subject", "chase_subject_no_role", "chase_body",
        "chase_body_no_role", "chase_body_agency", "chase_body_agency_no_role",
        "chase_decision_line", "chase_decision_line_agency", "chase_ask", "chase_ask_agency",
        "feedback_title", "feedback_title_no_role", "feedback_rating", "feedback_notes",
        "feedback_notes_missing", "feedback_tip_rough", "feedback_cover",
    ),
    "nudge": (
        "check_in", "recruiter_feedback", "thank_you", "reassurance", "chase", "second_chase",
        "move_on", "contact_recruiter", "contact_team", "contact_agency",
    ),
    "nudge_buttons": (
        "debrief", "done_feedback", "done_thank_you", "done_chase", "ok", "snooze_hour",
        "snooze_morning", "heard",
    ),
    "nudge_reply": (
        "feedback_done", "thank_you_done", "chase_done", "chase_done_last", "ok", "move_on_ok",
        "snoozed", "gone", "paused", "already_paused", "resumed", "not_paused",
        "welcome_back",
    ),
    "phrases": ("chase_verbs", "chase_cues", "chase_excludes", "chase_subjects", "heard"),
    "chase": (
        "which", "none_open", "verdict_not_yet", "verdict_yes", "verdict_feedback_first",
        "verdict_move_on", "verdict_already_heard", "reason_not_happened_yet",
        "reason_before_decision_date", "reason_too_soon", "reason_silence_normal",
        "reason_chased_recently", "reason_first_chase_due", "reason_second_chase_due",
        "reason_agency_feedback", "reason_two_chases", "reason_outcome_recorded", "decision_note",
        "days_none", "days_one", "days_many",
        "changes", "sent", "next_check", "no_next", "remind", "remind_paused",
    ),
    "chase_buttons": ("draft", "sent", "remind", "feedback", "heard"),
    "outcome": (
        "which", "none_open", "ask", "offer", "next_round", "rejected", "withdrew", "other",
        "ask_tip", "tip_saved", "tip_skipped", "tip_bad", "cancelled",
    ),
    "outcome_buttons": (
        "offer", "next_round", "rejected", "withdrew", "other", "log_round", "skip",
    ),
    "data": (
        "export_caption", "calendar_caption", "calendar_empty", "forget_confirm", "forget_done",
        "forget_kept", "calendar_title",
    ),
    "data_buttons": ("forget_yes", "forget_no"),
    "nudge_kinds": (
        "check_in", "recruiter_feedback", "thank_you", "reassurance", "chase", "second_chase",
        "move_on",
    ),
    "about": ("description", "short_description"),
}  # fmt: skip

REQUIRED_KEYS: tuple[str, ...] = tuple(
    f"{section}.{key}" for section, keys in _SECTIONS.items() for key in keys
)

# The only names a message may use in {braces}; anything else is a typo caught at start.
KNOWN_PLACEHOLDERS: frozenset[str] = frozenset(
    {
        "answer", "company", "contact", "count", "day", "draft", "kind", "length", "limit",
        "local_time", "name", "notes", "decision", "decision_note", "days", "last", "next",
        "options", "rating", "recruiter", "role", "route", "topic", "when", "zone",
    }
)  # fmt: skip
