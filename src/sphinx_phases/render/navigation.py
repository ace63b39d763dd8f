"""A page's navigation and facts as docutils nodes, rendered from its view.

The words are real text (a label, a separator, the neighbour's title), so every builder
writes them, one the extension has no handler for included: the navigation is a
container of paragraphs. HTML turns it into a labelled ``nav`` landmark with ``rel``
links; the ``no-search`` class keeps its words out of the search index.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_phases.core.gates import gate_anchor
from sphinx_phases.core.profile import Decision
from sphinx_phases.locale import _
from sphinx_phases.render.links import phase_reference
from sphinx_phases.render.nodes import phases_hidden, phases_nav_link

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from sphinx_phases.core.views import GateLink, GateView, NavLink, PageView
    from sphinx_phases.render.nodes import phases_nav


def page_words(decisions: Iterable[Decision] = ()) -> dict[str, str]:
    """The words generated on phase pages, in the build's language (see views.WORDS),
    with each of the profile's *decisions* as ``outcome-ID``."""
    return {
        **{f"outcome-{decision.id}": _(decision.label) for decision in decisions},
        "prev": _("Previous phase"),
        "prev-sub": _("Previous"),
        "first": _("This is the first phase"),
        "next": _("Next phase"),
        "next-sub": _("Next"),
        "final-next": _("Next, the final phase"),
        "final": _("This is the final phase"),
        "up": _("Part of"),
        "child": _("Sub-phase"),
        "loop": _("Go back to"),
        "part-of": _("part of {parent}"),
        "position": _("Position"),
        "position-top": _("Phase {n} of {total}"),
        "position-sub": _("Part {n} of {total} of {parent}"),
        "duration": _("Duration"),
        "team": _("Team"),
        "stage": _("Stage"),
        "starts-after": _("Starts after"),
        "ends-with": _("Ends with"),
        "after-gate": _("after the {gate}"),
        "after-gate-noun": _("after {gate}"),  # {gate}: the gate's noun, "KDP C"
        "gate-position": _("Gate {n} of {total}"),
        "between": _("Between"),
        "between-value": _("{after} and {before}"),
        "closes": _("Closes"),
        "authority": _("Decided by"),
        "assesses": _("Assesses"),
        "decisions": _("Decisions"),
        "outcome": _("Outcome"),
        "returns-to": _("Returns to"),
        "date": _("Date"),
        "ratings": _("Ratings"),
        "outcome-pending": _("Pending"),
        "outcome-met": _("Met"),
        "outcome-met-with-conditions": _("Met with conditions"),
        "outcome-not-met": _("Not met"),
        "rating-green": _("Green"),
        "rating-amber": _("Amber"),
        "rating-red": _("Red"),
    }


def fill_nav(nav: phases_nav, view: PageView, builder: Builder) -> None:
    """Fill the placeholder *nav* with *view*'s links, or remove it when there are none."""
    if not view.nav:
        nav.parent.remove(nav)
        return
    if view.color:
        nav["color"] = view.color
    words = page_words()
    for link, also in _one_per_target(view.nav):
        if link.gate is None:
            entry = _entry(link, nav["docname"], builder)
        else:
            template = words["after-gate-noun" if link.gate.noun else "after-gate"]
            before, _sep, after = template.partition("{gate}")
            passed = (before, link.gate.noun or link.gate.title, after)
            entry = _entry(link, nav["docname"], builder, passed)
            entry += _gate_note(link.gate, template, nav["docname"], builder)
        if also:
            entry["also"] = also
        nav += entry


def _one_per_target(links: Iterable[NavLink]) -> list[tuple[NavLink, list[str]]]:
    """One entry per phase linked to: a family link to the phase a reading-order link
    already leads to (Beta's "Sub-phase: Private beta" after "Next: Private beta", a
    sub-phase's "Part of: Beta" after "Previous phase: Beta") is left out, its kind kept
    with the first link (HTML: ``rel="prev up"``)."""
    kept: list[tuple[NavLink, list[str]]] = []
    first: dict[str, list[str]] = {}
    for link in links:
        if link.target is not None and link.target in first:
            first[link.target].append(link.kind)
            continue
        also: list[str] = []
        if link.target is not None:
            first[link.target] = also
        kept.append((link, also))
    return kept


