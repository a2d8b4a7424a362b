"""Reviewers at several station PCs at once, against the real server: settling different
conflicts together loses nothing; the same conflict settled by two ends with one
settlement, the other refused by its code."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.errors import KnownError
from fieldapp.storage.records import Records, amend_draft
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_store import PgStationStore
from fieldapp.sync.register import register_laptop
from fieldapp.sync.review import find_conflict, open_conflicts, resolve_conflict
from fieldapp.workflow import evidence
from tests.sync.conftest import Laptop
from tests.sync.helpers import seal


def _two_conflicts(store: PgStationStore, tmp_path: Path) -> list[str]:
    """Two stated prices changed at the station and, meanwhile, on the laptop."""
    laptop = Laptop(tmp_path / "a", store.keys.card)
    register_laptop(store, make_laptop_card(laptop.session))
    case_id, buyer_id = laptop.new_case()
    elements = [
        evidence.record_element(
            laptop.ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": amount}
        ).entity_id
        for amount in (1500, 300)
    ]
    session, importer = laptop.session, StationImporter(store)
    importer.import_bytes(seal(store.keys.card, list(session.events()), {}, session))
    reviewer = store.reviewer()
    for element in elements:
        record = Records(reviewer.conn).get("element", element)
        assert record is not None
        reviewer.append([amend_draft(record, {"amount": 1800})])
        evidence.correct_element(laptop.ctx, element, {"amount": 2000})
    importer.import_bytes(seal(store.keys.card, list(session.events()), {}, session))
    session.lock()
    assert len(open_conflicts(reviewer)) == 2
    return elements


Job = Callable[[PgStationStore, threading.Barrier], str]


def _together(unlocked: PgStationStore, target: str, jobs: list[Job]) -> list[object]:
    """Each job on its own station PC (connection), all started at once: what each
    returned or raised (the station unlocked once, opened again on each)."""
    results: list[object] = [None] * len(jobs)
    start = threading.Barrier(len(jobs))

    def work(index: int) -> None:
        store = unlocked.open_again(target)
        try:
            results[index] = jobs[index](store, start)
        except KnownError as exc:
            results[index] = exc
        finally:
            store.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _settler(conflict_id: str, value: int) -> Job:
    """A reviewer who looks the conflict up, waits for the other, then settles it."""

    def settle(store: PgStationStore, start: threading.Barrier) -> str:
        reviewer = store.reviewer()
        conflict = find_conflict(reviewer, conflict_id)  # both see it open
        start.wait()
        resolve_conflict(reviewer, conflict, value)
        return "settled"

    return settle


def _resolve_events(store: PgStationStore) -> list[dict[str, object]]:
    return [json.loads(e.body) for e in store.read_events() if e.kind == "resolve"]


@pytest.mark.parametrize("round_", range(3))
def test_two_reviewers_settling_different_conflicts_lose_nothing(
    pg_station: PgStationStore, pg_database: str, tmp_path: Path, round_: int
) -> None:
    elements = _two_conflicts(pg_station, tmp_path)
    first, second = open_conflicts(pg_station.reviewer())
    results = _together(
        pg_station, pg_database, [_settler(first.id, 2000), _settler(second.id, 1800)]
    )
    assert results == ["settled", "settled"]
    reviewer = pg_station.reviewer()
    assert open_conflicts(reviewer) == []
    amounts = {
        e: Records(reviewer.conn).get("element", e).get("amount")  # type: ignore[union-attr]
        for e in elements
    }
    assert amounts == {first.entity_id: 2000, second.entity_id: 1800}
    assert len(_resolve_events(pg_station)) == 2
    assert pg_station.verify().ok


@pytest.mark.parametrize("round_", range(3))
def test_the_same_conflict_settled_by_two_at_once_is_settled_once(
    pg_station: PgStationStore, pg_database: str, tmp_path: Path, round_: int
) -> None:
    elements = _two_conflicts(pg_station, tmp_path)
    conflict = open_conflicts(pg_station.reviewer())[0]
    results = _together(
        pg_station, pg_database, [_settler(conflict.id, 2000), _settler(conflict.id, 1800)]
    )
    settled = [r for r in results if r == "settled"]
    refused = [r for r in results if isinstance(r, KnownError)]
    assert len(settled) == 1 and len(refused) == 1
    assert refused[0].code == "conflict_settled"
    [event] = _resolve_events(pg_station)
    reviewer = pg_station.reviewer()
    record = Records(reviewer.conn).get("element", conflict.entity_id)
    assert record is not None and record.get("amount") == event["value"]
    assert [c.entity_id for c in open_conflicts(reviewer)] == [
        e for e in elements if e != conflict.entity_id
    ]
