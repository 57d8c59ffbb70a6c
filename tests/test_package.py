"""The package installs whole: every subpackage and every ontology file is in the wheel's list,
and the version is one number everywhere it is written."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

import graph

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def test_every_subpackage_is_packaged() -> None:
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "graph").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    listed = set(SETUPTOOLS["packages"])
    assert found <= listed, sorted(found - listed)


def test_every_ontology_file_is_package_data() -> None:
    dirs = SETUPTOOLS["package-dir"]
    data = SETUPTOOLS["package-data"]
    shipped = set()
    for package, folder in dirs.items():
        for pattern in data.get(package, []):
            shipped |= {p for p in (ROOT / folder).glob(pattern) if p.is_file()}
    ontology = {p for p in (ROOT / "ontology").rglob("*") if p.is_file()}
    assert ontology - shipped == set()
    assert all(fnmatch.fnmatch("py.typed", p) for p in data["graph"])
    assert (ROOT / "graph" / "py.typed").is_file() and (ROOT / "LICENSE").is_file()


def test_one_version_everywhere() -> None:
    # the top released version: an "## Unreleased" section above it gathers what the next one holds
    changelog = re.search(
        r"^## (?!Unreleased$)(\S+)", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M
    )
    ontology = re.search(
        r'owl:versionInfo "([^"]+)"', (ROOT / "ontology" / "nexus.ttl").read_text(encoding="utf-8")
    )
    assert changelog and ontology
    assert graph.__version__ == changelog.group(1) == ontology.group(1)
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "graph.__version__"}
