"""The schema of the ``cues.toml`` tables read outside the rules, checked when the cues load.

The relation rules declare their own tables (``Rule.lists`` …, checked by
:func:`graph.extract.rules.common.check_cues`); this schema covers every other table (the
mention stage's, and the hedge, anaphora and agent words the relation stage reads), so that a
missing table or key, a value of the wrong type, or a crime type the vocabulary does not know
fails at load with a one-line :class:`~graph.errors.OntologyError` naming the file and the key.

Examples
--------
>>> check({"languages": {"suffixes": ["语"]}}, lambda label: False, "cues.toml", {"languages": LANGUAGES})
Traceback (most recent call last):
graph.errors.OntologyError: cues.toml: [languages] words_after: missing (a non-empty list of words)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from graph.errors import OntologyError

#: A non-empty list of non-empty strings.
WORDS = "words"
#: A non-empty string.
TEXT = "text"
#: An integer.
INT = "int"
#: A table of words or patterns → a crime type of the vocabulary (its id, label or alias).
CRIMES = "crimes"
#: A table of years → the first resolution number of that year.
YEARS = "years"

#: A table's schema: key → kind, or a nested table's schema.
Schema = Mapping[str, "str | Schema"]

LANGUAGES: Schema = {"suffixes": WORDS, "words_after": WORDS}

#: ``[discovery.organizations]``: governments, forces, ministries and institutes outside the
#: vocabulary (``graph.extract.orgs``). A closed table: an unknown key is an error too.
ORGANIZATIONS: Schema = {
    key: WORDS
    for key in (
        "government_heads",
        "partner_heads",
        "force_heads",
        "ministry_portfolios",
        "ministry_links",
        "ministry_suffixes",
        "ministry_not_before",
        "not_before",
        "qualifies",
        "need_boundary_after",
        "institute_heads",
        "agency_heads",
        "institute_generic",
        "not_after",
    )
}

#: Every table read outside the rules: table → its keys' kinds, or one kind for the whole table.
SCHEMA: Mapping[str, Schema | str] = {
    "discovery": {
        **{
            key: WORDS
            for key in (
                "group_suffixes",
                "name_runs_into",
                "bare_instrument_verbs",
                "bare_instrument_heads",
                "bare_instrument_not_start",
                "remark_openers",
                "panel_heads",
                "gain_cues",
                "funding_cues",
                "terror_cues",
                "generic",
                "boundaries",
                "un_suffixes",
                "committee_suffixes",
                "convention_suffixes",
                "instrument_bodies",
                "programme_suffixes",
                "owned_programme_suffixes",
                "programme_prefixes",
                "programme_name_verbs",
                "programme_name_openers",
                "not_names",
                "programme_owner_heads",
                "body_suffixes",
                "establish_verbs",
                "established_suffixes",
                "report_heads",
                "code_name_words",
                "operation_heads",
                "quoted_group_before",
                "quoted_group_after",
                "name_stop_words",
                "name_left_stops",
                "anaphors",
                "generic_cores",
                "un_not_after_prefix",
                "alias_words",
                "programme_owner_pronouns",
                "programme_means",
                "programme_launch_verbs",
                "bracketed_group_heads",
                "bracketed_group_cued_heads",
                "bracketed_group_marked_heads",
                "group_name_words",
                "listed_group_refs",
                "listed_alias_words",
                "listed_alias_ends",
                "listing_words",
            )
        },
        "un_prefix": TEXT,
        "places": {
            key: WORDS
            for key in (
                "skip_before",
                "unit_suffixes",
                "directions",
                "direction_linkers",
                "unit_not_before",
                "droppable_units",
                "list_closing_ends",
                "generic",
                "located_before",
                "named_units",
                "list_linkers",
                "list_last_linkers",
                "list_item_ends",
                "compound_heads",
                "transliterated_ends",
                "transliterated_place_ends",
                "transliterated_after",
                "transliterated_units",
                "direction_prefixes",
                "country_part_not_before",
            )
        }
        | {"transliteration": TEXT},
        "organizations": ORGANIZATIONS,
    },
    "crime_objects": {
        "generic": WORDS,
        "window": INT,
        "goods_first": WORDS,
        "goods_links": WORDS,
        "goods_after_stops": WORDS,
        "produced": WORDS,
        "objects": CRIMES,
    },
    "crime_lists": {"verbs": WORDS, "links": WORDS, "objects": CRIMES},
    "crime_phrases": CRIMES,
    "crime_needs_cue": {"words": WORDS, "cues": WORDS},
    "resolutions": {"sc_first_of_year": YEARS},
    "languages": LANGUAGES,
    "shared_heads": {"parts": WORDS},
    # read by the relation stage outside the rules' own declarations
    "hedge": {"words": WORDS},
    "anaphora": {
        "resolution": WORDS,
        "resolutions": WORDS,
        "convention": WORDS,
        "conventions": WORDS,
        "bodies": WORDS,
        "group": WORDS,
        "groups": WORDS,
        "entity": WORDS,
        "entity_at_start": WORDS,
        "author": WORDS,
        "report_title_ends": WORDS,
        "report_presenters": WORDS,
        "statement_title_ends": WORDS,
        "speaker": WORDS,
        "speaker_modals": WORDS,
        "places": WORDS,
        "place": WORDS,
        "mission_heads": WORDS,
    },
    "agents": {"system_names": WORDS, "system_after": WORDS, "sources": WORDS, "no_party": WORDS},
}

#: Tables (dotted names) whose keys are all in the schema: any other key is a misspelling.
CLOSED = frozenset({"discovery.organizations"})

_EXPECTED = {
    WORDS: "a non-empty list of words",
    TEXT: "a non-empty text",
    INT: "an integer",
    CRIMES: "a table of words → crime types",
    YEARS: "a table of years → resolution numbers",
}


def _ok(kind: str, value: Any, is_crime: Callable[[str], bool]) -> str | None:
    """``None`` when ``value`` is of ``kind``, else what is wrong with it."""
    if kind == WORDS:
        good = isinstance(value, list) and bool(value) and all(isinstance(w, str) and w for w in value)
    elif kind == TEXT:
        good = isinstance(value, str) and bool(value)
    elif kind == INT:
        good = isinstance(value, int) and not isinstance(value, bool)
    elif kind == YEARS:
        good = (
            isinstance(value, dict)
            and bool(value)
            and all(k.isdigit() and isinstance(v, int) and not isinstance(v, bool) for k, v in value.items())
        )
    else:
        if not (isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values())):
            return _EXPECTED[kind]
        unknown = [v for v in value.values() if not is_crime(v)]
        return f"{unknown[0]!r} is not a crime type of the vocabulary" if unknown else None
    return None if good else _EXPECTED[kind]


def check(
    data: Mapping[str, Any],
    is_crime: Callable[[str], bool],
    path: str,
    schema: Mapping[str, Schema | str] = SCHEMA,
    closed: frozenset[str] = CLOSED,
) -> None:
    """Check the cue ``data`` read from ``path`` against ``schema``.

    Raises
    ------
    OntologyError
        At the first missing table or key, wrong type, unknown crime type or unknown key of a
        ``closed`` table, naming both.
    """

    def walk(value: Any, spec: Schema | str, where: str) -> None:
        if isinstance(spec, str):
            problem = _ok(spec, value, is_crime)
            if problem:
                raise OntologyError(f"{path}: {where}: {problem}")
            return
        if not isinstance(value, dict):
            raise OntologyError(f"{path}: {where}: must be a table")
        for key, sub in spec.items():
            if key not in value:
                what = _EXPECTED[sub] if isinstance(sub, str) else "a table"
                raise OntologyError(f"{path}: {where} {key}: missing ({what})")
            walk(value[key], sub, f"{where} {key}" if isinstance(sub, str) else f"[{where[1:-1]}.{key}]")
        if where[1:-1] in closed:
            unknown = sorted(set(value) - set(spec))
            if unknown:
                raise OntologyError(f"{path}: {where} {unknown[0]}: unknown key")

    for table, spec in schema.items():
        if table not in data:
            raise OntologyError(f"{path}: no [{table}] table")
        walk(data[table], spec, f"[{table}]")
