"""What is still missing in a case, per buyer: the offence elements a completed offence
still lacks (the evaluation's ``missing``) and the mandatory checklist steps still open
for him; then the case's own open steps (the seller's, the case's). Shown before closing
the case or printing the approval form, one key away."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain.evaluation import ElementKind
from fieldapp.workflow.case_view import CaseView
from fieldapp.workflow.checklist import ItemState, open_blocking


@dataclass(frozen=True)
class BuyerMissing:
    buyer_id: str
    elements: tuple[ElementKind, ...]  # still missing for a completed offence
    items: tuple[str, ...]  # mandatory checklist items still open for him


@dataclass(frozen=True)
class StillMissing:
    buyers: tuple[BuyerMissing, ...]
    # Open mandatory items of the case and of other persons: (item id, subject id or None).
    other: tuple[tuple[str, str | None], ...]

    @property
    def nothing(self) -> bool:
        return not self.other and all(not b.elements and not b.items for b in self.buyers)


def still_missing(view: CaseView, states: list[ItemState]) -> StillMissing:
    blocking = open_blocking(states)
    buyer_ids = {b.id for b in view.buyers}
    buyers = tuple(
        BuyerMissing(
            buyer.id,
            tuple(buyer.evaluation.missing),
            tuple(s.item.id for s in blocking if s.subject_id == buyer.id),
        )
        for buyer in view.buyers
    )
    other = tuple((s.item.id, s.subject_id) for s in blocking if s.subject_id not in buyer_ids)
    return StillMissing(buyers, other)
