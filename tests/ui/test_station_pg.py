"""The app on a station kept in PostgreSQL (``fieldapp --database``, issue #18), offscreen
against the real throwaway server of ``tests.postgres``: the staff login on its thread, its
refusals and its back-off countdown, registering a laptop for a county (recorded in the
database, refused by code), importing a laptop's bundle through the Import page, settling
a conflict (the settlement names the staff member), the consolidated case list, opening a
case's details logged as an access event (and listed by ``access-log --database``), and
locking.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from pypdf import PdfReader

from fieldapp import cli, counties
from fieldapp.errors import InvalidInput, KnownError, coded
from fieldapp.storage.records import Records, amend_draft
from fieldapp.sync import pg_counties
from fieldapp.sync.export import export_bundle
from fieldapp.sync.laptop_card import LaptopCard, make_laptop_card
from fieldapp.sync.pg_keys import UnlockBackoff
from fieldapp.sync.pg_staff import STAFF_KEY
from fieldapp.sync.pg_store import PgStationStore, init_pg_station, open_pg_station
from fieldapp.sync.review import open_conflicts
from fieldapp.workflow import evidence
from tests.station_pg.conftest import _fast_kdf, login_name, login_role, target
from tests.sync.conftest import Laptop
from ui.dialogs.pg_login import station_opener
from ui.errors import error_text
from ui.models import county_name
from ui.station_pg_app import StationController, StationPage
from ui.sync.backend import PgBackend
from ui.sync.fingerprint import spaced
from ui.sync.laptops import LaptopsTab

fast_kdf = _fast_kdf
database_target = target
make_login = login_role

HOME = "vastmanland"  # a county with a profile in resources/counties
OTHER_COUNTY = "exempellan"  # invented, made known by the test that needs two

STAFF = "Sara Station"  # invented
STAFF_PASS = "blåa tåg går sent i natt"  # invented


@pytest.fixture
def station_db(pg_database: str) -> str:
    """A PostgreSQL station in the test's database, locked again (its conninfo)."""
    init_pg_station(pg_database, "Region Exempel", staff=STAFF, passphrase=STAFF_PASS).close()
    return pg_database


@pytest.fixture
def laptop(station_db: str, tmp_path: Path) -> Iterator[Laptop]:
    """A laptop enrolled with the station's card and registered there for its county, as
    the app registers one (the store's own, never ``register.register_laptop`` beside it)."""
    store = open_pg_station(station_db, staff=STAFF, passphrase=STAFF_PASS)
    try:
        made = Laptop(tmp_path / "laptop", store.keys.card)
        store.register_laptop(make_laptop_card(made.session), HOME)
    finally:
        store.close()
    yield made
    made.session.lock()


@pytest.fixture
def controller(qtbot: Any, station_db: str) -> Iterator[StationController]:
    made = StationController(station_db)
    qtbot.addWidget(made.window)
    made.start()
    yield made
    made.shutdown()


def log_in(qtbot: Any, controller: StationController, passphrase: str = STAFF_PASS) -> None:
    dialog = controller.dialog
    assert dialog is not None
    dialog.staff.setText(STAFF)
    dialog.passphrase.setText(passphrase)
    with qtbot.waitSignal(dialog.attempt_ended, timeout=30_000):
        dialog.unlock_button.click()
        assert dialog.is_busy() and dialog.busy_bar.isVisible()  # working, off this thread


def page_of(controller: StationController) -> StationPage:
    page = controller.window.page()
    assert page is not None
    return page


