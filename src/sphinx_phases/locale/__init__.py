"""Labels: every word the extension writes for readers is a whole message, looked up in
this order (docs/how-to/own-words.md): ``phases_labels``, the project's own catalogue
(``<locale_dirs>/<language>/LC_MESSAGES/sphinx_phases.po``, English too), the profile's
labels for the language, the package's catalogue, the message id itself.

The Welsh (``cy``) catalogue ships as a ``.po`` file; the build backend compiles it to
``.mo`` when the package is built or installed (see ``hatch_build.py``).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation, get_translator

CATALOG = "sphinx_phases"
LOCALE_DIR = Path(__file__).parent

# The package's catalogue, in the project's ``language`` (Sphinx loads it per build).
_catalogue = get_translation(CATALOG)

# What the project says first: phases_labels over its own catalogue over its profile's
# labels, merged once per build by sphinx_ext/labels.py before any page is read. Forked
# write workers inherit it.
_project: dict[str, str] = {}


def use_labels(labels: dict[str, str]) -> None:
    """Set the project's labels (message id -> text) for the build that starts."""
    _project.clear()
    _project.update(labels)


def _(message: str) -> str:
    """*message* in the words the project shows (see the module's docstring)."""
    found = _project.get(message)
    return found if found is not None else _catalogue(message)


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
