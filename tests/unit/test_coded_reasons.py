"""Coded reasons: English text for the CLI, a stable code and parameters for the UI."""

from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

import pytest

from fieldapp import validation
from fieldapp.errors import InvalidInput, Reason, coded


def test_a_coded_reason_reads_as_its_english_text_and_keeps_its_code() -> None:
    why = coded("too_long", "at most 5 characters.", limit=5)
    assert why == "at most 5 characters."
    assert (why.code, why.params) == ("too_long", {"limit": 5})


def test_a_coded_reason_survives_pickling_to_the_second_process() -> None:
    data = pickle.dumps(coded("too_long", "at most 5 characters.", limit=5))
    back = pickle.loads(data)  # noqa: S301 - our own bytes, made one line above
    assert isinstance(back, Reason)
    assert str(back) == "at most 5 characters."
    assert (back.code, back.params) == ("too_long", {"limit": 5})


def test_validation_refuses_with_codes() -> None:
    p = validation.Problems()
    validation.text(p, {"note": "x" * 11}, "note", max_len=10)
    validation.text(p, {}, "place", required=True)
    with pytest.raises(InvalidInput) as caught:
        p.raise_if_any()
    reasons = {field: why for field, why in caught.value.problems}
    assert isinstance(reasons["note"], Reason) and reasons["note"].code == "too_long"
    assert reasons["note"].params == {"limit": 10}
    assert isinstance(reasons["place"], Reason) and reasons["place"].code == "required"


def test_a_nested_refusal_keeps_its_code() -> None:
    outer = validation.Problems()
    with outer.catching("buyers[0]"):
        inner = validation.Problems()
        validation.text(inner, {}, "name", required=True)
        inner.raise_if_any()
    [(path, why)] = list(outer)
    assert path == "buyers[0].name"
    assert isinstance(why, Reason) and why.code == "required"


# -- every refusal of the core is coded ---------------------------------------------------

FIELDAPP = Path(__file__).resolve().parents[2] / "fieldapp"
# Raised with several meanings, so the meaning must come from a coded message. The other
# KnownError subclasses name one fault each by their class code.
_MANY_MEANINGS = {"KnownError", "InvalidInput", "BundleRejected"}
# Calls whose last argument is a reason, by their number of arguments.
_REASON_AT = {"add": 2, "refuse": 2, "_refuse": 2, "RowProblem": 3}


def _plain_text(node: ast.expr) -> bool:
    """A message written out in English: a literal, an f-string or a sum of them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.BinOp) and (_plain_text(node.left) or _plain_text(node.right))


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _plain_reason(node: ast.Call, name: str) -> bool:
    return _REASON_AT.get(name) == len(node.args) and _plain_text(node.args[-1])


def _hidden_code(node: ast.Call, name: str) -> bool:
    """A ``coded()`` whose code is not written out: the registry below cannot see it."""
    return name == "coded" and not (node.args and isinstance(node.args[0], ast.Constant))


def uncoded_refusals() -> list[str]:
    """Every place in the core that raises a many-meaning error with plain English text, or
    adds a plain-text reason to a list of problems."""
    found = []
    for path in sorted(FIELDAPP.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _called_name(node)
            where = f"{path.relative_to(FIELDAPP.parent)}:{node.lineno}"
            has_problems = any(k.arg == "problems" for k in node.keywords)
            if name in _MANY_MEANINGS and node.args and _plain_text(node.args[0]):
                if not has_problems:
                    found.append(where)
            elif _plain_reason(node, name) or _hidden_code(node, name):
                found.append(where)
    return found


def test_every_refusal_of_the_core_is_coded() -> None:
    assert uncoded_refusals() == []


def codes_used() -> set[str]:
    """Every code the core can give: ``coded("code", ...)`` calls and the ``code = "..."``
    of each error class."""
    codes = set()
    for path in sorted(FIELDAPP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and _called_name(node) in ("coded", "Reason"):
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    codes.add(first.value)
            if isinstance(node, ast.ClassDef):
                for stmt in node.body:
                    if (
                        isinstance(stmt, ast.Assign)
                        and [getattr(t, "id", None) for t in stmt.targets] == ["code"]
                        and isinstance(stmt.value, ast.Constant)
                    ):
                        codes.add(str(stmt.value.value))
    return codes


def test_codes_are_found_and_snake_case() -> None:
    codes = codes_used()
    assert {"required", "too_long", "wrong_passphrase", "bundle_rejected"} <= codes
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", c) for c in codes)
