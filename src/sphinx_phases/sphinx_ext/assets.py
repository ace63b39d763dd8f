"""Static files: the stylesheet, through ``html_static_path``, and the used pictograms.

A site pays only for what it uses. The package's static folder joins ``html_static_path``
only when some page holds the extension's markup, each page links the stylesheet only
when it shows that markup, and only the pictograms in use are copied (see
docs/how-to/pictograms.md). What a build no longer needs it removes, so that an
incremental build leaves the same files as a clean one.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_phases.core.config import config_file, config_line, get_config
from sphinx_phases.core.pictograms import Pictogram, build_registry
from sphinx_phases.render import nodes as phase_nodes
from sphinx_phases.render.writers.html import PICTOGRAM_DIR
from sphinx_phases.sphinx_ext.domain import phases_domain
from sphinx_phases.sphinx_ext.warnings import file_location, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from sphinx_phases.sphinx_ext.domain import PhasesDomain

# Sphinx copies all of it to _static: only what any page showing the markup may link.
STATIC_DIR = Path(__file__).parents[1] / "static"
STYLESHEET = "phases.css"

# The per-page facts the domain records whenever a page holds the extension's markup.
_MARKUP_FACTS = ("decls", "refs", "items", "pictograms", "overviews", "questions")
_NODE_CLASSES = tuple(getattr(phase_nodes, name) for name in phase_nodes.__all__)


def _domain(app: Sphinx) -> PhasesDomain:
    return phases_domain(app.env)


def setup_assets(app: Sphinx) -> None:
    """``builder-inited``: know every pictogram, and report the settings that name them."""
    settings = get_config(app.config)
    registry, problems = build_registry(
        settings.pictograms,
        settings.pictogram_dirs,
        confdir=Path(app.confdir),
        srcdir=Path(app.srcdir),
    )
    domain = _domain(app)
    domain.pictograms = registry
    conf_path = config_file(app)
    for problem in problems:
        line = config_line(conf_path, problem.setting) if problem.setting else None
        warn(problem.message, problem.subtype, file_location(conf_path, line))


def site_shows_markup(domain: PhasesDomain) -> bool:
    """Whether any page holds the extension's markup: phases, references, pictograms."""
    return any(domain.data.get(key) for key in _MARKUP_FACTS)


def prepare_html_assets(app: Sphinx, builder: Builder) -> None:
    """``write-started``: what the pages will link, in place before Sphinx copies assets.

    Every HTML builder passes here (singlehtml emits no ``html-collect-pages``), after
    reading and before Sphinx copies ``html_static_path`` and writes the pages: the files
    are there in time for the ``?v=`` checksum, and for epub, which packs the folder last.
    Anything removed here that the project itself provides under the same name, Sphinx
    copies back from the project's static or extra paths straight afterwards.
    """
    if builder.format != "html":
        return
    static = Path(builder.outdir, "_static")
    paths = [p for p in app.config.html_static_path if p != str(STATIC_DIR)]
    if site_shows_markup(_domain(app)):
        # First, so that a project file of the same name, later in the list, wins.
        paths.insert(0, str(STATIC_DIR))
    else:
        for leftover in STATIC_DIR.iterdir():
            (static / leftover.name).unlink(missing_ok=True)
    # Set after Sphinx hashed the build info and (in a sphinx-build run) pickled the
    # environment, so that the next run sees no changed configuration.
    app.config.html_static_path = paths
    _sync_folder(Path(builder.outdir, PICTOGRAM_DIR), used_pictograms(app))


def link_stylesheet(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: link the stylesheet from a page that shows the markup.

    ``handle_page`` restores the builder's stylesheet list before each page, so the link
    stays on this page. ``app.add_css_file`` would also append to the registry on every
    call, and from there to every page of a later build. With ``-j`` this runs in a write
    worker: it changes only the list Sphinx resets for the next page.
    """
    if doctree is None or str(STATIC_DIR) not in app.config.html_static_path:
        return
    if next(doctree.findall(_is_markup), None) is not None:
        app.builder.add_css_file(STYLESHEET)  # type: ignore[attr-defined]


def _is_markup(node: nodes.Node) -> bool:
    if isinstance(node, _NODE_CLASSES):
        return True
    if not isinstance(node, nodes.Element):
        return False
    classes: list[str] = node["classes"]
    return any(name.startswith("phases-") for name in classes)


def used_pictograms(app: Sphinx) -> Iterator[Pictogram]:
    domain = _domain(app)
    names = {name for uses in domain.data["pictograms"].values() for name, *_where in uses}
    if domain.data["overviews"]:  # overviews show every phase's pictogram
        names.update(
            e.pictogram
            for cycle in domain.cycles.values()
            for e in cycle.catalog.values()
            if e.pictogram
        )
    for name in sorted(names):
        found = domain.pictograms.get(name)
        if found is not None:
            yield found


def copy_latex_pictograms(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: LaTeX can show the PNG pictograms (SVG ones fall back to text)."""
    if exception is None and app.builder.format == "latex":
        for found in used_pictograms(app):
            if found.filename.endswith(".png"):
                _copy(found.path, Path(app.outdir, "phases-pictograms", found.filename))


def _sync_folder(folder: Path, pictograms: Iterator[Pictogram]) -> None:
    """Make *folder*, the extension's own, hold exactly *pictograms*: no more, no less."""
    wanted = {found.filename: found.path for found in pictograms}
    for name, source in wanted.items():
        _copy(source, folder / name)
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name not in wanted and path.is_file():
            path.unlink()
    if not any(folder.iterdir()):
        folder.rmdir()


def _copy(source: Path, target: Path) -> None:
    """Copy unless the same bytes are there already, so unchanged builds touch nothing."""
    data = source.read_bytes()
    if target.is_file() and target.read_bytes() == data:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
