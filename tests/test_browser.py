"""The viewer page in a real browser: headless Chromium, with the network cut off."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import require_tool
from test_render import PAYLOAD, payload_graph

from graph.analytics import report

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,900",
    "--virtual-time-budget=5000",
    # no networking: every request goes to a proxy that is not there
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
)


def chromium(url: str, tmp: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    exe = require_tool("chromium")
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    return subprocess.run(
        [exe, *FLAGS, f"--user-data-dir={profile}", *extra, url],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


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


def test_the_viewer_opens_on_entities_in_facts_and_a_toggle_shows_the_rest(built: Path, tmp_path: Path):
    page = built / "graph.html"
    html_text = page.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html_text, re.S)
    assert m
    data = json.loads(m.group(1))
    in_facts = sum(1 for n in data["nodes"] if not n.get("mention"))
    dom = load(page, tmp_path)
    assert f'data-drawn="{in_facts}"' in tag(dom, "body")
    assert f'<span class="count" id="mention-count">({data["mentions"]})</span>' in dom
    dom = load(page, tmp_path, "#mentions=1")
    body = tag(dom, "body")
    assert f'data-drawn="{len(data["nodes"])}"' in body and 'data-mentions-shown="1"' in body


def test_a_document_filter_draws_only_what_it_states(built: Path, tmp_path: Path):
    page = built / "graph.html"
    html_text = page.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html_text, re.S)
    assert m
    data = json.loads(m.group(1))
    ends = {n for e in data["edges"] if "S/RES/2482 (2019)" in e["docs"] for n in (e["from"], e["to"])}
    dom = load(page, tmp_path, "#doc=" + quote("S/RES/2482 (2019)"))
    body = tag(dom, "body")
    assert f'data-drawn="{len(ends)}"' in body and 0 < len(ends) < len(data["nodes"])


def test_a_hash_change_on_the_open_page_is_followed(built: Path, tmp_path: Path):
    page = tmp_path / "viewer.html"
    later = '<script>setTimeout(function () { location.hash = "#pin=group-taliban"; }, 50);</script></body>'
    page.write_text(
        (built / "graph.html").read_text(encoding="utf-8").replace("</body>", later), encoding="utf-8"
    )
    dom = load(page, tmp_path)
    assert 'data-pinned="group-taliban"' in tag(dom, "body")


def test_markup_in_documents_runs_nothing_in_the_browser(tmp_path: Path):
    page = tmp_path / "evil.html"
    page.write_text(report.viewer(payload_graph()), encoding="utf-8")
    dom = load(page, tmp_path, "#tip=" + quote("group-evil"))
    html_tag = tag(dom, "html")
    assert "data-alerted" not in html_tag and "data-errors" not in html_tag
    assert re.search(r'data-drawn="2"', tag(dom, "body"))  # the third is only mentioned
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
    assert 'data-drawn="2"' in done.stdout  # the payload's third entity is only mentioned
    if fragment:
        assert "受益于 · benefits from" in done.stdout and "1 supporting passage" in done.stdout


def _attr(dom: str, name: str, attr: str) -> str | None:
    m = re.search(rf'{attr}="([^"]*)"', tag(dom, name))
    return m.group(1) if m else None


def test_click_pins_details_and_copies_the_quote_with_its_citation(built: Path, tmp_path: Path):
    dom = load(built / "graph.html", tmp_path, "#pin=group-isil&copy=0")
    assert "data-errors" not in tag(dom, "html")
    assert _attr(dom, "body", "data-pinned") == "group-isil"
    details = re.search(r'<aside id="details">(.*?)</aside>', dom, re.S)
    assert (
        details
        and "伊拉克和黎凡特伊斯兰国" in details.group(1)
        and "复制引文 · copy quote" in details.group(1)
    )
    copied = _attr(dom, "body", "data-copied")
    assert copied and re.fullmatch(r"“.+” \(S/\d{4}/\d+ ¶\d+.*\)", copied), copied


def test_focus_page_is_pinned_highlighted_and_sized_on_what_it_draws(built: Path, tmp_path: Path):
    from graph.cli import main

    page = tmp_path / "focus.html"
    assert main(["viz", "--graph", str(built / "nexus.ttl"), "--focus", "塔利班", "--out", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="graph-data">(.*?)</script>', text, re.S).group(1))
    assert data["focus"] == "group-taliban"
    focus = [n for n in data["nodes"] if n.get("focus")]
    assert [n["id"] for n in focus] == ["group-taliban"] and focus[0]["borderWidth"] == 5
    # degree on the drawn subgraph: the focus is its hub, so it is the largest node
    assert focus[0]["size"] == max(n["size"] for n in data["nodes"])
    dom = load(page, tmp_path)
    assert "data-errors" not in tag(dom, "html") and _attr(dom, "body", "data-pinned") == "group-taliban"


def test_viewer_is_byte_identical_across_hash_seeds(built: Path, tmp_path: Path):
    import os
    import sys

    pages = []
    for seed in ("1", "2"):
        target = tmp_path / f"viz-{seed}.html"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "graph.cli",
                "viz",
                "--graph",
                str(built / "nexus.ttl"),
                "--out",
                str(target),
            ],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
            timeout=300,
        )
        pages.append(target.read_bytes())
    assert pages[0] == pages[1]
    assert b"randomSeed: 7" in pages[0]
