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

Station staff roles and counties (schema 4, ``sync.pg_counties``): ``<database>_staff``
(with the app's rights) and ``<database>_admin`` (staff who also manage staff and the
laptop register) are granted to staff logins by ``station_staff_set``, a function with the
owner's rights that only admins may call; ``station_staff`` says each login's counties.
Every row of the events, the blobs, the records projection and the held and imported
bundles carries a county, set at insert by triggers from its laptop's county
(``laptop_county``, set once) or its record's, and row-level security lets a login see
and write only its counties' rows. Only admins holding every county a staff member holds
change or remove them.

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

# Station staff roles and counties (issue #18): who may do what is said by PostgreSQL roles
# (``<db>_staff`` in ``<db>_app``; ``<db>_admin`` in ``<db>_staff``, who also manage staff
# and the laptop register; ``<db>_purge`` as before), and ``station_staff`` says each
# login's role and counties. A laptop's county is set once (``laptop_county``); every row
# an import or the station writes gets its county at insert (triggers, with the owner's
# rights so that they see every row), and row-level security lets a login see and write
# only its counties' rows (a row with no county, and all of them for an all-counties
# login). The owner bypasses it (not FORCEd): it migrates, verifies and dumps.
_COUNTIES = """
CREATE TABLE station_staff (
    login        text PRIMARY KEY,
    role         text NOT NULL CHECK (role IN ('staff', 'admin', 'purge')),
    all_counties boolean NOT NULL DEFAULT false,
    counties     text[] NOT NULL DEFAULT '{}',
    CHECK (all_counties OR cardinality(counties) > 0)
);
CREATE TABLE laptop_county (
    device_id text PRIMARY KEY,
    county    text NOT NULL CHECK (county <> '')
);
CREATE FUNCTION laptop_county_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a laptop''s county is fixed' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER laptop_county_fixed BEFORE UPDATE OR DELETE ON laptop_county
    FOR EACH ROW EXECUTE FUNCTION laptop_county_fixed();
CREATE TRIGGER laptop_county_no_truncate BEFORE TRUNCATE ON laptop_county
    FOR EACH STATEMENT EXECUTE FUNCTION laptop_county_fixed();

ALTER TABLE events ADD COLUMN county text;
ALTER TABLE blobs ADD COLUMN county text;
ALTER TABLE records ADD COLUMN county text;
ALTER TABLE record_changes ADD COLUMN county text;
ALTER TABLE conflicts ADD COLUMN county text;
ALTER TABLE pending_bundles ADD COLUMN county text;
ALTER TABLE imported_bundles ADD COLUMN county text;
-- An attachment is kept once a county: two counties' laptops that hold the same bytes
-- each have their county's copy, and storing one never tells whether another county has
-- it (an insert conflicts only with a row of its own county).
ALTER TABLE blobs DROP CONSTRAINT blobs_pkey;
CREATE UNIQUE INDEX blobs_county ON blobs (sha256, coalesce(county, ''));

-- Append-only as before; besides the purge's emptying of a body, the one other change is
-- a county given to an event that had none, when its laptop's county is set (below).
CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('fieldapp.purging', true) = 'on'
       AND NEW.body = '\\x'::bytea AND OLD.body_sha256 IS NULL
       AND NEW.body_sha256 = OLD.body_hash
       AND to_jsonb(NEW) - 'body' - 'body_sha256' = to_jsonb(OLD) - 'body' - 'body_sha256' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND current_setting('fieldapp.county_fill', true) = 'on'
       AND OLD.county IS NULL AND NEW.county IS NOT NULL
       AND to_jsonb(NEW) - 'county' = to_jsonb(OLD) - 'county' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

-- A laptop's event takes its laptop's county, whatever the writer said; the station's
-- own event the county of the laptop it registers or revokes, or of the record it
-- changes, whatever the writer said (a county given by a login that holds it, about
-- another county's record, would file that record's change under the login's county).
-- Only where there is nothing to derive it from (a new record: an alarm names its laptop
-- only in its sealed body) does it keep the county the app gave (an alarm's from its
-- laptop, ``pg_store``), which the policy lets a login give only when it holds it.
CREATE FUNCTION events_county() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.device_id IS DISTINCT FROM (SELECT device_id FROM station) THEN
        NEW.county := (SELECT county FROM laptop_county WHERE device_id = NEW.device_id);
    ELSIF NEW.entity_type = 'station_laptop' THEN
        NEW.county := (SELECT county FROM laptop_county WHERE device_id = NEW.entity_id);
    ELSIF EXISTS (SELECT 1 FROM records
                   WHERE entity_type = NEW.entity_type AND entity_id = NEW.entity_id) THEN
        NEW.county := (SELECT county FROM records
                        WHERE entity_type = NEW.entity_type AND entity_id = NEW.entity_id);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER events_county BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION events_county();

-- A bundle imported or held: its laptop's county, whatever the writer said (a held
-- bundle is sealed to the station, which every unlocked staff member can open).
CREATE FUNCTION bundle_county() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    NEW.county := (SELECT county FROM laptop_county WHERE device_id = NEW.device_id);
    RETURN NEW;
END $$;
CREATE TRIGGER pending_bundles_county BEFORE INSERT ON pending_bundles
    FOR EACH ROW EXECUTE FUNCTION bundle_county();
CREATE TRIGGER imported_bundles_county BEFORE INSERT ON imported_bundles
    FOR EACH ROW EXECUTE FUNCTION bundle_county();

-- A projection row: its record's county; a new record, its creating event's.
CREATE FUNCTION projection_county() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    NEW.county := NULL;
    IF TG_TABLE_NAME <> 'records' THEN
        NEW.county := (SELECT county FROM records
                        WHERE entity_type = NEW.entity_type AND entity_id = NEW.entity_id);
    END IF;
    IF NEW.county IS NULL THEN
        NEW.county := (SELECT county FROM events WHERE id = to_jsonb(NEW) ->> TG_ARGV[0]);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER records_county BEFORE INSERT ON records
    FOR EACH ROW EXECUTE FUNCTION projection_county('created_event');
CREATE TRIGGER record_changes_county BEFORE INSERT ON record_changes
    FOR EACH ROW EXECUTE FUNCTION projection_county('event_id');
CREATE TRIGGER conflicts_county BEFORE INSERT ON conflicts
    FOR EACH ROW EXECUTE FUNCTION projection_county('incoming_event');

-- A laptop given its county (once): the rows it had without one take it (a laptop
-- registered before counties, or every laptop at this migration: ``migrate --county``).
CREATE FUNCTION laptop_county_fill() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    own text := (SELECT device_id FROM station);
BEGIN
    PERFORM set_config('fieldapp.county_fill', 'on', true);
    UPDATE events SET county = NEW.county WHERE county IS NULL
       AND (device_id = NEW.device_id
            OR (device_id = own AND entity_type = 'station_laptop' AND entity_id = NEW.device_id));
    UPDATE records r SET county = NEW.county FROM events e
     WHERE r.county IS NULL AND e.id = r.created_event AND e.county = NEW.county
       AND (e.device_id = NEW.device_id OR e.entity_id = NEW.device_id);
    UPDATE events e SET county = r.county FROM records r
     WHERE e.county IS NULL AND e.device_id = own AND r.county = NEW.county
       AND r.entity_type = e.entity_type AND r.entity_id = e.entity_id;
    PERFORM set_config('fieldapp.county_fill', 'off', true);
    UPDATE record_changes c SET county = r.county FROM records r
     WHERE c.county IS NULL AND r.county = NEW.county
       AND r.entity_type = c.entity_type AND r.entity_id = c.entity_id;
    UPDATE conflicts c SET county = r.county FROM records r
     WHERE c.county IS NULL AND r.county = NEW.county
       AND r.entity_type = c.entity_type AND r.entity_id = c.entity_id;
    UPDATE pending_bundles SET county = NEW.county
     WHERE county IS NULL AND device_id = NEW.device_id;
    UPDATE imported_bundles SET county = NEW.county
     WHERE county IS NULL AND device_id = NEW.device_id;
    -- The laptop's attachments: a copy in its county; the copy of no county stays while an
    -- event of no county still names it.
    INSERT INTO blobs (sha256, size, data, county)
        SELECT b.sha256, b.size, b.data, NEW.county FROM blobs b
         WHERE b.county IS NULL AND EXISTS (
               SELECT 1 FROM events e WHERE e.device_id = NEW.device_id
                  AND e.attachments::jsonb ? b.sha256)
        ON CONFLICT (sha256, coalesce(county, '')) DO NOTHING;
    DELETE FROM blobs b WHERE b.county IS NULL AND EXISTS (
           SELECT 1 FROM events e WHERE e.device_id = NEW.device_id
              AND e.attachments::jsonb ? b.sha256)
       AND NOT EXISTS (
           SELECT 1 FROM events e WHERE e.county IS NULL AND e.attachments::jsonb ? b.sha256);
    RETURN NULL;
END $$;
CREATE TRIGGER laptop_county_fill AFTER INSERT ON laptop_county
    FOR EACH ROW EXECUTE FUNCTION laptop_county_fill();

-- The login's counties (as the invoker: current_user is the login). In a policy each is
-- written as a sub-select, evaluated once a statement.
CREATE FUNCTION station_all_counties() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT all_counties FROM station_staff WHERE login = current_user), false)
$$;
CREATE FUNCTION station_counties() RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT counties FROM station_staff WHERE login = current_user), '{}')
$$;
-- (A copy of the database under another name has no such group until it is migrated.)
CREATE FUNCTION station_is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN to_regrole(quote_ident(current_database() || '_admin')) IS NULL THEN false
           ELSE pg_has_role(current_user, current_database() || '_admin', 'MEMBER') END
$$;

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE blobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE records ENABLE ROW LEVEL SECURITY;
ALTER TABLE record_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE pending_bundles ENABLE ROW LEVEL SECURITY;
ALTER TABLE imported_bundles ENABLE ROW LEVEL SECURITY;
CREATE POLICY county ON events USING (county IS NULL OR (SELECT station_all_counties())
    OR county = ANY ((SELECT station_counties())::text[]));
CREATE POLICY county ON blobs USING (county IS NULL OR (SELECT station_all_counties())
    OR county = ANY ((SELECT station_counties())::text[]));
CREATE POLICY county ON records USING (county IS NULL OR (SELECT station_all_counties())
    OR county = ANY ((SELECT station_counties())::text[]));
CREATE POLICY county ON record_changes USING (county IS NULL OR (SELECT station_all_counties())
    OR county = ANY ((SELECT station_counties())::text[]));
CREATE POLICY county ON conflicts USING (county IS NULL OR (SELECT station_all_counties())
    OR county = ANY ((SELECT station_counties())::text[]));
CREATE POLICY county ON pending_bundles USING (county IS NULL OR (SELECT station_all_counties())
    OR county = ANY ((SELECT station_counties())::text[]));
CREATE POLICY county ON imported_bundles USING (county IS NULL
    OR (SELECT station_all_counties()) OR county = ANY ((SELECT station_counties())::text[]));
-- Every login reads the laptops' counties; an admin gives a laptop only a county they hold.
ALTER TABLE laptop_county ENABLE ROW LEVEL SECURITY;
CREATE POLICY seen ON laptop_county FOR SELECT USING (true);
CREATE POLICY county ON laptop_county FOR INSERT WITH CHECK ((SELECT station_all_counties())
    OR county = ANY ((SELECT station_counties())::text[]));
-- The laptop register is the admins'.
CREATE POLICY register_by_admins ON events AS RESTRICTIVE FOR INSERT
    WITH CHECK (entity_type <> 'station_laptop' OR (SELECT station_is_admin()));

-- Whether a login was granted a group itself (not through another group).
CREATE FUNCTION _station_granted(p_login text, p_group text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                   JOIN pg_roles u ON u.oid = m.member
                   WHERE g.rolname = p_group AND u.rolname = p_login)
$$;

-- Whether the caller (session_user: these run with the owner's rights) may change or
-- remove p_login: the owner may; an admin only when they hold every county p_login
-- holds now (one of all counties only by an admin of all counties; a login with a key
-- slot and no row, too). ``p_new``: a login not yet staff may be made staff.
CREATE FUNCTION _station_may_manage(p_login text, p_new boolean) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    mine station_staff%ROWTYPE;
    theirs station_staff%ROWTYPE;
BEGIN
    IF pg_has_role(session_user, (SELECT relowner FROM pg_class
                                   WHERE oid = 'public.station'::regclass), 'USAGE') THEN
        RETURN true;
    END IF;
    SELECT * INTO mine FROM station_staff WHERE login = session_user;
    SELECT * INTO theirs FROM station_staff WHERE login = p_login;
    IF mine.login IS NULL THEN
        RETURN false;
    ELSIF mine.all_counties THEN
        RETURN true;
    ELSIF theirs.login IS NULL THEN
        RETURN p_new;
    END IF;
    RETURN NOT theirs.all_counties AND theirs.counties <@ mine.counties;
END $$;

-- A login made station staff (or its role and counties changed), with the owner's
-- rights: granted to the admins only. An admin who is not the owner changes only staff
-- wholly of their counties, and gives only counties they hold. The login must exist (the
-- server's administrator makes it).
CREATE FUNCTION station_staff_set(p_login text, p_role text, p_all boolean, p_counties text[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    db text := current_database();
    grp text;
    mine station_staff%ROWTYPE;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION 'no login %', p_login USING ERRCODE = 'undefined_object';
    END IF;
    IF p_login LIKE 'pg\\_%'
       OR p_login IN (db || '_app', db || '_staff', db || '_admin', db || '_purge') THEN
        RAISE EXCEPTION 'not a login' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT _station_may_manage(p_login, true) THEN
        RAISE EXCEPTION 'county not held' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class
                                       WHERE oid = 'public.station'::regclass), 'USAGE') THEN
        SELECT * INTO mine FROM station_staff WHERE login = session_user;
        IF NOT coalesce(mine.all_counties OR (NOT p_all AND p_counties <@ mine.counties),
                        false) THEN
            RAISE EXCEPTION 'county not held' USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    INSERT INTO station_staff
        VALUES (p_login, p_role, p_all, CASE WHEN p_all THEN '{}' ELSE p_counties END)
        ON CONFLICT (login) DO UPDATE SET role = EXCLUDED.role,
           all_counties = EXCLUDED.all_counties, counties = EXCLUDED.counties;
    FOREACH grp IN ARRAY ARRAY['staff', 'admin', 'purge'] LOOP
        IF grp <> p_role AND _station_granted(p_login, db || '_' || grp) THEN
            EXECUTE format('REVOKE %I FROM %I', db || '_' || grp, p_login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', db || '_' || p_role, p_login);
END $$;
-- A staff member removed: their key slot, their row and their groups, together, with the
-- owner's rights (admins may not delete key slots themselves), by an admin who holds
-- every county they hold.
CREATE FUNCTION station_staff_drop(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    db text := current_database();
    grp text;
BEGIN
    IF NOT _station_may_manage(p_login, false) THEN
        RAISE EXCEPTION 'county not held' USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM station_keyslots WHERE staff = p_login;
    DELETE FROM station_staff WHERE login = p_login;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        FOREACH grp IN ARRAY ARRAY['staff', 'admin', 'purge'] LOOP
            IF _station_granted(p_login, db || '_' || grp) THEN
                EXECUTE format('REVOKE %I FROM %I', db || '_' || grp, p_login);
            END IF;
        END LOOP;
    END IF;
END $$;
-- The head of the station's own chain, whoever's counties its events are in: a station
-- PC appends after it (the head's hash and sequence tell nothing of what was recorded).
CREATE FUNCTION station_head(OUT seq bigint, OUT entry_hash bytea, OUT hlc text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT seq, entry_hash, hlc FROM events WHERE device_id = (SELECT device_id FROM station)
     ORDER BY seq DESC LIMIT 1
$$;
REVOKE ALL ON FUNCTION station_head() FROM PUBLIC;
REVOKE ALL ON FUNCTION station_staff_set(text, text, boolean, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION station_staff_drop(text) FROM PUBLIC;
"""

