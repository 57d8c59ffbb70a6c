"""The README cannot drift: every block marked ``<!-- output of: CMD -->`` is what CMD prints now.

The commands run on a fresh build of the seeds (``out/`` is the session's build). In a block, a
line ``…`` stands for any number of lines, and a first line ``$ CMD`` is the command itself.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from graph.cli import main

MARKER = re.compile(r"<!-- output of: (.+?) -->\n```\w*\n(.*?)```", re.S)


def blocks(path: Path) -> list[tuple[str, list[str]]]:
    return [(m.group(1), m.group(2).splitlines()) for m in MARKER.finditer(path.read_text(encoding="utf-8"))]


def matches(want: list[str], got: list[str]) -> bool:
    """Whether ``got`` fits ``want``, where a ``…`` line in ``want`` matches any run of lines."""
    if not want:
        return not got
    if want[0].strip() == "…":
        return any(matches(want[1:], got[i:]) for i in range(len(got) + 1))
    return bool(got) and want[0].rstrip() == got[0].rstrip() and matches(want[1:], got[1:])


def run(cmd: str, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    args = shlex.split(cmd)
    assert args[0] == "nexus-kg", cmd
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("COLUMNS", "100")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            code = main(args[1:])
        except SystemExit as exc:  # --help
            code = int(exc.code or 0)
    assert code == 0, cmd
    return buf.getvalue().splitlines()


README_BLOCKS = blocks(ROOT / "README.md") + blocks(ROOT / "docs" / "analyst.md")


def test_the_readme_has_checked_blocks() -> None:
    cmds = [c for c, _ in README_BLOCKS]
    assert "nexus-kg --help" in cmds and "nexus-kg eval tests/gold/facts.tsv" in cmds
    assert any(c.startswith("nexus-kg build") for c in cmds) and any(
        c.startswith("nexus-kg show") for c in cmds
    )


@pytest.mark.parametrize(("cmd", "want"), README_BLOCKS, ids=[c for c, _ in README_BLOCKS])
def test_block_is_the_output_of_a_fresh_build(
    cmd: str, want: list[str], built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "seeds").symlink_to(SEEDS)
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    if cmd.startswith("nexus-kg build"):
        shutil.copytree(built, tmp_path / "out", symlinks=True)  # --update reuses its extraction
        cmd += " --update --quiet"
    else:
        (tmp_path / "out").symlink_to(built)
    if want and want[0].startswith("$ "):
        want = want[1:]
    got = run(cmd, tmp_path, monkeypatch)
    got = [line.replace(str(tmp_path) + "/", "") for line in got]
    assert matches(want, got), "\n".join(["README says:", *want, "", f"`{cmd}` prints:", *got])


def test_the_report_sample_in_docs_is_what_a_fresh_report_says(built: Path, tmp_path: Path) -> None:
    import importlib.util

    from graph import cli

    spec = importlib.util.spec_from_file_location("regenerate", ROOT / "docs" / "regenerate.py")
    assert spec is not None and spec.loader is not None
    regenerate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(regenerate)
    assert cli.main(["report", "--graph", str(built / "nexus.ttl"), "--out", str(tmp_path)]) == 0
    fresh = (tmp_path / "report" / "report.md").read_text(encoding="utf-8")
    sample = (ROOT / "docs" / "report-sample.md").read_text(encoding="utf-8")
    assert sample == regenerate.report_sample(fresh), (
        "run: python docs/regenerate.py (after build and report)"
    )
