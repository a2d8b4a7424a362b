"""What the documents read from the vault besides the case view: the hash of the last event
that changed a case or an operation, and the officers' names for the "who" columns.

Everything else a document shows comes from the workflow's own views, so a document can
never disagree with the screen.
"""

from __future__ import annotations

from fieldapp.documents.stamp import Stamp, StampKind
from fieldapp.storage.records import SQLITE
from fieldapp.workflow.context import Context

# The last change is the event applied last (the order stored: a vault's rowid, the
# PostgreSQL station's pos) among those that last changed any record of the case: creates,
# amends and voids. Access events change no record and so do not make a printed page stale.
# Found as the greatest place among the records' last events, then the event at that place.
# (Not "ORDER BY ... LIMIT 1": PostgreSQL may then walk the
# events from the newest back until it meets one of them, through every laptop's events
# imported after the operation's, and did when its statistics lagged a large import.)
_LAST_EVENT_SQL = """
    SELECT entry_hash FROM events WHERE {order} = (
        SELECT max(e.{order}) FROM records r JOIN events e ON e.id = r.last_event
        WHERE {where}
    )
"""


def case_stamp(ctx: Context, case_id: str) -> Stamp:
    where = "r.case_id = ? OR (r.entity_type = 'case' AND r.entity_id = ?)"
    return Stamp(StampKind.CASE, case_id, _last_hash(ctx, where, case_id))


def operation_stamp(ctx: Context, operation_id: str) -> Stamp:
    where = "r.operation_id = ? OR (r.entity_type = 'operation' AND r.entity_id = ?)"
    return Stamp(StampKind.OPERATION, operation_id, _last_hash(ctx, where, operation_id))


def _last_hash(ctx: Context, where: str, entity_id: str) -> str:
    conn = ctx.conn
    order = getattr(conn, "dialect", SQLITE).order_column
    row = conn.execute(
        _LAST_EVENT_SQL.format(where=where, order=order), (entity_id, entity_id)
    ).fetchone()
    return bytes(row[0]).hex() if row else ""


def officer_names(ctx: Context) -> dict[str, str]:
    """Service id → display name, for every officer enrolled in this vault."""
    return {o.officer_id: o.display_name for o in ctx.officers()}


def officer_label(names: dict[str, str], officer_id: str | None) -> str:
    """``Name (T100001)``, or the bare id for an officer from another laptop's vault."""
    if not officer_id:
        return "–"
    name = names.get(officer_id)
    return f"{name} ({officer_id})" if name else officer_id
