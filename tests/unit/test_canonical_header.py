"""The fast canonical forms (event headers, and ``canonical`` for plain values) are exactly
RFC 8785, and whatever the fast path does not cover still comes out as RFC 8785."""

import rfc8785
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.storage.canonical import canonical
from fieldapp.storage.events import canonical_header

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
# Control characters, quotes, backslashes, DEL, U+2028/9 and characters beyond the BMP:
# everything an escaping rule could treat differently.
AWKWARD = st.text(
    st.one_of(
        st.characters(max_codepoint=0x20),
        st.sampled_from('"\\/\x7f\u2028\u2029\ufeff\uffff😀𝄞é'),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=20,
)
HEADER = st.dictionaries(
    st.text(st.characters(codec="ascii"), min_size=1, max_size=12),
    st.one_of(TEXT, st.integers(-(2**53) + 1, 2**53 - 1), st.lists(TEXT, max_size=4)),
    max_size=16,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53) + 1, 2**53 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    AWKWARD,
)
KEYS = st.one_of(st.text(st.characters(codec="ascii"), max_size=8), AWKWARD)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=30,
)


@given(HEADER)
def test_fast_header_matches_rfc8785(header: dict[str, object]) -> None:
    assert canonical_header(header) == rfc8785.dumps(header)


@given(VALUES)
def test_canonical_is_rfc8785_for_any_json_value(value: object) -> None:
    assert canonical(value) == rfc8785.dumps(value)


def test_non_ascii_keys_sort_by_utf16_units_as_rfc8785_requires() -> None:
    """U+1F600 (surrogates D83D DE00) sorts before U+FF5E in UTF-16 units, after it by code
    point: such keys must not take the fast path."""
    value = {"～": 2, "😀": 1}
    assert canonical(value) == rfc8785.dumps(value) == '{"😀":1,"～":2}'.encode()
