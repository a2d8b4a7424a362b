"""The import graph of ``fieldapp``, read from the source: every import statement, those
inside functions and under ``TYPE_CHECKING`` included (import-linter sees only some of
them, and a cycle held together by a function-level import is still a cycle).

``python -m tests.unit.module_graph`` prints the report the closing note of issue #16
quotes: the cycles, the imports against the layers, the function-level imports and the
biggest files. ``tests/unit/test_module_graph.py`` holds the rules.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "fieldapp"


def _layers() -> tuple[tuple[str, ...], ...]:
    """The layers of the import-linter contract in pyproject.toml, highest first."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for contract in config["tool"]["importlinter"]["contracts"]:
        if contract["type"] == "layers" and contract.get("containers") == [PACKAGE]:
            return tuple(
                tuple(f"{PACKAGE}.{m.strip()}" for m in re.split(r"[:|]", layer))
                for layer in contract["layers"]
            )
    raise LookupError("no layers contract for fieldapp in pyproject.toml")


# A module may import from its own layer and the ones below (the same order as the
# import-linter contract, which does not always see function-level imports).
LAYERS = _layers()
# A comment in a function, above its imports, that says they wait for start-up time.
DEFERRED_MARK = "deferred"


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    in_function: bool
    deferred_comment: bool


def modules(root: Path = ROOT) -> dict[str, Path]:
    """Module name → file, for every module of the package."""
    found: dict[str, Path] = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    # The longest known module that ``name`` names or lies inside (``a.b.func`` → ``a.b``).
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in known:
            return candidate
        parts.pop()
    return None


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> Iterator[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
        return
    base = node.module or ""
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, base] if base else package)
    for alias in node.names:
        yield f"{base}.{alias.name}"  # a submodule, or a name inside ``base``


def imports(root: Path = ROOT) -> list[Import]:
    """Every import of one ``fieldapp`` module by another."""
    known = modules(root)
    found: list[Import] = []
    for module, path in known.items():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source, filename=str(path))
        found.extend(_walk(tree, module, path.name == "__init__.py", lines, known, None))
    return found


def _walk(
    node: ast.AST,
    module: str,
    is_package: bool,
    lines: list[str],
    known: dict[str, Path],
    function_line: int | None,
) -> Iterator[Import]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            # A function's imports are deferred by a comment in the function above them
            # (or on the line); a module-level import needs none.
            start = child.lineno - 1 if function_line is None else function_line
            comment = any(
                DEFERRED_MARK in text.lower() and "#" in text
                for text in lines[start - 1 : child.lineno]
            )
            for name in _targets(child, module, is_package):
                target = _resolve(name, known)
                if target is not None and target != module:
                    yield Import(module, target, child.lineno, function_line is not None, comment)
        inner = function_line
        if inner is None and isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            inner = child.lineno
        yield from _walk(child, module, is_package, lines, known, inner)


def graph(found: list[Import]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for imp in found:
        edges.setdefault(imp.source, set()).add(imp.target)
        edges.setdefault(imp.target, set())
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(found)


def layer_of(module: str) -> int | None:
    """0 is the top layer; None for the modules every layer may use (errors, paths, ...)."""
    for depth, members in enumerate(LAYERS):
        for member in members:
            if module == member or module.startswith(member + "."):
                return depth
    return None


def layer_violations(found: list[Import]) -> list[Import]:
    """Imports of a higher layer from a lower one, and imports of a layer from the
    modules outside every layer (which all layers may use, so they must use none)."""
    bad: dict[tuple[str, str, int], Import] = {}
    for imp in found:
        source, target = layer_of(imp.source), layer_of(imp.target)
        if target is None:
            continue
        if source is None or target < source:
            bad.setdefault((imp.source, imp.target, imp.line), imp)
    return list(bad.values())


def biggest(root: Path = ROOT, count: int = 10) -> list[tuple[int, str]]:
    sizes = [
        (len(path.read_text(encoding="utf-8").splitlines()), name)
        for name, path in modules(root).items()
    ]
    return sorted(sizes, reverse=True)[:count]


def report(root: Path = ROOT) -> str:
    found = imports(root)
    out = [f"{len(modules(root))} modules, {len(found)} imports between them"]
    found_cycles = cycles(graph(found))
    out.append(f"cycles: {len(found_cycles)}")
    out.extend("  " + " ↔ ".join(c) for c in found_cycles)
    bad = layer_violations(found)
    out.append(f"layer violations: {len(bad)}")
    out.extend(f"  {i.source}:{i.line} → {i.target}" for i in bad)
    inner = list({(i.source, i.target, i.line): i for i in found if i.in_function}.values())
    out.append(
        f"function-level imports: {len(inner)} "
        f"({sum(not i.deferred_comment for i in inner)} without a 'deferred' comment)"
    )
    out.extend(
        f"  {i.source}:{i.line} → {i.target}{'' if i.deferred_comment else '  (no comment)'}"
        for i in inner
    )
    out.append("biggest files (lines):")
    out.extend(f"  {lines:5d} {name}" for lines, name in biggest(root))
    return "\n".join(out)


if __name__ == "__main__":
    print(report())
