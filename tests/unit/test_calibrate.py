"""``calibrate`` sets the Argon2id cost of every real vault: never below the minimum,
memory first (what makes guessing on GPUs dear), then passes once memory is at its cap.

The arithmetic runs against a stand-in for the stopwatch that charges a fixed time per
MiB-pass (so the tests hold on any machine, and make no timing assertion); one test runs the
real key derivation."""

from __future__ import annotations

import pytest

from fieldapp.storage import keyslots
from fieldapp.storage.keyslots import (
    MAX_MEMORY_KIB,
    MIN_ITERATIONS,
    MIN_MEMORY_KIB,
    KdfCost,
    calibrate,
)


def _machine(seconds_per_mib_pass: float) -> object:
    def time_kdf(cost: KdfCost) -> float:
        return seconds_per_mib_pass * cost.memory_kib / 1024 * cost.iterations

    return time_kdf


def test_a_slow_machine_gets_the_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyslots, "_time_kdf", _machine(0.01))  # 64 MiB x 3 = 1.9 s
    assert calibrate(0.5) == KdfCost()


def test_memory_grows_first_in_whole_mib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyslots, "_time_kdf", _machine(0.0005))  # the minimum: 0.096 s
    cost = calibrate(0.5)
    assert MIN_MEMORY_KIB < cost.memory_kib < MAX_MEMORY_KIB
    assert cost.memory_kib % 1024 == 0 and cost.iterations == MIN_ITERATIONS
    assert cost.memory_kib == int(MIN_MEMORY_KIB * 0.5 / 0.096) // 1024 * 1024
    cost.check("calibrated")  # a cost the key file accepts


def test_passes_grow_once_memory_is_at_its_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyslots, "_time_kdf", _machine(0.000001))  # a very fast machine
    cost = calibrate(0.5)
    assert cost.memory_kib == MAX_MEMORY_KIB
    per_pass = 0.000001 * MAX_MEMORY_KIB / 1024
    assert cost.iterations == max(MIN_ITERATIONS, round(0.5 / per_pass)) > MIN_ITERATIONS
    cost.check("calibrated")


def test_the_real_derivation_calibrates_to_a_usable_cost() -> None:
    cost = calibrate(0.001)  # below one derivation here: the minimum, after one real run
    assert cost == KdfCost()
    assert keyslots._time_kdf(cost) > 0
