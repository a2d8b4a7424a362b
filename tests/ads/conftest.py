"""Ad fixtures: the workflow fixtures (a real SQCipher vault, a fixed clock, an operation in
Västmanland, a hotel case), on a vault opened with the search index among its projections,
and invented ad texts (phones from the Swedish fiction range 070-174 06 05 … 99)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.composition import open_vault
from fieldapp.storage.vault import Vault
from tests.workflow.conftest import (  # noqa: F401 - fixtures, found by pytest by name
    BUYER,
    CET_SUMMER,
    SELLER,
    Clock,
    buyer_id,
    case_id,
    clock,
    ctx,
    operation_id,
    seller_id,
)


@pytest.fixture
def vault(vault_dir: Path) -> Vault:
    return open_vault(vault_dir)


# Invented ads. Nothing here is a real person, place of business or number.
AD_BELLA = """Ny i Västerås!
Hej, jag heter Bella, 24 år, glad och diskret. Tar emot på Hotell Påhittat
eller kommer hem till dig.
30 min – 1 500 kr
1 h – 2 500 kr
Hel natt 8000:-
Ring eller sms:a 070-174 06 05. Mejl: bella.exempel (at) example.com"""

AD_BELLA_REPOST = """Ny i Västerås!
Hej, jag heter Bella, 24 år, glad och diskret. Tar emot på Hotell Påhittat
eller kommer hem till dig.
30 min – 1 800 kr
1 h – 2 500 kr
Hel natt 8000:-
Ring eller sms:a 0701740699."""

AD_SALA = """Mogen kvinna i sala, massage och mer. 3000kr/h, halvtimme 1500:-.
Ring +46 70 174 06 10 efter kl 18. Inga dolda nummer."""

AD_FOREIGN = """New in town! Sweet girl, visiting Köping this week only.
€200 per hour, 120 EUR 30 min. WhatsApp +1 (202) 555-0143 or +44 20 7946 0123."""
