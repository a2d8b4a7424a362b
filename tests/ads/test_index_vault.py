"""The search index is a projection like any other: encrypted inside vault.db (no ad text
in the clear in the database or its WAL), rebuilt identically by replaying the log, and
brought up to date when a vault is opened with it for the first time."""

from __future__ import annotations

from pathlib import Path

from fieldapp.ads import links, register
from fieldapp.ads.search import parse_query, search
from fieldapp.composition import open_vault
from fieldapp.officers import OfficersProjection
from fieldapp.storage.database import Connection
from fieldapp.storage.projections import Projection
from fieldapp.storage.records import RecordsProjection
from fieldapp.storage.session import Session
from fieldapp.storage.vault import Vault
from fieldapp.workflow import cases, persons
from fieldapp.workflow.context import Context
from tests.ads.conftest import AD_BELLA, AD_SALA
from tests.conftest import ADMIN_ID, ADMIN_PASS

# Words and a number no page of SQLite, no key file and no log would hold by chance.
MARKER = "Sjöjungfrun Zebrafinkholmen kvittrar"
MARKER_PHONE = "070-174 06 77"


def _fill(ctx: Context, operation_id: str, case_id: str) -> None:
    text = f"{MARKER}. Ring {MARKER_PHONE}. 2000 kr/h i Västerås."
    for body, url in ((AD_BELLA, "https://a.example/1"), (AD_SALA, None), (text, None)):
        fields = register.capture(ctx, operation_id, body, url=url, site="Exempelsajten").fields
        ad_id = register.register_ad(ctx, operation_id, fields).entity_id
    links.link_case(ctx, ad_id, case_id)
    register.update_ad(ctx, ad_id, {"hotel": "Hotell Påhittat"})
    register.update_ad(ctx, ad_id, {"text": f"{text} Nu även i Sala och Köping, ring efter 18."})
    cases.add_observation(ctx, case_id, "Ana öppnade. Man i grå jacka, tel 0701740605.")
    persons.add_seller(ctx, case_id, {"name": "Ana", "estimated_age": 25})
    cases.amend_case(ctx, case_id, {"municipality": "Köping"})
    first = register.list_ads(ctx)[0]
    register.withdraw_ad(ctx, first.id, "dubblett")


def _vocabulary(conn: Connection) -> list[tuple[object, ...]]:
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab "
        "USING fts5vocab(main, search_fts, instance)"
    )
    return conn.execute("SELECT * FROM temp.search_vocab ORDER BY 1, 2, 3, 4").fetchall()


def test_no_ad_text_in_the_clear(
    ctx: Context, operation_id: str, case_id: str, admin_session: Session, vault_dir: Path
) -> None:
    _fill(ctx, operation_id, case_id)
    assert search(ctx, parse_query("Zebrafinkholmen")).hits  # it is in the index
    needles = [
        MARKER.encode(),
        b"zebrafinkholmen",  # as the index stores its tokens
        b"Zebrafinkholmen",
        "sjöjungfrun".encode(),
        MARKER.encode("utf-16-le"),
        b"+46701740677",
        b"0701740677",
    ]

    def exposed() -> list[str]:
        found = []
        for path in vault_dir.iterdir():
            data = path.read_bytes()
            found += [f"{path.name}: {n!r}" for n in needles if n in data]
        return found

    assert (vault_dir / "vault.db-wal").exists()  # the session is open: the WAL is in use
    assert exposed() == []
    admin_session.lock()
    assert exposed() == []


def test_replay_rebuilds_the_index_identically(
    ctx: Context, operation_id: str, case_id: str, admin_session: Session
) -> None:
    _fill(ctx, operation_id, case_id)
    conn = admin_session.conn
    projector = admin_session.projector
    queries = ["Bella", "västerås", "070-174 06 05", "jacka", "Ana", "kr"]

    def state() -> tuple[bytes, list[tuple[object, ...]], list[list[str]]]:
        hits = [[h.entity_id for h in search(ctx, parse_query(q)).hits] for q in queries]
        return projector.snapshot(conn), _vocabulary(conn), hits

    before = state()
    live = {d for (d,) in conn.execute("SELECT doc FROM search_docs WHERE entity_type = 'ad'")}
    banded = {d for (d,) in conn.execute("SELECT DISTINCT doc FROM ad_bands")}
    assert banded == live  # a changed or withdrawn ad's old keys are gone
    projector.rebuild(conn)
    after = state()
    assert after == before
    assert before[2][4] == []  # the seller recorded after the observation is blanked
    assert before[2][3] and search(ctx, parse_query("jacka")).hits[0].municipality == "Köping"
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")


def test_opening_with_the_index_for_the_first_time_builds_it(
    vault_dir: Path, ctx: Context, operation_id: str, case_id: str, admin_session: Session
) -> None:
    _fill(ctx, operation_id, case_id)
    expected = [h.entity_id for h in search(ctx, parse_query("kr")).hits]
    admin_session.lock()
    # A vault opened without the index (as an older version of the app did) …
    plain = Vault(vault_dir, projections=_without_index()).unlock(ADMIN_ID, ADMIN_PASS)
    plain.lock()
    # … and opened with it again: the changed set of projections rebuilds it from the log.
    session = open_vault(vault_dir).unlock(ADMIN_ID, ADMIN_PASS)
    try:
        again = Context(session, ctx._clock)  # the same fixed clock
        assert [h.entity_id for h in search(again, parse_query("kr")).hits] == expected
    finally:
        session.lock()


def test_a_purged_case_leaves_the_index(
    ctx: Context, operation_id: str, case_id: str, admin_session: Session, vault_dir: Path
) -> None:
    _fill(ctx, operation_id, case_id)
    cases.add_observation(ctx, case_id, "Kvittrande Zebrafinkholmen bakom receptionen.")
    assert {h.entity_type for h in search(ctx, parse_query("receptionen")).hits} == {"observation"}
    # The index is what is tested here: a receipt of the shape a purge needs, unsigned
    # (tests/sync/test_retention.py purges under a real station's receipt).
    receipt = {"device_id": admin_session.device_id, "through_seq": 10**6}
    admin_session.purge_case(case_id, "gallrad enligt tidsfrist", receipt)
    assert search(ctx, parse_query("receptionen")).hits == ()
    assert search(ctx, parse_query("jacka")).hits == ()
    assert all(h.entity_type == "ad" for h in search(ctx, parse_query("0701740605")).hits)
    vocabulary = {row[0] for row in _vocabulary(admin_session.conn)}
    assert "receptionen" not in vocabulary and "jacka" not in vocabulary
    assert "zebrafinkholmen" in vocabulary  # the ad that says it is not the case's
    projector = admin_session.projector
    before = projector.snapshot(admin_session.conn)
    projector.rebuild(admin_session.conn)
    assert projector.snapshot(admin_session.conn) == before


def _without_index() -> list[Projection]:
    return [OfficersProjection(), RecordsProjection()]
