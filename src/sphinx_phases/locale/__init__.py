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
# labels, per life cycle (None: the project-wide words), merged once per build by
# sphinx_ext/lifecycles.py before any page is read. Forked readers and writers inherit it.
_project: dict[str | None, dict[str, str]] = {}
# The life cycle whose words are spoken now: the page being read, checked or written.
_speaking: list[str | None] = [None]


def use_labels(labels: dict[str | None, dict[str, str]]) -> None:
    """Set each life cycle's labels (message id -> text) for the build that starts."""
    _project.clear()
    _project.update(labels)
    _speaking[0] = None


def speak(lifecycle: str | None) -> None:
    """Speak *lifecycle*'s words from now on (None: the project-wide ones)."""
    _speaking[0] = lifecycle


def speaking() -> str | None:
    """The life cycle whose words are spoken now."""
    return _speaking[0]


def _(message: str) -> str:
    """*message* in the words the project shows (see the module's docstring)."""
    labels = _project.get(_speaking[0])
    if labels is None:
        labels = _project.get(None, {})
    found = labels.get(message)
    return found if found is not None else _catalogue(message)


def project_words(message: str) -> str:
    """*message* in the project-wide words, whichever life cycle speaks now: for what the
    whole site shows once (the search index's names of object types)."""
    found = _project.get(None, {}).get(message)
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
