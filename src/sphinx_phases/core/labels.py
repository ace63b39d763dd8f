"""Which words a project shows for each of the extension's messages (no Sphinx).

The order is documented in docs/how-to/own-words.md: ``phases_labels``, the project's
own ``sphinx_phases.po`` for the language, the profile's labels, the package's catalogue,
the message id. The build (sphinx_ext/lifecycles.py) and ``sphinx-phases labels`` both use
what is here, so the command prints what a build shows.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterable, Mapping
from pathlib import Path

from babel.messages.pofile import read_po

from sphinx_phases.core.inputs import YamlRefused, confine, excerpt, read_file
from sphinx_phases.core.problems import PhaseWarning, Problem

CATALOG = "sphinx_phases"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


def message_ids() -> tuple[str, ...]:
    """Every message id of the package's catalogue template, in its order."""
    with (LOCALE_DIR / f"{CATALOG}.pot").open("rb") as handle:
        return tuple(str(m.id) for m in read_po(handle) if m.id and isinstance(m.id, str))


def project_catalogue(
    srcdir: Path, locale_dirs: Iterable[str], language: str, roots: Iterable[Path]
) -> tuple[dict[str, str], list[Problem]]:
    """The project's own ``sphinx_phases.po`` for *language*: the first of *locale_dirs*
    wins. Only files inside *roots* are read."""
    found: dict[str, str] = {}
    problems: list[Problem] = []
    roots = tuple(roots)
    for folder in reversed(list(locale_dirs)):
        path = Path(srcdir, folder, language, "LC_MESSAGES", f"{CATALOG}.po")
        if not path.exists() or confine(path, roots) is None:
            continue
        try:
            catalogue = read_po(io.BytesIO(read_file(path, roots)), locale=None)
        except (YamlRefused, OSError, ValueError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "reason", None) or (str(exc).splitlines() or ["?"])[0]
            message = (
                f"the project's catalogue cannot be read ({excerpt(reason)}); expected a "
                ".po file; the extension's own words are used"
            )
            problems.append(Problem(PhaseWarning.CONFIG, message, path=str(path)))
            continue
        for entry in catalogue:
            if isinstance(entry.id, str) and entry.id and entry.string and not entry.fuzzy:
                found[entry.id] = str(entry.string)
    return found, problems


def with_sources(
    overrides: Mapping[str, str],
    project: Mapping[str, str],
    profile: Mapping[str, str],
    profile_name: str = "",
) -> dict[str, tuple[str, str]]:
    """Each label the project sets, with where it comes from, the first source in the
    documented order winning (the package's catalogue comes after these)."""
    found = {message: (text, f"profile {profile_name}") for message, text in profile.items()}
    found |= {message: (text, "project catalogue") for message, text in project.items()}
    found |= {message: (text, "phases_labels") for message, text in overrides.items()}
    return found


def in_effect(
    overrides: Mapping[str, str], project: Mapping[str, str], profile: Mapping[str, str]
) -> dict[str, str]:
    """The project's labels, each from the first source that has it."""
    return {m: text for m, (text, _source) in with_sources(overrides, project, profile).items()}


def package_catalogue(language: str) -> gettext.NullTranslations:
    """The package's own catalogue for *language* (English: the message ids)."""
    return gettext.translation(CATALOG, str(LOCALE_DIR), [language], fallback=True)
