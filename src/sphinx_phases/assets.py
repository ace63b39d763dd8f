"""Static files: the stylesheet for HTML builders, and each used pictogram, copied once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_phases.config import config_file, config_line, get_config
from sphinx_phases.pictograms import Pictogram, build_registry
from sphinx_phases.warnings import PhaseWarning, file_location, warn
from sphinx_phases.writers.html import PICTOGRAM_DIR

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_phases.domain import PhasesDomain

STYLESHEET = Path(__file__).parent / "static" / "phases.css"


def _domain(app: Sphinx) -> PhasesDomain:
    return app.env.get_domain("phases")  # type: ignore[return-value]


def setup_assets(app: Sphinx) -> None:
    """``builder-inited``: know every pictogram; give HTML builders the stylesheet."""
    settings = get_config(app.config)
    registry, problems = build_registry(
        settings.pictograms,
        settings.pictogram_dirs,
        confdir=Path(app.confdir),
        srcdir=Path(app.srcdir),
    )
    domain = _domain(app)
    domain.pictograms = registry
    # singlehtml, latex and texinfo assemble with assemble_doctree; man inlines its own.
    domain.assembles = hasattr(app.builder, "assemble_doctree") or app.builder.name == "man"
    conf_path = config_file(app)
    for problem in problems:
        warn(
            problem.message,
            PhaseWarning.PICTOGRAM,
            file_location(conf_path, config_line(conf_path, problem.setting)),
        )
    if app.builder.format == "html":
        app.add_css_file("phases.css")
        # Copied now, before any page is written: Sphinx adds a ?v=checksum to the link
        # only when the file is already there, and pages written by an incremental build
        # must equal those of a clean one.
        _copy(STYLESHEET, Path(app.outdir, "_static", STYLESHEET.name))


def used_pictograms(app: Sphinx) -> Iterator[Pictogram]:
    domain = _domain(app)
    names = {name for uses in domain.data["pictograms"].values() for name, _line in uses}
    if domain.data["overviews"]:  # overviews show every phase's pictogram
        names.update(e.pictogram for e in domain.catalog.values() if e.pictogram)
    for name in sorted(names):
        found = domain.pictograms.get(name)
        if found is not None:
            yield found


def copy_html_assets(app: Sphinx) -> list[tuple[str, dict[str, object], str]]:
    """``html-collect-pages``: early enough for epub, which packs the folder afterwards."""
    if app.builder.format == "html":
        for found in used_pictograms(app):
            _copy(found.path, Path(app.outdir, PICTOGRAM_DIR, found.filename))
    return []


def copy_latex_pictograms(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: LaTeX can show the PNG pictograms (SVG ones fall back to text)."""
    if exception is None and app.builder.format == "latex":
        for found in used_pictograms(app):
            if found.filename.endswith(".png"):
                _copy(found.path, Path(app.outdir, "phases-pictograms", found.filename))


def _copy(source: Path, target: Path) -> None:
    """Copy unless the same bytes are there already, so unchanged builds touch nothing."""
    data = source.read_bytes()
    if target.is_file() and target.read_bytes() == data:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
