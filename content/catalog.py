"""The contract between the code and the words: every key the code uses, and the placeholders."""

from __future__ import annotations

# Section -> keys the code looks up. A file may add more keys; it may not leave one of these out.
_SECTIONS: dict[str, tuple[str, ...]] = {
    "start": (
        "welcome", "welcome_anonymous", "offer", "later",
    ),
    "help": ("text",),
    "commands": (
        "new", "status", "chase", "heard", "timezone", "country", "name", "pause", "resume",
        "export", "forget", "cancel", "help", "start", "language",
    ),
    "language": ("welcome_hint", "current", "saved", "draft_offer", "draft_saved"),
    "buttons": (
        "log_interview", "not_now", "skip", "just_now", "hour_ago", "agency_yes", "agency_no",
        "decision_none", "decision_week", "decision_next_week", "extras_outside",
        "extras_contact", "extras_both", "extras_neither", "contact_yes", "contact_no",
        "rating_1", "rating_2", "rating_3", "rating_4", "confirm_yes", "confirm_no",
        "round_yes", "round_no",
    ),
    "debrief": (
        "ask_company", "company_bad", "ask_role", "role_bad", "role_no_words", "another_round",
        "ask_when", "when_bad",
        "when_needs_time", "when_which", "when_confirm", "ask_agency", "agency_known",
        "route_agency", "route_agency_named", "route_direct", "ask_decision", "decision_bad",
        "decision_which", "decision_confirm", "decision_past", "decision_same_day",
        "decision_moved_holiday", "decision_moved_weekend", "decision_moved_after", "choice_gone",
        "retype",
        "ask_extras", "ask_contact_only", "agency_bad", "agency_which", "contact_bad",
        "extras_bad", "rating_bad", "ask_rating", "ask_notes", "notes_saved_long", "edit_applied",
        "edit_kept", "non_text", "busy", "cancelled", "nothing_to_cancel",
    ),
    "unfinished": (
        "keep_ask", "kept", "resume_ask", "status_now", "status_kept", "status_company",
        "status_waiting", "none_besides",
    ),
    "unfinished_buttons": ("keep", "drop", "carry_on", "afresh"),
    "summary": (
        "title", "role", "when", "route", "decision", "rating", "notes", "rough",
    ),
    "next_step": (
        "lead_first", "lead_also", "call_recruiter_fresh", "call_recruiter_late", "thank_you",
        "thank_you_strong_outside", "thank_you_strong_contact", "thank_you_strong_both",
        "thank_you_matters", "thank_you_plain", "thank_you_late", "thank_you_fold",
        "follow_up", "nothing_now",
        "next_nudge", "follow_up_from", "follow_up_after_date", "future_tip", "future_tip_now",
        "future_check_in", "your_recruiter",
    ),
    "status": (
        "empty", "empty_with_closed", "title", "line", "role_suffix", "next", "next_snoozed",
        "paused", "more", "closed_title", "closed_line", "story", "round_line",
    ),
    "timezone": (
        "ask", "bad", "choose", "saved", "ask_country", "ask_country_open", "country_now",
        "type_country", "country_bad", "country_bad_tap", "country_choose", "country_saved",
        "no_holidays", "confirm", "a_day",
    ),
    "fallback": (
        "non_text", "edited", "stale_button", "unknown_button", "unknown_text", "error", "refused",
    ),
    "ratings": ("1", "2", "3", "4"),
    "drafts": (
        "company_fallback", "greeting_named", "greeting_team", "sign_off", "thank_you_subject",
        "thank_you_subject_no_role", "thank_you_body", "thank_you_body_no_role",
        "thank_you_outside_hours", "topic_fact", "topic_fact_named", "topic_about", "topic_whether",
        "topic_question", "topic_next_steps", "question_generic", "thank_you_close",
        "chase_subject", "chase_subject_no_role", "chase_body", "chase_body_no_role",
        "chase_body_agency", "chase_body_agency_no_role", "chase_decision_line",
        "chase_decision_line_agency", "chase_ask", "chase_ask_agency", "chase_close",
        "chase_close_agency", "second_chase_subject", "second_chase_subject_no_role",
        "second_chase_body_dated", "second_chase_body_dated_no_role", "second_chase_body",
        "second_chase_body_no_role", "second_chase_body_agency_dated",
        "second_chase_body_agency_dated_no_role", "second_chase_body_agency",
        "second_chase_body_agency_no_role", "second_chase_ask", "second_chase_ask_agency",
        "second_chase_close", "second_chase_close_agency",
        "rejection_subject", "rejection_subject_no_role", "rejection_subject_agency",
        "rejection_subject_agency_no_role", "rejection_thanks", "rejection_thanks_no_role",
        "rejection_thanks_agency", "rejection_thanks_agency_no_role", "rejection_feedback",
        "rejection_feedback_agency", "rejection_close", "rejection_close_agency", "offer_subject",
        "offer_subject_no_role", "offer_thanks", "offer_thanks_no_role", "offer_thanks_agency",
        "offer_thanks_agency_no_role", "offer_in_writing", "offer_in_writing_agency", "offer_close",
        "offer_close_agency", "feedback_title", "feedback_title_no_role", "feedback_rating",
        "feedback_notes", "feedback_notes_missing", "feedback_tip_rough", "feedback_cover",
    ),
    "nudge": (
        "before", "check_in", "recruiter_feedback", "thank_you", "thank_you_strong_outside",
        "thank_you_strong_contact", "thank_you_strong_both",
        "reassurance_1", "reassurance_2", "reassurance_3", "chase", "second_chase",
        "follow_through", "move_on", "rejection_reply", "tip_request", "contact_recruiter",
        "contact_team", "contact_agency",
        "offer_deadline",
    ),
    "nudge_buttons": (
        "debrief", "draft", "draft_reply", "done_feedback", "done_thank_you", "done_chase",
        "sent_it", "not_yet", "skip_chase", "ok", "no_thanks", "share_tip", "snooze_hour",
        "snooze_morning", "heard",
    ),
    "nudge_reply": (
        "ok", "no_thanks", "move_on_ok", "snoozed", "gone", "chasing_stopped", "paused",
        "already_paused", "resumed", "not_paused", "welcome_back",
    ),
    "phrases": (
        "question_cues", "known_words", "chase_verbs", "chase", "chase_cues", "chase_excludes",
        "chase_subjects", "silence", "ghosted", "what_now", "heard", "news_offer",
        "news_rejected", "news_withdrew", "news_next_round", "news_next_round_about",
        "news_next_round_with", "news_not", "thank_you", "thank_you_not", "recruiter_call",
        "recruiter_call_about", "recruiter_call_with", "offer", "offer_about", "offer_with",
        "call_instead_about", "call_instead_with", "linkedin", "linkedin_not", "company_before",
        "not_companies",
        "offer_time", "offer_writing", "offer_decline", "offer_negotiate", "offer_accept",
    ),
    "questions": (
        "thank_you_due", "thank_you_done", "thank_you_late", "thank_you_early", "thank_you_none",
        "recruiter_call", "recruiter_call_direct", "recruiter_call_none", "ghosted_early",
        "ghosted_due", "ghosted_chased_once", "ghosted_after_chases", "ghosted_none",
        "what_now_none", "offer", "call_instead_agency", "call_instead_direct",
        "call_instead_none", "linkedin_none", "linkedin_direct", "linkedin_agency",
        "offer_negotiate", "offer_negotiate_again", "offer_accept", "offer_accept_again",
        "offer_decline", "offer_decline_again", "offer_time", "offer_time_again",
        "offer_writing", "offer_writing_again", "offer_general_again",
    ),
    "chase": (
        "which", "none_open", "about", "verdict_not_yet", "verdict_yes", "verdict_yes_on",
        "verdict_feedback_first", "verdict_move_on", "verdict_already_heard",
        "reason_not_happened_yet", "reason_before_decision_date", "reason_after_decision_date",
        "reason_waiting_week", "reason_agency_feedback", "reason_decision_passed",
        "reason_week_passed", "reason_chased_recently", "reason_second_chase_due",
        "reason_after_two_chases", "reason_two_chases", "reason_outcome_recorded",
        "days_none", "days_one", "days_many", "day_off_weekend", "day_off_holiday",
        "day_off_holiday_plain", "break_now", "break_note", "already_open", "reopened",
        "no_reminder", "remind", "remind_paused",
    ),
    "chase_buttons": (
        "draft", "sent", "remind", "feedback", "heard", "reopen", "log_it",
    ),
    "outcome": (
        "which", "none_open", "ask", "already", "offer", "next_round", "rejected", "withdrew",
        "other", "what_happened", "references", "keep_or_close", "kept_open", "ask_new_date",
        "ask_new_date_again", "no_new_date", "new_date_saved", "ask_tip", "tip_saved", "tip_bad",
        "tap_above", "cancelled",
        "ask_answer_by", "ask_answer_by_again", "answer_by_past", "answer_by_none",
        "answer_by_saved", "answer_by_soon", "offer_answered",
    ),
    "outcome_buttons": (
        "offer", "next_round", "rejected", "withdrew", "other", "log_round", "offer_draft",
        "undo", "more_time", "references", "something_else", "keep_open", "close",
        "no_deadline", "draft_accept", "draft_decline", "draft_counter", "draft_time",
    ),
    "data": (
        "export_caption", "calendar_caption", "calendar_empty", "forget_confirm", "forget_done",
        "forget_kept", "calendar_title",
    ),
    "data_buttons": ("forget_yes", "forget_no"),
    "nudge_kinds": (
        "before", "check_in", "recruiter_feedback", "thank_you", "reassurance", "chase",
        "second_chase", "follow_through", "move_on", "rejection_reply", "tip_request",
        "offer_deadline",
    ),
    "dialog": (
        "back", "cancelled", "non_text", "busy", "unnamed",
    ),
    "debrief_fields": (
        "company", "role", "when", "agency", "decision", "extras", "rating", "notes",
    ),
    "status_buttons": (
        "edit", "closed", "next_round",
    ),
    "zone_buttons": (
        "keep", "other_country", "no_holidays",
    ),
    "choose": (
        "unknown", "unknown_none", "unknown_log", "unknown_log_none",
    ),
    "acts": (
        "thank_you_done", "feedback_done", "same_or_another", "same_kept", "logged_1",
        "logged_2", "logged_more", "next_1", "next_2", "next_more",
    ),
    "acts_buttons": (
        "same", "another", "called", "thanked", "thank_you_draft", "thank_you_now",
    ),
    "drafting": (
        "chase", "chase_second", "thank_you", "call_notes", "rejection_reply", "offer_request",
        "who", "topic", "subject", "body", "ask_name", "ask_name_again",
        "ask_name_typed", "ask_name_again_typed", "name_bad", "name_no_letters", "name_saved",
        "accept", "decline", "more_time", "counter", "gaps", "counter_pick", "ask_figure",
        "ask_figure_again", "figure_bad",
    ),
    "drafting_buttons": (
        "general",
        "answered", "counter_s", "counter_d", "counter_t", "counter_r", "counter_b", "picked",
        "counter_go", "figure_blank",
    ),
    "edit": (
        "what", "ask_company", "ask_role", "ask_when", "ask_agency", "ask_decision", "saved",
        "new_plan", "decision_day", "delete_confirm", "delete_kept", "deleted",
    ),
    "edit_buttons": (
        "no_role", "delete", "delete_yes", "delete_no",
    ),
    "outcome_names": (
        "offer", "next_round", "rejected", "withdrew", "other", "heard",
    ),
    "nudge_about": (
        "before", "check_in", "recruiter_feedback", "thank_you", "reassurance", "chase",
        "second_chase", "follow_through", "move_on", "rejection_reply", "tip_request",
        "offer_deadline",
    ),
    "about": ("description", "short_description"),
    "news": (
        "sent_on", "thank_you_logged", "moved", "moved_when", "undone", "undo_gone", "which_sent",
        "which_interview", "which_date", "heard", "new_interview", "new_interview_unnamed",
        "unknown_company", "no_interview", "closed", "follow_through_no",
    ),
    "news_buttons": ("undo", "thank_you", "follow_up", "log", "edit", "reopen"),
    # Answering an offer: its drafts, the deadline to answer, the questions about it.
    "offer_drafts": (
        "accept_subject", "accept_subject_no_role", "accept_thanks", "accept_thanks_no_role",
        "accept_thanks_agency", "accept_thanks_agency_no_role", "accept_next",
        "accept_next_agency", "accept_close", "accept_close_agency", "decline_subject",
        "decline_subject_no_role", "decline_thanks", "decline_thanks_no_role",
        "decline_thanks_agency", "decline_thanks_agency_no_role", "decline_no",
        "decline_no_agency", "decline_close", "decline_close_agency", "counter_subject",
        "counter_subject_no_role", "counter_thanks", "counter_thanks_no_role",
        "counter_thanks_agency", "counter_thanks_agency_no_role", "counter_lead",
        "counter_lead_agency", "counter_ask_salary", "counter_ask_start_date", "counter_ask_title",
        "counter_ask_remote", "counter_ask_signing_bonus", "counter_figure_blank",
        "counter_reason", "counter_close", "counter_close_agency", "time_subject",
        "time_subject_no_role", "time_thanks", "time_thanks_no_role", "time_thanks_agency",
        "time_thanks_agency_no_role", "time_ask", "time_ask_agency", "time_close",
        "time_close_agency",
    ),
    # /calendar (handlers/calendar_feed.py): the private subscription address and its events
    "calendar_feed": (
        "link", "replaced", "have_link", "turned_off", "no_public", "empty",
        "stale_button",
    ),
    "calendar_feed_buttons": ("new", "off"),
    "calendar_feed_events": (
        "calendar_name", "interview", "interview_about", "decision", "decision_about",
        "answer_by", "answer_by_about",
    ),
    # An invitation read into a card (handlers/invitation.py).
    "invitations": (
        "card_title", "card_company", "card_role", "card_when", "card_when_there",
        "card_duration", "card_how", "card_people", "card_recruiter", "card_agency",
        "card_decision", "card_unknown", "card_cancel", "card_move", "card_check",
        "format_video", "format_phone", "format_onsite", "ask_day", "ask_moment",
        "ask_zone_sender", "ask_zone", "ask_time", "ask_date", "ask_company", "ask_role",
        "ask_what", "time_bad", "text_bad", "saved", "saved_past", "unchanged", "moved",
        "cancelled", "outdated", "not_found", "dropped", "gone", "slow", "refused_too_big",
        "refused_not_calendar", "refused_broken", "refused_no_event", "refused_many_events",
        "refused_recurring", "refused_many_dates", "refused_no_date", "refused_absurd_date",
    ),
    "invitations_buttons": (
        "looks_right", "fix", "drop", "company", "role", "when", "my_time", "their_time",
    ),
    # /board and the weekly card.
    "board": (
        "title", "today", "counts", "counts_none", "counts_last_week", "counts_none_last_week",
        "count_interviews", "count_thank_yous",
        "count_follow_ups", "count_answers", "more", "empty", "round", "stage_upcoming",
        "stage_debrief", "stage_waiting", "stage_followed_once", "stage_followed_twice", "next",
        "mark_interview", "mark_thank_you_sent", "mark_thank_you_due", "mark_follow_up_sent",
        "mark_decision", "mark_follow_up_due", "mark_next", "caption_lane",
        "caption_interview", "caption_thank_you_sent", "caption_thank_you_due",
        "caption_follow_up_sent", "caption_decision", "caption_follow_up_due", "too_slow",
    ),
    "weekly": (
        "done_interviews", "done_thank_yous", "done_follow_ups", "done_answers", "quiet_week",
        "next", "greeting", "digest_on", "digest_off", "digest_now_on", "digest_now_off",
        "digest_usage",
    ),
    "weekly_buttons": ("turn_off", "turn_on"),
}  # fmt: skip

REQUIRED_KEYS: tuple[str, ...] = tuple(
    f"{section}.{key}" for section, keys in _SECTIONS.items() for key in keys
)

# The only names a message may use in {braces}; anything else is a typo caught at start.
KNOWN_PLACEHOLDERS: frozenset[str] = frozenset(
    {
        "answer", "company", "contact", "count", "country", "day", "days", "decision", "draft",
        "field", "holiday", "interview_day", "kind", "last", "lead", "length", "limit",
        "local_time", "name", "names", "next", "notes", "outcome", "past", "rating", "recruiter",
        "role", "route", "topic", "when", "where", "zone",
        "figure", "remind",
        "address", "webcal",
        "there", "place", "minutes", "how", "people", "date", "clock", "offset", "was",
        "stage",
    }
)  # fmt: skip
