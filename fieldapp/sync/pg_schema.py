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

-- The station's identity: one row. Its private keys are in station_secret.
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

# The records projection (``storage.records.RecordsProjection``, the same rules as a
# vault's, through ``sync.pg_connection``): the tables a vault has, with the order rows
# were written in ``pos`` (a vault's rowid), ids compared byte by byte as SQLite does
# (``COLLATE "C"``: lists in the creating clock's order whatever the server's locale),
# and ``meta`` as the station's device id, which tells a purge whether it applies here.
# ``data`` is what ``Dialect.dump_data`` makes of a record's fields. Rows written before
# this version are projected by ``pg_store.migrate_pg_station`` in the same transaction.
_RECORDS = """
CREATE TABLE records (
    entity_type   text COLLATE "C" NOT NULL,
    entity_id     text COLLATE "C" NOT NULL,
    operation_id  text COLLATE "C",
    case_id       text COLLATE "C",
    data          text NOT NULL,
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
    current_value  text,
    current_event  text NOT NULL,
    incoming_value text,
    incoming_event text COLLATE "C" NOT NULL,
    resolved_by    text,
    pos            bigserial UNIQUE NOT NULL,
    PRIMARY KEY (entity_type, entity_id, field, incoming_event)
);
CREATE VIEW meta AS SELECT 'device_id'::text AS key, device_id AS value FROM station;
"""

# Per version, what takes the database there from the one before (index 0: version 1).
MIGRATIONS: tuple[str, ...] = (_V1, _RECORDS)
SCHEMA_VERSION = len(MIGRATIONS)

# What each role may do, granted again after every migration (new tables included).
_GRANTS = """
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {app}, {purge};
GRANT SELECT ON schema_version, station, station_secret TO {app};
GRANT SELECT, INSERT ON events, blobs, imported_bundles TO {app};
GRANT SELECT, INSERT, DELETE ON pending_bundles TO {app};
GRANT USAGE ON SEQUENCE events_pos_seq TO {app};
-- The projection is derived from the events: the app keeps it in step (the events stay
-- insert-only).
GRANT SELECT ON meta TO {app};
GRANT SELECT, INSERT, UPDATE, DELETE ON records, record_changes, conflicts TO {app};
GRANT USAGE ON SEQUENCE record_changes_pos_seq, conflicts_pos_seq TO {app};
GRANT SELECT ON schema_version, events TO {purge};
GRANT EXECUTE ON FUNCTION purge_event_body(text, text) TO {purge};
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


def migrate(conn: Connection[Any], after: Callable[[Connection[Any]], None] | None = None) -> int:
    """Take the database to ``SCHEMA_VERSION`` (as its owner), in one transaction, and
    make its roles; returns the version it was at. A newer database is refused.
    ``after`` runs in the same transaction once the tables are there (filling derived
    tables a migration added)."""
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
        if after is not None and before < SCHEMA_VERSION:
            after(conn)
        grants = sql.SQL(_GRANTS).format(app=sql.Identifier(app), purge=sql.Identifier(purge))
        conn.execute(grants)
    return before
