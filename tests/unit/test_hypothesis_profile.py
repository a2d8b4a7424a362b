"""The conftest's Hypothesis profile is the one in force: no deadline anywhere."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


def test_the_fieldapp_profile_is_loaded_without_a_deadline() -> None:
    assert settings.get_profile("fieldapp").deadline is None
    assert settings().deadline is None  # what a test without @settings runs under


@given(st.integers())
def test_a_property_test_runs_under_it(value: int) -> None:
    # Inside a property test too (Hypothesis' own default would be 200 ms).
    assert settings().deadline is None and isinstance(value, int)
