"""For teams: the Oxigraph server (PyPI ``oxigraph``) serves ``out/store`` read-only on loopback,
and every saved question asked with ``nexus-kg query --endpoint`` answers as it does locally."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import require_tool

from graph.cli import main
from graph.rdf.store import STORE_DIR
from graph.sparql.saved import saved_queries


def oxigraph() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else require_tool("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def endpoint(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``oxigraph serve-read-only`` on a copy of the built store, on 127.0.0.1."""
    store = tmp_path_factory.mktemp("served") / STORE_DIR
    shutil.copytree((built / STORE_DIR).resolve(), store)
    port = free_port()
    proc = subprocess.Popen(
        [
            oxigraph(),
            "serve-read-only",
            "--location",
            str(store),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "RUST_LOG": "warn"},
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    pytest.fail(f"oxigraph did not start: {err[-500:]}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def answer(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["query", "--format", "csv", *args]) == 0
    out = capsys.readouterr().out
    return [*sorted(out.splitlines()[1:]), out.splitlines()[0]] if out else []


@pytest.mark.parametrize("name", [s.name for s in saved_queries()])
def test_saved_question_answers_the_same_from_the_oxigraph_server(
    name: str, endpoint: str, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    local = answer(capsys, "--name", name, "--out", str(built))
    remote = answer(capsys, "--name", name, "--endpoint", endpoint)
    assert remote == local
    assert len(local) > 1, f"{name} answers nothing on the seeds"


@pytest.mark.parametrize("name", ["boko haram", "博科聖地", "nxid:group-isil", "Somalia"])
def test_arguments_answer_the_same_from_the_oxigraph_server(
    name: str, endpoint: str, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ask = ("--name", "documents-mentioning", "--arg", f"entity={name}")
    local = answer(capsys, *ask, "--out", str(built))
    assert answer(capsys, *ask, "--endpoint", endpoint) == local and len(local) > 1


def test_a_misspelt_id_at_the_endpoint_gets_the_near_ones(endpoint: str, capsys) -> None:
    ask = [
        "query",
        "--name",
        "documents-mentioning",
        "--arg",
        "entity=nxid:group-isl",
        "--endpoint",
        endpoint,
    ]
    assert main(ask) == 1
    assert capsys.readouterr().err == (
        "Error: nxid:group-isl: no such entity in the graph; did you mean nxid:group-isil?\n"
    )


def test_the_server_refuses_updates(endpoint: str, capsys: pytest.CaptureFixture[str]) -> None:
    update = endpoint.rsplit("/", 1)[0] + "/update"
    req = urllib.request.Request(
        update,
        data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        headers={"Content-Type": "application/sparql-update"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(req, timeout=5)
