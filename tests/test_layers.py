"""The package's layers hold: a stage never imports another stage, and the foundation imports no stage.

Stages are the subpackages of ``graph`` (extract, rdf, analytics, view, sparql); the foundation
is the top-level modules the stages share (errors, records, ns, progress, resources, script, symbols,
identity, vocab, cueschema, frames, timings).
Only ``pipeline`` (chains the stages), ``outputs`` (the steps around a build) and ``cli`` sit above
all of them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "graph"
FOUNDATION = {
    "errors",
    "frames",
    "records",
    "ns",
    "resources",
    "script",
    "symbols",
    "identity",
    "vocab",
    "cueschema",
    "progress",
    "timings",
}
TOP = {"pipeline", "outputs", "cli", "__init__", "__main__"}
#: What each stage may import besides the foundation and itself.
ALLOWED: dict[str, set[str]] = {
    "extract": set(),
    "rdf": set(),
    "view": set(),
    "analytics": {"rdf", "view"},
    "sparql": {"rdf", "view"},
}


def _layer(module: str) -> str:
    """'graph.extract.rules.common' → 'extract'; 'graph.vocab' → 'vocab'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("graph.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "graph":
                found |= {f"graph.{a.name}" for a in node.names}
            elif node.module.startswith("graph."):
                found.add(node.module)
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def test_the_stages_are_the_subpackages() -> None:
    stages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert stages == set(ALLOWED)
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top <= FOUNDATION | TOP, top - FOUNDATION - TOP


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_respect_the_layers(path: Path) -> None:
    rel = path.relative_to(PACKAGE)
    own = rel.parts[0] if len(rel.parts) > 1 else rel.stem
    if own in TOP:
        return
    layers = {_layer(m) for m in _imports(path)}
    if own in FOUNDATION:
        assert layers <= FOUNDATION, f"{rel} (foundation) imports the stage(s) {layers - FOUNDATION}"
    else:
        bad = layers - FOUNDATION - {own} - ALLOWED[own]
        assert not bad, f"{rel} ({own}) imports the stage(s) {sorted(bad)}"


#: The one module that loads the vocabulary and cue words (``graph.vocab.load``).
LOADER = "vocab"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_top_loads_the_vocabulary(path: Path) -> None:
    """Below ``pipeline`` and ``cli`` no module loads the vocabulary: it is given the loaded one
    (the body names to ``symbols`` and ``identity``, the whole of it to the stages)."""
    rel = path.relative_to(PACKAGE)
    own = rel.parts[0] if len(rel.parts) > 1 else rel.stem
    if own in TOP or own == LOADER:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "graph.vocab":
            assert "load" not in {a.name for a in node.names}, f"{rel} imports graph.vocab.load"
        if isinstance(node, ast.Attribute) and node.attr == "load" and isinstance(node.value, ast.Name):
            assert node.value.id != "vocab", f"{rel} calls vocab.load"
        if isinstance(node, ast.ImportFrom) and node.module == "graph.frames":
            assert "load_frames" not in {a.name for a in node.names}, f"{rel} loads frames.toml itself"
