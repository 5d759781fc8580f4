-- Pending nudges become the queue: a sender claims a nudge until a time (a claim that lapses, so
-- a sender that died loses nothing), failed sends are counted, and the queue's questions get
-- indexes of their own.

ALTER TABLE nudges
    ADD COLUMN attempts      integer NOT NULL DEFAULT 0,
    ADD COLUMN claimed_by    text,
    ADD COLUMN claimed_until timestamptz;

-- Only pending nudges are ever looked up by due time; sent ones pile up and need no index entry.
DROP INDEX nudges_state_due;
CREATE INDEX nudges_pending_due ON nudges (due) WHERE state = 'pending';

-- next_due asks when live claims run out; few nudges are claimed at any time.
CREATE INDEX nudges_pending_claims ON nudges (claimed_until)
    WHERE state = 'pending' AND claimed_until IS NOT NULL;

