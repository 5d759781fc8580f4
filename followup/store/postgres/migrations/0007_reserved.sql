-- Empty: this version number is kept for a change made alongside the calendar feed (0008).
-- When that change's own 0007 file arrives, this file goes.
SELECT 1;
