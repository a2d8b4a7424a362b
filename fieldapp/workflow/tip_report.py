"""Did informed hotels begin to tip the police? The figures the operation report needs:
for every company in a county's directory, when it was first given the information sheet
and how many tips it sent before and after that.

A delivery is matched to its directory company by the company's id where it was made
from the directory (a renamed company keeps its deliveries), otherwise by kind and name,
ignoring case and spacing (``directory.deliveries_by_company``): a delivery typed in by
hand names the company in words. Deliveries that match no directory company are listed,
so a misspelt name shows up instead of silently lowering the count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from fieldapp.domain.operation import OPERATION_ENTITY
from fieldapp.storage.records import Record
from fieldapp.workflow.context import Context
from fieldapp.workflow.directory import companies, deliveries_by_company
from fieldapp.workflow.outreach import SHEET_DELIVERY_ENTITY
from fieldapp.workflow.tips import tips


@dataclass(frozen=True)
class CompanyTips:
    """One directory company: first informed (``None``: never), tips before and after."""

    company_id: str
    name: str
    kind: str
    municipality: str | None
    first_informed: datetime | None
    deliveries: int
    tips_before: int
    tips_after: int
    first_tip_after: datetime | None

    @property
    def informed(self) -> bool:
        return self.first_informed is not None


@dataclass(frozen=True)
class OutreachEffect:
    county: str
    companies: tuple[CompanyTips, ...]
    tips_total: int
    tips_not_from_directory: int
    unmatched_deliveries: tuple[Record, ...]

    def informed(self, kind: str | None = None) -> list[CompanyTips]:
        return [c for c in self.companies if c.informed and (kind is None or c.kind == kind)]

    def informed_then_tipped(self, kind: str | None = None) -> list[CompanyTips]:
        """Informed companies that sent at least one tip after their first sheet."""
        return [c for c in self.informed(kind) if c.tips_after]

    @property
    def tips_after_informing(self) -> int:
        return sum(c.tips_after for c in self.companies)

    @property
    def tips_before_or_uninformed(self) -> int:
        return sum(c.tips_before for c in self.companies)


def outreach_effect(
    ctx: Context, county: str, *, operation_ids: Sequence[str] | None = None
) -> OutreachEffect:
    """The county's directory with deliveries (of every operation in the county, or of
    ``operation_ids``) and tips, counted before and after each company's first sheet."""
    directory = companies(ctx, county)
    matched, unmatched = deliveries_by_company(directory, _deliveries(ctx, county, operation_ids))
    first = {
        cid: min(datetime.fromisoformat(str(d.get("delivered_at"))) for d in given)
        for cid, given in matched.items()
    }
    count = {cid: len(given) for cid, given in matched.items()}
    received = tips(ctx, county)
    rows = []
    for company in directory:
        cid = company.entity_id
        own = [datetime.fromisoformat(str(t.get("received_at"))) for t in received
               if t.get("company_id") == cid]  # fmt: skip
        informed = first.get(cid)
        after = sorted(t for t in own if informed is not None and t >= informed)
        rows.append(
            CompanyTips(
                company_id=cid,
                name=str(company.get("name")),
                kind=str(company.get("kind")),
                municipality=company.get("municipality"),
                first_informed=informed,
                deliveries=count.get(cid, 0),
                tips_before=len(own) - len(after),
                tips_after=len(after),
                first_tip_after=after[0] if after else None,
            )
        )
    return OutreachEffect(
        county=county,
        companies=tuple(rows),
        tips_total=len(received),
        tips_not_from_directory=sum(1 for t in received if not t.get("company_id")),
        unmatched_deliveries=tuple(unmatched),
    )


def _deliveries(ctx: Context, county: str, operation_ids: Sequence[str] | None) -> list[Record]:
    if operation_ids is None:
        operation_ids = [
            o.entity_id for o in ctx.records.find(OPERATION_ENTITY) if o.get("county") == county
        ]
    return [
        d for op in operation_ids for d in ctx.records.find(SHEET_DELIVERY_ENTITY, operation_id=op)
    ]
