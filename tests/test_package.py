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


def _backend():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "nexus_build_backend", ROOT / "build_support" / "backend.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_compiled_build_asks_for_mypy_and_a_plain_one_does_not(monkeypatch) -> None:
    backend = _backend()
    monkeypatch.chdir(ROOT)  # setuptools reads setup.py from the working directory
    monkeypatch.delenv("NEXUS_KG_COMPILE", raising=False)
    plain = backend.get_requires_for_build_wheel()
    monkeypatch.setenv("NEXUS_KG_COMPILE", "1")
    asked = backend.get_requires_for_build_wheel()
    assert not any(r.startswith("mypy") for r in plain)
    assert backend.MYPYC in asked and set(plain) <= set(asked)
    assert backend.os.environ["NEXUS_KG_COMPILE"] == "1"  # asked for again once setup.py has run


def test_an_editable_install_is_never_compiled(monkeypatch) -> None:
    backend = _backend()
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NEXUS_KG_COMPILE", "1")
    asked = backend.get_requires_for_build_editable()  # runs setup.py: it must not compile
    assert not any(r.startswith("mypy") for r in asked)
    assert "NEXUS_KG_COMPILE" not in backend.os.environ


def test_every_compiled_module_is_a_module_of_the_package() -> None:
    setup_py = (ROOT / "setup.py").read_text(encoding="utf-8")
    listed = re.findall(r'"(graph/[\w/]+\.py)"', setup_py)
    assert listed and all((ROOT / path).is_file() for path in listed)
    assert "graph/extract/clauses.py" in listed  # the clause analyser, where most time goes


def test_the_source_tree_runs_uncompiled_and_version_says_which(capsys) -> None:
    import pytest

    from graph.cli import main
    from graph.extract import compiled

    assert compiled() is False  # tests run the source: a stale compiled module would shadow it
    with pytest.raises(SystemExit):
        main(["--version"])
    assert "compiled" not in capsys.readouterr().out
