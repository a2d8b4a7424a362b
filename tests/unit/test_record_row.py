"""A record read from a row is filled in without the dataclass's __init__ (for speed): it
must be the very object the constructor makes, every field included."""

from __future__ import annotations

import dataclasses

from fieldapp.storage.records import Record, _record


def test_a_record_from_a_row_is_the_constructors() -> None:
    row = ("case", "c1", "op1", None, '{"room": "412"}', "t0", "o1", "t1", "o2", "e9", 1, "why")
    made = _record(row)
    expected = Record("case", "c1", "op1", None, {"room": "412"}, "t0", "o1", "t1", "o2", "e9",
                      True, "why")  # fmt: skip
    assert made == expected and repr(made) == repr(expected)
    assert list(vars(made)) == [f.name for f in dataclasses.fields(Record)]
    assert made.get("room") == "412" and made.voided is True
