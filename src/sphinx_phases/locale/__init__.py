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


class label:  # lower-case: it is used like _()
    """A label set at class level (an index's name, an object type's), translated into
    the build's language each time it is read, and a plain ``str`` when read.

    ``_()`` at import time returns a lazy proxy, which is not a ``str``: the ``json`` and
    ``pickle`` builders cannot serialise it when Sphinx puts an index's name into a page's
    context. This descriptor resolves the message when Sphinx reads the attribute, from
    the class or an instance.
    """

    def __init__(self, message: str) -> None:
        self.message = message

    def __get__(self, instance: object, owner: type | None = None) -> str:
        return str(_(self.message))


def ngettext(singular: str, plural: str, n: int) -> str:
    """*singular* or *plural* as the language counts *n* (Welsh has more than two forms;
    the catalogue's ``Plural-Forms`` header chooses). Not used yet: no label counts
    anything ("Phase 3 of 7" names a place); a label that counts goes through this, so
    that tools/messages.py extracts both forms."""
    # Sphinx's _() takes one message; its translator for the build's language counts.
    return get_translator(CATALOG).ngettext(singular, plural, n)