# Version 5: the county of a records row read from its creating event's column directly.
# The same county as version 4 gave, but a station's import writes 10,000 records a
# bundle, and turning each whole new row into JSON to find one column by name took a
# third of the records' insert (measured: 190 against 120 ms a bundle). The changes and
# conflicts (a few rows) keep the general form.
_COUNTY_BY_COLUMN = """
CREATE OR REPLACE FUNCTION projection_county() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'records' THEN
        NEW.county := (SELECT county FROM events WHERE id = NEW.created_event);
        RETURN NEW;
    END IF;
    NEW.county := (SELECT county FROM records
                    WHERE entity_type = NEW.entity_type AND entity_id = NEW.entity_id);
    IF NEW.county IS NULL THEN
        NEW.county := (SELECT county FROM events WHERE id = to_jsonb(NEW) ->> TG_ARGV[0]);
    END IF;
    RETURN NEW;
END $$;
"""

# Per version, what takes the database there from the one before (index 0: version 1).
MIGRATIONS: tuple[str, ...] = (_V1, _AT_REST, _RECORDS, _COUNTIES, _COUNTY_BY_COLUMN)
SCHEMA_VERSION = len(MIGRATIONS)

# What each role may do, granted again after every migration (new tables included).
_GRANTS = """
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {app}, {purge};
GRANT SELECT ON schema_version, station, station_secret TO {app};
GRANT SELECT, INSERT ON events, blobs, imported_bundles TO {app};
GRANT SELECT, INSERT, DELETE ON pending_bundles TO {app};
-- Staff key slots and the laptop register are the admins' (schema 4).
GRANT SELECT ON station_keyslots, station_staff, laptop_county TO {app};
REVOKE INSERT, DELETE ON station_keyslots FROM {app};
-- A slot is removed only through station_staff_drop, which checks the counties.
REVOKE DELETE ON station_keyslots FROM {admin};
GRANT INSERT ON station_keyslots TO {admin};
GRANT INSERT ON laptop_county TO {admin};
GRANT EXECUTE ON FUNCTION station_head() TO {app};
GRANT EXECUTE ON FUNCTION station_staff_set(text, text, boolean, text[]),
    station_staff_drop(text) TO {admin};
GRANT USAGE ON SEQUENCE events_pos_seq TO {app};
-- The projection is derived from the events: the app keeps it in step (the events stay
-- insert-only).
GRANT SELECT ON meta TO {app};
GRANT SELECT, INSERT, UPDATE, DELETE ON records, record_changes, conflicts TO {app};
GRANT USAGE ON SEQUENCE record_changes_pos_seq, conflicts_pos_seq TO {app};
GRANT SELECT ON schema_version, events, station, station_secret, station_keyslots TO {purge};
GRANT SELECT ON station_staff, laptop_county TO {purge};
GRANT EXECUTE ON FUNCTION purge_event_body(text, text, bytea) TO {purge};
"""


