"""What overviews and the export show of each phase's own words, read from the doctrees.

Summaries, activity and output lists and question answers stay where Sphinx keeps them
anyway, in the doctrees; the environment records only where they are and a digest of
them. They are read when a page that shows them is written: after translation, and with
the current builder's ``only`` directives applied, so an overview shows what the phase's
own page shows, links and emphasis included (docs/explanation/generated.md).
"""

from __future__ import annotations

import contextlib
import dataclasses as dc
import functools
import gc
import hashlib
import io
import pickle
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util.nodes import process_only_nodes

from sphinx_phases.core.model import Item
from sphinx_phases.core.problems import PhaseWarning
from sphinx_phases.render.nodes import phases_overview, phases_pictogram
from sphinx_phases.sphinx_ext.domain import phases_domain
from sphinx_phases.sphinx_ext.shown import Placement
from sphinx_phases.sphinx_ext.warnings import warn
from sphinx_phases.sphinx_ext.words_file import WORDS_DIR, Part, read_words, words_bytes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.tags import Tags


def unmovable(node: nodes.Node) -> bool:
    """What a phase's words cannot take to another page: a table of contents (with the
    wrapper Sphinx puts around it) belongs to its page's place in the site, and an
    overview inside the words it shows would show itself."""
    if isinstance(node, phases_overview):
        return True
    if isinstance(node, nodes.compound):
        return "toctree-wrapper" in node["classes"]
    return isinstance(node, addnodes.toctree) and not unmovable(node.parent)


SUMMARY_CLASS = "phases-summary"
ITEMS_CLASS = "phases-items"
QUESTION_CLASS = "phases-question"


@dc.dataclass
class PageText:
    """One page's phase text: summaries by phase, item lists, answers by question key.

    Everything is kept pickled: each use unpickles its own copy, and bytes are not objects
    the garbage collector walks. Kept as nodes, the words of 1,000 phases held from the
    first overview to the export made every later collection walk some 200,000 more
    objects (benchmarks/README.md).
    """

    summaries: dict[str, bytes] = dc.field(default_factory=dict)
    items: list[tuple[str, str | None, bytes]] = dc.field(default_factory=list)
    answers: dict[str, bytes] = dc.field(default_factory=dict)


