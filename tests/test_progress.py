"""A long build shows a bar with rate and time left on a terminal; nothing when piped or quiet."""

from __future__ import annotations

import io
from pathlib import Path

from graph.cli import main
from graph.progress import Bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _corpus(folder: Path, n: int = 3) -> Path:
    folder.mkdir()
    for k in range(n):
        (folder / f"note-{k}.txt").write_text(
            f"S/2099/{k + 1}\n1. 据报，青年党从木炭走私中获得了约{k + 2}00万美元。\n", encoding="utf-8"
        )
    return folder


def test_a_terminal_gets_a_bar_with_rate_and_time_left() -> None:
    screen = Terminal()
    bar = Bar(screen)
    for k in range(1, 5):
        bar.step(k, 4, f"note-{k}.txt")
    drawn = screen.getvalue()
    assert "4/4" in drawn and "doc/s" in drawn and "<" in drawn  # elapsed<left, rate
    assert "[1/4]" not in drawn


def test_a_pipe_gets_no_bar(tmp_path: Path, capsys) -> None:
    assert main(["build", str(_corpus(tmp_path / "docs")), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "doc/s" not in err and "[1/3]" not in err and "\r" not in err


def test_quiet_prints_nothing_on_stderr(tmp_path: Path, capsys) -> None:
    assert main(["build", str(_corpus(tmp_path / "docs")), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
