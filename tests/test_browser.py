"""The viewer page in a real browser: headless Chromium, with the network cut off."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import require_tool
from test_render import PAYLOAD, payload_graph

from graph import report

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1200,900", "--virtual-time-budget=5000",
    # no networking: every request goes to a proxy that is not there
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
)


def chromium(url: str, tmp: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    exe = require_tool("chromium")
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    return subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                          capture_output=True, text=True, timeout=180, check=False)


def load(page: Path, tmp: Path, fragment: str = "") -> str:
    """The DOM after the page ran, as Chromium serialises it."""
    done = chromium(page.as_uri() + fragment, tmp, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def tag(dom: str, name: str) -> str:
    m = re.search(rf"<{name}\b[^>]*>", dom)
    assert m, f"no <{name}> in the DOM"
    return m.group(0)


def test_viewer_draws_the_seed_graph_without_errors(built: Path, tmp_path: Path):
    page = built / "graph.html"
    dom = load(page, tmp_path)
    html_tag, body = tag(dom, "html"), tag(dom, "body")
    assert "data-errors" not in html_tag, re.search(r'<pre id="js-errors"[^>]*>(.*?)</pre>', dom, re.S)
    drawn = re.search(r'data-drawn="(\d+)"', body)
    assert drawn and int(drawn.group(1)) > 50
    assert 'data-stabilized="1"' in body  # physics stopped after stabilising
    assert "<canvas" in dom
    assert "恐怖主义团体 · terrorist group" in dom  # the legend was built

    shot = tmp_path / "viewer.png"
    done = chromium(page.as_uri(), tmp_path, f"--screenshot={shot}")
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    from matplotlib import image

    pixels = image.imread(shot)[:, 260:, :3]  # the network canvas, right of the legend
    ink = (pixels.min(axis=2) < 0.9).mean()
    assert ink > 0.02, f"only {ink:.1%} of the canvas is drawn"


def test_markup_in_documents_runs_nothing_in_the_browser(tmp_path: Path):
    page = tmp_path / "evil.html"
    page.write_text(report.viewer(payload_graph()), encoding="utf-8")
    dom = load(page, tmp_path, "#tip=" + quote("group-evil"))
    html_tag = tag(dom, "html")
    assert "data-alerted" not in html_tag and "data-errors" not in html_tag
    assert re.search(r'data-drawn="3"', tag(dom, "body"))
    assert "<img" not in dom
    preview = re.search(r'<div id="tip-preview"[^>]*>(.*?)</div>\s*<pre', dom, re.S)
    assert preview, "the tooltip preview was not rendered"
    tip = preview.group(1)
    escaped = PAYLOAD.replace("<", "&lt;").replace(">", "&gt;")
    assert f"恶意{escaped}" in tip  # the label shows the characters
    assert f"该团体{escaped}通过&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;走私石油获利。" in tip
    assert "S/2015/366 ¶32 (2015)" in tip
    assert tip.count('class="tip-line"') >= 3 and "&lt;br" not in tip  # one line per element


@pytest.mark.parametrize("fragment", ["", "#tip=" + quote("group-evil|benefitsFrom|crime-oil-smuggling")])
def test_edge_tooltip_and_page_need_no_network(tmp_path: Path, fragment: str):
    page = tmp_path / "evil.html"
    page.write_text(report.viewer(payload_graph()), encoding="utf-8")
    done = chromium(page.as_uri() + fragment, tmp_path, "--dump-dom", "--enable-logging=stderr", "--v=0")
    # with the network cut off, a page that needed a CDN would fail here ("vis is not defined")
    assert "Uncaught" not in done.stderr, done.stderr[-2000:]
    assert 'data-drawn="3"' in done.stdout
    if fragment:
        assert "受益于 · benefits from" in done.stdout and "1 supporting passage" in done.stdout
