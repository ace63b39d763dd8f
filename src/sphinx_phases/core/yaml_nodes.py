"""YAML node helpers shared by the standard and sequence file readers (no Sphinx import).

Its one job: say where a composed YAML node stands and whether it carries a tag plain
YAML does not give (``!!python/object:...``, ``!!binary``), which is reported, never read.
"""

from __future__ import annotations

from typing import Any

import yaml

from sphinx_phases.core.inputs import excerpt

__all__ = ["NUMBERS", "PLAIN_TAGS", "STR", "TIMESTAMP", "YAML_TAG", "line", "tag", "tagged"]

YAML_TAG = "tag:yaml.org,2002:"
STR = YAML_TAG + "str"
NUMBERS = (YAML_TAG + "int", YAML_TAG + "float")
TIMESTAMP = YAML_TAG + "timestamp"
#: The tags plain YAML gives (docs/reference/standards.md); a node with another tag,
#: written on it (``!!python/object:...``, ``!!binary``), is reported, never read.
#: An unquoted date (a scalar tagged ``timestamp``) is plain too: see :func:`tag`.
PLAIN_TAGS = frozenset(
    YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map")
)


def line(node: Any) -> int | None:
    """The line *node* starts on, from 1; None for a Python value."""
    return node.start_mark.line + 1 if isinstance(node, yaml.Node) else None


def tag(node: Any) -> str | None:
    """The tag written on a YAML *node* that plain YAML does not give, as written
    (``'!!python/object:os.system'``); None for a plain node or a Python value."""
    if not isinstance(node, yaml.Node) or node.tag in PLAIN_TAGS:
        return None
    if isinstance(node, yaml.ScalarNode) and node.tag == TIMESTAMP:
        return None  # an unquoted date: described as one
    written = node.tag
    shown = "!!" + written.removeprefix(YAML_TAG) if written.startswith(YAML_TAG) else written
    return excerpt(shown)


def tagged(tag: str) -> str:
    """How a value with a tag plain YAML does not give looks to its author: "a Python
    object ('!!python/object:os.system')", "binary data ('!!binary')"."""
    if tag.startswith("'!!python/"):
        return f"a Python object ({tag})"
    if tag == "'!!binary'":
        return f"binary data ({tag})"
    return f"a value tagged {tag}"
