"""Node classes only: the data the directives leave in the doctree for writers to render.

Each subclasses the docutils node whose rendering is the right fallback, because Sphinx
translators dispatch along the class hierarchy: a builder this package has no handler for
still renders a navigation as a block, a link as a paragraph, a banner as a block.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

__all__ = [
    "phases_banner",
    "phases_caption",
    "phases_card",
    "phases_facts",
    "phases_gate",
    "phases_gate_facts",
    "phases_hidden",
    "phases_nav",
    "phases_nav_link",
    "phases_overview",
    "phases_pictogram",
    "phases_region",
    "phases_row_header",
    "phases_standard",
    "phases_step",
    "phases_strip_phase",
    "phases_tag",
    "phases_unspoken",
    "phases_words",
]


class phases_nav(nodes.container):
    """Previous/next navigation of a phase page.

    Left empty while reading (attribute ``docname``); filled at write time by
    :class:`sphinx_phases.sphinx_ext.transforms.FillPlaceholders` with :class:`phases_nav_link`
    children. Its ``no-search`` class keeps its words out of the search index.
    """


class phases_nav_link(nodes.paragraph):
    """One entry of the navigation, attribute ``kind`` (prev, next, up, loop, child; first
    and final for markers) and optionally ``also``, the kinds of the entries left out
    because they led to the same phase (HTML adds their ``rel``). Its words are inline
    children: the label, and for a link a reference to the phase holding the label, a
    separator and the phase's title."""


class phases_banner(nodes.container):
    """Status banner of a phase page that is not published. Attribute: ``status``."""


class phases_pictogram(nodes.inline):
    """A pictogram image. Attributes: ``name``, ``label`` (words for the name) and
    ``decorative`` (True when a visible label stands beside it, as in item lists)."""


class phases_overview(nodes.General, nodes.Element):
    """Where a ``phase-sequence``, ``phase-table`` or ``phase-gates`` goes. Attributes:
    ``kind`` (sequence, table, gates), ``style`` and ``summaries`` or ``columns``,
    ``docname``. Replaced at write time by
    :class:`sphinx_phases.sphinx_ext.transforms.FillPlaceholders`; writers never see one."""


class phases_facts(nodes.General, nodes.Element):
    """Where a phase page's facts go (attribute ``docname``). Replaced at write time by a
    ``definition_list`` with class ``phases-facts``; writers never see one."""


class phases_step(nodes.list_item):
    """One phase in a ``phase-sequence`` list. Attribute ``current`` marks the phase of
    the page it is shown on (``aria-current="step"`` in HTML)."""


class phases_strip_phase(nodes.inline):
    """One phase in a ``phase-sequence :style: strip``: its linked title, inline.
    Attribute ``current`` marks the phase of the page it is shown on
    (``aria-current="step"`` in HTML; the title is bold in every format)."""


class phases_card(nodes.container):
    """One phase in a ``phase-sequence`` of cards (sphinx-design's card markup).
    Attribute ``color``: the phase's colour, checked when declared, which HTML gives the
    card's rule."""


class phases_region(nodes.container):
    """A wide overview (the table) that scrolls inside itself on a narrow screen, so the
    page never does. Attribute ``label``: what the region holds, for assistive
    technology; in HTML a focusable ``div`` with ``role="region"``."""


class phases_gate(nodes.container):
    """A gate where it is declared: its title, facts, description and criteria.
    Attribute ``gate`` (its id); its ``ids`` hold ``gate-ID``. In HTML a ``section``."""


class phases_gate_facts(nodes.General, nodes.Element):
    """Where a gate's facts go (attributes ``gate``, ``docname``): the phases it stands
    between, who decides, what it assesses, the decision. Replaced at write time like
    :class:`phases_facts`."""


class phases_standard(nodes.General, nodes.Element):
    """Where a ``phase-standard`` listing goes. Attributes: ``standard`` (the id as
    written, or "" for the only configured standard), ``coverage`` (add the matrix of
    which gates assess which point) and ``docname``. Replaced at write time by the
    listing of :func:`sphinx_phases.render.standard_listing.standard_listing`; writers never see
    one."""


class phases_words(nodes.General, nodes.Element, addnodes.translatable):
    """Option values that readers read (a phase's title, subtitle, noun, duration and
    team; a gate's title and authority), kept in the doctree so that Sphinx translates
    them like the page's text: the gettext builder extracts them, the Locale transform
    replaces them.

    Attribute ``values`` maps an option to its words; ``phase`` or ``gate`` names what
    they belong to. Read by :class:`sphinx_phases.markup.page.PhasePage`; never rendered.
    """

    def preserve_original_messages(self) -> None:
        self["original"] = dict(self["values"])

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        for key, text in self["original"].items():
            if text == original_message:
                self["values"][key] = translated_message

    def extract_original_messages(self) -> list[str]:
        return list(dict.fromkeys(self.get("original", self["values"]).values()))


class phases_tag(nodes.inline):
    """A status or outcome beside a title (classes ``phases-tag``, ``phases-tag--X``):
    a tag in HTML, set apart in brackets in every other format ("Alpha assessment
    [Met]"), so it never runs into the title."""


class phases_hidden(nodes.inline):
    """Words for assistive technology only, where the page's look already says them (the
    "Outcome:" before a tag, "No answer yet" in an empty cell, the gate a next link
    passes): visually hidden text in HTML. Every other format is read as it looks, and
    leaves them out."""


class phases_unspoken(nodes.inline):
    """Words drawn for the eye that the structure already says (a card's number, which
    its list item's position gives): ``aria-hidden`` in HTML; left out in every other
    format, which numbers the list itself."""


class phases_row_header(nodes.entry):
    """A table cell that names its row (a phase in ``phase-table``, a gate in
    ``phase-gates``): ``<th scope="row">`` in HTML, an ordinary cell elsewhere."""


class phases_caption(nodes.rubric):
    """The caption of an item list (``:caption:``): a heading one level under the section
    it stands in, in HTML, so readers find the list in the page's outline; a rubric in
    every other format."""