def export_to(laptop: Laptop, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    exported = export_bundle(laptop.session, folder)
    assert exported is not None
    return exported.path


def import_through(qtbot: Any, page: StationPage, paths: list[Path]) -> None:
    tab = page.view.import_tab
    with qtbot.waitSignal(tab.finished, timeout=60_000):
        tab.import_files(paths)


def backend_of(controller: StationController) -> PgBackend:
    assert controller.backend is not None
    return controller.backend


# -- login -----------------------------------------------------------------------------------


def test_login_opens_the_station_pages_only(qtbot: Any, controller: StationController) -> None:
    assert controller.window.is_locked()
    log_in(qtbot, controller)
    page = page_of(controller)
    assert controller.dialog is None
    tabs = [page.view.tabs.tabText(i).replace("&", "") for i in range(page.view.tabs.count())]
    assert len(tabs) == 4 and page.view.link_tab is None  # no linking on this store
    assert STAFF in page.who.text() and "Region Exempel" in page.who.text()
    assert page.view.fingerprint.text() == spaced(backend_of(controller).keys.card.fingerprint)


def test_a_wrong_passphrase_is_refused_in_words(qtbot: Any, controller: StationController) -> None:
    log_in(qtbot, controller, passphrase="not the passphrase")
    dialog = controller.dialog
    assert dialog is not None and dialog.isVisible()
    assert controller.backend is None and controller.window.is_locked()
    text = dialog.passphrase_message.text()
    assert text == "Wrong staff name or passphrase." or text == "Fel namn eller lösenfras."
    assert dialog.passphrase.text() == "" and dialog.unlock_button.isEnabled()


def test_a_wrong_passphrase_slows_the_next_try_on_this_pc(
    qtbot: Any, station_db: str, tmp_path: Path
) -> None:
    """The GUI's login keeps the same per-PC back-off as the command line (in the app's
    data folder), and counts the wait down on the Unlock button as the vault's login does:
    a try during the wait is refused before any key derivation, even with the right
    passphrase, and nothing is tried while the countdown runs."""
    made = StationController(station_db, connect=station_opener(tmp_path))
    qtbot.addWidget(made.window)
    made.start()
    try:
        log_in(qtbot, made, passphrase="not the passphrase")
        assert list(tmp_path.glob("station-*.unlock.state"))  # kept on this PC
    finally:
        made.shutdown()
    # More failures on this PC (as if typed before): a wait far longer than this test.
    with psycopg.connect(station_db) as conn:
        row = conn.execute("SELECT device_id FROM station").fetchone()
    assert row is not None
    backoff = UnlockBackoff(tmp_path, str(row[0]))
    for _ in range(6):
        backoff.failed(STAFF)
    again = StationController(station_db, connect=station_opener(tmp_path))  # the app restarted
    qtbot.addWidget(again.window)
    again.start()
    try:
        log_in(qtbot, again)  # the right passphrase, too soon
        dialog = again.dialog
        assert dialog is not None and again.backend is None and again.window.is_locked()
        assert dialog.countdown_active() and not dialog.unlock_button.isEnabled()
        assert any(w in dialog.unlock_button.text() for w in ("Try again in", "Försök igen om"))
        shown = dialog.passphrase_message.text()
        assert "Too many failed attempts." in shown or "För många misslyckade" in shown
        dialog.passphrase.setText(STAFF_PASS)
        dialog.passphrase.returnPressed.emit()  # Enter while counting: nothing is tried
        assert not dialog.is_busy() and again.backend is None
    finally:
        again.shutdown()


@pytest.mark.parametrize(
    ("where", "code"),
    [("empty", "station_db_not_station"), ("nowhere", "station_db_unreachable")],
)
def test_a_database_that_cannot_serve_is_refused_by_code(
    qtbot: Any, pg_database: str, where: str, code: str
) -> None:
    target = pg_database if where == "empty" else "host=/nonexistent/socket dbname=none"
    made = StationController(target)
    qtbot.addWidget(made.window)
    made.start()
    try:
        log_in(qtbot, made)
        dialog = made.dialog
        assert dialog is not None and made.backend is None
        # The code's own sentence in the UI's words, not the driver's message.
        assert dialog.message_box.label.text() == error_text(KnownError(coded(code, "")))
    finally:
        made.shutdown()


# -- import, review, cases -------------------------------------------------------------------


def test_a_bundle_imports_through_the_page_and_its_case_lists(
    qtbot: Any, controller: StationController, laptop: Laptop, tmp_path: Path
) -> None:
    case_id, _buyer = laptop.new_case()
    bundle = export_to(laptop, tmp_path / "stick")
    log_in(qtbot, controller)
    page = page_of(controller)
    import_through(qtbot, page, [bundle])
    results = page.view.import_tab.model.results()
    assert [r.status for r in results] == ["imported"] and results[0].new_events > 0
    assert results[0].receipt is not None and results[0].receipt.exists()
    cases = page.view.cases_tab
    assert cases.model.rowCount() == 1 and cases.model.case_id(0) == case_id
    # The officer by name, as enrolled on the laptop (from its enrolment events).
    recorded_by = cases.model.data(cases.model.index(0, 0))
    assert laptop.session.officer.display_name in recorded_by


def test_a_conflict_is_settled_and_names_the_staff_member(
    qtbot: Any, controller: StationController, laptop: Laptop, tmp_path: Path
) -> None:
    case_id, buyer_id = laptop.new_case()
    element = evidence.record_element(
        laptop.ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": 1500}
    ).entity_id
    first = export_to(laptop, tmp_path / "one")
    log_in(qtbot, controller)
    page = page_of(controller)
    import_through(qtbot, page, [first])
    review = backend_of(controller).review
    record = Records(review.conn).get("element", element)
    assert record is not None
    review.append([amend_draft(record, {"amount": 1800})])  # edited at the station …
    evidence.correct_element(laptop.ctx, element, {"amount": 2000})  # … and on the laptop
    import_through(qtbot, page, [export_to(laptop, tmp_path / "two")])
    tab = page.view.review_tab
    assert tab.model.counts() == (0, 1)
    assert "(1)" in page.view.tabs.tabText(1)
    # The station's side by the staff member who edited it, not the station's signer id.
    assert tab.conflict_pane.current.who.text() == STAFF
    tab.conflict_pane.incoming.button.click()
    assert tab.model.counts() == (0, 0) and not open_conflicts(review)
    assert Records(review.conn).get("element", element).get("amount") == 2000  # type: ignore[union-attr]
    settled = tab.settled.item(0).text()
    assert STAFF in settled and "2000" in settled
    # In the signed event too, not only on the screen.
    store = backend_of(controller).store
    resolves = [e for e in store.events_where(kind="resolve")]
    assert [json.loads(e.body)[STAFF_KEY] for e in resolves] == [STAFF]


def test_opening_a_case_logs_an_access_the_cli_lists(
    qtbot: Any,
    controller: StationController,
    laptop: Laptop,
    tmp_path: Path,
    database_target: str,
) -> None:
    case_id, buyer_id = laptop.new_case()
    bundle = export_to(laptop, tmp_path / "stick")
    log_in(qtbot, controller)
    page = page_of(controller)
    import_through(qtbot, page, [bundle])
    cases = page.view.cases_tab
    shown: list[tuple[bytes, str]] = []
    cases.show_pdf = lambda _parent, pdf, title: shown.append((pdf, title))
    cases.table.selectRow(0)
    cases.open_button.click()
    assert len(shown) == 1
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(shown[0][0])).pages)
    assert STAFF in text  # printed by the staff member who unlocked the station
    store = backend_of(controller).store
    accesses = store.events_where(kind="access")
    assert [(e.entity_type, e.entity_id) for e in accesses] == [("person", buyer_id)]
    assert accesses[0].device_id == store.device_id  # signed as the station's own events
    assert json.loads(accesses[0].body)[STAFF_KEY] == STAFF
    assert store.verify().ok
    cases.summary_button.click()  # the summary shows the same persons: logged too
    assert len(shown) == 2 and len(store.events_where(kind="access")) == 2

    passphrase = tmp_path / "pass"
    passphrase.write_text(STAFF_PASS + "\n", "utf-8")
    out = io.StringIO()
    args = cli.build_parser().parse_args(
        [
            "access-log",
            "--database",
            database_target,
            "--officer",
            STAFF,
            "--passphrase-file",
            str(passphrase),
            "--case",
            case_id,
        ]
    )
    assert cli.run(args, out=out) == cli.EXIT_OK
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("2 access(es)")
    assert buyer_id in lines[1] and STAFF in lines[1] and "case_details" in lines[1]
    assert buyer_id in lines[2] and "case_summary" in lines[2]


