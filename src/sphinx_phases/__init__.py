"""Sphinx extension for service manuals written one page per delivery phase."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    # Imported here so that `import sphinx_phases` (the CLI, the pure modules) stays cheap.
    from sphinx_phases.extension import register

    register(app)
    return {
        "version": __version__,
        # Bump whenever PhasesDomain.data, PhaseDecl or the kept words change shape.
        "env_version": 3,
        # Earned by PhasesDomain.merge_domaindata and by doing cross-page work in the main
        # process only (env-get-updated), never in read or write workers.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
