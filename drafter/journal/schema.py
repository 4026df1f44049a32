"""The journal's schema: one migration per version, applied in order inside a write transaction."""

from __future__ import annotations

SCHEMA_VERSION = 2
MIGRATIONS: list[tuple[str, str]] = [
    (
        "initial schema: updates, commitments, commitment_events",
        """
        CREATE TABLE migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        CREATE TABLE updates (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            as_of TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'update',
            overall TEXT,
            engine TEXT,
            text TEXT NOT NULL,
            artefact TEXT NOT NULL
        );
        CREATE TABLE commitments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL,
            what TEXT NOT NULL,
            owner TEXT NOT NULL,
            for_whom TEXT,
            item TEXT,
            due TEXT,
            original_due TEXT,
            state TEXT NOT NULL CHECK (state IN ('open', 'missed', 'done', 'dropped')),
            made_on TEXT NOT NULL,
            closed_on TEXT,
            missed_count INTEGER NOT NULL DEFAULT 0,
            reason TEXT,
            first_update INTEGER REFERENCES updates(id),
            last_update INTEGER REFERENCES updates(id)
        );
        CREATE INDEX commitments_key ON commitments(key);
        CREATE INDEX commitments_state ON commitments(state);
        CREATE TABLE commitment_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            commitment_id INTEGER NOT NULL REFERENCES commitments(id),
            update_id INTEGER REFERENCES updates(id),
            on_date TEXT NOT NULL,
            state TEXT NOT NULL,
            due TEXT,
            new_date TEXT,
            note TEXT,
            source TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX events_commitment ON commitment_events(commitment_id);
        """,
    ),
    (
        "proposed_due: a date the tool proposed for a missed promise, kept beside its due date",
        """
        ALTER TABLE commitments ADD COLUMN proposed_due TEXT;
        """,
    ),
]
