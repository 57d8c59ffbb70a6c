"""The command line end to end: build, validate, eval, errors, determinism, an independent parser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from conftest import ROOT, SEEDS, require_tool

from graph.analytics.evaluate import evaluate, read_gold
from graph.cli import main
from graph.ns import NX
from graph.vocab import load

GOLD = ROOT / "tests" / "gold" / "facts.tsv"


def test_build_writes_turtle_and_nquads(built: Path) -> None:
    assert (built / "nexus.ttl").stat().st_size > 0
    ds = rdflib.Dataset()
    ds.parse(built / "nexus.nq", format="nquads")
    graphs = {str(c.identifier) for c in ds.contexts()}
    # one named graph per document, named after what the document is (its symbol), never its file name
    assert any(g.endswith("graph-doc-s-2015-366") for g in graphs)
    assert any(g.endswith("graph-res-s-2482-2019") for g in graphs)
    assert not any("000_1c4f9dc910eae8af" in g for g in graphs)


def test_every_claim_has_passage_with_document_paragraph_and_offsets(seed_graph: rdflib.Graph) -> None:
    rows = list(
        seed_graph.query(
            """
        SELECT ?c ?para ?span ?doc WHERE {
          ?c a nx:Claim ; nx:statedIn ?p . ?p nx:paragraph ?para ; nx:span ?span ;
             nx:inDocument ?doc }""",
            initNs={"nx": NX},
        )
    )
    claims = set(seed_graph.subjects(rdflib.RDF.type, NX.Claim))
    assert len(claims) > 100 and {r.c for r in rows} == claims
    # the span packs the start and the end offsets, end exclusive: START-END
    spans = [tuple(map(int, str(r.span).split("-"))) for r in rows]
    assert all(0 <= start < end for start, end in spans)


def test_plain_triple_is_asserted_with_the_claim(seed_graph: rdflib.Graph) -> None:
    isil = rdflib.URIRef("https://w3id.org/nexus-kg/id/group-isil")
    oil = rdflib.URIRef("https://w3id.org/nexus-kg/id/crime-oil-smuggling")
    assert (isil, NX.benefitsFrom, oil) in seed_graph


def test_built_graph_conforms_to_shapes(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(built / "nexus.ttl")]) == 0
    assert "conforms" in capsys.readouterr().out


def test_validate_reports_a_violation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix nx: <https://w3id.org/nexus-kg/ontology#> .\n"
        "<urn:x:g> a nx:TerroristGroup ; nx:benefitsFrom <urn:x:r> .\n<urn:x:r> a nx:Region .\n",
        encoding="utf-8",
    )
    assert main(["validate", str(bad)]) == 1
    assert "SHACL violations" in capsys.readouterr().err


def test_independent_parser_accepts_the_turtle(built: Path) -> None:
    rapper = require_tool("rapper")
    proc = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(built / "nexus.ttl")], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert "returned" in proc.stderr and "triples" in proc.stderr


def test_build_is_byte_identical_across_processes(tmp_path: Path) -> None:
    outs = []
    for i, seed in enumerate(("1", "2")):
        out = tmp_path / f"o{i}"
        subprocess.run(
            [sys.executable, "-m", "graph.cli", "build", str(SEEDS), "--out", str(out), "--quiet"],
            check=True,
            capture_output=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
            cwd=ROOT,
        )
        outs.append(out)
    for name in ("nexus.ttl", "nexus.nq"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_build_timings_name_every_stage_and_change_no_output(built: Path, tmp_path: Path) -> None:
    import json

    from graph.timings import STAGES

    out, timings = tmp_path / "out", tmp_path / "timings.json"
    args = ["build", str(SEEDS), "--out", str(out), "--quiet", "--workers", "2"]
    assert main([*args, "--timings", str(timings)]) == 0
    record = json.loads(timings.read_text(encoding="utf-8"))
    assert set(record["seconds"]) == set(STAGES)
    assert all(isinstance(v, int | float) and v >= 0 for v in record["seconds"].values())
    assert record["quads"] == sum(1 for _ in (out / "nexus.nq").open(encoding="utf-8"))
    assert record["input_kb"] > 0 and record["quads_per_kb"] > 0 and record["documents"] > 0
    # the timings go to their file only: the graph is the same bytes as a build without them
    for name in ("nexus.nq", "nexus.ttl", "graph.html"):
        assert (out / name).read_bytes() == (built / name).read_bytes(), name
    assert not list(out.rglob("timings*"))


def test_gold_scores_meet_the_targets(seed_graph: rdflib.Graph) -> None:
    scores = evaluate(seed_graph, read_gold(GOLD), load().symbol_bodies())
    assert scores["benefitsFrom"].precision >= 0.9 and scores["benefitsFrom"].recall >= 0.85
    for rel in ("mandatedBy", "implements", "operatesIn"):
        assert scores[rel].precision >= 0.8, rel
    for rel in ("mandatedBy", "implements"):
        assert scores[rel].recall >= 0.8, rel


def test_eval_command_prints_a_row_per_relation(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(GOLD), "--graph", str(built / "nexus.ttl")]) == 0
    out = capsys.readouterr().out
    assert {"benefitsFrom", "mandatedBy", "implements", "operatesIn"} <= {
        ln.split()[0] for ln in out.splitlines()
    }


def test_gold_file_is_large_enough() -> None:
    rows = [r for r in read_gold(GOLD) if r["relation"] != "none"]
    assert len(rows) >= 60 and all(r["quote"] and r["para"] and r["doc"] for r in rows)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing", "missing: no such file or folder"),
        (lambda d: _write(d / "blob.txt", b"\x00\x01\x02PNG"), "blob.txt: binary file"),
        (lambda d: _write(d / "bad.txt", bytes(range(0x80, 0x100)) * 8), "bad.txt: "),
    ],
    ids=["missing", "binary", "undecodable"],
)
def test_bad_input_is_one_line_error_and_leaves_out_untouched(make, message, tmp_path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".nexus-kg").write_text("made by nexus-kg\n", encoding="utf-8")  # a previous build's out/
    (out / "nexus.ttl").write_text("previous", encoding="utf-8")
    path = make(tmp_path)
    assert (
        main(["build", str(SEEDS / "002_1ce6e44335356221.txt"), str(path), "--out", str(out), "--quiet"]) == 1
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Error: ") and message in err[0]
    assert (out / "nexus.ttl").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in out.iterdir()) == [".nexus-kg", "nexus.ttl"]


def test_empty_file_is_skipped_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "doc.txt").write_text("1. 塔利班从鸦片贸易中赚了1.55亿美元。\n", encoding="utf-8")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "warning:" in out and "empty.txt: empty file, skipped" in out and "built 1 documents" in out


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_viz_writes_its_own_file_by_default(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from graph.cli import main

    (tmp_path / "out").mkdir()
    shutil.copy(built / "nexus.ttl", tmp_path / "out" / "nexus.ttl")
    (tmp_path / "out" / "graph.html").write_text("the build's viewer", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["viz", "--focus", "塔利班"]) == 0
    assert (tmp_path / "out" / "graph.html").read_text(encoding="utf-8") == "the build's viewer"
    assert "group-taliban" in (tmp_path / "out" / "viz.html").read_text(encoding="utf-8")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    from graph.cli import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out == f"nexus-kg {version('nexus-kg')}\n"


def test_a_manifest_row_short_of_columns_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "doc.txt").write_text("1. 塔利班从鸦片贸易中赚了1.55亿美元。\n", encoding="utf-8")
    (tmp_path / "manifest.tsv").write_text("file\tsymbol\tdate\ndoc.txt\tS/1\n", encoding="utf-8")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(
        f"Error: {tmp_path / 'manifest.tsv'}: the row of doc.txt has fewer"
    )


def test_escape_sequences_from_the_input_are_written_out_on_the_terminal(tmp_path: Path, capsys) -> None:
    (tmp_path / "doc.txt").write_text("1. 塔利班从鸦片贸易中赚了1.55亿美元。\n", encoding="utf-8")
    (tmp_path / "a\x1b]0;owned\x07\u202e.txt").write_text("", encoding="utf-8")  # an empty file: warned
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "a\\u001b]0;owned\\u0007\\u202e.txt: empty file, skipped" in out
    assert not any(ch in out for ch in "\x1b\x07\u202e")


def test_an_unreadable_subfolder_is_named_in_a_warning(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / "doc.txt").write_text("1. 塔利班从鸦片贸易中赚了1.55亿美元。\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path):  # root reads any folder, so the refusal is also simulated where it is listed
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    locked.chmod(0)
    try:
        assert main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    finally:
        locked.chmod(0o755)
    out = capsys.readouterr().out
    assert f"warning: {locked}: unreadable folder (Permission denied), skipped" in out
