"""``sphinx-phases labels``: every message id with the text a build of the project shows,
and where that text comes from (docs/how-to/own-words.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx_phases.core.labels import (
    message_ids,
    package_catalogue,
    project_catalogue,
    with_sources,
)
from sphinx_phases.core.profile import DEFAULT, load_profile


def labels_report(conf: Path | None, namespace: dict[str, Any], language: str | None) -> str:
    """One line per message: its id, the text in effect, and its source, tab-separated."""
    folder = conf.parent if conf is not None else Path.cwd()
    value = namespace.get("phases_profile", DEFAULT)
    profile, _problems = load_profile(value if isinstance(value, str) else DEFAULT, folder, folder)
    language = language or namespace.get("language") or "en"
    overrides = namespace.get("phases_labels") or {}
    project, _problems = project_catalogue(
        folder, namespace.get("locale_dirs") or ["locales"], language, (folder,)
    )
    labels = overrides if isinstance(overrides, dict) else {}
    labels = {m: t for m, t in labels.items() if isinstance(m, str) and isinstance(t, str)}
    found = with_sources(labels, project, profile.labels_for(language), profile.name)
    package = package_catalogue(language)
    lines = [f"# profile: {profile.name}; language: {language}"]
    for message in message_ids():
        text, source = found.get(message) or (package.gettext(message), "extension")
        lines.append(f"{message}\t{text}\t{source}")
    return "\n".join(lines) + "\n"
