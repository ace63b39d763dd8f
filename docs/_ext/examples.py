"""Build the example manual that is a project of its own into this site.

The example manuals are life cycles of this site (docs/reference/lifecycles.md), but a
Sphinx project has one language: the service manual of ``docs/example-service`` in Welsh
(its pages, with the configuration of ``docs/examples/cy``) is built under
``examples/cy/``. Building them here, after this site, means one ``sphinx-build``
(``tox -e docs``, CI) builds and checks all of them, and the site can link to them with
plain relative links.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

DOCS = Path(__file__).resolve().parent.parent


class Example(NamedTuple):
    name: str  # the warning subtype when it does not build
    what: str
    confdir: Path
    srcdir: Path
    outdir: str  # under this site's output folder


WELSH = Example(
    "welsh",
    "the example service manual in Welsh",
    DOCS / "examples" / "cy",
    DOCS / "example-service",
    "cy",
)
EXAMPLES = (WELSH,)

# The builders whose pages the links in examples/index.md reach: html and dirhtml both
# write that page as examples/index.html. singlehtml, epub and the rest have no room for
# a second site, or write the page elsewhere.
BUILDERS = {"html", "dirhtml"}


def command(example: Example, outdir: Path, doctreedir: Path) -> list[str]:
    """The ``sphinx-build`` command that builds *example* into *outdir*, with -W."""
    # Always -W: the example must build clean, and without -W a warning there would not
    # show in its exit status, which is all we get back.
    return [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-W",
        "--keep-going",
        "-q",
        "-c",
        str(example.confdir),
        "-d",
        str(doctreedir),
        str(example.srcdir),
        str(outdir),
    ]


def build_examples(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name not in BUILDERS:
        return
    for example in EXAMPLES:
        # In a process of its own rather than through sphinx.cmd.build.build_main: in this
        # process a second Sphinx would find every directive, role and node of this build
        # still registered with docutils (one "already registered" warning each, which -W
        # turns into a failure), and would take over the "sphinx" logger from this build.
        # Its own doctrees, beside this site's, so incremental builds work for each.
        doctrees = Path(app.doctreedir) / f"examples-{example.name}"
        outdir = Path(app.outdir) / "examples" / example.outdir
        # Its warnings go straight to our stderr, each with its file and line.
        status = subprocess.run(command(example, outdir, doctrees), check=False).returncode
        if status != 0:
            # A warning of this site rather than an error: with -W it fails the build like
            # any other warning, without -W it is reported and the rest of the site stands.
            logger.warning(
                "%s (%s) did not build cleanly (exit status %s); its own warnings are above",
                example.what,
                example.confdir,
                status,
                type="examples",
                subtype=example.name,
            )


def setup(app: Sphinx) -> dict[str, bool]:
    # Late, so that every other extension has finished with this site's output first.
    app.connect("build-finished", build_examples, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
