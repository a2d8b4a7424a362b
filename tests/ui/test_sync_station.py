"""The Sync page at the station: importing bundles on a worker thread with progress and a
result row per file, receipts beside the bundles, refusals that crash nothing, the review
queue (conflicts resolved, alarms closed with a note), the consolidated case list and
linking operations; and every item model through ``qtmodeltester``."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.storage.events import read_device_events
from fieldapp.storage.records import Records
from fieldapp.storage.session import Session
from fieldapp.sync.export import acked_seq, export_bundle
from fieldapp.sync.importer import Opened, StationImporter
from fieldapp.sync.review import open_alarms, open_conflicts
from fieldapp.sync.station import station_keys
from fieldapp.workflow import entities, evidence, operations
from fieldapp.workflow.context import Context
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import Laptop
from tests.sync.helpers import resealed_event, seal, station_state
from tests.ui.conftest import flush_deletions
from ui import seams
from ui.runner import Runner
from ui.sync import SyncPage, make_sync_page
from ui.sync.fingerprint import FingerprintDialog, spaced
from ui.sync.laptop import LaptopSyncView
from ui.sync.models import (
    ID_ROLE,
    ImportResultModel,
    OperationLinkModel,
    OriginCaseModel,
    ReviewQueueModel,
)
from ui.sync.station import CASES_TAB, REVIEW_TAB, StationSyncView
from ui.sync.worker import FileResult

station = sync_fixtures.station
card = sync_fixtures.card
laptop_factory = sync_fixtures.laptop_factory
laptop = sync_fixtures.laptop

SCREEN = (1366, 768)
IN_WINDOW = (1166, 690)


def station_view(qtbot: Any, session: Session) -> tuple[SyncPage, StationSyncView]:
    """The page as the main window builds it (keep the page: it owns the view)."""
    page = make_sync_page(session, None)
    qtbot.addWidget(page)
    assert isinstance(page, SyncPage) and page.station is not None
    page.resize(*SCREEN)
    page.show()
    return page, page.station


def export_to(laptop: Laptop, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    exported = export_bundle(laptop.session, folder)
    assert exported is not None
    return exported.path


def import_through(qtbot: Any, view: StationSyncView, paths: list[Path]) -> list[FileResult]:
    tab = view.import_tab
    with qtbot.waitSignal(tab.finished, timeout=30_000):
        tab.import_files(paths)
    return tab.model.results()


# -- scenarios the review queue needs --------------------------------------------------------


def make_conflict(qtbot: Any, view: StationSyncView, station: Session, laptop: Laptop) -> str:
    """The same field edited at the station and on the laptop: 1800 here, 2000 there."""
    case_id, buyer_id = laptop.new_case()
    element = evidence.record_element(
        laptop.ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": 1500}
    ).entity_id
    import_through(qtbot, view, [export_to(laptop, laptop.vault.data_dir.parent / "c1")])
    entities.amend(Context(station, laptop.clock), "element", element, {"amount": 1800})
    evidence.correct_element(laptop.ctx, element, {"amount": 2000})
    import_through(qtbot, view, [export_to(laptop, laptop.vault.data_dir.parent / "c2")])
    return element


def forged_bundle(station: Session, laptop: Laptop, folder: Path) -> Path:
    """A bundle with a known event's id and other content (the station already has it)."""
    known = list(read_device_events(laptop.session.conn, laptop.session.device_id))
    last = known[-1]
    forged = resealed_event(
        known[0], laptop.session, seq=last.seq + 1, prev_hash=last.entry_hash, body=b'{"x":1}'
    )
    path = folder / "forged.fabundle"
    path.write_bytes(seal(station_keys(station).card, [forged], {}, laptop.session))
    return path


# -- import ----------------------------------------------------------------------------------


def test_the_page_is_the_station_view_at_the_station(qtbot: Any, station: Session) -> None:
    _page, view = station_view(qtbot, station)
    card = station_keys(station).card
    assert view.fingerprint.text() == spaced(card.fingerprint)
    assert card.name in view.station_name.text()