def remember(env: BuildEnvironment, node: nodes.Element) -> None:
    """Note, while reading, a node of phase words on the page being read."""
    found: list[nodes.Element] | None = env.current_document.get("phases_text")
    if found is None:
        found = []
        env.current_document["phases_text"] = found
    found.append(node)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small nodes are made.

    By the time pages are written the process holds the whole environment, and each
    collection the allocations trigger walks all of it: on the 1,000-page benchmark an
    overview's rows cost several times more CPU with the collector running than without
    (benchmarks/README.md, "Findings that still hold"). Nothing made here is garbage yet;
    collection resumes after.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Keep the words of the page just read, which other pages show, with their digest.

    Connected late, after Sphinx's collectors: by then the page is as its own page shows
    it (translated, typographic quotes, footnotes numbered) and its images and downloads
    are registered to be copied with the build, so every copy can show them too.
    """
    env = app.env
    text: list[nodes.Element] | None = env.current_document.get("phases_text")
    if text:
        phases_domain(env).note_content(env.docname, keep_words(env, env.docname, text))
    else:
        forget_words(env, env.docname)


def keep_words(env: BuildEnvironment, docname: str, parts: list[nodes.Element]) -> str:
    """Keep a copy of a page's phase words beside its doctree; return their digest.

    Read back when a page that shows them is written, this small file spares unpickling
    the whole doctree of every phase for each overview (docs/explanation/page.md). Each
    part is pickled on its own, so a page showing one summary unpickles that summary only.
    """
    chosen = set(map(id, parts))
    outermost = [p for p in parts if not any(id(a) in chosen for a in _ancestors(p))]
    # Directives remember their parts as they run, which is the page's order unless a
    # part holds another: the inner one ran first.
    ordered: list[nodes.Node] = list(parts)
    if len(outermost) < len(parts):
        ordered = [n for p in outermost for n in p.findall(_is_phase_text)]
    path = _words_path(env, docname)
    path.parent.mkdir(parents=True, exist_ok=True)
    unmovable: list[nodes.Element] = []
    path.write_bytes(words_bytes(docname, _parts(ordered, unmovable)))
    for node in unmovable:
        what = "an overview" if isinstance(node, phases_overview) else "a table of contents"
        warn(
            f"a phase's words hold {what}, which cannot be shown on another page; expected "
            "it outside the summary, answer or list (it is left out where the words are "
            "shown elsewhere)",
            PhaseWarning.CONTENT,
            node,
        )
    text = "\x00".join(node.astext() for node in outermost)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _parts(
    ordered: Iterable[nodes.Node], unmovable: list[nodes.Element] | None = None
) -> list[Part]:
    """Each part of *ordered*, pickled on its own (the first of a kind on a page wins);
    what cannot travel with them is added to *unmovable*."""
    unmovable = [] if unmovable is None else unmovable
    found: list[Part] = []
    for node in ordered:
        assert isinstance(node, nodes.Element)  # found by _is_phase_text
        classes = node["classes"]
        body: list[nodes.Node]
        if SUMMARY_CLASS in classes and node.get("phase"):
            kind, key, body = "summary", node["phase"], node.children
        elif ITEMS_CLASS in classes:
            kind = "activities" if f"{ITEMS_CLASS}--activities" in classes else "outputs"
            key, body = node.get("phase"), [node]
        elif isinstance(node, nodes.section) and node.get("phases_key"):
            kind, key, body = "answer", node["phases_key"], node.children[1:]
        else:
            continue
        conditions = tuple(a["expr"] for a in _ancestors(node) if isinstance(a, addnodes.only))
        cut = id(body[0].parent) if body else 0
        footnotes, left_out = _travelling(body)
        unmovable.extend(left_out)
        found.append((kind, key, conditions, _pickled([*body, *footnotes], cut)))
    return found


def _travelling(body: list[nodes.Node]) -> tuple[list[nodes.Node], list[nodes.Element]]:
    """Copies of the footnotes *body* cites that lie outside it (MyST puts every footnote
    at the end of the page), so that they travel with the words; and what in *body*
    cannot travel (:func:`unmovable`)."""
    inside: set[str] = set()
    wanted: list[str] = []
    left_out: list[nodes.Element] = []
    document: nodes.document | None = None
    for top in body:
        if not isinstance(top, nodes.Element):
            continue
        for node in top.findall(nodes.Element):
            if isinstance(node, nodes.footnote):
                inside.update(node["ids"])
            elif isinstance(node, nodes.footnote_reference) and node.get("refid"):
                wanted.append(node["refid"])
                document = document or node.document
            elif unmovable(node):
                left_out.append(node)
    if document is None:
        return [], left_out
    found = (document.ids.get(refid) for refid in dict.fromkeys(wanted) if refid not in inside)
    copies: list[nodes.Node] = [
        footnote.deepcopy() for footnote in found if isinstance(footnote, nodes.footnote)
    ]
    return copies, left_out


def _pickled(body: list[nodes.Node], cut: int) -> bytes:
    handle = io.BytesIO()
    _WordsPickler(handle, cut).dump(list(body))
    return handle.getvalue()


class _WordsPickler(pickle.Pickler):
    """Pickles some nodes of a page without the page: their parent (*cut*) and any
    document load as ``None``. (Copying the nodes first to cut them loose cost more than
    the pickling, benchmarks/README.md.) Any document: words the Locale transform
    translated keep the throwaway document their translation was parsed in."""

    def __init__(self, handle: IO[bytes], cut: int) -> None:
        super().__init__(handle, pickle.HIGHEST_PROTOCOL)
        self._cut = cut

    def reducer_override(self, obj: object) -> Any:
        # Called for objects other than plain str, int, list, dict...: the nodes, here.
        if isinstance(obj, nodes.document) or id(obj) == self._cut:
            return type(None), ()
        if isinstance(obj, nodes.Node) and unmovable(obj):  # reported by keep_words
            return nodes.comment, ()
        return NotImplemented


def forget_words(env: BuildEnvironment, docname: str) -> None:
    _words_path(env, docname).unlink(missing_ok=True)


def _load_words(env: BuildEnvironment, docname: str) -> list[Part] | None:
    return read_words(_words_path(env, docname), docname)


def _words_path(env: BuildEnvironment, docname: str) -> Path:
    return Path(env.doctreedir, WORDS_DIR, f"{docname}.pickle")


def _ancestors(node: nodes.Node) -> Iterable[nodes.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def words_reader(env: BuildEnvironment, builder: Builder) -> ContentReader:
    """The reader of phase words for this build and process (write workers fork)."""
    domain = phases_domain(env)
    if domain.words is None:
        domain.words = ContentReader(env, builder.tags)
    return domain.words


class ContentReader:
    """Reads phase text from doctrees, once per document per process and builder."""

    def __init__(self, env: BuildEnvironment, tags: Tags) -> None:
        self.env = env
        self.tags = tags
        self._pages: dict[str, PageText] = {}

    def page(self, docname: str) -> PageText:
        found = self._pages.get(docname)
        if found is None:
            found = self._pages[docname] = self._read(docname)
        return found

    def summary(
        self, docname: str, phase_id: str, placement: Placement | None = None
    ) -> list[nodes.Node]:
        """A copy of the phase's summary, to show on the page of *placement* (None: as
        plain words, without footnotes)."""
        nodes_ = self._loaded(docname, lambda page: page.summaries.get(phase_id))
        return self._thawed(nodes_, docname, placement)

    def answer(
        self,
        docname: str,
        key: str,
        *,
        excerpt: bool = False,
        placement: Placement | None = None,
    ) -> list[nodes.Node]:
        """A copy of an answer, or of its first paragraph (*excerpt*)."""
        body = self._thawed(
            self._loaded(docname, lambda page: page.answers.get(key)), docname, placement
        )
        if excerpt:
            paragraphs: list[nodes.Node] = [n for n in body if isinstance(n, nodes.paragraph)]
            return paragraphs[:1]
        return body

    def items(self, docnames: Iterable[str], phase_id: str, kind: str) -> tuple[Item, ...]:
        """The *kind* items listed for *phase_id* on *docnames* (its page first)."""
        found: list[Item] = []
        for position, docname in enumerate(docnames):
            for index, (list_kind, phase, _frozen) in enumerate(self.page(docname).items):
                own = phase is None and position == 0
                if list_kind == kind and (phase == phase_id or own):
                    loaded = self._loaded(docname, functools.partial(_item_part, index=index))
                    for container in self._thawed(loaded, docname, None):
                        assert isinstance(container, nodes.Element)
                        found.extend(_items(container))
        return tuple(found)

    def _loaded(self, docname: str, pick: Callable[[PageText], bytes | None]) -> list[nodes.Node]:
        """The nodes of the part of *docname*'s words that *pick* chooses. A words file
        whose nodes no longer load (kept by another version of docutils or of this
        extension) is left for the page's doctree, read once."""
        frozen = pick(self.page(docname))
        if not frozen:
            return []
        try:
            loaded = pickle.loads(frozen)  # written by keep_words above
        except Exception:
            loaded = None
        if isinstance(loaded, list) and all(isinstance(n, nodes.Node) for n in loaded):
            return loaded
        self._pages[docname] = self._read(docname, kept=False)
        frozen = pick(self._pages[docname])
        return pickle.loads(frozen) if frozen else []

    def _read(self, docname: str, *, kept: bool = True) -> PageText:
        """*docname*'s words: from its words file (*kept*) when it can be trusted, else
        from its doctree."""
        parts = _load_words(self.env, docname) if kept else None
        if parts is None:
            tree = self.env.get_doctree(docname)
            parts = _parts(tree.findall(_is_phase_text))
        text = PageText()
        for kind, key, conditions, frozen in parts:
            if not all(map(self._shown, conditions)):
                continue  # inside an ``only`` directive this builder leaves out
            if kind in ("activities", "outputs"):
                text.items.append((kind, key, frozen))
            elif kind == "summary" and key:
                text.summaries.setdefault(key, frozen)
            elif kind == "answer" and key:
                text.answers.setdefault(key, frozen)
        return text

    def _shown(self, condition: str) -> bool:
        try:
            return self.tags.eval_condition(condition)
        except Exception:  # Sphinx keeps such content, and warns on its page
            return True

    def _thawed(
        self, loaded: list[nodes.Node], docname: str, placement: Placement | None
    ) -> list[nodes.Node]:
        """Nodes kept by ``_pickled``, as this builder shows them on another page."""
        if not loaded:
            return []
        holder = nodes.container()
        holder.extend(loaded)
        process_only_nodes(holder, self.tags)
        footnotes = {
            footnote_id: footnote
            for footnote in holder.findall(nodes.footnote)
            for footnote_id in footnote["ids"]
        }
        _make_shown_elsewhere(holder)
        body = list(holder.children)
        for node in body:
            node.parent = None
        if placement is not None:
            return placement.place(body, docname, footnotes)
        return [node for node in body if not isinstance(node, nodes.footnote)]


