"""The write path: every build is a new generation of out/, published by one rename.

A reader sees the previous complete generation or the new one, never a mixture; a failed,
killed or disk-full build leaves the previous one, and the next build removes the leftovers.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from assembly import build
from conftest import ROOT, SEEDS

from graph.cli import main
from graph.rdf import store as st
from graph.sparql.query import execute

SEED_FILES = sorted(SEEDS.glob("*.txt"))
FILES = ("nexus.nq", "nexus.ttl", "graph.html")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def corpus(folder: Path, files: list[Path]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copyfile(f, folder / f.name)
    shutil.copyfile(SEEDS / "manifest.tsv", folder / "manifest.tsv")
    return folder


def snapshot(out: Path) -> dict[str, bytes]:
    """The bytes of every output file a reader of ``out`` sees."""
    return {name: (out / name).read_bytes() for name in FILES}


def assert_one_complete_generation(out: Path) -> dict[str, bytes]:
    """``out`` shows one generation whose store holds exactly the quads of its nexus.nq."""
    gen = st.current_generation(out)
    assert gen is not None
    seen = snapshot(out)
    assert seen == {name: (gen / name).read_bytes() for name in FILES}
    lines = {ln for ln in seen["nexus.nq"].decode("utf-8").split("\n") if ln}
    assert int(execute(st.open_store(out), COUNT).rows[0]["n"].value) == len(lines)
    assert st.store_source(out) == gen / st.STORE_DIR
    return seen


def leftovers(out: Path) -> list[str]:
    keep = {st.CURRENT, ".cache", st.MARKER, *st.LINKED}
    return sorted(p.name for p in out.iterdir() if p.name not in keep and not p.name.startswith("gen-"))


def test_two_builds_write_the_same_bytes(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus", SEED_FILES[:2])
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        assert main(["build", str(folder), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    assert snapshot(a) == snapshot(b)
    assert execute(st.open_store(a), COUNT).rows == execute(st.open_store(b), COUNT).rows


def test_each_build_is_a_new_generation_and_the_previous_one_is_kept(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus", SEED_FILES[2:3])
    out = tmp_path / "out"
    versions = []
    for _ in range(3):
        build([folder], out, progress=lambda m: None)
        assert_one_complete_generation(out)
        versions.append(st.store_version(out))
    assert len(set(versions)) == 3
    # a server may still read the previous store: it stays until the next build replaces it
    gens = sorted(p.name for p in out.iterdir() if p.name.startswith("gen-"))
    assert gens == versions[1:]
    assert leftovers(out) == []


def test_form_feed_in_a_document_builds_and_survives_in_the_literal(tmp_path: Path) -> None:
    text = "1. 塔利班从贩毒中\f获益。\n2. 基地组织\u2028从绑架\v勒索中获益。\n"
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "doc.txt"), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    seen = assert_one_complete_generation(out)
    nq = seen["nexus.nq"].decode("utf-8")
    assert all(ln.endswith(" .") for ln in nq.split("\n") if ln)  # no statement broken across lines
    rows = execute(
        st.open_store(out), "SELECT ?t WHERE { GRAPH ?g { ?p <https://w3id.org/nexus-kg/ontology#text> ?t } }"
    ).rows
    texts = {str(r["t"].value) for r in rows}
    assert {
        "塔利班从贩毒中获益。",
        "基地组织从绑架勒索中获益。",
    } <= texts  # ingest drops the control characters


def test_the_nquads_writer_keeps_any_literal_on_one_line() -> None:
    import pyoxigraph as ox

    from graph.rdf.build import iri, quad_lines
    from graph.rdf.build import text as literal

    text = '1. 塔利班从贩毒中\f获益。\n第二行\r\v\u2028\u2029\x1c\x85 \\ "引号"'
    lines = quad_lines([(iri("urn:x:a"), iri("urn:x:p"), literal(text, "zh"))], "graph-d")
    assert len(lines) == 1 and lines[0].endswith(" .\n") and lines[0].count("\n") == 1
    [quad] = ox.parse(lines[0].encode("utf-8"), ox.RdfFormat.N_QUADS)
    assert quad.object.value == text


def test_a_build_killed_between_rename_and_switch_leaves_the_old_generation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = corpus(tmp_path / "corpus", SEED_FILES[2:3])
    out = tmp_path / "out"
    build([folder], out, progress=lambda m: None)
    before, version = snapshot(out), st.store_version(out)
    shutil.copyfile(SEED_FILES[3], folder / SEED_FILES[3].name)

    def crash(*args: object) -> None:
        raise KeyboardInterrupt  # stands for a kill after the generation folder was renamed

    monkeypatch.setattr(st, "_link", crash)
    with pytest.raises(KeyboardInterrupt):
        build([folder], out, progress=lambda m: None)
    assert snapshot(out) == before and st.store_version(out) == version
    monkeypatch.undo()
    build([folder], out, progress=lambda m: None)
    after = assert_one_complete_generation(out)
    assert after != before
    assert leftovers(out) == []
    assert len([p for p in out.iterdir() if p.name.startswith("gen-")]) == 2  # the orphan is gone


def test_a_full_disk_is_one_error_line_and_out_is_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = corpus(tmp_path / "corpus", SEED_FILES[2:3])
    out = tmp_path / "out"
    build([folder], out, progress=lambda m: None)
    before = snapshot(out)
    capsys.readouterr()

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(st.StreamLoader, "close", full)
    assert main(["build", str(folder), "--out", str(out), "--quiet", "--workers", "1"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Error: ") and "No space left on device" in err[0], err
    assert snapshot(out) == before
    assert leftovers(out) == []


@pytest.mark.parametrize("delay", [None, 0.0, 0.4, 1.2])
def test_kill_9_at_any_point_leaves_one_complete_generation(delay: float | None, tmp_path: Path) -> None:
    """SIGKILL during extraction (None: after the first document) or ``delay`` s after the last one."""
    folder = corpus(tmp_path / "corpus", SEED_FILES[2:4])
    out = tmp_path / "out"
    build([corpus(tmp_path / "old", SEED_FILES[2:3])], out, progress=lambda m: None)
    old = snapshot(out)
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "build", str(folder), "--out", str(out), "--workers", "1"],
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        wanted = "[1/" if delay is None else "[2/2]"
        while time.monotonic() < deadline and proc.poll() is None:
            line = proc.stderr.readline() if proc.stderr else ""
            if line.startswith(wanted):
                break
        time.sleep(delay or 0.0)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    seen = assert_one_complete_generation(out)
    build([folder], out, progress=lambda m: None)
    new = assert_one_complete_generation(out)
    assert new != old
    assert seen in (old, new)
    assert leftovers(out) == []


def test_a_graph_over_the_turtle_limit_is_built_without_turtle_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from graph import pipeline

    folder = corpus(tmp_path / "corpus", SEED_FILES[2:3])
    out = tmp_path / "out"
    build([folder], out, progress=lambda m: None)
    assert (out / "nexus.ttl").is_file()
    monkeypatch.setattr(pipeline, "TURTLE_LIMIT", 100)
    assert main(["build", str(folder), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    printed = capsys.readouterr().out
    assert "warning: nexus.ttl not written:" in printed and "--turtle writes it" in printed
    assert not (out / "nexus.ttl").exists() and "out/nexus.ttl" not in printed
    quads = len((out / "nexus.nq").read_bytes().splitlines())
    assert f" facts, {quads} quads" in printed  # distinct triples are not counted above the limit
    assert main(["build", str(folder), "--out", str(out), "--quiet", "--workers", "1", "--turtle"]) == 0
    assert (out / "nexus.ttl").is_file()