# -- the register of laptops, by county -------------------------------------------------------


def register_through(tab: LaptopsTab, card_path: Path) -> None:
    """The tab's Register button, the card file chosen and its fingerprint confirmed."""
    tab.ask_laptop_card_file = lambda _parent: card_path
    tab.confirm_laptop_card = lambda _parent, _card: True
    tab.register_button.click()


def county_in_database(station_db: str, device_id: str) -> str | None:
    with psycopg.connect(station_db) as conn:
        row = conn.execute(
            "SELECT county FROM laptop_county WHERE device_id = %s", (device_id,)
        ).fetchone()
    return None if row is None else str(row[0])


def test_a_laptop_is_registered_for_the_county_chosen_on_the_page(
    qtbot: Any, controller: StationController, station_db: str, tmp_path: Path
) -> None:
    log_in(qtbot, controller)
    tab = page_of(controller).view.laptops_tab
    # The owner holds every county: all offered, none taken for granted.
    assert tab.county.isVisibleTo(tab) and tab.county.code() == ""
    assert HOME in [tab.county.itemData(i) for i in range(tab.county.count())]
    laptop = Laptop(tmp_path / "laptop", backend_of(controller).keys.card)
    try:
        card = make_laptop_card(laptop.session)
    finally:
        laptop.session.lock()
    card.save(tmp_path / "laptop.card")
    tab.county.set_code(HOME)
    register_through(tab, tmp_path / "laptop.card")
    assert not tab.message.is_error()
    assert county_in_database(station_db, card.device_id) == HOME
    assert tab.model.row_total() == 1
    # The list says which county each laptop is registered for, by its name.
    shown = tab.model.data(tab.model.index(0, tab.model.COLUMNS.index("county")))
    assert shown == county_name(HOME) and shown
    assert LaptopCard.load(tmp_path / "laptop.card").device_id == card.device_id


