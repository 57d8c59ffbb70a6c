"""SHACL shapes generated from the ontology: entity targets and each relation's domain and range.

``ontology/shapes-generated.ttl`` is written from ``ontology/nexus.ttl`` by
``python -m graph.rdf.shapes`` and committed; a test fails when it differs from what this module
generates, so the shapes cannot drift from the ontology. Hand-written shapes (provenance,
passages, amounts) stay in ``ontology/shapes.ttl``.
"""

from __future__ import annotations

import sys

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDFS

from graph.ns import CLASSES, NX_URI, RELATIONS, ontology
from graph.resources import ontology_file

GENERATED = "shapes-generated.ttl"

HEADER = """\
@prefix nx: <https://w3id.org/nexus-kg/ontology#> .
@prefix nxsh: <https://w3id.org/nexus-kg/shapes#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

# Generated from ontology/nexus.ttl by `python -m graph.rdf.shapes`; do not edit by hand.
"""


def _classes(g: rdflib.Graph, node: rdflib.term.Node | None) -> tuple[str, ...]:
    """Local names of a domain or range: one class, or the members of an ``owl:unionOf``."""
    if node is None:
        return ()
    union = g.value(node, OWL.unionOf)
    members = list(Collection(g, union)) if union is not None else [node]
    return tuple(str(m)[len(NX_URI) :] for m in members)


def _constraint(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return f"sh:class nx:{names[0]}"
    return "sh:or ( " + " ".join(f"[ sh:class nx:{n} ]" for n in names) + " )"


def generate() -> str:
    """The Turtle text of the generated shapes, deterministic for a given ontology.

    >>> "nxsh:BenefitsFromShape" in generate()
    True
    """
    g = ontology()
    out = [HEADER]
    targets = ", ".join(f"nx:{c}" for c in CLASSES)
    out.append(f"nxsh:EntityShape sh:targetClass {targets} .\n")
    preds = " ".join(f"nx:{r}" for r in RELATIONS)
    out.append(f"nxsh:ClaimShape sh:property [ sh:path rdf:predicate ; sh:in ( {preds} ) ] .\n")
    objects = ", ".join(f"nx:{r}" for r in ("mentions", *RELATIONS))
    out.append(f"nxsh:MentionedShape sh:targetObjectsOf {objects} .\n")
    for rel in RELATIONS:
        prop = rdflib.URIRef(NX_URI + rel)
        domain = _classes(g, g.value(prop, RDFS.domain))
        range_ = _classes(g, g.value(prop, RDFS.range))
        lines = [
            f"nxsh:{rel[0].upper()}{rel[1:]}Shape a sh:NodeShape ;",
            f"    sh:targetSubjectsOf nx:{rel} ;",
        ]
        if domain and domain != ("Entity",):
            lines.append(f"    {_constraint(domain)} ;")
        message = f"{rel} must point to a " + " or ".join(range_)
        lines.append(
            f'    sh:property [ sh:path nx:{rel} ; {_constraint(range_)} ; sh:message "{message}" ] .'
        )
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def main() -> int:
    """Write ``ontology/shapes-generated.ttl``."""
    ontology_file(GENERATED).write_text(generate(), encoding="utf-8")
    print(f"wrote {ontology_file(GENERATED)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
