"""Links and pictograms that generated pages draw: to a phase's or gate's anchor, with the
builder's own URIs, and a pictogram node by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_phases.core.model import anchor_id
from sphinx_phases.render.nodes import phases_pictogram

if TYPE_CHECKING:
    from sphinx.builders import Builder


def phase_reference(
    builder: Builder,
    fromdocname: str,
    todocname: str,
    phase_id: str,
    child: nodes.Node | list[nodes.Node],
    title: str | None = None,
    *,
    anchor: str | None = None,
) -> nodes.reference:
    """A final link to a phase's anchor (or another *anchor*: a gate's), with the
    builder's own URI for its page.

    Where the target is on the same output page (the same document, or any document of
    singlehtml), the link is the anchor alone.
    """
    anchor = anchor or anchor_id(phase_id)
    node = nodes.reference("", "", internal=True)
    uri = "" if fromdocname == todocname else builder.get_relative_uri(fromdocname, todocname)
    if not uri or uri.startswith("#"):
        node["refid"] = anchor
    else:
        node["refuri"] = f"{uri}#{anchor}"
    if title:
        node["reftitle"] = title
    node += child
    return node


def pictogram_node(name: str, *, decorative: bool = False) -> phases_pictogram:
    label = name.replace("-", " ").replace("_", " ")
    node = phases_pictogram(name=name, label=label)
    if decorative:
        node["decorative"] = True
    return node
