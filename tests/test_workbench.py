"""The workbench that ``serve`` shows at ``/``, in headless Chromium with networking off."""

from __future__ import annotations

import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import require_tool
from test_browser import FLAGS
from test_render import PAYLOAD, payload_graph

from graph.errors import QueryError
from graph.sparql import pages
from graph.sparql.handler import make_server
from graph.sparql.saved import saved_queries

# loopback stays reachable (the server under test); everything else goes to a proxy that is not there
LOCAL_FLAGS = tuple(f for f in FLAGS if not f.startswith("--proxy-bypass-list"))


@pytest.fixture(scope="module")
def served(built: Path) -> Iterator[str]:
    yield from _serve(built)


def _serve(out: Path) -> Iterator[str]:
    server = make_server(out, port=0, workers=1)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url.removesuffix("sparql")
    server.shutdown()
    server.server_close()


def dom(url: str, tmp: Path) -> str:
    exe = require_tool("chromium")
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    done = subprocess.run(
        [exe, *LOCAL_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    html_tag = re.search(r"<html\b[^>]*>", done.stdout)
    assert html_tag and "data-errors" not in html_tag.group(0), re.findall(
        r'<pre id="js-errors".*?</pre>', done.stdout, re.S
    )
    return done.stdout


def test_saved_question_runs_with_labels_and_dossier_links(served: str, tmp_path: Path) -> None:
    page = dom(served + "#saved=groups-crimes", tmp_path)
    for q in saved_queries():
        assert f'data-name="{q.name}"' in page and q.title_zh in page
    rows = re.search(r'data-rows="(\d+)"', page)
    assert rows and int(rows.group(1)) > 3
    assert re.search(r'<a href="/entity/group-[a-z-]+" class="entity">[^<]*[\u4e00-\u9fff]', page)
    assert '<a id="viewer" href="/graph.html"' in page


def test_typed_query_runs_and_shows_names(served: str, tmp_path: Path) -> None:
    q = "SELECT ?g ?c WHERE { VALUES ?g { nxid:group-taliban } ?g :benefitsFrom ?c }"
    page = dom(served + "#query=" + quote(q), tmp_path)
    root = re.search(r"<html\b[^>]*>", page).group(0)
    assert 'data-rows="' in root and "data-failed" not in root
    assert '<a href="/entity/group-taliban" class="entity">塔利班</a>' in page
    assert '<a href="/entity/crime-drug-trafficking" class="entity">贩毒</a>' in page


def test_bad_query_shows_the_error(served: str, tmp_path: Path) -> None:
    page = dom(served + "#query=" + quote("SELECT ?x WHERE { ?x ?y }"), tmp_path)
    assert 'data-failed="1"' in re.search(r"<html\b[^>]*>", page).group(0) and re.search(
        r'<span id="status" class="error">HTTP 400', page
    )


def test_dossier_page_opens(served: str, tmp_path: Path) -> None:
    page = dom(served + "entity/" + quote("group-isil"), tmp_path)
    assert '<h1 id="label">伊拉克和黎凡特伊斯兰国</h1>' in page
    assert "S/2015/366 ¶32" in page and 'href="/entity/crime-oil-smuggling"' in page
    by_name = dom(served + "entity?name=" + quote("伊黎伊斯蘭國"), tmp_path)
    assert '<h1 id="label">伊拉克和黎凡特伊斯兰国</h1>' in by_name


def test_markup_in_documents_shows_as_text(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    payload_graph().serialize(out / "nexus.ttl", format="turtle")
    for url in _serve(out):
        page = dom(url + "#query=" + quote("SELECT ?s ?t WHERE { ?s nx:text ?t }"), tmp_path)
        assert 'data-rows="1"' in page
        assert "<img" not in page and PAYLOAD.replace("<", "&lt;").replace(">", "&gt;") in page
        dossier = dom(url + "entity/group-evil", tmp_path)
        assert "<img" not in dossier and "&lt;img src=x onerror=alert(1)&gt;" in dossier
        assert "恶意" in dossier


def test_pages_without_a_server(built: Path, tmp_path: Path) -> None:
    local = pages.local_dossiers(built)
    assert pages.page(built, "/entity/group-nobody-here", {}, local).status == 404
    with pytest.raises(QueryError):
        pages.page(tmp_path, "/entity/group-isil", {}, pages.local_dossiers(tmp_path))
    assert b"nexus-kg workbench" in pages.page(built, "/", {}, local).body
    assert pages.page(built, "/graph.html", {}, local).body == (built / "graph.html").read_bytes()


def test_viewer_draws_under_the_content_security_policy(served: str, tmp_path: Path) -> None:
    page = dom(served + "graph.html", tmp_path)  # the inline scripts are allowed by hash, nothing else
    assert re.search(r'data-drawn="\d+"', page)


def _ask(url: str, form: list[tuple[str, str]], accept: str) -> tuple[int, str]:
    import urllib.error
    import urllib.parse
    import urllib.request

    data = urllib.parse.urlencode(form).encode("utf-8")
    req = urllib.request.Request(url + "sparql", data=data, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_a_saved_question_takes_its_arguments_as_data(served: str) -> None:
    status, csv = _ask(served, [("saved", "documents-mentioning"), ("arg", "entity=boko haram")], "text/csv")
    assert status == 200 and csv.startswith("entity,document,symbol,title,passages,first")
    assert "group-boko-haram" in csv and "S/2015/366" in csv
    default = _ask(served, [("saved", "documents-mentioning")], "text/csv")[1]
    assert default == csv  # the default is 博科圣地
    # a value is a term to find, never query text
    status, body = _ask(
        served, [("saved", "documents-mentioning"), ("arg", 'entity=x" } ?s ?p ?o {')], "text/csv"
    )
    assert status == 404 and "no entity" in body.lower()
    status, body = _ask(served, [("saved", "documents-mentoning")], "text/csv")
    assert status in (400, 404) and "documents-mentioning" in body
    status, body = _ask(served, [("saved", "documents-mentioning"), ("arg", "entty=ISIL")], "text/csv")
    assert status == 400 and "did you mean entity" in body


def test_the_workbench_shows_a_field_per_argument_and_a_csv_download(served: str, tmp_path: Path) -> None:
    page = dom(served + "#saved=documents-mentioning&entity=" + quote("ISIL"), tmp_path)
    assert re.search(r'<input name="entity" class="arg"[^>]*>', page)
    root = re.search(r"<html\b[^>]*>", page).group(0)
    assert 'data-rows="' in root and "data-failed" not in root
    assert '<a href="/entity/group-isil" class="entity">' in page
    assert '<button type="button" id="csv">Download CSV</button>' in page  # shown once there is a table
    assert "(default: 博科圣地)" in page
