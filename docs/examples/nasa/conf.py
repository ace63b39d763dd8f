"""Configuration of the second example manual: a NASA-style project life cycle.

It is a Sphinx project of its own because a project has one phase sequence, and this one
is not the service manual's. The documentation site builds it into ``examples/nasa/``
(docs/_ext/examples.py); it also builds alone:
``sphinx-build -nW -b html docs/examples/nasa /tmp/nasa``.
"""

from __future__ import annotations

project = "Kestrel project life cycle"
author = "sphinx-phases contributors"
copyright = "2026, sphinx-phases contributors"

# sphinx_design draws the cards style of the overview page.
extensions = ["myst_parser", "sphinx_design", "sphinx_phases"]
myst_enable_extensions = ["colon_fence", "deflist"]
html_theme = "furo"
html_title = "Kestrel project life cycle"
nitpicky = True

# Seven phases in a fixed order, grouped in the two stages of the life cycle.
phases_sequence = "phases.yml"
phases_theme_nav = True

# The questions every phase page answers. A project's reviews are what its managers ask
# about first, so they are a question of their own rather than prose somewhere on the page.
phases_questions = {
    "objective": "What is {noun} for?",
    "reviews": "Which reviews does {noun} hold?",
}
phases_required_questions = ["objective", "reviews"]

# The points every key decision point weighs; with coverage on, a point that no KDP
# assesses fails the -W build.
phases_standards = {"kdp-criteria": "kdp-criteria.yml"}
phases_standard_coverage = True

# Our own pictograms for what the phases hand on (the built-in set covers the rest).
phases_pictogram_dirs = ["_pictograms"]
