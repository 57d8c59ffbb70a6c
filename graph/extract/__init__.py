"""Extraction: files → documents → passages → mentions → facts (ingest, symbols, mentions, relations, rules)."""

import importlib.util


def compiled() -> bool:
    """Whether the extraction stage runs as C extensions (a ``NEXUS_KG_COMPILE=1`` build, see
    ``setup.py``), found without importing it."""
    spec = importlib.util.find_spec("graph.extract.clauses")
    return spec is not None and spec.origin is not None and not spec.origin.endswith(".py")
