"""The pictogram registry: built-in SVGs plus the project's own, with their paths checked.

One registry knows every name. A project file is accepted only if it resolves (symlinks
followed) inside the source or configuration directory, is a regular, readable file of a
sensible size with an image suffix, and (for SVG) parses to shapes only: see
:mod:`sphinx_phases.core.svg_check` and docs/how-to/pictograms.md.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_phases.core.colors import STANDARD_PHASES
from sphinx_phases.core.inputs import PATH_CHARS, FileRefused, confine, excerpt, read_file
from sphinx_phases.core.messages import outside_project
from sphinx_phases.core.model import PICTOGRAM_PATTERN
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.svg_check import check_svg

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

BUILTIN_DIR = Path(__file__).parents[1] / "pictograms"
# Built-in pictograms named like the standard phases: a phase shows its own by default.
STANDARD_PICTOGRAMS = frozenset(STANDARD_PHASES)
SUFFIXES = (".svg", ".png")
MAX_BYTES = 1_000_000


@dc.dataclass(frozen=True)
class Pictogram:
    name: str
    path: Path

    @property
    def filename(self) -> str:
        """The file's name in the output: one file per pictogram."""
        return f"{self.name}{self.path.suffix.lower()}"

    @property
    def label(self) -> str:
        """Words for the name, where no label stands beside the image: 'user needs'."""
        return self.name.replace("-", " ").replace("_", " ")


class Registry:
    """Every pictogram name the build knows, built-in first, project files over them.

    ``refused`` holds the names a setting asked for but that were refused (and reported
    there), so their uses are not reported a second time as unknown.
    """

    def __init__(
        self, pictograms: Mapping[str, Pictogram], refused: frozenset[str] = frozenset()
    ) -> None:
        self._pictograms = dict(pictograms)
        self.refused = refused

    def get(self, name: str) -> Pictogram | None:
        return self._pictograms.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._pictograms

    def names(self) -> list[str]:
        return sorted(self._pictograms)


def pictogram_registry(env: BuildEnvironment) -> Registry:
    """The registry of the current build, kept on the ``phases`` domain."""
    registry: Registry = getattr(env.get_domain("phases"), "pictograms", Registry({}))
    return registry


def builtin() -> dict[str, Pictogram]:
    return {path.stem: Pictogram(path.stem, path) for path in sorted(BUILTIN_DIR.glob("*.svg"))}


def build_registry(
    named: Mapping[str, str],
    folders: Iterable[str],
    *,
    confdir: Path,
    srcdir: Path,
) -> tuple[Registry, list[Problem]]:
    """The registry for a project: built-ins, then folders, then named files."""
    problems: list[Problem] = []
    found = builtin()
    refused: set[str] = set()
    roots = [confdir.resolve(), srcdir.resolve()]
    for folder in folders:
        directory = confine(confdir / folder, roots)
        if directory is None or not directory.is_dir():
            reason = (
                "is not a folder; expected a folder inside the source or configuration directory"
                if directory is not None
                else outside_project("a folder")
            )
            problems.append(
                _problem(
                    f"pictogram folder {excerpt(folder, limit=PATH_CHARS)} {reason}",
                    "phases_pictogram_dirs",
                )
            )
            continue
        for path in sorted(directory.iterdir()):
            if path.suffix.lower() in SUFFIXES:
                error = _check_name(path.stem) or _check_file(path, roots)
                if error:
                    refused.add(path.stem)
                    problems.append(
                        _problem(
                            "pictogram file "
                            f"{excerpt(str(path.relative_to(directory)), limit=PATH_CHARS)} "
                            f"in {excerpt(folder, limit=PATH_CHARS)} "
                            f"{error}",
                            "phases_pictogram_dirs",
                        )
                    )
                else:
                    found[path.stem] = Pictogram(path.stem, path.resolve())
    for name, relative in sorted(named.items()):
        # The name becomes the output file's name: it must not carry a path.
        error = _check_name(name) or _check_file(confdir / relative, roots)
        if error:
            refused.add(name)
            problems.append(
                _problem(
                    f"pictogram {excerpt(name)}: {excerpt(relative, limit=PATH_CHARS)} {error}",
                    "phases_pictograms",
                )
            )
        else:
            found[name] = Pictogram(name, (confdir / relative).resolve())
    return Registry(found, frozenset(refused)), problems


def _check_name(name: str) -> str | None:
    if PICTOGRAM_PATTERN.fullmatch(name):
        return None
    return "has a name that is not valid; expected letters, digits, '-', '_' and '.'"


def _check_file(path: Path, roots: list[Path]) -> str | None:
    """Why *path* cannot be a pictogram, or None."""
    if path.suffix.lower() not in SUFFIXES:
        return "is not an .svg or .png file; expected one of those"
    try:
        # Read as every file the build opens is (docs/reference/configuration.md): confined,
        # a regular file, bounded by the bytes read.
        data = read_file(path, roots, limit=MAX_BYTES)
    except FileRefused as refused:
        if refused.kind == "outside":
            return outside_project("a file")
        if refused.kind == "too big":
            return f"is larger than {MAX_BYTES:,} bytes; expected a smaller file"
        return "is missing or not a regular file; expected an image file"
    except FileNotFoundError:
        return "is missing or not a regular file; expected an image file"
    except OSError as exc:
        return f"cannot be read ({exc.strerror}); expected a readable file"
    resolved = path.resolve()
    if resolved.suffix.lower() == ".png" and not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "is not a PNG image; expected PNG data"
    if resolved.suffix.lower() == ".svg":
        return check_svg(data)
    return None


def _problem(message: str, setting: str) -> Problem:
    return Problem(PhaseWarning.PICTOGRAM, message, setting=setting)
