"""Legacy Jekyll front matter -> the fields of a phase declaration.

The fields are those of docs/reference/declaring.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

import yaml

from sphinx_phases.cli import legacy
from sphinx_phases.cli.ids import class_to_id, filename_to_id, humanize, slug
from sphinx_phases.cli.report import Issue
from sphinx_phases.core.model import STATUSES

_CLOSE: Final = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


@dataclass
class PageMeta:
    """What the front matter says about a page, plus where its body starts."""

    ident: str
    title: str
    subtitle: str | None = None
    status: str | None = None
    #: True when the id came from an explicit ``phase``/``class`` matching the file name,
    #: or from the file name itself: such a page is *the* page of that phase.
    canonical: bool = True
    is_index: bool = False
    body_start: int = 0  # index of the first body line in the file's lines
    issues: list[Issue] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # already-migrated phase fields


def split_front_matter(lines: list[str]) -> tuple[list[str] | None, int, Issue | None]:
    """Return (front matter lines or None, index of first body line, problem)."""
    if not lines or lines[0].rstrip() != "---":
        return None, 0, None
    for index in range(1, len(lines)):
        if _CLOSE.match(lines[index]):
            return lines[1:index], index + 1, None
    problem = Issue(
        1,
        "unresolved",
        "front matter is not closed by a '---' line; the whole file is treated as body",
    )
    return None, 0, problem


def parse_meta(lines: list[str], stem: str) -> PageMeta:
    """Read the front matter of a page whose file name (without suffix) is ``stem``."""
    raw, body_start, problem = split_front_matter(lines)
    issues: list[Issue] = [problem] if problem else []
    data: dict[str, Any] = {}
    if raw is not None:
        try:
            loaded = yaml.safe_load("\n".join(raw))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = 2 + (mark.line if mark is not None else 0)
            issues.append(
                Issue(line, "dropped", f"front matter is not valid YAML ({exc})", "\n".join(raw))
            )
            loaded = None
        if isinstance(loaded, dict):
            data = {str(k): v for k, v in loaded.items()}
        elif loaded is not None:
            issues.append(
                Issue(1, "dropped", "front matter is not a mapping; ignored", "\n".join(raw))
            )
    meta = _meta_from(data, stem, issues, raw or [])
    meta.body_start = body_start
    return meta


def _line_of(key: str, raw: list[str]) -> int:
    for index, line in enumerate(raw):
        if line.startswith(f"{key}:"):
            return index + 2
    return 1


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return " ".join(str(value).split())


def _shown(value: Any, budget: list[int] | None = None) -> str:
    """JSON-like text of a YAML value, cut short: aliases can make it exponentially big."""
    budget = budget if budget is not None else [200]
    budget[0] -= 1
    if budget[0] < 0:
        return "..."
    if isinstance(value, dict):
        inner = (f"{_shown(k, budget)}: {_shown(v, budget)}" for k, v in value.items())
        return "{" + ", ".join(_take(inner, budget)) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_take((_shown(v, budget) for v in value), budget)) + "]"
    return json.dumps(value, default=str)


def _take(items: Iterator[str], budget: list[int]) -> list[str]:
    taken: list[str] = []
    for item in items:
        taken.append(item)
        if budget[0] < 0:
            break
    return taken


def _meta_from(data: dict[str, Any], stem: str, issues: list[Issue], raw: list[str]) -> PageMeta:
    def report(key: str, kind: str, message: str) -> None:
        value = data[key]
        shown = value if isinstance(value, str) else _shown(value)
        issues.append(Issue(_line_of(key, raw), kind, message, f"{key}: {shown}"))

    from_file = filename_to_id(stem)
    extra: dict[str, str] = {}
    phase = data.get("phase")
    ident: str | None = None
    if isinstance(phase, dict):  # a page that is already in the new format
        ident = slug(_text(phase.get("id")) or "") or None
        extra = {str(k): t for k, v in phase.items() if k != "id" and (t := _text(v))}
    elif _text(phase):
        ident = slug(_text(phase) or "") or None
    if "phase" in data and ident is None:
        report("phase", "dropped", "'phase' names no usable phase id")
    if ident is None and _text(data.get("class")):
        ident = class_to_id(_text(data["class"]) or "")
        if ident is None:
            report("class", "dropped", "'class' names no phase (expected NAME-phase)")
    canonical = ident is None or ident == from_file
    ident = ident or from_file

    # The site's own name and strap line (legacy.yml) say nothing about one phase.
    rules = legacy.RULES
    title = _text(data.get("title"))
    subtitle = _text(data.get("subtitle"))
    for key, value in (("title", title), ("subtitle", subtitle)):
        if key in data and value is None:
            report(key, "dropped", f"'{key}' is not text")
    site_title = bool(title) and rules.is_site_title(title or "")
    if site_title:
        report("title", "dropped", "site-wide title replaced by one made from the phase id")
        title = None
    # A subtitle under the site's name is the site's strap line, whatever its words.
    if subtitle and (site_title or rules.is_site_text(subtitle)):
        report("subtitle", "dropped", "site-wide strap line dropped, not a phase subtitle")
        subtitle = None

    status = None
    if "status" in data:
        value = (_text(data["status"]) or "").lower()
        if value in STATUSES:
            status = value
        else:
            report("status", "dropped", f"status is not one of {', '.join(STATUSES)}")

    for key in data:
        if key in {"phase", "class", "title", "subtitle", "status"}:
            continue
        if key in rules.dead_fields:
            report(key, "dropped", f"dead field '{key}' (it only drove the old Jekyll site)")
        else:
            report(key, "dropped", f"field '{key}' has no equivalent in a phase declaration")

    layout = _text(data.get("layout")) or ""
    return PageMeta(
        ident=ident,
        title=title or humanize(ident),
        subtitle=subtitle,
        status=status,
        canonical=canonical,
        is_index=ident == "index" or layout == "phases-index",
        issues=issues,
        extra=extra,
    )
