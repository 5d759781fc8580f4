-- Interviews logged from an invitation: the calendar event's UID (so the same event sent again,
-- rescheduled or cancelled updates that interview instead of adding one) and its SEQUENCE (an
-- older copy changes nothing). NULL and 0 for every interview stored before.

ALTER TABLE interviews
    ADD COLUMN invite_uid      text,
    ADD COLUMN invite_sequence integer NOT NULL DEFAULT 0;