# The group roles of a station's database, by suffix; each after the first is a member of
# the one its entry names (staff have the app's rights; admins, staff's).
GROUPS: tuple[tuple[str, str | None], ...] = (
    ("app", None),
    ("purge", None),
    ("staff", "app"),
    ("admin", "staff"),
)
# What ``station_staff.role`` may say: the group a staff login is granted.
STAFF_ROLES = ("staff", "admin", "purge")


def role_names(conn: Connection[Any]) -> dict[str, str]:
    """This database's group roles by suffix (``app``, ``purge``, ``staff``, ``admin``)."""
    row = conn.execute("SELECT current_database()").fetchone()
    assert row is not None
    return {suffix: f"{row[0]}_{suffix}" for suffix, _ in GROUPS}


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
        roles = role_names(conn)
        for suffix, member_of in GROUPS:
            role = roles[suffix]
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
            if exists.fetchone() is None:
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
            if member_of is not None:
                conn.execute(
                    sql.SQL("GRANT {} TO {}").format(
                        sql.Identifier(roles[member_of]), sql.Identifier(role)
                    )
                )
        for version in range(before + 1, SCHEMA_VERSION + 1):
            conn.execute(MIGRATIONS[version - 1].encode())
            conn.execute("UPDATE schema_version SET version = %s", (version,))
        _seal_clear_keys(conn, seal)
        if after is not None and before < SCHEMA_VERSION:
            after(conn)
        grants = sql.SQL(_GRANTS).format(**{k: sql.Identifier(v) for k, v in roles.items()})
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
