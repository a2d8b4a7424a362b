"""Several station PCs at once, against the real server: whatever the interleaving, the
station ends in the state of importing every bundle in order."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.sync import bundle
from fieldapp.sync.importer import Outcome, StationImporter, Status
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_store import PgStationStore, init_pg_station, open_pg_station
from fieldapp.sync.register import RegisteredLaptop, register_laptop, revoke_laptop
from tests import postgres
from tests.station_pg.conftest import UNLOCK
from tests.sync.conftest import Laptop
from tests.sync.helpers import seal


def _bundles(store: PgStationStore, laptop: Laptop) -> list[bytes]:
    """One laptop's bundles: its whole log, and the same log in three consecutive parts
    (so an importer that meets the later parts first holds them for a gap)."""
    session = laptop.session
    events = list(session.events())
    third = len(events) // 3
    parts = [events[:third], events[third : 2 * third], events[2 * third :]]
    card = store.keys.card
    return [seal(card, part, {}, session, vault_id=session.vault_id) for part in [events, *parts]]


def _run_together(target: str, queues: list[list[bytes]]) -> list[list[Outcome]]:
    """Each queue imported by its own importer (own connection), all started at once."""
    outcomes: list[list[Outcome]] = [[] for _ in queues]
    errors: list[BaseException] = []
    start = threading.Barrier(len(queues))
    # One unlock (an Argon2id derivation) for all the importers: as a station PC would.
    unlocked = open_pg_station(target, **UNLOCK)

    def work(index: int) -> None:
        store = unlocked.open_again(target)
        try:
            importer = StationImporter(store)
            start.wait()
            for data in queues[index]:
                outcomes[index].append(importer.import_bytes(data))
        except BaseException as exc:
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(queues))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    unlocked.close()
    if errors:
        raise errors[0]
    return outcomes


def _state(target: str) -> tuple[list[tuple[object, ...]], ...]:
    with psycopg.connect(target) as conn:
        return (
            conn.execute(
                "SELECT device_id, seq, entry_hash FROM events WHERE entity_type <> 'sync_alarm' "
                "ORDER BY device_id, seq"
            ).fetchall(),
            conn.execute("SELECT bundle_id FROM imported_bundles ORDER BY 1").fetchall(),
            conn.execute("SELECT bundle_id FROM pending_bundles").fetchall(),
            conn.execute("SELECT 1 FROM events WHERE entity_type = 'sync_alarm'").fetchall(),
        )


class Bundles(dict[str, list[bytes]]):
    """Each laptop's bundles (a short repr: Hypothesis prints the arguments)."""

    def __repr__(self) -> str:
        return f"Bundles({sorted(self)})"


@pytest.fixture
def region(tmp_path: Path, pg_database: str) -> Iterator[tuple[str, dict[str, list[bytes]]]]:
    """A PostgreSQL station, and two registered laptops' bundles for it."""
    store = init_pg_station(pg_database, "Region Exempel", **UNLOCK)
    bundles = Bundles()
    laptops = []
    for name in ("a", "b"):
        laptop = Laptop(tmp_path / name, store.keys.card)
        register_laptop(store, make_laptop_card(laptop.session))
        for _ in range(2):
            laptop.new_case()
        bundles[name] = _bundles(store, laptop)
        laptops.append(laptop)
    store.close()
    yield pg_database, bundles
    for laptop in laptops:
        laptop.session.lock()


def test_two_importers_of_different_laptops_and_of_the_same_bundle(
    region: tuple[str, dict[str, list[bytes]]],
) -> None:
    target, bundles = region
    a, b = bundles["a"], bundles["b"]
    # The same whole-log bundle from two PCs at the same moment: one imports it, the
    # other finds it a duplicate.
    twice = _run_together(target, [[a[0]], [a[0]]])
    assert sorted(o[0].status for o in twice) == [Status.DUPLICATE, Status.IMPORTED]
    first = _state(target)
    assert len(first[1]) == 1
    # Different laptops at once, each importer's bundles in the worst order (gaps first);
    # laptop a's parts are known already, b's are new.
    outcomes = _run_together(target, [[a[3], a[2], a[1]], [b[3], b[2], b[1]]])
    assert [o.status for o in outcomes[1]] == [Status.HELD, Status.HELD, Status.IMPORTED]
    assert [len(o.released) for o in outcomes[1]] == [0, 0, 2]
    events, imported, pending, alarms = _state(target)
    assert len(imported) == 7 and pending == [] and alarms == []
    new = [e for e in events if e not in first[0]]
    assert len({e[0] for e in new}) == 1  # laptop b's whole log, and nothing else
    assert [e[1] for e in new] == list(range(1, len(new) + 1))


