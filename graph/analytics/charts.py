"""The report's PNG charts (top actors, the group × crime heatmap, change over time) and the CJK font
they use for Chinese labels.

Each chart is returned as PNG bytes without the matplotlib version in its metadata, so the same
graph gives the same files.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, cast

import networkx as nx

if TYPE_CHECKING:
    from graph.analytics.report import Source

#: Font families tried for Chinese chart labels, in order.
CJK_FONTS: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "Noto Sans CJK JP",
    "Noto Serif CJK JP",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
)
_CJK_FILE_HINTS = ("notosanscjk", "notoserifcjk", "sourcehan", "wqy", "droidsansfallback")

#: Classes that get a panel in the "top actors" charts.
CHART_CLASSES: tuple[str, ...] = ("TerroristGroup", "CrimeType", "UNEntity", "Country")

#: Rows (groups with most crime types) and columns (crime types most often stated) of the heatmap.
HEATMAP_GROUPS = 20
HEATMAP_CRIMES = 25

NO_CJK_FONT = "no CJK font found (install fonts-noto-cjk); charts use English labels instead of Chinese"


def heatmap_axes(matrix: dict[str, dict[str, int]]) -> tuple[list[str], list[str], int]:
    """The heatmap's rows and columns, and how many crime types its rows name in all.

    Rows: the :data:`HEATMAP_GROUPS` groups tied to most crime types; columns: of the crime
    types they name, the :data:`HEATMAP_CRIMES` most often stated (a wider image is unreadable
    and slow to draw). Ties by id.

    Examples
    --------
    >>> heatmap_axes({"g1": {"oil": 1, "arms": 2}, "g2": {"oil": 2}})
    (['g1', 'g2'], ['oil', 'arms'], 2)
    """
    groups = sorted(matrix, key=lambda g: (-len(matrix[g]), str(g)))[:HEATMAP_GROUPS]
    stated = Counter[str]()
    for g in groups:
        stated.update(matrix[g])
    crimes = sorted(stated, key=lambda c: (-stated[c], str(c)))
    return groups, crimes[:HEATMAP_CRIMES], len(crimes)


@cache
def cjk_font() -> str | None:
    """The family name of an installed font that draws Chinese, or None.

    Examples
    --------
    >>> cjk_font() is None or isinstance(cjk_font(), str)
    True
    """
    from matplotlib import font_manager

    for attempt in range(2):
        names = {f.name for f in font_manager.fontManager.ttflist}
        for family in CJK_FONTS:
            if family in names:
                return family
        if attempt == 0:  # the font cache may predate the font: add system CJK fonts and retry
            for path in font_manager.findSystemFonts():
                if any(h in path.lower().replace("-", "").replace("_", "") for h in _CJK_FILE_HINTS):
                    try:
                        font_manager.fontManager.addfont(path)
                    except (OSError, RuntimeError, ValueError):
                        continue
    return None


def chart_labels(G: nx.MultiDiGraph, nodes: Sequence[Any], cjk: bool = True) -> list[str]:
    """The labels of ``nodes`` on a chart: the Chinese name (with a CJK font, else the English
    one), cut to 18 characters; names that the cut makes equal get their ids, so each entity
    reads distinctly.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("un-unodc", zh="", en="United Nations Office on Drugs and Crime")
    >>> G.add_node("un-unoct", zh="", en="United Nations Office of Counter-Terrorism")
    >>> chart_labels(G, ["un-unodc", "un-unoct"], cjk=False)
    ['United Nations Of… (un-unodc)', 'United Nations Of… (un-unoct)']
    """

    def cut(v: Any) -> str:
        d = G.nodes[v]
        text = (d.get("zh") if cjk else "") or d.get("en") or str(v)
        return text if len(text) <= 18 else text[:17] + "…"

    labels = [cut(v) for v in nodes]
    seen = Counter(labels)
    return [f"{lab} ({v})" if seen[lab] > 1 else lab for lab, v in zip(labels, nodes, strict=True)]


def charts(
    G: nx.MultiDiGraph, result: dict[str, Any], font: str | None = None, docs: Sequence[Source] = ()
) -> tuple[dict[str, bytes], list[str]]:
    """PNG charts: top actors by degree and betweenness, the group × crime heatmap, change over time.

    Parameters
    ----------
    font : str, optional
        The CJK font family; by default :func:`cjk_font`. Without one, labels are English and
        the returned warnings say so once.
    docs : sequence of Source
        The corpus documents (:func:`sources`). When a year has only one document, the
        over-time chart draws bars per document instead of lines, which would read as a trend.

    Returns
    -------
    (dict, list)
        ``{file name: PNG bytes}`` and warning lines.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    font = font if font is not None else cjk_font()
    warnings = [] if font else [NO_CJK_FONT]

    def cls_title(cls: str) -> str:
        lab = G.graph.get("labels", {}).get(cls, {})
        return f"{lab.get('zh', '')} {lab.get('en', cls)}".strip() if font else lab.get("en", cls)

    rc = {
        "font.family": [font, "DejaVu Sans"] if font else ["DejaVu Sans"],
        "axes.unicode_minus": False,
        "svg.hashsalt": "nexus-kg",
    }
    out: dict[str, bytes] = {}
    scores = result["scores"]

    def save(fig: Any, file: str) -> None:
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=110, metadata={"Software": None}, bbox_inches="tight")
        plt.close(fig)
        out[file] = buf.getvalue()

    with plt.rc_context(cast(Any, rc)):
        for measure in ("degree", "betweenness"):
            fig, axes = plt.subplots(2, 2, figsize=(11, 7.5))
            for ax, cls in zip(axes.flat, CHART_CLASSES, strict=True):
                nodes = [v for v, c in G.nodes(data="cls") if c == cls]
                best = sorted(nodes, key=lambda v: (-scores[measure][v], str(v)))[:8][::-1]
                # bars at positions, labels set apart: two equal labels are two bars, in score order
                ax.barh(range(len(best)), [scores[measure][v] for v in best], color="#4c72b0")
                ax.set_yticks(range(len(best)), chart_labels(G, best, bool(font)))
                ax.set_title(cls_title(cls), fontsize=11)
                ax.tick_params(labelsize=9)
                if not best:
                    ax.text(0.5, 0.5, "—", ha="center", transform=ax.transAxes)
            fig.suptitle(f"Top entities per class by {measure}" + (" · 按类别排名" if font else ""))
            fig.tight_layout()
            save(fig, f"top_{measure}.png")

        matrix = result["matrix"]
        groups, crimes, named = heatmap_axes(matrix)
        fig, ax = plt.subplots(figsize=(max(6.0, 0.7 * len(crimes) + 3), max(3.0, 0.45 * len(groups) + 2)))
        data = [[matrix[g].get(c, 0) for c in crimes] for g in groups] or [[0]]
        im = ax.imshow(data, cmap="Reds", aspect="auto", vmin=0)
        ax.set_xticks(range(len(crimes)), chart_labels(G, crimes, bool(font)), rotation=45, ha="right")
        ax.set_yticks(range(len(groups)), chart_labels(G, groups, bool(font)))
        top = max(max(row) for row in data) or 1
        for i, row in enumerate(data if groups else []):
            for j, val in enumerate(row):
                if val:
                    ax.text(
                        j,
                        i,
                        str(val),
                        ha="center",
                        va="center",
                        fontsize=8,
                        color="white" if val > top / 2 else "black",
                    )
        bar = fig.colorbar(im, ax=ax, label="passages · 段落")
        bar.set_ticks(sorted({0, *range(0, top + 1, max(1, top // 5))}))
        shown = "" if len(crimes) == named else f" (the {len(crimes)} most often stated)"
        ax.set_title("Terrorist group × crime type" + shown + (" · 恐怖主义团体 × 犯罪类型" if font else ""))
        fig.tight_layout()
        save(fig, "group_crime_heatmap.png")

        by_year = result["by_year"]
        years = list(by_year)
        fig, ax = plt.subplots(figsize=(9, 5))
        tracked = sorted(
            (v for v, c in G.nodes(data="cls") if c == "TerroristGroup"),
            key=lambda v: (-scores["degree"][v], str(v)),
        )[:6]
        legend = dict(zip(tracked, chart_labels(G, tracked, bool(font)), strict=True))
        per_year = Counter(d.year for d in docs if d.year is not None)
        if docs and any(n == 1 for n in per_year.values()):
            dated = sorted((d for d in docs if d.year is not None), key=lambda d: (d.year, d.symbol))
            width = 0.8 / max(1, len(tracked))
            for i, v in enumerate(tracked):
                ax.bar(
                    [k + i * width for k in range(len(dated))],
                    [d.entities.get(str(v), 0) for d in dated],
                    width=width,
                    label=legend[v],
                )
            ax.set_xticks(
                [k + width * (len(tracked) - 1) / 2 for k in range(len(dated))],
                [f"{d.symbol}\n{d.year}" for d in dated],
                fontsize=8,
            )
            ax.set_xlabel("document (one bar group each: a year with one document is not a trend)")
            ax.set_ylabel("claims naming the group in that document")
            ax.set_title("Terrorist groups per document" + (" · 各文件中的恐怖主义团体" if font else ""))
        else:
            for v in tracked:
                ax.plot(years, [by_year[y]["degree"].get(v, 0) for y in years], marker="o", label=legend[v])
            ax.set_xticks(years)
            ax.set_xlabel("document year")
            ax.set_ylabel("degree (relations stated that year)")
            ax.set_title("Terrorist groups over time" + (" · 恐怖主义团体随时间的变化" if font else ""))
        if tracked:
            ax.legend(fontsize=8)
        fig.tight_layout()
        save(fig, "over_time.png")
    return out, warnings
