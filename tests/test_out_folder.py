"""The build owns out/: it refuses folders it did not make, the root and home, and a second
build at once (security findings 3 and 4)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.cli import main
from graph.rdf import store

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "seeds" / "002_1ce6e44335356221.txt"


def test_a_foreign_folder_is_refused_and_left_as_it_was(tmp_path: Path, capsys) -> None:
    out = tmp_path / "mine"
    (out / "gen-000001").mkdir(parents=True)
    (out / "store").mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    assert main(["build", str(DOC), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {out}: not empty and not made by nexus-kg") and err.count("\n") == 1
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("target", ["/", str(Path.home())])
def test_the_root_and_home_folders_are_refused(target: str, capsys) -> None:
    assert main(["build", str(DOC), "--out", target, "--quiet"]) == 1
    assert "refusing to build into the root or home folder" in capsys.readouterr().err


def test_an_empty_out_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["build", str(DOC), "--out", ""])
    assert done.value.code == 2
    assert "give a folder name, not an empty string" in capsys.readouterr().err


def test_a_second_build_into_the_same_folder_stops_naming_the_first(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["build", str(DOC), "--out", str(out), "--quiet"]) == 0
    capsys.readouterr()
    first = (out / "nexus.nq").read_bytes()
    with store.owned(out):  # a build in progress holds the lock
        assert main(["build", str(DOC), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"another build is writing here (nexus-kg build, process {os.getpid()})" in err
    assert (out / "nexus.nq").read_bytes() == first
    assert main(["build", str(DOC), "--out", str(out), "--quiet"]) == 0  # the lock is released


def test_a_folder_the_build_made_is_marked_and_rebuilt(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", str(DOC), "--out", str(out), "--quiet"]) == 0
    assert (out / store.MARKER).read_text(encoding="utf-8").startswith("made by nexus-kg")
    assert main(["build", str(DOC), "--out", str(out), "--quiet"]) == 0
    assert [p.name for p in out.glob("gen-*")] == ["gen-000001", "gen-000002"] or len(
        list(out.glob("gen-*"))
    ) <= 2
