"""Shared fixtures: the seed graph is built once per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import rdflib
from hypothesis import settings

# CI runs the property tests on a fixed seed, so a run is reproducible; a developer's run
# explores new examples each time (and a failure prints the example to add with @example).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "default")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def require_tool(name: str) -> str:
    """The path of an external tool; skipped locally if missing, a failure under CI."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{name} is not installed; .ci/run installs it")
    pytest.skip(f"{name} not installed")
    raise AssertionError  # unreachable


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An out/ folder with the graph built from seeds/ (nexus.ttl, nexus.nq, …)."""
    from assembly import build

    out = tmp_path_factory.mktemp("out")
    build([SEEDS], out, progress=lambda m: None)  # as nexus-kg build: the graph and its viewer
    return out


@pytest.fixture(scope="session")
def seed_graph(built: Path) -> rdflib.Graph:
    """The seed graph, parsed."""
    return rdflib.Graph().parse(built / "nexus.ttl", format="turtle")
