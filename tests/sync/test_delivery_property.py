"""Several laptops, random edits, random delivery (duplicates, reordering, loss and resend):
the station ends in the same state as with in-order delivery."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.composition import open_vault
from fieldapp.sync.export import export_bundle
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.station import init_station, station_keys
from fieldapp.workflow import cases, evidence
from tests.conftest import TEST_COST
from tests.sync.conftest import STATION_NAME, STATION_OFFICER, STATION_PASS, Laptop
from tests.sync.helpers import records_state


@dataclass
class World:
    template: Path  # a closed station vault, copied afresh for every delivery
    bundles: list[bytes]  # in the order they were made
    reference: list[tuple[object, ...]]  # the records after in-order delivery


def _edit(laptop: Laptop, rng: random.Random, state: dict[str, list[str]]) -> None:
    choice = rng.random()
    if choice < 0.3 or not state["cases"]:
        case_id, buyer_id = laptop.new_case()
        state["cases"].append(case_id)
        state["buyers"].append(buyer_id)
    elif choice < 0.6:
        i = rng.randrange(len(state["cases"]))
        element = evidence.record_element(
            laptop.ctx,
            state["cases"][i],
            state["buyers"][i],
            "stated_price",
            {"source": "ad", "amount": 1500},
        )
        state["elements"].append(element.entity_id)
    elif choice < 0.8 and state["elements"]:
        evidence.correct_element(
            laptop.ctx, rng.choice(state["elements"]), {"amount": rng.randrange(500, 5000)}
        )
    else:
        cases.add_observation(laptop.ctx, rng.choice(state["cases"]), f"notering {rng.random()}")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("world")
    station = init_station(
        open_vault(root / "station"),
        STATION_OFFICER,
        STATION_NAME,
        STATION_PASS,
        "Station",
        cost=TEST_COST,
    )
    card = station_keys(station).card
    rng = random.Random(7)
    bundles: list[bytes] = []
    for n in range(3):
        laptop = Laptop(root / f"laptop{n}", card, station)
        state: dict[str, list[str]] = {"cases": [], "buyers": [], "elements": []}
        for b in range(3):  # never acknowledged: later bundles overlap earlier ones
            for _ in range(rng.randrange(1, 5)):
                _edit(laptop, rng, state)
            out = root / f"out{n}-{b}"
            out.mkdir()
            exported = export_bundle(laptop.session, out)
            assert exported is not None
            bundles.append(exported.path.read_bytes())
        laptop.session.lock()
    station.lock()
    reference_dir = root / "reference"
    shutil.copytree(root / "station", reference_dir)
    session = open_vault(reference_dir).unlock(STATION_OFFICER, STATION_PASS)
    importer = StationImporter(session)
    for data in bundles:
        importer.import_bytes(data)
    reference = records_state(session)
    session.lock()
    return World(root / "station", bundles, reference)


DELIVERY = st.data()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=DELIVERY)
def test_random_delivery_gives_the_in_order_state(
    world: World, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    order = data.draw(st.permutations(range(len(world.bundles))))
    duplicates = data.draw(st.lists(st.sampled_from(range(len(world.bundles))), max_size=4))
    lost = set(data.draw(st.lists(st.sampled_from(range(len(world.bundles))), max_size=3)))
    deliveries = [i for i in order if i not in lost] + duplicates + sorted(lost)  # resend
    folder = tmp_path_factory.mktemp("station")
    shutil.copytree(world.template, folder / "v")
    session = open_vault(folder / "v").unlock(STATION_OFFICER, STATION_PASS)
    importer = StationImporter(session)
    for i in deliveries:
        importer.import_bytes(world.bundles[i])
    assert records_state(session) == world.reference
    assert session.conn.execute("SELECT count(*) FROM pending_bundles").fetchone()[0] == 0
    assert session.verify().ok
    session.lock()
