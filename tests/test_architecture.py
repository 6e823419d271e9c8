"""The layers of briefgen hold: import-linter's contracts (pyproject.toml), no import cycle, no
module over 600 lines. docs/dev/modules.md explains the layers.

A broken contract names the import that breaks it (lint-imports' own report); a cycle names its
modules; a long module its length. Fix the code, not the contract: docs/dev/modules.md says
where each job belongs.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "briefgen"
MAX_LINES = 600

def _contract_ids() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return [c["id"] for c in config["tool"]["importlinter"]["contracts"]]


def _lint_imports() -> Path:
    script = Path(sys.executable).with_name("lint-imports")
    if not script.exists():
        pytest.fail("lint-imports is missing: install the test extra (pip install -e '.[test]')")
    return script


def test_the_layers_are_written_down_as_at_least_four_contracts() -> None:
    assert len(_contract_ids()) >= 4


@pytest.mark.parametrize("contract", _contract_ids())
def test_import_contract_is_kept(contract: str) -> None:
    run = subprocess.run([str(_lint_imports()), "--no-cache", "--no-logo", "--contract", contract],
                         cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def _import_cycles() -> list[frozenset[str]]:
    """Sets of briefgen modules that import each other, at module level or inside functions.

    Left out: imports under ``TYPE_CHECKING`` (never run: they name a type for annotations) and
    imports of the package ``briefgen`` itself (every ``briefgen.x`` import runs
    ``briefgen/__init__.py`` first anyway; it is the facade whose names load lazily).
    """
    graph = grimp.build_graph("briefgen", cache_dir=None, exclude_type_checking_imports=True)
    edges = {module: graph.find_modules_directly_imported_by(module) - {"briefgen"}
             for module in graph.modules}
    return [frozenset(group) for group in _strongly_connected(edges) if len(group) > 1]


def _strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the groups of nodes that reach each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    groups.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def test_strongly_connected_finds_a_cycle_through_three_modules() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert sorted(map(sorted, _strongly_connected(edges))) == [["a", "b", "c"], ["d"]]


def test_no_import_cycle() -> None:
    cycles = [sorted(c) for c in _import_cycles()]
    assert cycles == [], "modules that import each other (see grimp's find_shortest_chain)"


@pytest.mark.parametrize("module", sorted(p.relative_to(PACKAGE).as_posix()
                                          for p in PACKAGE.rglob("*.py")))
def test_module_is_at_most_600_lines(module: str) -> None:
    lines = len((PACKAGE / module).read_text("utf-8").splitlines())
    assert lines <= MAX_LINES, f"briefgen/{module} has {lines} lines: split it by job"
