"""UUIDv7 ids and the hybrid logical clock."""

import uuid

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.storage.ids import Hlc, uuid7


def test_uuid7_has_version_7_variant_and_timestamp() -> None:
    value = uuid.UUID(uuid7(1_700_000_000_123))
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert value.int >> 80 == 1_700_000_000_123


@given(st.integers(min_value=0, max_value=2**48 - 1))
def test_uuid7_text_is_the_standard_form(ms: int) -> None:
    text = uuid7(ms)
    assert text == str(uuid.UUID(text))  # lower-case hex, hyphens at 8-4-4-4-12
    assert uuid.UUID(text).int >> 80 == ms


def test_uuid7_sorts_by_time() -> None:
    assert uuid7(1_000) < uuid7(2_000) < uuid7(10_000_000)


@given(st.lists(st.integers(min_value=0, max_value=2**45), min_size=1, max_size=50))
def test_hlc_ticks_strictly_increase_even_when_the_wall_clock_goes_back(walls: list[int]) -> None:
    clock = Hlc(0, 0)
    for wall in walls:
        after = clock.tick(wall)
        assert after > clock
        assert str(after) > str(clock)  # the stored text sorts the same way
        assert Hlc.parse(str(after)) == after
        clock = after


@given(
    st.integers(0, 2**40),
    st.integers(0, 99),
    st.integers(0, 2**40),
    st.integers(0, 99),
    st.integers(0, 2**40),
)
def test_hlc_receive_is_after_both_clocks(lw: int, lc: int, rw: int, rc: int, now: int) -> None:
    local, remote = Hlc(lw, lc), Hlc(rw, rc)
    merged = local.receive(remote, now)
    assert merged > local
    assert merged > remote


def test_hlc_counter_carries_into_the_milliseconds() -> None:
    full = Hlc(5_000, 99_999)
    after = full.tick(1_000)  # the wall clock is behind: the counter would overflow
    assert after == Hlc(5_001, 0)
    assert str(after) > str(full)
