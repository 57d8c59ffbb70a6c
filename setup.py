"""Compiled build: with ``NEXUS_KG_COMPILE=1`` (see ``build_support/backend.py``) mypyc compiles
the extraction stage's modules, the code every sentence goes through; the package is otherwise
the same, and its graphs are byte-identical (``.ci/compiled-check``)."""

import os

from setuptools import setup

#: The modules compiled: the extraction stage and the text helpers it calls per sentence.
COMPILED = [
    "graph/extract/clauses.py",
    "graph/extract/discourse.py",
    "graph/extract/ingest.py",
    "graph/extract/mentions.py",
    "graph/extract/nested.py",
    "graph/extract/orgs.py",
    "graph/extract/relations.py",
    "graph/extract/rules/active.py",
    "graph/extract/rules/benefit.py",
    "graph/extract/rules/common.py",
    "graph/extract/rules/mandate.py",
    "graph/extract/rules/operate.py",
    "graph/extract/rules/recall.py",
    "graph/extract/rules/table.py",
    "graph/script.py",
    "graph/symbols.py",
]

if os.environ.get("NEXUS_KG_COMPILE") == "1":
    from mypyc.build import mypycify

    setup(ext_modules=mypycify(COMPILED, opt_level="3", group_name="graph_compiled"))
else:
    setup()
