"""The example service manual (``docs/example-service``) in Welsh.

Only this configuration is of its own: the pages, the sequence file and the standard are
the example manual's, read from ``docs/example-service``. The site's build builds it into
``examples/cy/`` (``_ext/examples.py``); alone, from the repository's root:

    sphinx-build -nW -c docs/examples/cy -b html docs/example-service _build/example-cy

The labels the extension writes are Welsh (its own catalogue). The author's words stay
as written, except the stage titles, which ``locales/cy/LC_MESSAGES/phases-config.po``
translates (docs/how-to/translate.md).
"""

from __future__ import annotations

project = "An example service manual"
author = "sphinx-phases contributors"
copyright = "2026, sphinx-phases contributors"

extensions = ["myst_parser", "sphinx_design", "sphinx_phases"]
myst_enable_extensions = ["colon_fence", "deflist"]
html_theme = "furo"
nitpicky = True

language = "cy"
# Relative to the source folder, docs/example-service.
locale_dirs = ["../examples/cy/locales"]

# The example manual's settings, as docs/conf.py gives them; paths relative to this folder.
phases_sequence = "../../example-service/phases.yml"
phases_theme_nav = True
phases_required_questions = ["objective", "team"]
phases_standards = {"service-standard": "../../example-service/service-standard.yml"}
phases_standard_coverage = True
