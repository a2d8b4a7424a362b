"""Dated rule sets: the offence date picks the law, and the shipped files are well formed."""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from pathlib import Path

import pytest

from fieldapp.errors import InvalidInput
from fieldapp.legal import Confidence, RuleFileError, all_rule_sets, rules_for
from fieldapp.legal.rules import RULE_FILE_GLOB, load_rule_files, merge_rules
from fieldapp.paths import resource

TJANST = "köp av sexuell tjänst"
HANDLING = "köp av sexuell handling"
CHILD_OLD = "köp av sexuell handling av barn"
CHILD_NEW = "utnyttjande av barn genom köp av sexuell handling"


# (offence date, offence name, fines allowed, victim fund fee, advance approval)
BOUNDARIES = [
    (date(2011, 7, 1), TJANST, True, 500, False),
    (date(2013, 5, 15), TJANST, True, 500, False),  # the brochure's operation weeks
    (date(2015, 1, 31), TJANST, True, 500, False),
    (date(2015, 2, 1), TJANST, True, 800, False),
    (date(2022, 7, 31), TJANST, True, 800, False),
    (date(2022, 8, 1), TJANST, False, 800, False),
    (date(2022, 12, 31), TJANST, False, 800, False),
    (date(2023, 1, 1), TJANST, False, 800, True),
    (date(2023, 1, 31), TJANST, False, 800, True),
    (date(2023, 2, 1), TJANST, False, 1000, True),
    (date(2025, 6, 30), TJANST, False, 1000, True),
    (date(2025, 7, 1), HANDLING, False, 1000, True),
    (date(2030, 1, 1), HANDLING, False, 1000, True),
]


@pytest.mark.parametrize(("day", "name", "fines", "fee", "approval"), BOUNDARIES)
def test_offence_date_selects_the_law(
    day: date, name: str, fines: bool, fee: int, approval: bool
) -> None:
    rules = rules_for(day)
    assert rules.offence.name_sv == name
    assert rules.offence.section == "BrB 6:11"
    assert rules.fines_allowed is fines
    assert rules.summary_order.day_fines_alone is fines
    assert rules.victim_fund_fee_sek == fee
    assert rules.advance_approval is approval
    assert rules.max_prison_months == 12
    assert rules.advance_approval_min_age == 18
    assert rules.valid_from <= day


# (offence date, child offence name, fines allowed, max months, min months)
CHILD = [
    (date(2019, 12, 31), CHILD_OLD, True, 24, None),
    (date(2020, 1, 1), CHILD_NEW, False, 48, None),
    (date(2022, 7, 31), CHILD_NEW, False, 48, None),
    (date(2022, 8, 1), CHILD_NEW, False, 48, 6),
    (date(2025, 7, 1), CHILD_NEW, False, 48, 6),
]


@pytest.mark.parametrize(("day", "name", "fines", "max_months", "min_months"), CHILD)
def test_child_offence_by_date(
    day: date, name: str, fines: bool, max_months: int, min_months: int | None
) -> None:
    rules = rules_for(day)
    assert rules.child_offence.name_sv == name
    assert rules.child_offence.section == "BrB 6:9"
    assert rules.child_fines_allowed is fines
    assert rules.child_max_prison_months == max_months
    assert rules.child_min_prison_months == min_months
    assert rules.summary_order.for_child_offence is False


def test_summary_order_after_fines_were_removed_is_villkorlig_dom_only() -> None:
    before, after = rules_for(date(2022, 7, 31)), rules_for(date(2022, 8, 1))
    assert before.summary_order.day_fines_alone
    assert not after.summary_order.day_fines_alone
    for rules in (before, after):
        assert rules.summary_order.conditional_sentence
        assert rules.summary_order.conditional_with_day_fines


@pytest.mark.parametrize("day", [date(2011, 7, 1), date(2022, 8, 1), date(2025, 7, 1)])
def test_record_retention_is_five_years_for_fines_ten_for_villkorlig_dom(day: date) -> None:
    rules = rules_for(day)
    assert (rules.retention_years_fine, rules.retention_years_conditional) == (5, 10)
    assert rules.retention_years_conditional_under_18 == 5


def test_applied_files_are_the_merged_ids_in_date_order() -> None:
    rules = rules_for(date(2023, 1, 15))
    assert rules.applied_files == (
        "base-2011-07-01",
        "fee-800-2015-02-01",
        "child-offence-2020-01-01",
        "fines-removed-2022-08-01",
        "advance-approval-2023-01-01",
    )
    assert rules.id == "advance-approval-2023-01-01"
    assert rules.valid_from == date(2023, 1, 1)


