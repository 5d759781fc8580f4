-- Rounds: an interview may follow an earlier round with the same company (its id), so the
-- rounds read as one story. NULL for a first round and for every interview stored before.

ALTER TABLE interviews ADD COLUMN round_of text;
