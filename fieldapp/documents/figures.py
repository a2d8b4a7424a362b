"""The operation's headline figures for the dashboard, counted by SQLite over the records
projection in a fixed number of statements, however many cases the operation has.

They are the operation report's own figures (``report_data``): buyers, sellers, support
counted per person (offered, accepted where an offer was accepted or a referral made,
declined where none was accepted), hotels informed; over the same cases (every live case
of the operation and of the laptop copies linked into it). The report decodes every record
of every case to lay out its tables; the dashboard needs only the counts, and decoding a
thousand cases on the way to the main window took more than a second. A test checks that
both give the same numbers on the same vault.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.documents.report_data import ACCEPTING, SupportFigures
from fieldapp.domain.case import CASE_ENTITY
from fieldapp.domain.persons import BUYER, PERSON_ENTITY, SELLER
from fieldapp.domain.support import SUPPORT_ENTITY
from fieldapp.workflow import operations
from fieldapp.workflow.context import Context
from fieldapp.workflow.outreach import SHEET_DELIVERY_ENTITY


@dataclass(frozen=True)
class Headline:
    """The counts the dashboard shows, as ``ReportData`` has them."""

    buyers: int
    sellers: int
    seller_support: SupportFigures
    buyer_support: SupportFigures
    hotels_informed: int


# Each person of a live case with the best of their support offers in the same case:
# ``accepted`` 1 if any offer was accepted (or a referral made), ``declined`` 1 if any was
# declined; a person with no offer has NULLs. ``{ops}`` is one placeholder per operation.
_PEOPLE = """
    WITH live_cases AS (
        SELECT entity_id FROM records
        WHERE entity_type = ? AND voided = 0 AND operation_id IN ({ops})
    ),
    offers AS (
        SELECT case_id, json_extract(data, '$.person_id') AS person_id,
               max(json_extract(data, '$.outcome') IN ({accepting})) AS accepted,
               max(json_extract(data, '$.outcome') = 'declined') AS declined
        FROM records
        WHERE entity_type = ? AND voided = 0 AND operation_id IN ({ops})
          AND case_id IN live_cases
        GROUP BY case_id, person_id
    ),
    people AS (
        SELECT case_id, entity_id, json_extract(data, '$.role') AS role
        FROM records
        WHERE entity_type = ? AND voided = 0 AND operation_id IN ({ops})
          AND case_id IN live_cases
    )
    SELECT p.role, count(*), count(o.person_id),
           coalesce(sum(o.accepted = 1), 0),
           coalesce(sum(o.accepted IS NOT 1 AND o.declined = 1), 0)
    FROM people p
    LEFT JOIN offers o ON o.case_id = p.case_id AND o.person_id = p.entity_id
    WHERE p.role IN (?, ?)
    GROUP BY p.role
"""

_HOTELS = """
    SELECT count(DISTINCT json_extract(data, '$.company')) FROM records
    WHERE entity_type = ? AND voided = 0 AND operation_id IN ({ops})
      AND json_extract(data, '$.kind') = 'hotel'
"""


def headline(ctx: Context, operation_id: str) -> Headline:
    """The dashboard's counts for ``operation_id``: two statements and the group's."""
    group = operations.operation_group(ctx, operation_id)
    ops = ", ".join("?" * len(group))
    accepting = sorted(ACCEPTING)
    sql = _PEOPLE.format(ops=ops, accepting=", ".join("?" * len(accepting)))
    args = [
        CASE_ENTITY, *group,
        *accepting, SUPPORT_ENTITY, *group,
        PERSON_ENTITY, *group,
        SELLER, BUYER,
    ]  # fmt: skip
    counts = {
        str(role): (int(persons), SupportFigures(int(offered), int(acc), int(dec), int(persons)))
        for role, persons, offered, acc, dec in ctx.session.conn.execute(sql, args)
    }
    empty = (0, SupportFigures(0, 0, 0, 0))
    (hotels,) = ctx.session.conn.execute(
        _HOTELS.format(ops=ops), [SHEET_DELIVERY_ENTITY, *group]
    ).fetchone()
    return Headline(
        buyers=counts.get(BUYER, empty)[0],
        sellers=counts.get(SELLER, empty)[0],
        seller_support=counts.get(SELLER, empty)[1],
        buyer_support=counts.get(BUYER, empty)[1],
        hotels_informed=int(hotels),
    )
