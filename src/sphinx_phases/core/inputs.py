"""Every file the extension opens is input: confine it, bound it, never echo it (no Sphinx).

- :func:`confine` accepts a path only if it resolves, symlinks followed, inside one of the
  project's folders (the source and configuration directories).
- :func:`read_file` is the one way to read such a file: confined, a regular file only (a
  FIFO would block, ``/dev/zero`` never ends), and bounded by the bytes actually read,
  never by the size the file claims. :func:`read_text` reads through the same checks.
- :func:`compose_yaml` reads YAML into nodes, with their lines, but refuses anchors' aliases
  and documents over :data:`MAX_YAML_NODES` values *before* anything is expanded: a safe
  loader still expands aliases, so 680 bytes of anchors fanning out ten-fold per level
  would otherwise become gigabytes and millions of warnings.
- :func:`~sphinx_phases.core.messages.excerpt` (re-exported here) is how a warning quotes
  what it found: a short excerpt, never a file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

import yaml

from sphinx_phases.core.messages import EXCERPT_CHARS, PATH_CHARS, excerpt

__all__ = [
    "EXCERPT_CHARS",
    "MAX_FILE_BYTES",
    "MAX_NAME_BYTES",
    "MAX_PATH_CHARS",
    "MAX_YAML_NODES",
    "PATH_CHARS",
    "FileRefused",
    "YamlRefused",
    "compose_yaml",
    "confine",
    "excerpt",
    "path_problem",
    "read_file",
    "read_text",
]

#: More values than any real sequence, stage or standard file holds (a 1,000-phase
#: sequence is about 1,000 values).
MAX_YAML_NODES = 100_000

#: Bigger than any real configuration file; a bigger one is refused unread.
MAX_FILE_BYTES = 4_000_000


class YamlRefused(Exception):  # noqa: N818 (a refusal, not an error of ours)
    """A YAML text that is not read, with the line to point at and the reason."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


class FileRefused(YamlRefused):
    """A file that is not read at all: outside the roots, not a regular file, too big.

    Its :attr:`reason` is one clause about the file, to follow its name ("it is not a
    regular file (a FIFO); expected a file"). A :class:`YamlRefused` at line 1, so that
    the callers of :func:`read_text` report it as they report an oversize file.
    """

    def __init__(self, reason: str, kind: str) -> None:
        super().__init__(1, reason)
        #: "outside", "folder", "not regular" or "too big": what a caller may word its own way.
        self.kind = kind


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _read_regular(path: Path, limit: int, *, follow: bool = True) -> bytes:
    """At most *limit* bytes of the regular file *path*; FileRefused for anything else.

    The file is opened without blocking (a FIFO with no writer would wait forever) and
    checked with fstat before one byte is read; a file that grows past *limit* while it
    is read is refused all the same, since only the bytes read are counted.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = _kind(mode)
            raise FileRefused(
                f"it is not a regular file ({kind}); expected a file",
                "folder" if kind == "a folder" else "not regular",
            )
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(descriptor)
    if size > limit:
        raise FileRefused(f"it is larger than {limit:,} bytes; expected a smaller file", "too big")
    return b"".join(chunks)


def read_file(path: Path, roots: Iterable[Path], *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of *path*, a regular file of at most *limit* bytes inside one of *roots*.

    Symlinks are followed, but the file must resolve inside a root (:func:`confine`).
    Raises :class:`FileRefused` for a file outside the roots, one that is not a regular
    file (checked before reading, so a FIFO never blocks) or one bigger than *limit*
    (counted in bytes read); ``OSError`` for one that cannot be opened.
    """
    roots = list(roots)
    inside = confine(path, roots)
    if inside is None:
        where = ", ".join(str(root) for root in roots)
        within = "that folder" if len(roots) == 1 else "one of those folders"
        raise FileRefused(
            f"it resolves outside {where}; expected a file within {within}", "outside"
        )
    # Resolved already: a symlink that appears in its place now is not followed.
    return _read_regular(inside, limit, follow=False)


#: The longest path a setting may name, and the longest name of a folder or file in it, in
#: bytes (Linux's PATH_MAX and NAME_MAX; other systems allow no more).
MAX_PATH_CHARS = 4096
MAX_NAME_BYTES = 255


def path_problem(given: str) -> str | None:
    """Why the path *given* cannot name a file on any system, as a clause that follows its
    name ("holds a NUL character; expected ..."), or None. The operating system would
    refuse it with ValueError or ENAMETOOLONG, deep in whatever opened it first."""
    expected = "expected the path of a file in the project"
    if "\x00" in given:
        return f"holds a NUL character; {expected}, without a NUL character"
    if len(given) > MAX_PATH_CHARS:
        return (
            f"is longer than {MAX_PATH_CHARS:,} characters; {expected}, of at most "
            f"{MAX_PATH_CHARS:,} characters"
        )
    names = given.replace("\\", "/").split("/")
    if any(len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES for name in names):
        return (
            f"has a folder or file name longer than {MAX_NAME_BYTES} bytes; {expected}, "
            f"each name at most {MAX_NAME_BYTES} bytes"
        )
    return None


def confine(path: Path, roots: Iterable[Path]) -> Path | None:
    """*path* resolved, if it lies inside one of *roots* (resolved too); else None (also
    for a path no file system can hold, :func:`path_problem`)."""
    if path_problem(str(path)) is not None:
        return None
    try:
        resolved = path.resolve()
        inside = [root.resolve() for root in roots]
    except (OSError, RuntimeError, ValueError):  # a symlink loop, an unreadable folder
        return None
    return resolved if any(resolved.is_relative_to(root) for root in inside) else None


def read_text(path: Path, *, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of a regular file of at most *limit* bytes.

    Raises :class:`FileRefused` (a :class:`YamlRefused`, line 1) for a bigger file or one
    that is not a regular file (a FIFO is refused, not waited on), ``OSError`` or
    ``UnicodeDecodeError`` for one that cannot be read. The caller confines *path*
    first; :func:`read_file` does both.
    """
    return _read_regular(path, limit).decode("utf-8-sig")


def compose_yaml(text: str, *, limit: int = MAX_YAML_NODES) -> yaml.Node | None:
    """The YAML node tree of *text* (None when empty), aliases and oversize refused.

    Raises :class:`YamlRefused` for an alias or more than *limit* values, and lets
    ``yaml.YAMLError`` through for text that does not parse. The check streams parser
    events, which cost what the text costs, so nothing is expanded before it is refused.
    """
    count = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent):
            raise YamlRefused(
                line,
                f"it uses an alias (*{excerpt(event.anchor or '', quote=False)}); expected "
                "plain YAML without anchors and aliases",
            )
        if isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
            count += 1
            if count > limit:
                raise YamlRefused(
                    line,
                    f"it holds more than {limit:,} values; expected a smaller file",
                )
    return yaml.compose(text, Loader=yaml.SafeLoader)
