"""Configuration of the sphinx-phases documentation, built with the extension itself."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinx-phases"
author = "sphinx-phases contributors"
copyright = "2026, sphinx-phases contributors"

# examples builds the NASA-style example manual, a project of its own, into examples/nasa/.
extensions = ["myst_parser", "sphinx_design", "sphinx_phases", "reference", "examples"]
myst_enable_extensions = ["colon_fence", "deflist"]
# A snippet is shown where it is included; the one that declares a gate must not also be
# read as a page of its own, which would declare its gate a second time. The NASA example
# has a sequence of its own, so it is built on its own (_ext/examples.py), not read here.
exclude_patterns = ["_build", "snippets/gate.md", "examples/nasa", "examples/stage-gate"]
html_theme = "furo"
html_title = "sphinx-phases"
nitpicky = True

# The example service manual's order, with its sub-phases and the loop from live.
phases_sequence = "example-service/phases.yml"
phases_theme_nav = True  # the theme footer follows the phases too
phases_required_questions = ["objective", "team"]
# The standard the example manual's assessments check (example-service/service-standard.md
# lists it); with coverage on, a point that no assessment checks fails the -W build.
phases_standards = {"service-standard": "example-service/service-standard.yml"}
phases_standard_coverage = True

# PDF (tox -e pdf): sphinx-phases' LaTeX needs no setting. This preamble only draws the
# cards of `phase-sequence :style: cards` as framed boxes, through the environment Sphinx
# opens for a container's class (reference/appearance shows the result).
latex_elements = {
    "preamble": r"""
\newenvironment{sphinxclassphases-card}
  {\par\needspace{5\baselineskip}\begin{framed}}
  {\end{framed}}
""",
}
