"""The words file a page's phase words are kept in, beside its doctree (no Sphinx).

``.doctrees/phases-words/PAGE.pickle`` holds the parts of one page's words that other
pages show (:mod:`sphinx_phases.sphinx_ext.content`). It names its page and a digest of
its parts, so that a file that is truncated, corrupt, another page's (swapped) or of an
older format is never trusted: :func:`read_words` returns None for it, and the caller
reads the page's doctree instead.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable
from pathlib import Path

WORDS_DIR = "phases-words"
# What a words file starts with: a file of another format is not read.
_FORMAT = "sphinx-phases words 2"

# One kept part of a page: its kind ("summary", "answer", "activities", "outputs"), the
# phase id or question key it belongs to, the expressions of the ``only`` directives
# around it, and its nodes pickled on their own.
Part = tuple[str, str | None, tuple[str, ...], bytes]


def words_bytes(docname: str, parts: list[Part]) -> bytes:
    """The words file of *docname*, holding *parts*."""
    return pickle.dumps((_FORMAT, docname, _digest(parts), parts), pickle.HIGHEST_PROTOCOL)


def read_words(path: Path, docname: str) -> list[Part] | None:
    """The parts kept at *path* for *docname*, or None when there are none that can be
    trusted: none kept (a page without phase words, an older build), or a file that is
    truncated, corrupt, another page's, or changed since it was written."""
    try:
        found = pickle.loads(path.read_bytes())
    except Exception:  # whatever a damaged pickle raises: the doctree is read instead
        return None
    if not (isinstance(found, tuple) and len(found) == 4 and found[0] == _FORMAT):
        return None
    _format, kept_for, digest, parts = found
    if kept_for != docname or not isinstance(parts, list) or not all(map(_is_part, parts)):
        return None
    return parts if _digest(parts) == digest else None


def _is_part(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 4
        and isinstance(value[0], str)
        and (value[1] is None or isinstance(value[1], str))
        and isinstance(value[2], tuple)
        and all(isinstance(condition, str) for condition in value[2])
        and isinstance(value[3], bytes)
    )


def _digest(parts: Iterable[Part]) -> str:
    """A digest of *parts*: parts cut short or changed since they were kept differ."""
    digest = hashlib.sha256()
    for kind, key, conditions, frozen in parts:
        for field in (kind, key or "", *conditions):
            digest.update(field.encode("utf8", "surrogatepass") + b"\x00")
        digest.update(len(frozen).to_bytes(8, "big") + frozen)
    return digest.hexdigest()
