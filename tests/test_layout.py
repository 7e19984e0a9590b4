"""The house's floors: a module imports only from its own floor or below (README, Layout).

Every top-level module or package of ``src/entente`` must have a floor here;
a new one without a floor fails this test until it is placed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent / "src" / "entente"

FLOOR = {
    # floor 1: records, their JSON form, the error catalogue, data-file loading, corpus readers
    "records": 1, "jsonform": 1, "errors": 1, "data": 1, "yamlio": 1, "corpora": 1,
    # floor 2: what every stage shares about a Doc
    "nlp": 2, "doctext": 2,
    # floor 3: the stages
    "ingest": 3, "actors": 3, "people": 3, "quotes": 3, "events": 3, "relations": 3,
    "pipeline": 4,
    "analyze": 5, "batch": 5,
    "report": 6, "store": 6, "eval": 6, "demo": 6,
    "graph": 7, "export": 7, "scale": 7,
    "api": 8, "web": 8,
    "cli": 9, "__init__": 9, "__main__": 9,
}  # fmt: skip


def _top(path: Path) -> str:
    first = path.relative_to(ROOT).parts[0]
    return first.removesuffix(".py")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("entente."):
            found.append(node.module.split(".")[1])
        elif isinstance(node, ast.ImportFrom) and node.module == "entente":
            found.extend(a.name for a in node.names)
        elif isinstance(node, ast.Import):
            found.extend(a.name.split(".")[1] for a in node.names if a.name.startswith("entente."))
    return found


MODULES = sorted(p for p in ROOT.rglob("*.py") if "migrations" not in p.parts or p.name != "env.py")


def test_every_module_has_a_floor() -> None:
    missing = sorted({_top(p) for p in MODULES} - set(FLOOR))
    assert not missing, f"place these in FLOOR (and in the README's layout): {missing}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_imports_a_higher_floor(path: Path) -> None:
    own = FLOOR.get(_top(path), 0)
    higher = [m for m in _imports(path) if m in FLOOR and FLOOR[m] > own and m != _top(path)]
    assert not higher, f"{path.relative_to(ROOT)} (floor {own}) imports {higher}"
