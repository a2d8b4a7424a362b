"""The passphrase policy refuses short and guessable passphrases, with a reason."""

import pytest

from fieldapp.errors import WeakPassphrase
from fieldapp.passphrase_policy import Weakness, check_passphrase, weakness


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [
        ("kort", Weakness.TOO_SHORT),
        ("elva tecken", Weakness.TOO_SHORT),
        ("aaaaaaaaaaaaaaaa", Weakness.REPETITIVE),
        ("abababababababab", Weakness.REPETITIVE),
        ("123456789012", Weakness.SEQUENCE),
        ("qwertyuiopå1", Weakness.SEQUENCE),
        ("abcdefghijklmn", Weakness.SEQUENCE),
        ("Password2024!", Weakness.COMMON),
        ("Lösenord1234", Weakness.COMMON),
        ("sommar2026!!", Weakness.COMMON),
        ("hemligthemligt", Weakness.COMMON),
    ],
)
def test_weak_passphrases_are_refused_with_their_reason(passphrase: str, reason: Weakness) -> None:
    assert weakness(passphrase) is reason
    with pytest.raises(WeakPassphrase) as err:
        check_passphrase(passphrase)
    assert err.value.reason == reason.value
    assert err.value.field == "passphrase"
    assert err.value.message.startswith("Passphrase:")


def test_passphrase_containing_officer_id_or_name_is_refused() -> None:
    personal = ("T100001", "Astrid Testberg")
    assert weakness("t100001 och lite till", personal=personal) is Weakness.PERSONAL
    assert weakness("testberg går till skogen", personal=personal) is Weakness.PERSONAL


@pytest.mark.parametrize(
    "passphrase",
    ["blå hästar springer fort", "Kaffe & kanelbulle kl 03", "tre-små-grodor-i-dimman"],
)
def test_reasonable_passphrases_pass(passphrase: str) -> None:
    assert weakness(passphrase, personal=("T100001", "Astrid Testberg")) is None
