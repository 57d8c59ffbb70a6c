"""Where the ontology folder and saved queries are found, in a checkout or an install."""

from __future__ import annotations

from pathlib import Path

from graph.errors import OntologyError

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent


def ontology_dir() -> Path:
    """The folder holding nexus.ttl, shapes.ttl, vocabulary.ttl, cues.toml and queries/."""
    for candidate in (ROOT / "ontology", PACKAGE_DIR / "ontology"):
        if (candidate / "nexus.ttl").is_file():
            return candidate
    raise OntologyError(f"{ROOT / 'ontology'}: the ontology folder is missing (nexus.ttl not found)")


def ontology_file(name: str) -> Path:
    """A file inside the ontology folder."""
    return ontology_dir() / name
