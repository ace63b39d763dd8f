"""Configuration of the third example manual: a Stage-Gate product launch.

It is a project of its own because it has its own sequence and its own words: the
``stage-gate`` profile names its parts stages and gates, and its gates decide Go, Kill,
Hold or Recycle. The documentation site builds it into ``examples/stage-gate/``
(docs/_ext/examples.py); it also builds alone:
``sphinx-build -nW -b html docs/examples/stage-gate /tmp/stage-gate``.
"""

from __future__ import annotations

project = "Wren air purifier: product launch"
author = "sphinx-phases contributors"
copyright = "2026, sphinx-phases contributors"

extensions = ["myst_parser", "sphinx_phases"]
html_theme = "furo"
html_title = "Wren product launch"
nitpicky = True

# The whole vocabulary of the life cycle, in one line.
phases_profile = "stage-gate"
phases_sequence = [
    "discovery",
    "scoping",
    "business-case",
    "development",
    "testing",
    "launch",
    "post-launch-review",
]
phases_required_questions = ["objective"]
phases_theme_nav = True
