"""A background worker writes through a sibling session (its own connection): the GUI's
session must still verify the vault as sound afterwards (FTS5 caches each index's
structure per connection, and the check must not compare against a stale copy)."""

from __future__ import annotations

from fieldapp.ads import importing
from fieldapp.storage.session import Session
from fieldapp.workflow import operations
from fieldapp.workflow.context import Context


def test_verify_after_a_sibling_wrote_indexed_text(admin_session: Session) -> None:
    ctx = Context(admin_session)
    operation_id = operations.create_operation(
        ctx,
        {"name": "Provinsats", "start": "2026-05-01", "end": "2026-05-31",
         "county": "vastmanland", "agencies": ["Polisen"]},
    ).entity_id  # fmt: skip
    admin_session.verify()  # the index structure is now cached on this connection
    sibling = admin_session.sibling_opener()()
    try:
        data = (
            "rubrik;text;telefon;kommun;webbplats\n"
            "Ny i stan;Ring mig;070-174 06 68;Västerås;annonser.example\n"
        ).encode()
        importing.import_csv(Context(sibling), operation_id, data)
    finally:
        sibling.lock()

    report = admin_session.verify()

    assert report.ok, report.problem
