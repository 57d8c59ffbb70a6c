"""The viewer page of a build, drawn from its documents as they stream by.

``nexus-kg build`` used to project the whole graph back out of the store once it was loaded
(:func:`graph.analytics.project.graph_from_store`), a serial second pass over every claim. Each
document's worker now sends what the viewer reads of it (its claims, relation triples and own
description, see :class:`graph.rdf.build.DocumentQuads`); :class:`View` gathers them, and with the
entity graph draws the same page as :func:`graph.analytics.report.viewer` does from the store.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.analytics.project import ClaimRow, Place
    from graph.rdf.build import DocumentQuads


class View:
    """What the viewer reads of a build, gathered document by document (:meth:`add`), then the
    entity graph (:meth:`entities`); :meth:`page` draws it."""

    def __init__(self) -> None:
        self.rows: list[ClaimRow] = []
        self.relations: set[tuple[str, str, str]] = set()
        self.lines: list[str] = []

    def add(self, q: DocumentQuads) -> None:
        """One document's claims, relations and description."""
        for s, p, o, conf, hedged, places in q.claims:
            # a replicated corpus repeats its passages: their texts are held once
            kept: tuple[Place, ...] = tuple(
                (d, sys.intern(para), sys.intern(text)) for d, para, text in places
            )
            self.rows.append((s, p, o, conf, hedged, kept))
        self.relations |= q.relations
        self.lines.extend(q.described)

    def entities(self, lines: Sequence[str]) -> None:
        """The entity graph's N-Quads lines (its graph name is dropped)."""
        self.lines.extend(line.rsplit(" ", 2)[0] + " .\n" for line in lines)

    def page(self) -> str:
        """The viewer page (:func:`graph.analytics.report.viewer_page`)."""
        import rdflib

        from graph.analytics.project import passages_by_triple, project
        from graph.analytics.report import viewer_page

        g = rdflib.Graph(store="SimpleMemory")
        g.parse(data="".join(self.lines), format="nt")
        return viewer_page(project(g, self.rows, self.relations), passages_by_triple(g, self.rows))
