"""Option values in the project's language: carried through Sphinx's own translation.

A directive's words for readers (a phase's title, subtitle, noun, duration and team; a
gate's title and authority) are not document text, so Sphinx would neither extract nor
translate them. Each directive leaves them in a
:class:`~sphinx_phases.render.nodes.phases_words` node, which the gettext builder extracts and
Sphinx's Locale transform translates with the page's catalogue
(docs/how-to/translate.md); :func:`translate_page` then puts the translated words into
what the page declared, before anything shows them.

Stage titles and standards come from the configuration, not from a page: the gettext
builder extracts them into a catalogue of their own, ``phases-config`` (Sphinx's page
catalogues' rule applies, so a ``gettext_compact`` name takes them in too), and
:func:`translate_settings` translates them once per build, before anything shows them.
"""

from __future__ import annotations

import dataclasses as dc
import gettext
import struct
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.gettext import I18nBuilder, MsgOrigin
from sphinx.util.i18n import docname_to_domain

from sphinx_phases.core.config import config_line
from sphinx_phases.core.gates import Criterion
from sphinx_phases.core.inputs import PATH_CHARS, excerpt
from sphinx_phases.core.stages import Stages, translated_stages
from sphinx_phases.core.standards import Standard, translated
from sphinx_phases.render.nodes import phases_gate, phases_words
from sphinx_phases.sphinx_ext.domain import phases_domain
from sphinx_phases.sphinx_ext.warnings import PhaseWarning, file_location, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.docutils import SphinxDirective

    from sphinx_phases.core.model import PhaseDecl
    from sphinx_phases.core.sequence.spec import StageItem

Declared = TypeVar("Declared")

#: The phase options whose values readers read.
TRANSLATABLE_OPTIONS = ("title", "subtitle", "noun", "duration", "team")


def words_node(
    directive: SphinxDirective, owner: str, kind: str, options: Iterable[str]
) -> phases_words | None:
    """The *directive*'s words for readers among *options*, for Sphinx to translate; None
    when it has none. *kind* is ``phase`` or ``gate``, *owner* its id."""
    values = {
        name: directive.options[name].strip()
        for name in options
        if str(directive.options.get(name, "")).strip()
    }
    if not values:
        return None
    node = phases_words(values=values, kind=kind, owner=owner)
    directive.set_source_info(node)
    read_later(directive.env, "phases_words").append(node)
    return node


def read_later(env: BuildEnvironment, key: str) -> list[nodes.Element]:
    """The page's nodes kept under *key* for :func:`translate_page` (they go with the
    page's other reading state when it is done)."""
    found: list[nodes.Element] | None = env.current_document.get(key)
    if found is None:
        found = []
        env.current_document[key] = found
    return found


def translate_page(env: BuildEnvironment, decl: PhaseDecl | None) -> PhaseDecl | None:
    """Put the page's translated words into its phase's and gates' declarations (after
    Sphinx's Locale transform); the phase's declaration as it now is."""
    for node in read_later(env, "phases_words"):
        words = {key: value for key, value in node["values"].items() if value}
        if node["kind"] == "phase" and decl is not None and node["owner"] == decl.id:
            changed = {key: value for key, value in words.items() if getattr(decl, key) != value}
            if changed:
                decl = replace_decl(env, "decls", decl, dc.replace(decl, **changed))
        elif node["kind"] == "gate":
            _translate_gate(env, node, words)
    for gate_node in read_later(env, "phases_gates"):
        _recount_criteria(env, gate_node)
    return decl


def _recount_criteria(env: BuildEnvironment, gate_node: nodes.Element) -> None:
    """A gate's criteria as the page now says them (the Locale transform translated the
    list in place), for the export."""
    listings = [
        child
        for child in gate_node.children
        if isinstance(child, nodes.bullet_list) and "phases-gate__criteria" in child["classes"]
    ]
    gates = phases_domain(env).data["gates"].get(env.docname, [])
    found = [gate for gate in gates if gate.id == gate_node["gate"]]
    if not listings or not found:
        return
    # Each list keeps its kind (docs/reference/gates.md, "Kinds of criteria").
    criteria = tuple(
        criterion_of(item, listing.get("kind"))
        for listing in listings
        for item in listing.children
    )
    if criteria != found[0].criteria:
        replace_decl(env, "gates", found[0], dc.replace(found[0], criteria=criteria))


def criterion_of(item: nodes.Node, kind: str | None = None) -> Criterion:
    """A criterion's words (without its citations, which are kept apart) and the points
    it cites, from its list item; *kind*: the id of its kind of criteria."""
    words = item.deepcopy()
    cited = [ref for ref in words.findall(addnodes.pending_xref) if ref.get("reftype") == "point"]
    for ref in cited:
        ref.parent.remove(ref)
    text = " ".join(words.astext().split())
    return Criterion(text, tuple(ref["reftarget"] for ref in cited), kind)


