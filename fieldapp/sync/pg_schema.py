"""The PostgreSQL station's schema (issue #18): tables, the version table, migrations and
the roles that guard them.

Privileges do the guarding. The owner (whoever runs ``station init``) owns every table.
The station's staff log in as roles that are members of ``<database>_app``, which may
only SELECT and INSERT events (and blobs, and the list of imported bundles); triggers
forbid UPDATE, DELETE and TRUNCATE of events besides, for the owner too. The retention
purge runs as a member of ``<database>_purge`` through one function, which empties a body
only under a purge event in the log that names it, keeping the body's hash so that the
chain still verifies. The role names carry the database's name: one cluster may hold
several stations' databases.

Nothing in the database opens without a staff member's passphrase (schema 2,
``sync.pg_keys``): ``station_secret`` holds the station's keys only sealed, under a master
key wrapped in ``station_keyslots`` (one slot per staff member); event bodies and blobs
are encrypted with a key derived from the station's identity. The purge function cannot
read a sealed purge event, so it is handed the plaintext and checks it against the
``body_hash`` kept at insert.

``schema_version`` holds the version the database was last migrated to; an app older
than the database refuses it (``station_schema_newer``) rather than write what it does
not understand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from psycopg import Connection, sql

from fieldapp.errors import KnownError, coded

# Taken while migrating: two station PCs that start a new version at once migrate once.
_MIGRATION_LOCK = 0x46_41_50_47  # "FAPG"

_V1 = """
CREATE TABLE schema_version (version integer NOT NULL);
INSERT INTO schema_version VALUES (0);

