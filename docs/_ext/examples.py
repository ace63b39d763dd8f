"""Build the NASA-style example manual into this site, under ``examples/nasa/``.

A Sphinx project has one phase sequence, so the second example manual cannot be pages of
this site: it is a project of its own (``docs/examples/nasa``, excluded from this build).
Building it here, after this site, means one ``sphinx-build`` (``tox -e docs``, CI) builds
and checks both, and ``examples/index`` can link to it with a plain relative link.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

SOURCE = Path(__file__).resolve().parent.parent / "examples" / "nasa"

# The builders whose pages the link in examples/index.md reaches: html and dirhtml both
# write that page as examples/index.html. singlehtml, epub and the rest have no room for
# a second site, or write the page elsewhere.
BUILDERS = {"html", "dirhtml"}


def build_nasa(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name not in BUILDERS:
        return
    # In a process of its own rather than through sphinx.cmd.build.build_main: in this
    # process a second Sphinx would find every directive, role and node of this build
    # still registered with docutils (one "already registered" warning each, which -W
    # turns into a failure), and would take over the "sphinx" logger from this build.
    command = [sys.executable, "-m", "sphinx", "-b", "html"]
    # Always -W: the example must build clean, and without -W a warning there would not
    # show in its exit status, which is all we get back.
    command += ["-W", "--keep-going", "-q"]
    # Its own doctrees, beside this site's, so incremental builds work for both.
    command += ["-d", str(Path(app.doctreedir) / "examples-nasa")]
    command += [str(SOURCE), str(Path(app.outdir) / "examples" / "nasa")]
    # Its warnings go straight to our stderr, each with its file and line.
    status = subprocess.run(command, check=False).returncode
    if status != 0:
        # A warning of this site rather than an error: with -W it fails the build like any
        # other warning, without -W it is reported and the rest of the site stands.
        logger.warning(
            "the NASA example manual (%s) did not build cleanly (exit status %s); "
            "its own warnings are above",
            SOURCE,
            status,
            type="examples",
            subtype="nasa",
        )


def setup(app: Sphinx) -> dict[str, bool]:
    # Late, so that every other extension has finished with this site's output first.
    app.connect("build-finished", build_nasa, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
