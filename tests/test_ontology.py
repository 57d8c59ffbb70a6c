"""The ontology file is the one source of the project's classes, relations and relation shapes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from graph import ns, symbols, vocab
from graph.errors import OntologyError
from graph.ns import RELATIONS
from graph.rdf import shapes, validate
from graph.resources import ontology_file

NX = rdflib.Namespace(ns.NX_URI)
ID = rdflib.Namespace(ns.ID_URI)


def test_generated_shapes_match_the_ontology() -> None:
    committed = ontology_file(shapes.GENERATED).read_text(encoding="utf-8")
    assert committed == shapes.generate(), "run `python -m graph.rdf.shapes` and commit the result"


def test_classes_and_relations_come_from_the_ontology_lists() -> None:
    g = ns.ontology()
    classes = {str(c)[len(ns.NX_URI) :] for c in g.subjects(rdflib.RDF.type, rdflib.OWL.Class)}
    assert set(ns.CLASSES) <= classes
    assert vocab.KINDS == ns.CLASSES
    assert RELATIONS == ns.RELATIONS
    for rel in ns.RELATIONS:
        assert (NX[rel], rdflib.RDF.type, rdflib.OWL.ObjectProperty) in g
        assert g.value(NX[rel], rdflib.RDFS.range) is not None, f"{rel} has no range"
    # Country is a Region, so it must come first to be shown as a Country
    assert ns.CLASSES.index("Country") < ns.CLASSES.index("Region")


def test_a_list_naming_an_undeclared_term_is_refused() -> None:
    g = rdflib.Graph()
    g += ns.ontology()
    head = g.value(ns.ONTOLOGY_IRI, NX.relationProperties)
    rdflib.collection.Collection(g, head).append(NX.benefitFrom)
    store = ox.Store()
    store.load(g.serialize(format="nt"), format=ox.RdfFormat.N_TRIPLES)
    assert ns.listed(ns.ontology_store(), "relationProperties") == ns.RELATIONS
    with pytest.raises(OntologyError, match="benefitFrom"):
        ns.listed(store, "relationProperties")


def _graph(*triples: tuple[rdflib.term.Node, ...]) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, p, o in triples:
        g.add((s, p, o))
    return g


def test_generated_relation_shapes_check_domain_and_range() -> None:
    group, place, crime = ID["group-x"], ID["place-y"], ID["crime-z"]
    labels = [(n, rdflib.RDFS.label, rdflib.Literal("名", lang="zh")) for n in (group, place, crime)]
    good = _graph(
        (group, rdflib.RDF.type, NX.TerroristGroup),
        (crime, rdflib.RDF.type, NX.CrimeType),
        (place, rdflib.RDF.type, NX.Region),
        (group, NX.benefitsFrom, crime),
        (group, NX.operatesIn, place),
        *labels,
    )
    assert validate.validate(good).conforms
    bad = _graph(
        (group, rdflib.RDF.type, NX.TerroristGroup),
        (place, rdflib.RDF.type, NX.Region),
        (group, NX.benefitsFrom, place),
        *labels[:2],
    )
    report = validate.validate(bad)
    assert not report.conforms
    assert any("benefitsFrom must point to a CrimeType" in v for v in report.violations)


def test_body_names_live_in_the_vocabulary() -> None:
    bodies = vocab.load().symbol_bodies()
    assert bodies.names["S"] == ("Security Council", "安全理事会")
    assert bodies.names["A/HRC"][0] == "Human Rights Council"
    ent = symbols.resolution_entity("E/CN.7", "61/2", None, bodies)
    assert ent.body == "Commission on Narcotic Drugs" and ent.label_zh.startswith("麻醉药品委员会")


def test_a_notation_outside_the_concepts_is_refused(tmp_path: Path) -> None:
    triples = ox.parse(
        """
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://w3id.org/nexus-kg/id/un-nowhere> skos:notation "X" .
    """,
        format=ox.RdfFormat.TURTLE,
    )
    with pytest.raises(OntologyError, match="un-nowhere"):
        vocab.parse_vocabulary(triples, "vocabulary-test.ttl")


def test_every_claim_is_traceable_in_prov_o(seed_graph: rdflib.Graph) -> None:
    g = seed_graph
    claims = set(g.subjects(rdflib.RDF.type, NX.Claim))
    assert claims
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    # the passage and its document are the project's terms, which are PROV-O's by sub-property
    # (the graph does not repeat them as prov:wasDerivedFrom and prov:wasQuotedFrom)
    onto = ns.ontology()
    assert (NX.statedIn, rdflib.RDFS.subPropertyOf, prov.wasDerivedFrom) in onto
    assert (NX.inDocument, rdflib.RDFS.subPropertyOf, prov.wasQuotedFrom) in onto
    assert not set(g.triples((None, prov.wasDerivedFrom, None)))
    assert not set(g.triples((None, prov.wasQuotedFrom, None)))
    for c in claims:
        passage = g.value(c, NX.statedIn)
        assert (passage, rdflib.RDF.type, NX.Passage) in g
        document = g.value(passage, NX.inDocument)
        assert (document, rdflib.RDF.type, NX.Document) in g
        activity = g.value(c, prov.wasGeneratedBy)
        assert (activity, prov.used, document) in g
        plan = g.value(g.value(activity, prov.qualifiedAssociation), prov.hadPlan)
        assert (plan, rdflib.RDF.type, prov.Plan) in g
        assert str(g.value(plan, rdflib.RDFS.label)) == str(g.value(c, NX.rule))


def test_a_misspelt_term_written_into_the_graph_raises() -> None:
    from graph.rdf.build import nx

    assert nx("benefitsFrom") == f"<{ns.NX_URI}benefitsFrom>"
    with pytest.raises(OntologyError, match=r"^nx:benefitFrom is not declared in ontology/nexus.ttl$"):
        nx("benefitFrom")
