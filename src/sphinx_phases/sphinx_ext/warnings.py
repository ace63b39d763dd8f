"""The one warning type of the extension, ``phases``, with its subtypes (:class:`PhaseWarning`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from sphinx_phases.core.messages import PATH_CHARS, excerpt
from sphinx_phases.core.problems import PhaseWarning

if TYPE_CHECKING:
    from docutils import nodes

__all__ = ["PhaseWarning", "file_location", "warn"]

LOGGER = logging.getLogger("sphinx_phases")


# A value longer than any path a warning names whole (core.messages.named): quoted, or not.
_LONG_VALUE = re.compile(rf"'[^'\s]{{{PATH_CHARS - 1},}}'|[^'\s]{{{PATH_CHARS + 1},}}")


def warn(message: str, subtype: PhaseWarning, location: Any) -> None:
    """Log one located ``phases.<subtype>`` warning.

    *location* is anything Sphinx accepts: a node, ``(docname, line)`` or ``"path:line"``.
    A value in *message* longer than a path a warning names whole (an id or key of
    100,000 characters) is excerpted, with its length, wherever the message came from
    (docs/reference/warnings.md).
    """
    message = _LONG_VALUE.sub(_excerpted, message)
    LOGGER.warning(message, type="phases", subtype=subtype.value, location=location)


def _excerpted(found: re.Match[str]) -> str:
    value = found[0]
    if value.startswith("'"):
        return excerpt(value[1:-1])
    return excerpt(value, quote=False)


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