def test_the_2025_renaming_is_labelled_partial_and_older_rules_confirmed() -> None:
    renamed = rules_for(date(2025, 7, 1))
    assert renamed.offence.confidence is Confidence.PARTIAL
    assert renamed.confidence_of("penalty.max_prison_months") is Confidence.PARTIAL
    assert renamed.confidence_of("penalty.fines_allowed") is Confidence.PARTIAL
    earlier = rules_for(date(2025, 6, 30))
    assert earlier.offence.confidence is Confidence.CONFIRMED
    assert earlier.confidence_of("penalty.fines_allowed") is Confidence.CONFIRMED
    assert earlier.confidence_of("fees.victim_fund_fee_sek") is Confidence.CONFIRMED
    assert earlier.confidence_of("summary_order.day_fines_alone") is Confidence.PARTIAL
    assert ("penalty.max_prison_months", Confidence.PARTIAL) in renamed.doubtful()


def test_restating_a_value_relabels_it_but_does_not_move_its_change_date() -> None:
    renamed = rules_for(date(2025, 7, 1))
    assert renamed.changed_since("penalty.fines_allowed") == date(2022, 8, 1)
    assert renamed.changed_since("penalty.max_prison_months") == date(2011, 7, 1)
    assert renamed.changed_since("offence") == date(2025, 7, 1)
    with pytest.raises(KeyError):
        renamed.changed_since("penalty.nonsense")


def test_offences_before_the_first_rule_set_are_refused() -> None:
    with pytest.raises(InvalidInput) as err:
        rules_for(date(2011, 6, 30))
    assert err.value.field == "offence_date"
    assert err.value.message == (
        "Offence date: no rule set covers 2011-06-30; the earliest starts on 2011-07-01."
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [(None, "Offence date: required."), ("2023-01-01", "Offence date: must be a date.")],
)
def test_missing_or_wrong_offence_date_is_refused(value: object, message: str) -> None:
    with pytest.raises(InvalidInput) as err:
        rules_for(value)  # type: ignore[arg-type]
    assert (err.value.field, err.value.message) == ("offence_date", message)


def test_a_datetime_counts_by_its_calendar_date() -> None:
    assert rules_for(datetime(2022, 8, 1, 0, 5)).fines_allowed is False
    assert rules_for(datetime(2022, 7, 31, 23, 55)).fines_allowed is True


def test_all_rule_sets_has_one_set_per_file_in_date_order() -> None:
    sets = all_rule_sets()
    assert [s.valid_from for s in sets] == [
        date(2011, 7, 1),
        date(2015, 2, 1),
        date(2020, 1, 1),
        date(2022, 8, 1),
        date(2023, 1, 1),
        date(2023, 2, 1),
        date(2025, 7, 1),
    ]
    assert [len(s.applied_files) for s in sets] == list(range(1, len(sets) + 1))


# --- the shipped files -------------------------------------------------------------------


def _shipped_paths() -> list[Path]:
    return sorted(resource("legal").glob(RULE_FILE_GLOB))


def test_every_toml_file_in_resources_legal_is_a_rule_file_or_yearly() -> None:
    # A misnamed rule file would be silently skipped by the glob; catch it here.
    all_toml = {p.name for p in resource("legal").glob("*.toml")}
    assert all_toml == {p.name for p in _shipped_paths()} | {"yearly.toml"}


@pytest.mark.parametrize("path", _shipped_paths(), ids=lambda p: p.name)
def test_every_rule_file_loads_with_date_id_summary_and_sources(path: Path) -> None:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    assert isinstance(data["valid_from"], date)
    assert not isinstance(data["valid_from"], datetime)
    assert isinstance(data["id"], str) and data["id"]
    assert isinstance(data["summary"], str) and "\n" not in data["summary"]
    assert data["sources"] and all(s.startswith("http") for s in data["sources"])


def test_no_two_rule_files_share_a_date_or_id() -> None:
    files = load_rule_files()
    assert len({f.valid_from for f in files}) == len(files)
    assert len({f.id for f in files}) == len(files)


def test_every_rule_set_source_appears_in_legal_md() -> None:
    # shared/ lies beside the checkout, for developers and CI alike.
    legal_md = Path(__file__).resolve().parents[3] / "shared" / "domain" / "LEGAL.md"
    if not legal_md.exists():
        pytest.skip("LEGAL.md (../shared/domain) is not beside this checkout")
    text = legal_md.read_text("utf-8")
    for f in load_rule_files():
        for url in f.sources:
            assert url in text, f"{f.id}: {url} is not cited in LEGAL.md"


# --- the loader refuses malformed files --------------------------------------------------

