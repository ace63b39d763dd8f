"""The one warning type of the extension, ``phases``, with its subtypes (:class:`PhaseWarning`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from sphinx_phases.core.problems import PhaseWarning

if TYPE_CHECKING:
    from docutils import nodes

__all__ = ["PhaseWarning", "file_location", "warn"]

LOGGER = logging.getLogger("sphinx_phases")


def warn(message: str, subtype: PhaseWarning, location: Any) -> None:
    """Log one located ``phases.<subtype>`` warning.

    *location* is anything Sphinx accepts: a node, ``(docname, line)`` or ``"path:line"``.
    """
    LOGGER.warning(message, type="phases", subtype=subtype.value, location=location)


def file_location(path: str, line: int | None) -> str | nodes.Node:
    """A location in a file that is not a document (conf.py, a sequence file)."""
    if line:
        return f"{path}:{line}"
    from docutils import nodes

    # Sphinx treats a location string without ':' as a docname; a bare node with only a
    # source prints the path alone.
    node = nodes.Element()
    node.source = path
    return node
