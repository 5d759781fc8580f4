"""The repository's longer SQL, composed and rendered once at import.

Column lists come from the model's dataclass fields, so a record's JSON (codec.encode) and its
table's columns line up by name; `jsonb_populate_record(set)` turns those records into rows.
"""

from __future__ import annotations

from dataclasses import fields
from typing import LiteralString

from psycopg import sql

from followup.core.model import Interview, Nudge, UserSettings

# What a statement is handed to psycopg as: literal SQL text, or bytes rendered once below.
Query = LiteralString | bytes


def _rendered(query: sql.Composed) -> bytes:
    """A composed statement as the bytes sent to the server, built once at import.

    psycopg would otherwise compose it again on every call: a fifth of its time per statement.
    """
    return query.as_bytes(None)


def _columns(cls: type) -> sql.Composable:
    """A model's fields as a column list (quoted: `when` is an SQL keyword)."""
    return sql.SQL(", ").join(sql.Identifier(field.name) for field in fields(cls))


def _updates(cls: type, key: tuple[str, ...]) -> sql.Composable:
    """`col = EXCLUDED.col` for every non-key field: an upsert replaces the whole record."""
    return sql.SQL(", ").join(
        sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(field.name))
        for field in fields(cls)
        if field.name not in key
    )


def _upsert_records(table: str, cls: type, tail: str = "") -> sql.Composed:
    """Insert or replace a batch of records, given as one JSON array, in one statement.

    `known` first gives each record's user a row (the foreign key needs it).
    """
    return sql.SQL(
        "WITH batch AS (SELECT * FROM jsonb_populate_recordset(NULL::{table}, %s)),"
        " known AS (INSERT INTO users (user_id) SELECT DISTINCT user_id FROM batch"
        " ON CONFLICT DO NOTHING)"
        " INSERT INTO {table} ({cols}) SELECT {cols} FROM batch"
        " ON CONFLICT (user_id, id) DO UPDATE SET {updates}" + tail
    ).format(
        table=sql.Identifier(table),
        cols=_columns(cls),
        updates=_updates(cls, ("user_id", "id")),
    )


SETTINGS = _columns(UserSettings)
INTERVIEWS = _columns(Interview)
NUDGES = _columns(Nudge)

# A users row without a time zone is a user known only by other records, not yet met.
SELECT_SETTINGS = _rendered(
    sql.SQL("SELECT {} FROM users WHERE user_id = %s AND timezone IS NOT NULL").format(SETTINGS)
)
SAVE_SETTINGS = _rendered(
    sql.SQL(
        "INSERT INTO users ({cols}) SELECT {cols} FROM jsonb_populate_record(NULL::users, %s)"
        " ON CONFLICT (user_id) DO UPDATE SET {updates}"
    ).format(cols=SETTINGS, updates=_updates(UserSettings, ("user_id",)))
)

SAVE_INTERVIEWS = _rendered(_upsert_records("interviews", Interview))
# Ids compare as in Python (COLLATE "C"), so both backends order ties the same way.
SELECT_INTERVIEWS = _rendered(
    sql.SQL(
        "SELECT {} FROM interviews WHERE user_id = %s"
        ' ORDER BY "when" DESC, created DESC, id COLLATE "C" DESC'
    ).format(INTERVIEWS)
)
SELECT_INTERVIEW = _rendered(
    sql.SQL("SELECT {} FROM interviews WHERE user_id = %s AND id = %s").format(INTERVIEWS)
)

# A nudge saved as anything but pending lets go of its claim; re-saved pending, it keeps it.
SAVE_NUDGES = _rendered(
    _upsert_records(
        "nudges",
        Nudge,
        ", claimed_by = CASE WHEN EXCLUDED.state = 'pending' THEN nudges.claimed_by END,"
        " claimed_until = CASE WHEN EXCLUDED.state = 'pending' THEN nudges.claimed_until END",
    )
)
SELECT_NUDGE = _rendered(
    sql.SQL("SELECT {} FROM nudges WHERE user_id = %s AND id = %s").format(NUDGES)
)
SELECT_NUDGES = _rendered(
    sql.SQL(
        "SELECT {} FROM nudges WHERE user_id = %(user)s"
        " AND (%(interview)s::text IS NULL OR interview_id = %(interview)s)"
        ' ORDER BY due, id COLLATE "C"'
    ).format(NUDGES)
)
MARK_NUDGE = _rendered(
    sql.SQL(
        "UPDATE nudges SET state = %(state)s, sent_at = coalesce(%(at)s::timestamptz, sent_at),"
        " claimed_by = NULL, claimed_until = NULL"
        " WHERE user_id = %(user)s AND id = %(id)s RETURNING {}"
    ).format(NUDGES)
)

