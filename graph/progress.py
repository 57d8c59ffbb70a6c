"""The progress of a build: a bar with rate and time left on a terminal (tqdm), nothing elsewhere.

A progress callback takes a message; a :class:`Bar` is one that also counts documents.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, Any


class Bar:
    """A callback for :func:`graph.pipeline.build_graph` that draws a bar of the documents read,
    with their rate and the time left, on ``stream`` if it is a terminal, and nothing otherwise.

    >>> import io
    >>> bar = Bar(io.StringIO())
    >>> bar.step(1, 2, "a.txt"); bar.step(2, 2, "b.txt"); bar("a message")
    """

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.shown = bool(getattr(self.stream, "isatty", lambda: False)())
        self._bar: Any = None

    def __call__(self, message: str) -> None:
        """Another message: written above the bar on a terminal, dropped elsewhere."""
        if self.shown:
            from tqdm import tqdm

            tqdm.write(message, file=self.stream)

    def step(self, done: int, total: int, name: str) -> None:
        """Document ``done`` of ``total`` (called ``name``) is read; the bar closes at the last."""
        if not self.shown:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, file=self.stream, unit="doc", dynamic_ncols=True, leave=True)
        self._bar.set_postfix_str(name, refresh=False)
        self._bar.update(done - self._bar.n)
        if done >= total:
            self.close()

    def close(self) -> None:
        """Stop drawing (after the last document, or when the build stops early)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def step(progress: Callable[[str], None], done: int, total: int, name: str) -> None:
    """Tell ``progress`` that document ``done`` of ``total`` is read: a :class:`Bar` moves, any
    other callback gets a ``[done/total] name`` line.

    >>> step(print, 3, 10, "note.txt")
    [3/10] note.txt
    """
    if isinstance(progress, Bar):
        progress.step(done, total, name)
    else:
        progress(f"[{done}/{total}] {name}")
