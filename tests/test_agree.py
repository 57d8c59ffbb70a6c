"""Commands that agree: every reader works from ``nexus.nq`` or the store when there is no Turtle,
``--out`` is a folder, an empty input never replaces a graph, ``--quiet`` is quiet, and amounts
print with thousands separators."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.cli import main


@pytest.fixture(scope="module")
def no_turtle(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seed build as ``build --no-turtle`` leaves it: nexus.nq and the store only."""
    out = tmp_path_factory.mktemp("agree") / "out"
    shutil.copytree(built, out, symlinks=True)
    for ttl in out.glob("gen-*/nexus.ttl"):
        ttl.unlink()
    assert not (out / "nexus.ttl").exists() and (out / "nexus.nq").exists()
    return out


def test_validate_reads_nquads_without_turtle(no_turtle: Path, capsys) -> None:
    assert main(["validate", str(no_turtle)]) == 0
    assert capsys.readouterr().out == f"{no_turtle / 'nexus.nq'}: conforms to the SHACL shapes\n"
    assert main(["validate", str(no_turtle.parent)]) == 1  # a folder with no graph
    err = capsys.readouterr().err
    assert err == f"Error: {no_turtle.parent}: no graph (nexus.ttl or nexus.nq); run 'nexus-kg build' first\n"


def test_eval_gives_the_same_scores_from_turtle_and_nquads(built: Path, no_turtle: Path, capsys) -> None:
    gold = str(Path(__file__).parent / "gold" / "facts.tsv")
    assert main(["eval", gold, "--graph", str(built)]) == 0
    from_ttl = capsys.readouterr().out
    assert main(["eval", gold, "--graph", str(no_turtle)]) == 0
    assert capsys.readouterr().out == from_ttl


def test_viz_and_report_read_the_store_and_out_is_a_folder(no_turtle: Path, tmp_path: Path, capsys) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    assert main(["viz", "--graph", str(no_turtle), "--out", str(pages)]) == 0
    assert capsys.readouterr().out == f"wrote {pages / 'viz.html'}\n"
    assert [p.name for p in pages.iterdir()] == ["viz.html"]  # no .partial left
    assert "vis.Network" in (pages / "viz.html").read_text(encoding="utf-8")
    assert main(["viz", "--graph", str(no_turtle), "--out", str(tmp_path / "new") + "/"]) == 0
    assert (tmp_path / "new" / "viz.html").is_file()
    assert main(["report", "--out", str(no_turtle)]) == 0
    assert (no_turtle / "report" / "report.md").is_file()


def test_viz_into_an_unwritable_place_is_one_line(no_turtle: Path, tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["viz", "--graph", str(no_turtle), "--out", str(blocker / "sub") + "/"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {blocker / 'sub' / 'viz.html'}: cannot write") and err.count("\n") == 1


def test_an_input_with_no_document_leaves_the_graph(built: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out, symlinks=True)
    before = (out / "nexus.nq").read_bytes()
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["build", str(empty), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {empty}: no document to build from") and err.count("\n") == 1
    assert f"the graph in {out} was left as it was" in err
    assert (out / "nexus.nq").read_bytes() == before


def test_quiet_build_writes_nothing_to_stderr(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("据报，博科圣地从绑架勒索中获得了约200万美元的收入。\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "graph", "build", str(docs), "--out", str(tmp_path / "out"), "--quiet"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("built 1 documents")


def test_amounts_print_with_separators_in_tables_only(built: Path, capsys) -> None:
    assert main(["query", "--out", str(built), "--name", "amounts"]) == 0
    table = capsys.readouterr().out
    assert "155,000,000" in table and " 2009 " in table  # a year stays as it is
    assert main(["query", "--out", str(built), "--name", "amounts", "--format", "csv"]) == 0
    csv = capsys.readouterr().out
    assert "155000000" in csv and "155,000,000" not in csv


def test_the_report_belongs_to_the_generation_it_describes(built: Path, tmp_path: Path, capsys) -> None:
    from conftest import SEEDS

    out = tmp_path / "out"
    shutil.copytree(built, out, symlinks=True)
    assert main(["report", "--out", str(out)]) == 0
    assert f"wrote {out / 'report' / 'report.md'}" in capsys.readouterr().out
    gen = (out / "current").resolve()
    assert (out / "report" / "report.md").resolve() == gen / "report" / "report.md"
    assert main(["build", str(SEEDS), "--out", str(out), "--update", "--quiet"]) == 0
    capsys.readouterr()
    assert (out / "current").resolve() != gen
    assert (
        not (out / "report").exists() and not (out / "report").is_symlink()
    )  # nothing stale, nothing dangling
