"""Read a ``phase:`` mapping from MyST front matter, with the line of every key."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import yaml
from docutils import nodes

from sphinx_phases.core.model import PhaseDecl, parse_declaration
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.values import describe
from sphinx_phases.markup.declare import anchor_nodes, page_title, record, summary_node
from sphinx_phases.sphinx_ext.content import remember

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

ORIGIN = "front matter 'phase'"


def declare_from_front_matter(document: nodes.document, env: BuildEnvironment) -> PhaseDecl | None:
    """Declare the phase given in front matter, as the ``phase`` directive would.

    MyST turns front matter into a ``docinfo`` field whose value is JSON, which loses the
    YAML lines; so the block is read again from the source file, once, and only on pages
    whose front matter has a ``phase`` key.
    """
    field = _phase_field(document)
    if field is None:
        return None
    parsed = _read_from_source(document.get("source", ""))
    if parsed is None:
        parsed = _read_from_field(field, field.line or 1)
    value, line, lines = parsed
    if not isinstance(value, dict):
        problem = Problem(
            PhaseWarning.OPTION,
            f"{ORIGIN} is {describe(value)}; expected a mapping with "
            "at least an 'id' (e.g. 'phase: {id: alpha}')",
            line,
        )
        record(env, None, [problem])
        return None
    raw = {str(key): item for key, item in value.items()}
    decl, problems = parse_declaration(
        raw,
        docname=env.docname,
        line=line,
        page_title=page_title(document),
        lines=lines,
        origin=ORIGIN,
    )
    record(env, decl, problems)
    if decl is None:
        return None
    new: list[nodes.Node] = anchor_nodes(document, decl)
    if decl.summary:
        summary = summary_node(decl)
        summary += nodes.paragraph(decl.summary, decl.summary)
        new.append(summary)
        remember(env, summary)
    insert_after_title(document, new)
    return decl


def report_second_declaration(document: nodes.document, env: BuildEnvironment) -> None:
    """A page whose ``phase`` directive already declared its phase: front matter that
    declares one too is a duplicate, reported where it is written (the directive wins)."""
    field = _phase_field(document)
    if field is None:
        return
    parsed = _read_from_source(document.get("source", ""))
    line = parsed[1] if parsed is not None else (field.line or 1)
    message = (
        f"{ORIGIN} declares a phase on a page whose phase directive declares one too; "
        "expected one declaration per page, so the front matter is ignored"
    )
    record(env, None, [Problem(PhaseWarning.DUPLICATE, message, line)])


def _phase_field(document: nodes.document) -> nodes.field | None:
    for child in document.children[:3]:
        if isinstance(child, nodes.docinfo):
            for field in child.children:
                if isinstance(field, nodes.field) and field[0].astext() == "phase":
                    return field
    return None


def _read_from_source(source: str) -> tuple[Any, int, dict[str, int]] | None:
    """The ``phase`` value, its line and its keys' lines, from the file's front matter."""
    try:
        with open(source, encoding="utf-8-sig") as handle:
            lines = []
            first = handle.readline()
            if first.rstrip() != "---":
                return None
            for text in handle:
                if text.rstrip() in ("---", "..."):
                    break
                lines.append(text)
            else:
                return None
    except (OSError, UnicodeDecodeError):
        return None
    try:
        root = yaml.compose("".join(lines), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None  # MyST has reported the broken YAML already
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, node in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "phase":
            # +2: one for the opening '---', one because marks count from 0.
            line = key.start_mark.line + 2
            keys: dict[str, int] = {}
            if isinstance(node, yaml.MappingNode):
                for sub_key, _ in node.value:
                    keys[str(sub_key.value)] = sub_key.start_mark.line + 2
            try:
                value = yaml.SafeLoader("").construct_document(node)
            except (yaml.YAMLError, RecursionError):
                return None
            return value, line, keys
    return None


def _read_from_field(field: nodes.field, line: int) -> tuple[Any, int, dict[str, int]]:
    text = field[1].astext()
    try:
        value = json.loads(text)
    except ValueError:
        value = text
    return value, line, {}


def insert_after_title(document: nodes.document, new: list[nodes.Node]) -> None:
    """Put *new* right after the page title (at the top of a page without one)."""
    section = document.next_node(nodes.section)
    if section is None or not section.children or not isinstance(section[0], nodes.title):
        document[0:0] = new
        return
    section[1:1] = new
