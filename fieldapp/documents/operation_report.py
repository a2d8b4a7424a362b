"""The operation report, in the spirit of the county brochure's "what we did": the period
and agencies, ads mapped, hotels and taxi companies informed, places visited, the buyers
(ages, prices, sanctions and totals, answers), support on each side, tips, and charts.

The figures come from ``report_data``; this module only lays them out. The per-buyer table
uses plain strings rather than paragraphs: it can run to a thousand rows, its cells are
short, and paragraphs there would cost most of the build time.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from fieldapp.documents.charts import answers_chart, buyers_per_day, support_chart
from fieldapp.documents.page import CONTENT_WIDTH, PageSetup, build_pdf
from fieldapp.documents.report_data import BuyerRow, ReportData, SupportFigures
from fieldapp.documents.row_table import Column, RowTable
from fieldapp.documents.stamp import Stamp
from fieldapp.documents.styles import (
    TABLE_FONT,
    bullet,
    data_table,
    field_table,
    para,
)
from fieldapp.documents.text import NBSP, kr, number, when, when_logged

TITLE = "Insatsrapport"
NOT_RECORDED = "registreras inte ännu i appen"
_ANSWER = {"accepts": "godkände", "declines": "godkände ej"}
_KIND = {"hotel": "hotell", "taxi": "taxi", "other": "annat"}
# Short words for the table's narrow support column.
_SUPPORT = {"accepted": "ja", "declined": "nej", "referral_made": "ja", "not_possible": "–"}


# Where the cases are kept, said in the footer (``Context.store_kind``).
_KEPT_IN = {"vault": "i valvet", "station_db": "i stationens databas"}


def build_operation_report(
    data: ReportData,
    stamp: Stamp,
    officers: dict[str, str],
    *,
    printed_at: datetime,
    kept_in: str = "vault",
) -> bytes:
    operation = data.operation
    story: list[Flowable] = [
        para(f"{TITLE}: {operation.get('name')}", "title"),
        para(
            f"Så gjorde vi – {operation.get('start')} till {operation.get('end')}"
            + (f", {data.county_name}" if data.county_name else ""),
            "subtitle",
        ),
        *_operation_part(data),
        *_charts(data),
        *_ads_part(data),
        *_outreach_part(data, officers),
        *_places_part(data),
        *_buyers_part(data),
        *_support_part(data),
        para("Tips från allmänheten", "h1"),
        para(
            "Tips som kommit in i länet: "
            f"{NOT_RECORDED if data.tips_recorded is None else number(data.tips_recorded)}."
        ),
    ]
    setup = PageSetup(
        title=f"{TITLE}: {operation.get('name')}",
        stamp=stamp,
        footer_note=f"Utskriven {printed_at.strftime('%Y-%m-%d %H:%M')}. "
        f"Statistik utan namn; ärendena finns {_KEPT_IN[kept_in]}.",
    )
    return build_pdf(setup, story, subject=f"{TITLE} {operation.entity_id}")


def _operation_part(data: ReportData) -> list[Flowable]:
    operation = data.operation
    agencies = ", ".join(operation.get("agencies") or []) or "–"
    rows: list[tuple[str, Flowable | str]] = [
        ("Period", f"{operation.get('start')} – {operation.get('end')}"),
        ("Samverkande", agencies),
        ("Tillslag (ärenden)", number(len(data.places))),
        ("Köpare", number(len(data.buyers))),
        ("Varav fullbordade brott / försök", _completed_attempt(data)),
        ("Personer som sålde sex", number(data.sellers)),
    ]
    return [para("Insatsen", "h1"), field_table(rows, CONTENT_WIDTH)]


def _completed_attempt(data: ReportData) -> str:
    counts = Counter(b.outcome for b in data.buyers)
    text = f"{counts.get('completed', 0)} / {counts.get('attempt', 0)}"
    children = len(data.child_case_buyers)
    return text + (
        f" (varav {children} köpare i ärenden enligt 6 kap. 9 § BrB)" if children else ""
    )


def _charts(data: ReportData) -> list[Flowable]:
    width = CONTENT_WIDTH / 3
    height = 58 * mm
    row = [
        buyers_per_day(data, width - 4, height),
        support_chart(data, width - 4, height),
        answers_chart(data, width - 4, height),
    ]
    table = Table([row], colWidths=[width] * 3)
    table.setStyle(
        [TABLE_FONT, ("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    )
    return [Spacer(1, 3 * mm), table]


def _ads_part(data: ReportData) -> list[Flowable]:
    tick = data.ads_mapped
    done = f"genomförd (bockad {when_logged(tick.created_at)})" if tick else "inte registrerad"
    count = NOT_RECORDED if data.ads_recorded is None else number(data.ads_recorded)
    return [
        para("Inre spaning – annonser", "h1"),
        bullet(f"Kartläggning av annonser före insatsen: {done}."),
        bullet(f"Antal annonser kartlagda: {count}."),
    ]


def _outreach_part(data: ReportData, officers: dict[str, str]) -> list[Flowable]:
    out: list[Flowable] = [
        para("Information till hotell och taxi", "h1"),
        para(
            f"{data.hotels_informed} hotell och {data.taxi_companies_informed} taxiföretag fick "
            "polisens informationsblad."
        ),
    ]
    if not data.deliveries:
        return [*out, para("Inga utdelningar registrerade.", "small")]
    rows = [
        [
            str(d.get("company")),
            _KIND.get(str(d.get("kind")), "–"),
            when(d.get("delivered_at")),
            officers.get(str(d.get("delivered_by")), str(d.get("delivered_by"))),
            str(d.get("sheet_version")),
        ]
        for d in data.deliveries
    ]
    widths = [62 * mm, 18 * mm, 30 * mm, CONTENT_WIDTH - 128 * mm, 18 * mm]
    header = ["Företag", "Slag", "Tid", "Utdelat av", "Version"]
    return [*out, data_table(header, rows, widths)]


def _places_part(data: ReportData) -> list[Flowable]:
    out: list[Flowable] = [para("Platser där polisen gjorde tillslag", "h1")]
    if not data.places:
        return [*out, para("Inga tillslag registrerade.")]
    visits: Counter[tuple[str, str]] = Counter()
    buyers: Counter[tuple[str, str]] = Counter()
    days: dict[tuple[str, str], set[str]] = {}
    for place in data.places:
        key = (place.name, place.municipality)
        visits[key] += 1
        buyers[key] += place.buyers
        days.setdefault(key, set()).add(place.day.isoformat())
    rows = [
        [name, municipality, number(visits[key]), number(buyers[key]), _span(days[key])]
        for key in sorted(visits)
        for name, municipality in [key]
    ]
    widths = [70 * mm, 32 * mm, 18 * mm, 18 * mm, CONTENT_WIDTH - 138 * mm]
    header = ["Plats", "Kommun", "Tillslag", "Köpare", "Dagar"]
    return [*out, data_table(header, rows, widths)]


def _span(days: set[str]) -> str:
    first, last = min(days), max(days)
    return first if first == last else f"{first} – {last}"


def _range(values: list[int], money: bool = True) -> str:
    if not values:
        return "–"
    shown = kr if money else number
    low, high = values[0], values[-1]
    return shown(low) if low == high else f"{shown(low)} – {shown(high)}"


def _outcome_text(counts: Counter[str]) -> str:
    """``3 fullbordade brott och 1 försök`` (and how many lack even an attempt's elements)."""
    completed = counts.get("completed", 0)
    parts = [
        f"{completed} {'fullbordat' if completed == 1 else 'fullbordade'} brott",
        f"{counts.get('attempt', 0)} försök",
    ]
    if counts.get("not_enough"):
        parts.append(f"{counts['not_enough']} utan omständigheter för försök")
    return ", ".join(parts[:-1]) + " och " + parts[-1]


def _buyers_part(data: ReportData) -> list[Flowable]:
    out: list[Flowable] = [para("Köparna (6 kap. 11 § brottsbalken)", "h1")]
    adults = data.adult_buyers
    if not adults:
        out.append(para("Inga köpare registrerade."))
        return [*out, *_child_part(data)]
    ages = data.ages
    answers = data.answers()
    paid = data.paid
    who = (
        f"{len(adults)} köpare, i åldrarna {ages[0]}–{ages[1]} år."
        if ages
        else f"{len(adults)} köpare; ålder okänd."
    )
    if not paid:
        paid_text = "Ingen köpare överlämnade pengar."
    else:
        each = f"{kr(paid[0])} var" if paid[0] == paid[-1] and len(paid) > 1 else _range(paid)
        paid_text = f"Överlämnade pengar för sexköpet: {len(paid)} av {len(adults)}, {each}."
    answered = (
        f"Godkände strafföreläggande: {answers.get('accepts', 0)}; godkände inte: "
        f"{answers.get('declines', 0)}; inget svar eller annat beslut: "
        f"{answers.get('none', 0)}."
    )
    totals = (
        f"Böter (dagsböter × belopp): {_range(data.fines)}, sammanlagt {kr(sum(data.fines))}. "
        f"Att betala inklusive brottsofferfondsavgift: {_range(data.payable)}, sammanlagt "
        f"{kr(sum(data.payable))}."
    )
    out += [
        bullet(who),
        bullet(
            f"Bedömning enligt de registrerade omständigheterna: {_outcome_text(data.outcomes())}."
        ),
        bullet(paid_text),
        bullet(answered),
        bullet(_sanction_summary(data)),
        bullet(totals),
        Spacer(1, 2 * mm),
        _buyer_table(adults),
    ]
    return [*out, *_child_part(data)]


def _child_part(data: ReportData) -> list[Flowable]:
    """Child cases (BrB 6:9) apart: no summary penalty, the child is an injured party."""
    rows = data.child_case_buyers
    if not rows:
        return []
    cases = len({b.case_id for b in rows})
    return [
        para("Ärenden där den som sålde var under 18 år (6 kap. 9 § brottsbalken)", "h1"),
        bullet(
            f"{cases} {'ärende' if cases == 1 else 'ärenden'} med {len(rows)} misstänkta "
            f"köpare: {_outcome_text(data.outcomes(rows))}. Ärendena går till åklagare; de "
            "ingår inte i siffrorna ovan."
        ),
        Spacer(1, 2 * mm),
        _buyer_table(rows),
    ]


def _sanction_summary(data: ReportData) -> str:
    kinds: Counter[str] = Counter()
    for b in data.adult_buyers:
        if b.day_fines is not None:
            kinds[
                f"{b.day_fines} dagsböter"
                + (" och villkorlig dom" if b.conditional_sentence else "")
            ] += 1
        elif b.conditional_sentence:
            kinds["villkorlig dom"] += 1
    if not kinds:
        return "Påföljder: inga beslut om strafföreläggande registrerade."
    listing = "; ".join(f"{kind}: {n}" for kind, n in kinds.most_common())
    return f"Påföljder: {listing}."


def _sanction_cell(row: BuyerRow) -> str:
    parts = ["VD"] if row.conditional_sentence else []
    if row.day_fines is not None and row.day_fine_amount_sek is not None:
        parts.append(f"{row.day_fines} × {number(row.day_fine_amount_sek)}{NBSP}kr")
    return " + ".join(parts) or "–"


_OUTCOME = {"completed": "fullbordat", "attempt": "försök", "not_enough": "–"}
# Column widths in mm; they add up to the content width (174 mm). Numbers are right-aligned
# and text left-aligned, so a text column after a right-aligned one starts with a wider gap
# or their texts would touch.
_COLUMNS = (
    Column("Nr", 7 * mm), Column("Dag", 11 * mm), Column("Ålder", 11 * mm, right=True),
    Column("Utfall", 18 * mm, gap=6), Column("Överlämnat", 22 * mm, right=True),
    Column("Påföljd", 35 * mm, gap=6), Column("Böter", 19 * mm, right=True),
    Column("Att betala", 19 * mm, right=True), Column("Svar", 22 * mm, gap=7),
    Column("Stöd", 10 * mm),
)  # fmt: skip


def _buyer_table(rows: tuple[BuyerRow, ...]) -> RowTable:
    body = [
        [
            str(i),
            row.day.strftime("%d/%m"),
            "–" if row.age is None else str(row.age),
            _OUTCOME.get(row.outcome, "–"),
            "–" if row.paid_sek is None else kr(row.paid_sek),
            _sanction_cell(row),
            "–" if not row.fine_sek else kr(row.fine_sek),
            "–" if row.payable_sek is None else kr(row.payable_sek),
            _ANSWER.get(str(row.answer), "–"),
            _SUPPORT.get(str(row.support), "–"),
        ]
        for i, row in enumerate(rows, start=1)
    ]
    return RowTable(_COLUMNS, body)


def _support_line(side: str, figures: SupportFigures) -> str:
    return (
        f"{side} ({figures.persons}): stöd erbjöds {figures.offered}, "
        f"tackade ja {figures.accepted}, tackade nej {figures.declined}."
    )


def _support_part(data: ReportData) -> list[Flowable]:
    return [
        para("Stöd", "h1"),
        bullet(_support_line("Personer som sålde sex", data.seller_support)),
        bullet(_support_line("Köpare", data.buyer_support)),
    ]
