"""The approval form's title, legal basis and wording follow the decision's kind AND the
offence date; the sanction, the acceptance and the signatures share one page whatever the
length of the description (property test); no internal ids or doubled titles on paper."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.composition import open_vault
from fieldapp.documents import service
from fieldapp.documents.approval import ADVANCE_TITLE, ORDER_TITLE
from fieldapp.errors import InvalidInput
from fieldapp.workflow import cases
from fieldapp.workflow.context import Context
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, TEST_COST
from tests.documents import pdfcheck
from tests.documents.scenarios import (
    CEST,
    Clock,
    advance_sanction,
    decision,
    new_operation,
    standard_case,
)

DAY_FINES = {"day_fines": 50, "day_fine_amount_sek": 200}


def _form_text(ctx: Context, clock: Clock, day: str, chosen: dict[str, Any]) -> str:
    clock.now = datetime.fromisoformat(f"{day}T21:30").replace(tzinfo=CEST)
    operation = new_operation(ctx, day, day)
    recorded = standard_case(ctx, clock, operation, decision_for=lambda _on: chosen)
    return pdfcheck.text(service.approval_pdf(ctx, recorded.case_id))


@pytest.mark.parametrize(
    ("day", "kind", "sanction", "title", "basis"),
    [
        ("2022-03-01", "summary_order", DAY_FINES, ORDER_TITLE, "48 kap. 2 § rättegångsbalken"),
        ("2022-09-01", "summary_order", advance_sanction(), ORDER_TITLE,
         "48 kap. 2 och 4 §§ rättegångsbalken"),
        # A prosecutor's order after advance approval arrived is still a prosecutor's order.
        ("2023-02-01", "summary_order", advance_sanction(), ORDER_TITLE,
         "48 kap. 2 och 4 §§ rättegångsbalken"),
        ("2023-02-01", "advance_approval", advance_sanction(), ADVANCE_TITLE,
         "48 kap. 10 § rättegångsbalken"),
        ("2025-09-01", "summary_order", advance_sanction(), ORDER_TITLE,
         "48 kap. 2 och 4 §§ rättegångsbalken"),
        ("2025-09-01", "advance_approval", advance_sanction(), ADVANCE_TITLE,
         "48 kap. 10 § rättegångsbalken"),
    ],
)  # fmt: skip
def test_title_and_legal_basis_follow_the_kind_and_the_date(
    ctx: Context, clock: Clock, day: str, kind: str, sanction: dict[str, Any], title: str,
    basis: str,
) -> None:  # fmt: skip
    text = _form_text(ctx, clock, day, decision(kind, sanction))
    assert title in text and basis in text
    other = ADVANCE_TITLE if title == ORDER_TITLE else ORDER_TITLE
    assert other not in text
    if kind == "summary_order":
        assert "Utfärdat av åklagare" in text and "upprättat av polisen" not in text.lower()
        assert "48 kap. 7 § rättegångsbalken" in text  # the time to accept
    else:
        assert "Upprättat av polisen efter beslut" in text
    if sanction.get("conditional_sentence"):
        assert "Prövotid 2 år" in text
    # No internal ids or app words: the rule set's id is not the law.
    assert "regler enligt" not in text and "renamed" not in text and "-base" not in text
    assert "Blankett IS-SF, version" in text
    assert "Myndighet Polismyndigheten, polisområde Västmanland" in text
    assert "Formuläret förklarat på svenska" in text


def test_the_decider_title_is_not_doubled(ctx: Context, clock: Clock) -> None:
    chosen = decision("advance_approval", advance_sanction())
    chosen["decided_by"] = "Kammaråklagare Ida Exempel"
    text = _form_text(ctx, clock, "2026-05-14", chosen)
    assert "Kammaråklagare Ida Exempel" in text
    assert "Åklagare Kammaråklagare" not in text


def test_the_police_case_number_is_printed_when_known(
    ctx: Context, clock: Clock, operation_id: str
) -> None:
    recorded = standard_case(ctx, clock, operation_id)
    text = pdfcheck.text(service.approval_pdf(ctx, recorded.case_id))
    assert "Diarienummer (K-nummer) ____" in text  # a line to write it on
    cases.amend_case(ctx, recorded.case_id, {"police_case_number": "5000-K123456-26"})
    text = pdfcheck.text(service.approval_pdf(ctx, recorded.case_id))
    assert "Diarienummer (K-nummer) 5000-K123456-26" in text
    with pytest.raises(InvalidInput) as refused:
        cases.amend_case(ctx, recorded.case_id, {"police_case_number": "K1; <b>x</b>"})
    assert [f for f, _ in refused.value.problems] == ["police_case_number"]


@pytest.fixture(scope="module")
def one_case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Context, str]]:
    """One recorded case for every example of the property test (building it is slow)."""
    folder: Path = tmp_path_factory.mktemp("form") / "vault"
    session = open_vault(folder).create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
    clock = Clock(datetime(2026, 5, 14, 21, 30, tzinfo=CEST))
    ctx = Context(session, clock)
    operation = new_operation(ctx, "2026-05-11", "2026-05-22")
    yield ctx, standard_case(ctx, clock, operation).case_id
    session.lock()


_WORDS = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzåäö ÅÄÖ.,0123456789-"), min_size=10,
    max_size=2000,
).filter(lambda s: len(s.strip()) >= 10)  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(description=_WORDS)
def test_the_signature_shares_its_page_with_the_sanction(
    one_case: tuple[Context, str], description: str
) -> None:
    ctx, case_id = one_case
    pdf = service.approval_pdf(ctx, case_id, description=description)
    pages = [page.extract_text() for page in pdfcheck.reader(pdf).pages]
    sanction = [i for i, t in enumerate(pages) if "5. Påföljd och särskilda" in t]
    signature = [i for i, t in enumerate(pages) if "8. Underskrifter" in t]
    assert len(sanction) == 1 and sanction == signature
    assert "Namnförtydligande" in pages[signature[0]]
    assert "Så godkänner du" in pages[signature[0]]
