"""The build's summary is counted while the quads stream by, and says what SPARQL over the built
store says."""

from __future__ import annotations

import shutil
from pathlib import Path

from assembly import summary_by_sparql
from conftest import SEEDS

from graph.ns import NX_URI, local_id
from graph.pipeline import building
from graph.sparql.query import execute


def corpus(folder: Path) -> Path:
    """The seeds, and a second text of the resolution S/RES/2482 (2019): two documents, one node."""
    shutil.copytree(SEEDS, folder)
    resolution = folder / "002_1ce6e44335356221.txt"
    (folder / "again.txt").write_text(
        resolution.read_text(encoding="utf-8") + "\n再次印发。\n", encoding="utf-8"
    )
    rows = (folder / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    row = next(r for r in rows if r.startswith(resolution.name))
    rows.append(row.replace(resolution.name, "again.txt", 1))
    (folder / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def naming(store: object) -> dict[str, set[str]]:
    """The documents whose passages mention each entity."""
    q = f"SELECT DISTINCT ?e ?d WHERE {{ GRAPH ?g {{ ?p <{NX_URI}mentions> ?e ; <{NX_URI}inDocument> ?d }} }}"
    out: dict[str, set[str]] = {}
    for r in execute(store, q).rows:
        out.setdefault(local_id(str(r["e"].value)), set()).add(str(r["d"].value))
    return out


def test_the_streamed_summary_is_what_the_store_says(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus")
    for turtle in (False, None):
        with building([folder], tmp_path / f"out-{turtle}", progress=lambda m: None, turtle=turtle) as b:
            want = summary_by_sparql(b.store, naming(b.store))
        result = b.result
        assert result.documents == 6
        assert result.by_class == want["by_class"]
        assert result.by_property == want["by_property"]
        assert result.discovered == want["discovered"]
        assert result.triples == want["triples"] < result.quads
    assert result.by_class["Document"] == 14  # as for the seeds: the two texts of S/RES/2482 are one node


def test_above_the_limit_the_distinct_triples_are_not_counted(tmp_path: Path, monkeypatch) -> None:
    from graph import pipeline

    monkeypatch.setattr(pipeline, "TURTLE_LIMIT", 100)
    with building(
        [SEEDS / "003_a735fd6147321695.txt"], tmp_path / "out", progress=lambda m: None, turtle=False
    ) as b:
        pass
    assert b.result.triples == 0 and b.result.quads > 100 and b.result.by_class["Passage"] > 0
