"""``python -m sphinx_phases``: the same command line as ``sphinx-phases``."""

from __future__ import annotations

import sys

from sphinx_phases.cli import main

if __name__ == "__main__":
    sys.exit(main())
