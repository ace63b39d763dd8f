"""A phase's words on another page: links that point where the phase's page points, and
footnotes that travel with the words (docs/reference/overviews.md, "What a phase's words
may hold").

The words were kept after the phase's page was read, so images, downloads, substitutions
and typographic quotes are already as that page shows them. What depends on the page that
shows them is settled here, when that page is written: a reference written relative to
the phase's page, a link to one of its own anchors, a footnote's number and ids.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import NoUri
from sphinx.util import docname_join
from sphinx.util.osutil import relative_uri

if TYPE_CHECKING:
    from sphinx.builders import Builder

#: Set on every cross-reference copied to another page: a reference that cannot be
#: resolved was reported once, on the phase's own page, and is not reported again.
COPY_FLAG = "phases_copy"


class Placement:
    """The page words are shown on: its document, its name and the builder writing it."""

    def __init__(self, document: nodes.document, docname: str, builder: Builder) -> None:
        self.document = document
        self.docname = docname
        self.builder = builder
        self._footnotes: int | None = None  # footnotes numbered on the page so far

    def place(
        self, body: list[nodes.Node], source: str, footnotes: dict[str, nodes.footnote]
    ) -> list[nodes.Node]:
        """*body*, copied from *source*'s page, made right for this page.

        *footnotes* are the words' footnotes by the id they had on their own page; each
        that the words cite gets a number and ids of this page, and follows the words.
        """
        cited: dict[str, tuple[nodes.footnote, list[str], str]] = {}
        # A footnote shows after the words that cite it; one nothing here cites stays
        # on its own page.
        shown: list[nodes.Node] = [n for n in body if not isinstance(n, nodes.footnote)]
        for node in shown:
            if not isinstance(node, nodes.Element):
                continue
            for element in list(node.findall(nodes.Element)):
                if isinstance(element, nodes.footnote_reference):
                    self._cite(element, footnotes, cited)
                elif isinstance(element, addnodes.pending_xref):
                    self._absolute(element, source)
                elif isinstance(element, nodes.reference):
                    self._rebase(element, source)
                elif isinstance(element, nodes.math | nodes.math_block):
                    self._note_math()
        for footnote, refs, _number in cited.values():
            footnote["backrefs"] = refs
            shown.append(footnote)
        return shown

    def _cite(
        self,
        ref: nodes.footnote_reference,
        footnotes: dict[str, nodes.footnote],
        cited: dict[str, tuple[nodes.footnote, list[str], str]],
    ) -> None:
        old = ref.get("refid") or ""
        footnote = footnotes.get(old)
        if footnote is None:  # its footnote was not kept: the number alone, as text
            ref.replace_self(nodes.Text(ref.astext()))
            return
        if old not in cited:
            number = str(self._next_number())
            for label in footnote.findall(nodes.label):
                label.children = [nodes.Text(number)]
                label.children[0].parent = label
            footnote["names"] = []  # its name is its own page's
            self.document.set_id(footnote, suggested_prefix="footnote")
            cited[old] = (footnote, [], number)
        footnote, refs, number = cited[old]
        ref["refid"] = footnote["ids"][0]
        ref.children = [nodes.Text(number)]
        ref.children[0].parent = ref
        refs.append(self.document.set_id(ref, suggested_prefix="footnote-reference"))

    def _next_number(self) -> int:
        if self._footnotes is None:
            self._footnotes = sum(1 for _ in self.document.findall(nodes.footnote))
        self._footnotes += 1
        return self._footnotes

    def _absolute(self, xref: addnodes.pending_xref, source: str) -> None:
        """A document named relative to the phase's page, named from the project's root,
        so it resolves from any page; the showing page's warning is the page's own."""
        xref[COPY_FLAG] = True
        if xref.get("refdomain") == "std" and xref.get("reftype") == "doc":
            target = xref.get("reftarget", "")
            if target and not target.startswith("/"):
                xref["reftarget"] = "/" + docname_join(source, target)
        elif xref.get("reflocalid") and source != self.docname:
            # A Markdown link to an anchor of the phase's own page (``[x](#more)``).
            link = nodes.reference("", "", *xref.children, internal=True)
            link["refuri"] = self._uri(source, xref["reflocalid"])
            xref.replace_self(link)

    def _rebase(self, ref: nodes.reference, source: str) -> None:
        if source == self.docname:
            return
        if ref.get("refid"):  # an anchor of the phase's own page
            ref["refuri"] = self._uri(source, ref["refid"])
            del ref["refid"]
            return
        uri = ref.get("refuri", "")
        if not uri or uri.startswith(("#", "/", "%")) or urlsplit(uri).scheme:
            return
        if self.builder.format != "html":
            return
        ref["refuri"] = _rebased(uri, self._target(source), self._target(self.docname))

    def _uri(self, docname: str, anchor: str) -> str:
        try:
            return self.builder.get_relative_uri(self.docname, docname) + "#" + anchor
        except NoUri:
            return "#" + anchor

    def _target(self, docname: str) -> str:
        try:
            return self.builder.get_target_uri(docname)
        except NoUri:
            return ""

    def _note_math(self) -> None:
        # Sphinx before 8.2 loads MathJax on pages its math domain saw equations on while
        # reading; this page shows them only now (later versions look at the output).
        try:
            data = self.builder.env.get_domain("math").data
        except Exception:  # no math domain: nothing to note
            return
        if isinstance(data, dict) and isinstance(data.get("has_equations"), dict):
            data["has_equations"][self.docname] = True


def _rebased(uri: str, source: str, shown: str) -> str:
    """*uri*, written relative to the page at *source*, relative to the page at *shown*."""
    path, hash_, fragment = uri.partition("#")
    base = posixpath.dirname(source.partition("#")[0])
    target = posixpath.normpath(posixpath.join(base, path)) if path else source
    if path.endswith("/") and not target.endswith("/"):
        target += "/"
    return relative_uri(shown.partition("#")[0], target) + hash_ + fragment
