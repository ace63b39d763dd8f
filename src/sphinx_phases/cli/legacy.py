"""The rules that hold only for the legacy manual, read from ``legacy.yml`` beside this file.

The converter's code knows generic Jekyll, kramdown and wiki markup; what one manual did
(its site title, its wiki's aliases, its dead front-matter fields, the sections that
carry phase data) is data, documented in that file and in docs/how-to/migrate.md.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import yaml

from sphinx_phases.core.messages import ID_PATTERN

RULES_FILE: Final = Path(__file__).with_name("legacy.yml")
#: The ``sections`` key that makes a section the phase summary rather than a question.
SUMMARY: Final = "summary"


def normalise(text: str) -> str:
    """How names and headings are compared: case and runs of spaces ignored."""
    return " ".join(text.split()).casefold()


@dc.dataclass(frozen=True)
class LegacyRules:
    """The rules of ``legacy.yml``, with every name already normalised."""

    site_titles: frozenset[str] = frozenset()
    site_strap_lines: frozenset[str] = frozenset()
    wiki_aliases: Mapping[str, str] = dc.field(default_factory=dict)
    dead_fields: frozenset[str] = frozenset()
    #: normalised heading -> ``summary`` or a question key
    sections: Mapping[str, str] = dc.field(default_factory=dict)
    pictogram_class_prefix: str = "pictogram-"

    def is_site_title(self, text: str) -> bool:
        return normalise(text) in self.site_titles

    def is_site_text(self, text: str) -> bool:
        """A site title or strap line: text that says nothing about one phase."""
        return normalise(text) in self.site_titles | self.site_strap_lines

    def section_key(self, heading: str) -> str | None:
        """``summary`` or the question key a section with this heading carries, or None."""
        return self.sections.get(normalise(heading).rstrip(":").rstrip())


def _strings(data: Mapping[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{RULES_FILE.name}: '{key}' must be a list of texts")
    return value


def parse_rules(text: str) -> LegacyRules:
    """Read and check the rules; a broken rules file is a bug of the package: ValueError."""
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"{RULES_FILE.name}: expected a mapping of rules")
    unknown = set(data) - {f.name for f in dc.fields(LegacyRules)}
    if unknown:
        raise ValueError(f"{RULES_FILE.name}: unknown rules {sorted(unknown)}")
    aliases = data.get("wiki_aliases", {})
    if not isinstance(aliases, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and ID_PATTERN.fullmatch(k + "-" + v)
        for k, v in aliases.items()
    ):
        raise ValueError(f"{RULES_FILE.name}: 'wiki_aliases' must map phase ids to phase ids")
    sections: dict[str, str] = {}
    raw_sections = data.get("sections", {})
    if not isinstance(raw_sections, dict):
        raise ValueError(f"{RULES_FILE.name}: 'sections' must map keys to lists of headings")
    for key in raw_sections:
        if not isinstance(key, str) or not ID_PATTERN.fullmatch(key):
            raise ValueError(f"{RULES_FILE.name}: section key {key!r} is not a question key")
        for heading in _strings(raw_sections, key):
            sections[normalise(heading)] = key
    prefix = data.get("pictogram_class_prefix", "pictogram-")
    if not isinstance(prefix, str) or not prefix.strip():
        raise ValueError(f"{RULES_FILE.name}: 'pictogram_class_prefix' must be a text")
    return LegacyRules(
        site_titles=frozenset(normalise(t) for t in _strings(data, "site_titles")),
        site_strap_lines=frozenset(normalise(t) for t in _strings(data, "site_strap_lines")),
        wiki_aliases=dict(aliases),
        dead_fields=frozenset(_strings(data, "dead_fields")),
        sections=sections,
        pictogram_class_prefix=prefix,
    )


RULES: Final = parse_rules(RULES_FILE.read_text(encoding="utf-8"))