def test_the_station_card_is_saved_for_the_laptops(
    qtbot: Any, station: Session, tmp_path: Path
) -> None:
    _page, view = station_view(qtbot, station)
    target = tmp_path / "card.json"
    view.ask_card_target = lambda _parent: target
    view.card_button.click()
    assert json.loads(target.read_text())["fingerprint"] == station_keys(station).card.fingerprint
    assert view.card_message.property("severity") == "ok"


def test_bundle_round_trip_through_both_pages(
    qtbot: Any,
    station: Session,
    laptop: Laptop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for _ in range(3):
        laptop.new_case()
    stick = tmp_path / "usb"
    stick.mkdir()
    laptop_page = LaptopSyncView(laptop.session)
    qtbot.addWidget(laptop_page)
    laptop_page.ask_export_folder = lambda _parent: stick
    laptop_page.export_button.click()
    assert laptop_page.last_export is not None
    bundle = laptop_page.last_export.path

    threads: list[int] = []

    class Recording(StationImporter):
        def import_files(self, paths: Sequence[Path]) -> Any:
            threads.append(threading.get_ident())
            yield from super().import_files(paths)

    monkeypatch.setattr("ui.sync.worker.StationImporter", Recording)
    _page, view = station_view(qtbot, station)
    progress: list[tuple[int, int]] = []
    view.import_tab.progress_changed.connect(lambda value, of: progress.append((value, of)))
    busy: list[bool] = []
    view.import_tab.busy_changed.connect(busy.append)
    [result] = import_through(qtbot, view, [bundle])

    assert threads and threads[0] != threading.get_ident()  # not on the GUI thread
    assert busy == [True, False]
    assert progress and progress[-1][0] == progress[-1][1]  # the bar reached its end
    assert result.status == "imported"
    assert result.new_events == laptop_page.last_export.header.count
    assert result.receipt == bundle.with_suffix(".receipt")
    assert result.receipt.exists()
    model = view.import_tab.model
    assert model.data(model.index(0, 0)) == bundle.name
    assert model.data(model.index(0, 1)) == "Imported"
    assert bundle.with_suffix(".receipt").name in model.data(model.index(0, 3))
    assert view.tabs.isTabEnabled(REVIEW_TAB)
    assert view.cases_tab.model.rowCount() == 3  # the case list was read again

    laptop_page.ask_receipt_file = lambda _parent: result.receipt
    laptop_page.receipt_button.click()
    assert acked_seq(laptop.session) == result.outcomes[0].receipt["through_seq"]
    assert "acknowledged everything" in laptop_page.pending.text()

    [again] = import_through(qtbot, view, [bundle])
    assert again.status == "duplicate"
    assert model.data(model.index(0, 1)) == "Already here"


def test_a_tampered_bundle_is_refused_in_its_row_and_the_rest_imports(
    qtbot: Any, station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    laptop.new_case()
    good = export_to(laptop, tmp_path / "a")
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "damaged.fabundle"
    bad.write_bytes(bytes(data))
    missing = tmp_path / "gone.fabundle"
    _page, view = station_view(qtbot, station)
    before = station_state(station)

    results = import_through(qtbot, view, [bad, missing, good])

    assert [r.status for r in results] == ["refused", "refused", "imported"]
    model = view.import_tab.model
    assert model.data(model.index(0, 1)) == "Refused"
    assert model.data(model.index(0, 3))  # the reason, in words
    assert model.data(model.index(1, 3))
    assert not bad.with_suffix(".receipt").exists()
    assert station_state(station) != before  # the good one went in
    assert "1 refused" not in view.import_tab.status.text()
    assert "2" in view.import_tab.status.text()
    # The damaged one wrote nothing: importing it alone leaves the station as it is.
    now = station_state(station)
    [again] = import_through(qtbot, view, [bad])
    assert again.status == "refused" and station_state(station) == now


def test_taking_the_page_down_mid_import_stops_after_the_bundle_in_hand(
    qtbot: Any,
    station: Session,
    laptop_factory: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The vault locks while an import runs: the page goes, the worker finishes the bundle
    it holds (each is one transaction), skips the rest, and closes its connection."""
    bundles = []
    for i in range(3):
        one = laptop_factory(f"t{i}")
        one.new_case()
        bundles.append(export_to(one, tmp_path / f"t{i}"))
    started, release = threading.Event(), threading.Event()

    class Gated(StationImporter):
        def import_opened(self, opened: Opened) -> Any:
            started.set()
            release.wait(timeout=30)  # the first bundle is in hand when the page goes
            return super().import_opened(opened)

    monkeypatch.setattr("ui.sync.worker.StationImporter", Gated)
    page, view = station_view(qtbot, station)
    view.import_tab.import_files(bundles)
    assert page.is_busy()
    assert started.wait(timeout=30)
    page.close()
    page.deleteLater()
    flush_deletions()
    release.set()
    qtbot.waitUntil(lambda: not Runner.any_running(), timeout=30_000)
    assert len(Records(station.conn).find("case")) == 1  # that bundle, whole; no other
    assert station.verify().ok


# -- the review queue ------------------------------------------------------------------------


def test_a_conflict_is_shown_side_by_side_and_resolving_removes_it(
    qtbot: Any, station: Session, laptop: Laptop
) -> None:
    _page, view = station_view(qtbot, station)
    element = make_conflict(qtbot, view, station, laptop)
    review = view.review_tab
    assert review.model.rowCount() == 1
    assert "(1)" in view.tabs.tabText(REVIEW_TAB)
    view.tabs.setCurrentIndex(REVIEW_TAB)
    pane = review.conflict_pane
    assert review.panes.currentWidget() is pane
    assert pane.current.value.text() == "1800"
    assert pane.incoming.value.text() == "2000"
    assert "Sara Stationsson" in pane.current.who.text()
    assert "This station" in pane.current.where.text()
    assert laptop.session.device_id[:8] in pane.incoming.where.text()
    assert pane.incoming.when.text()
    assert "Gatan 1" in pane.case.text()

    with qtbot.waitSignal(view.changed):
        pane.incoming.button.click()

    assert open_conflicts(station) == []
    assert Records(station.conn).get("element", element).get("amount") == 2000
    assert review.model.rowCount() == 0
    assert review.panes.currentWidget() is review.empty
    assert "(" not in view.tabs.tabText(REVIEW_TAB)
    # Who settled it, by the officer's name as enrolled at the station, and the value kept.
    settled = review.settled.item(0).text()
    assert "Sara Stationsson (S200001)" in settled and "2000" in settled
    assert station.verify().ok


def test_an_alarm_is_closed_with_a_note(
    qtbot: Any, station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    laptop.new_case()
    _page, view = station_view(qtbot, station)
    import_through(qtbot, view, [export_to(laptop, tmp_path / "a")])
    [result] = import_through(qtbot, view, [forged_bundle(station, laptop, tmp_path)])
    assert result.status == "refused" and result.alarm == "conflicting_event"
    model = view.import_tab.model
    assert model.data(model.index(0, 3)).startswith("Alarm:")

    review = view.review_tab
    assert review.model.rowCount() == 1
    pane = review.alarm_pane
    assert review.panes.currentWidget() is pane
    assert laptop.session.device_id[:8] in pane.laptop.text()
    assert pane.detail.text().startswith("At entry ")  # where, in words (not the log's text)
    pane.close_button.click()  # no note yet
    assert pane.message.is_error()
    assert len(open_alarms(station)) == 1
    pane.note.setText("Datorn kontrollerad; paketet skickat igen.")
    with qtbot.waitSignal(review.changed):
        pane.close_button.click()
    assert open_alarms(station) == []
    assert review.model.rowCount() == 0


# -- consolidated views ----------------------------------------------------------------------


def test_cases_from_every_laptop_and_linking_their_operations(
    qtbot: Any, station: Session, laptop_factory: Any, tmp_path: Path
) -> None:
    laptops = [laptop_factory(f"l{i}") for i in range(2)]
    bundles = []
    for i, one in enumerate(laptops):
        one.new_case()
        bundles.append(export_to(one, tmp_path / f"u{i}"))
    _page, view = station_view(qtbot, station)
    import_through(qtbot, view, bundles)

    cases_tab = view.cases_tab
    assert cases_tab.model.rowCount() == 2
    origins = {cases_tab.model.data(cases_tab.model.index(r, 0)) for r in range(2)}
    assert len(origins) == 2
    assert all(any(one.session.device_id[:8] in o for o in origins) for one in laptops)
    assert cases_tab.operation.count() == 3  # all, and each laptop's copy

    link = view.link_tab
    link.set_target(laptops[0].operation)
    link.model.set_checked(laptops[1].operation, False)  # untick the suggestion
    assert not link.link_button.isEnabled()
    link.model.set_checked(laptops[0].operation, True)  # the target cannot be ticked
    assert link.model.checked() == []
    row = next(
        r
        for r in range(link.model.rowCount())
        if link.model.data(link.model.index(r, 0), ID_ROLE) == laptops[1].operation
    )
    link.table.setFocus()
    link.table.setCurrentIndex(link.model.index(row, 0))
    qtbot.keyClick(link.table, Qt.Key.Key_Space)  # the keyboard ticks, too
    assert link.model.checked() == [laptops[1].operation]
    assert link.link_button.isEnabled()
    link.confirm = lambda _parent, _question: True
    with qtbot.waitSignal(view.changed):
        link.link_button.click()
    ctx = Context(station)
    assert [o.entity_id for o in operations.operations(ctx)] == [laptops[0].operation]
    assert link.model.rowCount() == 1

    assert cases_tab.operation.count() == 2
    cases_tab.operation.setCurrentIndex(cases_tab.operation.findData(laptops[0].operation))
    assert cases_tab.model.rowCount() == 2  # both laptops' cases under the one operation
    shown: list[tuple[bytes, str]] = []
    cases_tab.show_pdf = lambda _parent, pdf, title: shown.append((pdf, title))
    cases_tab.report_button.click()  # built on the background runner
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=60_000)
    cases_tab.summary_button.click()
    assert [pdf[:5] for pdf, _ in shown] == [b"%PDF-", b"%PDF-"]

    # The real previews: one at a time, Esc closes it, the focus comes back to the list.
    cases_tab.show_pdf = seams.pdf_shower(cases_tab.previews)
    view.tabs.setCurrentWidget(cases_tab)  # as staff would, on the tab they work in
    cases_tab.table.setFocus()
    cases_tab.summary_button.click()
    first = cases_tab.previews.preview
    cases_tab.report_button.click()  # on the runner: its preview comes when it is built
    qtbot.waitUntil(lambda: cases_tab.previews.preview is not first, timeout=60_000)
    second = cases_tab.previews.preview
    assert first is not None and second is not None and second is not first
    assert not shiboken6.isValid(first) or not first.isVisible()
    qtbot.keyClick(second.print_button, Qt.Key.Key_Escape)
    assert cases_tab.previews.preview is None
    # The window is activated again (asynchronously on some platforms), the list has focus.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is cases_tab.table, timeout=5_000)


# -- models ----------------------------------------------------------------------------------


def test_every_model_passes_the_model_tester(
    qtbot: Any, qtmodeltester: Any, station: Session, laptop_factory: Any, tmp_path: Path
) -> None:
    laptops = [laptop_factory(f"m{i}") for i in range(2)]
    _page, view = station_view(qtbot, station)
    make_conflict(qtbot, view, station, laptops[0])
    laptops[1].new_case()
    import_through(qtbot, view, [export_to(laptops[1], tmp_path / "m")])
    import_through(qtbot, view, [forged_bundle(station, laptops[1], tmp_path)])

    results = ImportResultModel()
    for result in [*view.import_tab.model.results(), FileResult(tmp_path / "x", bug=True)]:
        results.add(result)
    qtmodeltester.check(results)

    queue = ReviewQueueModel(station)
    queue.load(open_alarms(station), open_conflicts(station))
    assert queue.counts() == (1, 1)
    assert queue.data(queue.index(0, 0), ReviewQueueModel.KIND_ROLE) == "alarm"
    qtmodeltester.check(queue)

    origin = OriginCaseModel(station)
    origin.load()
    assert origin.rowCount() == 2
    qtmodeltester.check(origin)

    linking = OperationLinkModel(station)
    linking.load(operations.operations(Context(station)))
    linking.set_target(laptops[0].operation)
    linking.set_checked(laptops[1].operation, True)
    qtmodeltester.check(linking)
    row = next(
        r
        for r in range(linking.rowCount())
        if linking.operation(r).entity_id == laptops[0].operation
    )
    target = linking.index(row, 0)
    assert not linking.flags(target) & Qt.ItemFlag.ItemIsUserCheckable
    assert not linking.setData(target, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert linking.rowCount(target) == 0


# -- pictures --------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def english(language: Callable[[str], None]) -> None:
    """These tests read the English texts; the Swedish ones are checked by the i18n test."""
    language("en")


def test_screenshots_at_1366x768(
    qtbot: Any, dark: None, station: Session, laptop_factory: Any, tmp_path: Path
) -> None:
    """The pages as the officer sees them; ``SYNC_SHOTS_DIR`` keeps the PNGs to look at."""
    folder = Path(os.environ.get("SYNC_SHOTS_DIR") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    one, two = laptop_factory("Laptop A"), laptop_factory("Laptop B")
    station_page, view = station_view(qtbot, station)
    make_conflict(qtbot, view, station, one)
    two.new_case()
    import_through(qtbot, view, [export_to(two, tmp_path / "b")])
    damaged = tmp_path / "b" / "damaged.fabundle"
    data = bytearray(export_to(two, tmp_path / "b2").read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    import_through(
        qtbot,
        view,
        [export_to(one, tmp_path / "c3"), damaged, forged_bundle(station, two, tmp_path)],
    )

    def save(name: str, page: QWidget = station_page, size: tuple[int, int] = SCREEN) -> None:
        QApplication.sendPostedEvents()  # pending layout requests, as a real paint would
        pixmap = page.grab()
        assert (pixmap.width(), pixmap.height()) == size
        assert pixmap.save(str(folder / f"{name}.png"))

    save("station-import")
    for index, name in enumerate(("import", "review-alarm", "cases", "link")):
        if index:
            view.tabs.setCurrentIndex(index)
            save(f"station-{name}")
    view.review_tab.queue.setCurrentIndex(view.review_tab.model.index(1, 0))
    view.tabs.setCurrentIndex(REVIEW_TAB)
    save("station-review-conflict")
    # As it sits in the main window: beside the 200-pixel navigation, under the status bar.
    station_page.resize(*IN_WINDOW)
    save("station-review-conflict-in-window", size=IN_WINDOW)
    view.tabs.setCurrentIndex(CASES_TAB)
    save("station-cases-in-window", size=IN_WINDOW)

    laptop_page = make_sync_page(one.session, None)
    qtbot.addWidget(laptop_page)
    laptop_page.resize(*SCREEN)
    laptop_page.show()
    assert isinstance(laptop_page, SyncPage) and laptop_page.laptop is not None
    laptop_page.laptop.ask_export_folder = lambda _parent: tmp_path
    laptop_page.laptop.export_button.click()
    save("laptop", laptop_page)
    laptop_page.resize(*IN_WINDOW)
    save("laptop-in-window", laptop_page, IN_WINDOW)

    dialog = FingerprintDialog(station_keys(station).card)
    qtbot.addWidget(dialog)
    dialog.show()
    save("fingerprint-dialog", dialog, (dialog.width(), dialog.height()))


@pytest.mark.parametrize("large", [False, True])
def test_the_fingerprint_is_shown_whole(
    qtbot: Any, dark: None, station: Session, large: bool, language: Any
) -> None:
    """In the main window at 1366×768 (beside the navigation), in Swedish, with large text
    too: every group of the fingerprint is on screen, none cut."""
    from ui.theme import set_large_text

    app = QApplication.instance()
    set_large_text(app, large)
    try:
        page, view = station_view(qtbot, station)
        page.resize(*IN_WINDOW)
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        assert page.width() == IN_WINDOW[0]  # not forced wider than the window's room
        assert page.minimumSizeHint().width() <= IN_WINDOW[0]
        label = view.fingerprint
        assert label.width() >= label.sizeHint().width()
        right = label.mapTo(page, label.rect().topRight()).x()
        assert right <= page.width()
        assert label.text().split() == station_keys(station).card.fingerprint.split("-")
    finally:
        set_large_text(app, False)


def test_the_review_table_flags_duplicates_filters_sorts_and_opens(
    qtbot: Any, station: Session, laptop_factory: Any, tmp_path: Path
) -> None:
    """Two laptops recorded the same raid (same place, room and minute): both rows are
    flagged for a person to decide; a third case elsewhere is not. Staff's review state is
    an event; the filters narrow the list; Enter opens the chosen case."""
    from fieldapp.sync.review import REVIEW_ENTITY, review_state
    from ui.sync.models import DUPLICATE_ROLE

    one, two = laptop_factory("Laptop A"), laptop_factory("Laptop B")
    same_a, _ = one.new_case()
    same_b, _ = two.new_case()
    elsewhere, _ = one.new_case()  # a minute later
    _page, view = station_view(qtbot, station)
    import_through(qtbot, view, [export_to(one, tmp_path / "a"), export_to(two, tmp_path / "b")])
    view.tabs.setCurrentIndex(CASES_TAB)
    tab = view.cases_tab
    tab.reload()
    model = tab.model
    flagged = {
        model.case_id(r) for r in range(model.rowCount()) if model.index(r, 0).data(DUPLICATE_ROLE)
    }
    assert flagged == {same_a, same_b}
    assert elsewhere not in flagged
    row = next(r for r in range(model.rowCount()) if model.case_id(r) == same_a)
    texts = [model.index(row, c).data() for c in range(model.columnCount())]
    assert texts[0].startswith("Astrid Testberg · Laptop ")  # who, on which laptop
    assert texts[1] == same_a[-8:].upper() and "Kalle" in texts[4]  # case number, buyer
    assert texts[-1] == "possible"  # under the heading Duplicate
    assert (
        "Possible duplicates: 2" in tab.count.text() or "possible duplicates: 2" in tab.count.text()
    )

    tab.state_filter.setCurrentIndex(tab.state_filter.findData("duplicate"))
    assert tab.proxy.rowCount() == 2
    tab.state_filter.setCurrentIndex(0)
    tab.search.setText("nothing like this")
    assert tab.proxy.rowCount() == 0 and not tab.open_button.isEnabled()
    tab.search.clear()
    assert tab.proxy.rowCount() == 3

    tab.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # latest entry first
    first = tab.proxy.mapToSource(tab.proxy.index(0, 0)).row()
    assert model.case_id(first) == elsewhere
    tab.table.selectRow(0)
    tab.reviewed_button.click()
    assert review_state(station, elsewhere) == "reviewed"
    assert [e.kind for e in station.events() if e.entity_type == REVIEW_ENTITY] == ["create"]
    tab.state_filter.setCurrentIndex(tab.state_filter.findData("reviewed"))
    assert tab.proxy.rowCount() == 1
    tab.state_filter.setCurrentIndex(tab.state_filter.findData("received"))
    assert tab.proxy.rowCount() == 2

    tab.table.selectRow(0)
    with qtbot.waitSignal(view.open_case) as opened:
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert opened.args[0] in (same_a, same_b)


def test_the_import_dialog_opens_on_the_last_folder_or_removable_media(
    qtbot: Any, station: Session, laptop: Laptop, tmp_path: Path, monkeypatch: Any
) -> None:
    """First on a USB stick if one is mounted (else home), then where bundles came from;
    the dialog names the bundle type (not "unknown")."""
    from PySide6.QtCore import QCoreApplication, QFileInfo

    from ui.sync import media

    stick = tmp_path / "media" / "KINGSTON"
    stick.mkdir(parents=True)
    monkeypatch.setattr(media, "removable_media", lambda: [stick])
    laptop.new_case()
    bundle = export_to(laptop, tmp_path / "usb")
    _page, view = station_view(qtbot, station)
    tab = view.import_tab
    starts: list[str] = []

    def choose(_parent: Any, start: str) -> list[Path]:
        starts.append(start)
        return [bundle]

    tab.ask_bundle_files = choose
    with qtbot.waitSignal(tab.finished, timeout=30_000):
        tab.import_button.click()
    tab.ask_bundle_files = lambda _parent, start: starts.append(start) or []
    tab.import_button.click()
    assert starts == [str(stick), str(bundle.parent)]
    assert media.start_folder(None) == str(stick)
    monkeypatch.setattr(media, "removable_media", lambda: [])
    assert media.start_folder(str(tmp_path / "gone")) == str(Path.home())
    types = media.SyncFileTypes()
    named = QCoreApplication.translate("SyncDialogs", "Sealed bundle from a laptop")
    assert types.type(QFileInfo(str(bundle))) == named


def test_the_station_opens_on_its_sync_page(qtbot: Any, station: Session) -> None:
    from ui.main_window import SYNC, MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show_session(station, str(station.vault.data_dir), lambda: 299_000)
    view = window.session_view()
    assert view is not None and view.section() == SYNC


def test_an_administrator_enrols_station_staff_in_the_gui(
    qtbot: Any, station: Session, tmp_path: Path
) -> None:
    """At the station the roles offered are station staff and administrator; the new
    officer can log in; a weak passphrase or a mismatch is refused in the dialog."""
    from ui.screens.settings_page import SettingsPage
    from ui.workspace import Workspace

    workspace = Workspace(station)
    page = SettingsPage(workspace)
    qtbot.addWidget(page)
    page.show()
    assert not page.enrol_button.isHidden()
    dialog = page.open_enrol()
    assert [dialog.role.itemData(i) for i in range(dialog.role.count())] == [
        "station_staff",
        "administrator",
    ]
    dialog.officer_id.setText("S200002")
    dialog.name.setText("Stina Granskare")
    dialog.passphrase.setText("kort")
    dialog.again.setText("kort")
    dialog.enrol()
    assert dialog.message.is_error() and dialog.enrolled is None
    dialog.passphrase.setText("granskar ärenden hela natten")
    dialog.again.setText("granskar ärenden hela dagen")
    dialog.enrol()
    assert dialog.message.is_error() and dialog.enrolled is None
    dialog.passphrase.setText("granskar ärenden hela natten")
    dialog.again.setText("granskar ärenden hela natten")
    dialog.enrol()
    assert dialog.enrolled is not None and dialog.enrolled.role.value == "station_staff"
    assert "Stina Granskare (S200002)" in page.officers.text()
    staff = station.vault.unlock("S200002", "granskar ärenden hela natten")
    assert not staff.officer.is_admin
    staff.lock()
    workspace.autosaver.stop()


def test_linking_is_suggested_confirmed_undoable_and_shown_as_one(
    qtbot: Any, station: Session, laptop_factory: Any, tmp_path: Path
) -> None:
    """Two laptops set up "Insats" for the same period: the link is suggested (target
    chosen, copy ticked) but runs only when confirmed; it can be undone (an event); linked,
    the Operations page lists one operation with both laptops' cases."""
    from ui.models import OperationsModel
    from ui.workspace import Workspace

    one, two = laptop_factory("Laptop A"), laptop_factory("Laptop B")
    for laptop in (one, two):
        laptop.new_case()
        laptop.new_case()
    _page, view = station_view(qtbot, station)
    import_through(qtbot, view, [export_to(one, tmp_path / "a"), export_to(two, tmp_path / "b")])
    link = view.link_tab
    link.reload()
    into, copy = link.target.currentData(), link.model.checked()
    assert {into, *copy} == {one.operation, two.operation} and len(copy) == 1
    assert link.message.text() and link.link_button.isEnabled()  # suggested, not done

    questions: list[str] = []
    link.confirm = lambda _parent, question: questions.append(question) is not None
    link.link_button.click()  # refused at the question: nothing linked
    assert questions and link.target.currentText() in questions[0]
    ctx = Context(station)
    assert len(operations.operations(ctx)) == 2

    link.confirm = lambda _parent, _question: True
    with qtbot.waitSignal(link.linked):
        link.link_button.click()
    assert [o.entity_id for o in operations.operations(ctx)] == [into]
    workspace = Workspace(station)
    listed = OperationsModel(workspace)
    listed.load()
    assert listed.rowCount() == 1
    texts = [listed.index(0, c).data() for c in range(listed.columnCount())]
    assert texts[-1] == "4" and "1" in texts[0]  # the group's total, and that it is linked

    assert link.linked_list.count() == 1
    link.linked_list.setCurrentRow(0)
    with qtbot.waitSignal(link.linked):
        link.unlink_button.click()
    assert len(operations.operations(ctx)) == 2
    kinds = [
        sorted(e.data.get("set", {})) + e.data.get("unset", [])
        for e in station.events()
        if e.entity_type == "operation" and e.kind == "amend"
    ]
    assert kinds == [["same_as"], ["same_as"]]  # the link and its undoing, both events
    listed.load()
    assert listed.rowCount() == 2
    workspace.autosaver.stop()
