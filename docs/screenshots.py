"""Take the screenshots in docs/img/ from a built graph with headless Chromium.

    .venv/bin/nexus-kg build && .venv/bin/python docs/screenshots.py [--out out]

writes docs/img/viewer.png (the viewer as it opens), docs/img/document.png (the dossier of
S/2015/366 as the workbench shows it at /entity/doc-s-2015-366), docs/img/dossier.png (the first
page of the Taliban's dossier at /entity/group-taliban) and docs/img/workbench.png (the workbench,
served by `nexus-kg serve`, with a saved question's argument field filled in and its answer).
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graph.ns import ID_URI
from graph.rdf.store import open_store
from graph.sparql import document, dossier

IMG = Path(__file__).resolve().parent / "img"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=8000")


def shoot(page: Path | str, target: Path, size: str = "1400,900") -> None:
    """A screenshot of ``page`` (a file, or a URL) written to ``target``."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise SystemExit("chromium is not installed")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [exe, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size}", f"--screenshot={target}"]
        url = page.as_uri() if isinstance(page, Path) else page
        subprocess.run([*cmd, url], check=True, capture_output=True, timeout=180)
    print(f"wrote {target}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="out", help="the built folder (default: out/)")
    main_for(Path(ap.parse_args().out))


def main_for(out: Path) -> None:
    """Every screenshot of docs/img/ from the built folder ``out``."""
    shoot((out / "graph.html").resolve(), IMG / "viewer.png")
    store = open_store(out)
    page = document.to_html(document.document_dossier(store, ID_URI + "doc-s-2015-366"))
    found, paging = dossier.paginate(dossier.dossier(store, ID_URI + "group-taliban"), 1)
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "document.html"
        html.write_text(page, encoding="utf-8")
        shoot(html, IMG / "document.png", "1100,1300")
        entity = Path(tmp) / "dossier.html"
        entity.write_text(dossier.to_html(found, paging), encoding="utf-8")
        shoot(entity, IMG / "dossier.png", "1100,1300")
    del store
    workbench(out)


def workbench(out: Path) -> None:
    """The workbench as `nexus-kg serve` shows it, a saved question's field filled in by its link."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "serve", "--out", str(out), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):  # wait until it answers
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        shoot(f"http://127.0.0.1:{port}/#saved=documents-mentioning&entity=ISIL", IMG / "workbench.png")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
