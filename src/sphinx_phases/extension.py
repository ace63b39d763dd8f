"""Everything the extension adds to Sphinx, in one place: read this to see what it does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_phases.locale import CATALOG, LOCALE_DIR
from sphinx_phases.markup.directives.facts import PhaseFactsDirective
from sphinx_phases.markup.directives.gate import PhaseCriteriaDirective, PhaseGateDirective
from sphinx_phases.markup.directives.items import PhaseActivitiesDirective, PhaseItemsDirective
from sphinx_phases.markup.directives.nav import PhaseNavDirective
from sphinx_phases.markup.directives.overviews import (
    PhaseGatesDirective,
    PhaseSequenceDirective,
    PhaseTableDirective,
)
from sphinx_phases.markup.directives.phase import PhaseDirective
from sphinx_phases.markup.directives.question import PhaseQuestionDirective
from sphinx_phases.markup.directives.standard import PhaseStandardDirective, StandardRole
from sphinx_phases.markup.page import PhasePage
from sphinx_phases.markup.roles import GateRole, PhaseRole, PictogramRole
from sphinx_phases.render.writers import HANDLERS
from sphinx_phases.sphinx_ext.assets import (
    copy_latex_pictograms,
    link_stylesheet,
    prepare_html_assets,
    setup_assets,
)
from sphinx_phases.sphinx_ext.content import on_doctree_read
from sphinx_phases.sphinx_ext.domain import PhasesDomain, remember_builder
from sphinx_phases.sphinx_ext.export import write_json
from sphinx_phases.sphinx_ext.lifecycles import setup_lifecycles, speak_for_page
from sphinx_phases.sphinx_ext.pipeline import pages_to_rewrite, resolve_and_check
from sphinx_phases.sphinx_ext.settings import (
    check_config,
    check_required_questions,
    register_config,
)
from sphinx_phases.sphinx_ext.shown import COPY_FLAG
from sphinx_phases.sphinx_ext.theme import add_phase_context
from sphinx_phases.sphinx_ext.transforms import FillPlaceholders

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def register(app: Sphinx) -> None:
    """Register config, nodes, markup, the domain, transforms and hooks, in that order."""
    register_config(app)
    # Before Sphinx's own type check (priority 800), so it sees only valid values.
    app.connect("config-inited", check_config, priority=400)
    # Then the profile's and the project's words, before any page is read.
    app.connect("config-inited", setup_lifecycles, priority=450)
    # Then the required questions, among the questions in effect (the profile's, perhaps).
    app.connect("config-inited", check_required_questions, priority=460)
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))

    for node_class, handlers in HANDLERS.items():
        app.add_node(node_class, **handlers)  # type: ignore[arg-type]

    app.add_domain(PhasesDomain)
    app.add_directive("phase", PhaseDirective)
    app.add_directive("phase-outputs", PhaseItemsDirective)
    app.add_directive("phase-activities", PhaseActivitiesDirective)
    app.add_directive("phase-nav", PhaseNavDirective)
    app.add_directive("phase-facts", PhaseFactsDirective)
    app.add_directive("phase-gate", PhaseGateDirective)
    app.add_directive("phase-criteria", PhaseCriteriaDirective)
    app.add_directive("phase-question", PhaseQuestionDirective)
    app.add_directive("phase-standard", PhaseStandardDirective)
    app.add_directive("phase-sequence", PhaseSequenceDirective)
    app.add_directive("phase-table", PhaseTableDirective)
    app.add_directive("phase-gates", PhaseGatesDirective)
    for name, role in (("phase", PhaseRole), ("gate", GateRole), ("standard", StandardRole)):
        # {phase} and {phases:phase} alike.
        app.add_role(name, role(innernodeclass=nodes.inline))
        app.add_role_to_domain("phases", name, role(innernodeclass=nodes.inline))
    app.add_role("pictogram", PictogramRole())

    app.add_transform(PhasePage)
    app.add_post_transform(FillPlaceholders)

    app.connect("builder-inited", remember_builder)
    app.connect("builder-inited", setup_assets)
    # Each page is read in the words of its life cycle (docs/reference/lifecycles.md).
    app.connect("source-read", speak_for_page)
    # After Sphinx's collectors (priority 500), which register images and downloads.
    app.connect("doctree-read", on_doctree_read, priority=900)
    app.connect("env-get-updated", on_env_get_updated)
    app.connect("warn-missing-reference", on_warn_missing_reference)
    app.connect("html-page-context", add_phase_context)
    app.connect("html-page-context", link_stylesheet)
    app.connect("write-started", prepare_html_assets)
    app.connect("build-finished", copy_latex_pictograms)
    app.connect("build-finished", write_json)


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: resolve and check the sequence, then name the pages to rewrite."""
    return pages_to_rewrite(env, resolve_and_check(app, env))


def on_warn_missing_reference(app: Sphinx, domain: object, node: pending_xref) -> bool | None:
    # An unknown phase is already reported once, located, by the sequence check; a
    # reference in a phase's words shown elsewhere, on the phase's own page.
    if node.get("refdomain") == "phases" or node.get(COPY_FLAG):
        return True
    return None
