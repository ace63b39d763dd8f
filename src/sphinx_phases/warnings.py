"""The one warning type of the extension, ``phases``, and its documented subtypes."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils import nodes

LOGGER = logging.getLogger("sphinx_phases")


class PhaseWarning(enum.Enum):
    """Subtypes, so users can write ``suppress_warnings = ["phases.<subtype>"]``."""

    DUPLICATE = "duplicate"
    """Two pages declare the same id, or one page declares two phases."""
    UNKNOWN = "unknown"
    """``previous``, ``next``, ``parent``, ``loops-to``, a role or the sequence names an id
    that no page declares."""
    ASYMMETRIC = "asymmetric"
    """An explicit previous/next disagrees with the neighbour's link (explicit or from the
    sequence); the page's own link wins in its navigation."""
    CYCLE = "cycle"
    """The sequence loops other than through a declared ``loops-to``, or a loop goes
    forward."""
    ORPHAN = "orphan"
    """A phase that no sequence reaches, or a sequence with more than one start."""
    PICTOGRAM = "pictogram"
    """An unknown pictogram name, or a pictogram file outside the project, missing,
    unreadable or unsafe."""
    OPTION = "option"
    """An invalid option or front-matter value (bad id, unknown status, wrong type)."""
    CONFIG = "config"
    """An invalid ``phases_*`` value or sequence file; the default is used."""


def warn(message: str, subtype: PhaseWarning | str, location: Any, **kwargs: Any) -> None:
    """Log one located ``phases.<subtype>`` warning.

    *location* is anything Sphinx accepts: a node, ``(docname, line)`` or ``"path:line"``.
    """
    value = subtype.value if isinstance(subtype, PhaseWarning) else subtype
    LOGGER.warning(message, type="phases", subtype=value, location=location, **kwargs)


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