@settings(
    max_examples=6,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_interleaving_ends_in_the_in_order_state(
    region: tuple[str, dict[str, list[bytes]]], pg_cluster: postgres.Cluster, data: st.DataObject
) -> None:
    target, bundles = region
    every = bundles["a"] + bundles["b"]
    # The in-order state: each bundle imported in turn, by one importer.
    expected_db = postgres.fresh_database(pg_cluster)
    _copy_station(target, pg_cluster.conninfo(expected_db))
    _run_together(pg_cluster.conninfo(expected_db), [every])
    expected = _state(pg_cluster.conninfo(expected_db))
    # Two importers, each given some of the bundles (some to both) in any order.
    chosen = data.draw(st.lists(st.sampled_from(range(len(every))), min_size=1, max_size=12))
    sides = data.draw(
        st.lists(st.sampled_from([0, 1, 2]), min_size=len(every), max_size=len(every))
    )
    queues: list[list[bytes]] = [[], []]
    for i in chosen:
        for side in ((0,), (1,), (0, 1))[sides[i]]:
            queues[side].append(every[i])
    rest = [every[i] for i in range(len(every)) if i not in chosen]
    queues[0].extend(rest)  # every bundle arrives in the end
    actual_db = postgres.fresh_database(pg_cluster)
    _copy_station(target, pg_cluster.conninfo(actual_db))
    _run_together(pg_cluster.conninfo(actual_db), queues)
    assert _state(pg_cluster.conninfo(actual_db)) == expected
    postgres.drop_database(pg_cluster, expected_db)
    postgres.drop_database(pg_cluster, actual_db)


def _copy_station(source: str, target: str) -> None:
    """The station of ``source`` (keys, register) into the empty database ``target``."""
    init = init_pg_station(target, "Kopia", **UNLOCK)
    init.close()
    tables = ("station", "station_secret", "station_keyslots", "events")
    with psycopg.connect(source) as src, psycopg.connect(target) as dst:
        dst.execute("DELETE FROM station_secret")
        dst.execute("DELETE FROM station")
        dst.execute("DELETE FROM station_keyslots")  # the last slot may go with the station
        for table in tables:
            rows = src.execute(f"SELECT * FROM {table}").fetchall()
            if rows:
                marks = ", ".join(["%s"] * len(rows[0]))
                with dst.cursor() as cur:
                    cur.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        dst.execute("SELECT setval('events_pos_seq', (SELECT max(pos) FROM events))")
        dst.commit()


def test_a_revocation_waits_for_an_import_of_that_laptop_in_flight(
    region: tuple[str, dict[str, list[bytes]]],
) -> None:
    """What the revocation records as held is what is held: an import of the laptop that
    is being written (its device lock held) finishes first, and counts."""
    target, bundles = region
    header = bundle.decode(bundles["a"][0]).header
    revoking, importing = open_pg_station(target, **UNLOCK), open_pg_station(target, **UNLOCK)
    revoked: list[RegisteredLaptop] = []
    with importing.device_lock(header.device_id):
        thread = threading.Thread(
            target=lambda: revoked.append(revoke_laptop(revoking, header.device_id, "stolen"))
        )
        thread.start()
        assert _waits_for_a_lock(target, revoking._conn.info.backend_pid)
        outcome = StationImporter(importing).import_bytes(bundles["a"][0])
        assert outcome.status is Status.IMPORTED
    thread.join()
    assert revoked[0].accepted_through == header.to_seq
    revoking.close()
    importing.close()


def _waits_for_a_lock(target: str, pid: int) -> bool:
    """Whether the backend ``pid`` comes to wait for an advisory lock (asked a bounded
    number of times: the answer is awaited, never a duration asserted)."""
    with psycopg.connect(target, autocommit=True) as conn:
        for _ in range(600):
            row = conn.execute(
                "SELECT wait_event_type, wait_event FROM pg_stat_activity WHERE pid = %s", (pid,)
            ).fetchone()
            if row == ("Lock", "advisory"):
                return True
            time.sleep(0.05)
    return False
