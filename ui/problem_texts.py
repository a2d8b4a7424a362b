"""Words for the core's codes (``fieldapp.errors``): refusal reasons and known errors.

One table: each code maps to an English template whose ``{names}`` are the reason's or the
error's ``params``; Swedish comes from the translation file (context "Problems") like every
other string. Nothing here matches English text: the core's English is for the CLI and logs.
A code without words shows a generic text (and ``tests/ui/test_problem_texts.py`` fails).
A code that says a value is missing is ``required`` or ends in ``_required``.
Keep a block per area, so that engineers adding codes in parallel merge cleanly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from fieldapp.errors import Reason, as_reason
from ui.i18n import QT_TRANSLATE_NOOP

_CTX = "Problems"
# The one date hint of the app: forms' placeholders and reasons use it alike.
DATE_HINT = QT_TRANSLATE_NOOP("Problems", "YYYY-MM-DD")

PROBLEM_TEXTS: dict[str, str] = {
    # -- Shared by every form
    "invalid_input": QT_TRANSLATE_NOOP("Problems", "The value was not accepted."),
    "known_error": QT_TRANSLATE_NOOP("Problems", "This could not be done."),
    "required": QT_TRANSLATE_NOOP("Problems", "Required."),
    "too_long": QT_TRANSLATE_NOOP("Problems", "At most {limit} characters."),
    "not_text": QT_TRANSLATE_NOOP("Problems", "Must be text."),
    "not_a_choice": QT_TRANSLATE_NOOP("Problems", "Choose one of the listed values."),
    "not_whole_number": QT_TRANSLATE_NOOP("Problems", "Enter a whole number."),
    "negative": QT_TRANSLATE_NOOP("Problems", "Must not be negative."),
    "too_small": QT_TRANSLATE_NOOP("Problems", "At least {minimum}."),
    "too_large": QT_TRANSLATE_NOOP("Problems", "At most {maximum}."),
    "too_many": QT_TRANSLATE_NOOP("Problems", "At most {limit}."),
    "out_of_range": QT_TRANSLATE_NOOP(
        "Problems",
        "Enter a whole number from {minimum} to {maximum}.",
    ),
    "range_reversed": QT_TRANSLATE_NOOP("Problems", "Must be more than the amount."),
    "not_yes_no": QT_TRANSLATE_NOOP("Problems", "Choose yes or no."),
    "not_a_date": QT_TRANSLATE_NOOP("Problems", "Not a real date (use {date_hint})."),
    "after_date": QT_TRANSLATE_NOOP("Problems", "Must not be after {date}."),
    "before_date": QT_TRANSLATE_NOOP("Problems", "Must not be before {date}."),
    "not_a_time": QT_TRANSLATE_NOOP("Problems", "Not a real time."),
    "no_time_zone": QT_TRANSLATE_NOOP(
        "Problems",
        "Give the date alone, or a time with its time zone.",
    ),
    "in_future": QT_TRANSLATE_NOOP("Problems", "Must not be in the future."),
    "end_before_start": QT_TRANSLATE_NOOP("Problems", "Must not be before the start."),
    "malformed": QT_TRANSLATE_NOOP("Problems", "The value has the wrong form."),
    "wrong_type": QT_TRANSLATE_NOOP("Problems", "The value has the wrong type."),
    "wrong_form": QT_TRANSLATE_NOOP("Problems", "Not in the form the format requires."),
    "not_the_value": QT_TRANSLATE_NOOP("Problems", "Not the value the format requires."),
    "unknown_field": QT_TRANSLATE_NOOP("Problems", "Not a field of this format."),
    "not_storable": QT_TRANSLATE_NOOP("Problems", "The record cannot be stored."),
    # Station register of laptops and input caps (i14a): reasons, and KnownError codes.
    "revoke_reason": QT_TRANSLATE_NOOP("Problems", "Choose lost, stolen or retired."),
    "laptop_unknown": QT_TRANSLATE_NOOP("Problems", "No such registered laptop."),
    "input_refused": QT_TRANSLATE_NOOP("Problems", "{file} cannot be read."),
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
    # -- Persons, contacts and their numbers
    "not_a_phone": QT_TRANSLATE_NOOP("Problems", "Not a phone number."),
    "impossible_phone": QT_TRANSLATE_NOOP(
        "Problems",
        "Not a possible phone number (too short or too long).",
    ),
    "not_a_language": QT_TRANSLATE_NOOP("Problems", "Use a language code such as sv, en, ro."),
    "not_a_country": QT_TRANSLATE_NOOP("Problems", "Use a two-letter country code such as SE, RO."),
    "not_a_web_address": QT_TRANSLATE_NOOP(
        "Problems",
        "Use a full web address starting with https://.",
    ),
    "not_an_email": QT_TRANSLATE_NOOP("Problems", "Not an e-mail address."),
    "not_a_currency": QT_TRANSLATE_NOOP(
        "Problems",
        "Use a three-letter currency code such as SEK or EUR.",
    ),
    "id_digits": QT_TRANSLATE_NOOP("Problems", "Use 10 or 12 digits, e.g. 19811218-9876."),
    "id_characters": QT_TRANSLATE_NOOP("Problems", "Only digits and one '-' or '+'."),
    "id_check_digit": QT_TRANSLATE_NOOP("Problems", "The check digit is wrong (a typing error?)."),
    "id_no_such_date": QT_TRANSLATE_NOOP(
        "Problems",
        "The date of birth in the number does not exist.",
    ),
    "id_born_in_future": QT_TRANSLATE_NOOP(
        "Problems",
        "The date of birth in the number is in the future.",
    ),
    "birth_or_document_required": QT_TRANSLATE_NOOP(
        "Problems",
        "Required when there is no Swedish identity number.",
    ),
    "unknown_indicator": QT_TRANSLATE_NOOP("Problems", "Not a known sign of trafficking."),
    "role_fixed": QT_TRANSLATE_NOOP("Problems", "A person's role cannot change: record them anew."),
    "organisation_required": QT_TRANSLATE_NOOP(
        "Problems",
        "Choose a contact or name the organisation.",
    ),
    "contact_unreachable": QT_TRANSLATE_NOOP(
        "Problems",
        "A contact needs a phone number, an e-mail or a web address.",
    ),
    # -- Cases, operations and checklists
    "not_in_county": QT_TRANSLATE_NOOP("Problems", "Not a municipality of this county."),
    "unknown_county": QT_TRANSLATE_NOOP("Problems", "No such county profile."),
    "no_such_case": QT_TRANSLATE_NOOP("Problems", "No such case."),
    "no_such_operation": QT_TRANSLATE_NOOP("Problems", "No such operation."),
    "no_such_person": QT_TRANSLATE_NOOP("Problems", "No such person in this case."),
    "no_such_buyer": QT_TRANSLATE_NOOP("Problems", "No such buyer in this case."),
    "no_such_decision": QT_TRANSLATE_NOOP("Problems", "No such decision in this case."),
    "no_such_contact": QT_TRANSLATE_NOOP(
        "Problems",
        "No such contact in this operation's directory.",
    ),
    "no_such_record": QT_TRANSLATE_NOOP("Problems", "No such record (or it was withdrawn)."),
    "no_such_item": QT_TRANSLATE_NOOP("Problems", "No such checklist item."),
    "wrong_person_role": QT_TRANSLATE_NOOP("Problems", "This person has another role in the case."),
    "case_not_open": QT_TRANSLATE_NOOP(
        "Problems",
        "The case is closed or handed over: reopen it to change it.",
    ),
    "case_without_operation": QT_TRANSLATE_NOOP("Problems", "The case belongs to no operation."),
    "status_by_actions": QT_TRANSLATE_NOOP(
        "Problems",
        "Use close, reopen or hand over to change the case's status.",
    ),
    "checklist_open": QT_TRANSLATE_NOOP(
        "Problems",
        "Mandatory items are still open (listed above).",
    ),
    "tick_subject_required": QT_TRANSLATE_NOOP("Problems", "Say which person this is ticked for."),
    "void_reason_required": QT_TRANSLATE_NOOP("Problems", "Say why the record is withdrawn."),
    "operation_linked_elsewhere": QT_TRANSLATE_NOOP(
        "Problems",
        "That operation is itself linked into another.",
    ),
    "seizure_required": QT_TRANSLATE_NOOP(
        "Problems",
        "Required when the money was seized (record number and amount).",
    ),
    "seized_more_than_paid": QT_TRANSLATE_NOOP("Problems", "More than the amount handed over."),
    "rights_missing": QT_TRANSLATE_NOOP(
        "Problems",
        "The rights must include the right to a lawyer, to stay silent and to information"
        " (RB 23:18).",
    ),
    "dangling_reference": QT_TRANSLATE_NOOP("Problems", "No record with this id in the document."),
    "duplicate_id": QT_TRANSLATE_NOOP("Problems", "Used by another record in this document."),
    "ticked_twice": QT_TRANSLATE_NOOP("Problems", "This item is ticked twice for the same person."),
    # -- The law: sanctions, decisions, day-fines, documents
    "sanction_required": QT_TRANSLATE_NOOP(
        "Problems",
        "Required for a summary penalty order: day-fines and/or conditional sentence.",
    ),
    "day_fine_amount_required": QT_TRANSLATE_NOOP("Problems", "Enter the amount per day-fine too."),
    "day_fines_required": QT_TRANSLATE_NOOP("Problems", "Enter the number of day-fines too."),
    "day_fines_out_of_range": QT_TRANSLATE_NOOP(
        "Problems",
        "The number of day-fines must be between {minimum} and {maximum}.",
    ),
    "day_fine_amount_out_of_range": QT_TRANSLATE_NOOP(
        "Problems",
        "The amount per day-fine must be between {minimum} and {maximum} kr.",
    ),
    "fine_total_too_low": QT_TRANSLATE_NOOP(
        "Problems",
        "The total fine must be at least {minimum} kr.",
    ),
    "day_fines_alone_removed": QT_TRANSLATE_NOOP(
        "Problems",
        "Day-fines alone are not allowed for offences on this date (fines were removed "
        "from the scale on {date}); use conditional sentence, with or without day-fines.",
    ),
    "sanction_not_allowed": QT_TRANSLATE_NOOP(
        "Problems",
        "This sanction is not allowed by summary penalty order for offences on this date.",
    ),
    "summary_order_child_case": QT_TRANSLATE_NOOP(
        "Problems",
        "No summary penalty order in a child case ({section}): the case goes to the prosecutor.",
    ),
    "conditional_under_18": QT_TRANSLATE_NOOP(
        "Problems",
        "A conditional sentence cannot be given by summary penalty order for an offence "
        "committed under 18.",
    ),
    "advance_approval_too_early": QT_TRANSLATE_NOOP(
        "Problems",
        "Advance approval is possible only for offences from 2023-01-01.",
    ),
    "advance_approval_under_18": QT_TRANSLATE_NOOP(
        "Problems",
        "Advance approval is never possible for a suspect under 18.",
    ),
    "advance_approval_age": QT_TRANSLATE_NOOP(
        "Problems",
        "Advance approval is never possible for a suspect under {age} or of unknown age.",
    ),
    "advance_approval_child_case": QT_TRANSLATE_NOOP(
        "Problems",
        "No advance approval in a child case: the case goes to the prosecutor.",
    ),
    "summary_order_by_prosecutor": QT_TRANSLATE_NOOP(
        "Problems",
        "Before 2023 only a prosecutor could issue a summary penalty order; the recorded "
        "decision is an investigation leader's.",
    ),
    "decision_missing": QT_TRANSLATE_NOOP(
        "Problems",
        "No decision by a prosecutor or investigation leader is recorded for this buyer: "
        "record it before printing the form.",
    ),
    "decision_not_summary": QT_TRANSLATE_NOOP(
        "Problems",
        "The recorded decision is not a summary penalty order: there is no form to sign.",
    ),
    "description_required": QT_TRANSLATE_NOOP(
        "Problems",
        "The recorded elements show neither an offence nor an attempt: record them or "
        "write the description of the act.",
    ),
    "no_rules_for_date": QT_TRANSLATE_NOOP(
        "Problems",
        "No rules cover this date; the earliest start on {date}.",
    ),
    "income_required": QT_TRANSLATE_NOOP("Problems", "Enter the buyer's annual income first."),
    "not_a_year": QT_TRANSLATE_NOOP("Problems", "Enter a year such as 2013."),
    "no_year_parameters": QT_TRANSLATE_NOOP(
        "Problems",
        "No day-fine figures for {year}; known years are {first}–{last}.",
    ),
    "brytpunkt_unknown": QT_TRANSLATE_NOOP(
        "Problems",
        "The brytpunkt for {year} is not known: use the skiktgräns.",
    ),
    "wealth_negative": QT_TRANSLATE_NOOP(
        "Problems",
        "Must not be negative: enter 0 if debts exceed assets.",
    ),
    "spouse_has_income": QT_TRANSLATE_NOOP("Problems", "Only for a spouse without income."),
    "spouse_deduction_too_large": QT_TRANSLATE_NOOP(
        "Problems",
        "At most {maximum} kr in {year} (one prisbasbelopp).",
    ),
    "payment_free_without_restructuring": QT_TRANSLATE_NOOP(
        "Problems",
        "Only under debt restructuring.",
    ),
    "payment_free_required": QT_TRANSLATE_NOOP("Problems", "Required under debt restructuring."),
    "no_buyer": QT_TRANSLATE_NOOP("Problems", "This case has no buyer."),
    "choose_buyer": QT_TRANSLATE_NOOP("Problems", "The case has several buyers: choose one."),
    "no_text_in_language": QT_TRANSLATE_NOOP(
        "Problems",
        "There is no text in this language ({language}).",
    ),
    "operation_without_county": QT_TRANSLATE_NOOP(
        "Problems",
        "The operation has no county, so there is no tip line to print.",
    ),
    # -- The ad register, its files, outreach and tips
    "ad_site_required": QT_TRANSLATE_NOOP("Problems", "Enter the site or the ad's web address."),
    "ad_text_required": QT_TRANSLATE_NOOP(
        "Problems",
        "Paste the ad's text (or at least its title).",
    ),
    "last_before_first_seen": QT_TRANSLATE_NOOP(
        "Problems",
        "Must not be before it was first seen.",
    ),
    "linked_without_link": QT_TRANSLATE_NOOP(
        "Problems",
        "Link the ad to a case or a person first.",
    ),
    "two_ads_needed": QT_TRANSLATE_NOOP("Problems", "Name at least two different ads."),
    "case_closed_for_ads": QT_TRANSLATE_NOOP(
        "Problems", "The case is closed or handed over: reopen it to link or unlink ads."
    ),
    "ad_not_linked": QT_TRANSLATE_NOOP(
        "Problems",
        "The ad is not linked to this case: link it to the case first.",
    ),
    "use_link_actions": QT_TRANSLATE_NOOP(
        "Problems",
        "Use the link or file actions to change this.",
    ),
    "no_such_attachment": QT_TRANSLATE_NOOP("Problems", "The ad has no such file."),
    "not_a_price": QT_TRANSLATE_NOOP(
        "Problems",
        "Part {part} is not a price: write it as e.g. 1 500 kr / 30 min.",
    ),
    "price_ambiguous": QT_TRANSLATE_NOOP(
        "Problems",
        "Part {part}: the amount can be read more than one way; write it without decimals.",
    ),
    "not_a_screenshot_type": QT_TRANSLATE_NOOP(
        "Problems",
        "Not a picture: add screenshots as {types}.",
    ),
    "attachment_not_here": QT_TRANSLATE_NOOP(
        "Problems",
        "The file is not on this laptop (it has not been synced here).",
    ),
    "company_listed": QT_TRANSLATE_NOOP("Problems", "The directory already lists this company."),
    "tip_source_required": QT_TRANSLATE_NOOP(
        "Problems",
        "Choose the company, or say who else gave the tip.",
    ),
    "no_such_company": QT_TRANSLATE_NOOP("Problems", "No such company in the directory."),
    "company_other_county": QT_TRANSLATE_NOOP(
        "Problems",
        "The company is in another county's directory.",
    ),
    "unknown_file_kind": QT_TRANSLATE_NOOP(
        "Problems",
        "Not a .csv, .html or .mhtml file: say which it is.",
    ),
    "file_too_large": QT_TRANSLATE_NOOP(
        "Problems",
        "The file is too large (at most {mb} MB): split it.",
    ),
    "file_unreadable": QT_TRANSLATE_NOOP("Problems", "The file cannot be read."),
    "file_unwritable": QT_TRANSLATE_NOOP("Problems", "The file cannot be written."),
    "file_empty": QT_TRANSLATE_NOOP("Problems", "The file is empty."),
    "binary_file": QT_TRANSLATE_NOOP("Problems", "Binary data, not a text file."),
    "not_utf8": QT_TRANSLATE_NOOP(
        "Problems",
        'Not UTF-8 text: save the file as "CSV UTF-8" and import it again.',
    ),
    "not_json": QT_TRANSLATE_NOOP("Problems", "Not valid JSON (line {line}, column {column})."),
    "no_header": QT_TRANSLATE_NOOP("Problems", "No header row."),
    "column_twice": QT_TRANSLATE_NOOP("Problems", "The column appears twice."),
    "no_text_column": QT_TRANSLATE_NOOP(
        "Problems",
        "No text or title column (the first row must name the columns).",
    ),
    "field_count": QT_TRANSLATE_NOOP(
        "Problems",
        "{fields} fields, but the first row names {columns} columns.",
    ),
    "quote_not_closed": QT_TRANSLATE_NOOP(
        "Problems",
        "A quotation mark opened on this line is never closed.",
    ),
    "same_url_as_line": QT_TRANSLATE_NOOP("Problems", "The same web address as line {line}."),
    "not_a_web_page": QT_TRANSLATE_NOOP("Problems", "Not a web page."),
    "tag_not_closed": QT_TRANSLATE_NOOP(
        "Problems",
        "A part of the page is never closed: the page is cut off or broken.",
    ),
    "page_without_text": QT_TRANSLATE_NOOP("Problems", "The page holds no visible text."),
    "mhtml_without_page": QT_TRANSLATE_NOOP("Problems", "The MHTML file holds no web page."),
    "part_undecodable": QT_TRANSLATE_NOOP(
        "Problems",
        "The page inside the file cannot be decoded.",
    ),
    "not_mhtml": QT_TRANSLATE_NOOP("Problems", "Not an MHTML file."),
    "mhtml_cut_off": QT_TRANSLATE_NOOP(
        "Problems",
        "The file ends before its last part does: it is cut off.",
    ),
    "mhtml_no_parts": QT_TRANSLATE_NOOP("Problems", "No part of the file starts: it is damaged."),
    "base64_damaged": QT_TRANSLATE_NOOP("Problems", "A part of the file is damaged."),
    "unknown_encoding": QT_TRANSLATE_NOOP("Problems", "The page names an unknown text encoding."),
    "not_in_encoding": QT_TRANSLATE_NOOP(
        "Problems",
        "Not readable in the page's own text encoding.",
    ),
    "import_refused": QT_TRANSLATE_NOOP(
        "Problems",
        "Nothing was imported: the file has the problems listed.",
    ),
    # -- The vault, officers and unlocking (KnownError classes)
    "wrong_passphrase": QT_TRANSLATE_NOOP("Problems", "Wrong officer id or passphrase."),
    "backoff_active": QT_TRANSLATE_NOOP(
        "Problems",
        "Too many failed attempts. Wait {seconds} s and try again.",
    ),
    "key_file_error": QT_TRANSLATE_NOOP(
        "Problems",
        "The key file (vault.keys) is damaged, missing or of an unknown version, so the "
        "vault cannot be opened. Nothing has been changed. Contact your administrator: "
        "the station can restore access.",
    ),
    "vault_damaged": QT_TRANSLATE_NOOP(
        "Problems",
        "The vault database (vault.db) is damaged or does not belong to this key file. "
        "Nothing has been changed. Contact your administrator.",
    ),
    "vault_exists": QT_TRANSLATE_NOOP("Problems", "A vault already exists in this folder."),
    "no_vault": QT_TRANSLATE_NOOP("Problems", "There is no vault in this folder yet."),
    "storage_unavailable": QT_TRANSLATE_NOOP(
        "Problems",
        "The disk refused to save (full, read-only or no permission). Nothing was saved.",
    ),
    "unsupported_build": QT_TRANSLATE_NOOP(
        "Problems",
        "This installation lacks the encryption library. Reinstall the application.",
    ),
    "not_permitted": QT_TRANSLATE_NOOP("Problems", "Your role does not permit this."),
    "session_locked": QT_TRANSLATE_NOOP("Problems", "The vault is locked. Unlock it to continue."),
    "weak_passphrase": QT_TRANSLATE_NOOP("Problems", "This passphrase is not accepted."),
    "vault_too_new": QT_TRANSLATE_NOOP(
        "Problems",
        "The vault was written by a newer version of the program: update the program.",
    ),
    "index_missing": QT_TRANSLATE_NOOP("Problems", "The ad search index is not open."),
    "display_name_form": QT_TRANSLATE_NOOP("Problems", "Enter a name of at most 80 characters."),
    "officer_id_form": QT_TRANSLATE_NOOP(
        "Problems",
        "Use 2–32 letters, digits, '.', '_' or '-' (your service id).",
    ),
    "officer_enrolled": QT_TRANSLATE_NOOP("Problems", "This officer is already enrolled."),
    "officer_not_enrolled": QT_TRANSLATE_NOOP("Problems", "This officer is not enrolled."),
    "passphrase_unchanged": QT_TRANSLATE_NOOP(
        "Problems",
        "The new passphrase must differ from the current one.",
    ),
    "last_administrator": QT_TRANSLATE_NOOP(
        "Problems",
        "The last administrator cannot be removed.",
    ),
    "idle_timeout_range": QT_TRANSLATE_NOOP(
        "Problems",
        "Choose a lock time between 30 seconds and 60 minutes.",
    ),
    "entries_differ": QT_TRANSLATE_NOOP("Problems", "The two entries differ."),
    # -- Station sync: bundles, cards, receipts
    "bundle_rejected": QT_TRANSLATE_NOOP(
        "Problems",
        "The bundle cannot be used: it is damaged or not for this station.",
    ),
    "bundle_alarm": QT_TRANSLATE_NOOP(
        "Problems",
        "The bundle was refused and recorded as an alarm for review.",
    ),
    "not_a_bundle": QT_TRANSLATE_NOOP(
        "Problems",
        "Not a bundle of this program (or its start is damaged).",
    ),
    "bundle_truncated": QT_TRANSLATE_NOOP("Problems", "The bundle is cut off."),
    "bundle_damaged": QT_TRANSLATE_NOOP("Problems", "The bundle is damaged."),
    "bundle_altered": QT_TRANSLATE_NOOP("Problems", "The bundle was altered after it was sealed."),
    "bundle_undecryptable": QT_TRANSLATE_NOOP(
        "Problems",
        "The bundle cannot be decrypted with this station's key: it is damaged or was "
        "sealed for another station.",
    ),
    "bundle_other_station": QT_TRANSLATE_NOOP(
        "Problems",
        "The bundle is sealed for another station.",
    ),
    "not_a_station": QT_TRANSLATE_NOOP("Problems", "This vault is not a station."),
    # The station's PostgreSQL database (issue #18).
    "station_db_bad_url": QT_TRANSLATE_NOOP("Problems", "The database address cannot be read."),
    "station_db_unreachable": QT_TRANSLATE_NOOP(
        "Problems", "The station's database server cannot be reached."
    ),
    "station_db_login_refused": QT_TRANSLATE_NOOP("Problems", "The database refused the login."),
    "station_db_missing": QT_TRANSLATE_NOOP("Problems", "That database does not exist."),
    "station_db_not_station": QT_TRANSLATE_NOOP(
        "Problems", "That database holds no station of this program."
    ),
    "station_db_exists": QT_TRANSLATE_NOOP(
        "Problems", "That database holds a station already; nothing was changed."
    ),
    "station_db_other_station": QT_TRANSLATE_NOOP(
        "Problems", "That database is station {found}'s, not {expected}'s."
    ),
    "station_schema_newer": QT_TRANSLATE_NOOP(
        "Problems",
        "The station's database is at version {version}; this program knows up to {known}: "
        "update the program on this PC.",
    ),
    "station_schema_older": QT_TRANSLATE_NOOP(
        "Problems",
        "The station's database is at version {version}; its owner must migrate it to {known}.",
    ),
    "station_db_body_damaged": QT_TRANSLATE_NOOP(
        "Problems",
        "A stored record does not open with the station's key: it was altered or moved.",
    ),
    "station_db_keys_damaged": QT_TRANSLATE_NOOP(
        "Problems",
        "The station's sealed keys do not open: they were altered or are another station's.",
    ),
    "station_keys_unsealed": QT_TRANSLATE_NOOP(
        "Problems",
        "The station's keys and records are kept unencrypted: migrate the database with a "
        "staff member's passphrase to seal them. Nothing was changed.",
    ),
    "station_migrate_needs_staff": QT_TRANSLATE_NOOP(
        "Problems",
        "This migration reads the station's records, which needs a staff member's "
        "passphrase: migrate with one. Nothing was changed.",
    ),
    "station_staff_form": QT_TRANSLATE_NOOP("Problems", "Staff name: 1–64 characters, required."),
    "station_staff_exists": QT_TRANSLATE_NOOP(
        "Problems", "That staff member can unlock the station already."
    ),
    "station_staff_unknown": QT_TRANSLATE_NOOP(
        "Problems", "That staff member has no key to the station."
    ),
    "station_staff_last": QT_TRANSLATE_NOOP(
        "Problems",
        "That is the last staff member who can unlock the station: add another one first.",
    ),
    "station_staff_needs_database": QT_TRANSLATE_NOOP(
        "Problems",
        "Staff keys belong to a station kept in PostgreSQL; a station vault's staff are its "
        "officers.",
    ),
    "station_db_lost": QT_TRANSLATE_NOOP(
        "Problems",
        "The connection to the station's database was lost; nothing of the unfinished work "
        "was kept. Try again.",
    ),
    "station_db_read_only": QT_TRANSLATE_NOOP(
        "Problems",
        "This is done at a station vault or a laptop, not from the station's database.",
    ),
    "station_db_conflict": QT_TRANSLATE_NOOP(
        "Problems",
        "Another station PC stored the same records at the same moment; nothing was kept. "
        "Try again.",
    ),
    "station_db_not_permitted": QT_TRANSLATE_NOOP(
        "Problems", "The database does not permit this for this login."
    ),
    "station_db_server_refused": QT_TRANSLATE_NOOP(
        "Problems",
        "The station's database server refused the work (SQLSTATE {sqlstate}); nothing of "
        "it was kept.",
    ),
    "station_db_password_given": QT_TRANSLATE_NOOP(
        "Problems",
        "A password is never given on the command line: use a service file, a password "
        "file or the prompt.",
    ),
    "not_a_station_card": QT_TRANSLATE_NOOP("Problems", "Not a station card."),
    "station_card_mismatch": QT_TRANSLATE_NOOP(
        "Problems", "The station card is damaged: its fingerprint does not match its keys."
    ),
    "station_card_damaged": QT_TRANSLATE_NOOP("Problems", "The station card is damaged."),
    "station_enrols_station": QT_TRANSLATE_NOOP(
        "Problems",
        "A station does not enrol another station's card.",
    ),
    "other_station_enrolled": QT_TRANSLATE_NOOP(
        "Problems",
        "This laptop already sends to another station.",
    ),
    "no_station": QT_TRANSLATE_NOOP(
        "Problems",
        "No station is enrolled on this laptop: enrol the station's card first.",
    ),
    "receipt_unreadable": QT_TRANSLATE_NOOP(
        "Problems",
        "Not a receipt from this laptop's station.",
    ),
    "receipt_other_station": QT_TRANSLATE_NOOP(
        "Problems",
        "The receipt comes from another station.",
    ),
    "receipt_forged": QT_TRANSLATE_NOOP(
        "Problems",
        "The station's signature on the receipt does not verify.",
    ),
    "receipt_other_laptop": QT_TRANSLATE_NOOP("Problems", "The receipt is for another laptop."),
    "receipt_chain_differs": QT_TRANSLATE_NOOP(
        "Problems",
        "The station holds a different record than this laptop at sequence {seq}. Do not "
        "purge; report it to the station.",
    ),
    "not_a_card_key": QT_TRANSLATE_NOOP("Problems", "Not a station card key."),
    "no_recovery_slot": QT_TRANSLATE_NOOP(
        "Problems",
        "This laptop's vault never enrolled this station's card.",
    ),
    "recovery_slot_closed": QT_TRANSLATE_NOOP(
        "Problems",
        "The recovery slot does not open with this station's key.",
    ),
    "bundle_empty": QT_TRANSLATE_NOOP("Problems", "The bundle holds no records."),
    "bundle_too_large": QT_TRANSLATE_NOOP(
        "Problems", "The bundle is larger than a station accepts."
    ),
    "register_refused": QT_TRANSLATE_NOOP("Problems", "This laptop card cannot be registered."),
    "laptop_card_unwritten": QT_TRANSLATE_NOOP(
        "Problems", "Enrolled, but the laptop card was not written: write it again."
    ),
    "laptop_id_ambiguous": QT_TRANSLATE_NOOP(
        "Problems", "More than one registered laptop has that device id."
    ),
    "no_such_folder": QT_TRANSLATE_NOOP("Problems", "No such folder; nothing was imported."),
    "folder_unwritable": QT_TRANSLATE_NOOP(
        "Problems", "The folder cannot be written; nothing was imported."
    ),
    "alarm_note_required": QT_TRANSLATE_NOOP("Problems", "Say what was done about the alarm."),
    "confirm_with_yes": QT_TRANSLATE_NOOP("Problems", "Compare the fingerprint, then confirm."),
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
    "conflict_settled": QT_TRANSLATE_NOOP(
        "Problems",
        "Another reviewer settled that conflict a moment ago; nothing was changed.",
    ),
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
    # -- Merged this session: material, card key, purge, pages
    "copies_range": QT_TRANSLATE_NOOP("Problems", "Between 1 and {max} copies."),
    "languages_none": QT_TRANSLATE_NOOP("Problems", "Choose at least one language."),
    "operation_choose": QT_TRANSLATE_NOOP(
        "Problems", "There are {count} operations: choose the one whose contacts go on it."
    ),
    "operation_none": QT_TRANSLATE_NOOP(
        "Problems", "There is no operation yet, so there are no contacts to print."
    ),
    "wrong_card_key_passphrase": QT_TRANSLATE_NOOP(
        "Problems", "Wrong passphrase for the station card key."
    ),
    "page_markup_broken": QT_TRANSLATE_NOOP(
        "Problems", "The page's markup is broken and cannot be read."
    ),
    "purge_without_receipt": QT_TRANSLATE_NOOP(
        "Problems", "No receipt from the station covers this case: it cannot be purged yet."
    ),
    "purge_not_acknowledged": QT_TRANSLATE_NOOP(
        "Problems", "The station has not acknowledged every event of this case yet."
    ),
    # -- Installation (i17): upgrades and downgrades, provisioning --
    "key_file_too_new": QT_TRANSLATE_NOOP(
        "Problems",
        "The key file (vault.keys) was written by a newer version of the program (format "
        "{version}; this one reads {supported}). Nothing has been changed: update the program.",
    ),
    "provision_missing": QT_TRANSLATE_NOOP("Problems", "There is no such provisioning file."),
    "provision_encoding": QT_TRANSLATE_NOOP("Problems", "The file is not UTF-8 text."),
    "provision_syntax": QT_TRANSLATE_NOOP("Problems", "Not valid TOML (line {line})."),
    "provision_format": QT_TRANSLATE_NOOP(
        "Problems", 'The file must begin with format = "fieldapp-provisioning".'
    ),
    "provision_version": QT_TRANSLATE_NOOP("Problems", "The version must be 1."),
    "provision_too_new": QT_TRANSLATE_NOOP(
        "Problems",
        "Written for a newer program (version {version}; this one reads {supported}).",
    ),
    "provision_unknown_setting": QT_TRANSLATE_NOOP(
        "Problems", "{name} is not a setting that can be managed."
    ),
    "provision_wrong_type": QT_TRANSLATE_NOOP("Problems", "Must be text."),
    "provision_not_minutes": QT_TRANSLATE_NOOP("Problems", "Must be a whole number of minutes."),
    "provision_station_card_missing": QT_TRANSLATE_NOOP(
        "Problems", "There is no station card at {path}."
    ),
    "provision_station_card_invalid": QT_TRANSLATE_NOOP(
        "Problems", "{path} is not a valid station card."
    ),
    "provision_out_of_range": QT_TRANSLATE_NOOP("Problems", "Must be between {low} and {high}."),
    "provision_language": QT_TRANSLATE_NOOP("Problems", "Must be one of {known}."),
    "provision_printer": QT_TRANSLATE_NOOP(
        "Problems", "A printer's name: 1–{limit} characters on one line."
    ),
}
_UNKNOWN = QT_TRANSLATE_NOOP("Problems", "This was not accepted.")


def date_hint() -> str:
    """``YYYY-MM-DD`` in the UI language (``ÅÅÅÅ-MM-DD`` in Swedish)."""
    return QCoreApplication.translate(_CTX, DATE_HINT)


def code_text(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The words for ``code`` in the UI language, its ``{names}`` filled from ``params``;
    a generic text for a code that has no words here."""
    template = PROBLEM_TEXTS.get(code)
    if template is None:
        return QCoreApplication.translate(_CTX, _UNKNOWN)
    values = {"date_hint": date_hint(), **(params or {})}
    try:
        return QCoreApplication.translate(_CTX, template).format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation that names a parameter the core did not give: the words without it.
        return QCoreApplication.translate(_CTX, _UNKNOWN)


def missing_value(reason: str) -> bool:
    """Whether a reason says a value is missing: by convention its code is ``required`` or
    ends in ``_required`` (a form lists those once instead of marking every field)."""
    code = as_reason(reason).code
    return code == "required" or code.endswith("_required")


def coded_text(value: Reason) -> str:
    """The words for a coded reason in the UI language."""
    return code_text(value.code, value.params)