BASE = """
id = "base"
valid_from = 2011-07-01
summary = "Base."
sources = ["https://example.org/a"]
[offence]
name_sv = "a"
section = "BrB 6:11"
confidence = "confirmed"
[child_offence]
name_sv = "b"
section = "BrB 6:9"
confidence = "confirmed"
[penalty]
fines_allowed = true
max_prison_months = 12
child_fines_allowed = true
child_max_prison_months = 24
[summary_order]
day_fines_alone = true
conditional_sentence = true
conditional_with_day_fines = true
for_child_offence = false
[fees]
victim_fund_fee_sek = 500
[retention]
fine_years = 5
conditional_years = 10
conditional_under_18_years = 5
[advance_approval]
available = false
min_age = 18
"""


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, "utf-8")


def test_a_minimal_folder_merges_later_over_earlier(tmp_path: Path) -> None:
    _write(tmp_path, "2011-07-01-base.toml", BASE)
    _write(
        tmp_path,
        "2015-02-01-fee.toml",
        'id = "fee"\nvalid_from = 2015-02-01\nsummary = "Fee."\n'
        'sources = ["https://example.org/b"]\n[fees]\nvictim_fund_fee_sek = 800\n'
        '[confidence]\n"fees.victim_fund_fee_sek" = "unconfirmed"\n',
    )
    files = load_rule_files(tmp_path)
    assert merge_rules(files, date(2015, 1, 31)).victim_fund_fee_sek == 500
    later = merge_rules(files, date(2015, 2, 1))
    assert later.victim_fund_fee_sek == 800
    assert later.confidence_of("fees.victim_fund_fee_sek") is Confidence.UNCONFIRMED
    assert later.sources == ("https://example.org/a", "https://example.org/b")


@pytest.mark.parametrize(
    ("name", "text", "error"),
    [
        (
            "2015-02-01-x.toml",
            'id = "x"\nvalid_from = 2015-03-01\nsummary = "S."\nsources = ["https://e.org"]\n',
            "file name must start",
        ),
        ("2011-07-01-x.toml", BASE.replace('"base"', '"x"'), "also used by"),
        (
            "2012-01-01-x.toml",
            'id = "base"\nvalid_from = 2012-01-01\nsummary = "S."\nsources = ["https://e.org"]\n',
            "used by two files",
        ),
        (
            "2012-01-01-x.toml",
            'id = "x"\nvalid_from = 2012-01-01T00:00:00\nsummary = "S."\n'
            'sources = ["https://e.org"]\n',
            "must be a TOML date",
        ),
        (
            "2012-01-01-x.toml",
            'id = "x"\nvalid_from = 2012-01-01\nsummary = "S."\nsources = []\n',
            "non-empty list of URLs",
        ),
        (
            "2012-01-01-x.toml",
            'id = "x"\nvalid_from = 2012-01-01\nsummary = "S."\n'
            'sources = ["https://e.org"]\n[fees]\nvictim_fee = 1\n',
            "unknown key 'fees.victim_fee'",
        ),
        (
            "2012-01-01-x.toml",
            'id = "x"\nvalid_from = 2012-01-01\nsummary = "S."\n'
            'sources = ["https://e.org"]\n[penalty]\nmax_prison_months = true\n',
            "must be int",
        ),
        (
            "2012-01-01-x.toml",
            'id = "x"\nvalid_from = 2012-01-01\nsummary = "S."\n'
            'sources = ["https://e.org"]\n[confidence]\n"fees.victim_fund_fee_sek" = "partial"\n',
            "which it does not set",
        ),
        (
            "2012-01-01-x.toml",
            'id = "x"\nvalid_from = 2012-01-01\nsummary = "S."\n'
            'sources = ["https://e.org"]\n[offence]\nname_sv = "a"\n',
            "exactly name_sv",
        ),
        (
            "2012-01-01-x.toml",
            'id = "x"\nvalid_from = 2012-01-01\nsummary = "S."\n'
            'sources = ["https://e.org"]\n[offence]\nname_sv = "a"\nsection = "b"\n'
            'confidence = "sure"\n',
            "unknown confidence label",
        ),
        ("2012-01-01-x.toml", "id = ", "not valid TOML"),
    ],
)
def test_malformed_rule_files_are_refused(tmp_path: Path, name: str, text: str, error: str) -> None:
    _write(tmp_path, "2011-07-01-base.toml", BASE)
    _write(tmp_path, name, text)
    with pytest.raises(RuleFileError, match=error):
        load_rule_files(tmp_path)


def test_a_base_missing_a_key_is_refused_at_merge(tmp_path: Path) -> None:
    _write(tmp_path, "2011-07-01-base.toml", BASE.replace("victim_fund_fee_sek = 500\n", ""))
    with pytest.raises(RuleFileError, match=r"missing fees\.victim_fund_fee_sek"):
        merge_rules(load_rule_files(tmp_path), date(2012, 1, 1))


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="No rule files"):
        load_rule_files(tmp_path)
