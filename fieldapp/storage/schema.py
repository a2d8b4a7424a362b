"""The vault's schema and its migrations, numbered by ``PRAGMA user_version``.

Each migration runs once, in a transaction, in order. Projection tables are not here:
they belong to ``projections`` and are rebuilt from the event log.
"""

from __future__ import annotations

from fieldapp.errors import KnownError, coded
from fieldapp.storage.database import Connection, statements, transaction

EVENT_KINDS = ("create", "amend", "void", "resolve", "custody", "checkpoint", "access")
_EVENT_COLUMNS = (
    "device_id, seq, id, officer_id, hlc, wall_time, zone, kind, entity_type, entity_id, "
    "parents, body, attachments, prev_hash, entry_hash, signature, body_sha256"
)

_V1 = f"""
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE events (
    device_id   TEXT    NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    id          TEXT    NOT NULL UNIQUE,
    officer_id  TEXT    NOT NULL,
    hlc         TEXT    NOT NULL,
    wall_time   TEXT    NOT NULL,
    zone        TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ({", ".join(repr(k) for k in EVENT_KINDS)})),
    entity_type TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    parents     TEXT    NOT NULL,
    body        BLOB    NOT NULL,
    attachments TEXT    NOT NULL,
    prev_hash   BLOB    NOT NULL,
    entry_hash  BLOB    NOT NULL UNIQUE,
    signature   BLOB    NOT NULL,
    PRIMARY KEY (device_id, seq)
);
CREATE INDEX events_entity ON events (entity_type, entity_id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TABLE blobs (
    sha256 TEXT    PRIMARY KEY,
    size   INTEGER NOT NULL,
    data   BLOB    NOT NULL
);
CREATE TRIGGER blobs_immutable BEFORE UPDATE ON blobs
BEGIN SELECT RAISE(ABORT, 'blobs are immutable'); END;
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# v2: typing that is not yet a valid record survives a lock or a crash (storage.drafts).
_V2 = """
CREATE TABLE drafts (
    key        TEXT PRIMARY KEY,
    data       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""

# v3: a station's record of bundles imported, and bundles held until a gap is filled.
_V3 = """
CREATE TABLE imported_bundles (
    bundle_id   TEXT    PRIMARY KEY,
    device_id   TEXT    NOT NULL,
    from_seq    INTEGER NOT NULL,
    to_seq      INTEGER NOT NULL,
    imported_at TEXT    NOT NULL
);
CREATE TABLE pending_bundles (
    bundle_id TEXT    PRIMARY KEY,
    device_id TEXT    NOT NULL,
    from_seq  INTEGER NOT NULL,
    to_seq    INTEGER NOT NULL,
    data      BLOB    NOT NULL
);
"""

# v4: retention. A purge may empty an event's body once the station holds it, keeping the
# body's hash so the chain still verifies; no other change to an event is ever allowed.
_V4 = """
ALTER TABLE events ADD COLUMN body_sha256 TEXT;
DROP TRIGGER events_append_only_update;
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
WHEN NOT (
    OLD.body_sha256 IS NULL AND NEW.body_sha256 IS NOT NULL AND NEW.body = X''
    AND NEW.device_id IS OLD.device_id AND NEW.seq IS OLD.seq AND NEW.id IS OLD.id
    AND NEW.officer_id IS OLD.officer_id AND NEW.hlc IS OLD.hlc
    AND NEW.wall_time IS OLD.wall_time AND NEW.zone IS OLD.zone AND NEW.kind IS OLD.kind
    AND NEW.entity_type IS OLD.entity_type AND NEW.entity_id IS OLD.entity_id
    AND NEW.parents IS OLD.parents AND NEW.attachments IS OLD.attachments
    AND NEW.prev_hash IS OLD.prev_hash AND NEW.entry_hash IS OLD.entry_hash
    AND NEW.signature IS OLD.signature
)
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
"""

# v5: a body may be emptied only under a purge event already in the log, after the event,
# that names it: the newest purge event, which ``storage.purge.purge_case`` appends before it
# empties the bodies it names (at most ``PURGE_CHUNK`` a purge event). The id is looked for
# as a quoted string in that event's canonical JSON: a search of every purge event's list
# for every emptied row cost a purge of n events n² (4 s for 2,000). Event ids are UUIDs,
# and ``verify`` checks the list exactly, since whoever holds the data key can drop this.
_PURGE_TRIGGER = """
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
WHEN NOT (
    OLD.body_sha256 IS NULL AND NEW.body_sha256 IS NOT NULL AND NEW.body = X''
    AND NEW.device_id IS OLD.device_id AND NEW.seq IS OLD.seq AND NEW.id IS OLD.id
    AND NEW.officer_id IS OLD.officer_id AND NEW.hlc IS OLD.hlc
    AND NEW.wall_time IS OLD.wall_time AND NEW.zone IS OLD.zone AND NEW.kind IS OLD.kind
    AND NEW.entity_type IS OLD.entity_type AND NEW.entity_id IS OLD.entity_id
    AND NEW.parents IS OLD.parents AND NEW.attachments IS OLD.attachments
    AND NEW.prev_hash IS OLD.prev_hash AND NEW.entry_hash IS OLD.entry_hash
    AND NEW.signature IS OLD.signature
    AND EXISTS (
        SELECT 1 FROM (
            SELECT rowid, body, body_sha256 FROM events
            WHERE entity_type = 'purge' AND kind = 'checkpoint' ORDER BY rowid DESC LIMIT 1
        ) AS purge
        WHERE purge.rowid > OLD.rowid AND purge.body_sha256 IS NULL
        AND instr(purge.body, CAST('"' || OLD.id || '"' AS BLOB)) > 0
    )
)
BEGIN SELECT RAISE(ABORT, 'events are append-only (a body is emptied only by a purge)'); END;
"""
_V5 = "\nDROP TRIGGER events_append_only_update;" + _PURGE_TRIGGER
PURGE_CHUNK = 250  # ids a purge event names: the trigger reads its body once a row

# v6: the events table without its UNIQUE index on entry_hash. Entry hashes are random, so
# that index put each new row on a random leaf, and every commit rewrote most of its pages:
# in an encrypted vault each page written costs an AES encryption and an HMAC-SHA512, and
# that index was two thirds of what encryption added to an insert (`bench storage` (b)).
# It enforced nothing the primary key does not (an entry hash covers its device and
# sequence) and no query reads events by it. The table is rebuilt with every rowid kept
# (rowid is the log's order), then its index and its two triggers as v5 left them.
_V6 = f"""
CREATE TABLE events_v6 (
    device_id   TEXT    NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    id          TEXT    NOT NULL UNIQUE,
    officer_id  TEXT    NOT NULL,
    hlc         TEXT    NOT NULL,
    wall_time   TEXT    NOT NULL,
    zone        TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ({", ".join(repr(k) for k in EVENT_KINDS)})),
    entity_type TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    parents     TEXT    NOT NULL,
    body        BLOB    NOT NULL,
    attachments TEXT    NOT NULL,
    prev_hash   BLOB    NOT NULL,
    entry_hash  BLOB    NOT NULL,
    signature   BLOB    NOT NULL,
    body_sha256 TEXT,
    PRIMARY KEY (device_id, seq)
);
INSERT INTO events_v6 (rowid, {_EVENT_COLUMNS}) SELECT rowid, {_EVENT_COLUMNS} FROM events
ORDER BY rowid;
DROP TRIGGER events_append_only_update;
DROP TRIGGER events_append_only_delete;
DROP TABLE events;
ALTER TABLE events_v6 RENAME TO events;
CREATE INDEX events_entity ON events (entity_type, entity_id);
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
{_PURGE_TRIGGER}"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6)
SCHEMA_VERSION = len(MIGRATIONS)


def version_of(conn: Connection) -> int:
    """The schema version the open database is at."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection) -> int:
    """Bring the database to ``SCHEMA_VERSION``; returns the version it was at."""
    start = version_of(conn)
    if start > SCHEMA_VERSION:
        raise KnownError(
            coded(
                "vault_too_new",
                f"vault.db has schema version {start}, newer than this program "
                f"({SCHEMA_VERSION}). Update the program.",
                version=start,
                supported=SCHEMA_VERSION,
            )
        )
    for version in range(start, SCHEMA_VERSION):
        with transaction(conn):
            for statement in statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
    return start
