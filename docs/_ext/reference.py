"""Docs-only directives that render reference tables from the code's own declarations.

The settings table comes from ``PhasesConfig`` and the warning list from ``PhaseWarning``,
so the reference cannot drift from what the extension does.
"""

from __future__ import annotations

import ast
import dataclasses as dc
import inspect
import itertools
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sphinx_phases.cli import build_parser
from sphinx_phases.core.config import PhasesConfig
from sphinx_phases.core.model import OPTIONS
from sphinx_phases.core.pictograms import builtin
from sphinx_phases.render.links import pictogram_node
from sphinx_phases.sphinx_ext.warnings import PhaseWarning

# The text builder reads a colspec's colwidth as characters, and draws a table of n
# columns with 3 * n + 1 characters of rules. Its paragraphs are 70 characters wide; a
# table may take a terminal's 78, for a column of prose beside the names.
_TEXT_WIDTH = 78


def _shown(cell: nodes.Node | str) -> str:
    """*cell*'s text as the text builder writes it: code in double quotes."""
    if isinstance(cell, str | nodes.Text):
        return str(cell)
    inner = "".join(_shown(child) for child in cell.children)
    return f'"{inner}"' if isinstance(cell, nodes.literal) else inner


def _column_widths(columns: list[list[str]]) -> list[int]:
    """Widths, in characters, that fit the text builder's page: each column first as wide
    as its longest word (so no word is cut, if they fit) and at most its longest text,
    then the room left shared out evenly among the columns whose text still wraps."""
    room = _TEXT_WIDTH - (3 * len(columns) + 1)
    natural = [max(len(text) for text in texts) for texts in columns]
    widths = [
        min(max((len(word) for text in texts for word in text.split()), default=1), most)
        for texts, most in zip(columns, natural, strict=True)
    ]
    while sum(widths) > room:  # words too long for any layout: cut the longest
        widths[widths.index(max(widths))] -= 1
    left = room - sum(widths)
    while left > 0:
        wrapping = [i for i, width in enumerate(widths) if width < natural[i]]
        if not wrapping:
            break
        share = max(1, left // len(wrapping))
        for i in wrapping:
            more = min(share, natural[i] - widths[i], left)
            widths[i] += more
            left -= more
    return widths


def _table(headers: list[str], rows: list[list[nodes.Node | str]]) -> nodes.table:
    # HTML and LaTeX size the columns to their content (colwidths-auto); the text builder
    # follows the colspecs, which fit its page.
    table = nodes.table(classes=["colwidths-auto"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    columns = [[header, *(_shown(row[i]) for row in rows)] for i, header in enumerate(headers)]
    for width in _column_widths(columns):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += _row(headers)
    body = nodes.tbody()
    group += body
    for row in rows:
        body += _row(row)
    return table


def _row(cells: list[Any]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        if isinstance(cell, nodes.Body):
            entry += cell
        elif isinstance(cell, nodes.Node):
            # Inline text in a paragraph: the text builder spells out a bare one.
            entry += nodes.paragraph("", "", cell)
        else:
            entry += nodes.paragraph(text=str(cell))
        row += entry
    return row


class ConfigReference(SphinxDirective):
    """Every ``phases_*`` setting, its default and its meaning."""

    def run(self) -> list[nodes.Node]:
        rows: list[list[nodes.Node | str]] = []
        for field in dc.fields(PhasesConfig):
            default = (
                field.default if field.default is not dc.MISSING else field.default_factory()  # type: ignore[misc]
            )
            rows.append(
                [
                    nodes.literal(text=f"phases_{field.name}"),
                    nodes.literal(text=repr(default)),
                    field.metadata["help"],
                ]
            )
        return [_table(["setting", "default", "meaning"], rows)]


def _member_docs() -> dict[str, str]:
    """The docstring written under each enum member (not available at run time)."""
    tree = ast.parse(inspect.getsource(PhaseWarning))
    docs: dict[str, str] = {}
    body = tree.body[0].body  # type: ignore[attr-defined]
    for node, following in itertools.pairwise(body):
        if (
            isinstance(node, ast.Assign)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
        ):
            docs[node.targets[0].id] = " ".join(following.value.value.split())  # type: ignore[attr-defined]
    return docs


def _with_literals(text: str) -> nodes.paragraph:
    """*text* as a paragraph, its ``double-backquoted`` parts as code (not backquotes)."""
    paragraph = nodes.paragraph()
    for i, part in enumerate(text.split("``")):
        if part:
            paragraph += nodes.literal(text=part) if i % 2 else nodes.Text(part)
    return paragraph


class WarningReference(SphinxDirective):
    """Every warning subtype with what triggers it."""

    def run(self) -> list[nodes.Node]:
        docs = _member_docs()
        rows: list[list[nodes.Node | str]] = [
            [
                nodes.literal(text=f"phases.{member.value}"),
                _with_literals(docs.get(member.name, "")),
            ]
            for member in PhaseWarning
        ]
        return [_table(["subtype", "reported when"], rows)]


class OptionReference(SphinxDirective):
    """Every option of a phase declaration, from ``sphinx_phases.core.model.OPTIONS``."""

    def run(self) -> list[nodes.Node]:
        rows: list[list[nodes.Node | str]] = [
            [nodes.literal(text=name), meaning] for name, meaning in OPTIONS.items()
        ]
        return [_table(["option / key", "meaning"], rows)]


class PictogramGallery(SphinxDirective):
    """Every built-in pictogram, shown live, with its name."""

    def run(self) -> list[nodes.Node]:
        domain = self.env.get_domain("phases")
        listing = nodes.bullet_list(classes=["phases-pictogram-list", "docs-gallery"])
        for name in sorted(builtin()):
            domain.note_pictogram(self.env.docname, name, self.lineno)  # type: ignore[attr-defined]
            item = nodes.list_item(classes=["phases-pictogram-list__item"])
            paragraph = nodes.paragraph()
            paragraph += pictogram_node(name, decorative=True)
            paragraph += nodes.literal(name, name)
            item += paragraph
            listing += item
        return [listing]


class CommandHelp(SphinxDirective):
    """The command line's own --help text, for each subcommand named as the argument."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        parser = build_parser()
        if self.arguments:
            action = next(a for a in parser._actions if a.dest == "command")
            parser = action.choices[self.arguments[0]]  # type: ignore[index]
        text = parser.format_help()
        return [nodes.literal_block(text, text, language="text")]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("phases-pictogram-gallery", PictogramGallery)
    app.add_directive("phases-command-help", CommandHelp)
    app.add_directive("phases-option-reference", OptionReference)
    app.add_directive("phases-config-reference", ConfigReference)
    app.add_directive("phases-warning-reference", WarningReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
