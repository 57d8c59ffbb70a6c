"""`nexus-kg report`: the CSV, the Markdown and the charts, on the seeds and on small graphs."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest

from graph import cli
from graph.analytics import analyze, charts, report
from graph.analytics.measures import MEASURES
from graph.analytics.project import ontology_labels, to_networkx


@pytest.fixture(scope="module")
def report_dir(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report-out")
    assert cli.main(["report", "--graph", str(built / "nexus.ttl"), "--out", str(out)]) == 0
    return out / "report"


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def section(md: str, heading: str) -> str:
    return md.split(heading, 1)[1].split("\n#", 1)[0]


def test_report_writes_csv_markdown_and_charts(report_dir: Path, seed_graph):
    names = sorted(p.name for p in report_dir.iterdir())
    assert names == [
        "centrality.csv",
        "centrality_by_year.csv",
        "group_crime_heatmap.png",
        "over_time.png",
        "report.md",
        "top_betweenness.png",
        "top_degree.png",
    ]
    table = rows(report_dir / "centrality.csv")
    G = to_networkx(seed_graph)
    assert [r["id"] for r in table] == sorted(G.nodes)
    assert list(table[0]) == [
        "id",
        "label_zh",
        "label_en",
        "class",
        "discovered",
        *MEASURES,
        "community",
    ]
    isil = next(r for r in table if r["id"] == "group-isil")
    assert (isil["label_zh"], isil["class"], isil["discovered"]) == (
        "伊拉克和黎凡特伊斯兰国",
        "TerroristGroup",
        "false",
    )
    assert int(isil["degree"]) == G.degree("group-isil")
    for png in report_dir.glob("*.png"):
        data = png.read_bytes()
        assert data.startswith(b"\x89PNG") and b"Software" not in data


def test_isil_tops_the_terrorist_groups_on_the_seeds(report_dir: Path):
    md = (report_dir / "report.md").read_text(encoding="utf-8")
    groups = section(md, "### 恐怖主义团体 · terrorist group")
    ids = [line.split("`")[1] for line in groups.splitlines() if line.startswith("| ") and "`" in line]
    assert "group-isil" in ids[:3], ids
    assert "伊拉克和黎凡特伊斯兰国 (Islamic State in Iraq and the Levant)" in groups


def test_report_has_every_section_with_a_reading(report_dir: Path):
    md = (report_dir / "report.md").read_text(encoding="utf-8")
    for heading in (
        "## Top actors per class",
        "## Group × crime type",
        "### Groups that share crime types",
        "### Crime types that share groups",
        "## Communities",
        "## Changes over time",
    ):
        body = section(md, heading)
        prose = [line for line in body.splitlines() if line and not line.startswith(("|", "#", "!"))]
        assert prose, f"{heading} has no sentence of reading"
    matrix = section(md, "## Group × crime type")
    assert "| 伊拉克和黎凡特伊斯兰国 |" in matrix
    years = section(md, "## Changes over time")
    for y in ("2012", "2015", "2019", "2020", "2021"):
        assert f"| {y} |" in years
    assert "![group_crime_heatmap.png](group_crime_heatmap.png)" in md


def test_report_is_byte_identical_on_rerun(seed_graph):
    first, _ = report.report_files(seed_graph)
    second, _ = report.report_files(seed_graph)
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], name


def test_by_year_csv_matches_the_year_subgraphs(report_dir: Path, seed_graph):
    G = to_networkx(seed_graph)
    table = rows(report_dir / "centrality_by_year.csv")
    for year in analyze.years(G):
        sub = analyze.year_subgraph(G, year)
        mine = {r["id"]: int(r["degree"]) for r in table if r["year"] == str(year)}
        assert mine == {v: d for v, d in sub.degree()}


def small_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph["labels"] = ontology_labels()
    for n, cls, zh, en in (
        ("g1", "TerroristGroup", "甲团体", "Group A"),
        ("g2", "TerroristGroup", "乙团体", "Group B"),
        ("oil", "CrimeType", "石油走私", "oil smuggling"),
        ("drugs", "CrimeType", "贩毒", "drug trafficking"),
        ("un", "UNEntity", "毒罪办", "UNODC"),
        ("irq", "Country", "伊拉克", "Iraq"),
    ):
        G.add_node(n, cls=cls, zh=zh, en=en, labels=(zh, en), discovered=False)
    for u, v, p, w, ys in (
        ("g1", "oil", "benefitsFrom", 3, (2015,)),
        ("g1", "drugs", "benefitsFrom", 1, (2019,)),
        ("g2", "drugs", "benefitsFrom", 2, (2019,)),
        ("g1", "irq", "operatesIn", 1, (2015,)),
        ("un", "irq", "activeIn", 1, (2019,)),
    ):
        G.add_edge(u, v, key=p, property=p, weight=w, years=ys)
    return G


def test_markdown_on_a_small_graph():
    G = small_graph()
    md = report.markdown(G, report.analysis(G))
    assert "| group \\ crime | 贩毒 | 石油走私 | total |" in md  # columns: most passages first, ties by id
    assert "| 甲团体 | 1 | 3 | 4 |" in md
    assert "The closest pair is 甲团体 and 乙团体, which share 1 crime types" in md
    assert "the most often stated link is 甲团体 → 石油走私 (3 passages)" in md


def test_charts_fall_back_to_english_and_warn_once():
    G = small_graph()
    pngs, warnings = charts.charts(G, report.analysis(G), font="")
    assert warnings == [charts.NO_CJK_FONT]
    assert sorted(pngs) == [
        "group_crime_heatmap.png",
        "over_time.png",
        "top_betweenness.png",
        "top_degree.png",
    ]


def test_a_cjk_font_is_found_and_used():
    font = charts.cjk_font()
    if font is None:
        pytest.skip("no CJK font installed (CI installs fonts-noto-cjk)")
    G = small_graph()
    pngs, warnings = charts.charts(G, report.analysis(G))
    assert warnings == []
    english, _ = charts.charts(G, report.analysis(G), font="")
    assert pngs["top_degree.png"] != english["top_degree.png"]  # drawn with the Chinese labels


def test_report_cli_on_a_missing_graph(tmp_path, capsys):
    assert cli.main(["report", "--graph", str(tmp_path / "none.ttl"), "--out", str(tmp_path)]) == 1
    assert "none.ttl: no such graph file" in capsys.readouterr().err


def test_sources_match_the_graph(seed_graph) -> None:
    from rdflib.namespace import RDF

    from graph.ns import NX

    docs = report.sources(seed_graph)
    files = set(seed_graph.subjects(NX.fileName, None))
    assert len(docs) == len(files) == len(list((Path(__file__).parents[1] / "seeds").glob("*.txt")))
    claims = set(seed_graph.subjects(NX.statedIn, None))
    assert sum(d.relations for d in docs) == len(claims)
    ends = [(str(seed_graph.value(c, RDF.subject)), str(seed_graph.value(c, RDF.object))) for c in claims]
    about = sum(1 for s, o in ends if s.endswith("/group-isil") or o.endswith("/group-isil"))
    assert sum(d.entities.get("group-isil", 0) for d in docs) == about > 0


def test_report_names_the_share_of_each_document_and_body(report_dir: Path, seed_graph) -> None:
    md = (report_dir / "report.md").read_text(encoding="utf-8")
    part = section(md, "## Where the relations come from · 关系来源")
    docs = report.sources(seed_graph)
    total = sum(d.relations for d in docs)
    assert f"The corpus has {len(docs)} documents, stating {total} relations" in part
    for d in docs:
        assert (
            f"| {d.symbol} | {d.body} | {d.year} | {d.relations} | {100 * d.relations / total:.0f}% |" in part
        )
    assert "By body: " in part and f"One document, {docs[0].symbol}," in part


def test_one_document_a_year_gets_bars_per_document_not_a_trend(seed_graph) -> None:
    from matplotlib import image

    G = to_networkx(seed_graph)
    result = report.analysis(G)
    docs = report.sources(seed_graph)
    bars, _ = charts.charts(G, result, docs=docs)
    lines, _ = charts.charts(G, result, docs=())
    assert bars["over_time.png"] != lines["over_time.png"]
    # the per-document chart has one bar group per dated document: wider than the five-year line chart is not
    # guaranteed, so check the picture itself: bars fill solid rectangles of the first group's colour
    px = image.imread(io.BytesIO(bars["over_time.png"]))[:, :, :3]
    blue = (
        (abs(px[:, :, 0] - 0.12) < 0.03) & (abs(px[:, :, 1] - 0.47) < 0.03) & (abs(px[:, :, 2] - 0.71) < 0.03)
    )
    assert blue.sum() > 2000


def test_the_heatmap_keeps_the_most_often_stated_crime_types():
    matrix = {f"g{i:02d}": {"c-tie": 1} for i in range(30)}  # 30 groups naming one crime type each
    matrix["g-wide"] = {f"c{j:02d}": j + 1 for j in range(30)}  # and one naming 30, stated j + 1 times
    groups, crimes, named = charts.heatmap_axes(matrix)
    assert groups == ["g-wide", *(f"g{i:02d}" for i in range(charts.HEATMAP_GROUPS - 1))]
    assert named == 31 and len(crimes) == charts.HEATMAP_CRIMES == 25
    # c29 is stated 30 times; c-tie 19 times (by the 19 small groups shown), as often as c18: ids break the tie
    assert crimes[:3] == ["c29", "c28", "c27"] and crimes[11:13] == ["c-tie", "c18"]
    assert crimes[-1] == "c06"


def test_chart_labels_tell_every_seed_entity_apart_without_a_cjk_font(seed_graph) -> None:
    G = report.to_networkx(seed_graph)
    for cls in charts.CHART_CLASSES:
        nodes = sorted(v for v, c in G.nodes(data="cls") if c == cls)
        for cjk in (True, False):
            labels = charts.chart_labels(G, nodes, cjk)
            assert len(set(labels)) == len(nodes), (cls, cjk)
            assert all(len(lab.split(" (")[0]) <= 18 for lab in labels)
