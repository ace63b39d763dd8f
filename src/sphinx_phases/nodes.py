"""Node classes only: the data the directives leave in the doctree for writers to render.

Each subclasses the docutils node whose rendering is the right fallback, because Sphinx
translators dispatch along the class hierarchy: a builder this package has no handler for
still renders a navigation as a block, a link as a paragraph, a banner as a block.
"""

from __future__ import annotations

from docutils import nodes

__all__ = [
    "phases_banner",
    "phases_nav",
    "phases_nav_link",
    "phases_overview",
    "phases_step",
    "pictogram",
]


class phases_nav(nodes.container):
    """Previous/next navigation of a phase page.

    Left empty while reading (attribute ``phase``); filled at write time by
    :class:`sphinx_phases.transforms.FillPhaseNav` with :class:`phases_nav_link` children.
    """


class phases_nav_link(nodes.paragraph):
    """One entry of the navigation. Attributes: ``kind`` (prev, next, up, loop, child,
    first, final), ``label`` and ``title``; its only child is the reference to the phase
    (none for the first/final markers). Its words stay in attributes, out of search."""


class phases_banner(nodes.container):
    """Status banner of a phase page that is not published. Attribute: ``status``."""


class pictogram(nodes.inline):
    """A pictogram image. Attributes: ``name``, ``label`` (words for the name) and
    ``decorative`` (True when a visible label stands beside it, as in item lists)."""


class phases_overview(nodes.General, nodes.Element):
    """Where a ``phase-sequence`` or ``phase-table`` goes. Attributes: ``kind``
    (sequence, table), ``style`` or ``columns``, ``docname``. Replaced at write time by
    :class:`sphinx_phases.transforms.FillPlaceholders`; writers never see one."""


class phases_step(nodes.list_item):
    """One phase in a ``phase-sequence`` list. Attribute ``current`` marks the phase of
    the page it is shown on (``aria-current="step"`` in HTML)."""
