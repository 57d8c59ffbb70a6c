"""Take the screenshots in docs/img/ from a built graph with headless Chromium.

    .venv/bin/nexus-kg build && .venv/bin/python docs/screenshots.py [--out out]

writes docs/img/viewer.png (the viewer as it opens) and docs/img/document.png (the dossier of
S/2015/366 as the workbench shows it at /entity/doc-s-2015-366).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from graph.ns import ID_URI
from graph.rdf.store import open_store
from graph.sparql import document

IMG = Path(__file__).resolve().parent / "img"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=8000")


def shoot(page: Path, target: Path, size: str = "1400,900") -> None:
    """A screenshot of ``page`` written to ``target``."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise SystemExit("chromium is not installed")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [exe, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size}", f"--screenshot={target}"]
        subprocess.run([*cmd, page.as_uri()], check=True, capture_output=True, timeout=180)
    print(f"wrote {target}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="out", help="the built folder (default: out/)")
    args = ap.parse_args()
    out = Path(args.out)
    shoot((out / "graph.html").resolve(), IMG / "viewer.png")
    store = open_store(out)
    page = document.to_html(document.document_dossier(store, ID_URI + "doc-s-2015-366"))
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "document.html"
        html.write_text(page, encoding="utf-8")
        shoot(html, IMG / "document.png", "1100,1300")


if __name__ == "__main__":
    main()
