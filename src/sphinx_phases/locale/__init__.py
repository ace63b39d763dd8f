"""Translated labels: every label the extension writes goes through Sphinx's catalogues.

The Welsh (``cy``) catalogue ships as a ``.po`` file; the build backend compiles it to
``.mo`` when the package is built or installed (see ``hatch_build.py``).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation, get_translator

CATALOG = "sphinx_phases"
LOCALE_DIR = Path(__file__).parent

# For text that goes into the documents, translated into the project's ``language``.
_ = get_translation(CATALOG)


def ngettext(singular: str, plural: str, n: int) -> str:
    """*singular* or *plural* as the language counts *n* (Welsh has more than two forms;
    the catalogue's ``Plural-Forms`` header chooses). Not used yet: no label counts
    anything ("Phase 3 of 7" names a place); a label that counts goes through this, so
    that tools/messages.py extracts both forms."""
    # Sphinx's _() takes one message; its translator for the build's language counts.
    return get_translator(CATALOG).ngettext(singular, plural, n)
