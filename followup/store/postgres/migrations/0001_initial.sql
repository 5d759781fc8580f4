-- The first schema: users and their settings, interviews, nudges, conversation states, user_data.
-- Every record hangs off its user, so forgetting a user is one DELETE that cascades.

CREATE TABLE users (
    user_id        bigint PRIMARY KEY,
    -- The settings columns stay NULL until the user's settings are saved: a row can come first
    -- with another record of theirs (user_data written before the welcome, say).
    chat_id        bigint,
    timezone       text,
    zone_confirmed boolean NOT NULL DEFAULT false,
    country        text,
    sender_name    text,
    paused         boolean NOT NULL DEFAULT false,
    blocked        boolean NOT NULL DEFAULT false,
    tips           text[] NOT NULL DEFAULT '{}',
    tip_asked      boolean NOT NULL DEFAULT false
);

CREATE TABLE interviews (
    user_id         bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    id              text NOT NULL,
    company         text NOT NULL,
    "when"          timestamptz NOT NULL,
    created         timestamptz NOT NULL,
    wall_clock      boolean NOT NULL DEFAULT false,
    role            text,
    via_agency      boolean NOT NULL DEFAULT false,
    recruiter       text,
    decision_date   date,
    outside_hours   boolean,
    got_contact     boolean,
    rating          smallint,
    notes           text,
    debriefed       boolean NOT NULL DEFAULT false,
    feedback_given  timestamptz,
    thanked         timestamptz,
    chases          timestamptz[] NOT NULL DEFAULT '{}',
    chase_prompted  timestamptz,
    chasing_stopped timestamptz,
    outcome         text,
    heard_back      timestamptz,
    PRIMARY KEY (user_id, id)
);

CREATE TABLE nudges (
    user_id      bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    id           text NOT NULL,
    chat_id      bigint NOT NULL,
    interview_id text NOT NULL,
    kind         text NOT NULL,
    due          timestamptz NOT NULL,
    state        text NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'sent', 'cancelled', 'skipped')),
    step         integer NOT NULL DEFAULT 0,
    snoozed      boolean NOT NULL DEFAULT false,
    sent_at      timestamptz,
    acted_at     timestamptz,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX nudges_state_due ON nudges (state, due);

CREATE TABLE conversations (
    name    text NOT NULL,
    key     bigint[] NOT NULL,
    user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,  -- the key's last element
    state   jsonb NOT NULL,
    PRIMARY KEY (name, key)
);
CREATE INDEX conversations_user ON conversations (user_id);

CREATE TABLE user_data (
    user_id bigint PRIMARY KEY REFERENCES users ON DELETE CASCADE,
    data    jsonb NOT NULL
);
