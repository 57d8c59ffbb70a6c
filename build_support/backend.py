"""The package's build backend: setuptools, and mypy beside it when a compiled build is asked for.

``NEXUS_KG_COMPILE=1 pip install .`` builds the extraction modules into C extensions with mypyc
(``setup.py`` lists them); every other build is pure Python. An editable install is never
compiled: a compiled module would shadow the source it was built from after the next edit.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the hooks this module does not change)

#: The environment variable that asks for a compiled build, and the compiler it needs.
COMPILE = "NEXUS_KG_COMPILE"
MYPYC = "mypy==2.4.1"


def _compiled() -> list[str]:
    return [MYPYC] if os.environ.get(COMPILE) == "1" else []


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    compiled = _compiled()
    asked = os.environ.pop(COMPILE, None)  # setuptools runs setup.py here, before mypy is installed
    try:
        return [*_setuptools.get_requires_for_build_wheel(config_settings), *compiled]
    finally:
        if asked is not None:
            os.environ[COMPILE] = asked


# An editable install: each hook runs in a process of its own, and each runs setup.py
def get_requires_for_build_editable(config_settings: dict[str, Any] | None = None) -> list[str]:
    os.environ.pop(COMPILE, None)
    return _setuptools.get_requires_for_build_editable(config_settings)


def prepare_metadata_for_build_editable(
    metadata_directory: str, config_settings: dict[str, Any] | None = None
) -> str:
    os.environ.pop(COMPILE, None)
    return _setuptools.prepare_metadata_for_build_editable(metadata_directory, config_settings)


def build_editable(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    os.environ.pop(COMPILE, None)
    return _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)
