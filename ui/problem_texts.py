"""Words for the core's coded reasons (``fieldapp.errors.Reason``), by code.

One table: each code maps to an English template whose ``{names}`` are the reason's
``params``; Swedish comes from the translation file like every other string. A coded
reason whose code is missing here falls back to ``ui.words.reason_text`` (the older table
of English texts), so adding a code to the core and its words here go together.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.errors import Reason
from ui.i18n import QT_TRANSLATE_NOOP

_CTX = "Problems"

PROBLEM_TEXTS: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Problems", "Required."),
    "too_long": QT_TRANSLATE_NOOP("Problems", "At most {limit} characters."),
    # Station register of laptops and input caps (i14a): reasons, and KnownError codes.
    "revoke_reason": QT_TRANSLATE_NOOP("Problems", "Choose lost, stolen or retired."),
    "laptop_unknown": QT_TRANSLATE_NOOP("Problems", "No such registered laptop."),
    "input_refused": QT_TRANSLATE_NOOP("Problems", "{file} cannot be read: {reason}."),
    "input_too_large": QT_TRANSLATE_NOOP(
        "Problems", "{file} is larger than {limit_mb} MB, the limit for it; nothing was read."
    ),
    "input_not_a_file": QT_TRANSLATE_NOOP(
        "Problems", "{file} is not a regular file (a folder, device or pipe); nothing was read."
    ),
    "laptop_card_refused": QT_TRANSLATE_NOOP(
        "Problems",
        "This laptop card cannot be used: it is damaged, altered or not a laptop card. Ask "
        "the laptop's administrator for a new one.",
    ),
    "register_other_station": QT_TRANSLATE_NOOP(
        "Problems", "This laptop card was made for another station; nothing was registered."
    ),
    "register_revoked": QT_TRANSLATE_NOOP(
        "Problems",
        "This laptop was revoked; a revoked laptop is not registered again. Set it up as a "
        "new vault.",
    ),
    "register_other_vault": QT_TRANSLATE_NOOP(
        "Problems", "This laptop is registered with another vault; nothing was registered."
    ),
    # Documents and the case's police case number (i13).
    "case_number_characters": QT_TRANSLATE_NOOP(
        "Problems", "Only letters, digits, spaces and - / . : (e.g. 5000-K123456-26)."
    ),
    "document_language": QT_TRANSLATE_NOOP(
        "Problems", "The {document} exists in {languages}; not in {language}."
    ),
    # -- Ads: CSV files, saved pages, prices (i20) --
    "csv_empty": QT_TRANSLATE_NOOP("Problems", "The file is empty."),
    "csv_binary": QT_TRANSLATE_NOOP("Problems", "Not a CSV file (binary data)."),
    "csv_not_utf8": QT_TRANSLATE_NOOP(
        "Problems", 'Not UTF-8 text: save the file as "CSV UTF-8" and import it again.'
    ),
    "csv_no_header": QT_TRANSLATE_NOOP("Problems", "No header row."),
    "csv_column_twice": QT_TRANSLATE_NOOP("Problems", "The column appears twice."),
    "csv_no_text_column": QT_TRANSLATE_NOOP(
        "Problems", "No text or title column (the first row must name the columns)."
    ),
    "csv_header_delimiter": QT_TRANSLATE_NOOP(
        "Problems",
        "No text or title column: the first row seems separated by {found}, not {used}. "
        "Separate the columns with ',' or ';'.",
    ),
    "csv_field_count": QT_TRANSLATE_NOOP(
        "Problems", "{count} field(s), but the first row has {columns}."
    ),
    "csv_row_delimiter": QT_TRANSLATE_NOOP(
        "Problems",
        "{count} field(s), but the first row has {columns}: this line seems separated by "
        "{found}. Use {used}, as the first row does.",
    ),
    "csv_quote_spans_lines": QT_TRANSLATE_NOOP(
        "Problems",
        "A quoted field opened on this line runs over {lines} lines and leaves {count} "
        "field(s), the first row {columns}: is a quote never closed?",
    ),
    "csv_unclosed_quote": QT_TRANSLATE_NOOP(
        "Problems", "A quote opened on this line is never closed. The rest was not read."
    ),
    "csv_quote_inside": QT_TRANSLATE_NOOP(
        "Problems",
        "A quoted field is closed on line {at} with more text after it (write a quote "
        'inside a quoted field twice: ""). The rest was not read.',
    ),
    "csv_stray_quote": QT_TRANSLATE_NOOP(
        "Problems",
        "A quote inside a field that does not start with one: put the whole field in "
        'quotes and write the quote twice ("").',
    ),
    "csv_field_too_long": QT_TRANSLATE_NOOP(
        "Problems", "A field is longer than {limit} characters. The rest was not read."
    ),
    "csv_unreadable": QT_TRANSLATE_NOOP(
        "Problems", "Cannot be read as CSV. The rest was not read."
    ),
    "mhtml_unreadable": QT_TRANSLATE_NOOP("Problems", "Cannot be read as an MHTML file."),
    "mhtml_undecodable": QT_TRANSLATE_NOOP("Problems", "Its HTML part cannot be decoded."),
    "price_doubt": QT_TRANSLATE_NOOP("Problems", "Must be 'ambiguous' or 'inferred'."),
    # Capture (i12a): languages typed in a person's fields.
    "one_language": QT_TRANSLATE_NOOP("Problems", "One language code only, such as ro."),
    "language_codes": QT_TRANSLATE_NOOP(
        "Problems", "Use language codes such as sv, or several as ro, en."
    ),
    # -- photos of the evidence (i12c) --
    "photo_empty": QT_TRANSLATE_NOOP("Problems", "The file is empty."),
    "photo_not_image": QT_TRANSLATE_NOOP("Problems", "Not a JPEG or PNG image."),
    "photo_damaged": QT_TRANSLATE_NOOP("Problems", "The image is damaged or cut short."),
    "photo_too_many_pixels": QT_TRANSLATE_NOOP("Problems", "More than {limit} million pixels."),
    "photo_too_large": QT_TRANSLATE_NOOP("Problems", "Larger than {limit} MB."),
    "photo_unreadable": QT_TRANSLATE_NOOP("Problems", "The file cannot be read."),
    "photo_not_file": QT_TRANSLATE_NOOP("Problems", "Not an ordinary file."),
    "photo_no_element": QT_TRANSLATE_NOOP("Problems", "No such offence element in this case."),
    "photo_seizure_payment": QT_TRANSLATE_NOOP(
        "Problems", "A photo of seized money belongs to the payment."
    ),
    "photo_hash": QT_TRANSLATE_NOOP("Problems", "Not a SHA-256 in hexadecimal."),
    "photo_missing": QT_TRANSLATE_NOOP("Problems", "The photo is not in this vault."),
    # Station staff (i19): retention, review, access log
    "retention_days_range": QT_TRANSLATE_NOOP("Problems", "Between 0 and {max} days."),
    "conflict_unknown": QT_TRANSLATE_NOOP("Problems", "No open conflict has that id."),
    "conflict_ambiguous": QT_TRANSLATE_NOOP(
        "Problems", "More than one open conflict starts so; give more of the id."
    ),
    "conflict_keep_a_side": QT_TRANSLATE_NOOP(
        "Problems", "A withdrawal is settled by keeping one side."
    ),
    "conflict_value_kind": QT_TRANSLATE_NOOP("Problems", "Give a {kind}, like the two sides."),
    "conflict_keep_or_value": QT_TRANSLATE_NOOP("Problems", "Keep a side or give a value."),
    "review_state": QT_TRANSLATE_NOOP("Problems", "Received, needs attention or reviewed."),
    "operation_not_linked": QT_TRANSLATE_NOOP(
        "Problems", "That operation is not linked into another."
    ),
    "date_format": QT_TRANSLATE_NOOP("Problems", "A date as YYYY-MM-DD."),
    "date_order": QT_TRANSLATE_NOOP("Problems", "The first date comes after the last."),
    "conflict_keep_side": QT_TRANSLATE_NOOP("Problems", "Keep the current or the incoming value."),
}


def known_error_text(code: str, params: dict[str, object]) -> str | None:
    """The words for a ``KnownError``'s code and params, or None if the code has none here."""
    template = PROBLEM_TEXTS.get(code)
    if template is None:
        return None
    try:
        return QCoreApplication.translate(_CTX, template).format(**params)
    except (KeyError, IndexError):  # a template naming a param the error lacks
        return None


def coded_text(value: Reason) -> str | None:
    """The words for a coded reason in the UI language, or None if the code has none yet."""
    template = PROBLEM_TEXTS.get(value.code)
    if template is None:
        return None
    return QCoreApplication.translate(_CTX, template).format(**value.params)