-- The station's identity: one row. Its private keys are in station_secret (sealed from
-- schema 2 on: see _AT_REST).
CREATE TABLE station (
    one              boolean PRIMARY KEY DEFAULT true CHECK (one),
    name             text NOT NULL,
    fingerprint      text NOT NULL,
    device_id        text NOT NULL,
    bundle_recipient text NOT NULL,
    signing_public   text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE station_secret (
    one         boolean PRIMARY KEY DEFAULT true CHECK (one),
    identity    text NOT NULL,
    signing_key text NOT NULL
);

-- The event log, as in a vault: the columns the entry hash covers, and the kept hash of
-- a purged body. ``pos`` is the order events were stored in (a vault's rowid).
CREATE TABLE events (
    pos         bigserial UNIQUE NOT NULL,
    device_id   text NOT NULL,
    seq         bigint NOT NULL CHECK (seq > 0),
    id          text NOT NULL UNIQUE,
    officer_id  text NOT NULL,
    hlc         text NOT NULL,
    wall_time   text NOT NULL,
    zone        text NOT NULL,
    kind        text NOT NULL,
    entity_type text NOT NULL,
    entity_id   text NOT NULL,
    parents     text NOT NULL,
    body        bytea NOT NULL,
    attachments text NOT NULL,
    prev_hash   bytea NOT NULL,
    entry_hash  bytea NOT NULL,
    signature   bytea NOT NULL,
    body_sha256 text,
    PRIMARY KEY (device_id, seq)
);
CREATE INDEX events_entity ON events (entity_type, entity_id);
CREATE INDEX events_type_device ON events (entity_type, device_id, seq);

CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A body is emptied only by purge_event_body, which sets this for its own update,
    -- and only to nothing, keeping its hash; no other column ever changes.
    IF TG_OP = 'UPDATE' AND current_setting('fieldapp.purging', true) = 'on'
       AND NEW.body = '\\x'::bytea AND OLD.body_sha256 IS NULL
       AND NEW.body_sha256 = encode(sha256(OLD.body), 'hex')
       AND (NEW.pos, NEW.device_id, NEW.seq, NEW.id, NEW.officer_id, NEW.hlc, NEW.wall_time,
            NEW.zone, NEW.kind, NEW.entity_type, NEW.entity_id, NEW.parents,
            NEW.attachments, NEW.prev_hash, NEW.entry_hash, NEW.signature)
         IS NOT DISTINCT FROM
           (OLD.pos, OLD.device_id, OLD.seq, OLD.id, OLD.officer_id, OLD.hlc, OLD.wall_time,
            OLD.zone, OLD.kind, OLD.entity_type, OLD.entity_id, OLD.parents,
            OLD.attachments, OLD.prev_hash, OLD.entry_hash, OLD.signature) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();

CREATE TABLE blobs (
    sha256 text PRIMARY KEY,
    size   bigint NOT NULL,
    data   bytea NOT NULL
);
CREATE TABLE imported_bundles (
    bundle_id   text PRIMARY KEY,
    device_id   text NOT NULL,
    from_seq    bigint NOT NULL,
    to_seq      bigint NOT NULL,
    imported_at text NOT NULL
);
-- Bundles held for a gap: still sealed to the station.
CREATE TABLE pending_bundles (
    bundle_id text PRIMARY KEY,
    device_id text NOT NULL,
    from_seq  bigint NOT NULL,
    to_seq    bigint NOT NULL,
    data      bytea NOT NULL
);
CREATE INDEX pending_device ON pending_bundles (device_id, from_seq);

-- The retention purge: one function, run by the purge role, with the owner's rights.
CREATE FUNCTION purge_event_body(p_event text, p_purge_event text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    covered boolean;
BEGIN
    SELECT convert_from(body, 'UTF8')::jsonb -> 'event_ids' ? p_event INTO covered
      FROM events WHERE id = p_purge_event AND entity_type = 'purge' AND body_sha256 IS NULL;
    IF covered IS NOT TRUE THEN
        RAISE EXCEPTION 'no purge event names %', p_event USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM set_config('fieldapp.purging', 'on', true);
    UPDATE events SET body = '\\x'::bytea, body_sha256 = encode(sha256(body), 'hex')
     WHERE id = p_event AND body_sha256 IS NULL;
    PERFORM set_config('fieldapp.purging', 'off', true);
    RETURN FOUND;
END $$;
REVOKE ALL ON FUNCTION purge_event_body(text, text) FROM PUBLIC;
"""

# Secrets at rest (``sync.pg_keys``): the station's keys only sealed, under staff key
# slots; bodies and blobs encrypted. The clear keys of a database made before are moved
# aside to ``station_secret_clear``, which ``migrate``'s ``seal`` step empties and drops
# in the same transaction (it needs a staff member's passphrase; nothing else can seal).
# ``body_hash``: the plaintext body's SHA-256 for every event, kept at insert: the purge
# function cannot read a sealed purge event, so it is handed the plaintext and checks it
# against this before trusting the event ids it names.
_AT_REST = """
ALTER TABLE station_secret RENAME TO station_secret_clear;
CREATE TABLE station_secret (
    one    boolean PRIMARY KEY DEFAULT true CHECK (one),
    nonce  bytea NOT NULL,
    sealed bytea NOT NULL
);
CREATE TABLE station_keyslots (
    staff text PRIMARY KEY,
    slot  text NOT NULL
);
-- The last slot is never removed: without one, nobody can open the station's keys.
CREATE FUNCTION station_keyslots_keep_one() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM station_keyslots) AND EXISTS (SELECT 1 FROM station) THEN
        RAISE EXCEPTION 'the last key slot stays' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER station_keyslots_keep_one AFTER DELETE ON station_keyslots
    FOR EACH STATEMENT EXECUTE FUNCTION station_keyslots_keep_one();

ALTER TABLE events ADD COLUMN body_hash text;
ALTER TABLE events DISABLE TRIGGER events_append_only;
UPDATE events SET body_hash = coalesce(body_sha256, encode(sha256(body), 'hex'));
ALTER TABLE events ENABLE TRIGGER events_append_only;
ALTER TABLE events ALTER COLUMN body_hash SET NOT NULL;

CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A body is emptied only by purge_event_body, which sets this for its own update,
    -- and only to nothing, keeping the plaintext's hash; no other column ever changes.
    IF TG_OP = 'UPDATE' AND current_setting('fieldapp.purging', true) = 'on'
       AND NEW.body = '\\x'::bytea AND OLD.body_sha256 IS NULL
       AND NEW.body_sha256 = OLD.body_hash
       AND (NEW.pos, NEW.device_id, NEW.seq, NEW.id, NEW.officer_id, NEW.hlc, NEW.wall_time,
            NEW.zone, NEW.kind, NEW.entity_type, NEW.entity_id, NEW.parents,
            NEW.attachments, NEW.prev_hash, NEW.entry_hash, NEW.signature, NEW.body_hash)
         IS NOT DISTINCT FROM
           (OLD.pos, OLD.device_id, OLD.seq, OLD.id, OLD.officer_id, OLD.hlc, OLD.wall_time,
            OLD.zone, OLD.kind, OLD.entity_type, OLD.entity_id, OLD.parents,
            OLD.attachments, OLD.prev_hash, OLD.entry_hash, OLD.signature, OLD.body_hash) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

DROP FUNCTION purge_event_body(text, text);
-- The purge event's plaintext body is passed in (its stored body is sealed); trusted
-- only when its SHA-256 is the one kept for that purge event at insert.
CREATE FUNCTION purge_event_body(p_event text, p_purge_event text, p_purge_body bytea)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    covered boolean;
    emptied integer;
BEGIN
    SELECT body_hash = encode(sha256(p_purge_body), 'hex')
           AND convert_from(p_purge_body, 'UTF8')::jsonb -> 'event_ids' ? p_event
      INTO covered
      FROM events WHERE id = p_purge_event AND entity_type = 'purge' AND body_sha256 IS NULL;
    IF covered IS NOT TRUE THEN
        RAISE EXCEPTION 'no purge event names %', p_event USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM set_config('fieldapp.purging', 'on', true);
    UPDATE events SET body = '\\x'::bytea, body_sha256 = body_hash
     WHERE id = p_event AND body_sha256 IS NULL;
    -- Counted here: PERFORM sets FOUND again (schema 1's function answered true always).
    GET DIAGNOSTICS emptied = ROW_COUNT;
    PERFORM set_config('fieldapp.purging', 'off', true);
    RETURN emptied > 0;
END $$;
REVOKE ALL ON FUNCTION purge_event_body(text, text, bytea) FROM PUBLIC;
"""

# The records projection (``storage.records.RecordsProjection``, the same rules as a
# vault's, through ``sync.pg_connection``): the tables a vault has, with the order rows
# were written in ``pos`` (a vault's rowid), ids compared byte by byte as SQLite does
# (``COLLATE "C"``: lists in the creating clock's order whatever the server's locale),
# and ``meta`` as the station's device id, which tells a purge whether it applies here.
# ``data`` and a conflict's values are what ``Dialect.dump_data`` makes of them: sealed with
# the station's at-rest key (``sync.pg_connection``), hence bytea. Rows written before
# this version are projected by ``pg_store.migrate_pg_station`` in the same transaction.
_RECORDS = """
CREATE TABLE records (
    entity_type   text COLLATE "C" NOT NULL,
    entity_id     text COLLATE "C" NOT NULL,
    operation_id  text COLLATE "C",
    case_id       text COLLATE "C",
    data          bytea NOT NULL,
    created_at    text NOT NULL,
    created_by    text NOT NULL,
    updated_at    text NOT NULL,
    updated_by    text NOT NULL,
    last_event    text NOT NULL,
    voided        integer NOT NULL DEFAULT 0,
    void_reason   text,
    created_hlc   text COLLATE "C" NOT NULL,
    created_event text NOT NULL,
    PRIMARY KEY (entity_type, entity_id)
);
CREATE INDEX records_case ON records (case_id, entity_type);
CREATE INDEX records_operation ON records (operation_id, entity_type);
CREATE TABLE record_changes (
    entity_type text COLLATE "C" NOT NULL,
    entity_id   text COLLATE "C" NOT NULL,
    event_id    text NOT NULL,
    fields      text NOT NULL,
    pos         bigserial PRIMARY KEY
);
CREATE INDEX record_changes_entity ON record_changes (entity_type, entity_id, pos);
CREATE TABLE conflicts (
    entity_type    text COLLATE "C" NOT NULL,
    entity_id      text COLLATE "C" NOT NULL,
    field          text COLLATE "C" NOT NULL,
    current_value  bytea,
    current_event  text NOT NULL,
    incoming_value bytea,
    incoming_event text COLLATE "C" NOT NULL,
    resolved_by    text,
    pos            bigserial UNIQUE NOT NULL,
    PRIMARY KEY (entity_type, entity_id, field, incoming_event)
);
CREATE VIEW meta AS SELECT 'device_id'::text AS key, device_id AS value FROM station;
"""

# Per version, what takes the database there from the one before (index 0: version 1).
MIGRATIONS: tuple[str, ...] = (_V1, _AT_REST, _RECORDS)
SCHEMA_VERSION = len(MIGRATIONS)

# What each role may do, granted again after every migration (new tables included).
_GRANTS = """
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {app}, {purge};
GRANT SELECT ON schema_version, station, station_secret TO {app};
GRANT SELECT, INSERT ON events, blobs, imported_bundles TO {app};
GRANT SELECT, INSERT, DELETE ON pending_bundles, station_keyslots TO {app};
GRANT USAGE ON SEQUENCE events_pos_seq TO {app};
-- The projection is derived from the events: the app keeps it in step (the events stay
-- insert-only).
GRANT SELECT ON meta TO {app};
GRANT SELECT, INSERT, UPDATE, DELETE ON records, record_changes, conflicts TO {app};
GRANT USAGE ON SEQUENCE record_changes_pos_seq, conflicts_pos_seq TO {app};
GRANT SELECT ON schema_version, events, station, station_secret, station_keyslots TO {purge};
GRANT EXECUTE ON FUNCTION purge_event_body(text, text, bytea) TO {purge};
"""


def role_names(conn: Connection[Any]) -> tuple[str, str]:
    """The application and purge roles of this database."""
    row = conn.execute("SELECT current_database()").fetchone()
    assert row is not None
    return f"{row[0]}_app", f"{row[0]}_purge"


def installed_version(conn: Connection[Any]) -> int | None:
    """The database's schema version; None when it holds no station schema at all."""
    row = conn.execute("SELECT to_regclass('public.schema_version') IS NOT NULL").fetchone()
    if row is None or not row[0]:
        return None
    version = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(version[0]) if version and version[0] is not None else 0


def check_version(conn: Connection[Any]) -> int:
    """The version, refused when this app cannot use the database."""
    version = installed_version(conn)
    if version is None or version == 0:
        raise KnownError(
            coded(
                "station_db_not_station",
                "That database holds no fieldapp station (create one with "
                "'fieldapp station init --database').",
            )
        )
    if version > SCHEMA_VERSION:
        raise KnownError(
            coded(
                "station_schema_newer",
                f"The station's database is at schema version {version}; this fieldapp "
                f"knows up to {SCHEMA_VERSION}: update fieldapp on this PC.",
                version=version,
                known=SCHEMA_VERSION,
            )
        )
    if version < SCHEMA_VERSION:
        raise KnownError(
            coded(
                "station_schema_older",
                f"The station's database is at schema version {version}; its owner must "
                f"migrate it to {SCHEMA_VERSION} ('fieldapp station migrate --database').",
                version=version,
                known=SCHEMA_VERSION,
            )
        )
    return version


def migrate(
    conn: Connection[Any],
    seal: Callable[[Connection[Any]], None] | None = None,
    after: Callable[[Connection[Any]], None] | None = None,
) -> int:
    """Take the database to ``SCHEMA_VERSION`` (as its owner), in one transaction, and
    make its roles; returns the version it was at. A newer database is refused.

    ``seal``: run in the same transaction when the station's keys were kept in the clear
    (a database made before secrets at rest): it seals them and encrypts every body and
    blob (``pg_store.migrate_pg_station``), then drops ``station_secret_clear``. Without
    it such a database is refused and left as it was.

    ``after`` runs in the same transaction once the tables are there and the keys sealed
    (filling derived tables a migration added, which needs the bodies opened)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        before = installed_version(conn) or 0
        if before > SCHEMA_VERSION:
            check_version(conn)
        app, purge = role_names(conn)
        for role in (app, purge):
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
            if exists.fetchone() is None:
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
        for version in range(before + 1, SCHEMA_VERSION + 1):
            conn.execute(MIGRATIONS[version - 1].encode())
            conn.execute("UPDATE schema_version SET version = %s", (version,))
        _seal_clear_keys(conn, seal)
        if after is not None and before < SCHEMA_VERSION:
            after(conn)
        grants = sql.SQL(_GRANTS).format(app=sql.Identifier(app), purge=sql.Identifier(purge))
        conn.execute(grants)
    return before


def _seal_clear_keys(conn: Connection[Any], seal: Callable[[Connection[Any]], None] | None) -> None:
    if conn.execute("SELECT to_regclass('public.station_secret_clear')").fetchone() == (None,):
        return
    if conn.execute("SELECT 1 FROM station_secret_clear").fetchone() is not None:
        if seal is None:
            raise KnownError(
                coded(
                    "station_keys_unsealed",
                    "The station's keys and records are kept unencrypted (schema 1): migrate "
                    "with 'fieldapp station migrate --database', which asks a staff member's "
                    "passphrase to seal them. Nothing was changed.",
                )
            )
        seal(conn)
    conn.execute("DROP TABLE IF EXISTS station_secret_clear")
