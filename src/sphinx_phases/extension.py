"""Everything the extension adds to Sphinx, in one place: read this to see what it does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_phases.checks import resolve_and_check
from sphinx_phases.config import check_config, register_config
from sphinx_phases.directives.phase import PhaseDirective
from sphinx_phases.domain import PhasesDomain
from sphinx_phases.frontmatter import FrontMatterPhase
from sphinx_phases.incremental import pages_to_rewrite
from sphinx_phases.roles import PhaseRole

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def register(app: Sphinx) -> None:
    """Register config, markup, the domain and the once-per-build checks, in that order."""
    register_config(app)
    # Before Sphinx's own type check (priority 800), so it sees only valid values.
    app.connect("config-inited", check_config, priority=400)

    app.add_domain(PhasesDomain)
    app.add_directive("phase", PhaseDirective)
    app.add_role("phase", PhaseRole(innernodeclass=nodes.inline))
    app.add_transform(FrontMatterPhase)

    app.connect("env-get-updated", on_env_get_updated)
    app.connect("warn-missing-reference", on_warn_missing_reference)


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: resolve and check the sequence, then name the pages to rewrite."""
    return pages_to_rewrite(env, resolve_and_check(app, env))


def on_warn_missing_reference(app: Sphinx, domain: object, node: pending_xref) -> bool | None:
    # An unknown phase is already reported once, located, by the sequence check.
    return True if node.get("refdomain") == "phases" else None
