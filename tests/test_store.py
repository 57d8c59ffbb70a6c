"""The Oxigraph store that `nexus-kg build` writes beside the graph files."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import QueryError
from graph.rdf.store import STORE_DIR, build_store, open_store, store_source, store_version
from graph.sparql.query import execute

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def count(out: Path) -> int:
    return int(execute(open_store(out), COUNT).rows[0]["n"].value)


def test_build_writes_a_store_holding_every_quad(built: Path) -> None:
    assert (built / STORE_DIR).is_dir()
    assert store_source(built) == (built / STORE_DIR).resolve()
    assert store_source(built).parent.name == store_version(built)
    quads = {line for line in (built / "nexus.nq").read_text(encoding="utf-8").splitlines() if line.strip()}
    assert count(built) == len(quads)


def test_failed_rebuild_keeps_the_old_store(tmp_path: Path) -> None:
    good = tmp_path / "good.nq"
    good.write_text('<urn:a> <urn:p> "1" <urn:g> .\n<urn:b> <urn:p> "2" <urn:g> .\n', encoding="utf-8")
    build_store(good, tmp_path / STORE_DIR)
    assert count(tmp_path) == 2
    bad = tmp_path / "bad.nq"
    bad.write_text("<urn:a> <urn:p> this is not n-quads\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"bad\.nq: cannot load"):
        build_store(bad, tmp_path / STORE_DIR)
    assert count(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.nq", "good.nq", STORE_DIR]


def test_rebuild_replaces_the_store(tmp_path: Path) -> None:
    src = tmp_path / "g.nq"
    src.write_text('<urn:a> <urn:p> "1" <urn:g> .\n', encoding="utf-8")
    build_store(src, tmp_path / STORE_DIR)
    src.write_text('<urn:a> <urn:p> "1" <urn:g> .\n<urn:a> <urn:p> "2" <urn:h> .\n', encoding="utf-8")
    build_store(src, tmp_path / STORE_DIR)
    assert count(tmp_path) == 2


def test_store_is_opened_read_only(built: Path) -> None:
    store = open_store(built)
    with pytest.raises((OSError, RuntimeError)):
        store.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
