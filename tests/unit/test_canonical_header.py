"""The fast canonical form of event headers is exactly RFC 8785."""

import rfc8785
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.storage.events import canonical_header

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
HEADER = st.dictionaries(
    st.text(st.characters(codec="ascii"), min_size=1, max_size=12),
    st.one_of(TEXT, st.integers(-(2**53) + 1, 2**53 - 1), st.lists(TEXT, max_size=4)),
    max_size=16,
)


@given(HEADER)
def test_fast_header_matches_rfc8785(header: dict[str, object]) -> None:
    assert canonical_header(header) == rfc8785.dumps(header)
