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


def test_every_import_goes_down_the_layers() -> None:
    # Function-level and TYPE_CHECKING imports too, against pyproject's layers contract.
    assert module_graph.layer_violations(module_graph.imports()) == []


def test_a_function_level_import_says_it_is_deferred_for_start_up() -> None:
    undeclared = [
        f"{i.source}:{i.line} → {i.target}"
        for i in module_graph.imports()
        if i.in_function and not i.deferred_comment
    ]
    assert undeclared == []


def test_the_layers_are_read_from_the_import_linter_contract() -> None:
    layers = module_graph.LAYERS
    assert layers[0][0] == "fieldapp.cli" and "fieldapp.storage" in layers[-2]
    assert module_graph.layer_of("fieldapp.workflow.entities") < module_graph.layer_of(
        "fieldapp.storage.records"
    )
