"""Finding and reading the legacy source files, refusing what is not text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Final

from sphinx_phases.cli.report import FileReport

SUFFIXES: Final = (".md", ".markdown", ".html")
MAX_BYTES: Final = 20_000_000


def expand_sources(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """Yield (path, name to show) for each source; a folder gives its pages, sorted.

    In a folder, Jekyll partials (``_name``) and README files are not pages.
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
                yield item, str(item)


def read_source(path: Path, report: FileReport) -> list[str] | None:
    """The file's lines, or None after reporting why it cannot be migrated."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            report.add(1, "error", f"file is {size} bytes, over the {MAX_BYTES} byte limit")
            return None
        data = path.read_bytes()
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
