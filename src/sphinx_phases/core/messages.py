"""The wordings warnings share, each written once (no Sphinx import).

A warning says what was found and what was expected (docs/reference/warnings.md); the
parts two warnings have in common are here, so that they read the same wherever they
are given:

- :func:`excerpt` quotes a found value: a short excerpt, never a whole file;
- :data:`ID_PATTERN` and :func:`expected_id` are the id rule and how a wrong id is told,
  with its fix (:func:`perhaps`, from :func:`slug`) or the look-alike letter it holds;
- :func:`did_you_mean` offers the closest known name;
- :func:`outside_project` and :func:`not_a_file` say why a named file is not read.

``tests/test_messages/warnings.txt`` holds the full text of every warning, reviewed
like code.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "DEFAULT_PICTOGRAM",
    "EXCERPT_CHARS",
    "ID_PATTERN",
    "ID_RULE",
    "PATH_CHARS",
    "PROJECT_FOLDERS",
    "did_you_mean",
    "excerpt",
    "expected_id",
    "named",
    "not_a_file",
    "outside_project",
    "perhaps",
    "slug",
]

#: How much of a found value a warning quotes.
EXCERPT_CHARS = 40
#: How much of a path, the author's own setting, a warning quotes.
PATH_CHARS = 200

#: Where a use of ``phases_default_pictogram`` is noted, in place of the file of the item
#: that shows it: an unknown default is one mistake, in conf.py, not one per item.
DEFAULT_PICTOGRAM = "phases_default_pictogram"

#: An id of a phase, gate, stage or standard (docs/reference/declaring.md).
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID_RULE = "lower-case letters, digits and '-'"

#: Where the files a build reads must lie (docs/reference/configuration.md).
PROJECT_FOLDERS = "the source or configuration directory"


def excerpt(value: object, *, limit: int = EXCERPT_CHARS, quote: bool = True) -> str:
    """*value* for a warning: its repr (or text), cut to *limit* characters with its length."""
    text = repr(value) if quote else str(value)
    if len(text) <= limit:
        return text
    size = f" ({len(value):,} characters)" if isinstance(value, str) else ""
    return f"{text[: limit - 1]}…{size}"


def named(path: object) -> str:
    """A path the author configured, as a warning names it."""
    return excerpt(path, limit=PATH_CHARS)


def slug(text: str) -> str:
    """*text* as an id: ``"Public Beta"`` -> ``"public-beta"``, ``"KDP C"`` -> ``"kdp-c"``.

    The fix a warning offers for a wrong id, and the part of an anchor a standard's point
    id makes (two point ids with one slug would share an anchor)."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def perhaps(text: object) -> str:
    """`` (perhaps 'public-beta')`` for the wrong id 'Public Beta', or nothing.

    Nothing for text with a letter outside ASCII: a look-alike letter would be dropped
    from the fix (:func:`expected_id` names it instead)."""
    if not isinstance(text, str) or not text.isascii():
        return ""
    hint = slug(text)
    return f" (perhaps {excerpt(hint)})" if hint and hint != text else ""


def expected_id(value: object) -> str:
    """What a wrong id should have been, with its fix: "expected lower-case letters,
    digits and '-' (perhaps 'public-beta')"; a look-alike letter (Cyrillic U+0430 for
    Latin 'a') is invisible, so it is named instead."""
    foreign = next((c for c in value if ord(c) > 127), None) if isinstance(value, str) else None
    if foreign is not None:
        name = unicodedata.name(foreign, "unnamed character")
        return f"expected {ID_RULE} (it contains {foreign!r}, U+{ord(foreign):04X} {name})"
    return f"expected {ID_RULE}{perhaps(value)}"


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'review'?)`` for the closest of *choices*, or nothing."""
    # Stricter than difflib's default, which offers 'contents' for 'nonsense'.
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.7)
    return f" (did you mean '{close[0]}'?)" if close else ""


def outside_project(expected: str = "a file") -> str:
    """Why a path that leads out of the project is not read (symlinks are followed)."""
    return f"resolves outside the project; expected {expected} inside {PROJECT_FOLDERS}"


def not_a_file(expected: str = "a YAML file") -> str:
    """Why a path that names no file (nothing, or a folder) is not read."""
    relative = "relative to the configuration directory"
    return f"is not a file; expected the path of {expected}, {relative}"