def test_a_county_is_required_of_a_login_holding_several(
    qtbot: Any,
    station_db: str,
    tmp_path: Path,
    make_login: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An admin of two counties registers for one of them; registering for none is
    refused by its code in the UI's words, and nothing is written."""
    two = lambda: [OTHER_COUNTY, HOME]  # noqa: E731
    monkeypatch.setattr(counties, "county_ids", two)  # offered on the page
    monkeypatch.setattr(pg_counties, "county_ids", two)  # known to the store
    owner = open_pg_station(station_db, staff=STAFF, passphrase=STAFF_PASS)
    try:
        conninfo = make_login("chef", "app")
        owner.add_staff(login_name(conninfo), STAFF_PASS, "admin", [HOME, OTHER_COUNTY])
        card_of = Laptop(tmp_path / "laptop", owner.keys.card)
    finally:
        owner.close()
    try:
        card = make_laptop_card(card_of.session)
    finally:
        card_of.session.lock()
    card.save(tmp_path / "laptop.card")
    store = open_pg_station(conninfo, staff=login_name(conninfo), passphrase=STAFF_PASS)
    backend = PgBackend(store, conninfo)
    try:
        tab = LaptopsTab(backend)
        qtbot.addWidget(tab)
        offered = [tab.county.itemData(i) for i in range(tab.county.count())]
        assert offered == ["", OTHER_COUNTY, HOME] and tab.county.code() == ""
        register_through(tab, tmp_path / "laptop.card")
        refusal = InvalidInput(coded("station_county_required", ""), field="county")
        assert tab.message.text() == error_text(refusal)
        assert "--county" not in tab.message.text()  # the UI's words, not the CLI's
        assert county_in_database(station_db, card.device_id) is None
        assert tab.model.row_total() == 0
        tab.county.set_code(OTHER_COUNTY)
        register_through(tab, tmp_path / "laptop.card")
        assert county_in_database(station_db, card.device_id) == OTHER_COUNTY
    finally:
        backend.close()


def test_a_login_of_one_county_has_it_chosen(qtbot: Any, station_db: str, make_login: Any) -> None:
    owner = open_pg_station(station_db, staff=STAFF, passphrase=STAFF_PASS)
    try:
        conninfo = make_login("solo", "app")
        owner.add_staff(login_name(conninfo), STAFF_PASS, "admin", [HOME])
    finally:
        owner.close()
    store = open_pg_station(conninfo, staff=login_name(conninfo), passphrase=STAFF_PASS)
    backend = PgBackend(store, conninfo)
    try:
        tab = LaptopsTab(backend)
        qtbot.addWidget(tab)
        assert tab.county.code() == HOME and tab.county.currentText() != HOME  # by its name
    finally:
        backend.close()


# -- locking ---------------------------------------------------------------------------------


def test_ctrl_l_locks_and_closes_the_connection(qtbot: Any, controller: StationController) -> None:
    log_in(qtbot, controller)
    store: PgStationStore = backend_of(controller).store
    controller.window.lock_action.trigger()
    assert controller.window.is_locked() and controller.backend is None
    assert store._conn.closed
    # The keys went with the lock, not only the connection.
    for held in ("_master", "_keys", "_at_rest", "records_conn"):
        assert not hasattr(store, held), held
    dialog = controller.dialog
    assert dialog is not None and STAFF in dialog.subtitle.text()
    assert dialog.staff.text() == STAFF  # only the passphrase to type again


def test_the_idle_lock_locks_the_station(qtbot: Any, station_db: str) -> None:
    made = StationController(station_db, idle_timeout_ms=300)
    qtbot.addWidget(made.window)
    made.start()
    try:
        log_in(qtbot, made)
        assert not made.window.is_locked()
        qtbot.waitUntil(made.window.is_locked, timeout=10_000)
        assert made.backend is None and made.dialog is not None
    finally:
        made.shutdown()


# -- the command line ------------------------------------------------------------------------


def test_a_password_in_the_address_is_refused_before_anything_opens(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import main
    from ui import station_pg_app

    started: list[str] = []
    monkeypatch.setattr(station_pg_app, "run_station_gui", lambda *a, **k: started.append("gui"))
    code = main.main(["--database", "host=/tmp/nowhere dbname=x password=secret"])
    assert code == cli.EXIT_FAILED and not started
    err = capsys.readouterr().err
    assert "never given on the command line" in err and "secret" not in err


def test_the_app_s_database_is_not_taken_for_a_command_s(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``fieldapp --database T sync import …`` would otherwise run on the vault."""
    import main

    with pytest.raises(SystemExit) as exited:
        main.main(["--database", "host=/tmp/nowhere dbname=x", "sync", "review"])
    assert exited.value.code == 2
    assert "after the command" in capsys.readouterr().err