def _item_part(page: PageText, index: int) -> bytes:
    return page.items[index][2]


def _is_phase_text(node: nodes.Node) -> bool:
    if not isinstance(node, nodes.Element):
        return False
    classes = node.get("classes", ())
    return SUMMARY_CLASS in classes or ITEMS_CLASS in classes or QUESTION_CLASS in classes


def _items(container: nodes.Element) -> tuple[Item, ...]:
    """Every item of the container's lists (an ``only`` block may have added one)."""
    found = []
    lists = [child for child in container.children if isinstance(child, nodes.bullet_list)]
    for list_item in (item for listing in lists for item in listing.children):
        paragraph = (
            list_item.next_node(nodes.paragraph) if isinstance(list_item, nodes.Element) else None
        )
        if paragraph is None or not paragraph.astext().strip():
            continue
        pictogram = paragraph.next_node(phases_pictogram)
        name = pictogram["name"] if pictogram is not None else None
        found.append(Item(paragraph.astext().strip(), name))
    return tuple(found)


def plain_text(
    body: Iterable[nodes.Node], reference_text: Callable[[addnodes.pending_xref], str | None]
) -> str:
    """The words of *body* as its page shows them, paragraphs joined by a space: a
    reference as the text it shows once resolved (*reference_text*, None to keep its own
    words), without footnote numbers, whose footnotes are not part of the words."""
    parts = []
    for node in body:
        if isinstance(node, nodes.comment | nodes.substitution_definition):
            continue
        copy = node.deepcopy()
        for ref in list(copy.findall(_not_words)):
            ref.parent.remove(ref)
        for xref in list(copy.findall(addnodes.pending_xref)):
            text = reference_text(xref)
            if text is not None:
                xref.replace_self(nodes.Text(text))
        text = copy.astext().strip()
        if text:
            parts.append(" ".join(text.split()))
    return " ".join(parts)


def _not_words(node: nodes.Node) -> bool:
    return isinstance(node, nodes.footnote_reference | nodes.substitution_definition)


def _make_shown_elsewhere(tree: nodes.Node) -> None:
    """Ready words for another page: without ids (they belong to the phase's page), and
    with references resolved from the showing page."""
    for element in tree.findall(nodes.Element):
        element["ids"] = []
        element.document = None  # type: ignore[assignment]  # the page's, not pickled
        if isinstance(element, addnodes.pending_xref):
            element.attributes.pop("refdoc", None)
