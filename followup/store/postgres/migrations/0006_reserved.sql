-- Empty: this version number is kept for a change made alongside the weekly card (0007).
-- When that change's own 0006 file arrives, this file goes.
SELECT 1;
