"""Translated labels: every label the extension writes goes through Sphinx's catalogues.

The Welsh (``cy``) catalogue ships as a ``.po`` file; the build backend compiles it to
``.mo`` when the package is built or installed (see ``hatch_build.py``).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

CATALOG = "sphinx_phases"
LOCALE_DIR = Path(__file__).parent

# For text that goes into the documents, translated into the project's ``language``.
_ = get_translation(CATALOG)