def replace_decl(env: BuildEnvironment, key: str, old: Declared, new: Declared) -> Declared:
    """Put *new* in place of *old* among the page's recorded declarations (*key*:
    ``decls`` or ``gates``), and return it."""
    kept = phases_domain(env).data[key].get(env.docname, [])
    for i, recorded in enumerate(kept):
        if recorded is old:
            kept[i] = new
    return new


def _translate_gate(env: BuildEnvironment, node: nodes.Element, words: dict[str, str]) -> None:
    gates = phases_domain(env).data["gates"].get(env.docname, [])
    found = [gate for gate in gates if gate.id == node["owner"]]
    if not found:
        return
    old = found[0]
    changed = {key: value for key, value in words.items() if getattr(old, key) != value}
    if not changed:
        return
    replace_decl(env, "gates", old, dc.replace(old, **changed))
    if "title" not in changed:
        return
    # What the directive rendered with the untranslated title: its heading, its index entry.
    title = changed["title"]
    gate = node.parent
    if isinstance(gate, phases_gate):
        heading = gate.next_node(nodes.rubric)
        if heading is not None:
            del heading[:]
            heading += nodes.Text(title)
        index = gate.previous_sibling()
        if isinstance(index, addnodes.index):
            index["entries"] = [
                (kind, text.replace(old.title, title, 1), *rest)
                for kind, text, *rest in index["entries"]
            ]


# -- the configuration's words ---------------------------------------------------------------

#: The catalogue of the words the configuration gives readers: stage titles, and the
#: titles, point titles and sections of standards (docs/how-to/translate.md).
SETTINGS_CATALOG = "phases-config"


def settings_catalog(config: Config) -> str:
    """The text domain of the configuration's words: ``phases-config``, or the one
    catalogue a ``gettext_compact`` name puts every page in (Sphinx's own rule)."""
    return docname_to_domain(SETTINGS_CATALOG, config.gettext_compact)


def settings_messages(
    stage_items: Iterable[StageItem], standards: Mapping[str, Standard], conf_path: str
) -> list[tuple[str, str, int | None]]:
    """Each of the configuration's words for readers, with the file and line it is written
    at (the ``phases_stages`` or ``phases_standards`` line of conf.py for what conf.py
    gives, or a standard titled after its id there)."""
    found: list[tuple[str, str, int | None]] = []
    for item in stage_items:
        if item.path is not None:
            found.append((item.title, item.path, item.line))
        else:
            found.append((item.title, conf_path, config_line(conf_path, "phases_stages")))
    setting = config_line(conf_path, "phases_standards")
    for standard in standards.values():
        if standard.path is not None and standard.line is not None:
            found.append((standard.title, standard.path, standard.line))
        else:
            found.append((standard.title, conf_path, setting))
        for point in standard.points:
            path, line = (
                (standard.path, point.line) if standard.path is not None else (conf_path, setting)
            )
            found.append((point.title, path, line))
            if point.section:
                found.append((point.section, path, line))
    return found


def settings_translator(app: Sphinx) -> Callable[[str], str] | None:
    """The project's translation of its configuration's words into its ``language``
    (the compiled catalogues of ``locale_dirs``, which Sphinx compiles before reading); None
    without one.

    Read afresh each build, as the page catalogues are: an edited entry must show.
    """
    language = app.config.language
    if not language:
        return None
    catalog = settings_catalog(app.config)
    translator: gettext.NullTranslations | None = None
    for directory in app.config.locale_dirs:
        localedir = Path(app.srcdir, directory)
        for found in gettext.find(catalog, str(localedir), [language], all=True):
            try:
                with open(found, "rb") as handle:
                    more = gettext.GNUTranslations(handle)
            except (OSError, ValueError, LookupError, struct.error) as exc:
                reason = getattr(exc, "strerror", None) or exc.__class__.__name__
                warn(
                    f"the catalogue {excerpt(Path(found).name, limit=PATH_CHARS)} cannot be read "
                    f"({reason}); expected a compiled .mo file (Sphinx compiles each .po "
                    "file it finds); the words it translates stay as written",
                    PhaseWarning.CONFIG,
                    file_location(found, None),
                )
                continue
            if translator is None:
                translator = more
            else:
                translator.add_fallback(more)
    if translator is None:
        return None
    words = translator

    def translate(text: str) -> str:
        return words.gettext(text) if text else text

    return translate


def translate_settings(
    app: Sphinx,
    stage_items: Iterable[StageItem],
    stages: Stages,
    standards: dict[str, Standard],
    conf_path: str,
) -> tuple[Stages, dict[str, Standard]]:
    """The stages and standards as readers see them in the build's language.

    The gettext builder gets their words for its catalogue instead, each located where it
    is written, and they stay as written.
    """
    builder = app.builder
    if isinstance(builder, I18nBuilder):
        catalog = builder.catalogs[settings_catalog(app.config)]
        for text, path, line in settings_messages(stage_items, standards, conf_path):
            catalog.add(text, MsgOrigin(path, line if line is not None else -1))
        return stages, standards
    translate = settings_translator(app)
    if translate is None:
        return stages, standards
    shown = {key: translated(standard, translate) for key, standard in standards.items()}
    return translated_stages(stages, translate), shown
