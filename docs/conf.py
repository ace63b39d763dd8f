"""Configuration of the sphinx-phases documentation, built with the extension itself."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinx-phases"
author = "sphinx-phases contributors"
copyright = "2026, sphinx-phases contributors"

# examples builds the example service manual in Welsh, a project of its own (a project has
# one language), into examples/cy/.
extensions = ["myst_parser", "sphinx_design", "sphinx_phases", "reference", "examples"]
myst_enable_extensions = ["colon_fence", "deflist"]
exclude_patterns = ["_build", "examples/cy"]
html_theme = "furo"
html_title = "sphinx-phases"
nitpicky = True

# Three example manuals, each a life cycle of this site (reference/lifecycles.md): the
# service manual the tutorial builds, a NASA-style project and a Stage-Gate product launch.
# Pages outside their folders (the reference, the tutorial) belong to none of them.
phases_lifecycles = {
    "service": {
        "root": "example-service/",
        # Its order, with its sub-phases and the loop from live.
        "sequence": "example-service/phases.yml",
        "required_questions": ["objective", "team"],
        # The standard its assessments check (example-service/service-standard.md lists
        # it); with coverage on, a point no assessment checks fails the -W build.
        "standards": {"service-standard": "example-service/service-standard.yml"},
        "standard_coverage": True,
    },
    "nasa": {
        "root": "examples/nasa/",
        # KDPs that decide Proceed, Proceed with liens, Not ready or Terminate.
        "profile": "nasa",
        # Seven phases in a fixed order, in the two stages of the life cycle.
        "sequence": "examples/nasa/phases.yml",
        # A project's reviews are what its managers ask about first, so they are a
        # question of their own rather than prose somewhere on the page.
        "questions": {
            "objective": "What is {noun} for?",
            "reviews": "Which reviews does {noun} hold?",
        },
        "required_questions": ["objective", "reviews"],
        # The points every key decision point weighs.
        "standards": {"kdp-criteria": "examples/nasa/kdp-criteria.yml"},
        "standard_coverage": True,
    },
    "stage-gate": {
        "root": "examples/stage-gate/",
        # The whole vocabulary of the life cycle, in one line: stages, gates, Go/Kill.
        "profile": "stage-gate",
        "sequence": [
            "discovery",
            "scoping",
            "business-case",
            "development",
            "testing",
            "launch",
            "post-launch-review",
        ],
        "required_questions": ["objective"],
    },
}
phases_theme_nav = True  # the theme footer follows the phases too
# The NASA manual's own pictograms for what its phases hand on.
phases_pictogram_dirs = ["examples/nasa/_pictograms"]

# PDF (tox -e pdf): sphinx-phases' LaTeX needs no setting. This preamble only draws the
# cards of `phase-sequence :style: cards` as framed boxes, through the environment Sphinx
# opens for a container's class (reference/appearance shows the result). Each card is an
# item of a numbered list: \leavevmode sets the item's number first, as a frame cannot
# start an item (LaTeX's "perhaps a missing \item").
latex_elements = {
    "preamble": r"""
\newenvironment{sphinxclassphases-card}
  {\ifvmode\leavevmode\fi\par\needspace{5\baselineskip}\begin{framed}}
  {\end{framed}}
""",
}
