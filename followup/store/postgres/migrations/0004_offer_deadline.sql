-- An offer's deadline to answer, and when the user answered it: the reminder the working day
-- before the deadline is planned from the first and stops with the second.

ALTER TABLE interviews
    ADD COLUMN answer_by      date,
    ADD COLUMN offer_answered timestamptz;
