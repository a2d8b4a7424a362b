"""Which law applies on a date: dated rule sets loaded from ``resources/legal/``.

``rules_for(offence_date)`` merges every rule file valid on that date; ``sanctions`` checks a
proposed summary penalty order against the merged rules.
"""

from fieldapp.legal.rules import (
    Confidence,
    Offence,
    RuleFileError,
    RuleSet,
    SummaryOrderRules,
    all_rule_sets,
    rules_for,
)

__all__ = [
    "Confidence",
    "Offence",
    "RuleFileError",
    "RuleSet",
    "SummaryOrderRules",
    "all_rule_sets",
    "rules_for",
]
