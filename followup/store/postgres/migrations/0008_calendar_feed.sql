-- Each user's calendar subscription link: never the token, only its SHA-256 digest (unique, so a
-- presented token finds at most one user), when it was made, and the feed's ledger of sequence
-- numbers ([uid, fingerprint, sequence] per event seen). Forgetting the user removes it.

CREATE TABLE calendar_feeds (
    user_id    bigint PRIMARY KEY REFERENCES users ON DELETE CASCADE,
    link_id    text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    created    timestamptz NOT NULL,
    sequences  jsonb NOT NULL DEFAULT '[]'
);
