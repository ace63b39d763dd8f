"""Every file the extension opens is input: confine it, bound it, never echo it (no Sphinx).

- :func:`confine` accepts a path only if it resolves, symlinks followed, inside one of the
  project's folders (the source and configuration directories).
- :func:`compose_yaml` reads YAML into nodes, with their lines, but refuses anchors' aliases
  and documents over :data:`MAX_YAML_NODES` values *before* anything is expanded: a safe
  loader still expands aliases, so 680 bytes of anchors fanning out ten-fold per level
  would otherwise become gigabytes and millions of warnings.
- :func:`excerpt` is how a warning quotes what it found: a short excerpt, never a file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

#: More values than any real sequence, stage or standard file holds (a 1,000-phase
#: sequence is about 1,000 values).
MAX_YAML_NODES = 100_000

#: Bigger than any real configuration file; a bigger one is refused unread.
MAX_FILE_BYTES = 4_000_000

#: How much of a found value a warning quotes.
EXCERPT_CHARS = 40
#: How much of a path, the author's own setting, a warning quotes.
PATH_CHARS = 200


class YamlRefused(Exception):  # noqa: N818 (a refusal, not an error of ours)
    """A YAML text that is not read, with the line to point at and the reason."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


def confine(path: Path, roots: Iterable[Path]) -> Path | None:
    """*path* resolved, if it lies inside one of *roots* (resolved too); else None."""
    try:
        resolved = path.resolve()
        inside = [root.resolve() for root in roots]
    except (OSError, RuntimeError):  # a symlink loop, an unreadable folder
        return None
    return resolved if any(resolved.is_relative_to(root) for root in inside) else None


def read_text(path: Path, *, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of a regular file of at most *limit* bytes.

    Raises :class:`YamlRefused` (line 1) for a bigger file, ``OSError`` or
    ``UnicodeDecodeError`` for one that cannot be read.
    """
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise YamlRefused(1, f"it is larger than {limit:,} bytes; expected a smaller file")
    return data.decode("utf-8-sig")


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


def excerpt(value: object, *, limit: int = EXCERPT_CHARS, quote: bool = True) -> str:
    """*value* for a warning: its repr (or text), cut to *limit* characters with its length."""
    text = repr(value) if quote else str(value)
    if len(text) <= limit:
        return text
    size = f" ({len(value):,} characters)" if isinstance(value, str) else ""
    return f"{text[: limit - 1]}…{size}"
