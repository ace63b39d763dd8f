"""Finding and reading the legacy source files, refusing what is not text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

from sphinx_phases.cli.report import FileReport
from sphinx_phases.core.inputs import FileRefused, read_file

SUFFIXES: Final = (".md", ".markdown", ".html")
MAX_BYTES: Final = 20_000_000


def expand_sources(paths: list[Path]) -> Iterator[tuple[Path, str, Path]]:
    """Yield (path, name to show, folder it must stay in) for each source.

    A folder gives its pages, sorted, each of which must resolve inside that folder (a
    symlink out of it is refused when read). In a folder, Jekyll partials (``_name``) and
    README files are not pages. A file named on the command line is read where it is.
    """
    seen: set[Path] = set()
    for path in paths:
        found = [path]
        if path.is_dir():
            found = [
                child
                for child in sorted(path.iterdir())
                if child.is_file()
                and child.suffix.lower() in SUFFIXES
                and not child.name.startswith(("_", "."))
                and child.stem.upper() != "README"
            ]
        for item in found:
            key = item.resolve()
            if key not in seen:  # a file named twice (directly and by its folder) is one page
                seen.add(key)
                yield item, str(item), path if item is not path else key.parent


def read_source(
    path: Path, report: FileReport, roots: Iterable[Path] | None = None
) -> list[str] | None:
    """The file's lines, or None after reporting why it cannot be migrated.

    The file must be a regular file of at most :data:`MAX_BYTES` bytes (counted as read),
    resolving inside one of *roots* (default: wherever it is); see
    :func:`sphinx_phases.core.inputs.read_file`.
    """
    try:
        data = read_file(
            path, [path.resolve().parent] if roots is None else roots, limit=MAX_BYTES
        )
    except FileRefused as refused:
        report.add(1, "error", f"file not read: {refused.reason}")
        return None
    except OSError as exc:
        report.add(1, "error", f"cannot read the file: {exc.strerror or exc}")
        return None
    if b"\x00" in data:
        report.add(1, "error", "binary file (it contains NUL bytes), not a page: skipped")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        report.add(
            line,
            "error",
            f"not UTF-8 text (byte 0x{byte:02x} at offset {exc.start}); re-save it as UTF-8",
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
