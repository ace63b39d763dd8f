"""``phase-activities`` and ``phase-outputs``: a bullet list rendered as a pictogram list."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from sphinx_phases.core.inputs import excerpt
from sphinx_phases.core.messages import DEFAULT_PICTOGRAM, ID_PATTERN
from sphinx_phases.core.model import Item
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.markup.written import directive_written
from sphinx_phases.render.links import pictogram_node
from sphinx_phases.render.nodes import phases_caption, phases_pictogram
from sphinx_phases.sphinx_ext.content import remember
from sphinx_phases.sphinx_ext.domain import phases_domain
from sphinx_phases.sphinx_ext.lifecycles import page_settings


class PhaseItemsDirective(SphinxDirective):
    """A list of a phase's outputs (or activities), each item an image beside its label.

    MyST::

        ```{phase-outputs}
        :caption: Typical outputs and activities

        - {pictogram}`website` Live service
        - User feedback
        ```

    Produces a ``container`` (class ``phases-items phases-items--outputs``) holding a
    ``rubric`` for the caption and the ``bullet_list`` (class ``phases-pictogram-list``),
    whose items start with a decorative :class:`~sphinx_phases.render.nodes.phases_pictogram`.
    """

    kind: ClassVar[str] = "outputs"
    has_content = True
    option_spec: ClassVar[OptionSpec] = {
        "caption": directives.unchanged,
        "phase": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        self.where = directive_written(self)
        problems: list[Problem] = []
        container = nodes.container(classes=["phases-items", f"phases-items--{self.kind}"])
        self.set_source_info(container)
        caption = self.options.get("caption", "").strip()
        if caption:
            container += phases_caption(caption, caption, classes=["phases-items__caption"])
        phase = self.options.get("phase")
        if phase is not None and not ID_PATTERN.fullmatch(phase.strip()):
            problems.append(
                self._problem(f"phase {excerpt(phase)} is not valid: expected a phase id")
            )
            phase = None
        parsed = self.parse_content_to_nodes()
        container.extend(parsed)
        lists = [node for node in parsed if isinstance(node, nodes.bullet_list)]
        if not lists:
            problems.append(
                self._problem(
                    "no bullet list; expected one item per line, each starting with '- '"
                )
            )
        items: list[Item] = []
        default = page_settings(self.env).default_pictogram
        for bullet_list in lists[:1]:
            bullet_list["classes"] += ["phases-pictogram-list"]
            for list_item in bullet_list.children:
                if not isinstance(list_item, nodes.Element):
                    continue
                item, problem = self._item(list_item, default)
                if problem:
                    problems.append(problem)
                if item:
                    items.append(item)
        if phase:
            container["phase"] = phase.strip()  # where overviews find the items (content.py)
        domain = phases_domain(self.env)
        domain.note_items(self.env.docname, self.kind, phase.strip() if phase else None, problems)
        remember(self.env, container)
        return [container]

    def _item(
        self, list_item: nodes.Element, default: str | None
    ) -> tuple[Item | None, Problem | None]:
        list_item["classes"] += ["phases-pictogram-list__item"]
        paragraph = list_item.children[0] if list_item.children else None
        if not isinstance(paragraph, nodes.paragraph):
            return None, self._problem("an item has no text; expected a label", list_item)
        leading = paragraph.children[0] if paragraph.children else None
        if isinstance(leading, phases_pictogram):
            leading["decorative"] = True
            name: str | None = leading["name"]
            following = paragraph.children[1] if len(paragraph.children) > 1 else None
            if isinstance(following, nodes.Text) and following[:1].isspace():
                # The label starts after the image; the space the author typed is layout.
                paragraph.replace(following, nodes.Text(following.lstrip()))
        elif default:
            paragraph.insert(0, pictogram_node(default, decorative=True))
            name = default
            domain = phases_domain(self.env)
            # Noted at the setting: an unknown default is reported once, at conf.py.
            domain.note_pictogram(
                self.env.docname, default, self._line(list_item), DEFAULT_PICTOGRAM
            )
        else:
            name = None
        label = paragraph.astext().strip()
        if not label:
            return None, self._problem(
                "an item has a pictogram but no label; expected text after it", list_item
            )
        nested = list_item.next_node(nodes.bullet_list) or list_item.next_node(
            nodes.enumerated_list
        )
        if nested is not None:
            return Item(label=label, pictogram=name), self._problem(
                "an item holds a nested list; expected one level of items (nested ones are "
                "shown, but only the item is recorded for overviews and phases.json)",
                nested,
            )
        return Item(label=label, pictogram=name), None

    def _line(self, node: nodes.Element) -> int:
        return self.where.line_within(node.line)

    def _problem(self, message: str, node: nodes.Element | None = None) -> Problem:
        """A problem with this list, at *node* (an item) or the directive."""
        line = self._line(node) if node is not None else self.where.line
        return Problem(
            PhaseWarning.OPTION, f"phase-{self.kind}: {message}", line, path=self.where.included
        )


class PhaseActivitiesDirective(PhaseItemsDirective):
    """The same as ``phase-outputs``, for a phase's activities."""

    kind = "activities"
