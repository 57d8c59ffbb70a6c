"""The analyst notebook runs from top to bottom, so it cannot rot."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "centrality_report.ipynb"


def test_notebook_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_notebook_executes(built: Path, monkeypatch):
    monkeypatch.setenv("NEXUS_KG_OUT", str(built))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(ROOT / "notebooks")}}
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(str(o.get("data", {}).get("text/markdown", "")) + o.get("text", "") for o in outputs)
    assert "伊拉克和黎凡特伊斯兰国" in text  # the rankings and the SPARQL answers name ISIL
    assert "Which UN entities are mandated by which resolutions?" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the heatmap
    frames = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("<iframe srcdoc=" in f and "group-isil" in f for f in frames)  # the ego network
    # the over-time chart is the report's document-aware one (bars per document, not a trend line)
    import base64

    import rdflib

    from graph.analytics import report
    from graph.analytics.project import to_networkx

    g = rdflib.Graph().parse(built / "nexus.ttl", format="turtle")
    G = to_networkx(g)
    pngs, _ = report.charts(G, report.analysis(G), docs=report.sources(g))
    shown = [base64.b64decode(o["data"]["image/png"]) for o in outputs if "image/png" in o.get("data", {})]
    assert pngs["over_time.png"] in shown
