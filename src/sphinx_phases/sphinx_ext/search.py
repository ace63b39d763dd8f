"""Keep generated navigation out of the search index, on every supported Sphinx.

The navigation carries the ``no-search`` class, which Sphinx's indexer skips from Sphinx
8.2. On older versions the builder's ``index_page`` is wrapped so that it indexes the page
without those nodes: otherwise every phase page would match "previous phase".
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any

import sphinx.search
from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _indexer_skips_no_search() -> bool:
    try:
        return "no-search" in inspect.getsource(sphinx.search)
    except (OSError, TypeError):
        return False


SKIPS_NO_SEARCH = _indexer_skips_no_search()


def keep_out_of_search(app: Sphinx) -> None:
    """``builder-inited``: on a Sphinx that indexes ``no-search`` nodes, stop it."""
    builder: Any = app.builder
    if SKIPS_NO_SEARCH or not callable(getattr(builder, "index_page", None)):
        return
    original = builder.index_page

    def index_page(pagename: str, doctree: nodes.document, title: str) -> None:
        hidden = [
            (node.parent, node.parent.index(node), node)
            for node in doctree.findall(_no_search)
            if node.parent is not None
        ]
        for parent, _index, node in reversed(hidden):
            parent.remove(node)
        try:
            original(pagename, doctree, title)
        finally:
            for parent, index, node in hidden:
                parent.insert(index, node)

    builder.index_page = index_page


def _no_search(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and "no-search" in node["classes"]