CLAIM_DUE = _rendered(
    sql.SQL(
        "UPDATE nudges SET claimed_by = %(owner)s, claimed_until = %(until)s"
        " WHERE (user_id, id) IN ("
        "  SELECT n.user_id, n.id FROM nudges n JOIN users u USING (user_id)"
        "  WHERE n.state = 'pending' AND n.due <= %(now)s"
        "   AND (n.claimed_until IS NULL OR n.claimed_until <= %(now)s)"
        "   AND NOT u.paused AND NOT u.blocked"
        '  ORDER BY n.due, n.id COLLATE "C" LIMIT %(limit)s'
        "  FOR UPDATE OF n SKIP LOCKED)"
        " RETURNING {}"
    ).format(NUDGES)
)
DROP_CLAIMS = (
    "WITH dropped AS (UPDATE nudges SET claimed_by = NULL, claimed_until = NULL"
    " WHERE claimed_until IS NOT NULL RETURNING 1) SELECT count(*) AS n FROM dropped"
)
RELEASE = (
    "UPDATE nudges SET due = %(due)s, attempts = attempts + 1,"
    " claimed_by = NULL, claimed_until = NULL"
    " WHERE user_id = %(user)s AND id = %(id)s AND state = 'pending'"
)
# A claimable nudge is due at its due time, or when its claim lapses if that is later. Two
# index walks instead of one min() over every pending row: the soonest unclaimed (or claimed
# no later than due) by due, and the soonest whose claim outlasts its due time by claimed_until.
NEXT_DUE = (
    "SELECT min(t) FROM ("
    " (SELECT n.due AS t FROM nudges n JOIN users u USING (user_id)"
    "  WHERE n.state = 'pending' AND (n.claimed_until IS NULL OR n.claimed_until <= n.due)"
    "   AND NOT u.paused AND NOT u.blocked"
    "  ORDER BY n.due LIMIT 1)"
    " UNION ALL"
    " (SELECT n.claimed_until FROM nudges n JOIN users u USING (user_id)"
    "  WHERE n.state = 'pending' AND n.claimed_until IS NOT NULL AND n.claimed_until > n.due"
    "   AND NOT u.paused AND NOT u.blocked"
    "  ORDER BY n.claimed_until LIMIT 1)"
    ") soonest"
)

SAVE_CONVERSATION = (
    "WITH known AS (INSERT INTO users (user_id) VALUES (%(user)s) ON CONFLICT DO NOTHING)"
    " INSERT INTO conversations (name, key, user_id, state)"
    " VALUES (%(name)s, %(key)s::bigint[], %(user)s, %(state)s)"
    " ON CONFLICT (name, key) DO UPDATE SET state = EXCLUDED.state"
)
SAVE_USER_DATA = (
    "WITH known AS (INSERT INTO users (user_id) VALUES (%(user)s) ON CONFLICT DO NOTHING)"
    " INSERT INTO user_data (user_id, data) VALUES (%(user)s, %(data)s)"
    " ON CONFLICT (user_id) DO UPDATE SET data = EXCLUDED.data"
)

FEED_COLUMNS = "user_id, link_id, token_hash, created, sequences"
SAVE_FEED_LINK = (
    "WITH known AS (INSERT INTO users (user_id) VALUES (%(user)s) ON CONFLICT DO NOTHING)"
    " INSERT INTO calendar_feeds (user_id, link_id, token_hash, created, sequences)"
    " VALUES (%(user)s, %(link)s, %(hash)s, %(created)s, %(sequences)s)"
    " ON CONFLICT (user_id) DO UPDATE SET link_id = EXCLUDED.link_id,"
    " token_hash = EXCLUDED.token_hash, created = EXCLUDED.created,"
    " sequences = EXCLUDED.sequences"
)
SAVE_FEED_SEQUENCES = (
    "UPDATE calendar_feeds SET sequences = %(sequences)s"
    " WHERE user_id = %(user)s AND link_id = %(link)s"
)
