"""Large corpora at the command line: --keep-going, --update, --workers, and interrupted builds.

Every corpus is built in tmp_path from the seed files; outputs are compared byte for byte.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from graph import pipeline
from graph.cli import main

SEED_FILES = sorted(SEEDS.glob("*.txt"))
OUTPUTS = ("nexus.ttl", "nexus.nq")


def corpus(folder: Path, files: list[Path] = SEED_FILES, copies: int = 1) -> Path:
    """``files`` copied into ``folder`` (``copies`` times, under distinct names), with the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        for f in files:
            name = f.name if copies == 1 else f"{f.stem}_{k:03d}.txt"
            shutil.copyfile(f, folder / name)
    if copies == 1:
        shutil.copyfile(SEEDS / "manifest.tsv", folder / "manifest.tsv")
    return folder


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def previous_out(out: Path) -> bytes:
    """An out/ holding a previous build's nexus.ttl; returns its bytes."""
    out.mkdir(parents=True, exist_ok=True)
    (out / ".nexus-kg").write_text("made by nexus-kg\n", encoding="utf-8")  # a folder a build made
    data = b"# previous build\n<urn:x:a> <urn:x:b> <urn:x:c> .\n"
    (out / "nexus.ttl").write_bytes(data)
    return data


@pytest.fixture
def bad_corpus(tmp_path: Path) -> Path:
    """Two good seed documents and one binary file between them."""
    folder = corpus(tmp_path / "corpus", SEED_FILES[2:4])
    (folder / "002b_blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return folder


def test_keep_going_builds_the_rest_and_lists_the_bad_file(
    bad_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert (
        main(["build", str(bad_corpus), "--out", str(out), "--quiet", "--keep-going", "--workers", "1"]) == 0
    )
    printed = capsys.readouterr().out
    assert "built 2 documents" in printed
    warning = [ln for ln in printed.splitlines() if "002b_blob.txt" in ln]
    assert len(warning) == 1 and warning[0].startswith("warning: ") and "binary file" in warning[0]
    assert all((out / name).stat().st_size > 0 for name in OUTPUTS)


def test_without_keep_going_a_bad_file_is_one_error_line_and_out_is_untouched(
    bad_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    before = previous_out(out)
    assert main(["build", str(bad_corpus), "--out", str(out), "--quiet", "--workers", "2"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Error: ") and "002b_blob.txt" in err[0], err
    assert (out / "nexus.ttl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [".nexus-kg", "nexus.ttl"]


def test_update_after_adding_a_document_equals_a_full_build(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus", SEED_FILES[:3])
    inc, full = tmp_path / "inc", tmp_path / "full"
    assert main(["build", str(folder), "--out", str(inc), "--quiet", "--workers", "1"]) == 0
    shutil.copyfile(SEED_FILES[3], folder / SEED_FILES[3].name)
    assert main(["build", str(folder), "--out", str(inc), "--quiet", "--workers", "1", "--update"]) == 0
    assert main(["build", str(folder), "--out", str(full), "--quiet", "--workers", "1"]) == 0
    assert outputs(inc) == outputs(full)


def test_update_with_nothing_changed_does_not_extract_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = corpus(tmp_path / "corpus", SEED_FILES[2:4])
    out = tmp_path / "out"
    pipeline.run_build([folder], out, progress=lambda m: None, workers=1, update=True)
    first = outputs(out)

    def refuse(task: object) -> None:
        raise AssertionError(f"extract_file called for {task}: the cache was not used")

    monkeypatch.setattr(pipeline, "extract_file", refuse)
    result = pipeline.run_build([folder], out, progress=lambda m: None, workers=1, update=True)
    assert result.documents == 2
    assert outputs(out) == first


def test_only_update_writes_the_extraction_cache(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus", SEED_FILES[2:4])
    out = tmp_path / "out"
    pipeline.run_build([folder], out, progress=lambda m: None, workers=1)
    assert not (out / pipeline.CACHE_DIR).exists()
    pipeline.run_build([folder], out, progress=lambda m: None, workers=1, update=True)
    assert len(list((out / pipeline.CACHE_DIR).glob("*.pickle"))) == 2


def test_two_workers_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    one, two = tmp_path / "w1", tmp_path / "w2"
    assert main(["build", str(SEEDS), "--out", str(one), "--quiet", "--workers", "1"]) == 0
    assert main(["build", str(SEEDS), "--out", str(two), "--quiet", "--workers", "2"]) == 0
    assert outputs(one) == outputs(two)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_interrupted_build_leaves_out_intact(workers: str, tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus", copies=20)
    out = tmp_path / "out"
    before = previous_out(out)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        # --update, so each document read leaves a cache entry: the sign that the build is under way
        [
            sys.executable,
            "-m",
            "graph.cli",
            "build",
            str(folder),
            "--out",
            str(out),
            "--workers",
            workers,
            "--update",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:  # wait for the first documents read
            if len(list(out.glob(".build-*/.cache/*.pickle"))) >= 2:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the build finished before it could be interrupted; use a bigger corpus"
        proc.send_signal(signal.SIGINT)
        _stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0
    assert "Traceback" not in stderr, stderr
    assert "Error: interrupted" in stderr
    assert (out / "nexus.ttl").read_bytes() == before
    assert not any(p.name.startswith(".build-") for p in out.iterdir())