def _gate_note(gate: GateLink, template: str, docname: str, builder: Builder) -> nodes.inline:
    """ ", after the Alpha assessment", the gate's title (or noun: ", after KDP C") a link
    to the gate."""
    before, _sep, after = template.partition("{gate}")
    note = nodes.inline(classes=["phases-nav__gate"])
    # In text the note continues the link's sentence; HTML sets it on a row of its own,
    # where the comma would start it, so the stylesheet hides it there.
    note += nodes.inline(", ", ", ", classes=["phases-nav__gate-sep"])
    note += nodes.Text(before)
    words = gate.noun or gate.title
    title = nodes.inline(words, words)
    note += phase_reference(
        builder, docname, gate.docname, gate.id, title, gate.title, anchor=gate_anchor(gate.id)
    )
    if after:
        note += nodes.Text(after)
    return note


def gate_facts(
    view: GateView, words: dict[str, str], docname: str, builder: Builder
) -> nodes.definition_list:
    """A gate's place and decision, as a definition list (``phases-gate__facts``)."""
    listing = nodes.definition_list(classes=["phases-facts", "phases-gate__facts"])

    def link(target: NavLink) -> nodes.reference:
        assert target.target
        assert target.docname
        assert target.title
        title = nodes.inline(target.title, target.title)
        return phase_reference(
            builder, docname, target.docname, target.target, title, target.title
        )

    place = nodes.paragraph()
    if view.before is None:
        label = words["closes"]
        place += link(view.after)
    else:
        label = words["between"]
        first, _sep, rest = words["between-value"].partition("{after}")
        middle, _sep, last = rest.partition("{before}")
        place += nodes.Text(first)
        place += link(view.after)
        place += nodes.Text(middle)
        place += link(view.before)
        place += nodes.Text(last)
    listing += _fact(label, place)
    for label, value in view.facts:
        if isinstance(value, str):
            listing += _fact(label, nodes.paragraph(value, value))
        else:  # a phase: where a "return" decision sends the work
            listing += _fact(label, nodes.paragraph("", "", link(value)))
    return listing


def _fact(label: str, value: nodes.paragraph) -> nodes.definition_list_item:
    item = nodes.definition_list_item()
    item += nodes.term(label, label)
    item += nodes.definition("", value)
    return item


def _entry(
    link: NavLink, docname: str, builder: Builder, passed: tuple[str, str, str] | None = None
) -> phases_nav_link:
    """The entry's words; for a next link past a gate (*passed*: the words before the
    gate's name, the name, the words after), the gate named in the link's own name too,
    for assistive technology ("Next phase: Beta, after the Alpha assessment"), since the
    words shown under the link are a sentence with a link of their own."""
    entry = phases_nav_link(kind=link.kind)
    words: list[nodes.Node] = [nodes.inline(link.label, link.label, classes=["phases-nav__label"])]
    if link.target is None or link.docname is None or link.title is None:
        entry.extend(words)
        return entry
    words.append(nodes.inline(": ", ": ", classes=["phases-nav__sep"]))
    words.append(nodes.inline(link.title, link.title, classes=["phases-nav__title"]))
    if link.note:
        note = f", {link.note}"
        words.append(nodes.inline(note, note, classes=["phases-nav__note"]))
    if passed is not None:
        said = ", " + "".join(passed)
        words.append(phases_hidden(said, said))
    entry += phase_reference(builder, docname, link.docname, link.target, words)
    return entry


def facts_list(view: PageView, docname: str, builder: Builder) -> nodes.definition_list:
    """The phase's facts as a definition list (``<dl class="phases-facts">`` in HTML); the
    gates around the phase ("Starts after", "Ends with") link to them."""
    listing = nodes.definition_list(classes=["phases-facts"])
    for label, value in view.facts:
        if isinstance(value, str):
            listing += _fact(label, nodes.paragraph(value, value))
        else:
            listing += _fact(
                label, nodes.paragraph("", "", _gate_reference(value, docname, builder))
            )
    return listing


def _gate_reference(gate: GateLink, docname: str, builder: Builder) -> nodes.reference:
    title = nodes.inline(gate.title, gate.title)
    return phase_reference(
        builder, docname, gate.docname, gate.id, title, gate.title, anchor=gate_anchor(gate.id)
    )
