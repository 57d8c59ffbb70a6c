"""Where a build's time goes: seconds per stage, kept apart from what the build writes.

A build always keeps its :class:`Timings` (a few clock readings per document); ``nexus-kg build
--timings FILE`` writes them as JSON to ``FILE``, never into the graph's files, so the graph is
the same bytes with or without it.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from graph.errors import GraphError

T = TypeVar("T")

#: The stages, in the order a build meets them, and what each one measures (main process, seconds).
STAGES: dict[str, str] = {
    "startup": "loading the vocabulary and checking the rules",
    "extraction": "wall time of the document phase: from the first document asked for to the last received",
    "pool": "of the extraction, loading jieba's matcher and starting the worker processes",
    "waiting": "of the extraction, the main process waiting for the next document (the workers behind)",
    "nquads": "writing the documents' and the entity graph's N-Quads lines",
    "store": "loading the store: the bulk-load batches, summed, and the last batch and flush",
    "summary": "counting the summary from the streamed quads",
    "view": "gathering what the viewer page draws from the streamed documents",
    "entities": "making the entity graph's lines",
    "turtle": "writing nexus.ttl from the store (in the background, beside the chained steps)",
    "viewer": "writing the viewer page (graph.html)",
    "report": "writing the report, when a step chains it (nexus-kg build does not)",
    "turtle_wait": "waiting for nexus.ttl once the chained steps are done",
    "publish": "moving the cache and publishing the generation",
    "total": "the whole build, from loading the vocabulary to publishing",
}


@dataclass
class Timings:
    """Seconds per stage (:data:`STAGES`), the quads written and the input's size.

    Examples
    --------
    >>> t = Timings()
    >>> with t.stage("viewer"):
    ...     pass
    >>> sorted(t.record()["seconds"]) == sorted(STAGES)
    True
    """

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    quads: int = 0
    documents: int = 0
    input_bytes: int = 0
    workers: int = 1

    def add(self, stage: str, seconds: float) -> None:
        """Add ``seconds`` to ``stage``."""
        self.seconds[stage] += seconds

    @contextlib.contextmanager
    def stage(self, stage: str) -> Iterator[None]:
        """Add the time the ``with`` block takes to ``stage``."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - start

    def stream(self, items: Iterable[T], waiting: str, wall: str) -> Iterator[T]:
        """``items``, adding the time spent getting each one to ``waiting`` and the time from
        asking for the first to the end of ``items`` to ``wall``."""
        it = iter(items)
        first = time.perf_counter()
        while True:
            start = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                end = time.perf_counter()
                self.seconds[waiting] += end - start
                self.seconds[wall] += end - first
                return
            self.seconds[waiting] += time.perf_counter() - start
            yield item

    def record(self) -> dict[str, object]:
        """What the timings file holds."""
        kb = self.input_bytes / 1000
        return {
            "seconds": {k: round(v, 6) for k, v in self.seconds.items()},
            "quads": self.quads,
            "documents": self.documents,
            "input_kb": round(kb, 3),
            "quads_per_kb": round(self.quads / kb, 3) if kb else 0.0,
            "workers": self.workers,
            "stages": STAGES,
        }

    def write(self, path: Path) -> None:
        """Write :meth:`record` as JSON to ``path``.

        Raises
        ------
        GraphError
            If ``path`` cannot be written (the build itself is published by then).
        """
        try:
            path.write_text(json.dumps(self.record(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise GraphError(f"{path}: cannot write the timings ({exc.strerror or exc})") from None
