"""Printed manuals: the LaTeX each component writes, and a real PDF built with latexmk.

The PDF test needs Debian's TeX Live (``latexmk``, ``texlive-latex-recommended``,
``texlive-latex-extra``, ``texlive-fonts-recommended``, ``tex-gyre``) and poppler's
``pdftotext``. Without them it skips, unless ``PHASES_REQUIRE_PDF=1`` (CI sets it): then a
missing tool is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

REQUIRE_PDF = os.environ.get("PHASES_REQUIRE_PDF", "") not in ("", "0")
TOOLS = ("latexmk", "pdftotext")

# What the service root gains for these tests: every overview, and the sequence on a phase
# page, where the page's own phase is marked.
OVERVIEWS = """

```{phase-sequence}
```

```{phase-table}
:columns: title, status
```
"""


def _latex(copy_root: Callable[[str], Path], outdir: Path, *options: str) -> tuple[Path, str]:
    srcdir = copy_root("service")
    with (srcdir / "index.md").open("a", encoding="utf8") as index:
        index.write(OVERVIEWS)
    with (srcdir / "beta.md").open("a", encoding="utf8") as beta:
        beta.write("\n```{phase-sequence}\n```\n")
    args = ["-W", "-q", "-b", "latex", *options, str(srcdir), str(outdir)]
    assert build_main(args) == 0
    return outdir, next(outdir.glob("*.tex")).read_text("utf8")


def _nav(tex: str, docname: str) -> str:
    """The navigation of the page *docname*: the first after the page's own label."""
    page = tex.index(r"\label{\detokenize{" + docname + "::doc}}")
    start = tex.index(r"\begin{sphinxuseclass}{phases-nav}", page)
    return tex[start : tex.index(r"\endgroup", start)]


def test_latex_of_each_component(copy_root: Callable[[str], Path], tmp_path: Path) -> None:
    _outdir, tex = _latex(copy_root, tmp_path / "latex")

    # Navigation: between two rules in small type, labels bold, each link with its page.
    nav = _nav(tex, "discovery")
    assert r"\needspace{4\baselineskip}\medskip\begingroup\small" in nav
    assert nav.count(r"\noindent\rule{\linewidth}{0.4pt}\par") == 2
    assert r"\expandafter\def\csname DUrolephases-nav__label\endcsname" in nav
    assert r"\DUrole{phases-nav__label}{This is the first phase}" in nav
    assert (
        r"{\hyperref[\detokenize{alpha:phase-alpha}]{\sphinxcrossref{"
        r"\DUrole{phases-nav__label}{Next phase}\DUrole{phases-nav__sep}{: }"
        r"\DUrole{phases-nav__title}{Alpha}}}} (\autopageref*{\detokenize{alpha:phase-alpha}})"
    ) in nav
    assert nav.count(r"\autopageref*") == 1  # the marker links nowhere
    live = _nav(tex, "live")
    assert r"(\autopageref*{\detokenize{retirement:phase-retirement}})" in live
    assert r"(\autopageref*{\detokenize{discovery:phase-discovery}})" in live  # the loop

    # Banners: admonition boxes headed by their status.
    assert "\\begin{sphinxadmonition}{warning}{Draft:}\n" in tex
    assert "\\begin{sphinxadmonition}{note}{In review:}\n" in tex
    draft = tex[tex.index(r"\begin{sphinxadmonition}{warning}{Draft:}") :]
    draft = draft[: draft.index(r"\end{sphinxadmonition}")]
    assert "This page is a draft" in draft
    assert r"\sphinxstylestrong{Draft}" not in draft  # the tag is the heading, not repeated

    # Sequence: a status tag in brackets; the page's own phase in bold.
    assert r"{[}\DUrole{phases-tag}{\DUrole{phases-tag--review}{In review}}{]}" in tex
    assert r"\textbf{{\hyperref[\detokenize{beta:phase-beta}]{\sphinxcrossref{Beta}}}}" in tex
    assert tex.count(r"\textbf{{\hyperref") == 1  # only on beta's own page

    # Table: a real table, one linked row per phase.
    table = tex[tex.index(r"\sphinxtoprule") : tex.index(r"\sphinxbottomrule")]
    assert r"\sphinxstyletheadfamily" in table
    assert "Phase" in table
    assert "Status" in table
    assert r"{\hyperref[\detokenize{retirement:phase-retirement}]" in table
    assert "In review" in table

    # Pictograms: SVGs cannot be shown; an inline one keeps its words, decorative ones go.
    assert "{[}team{]}" in tex
    assert "Live service" in tex
    assert "{[}website{]}" not in tex


def test_latex_show_pagerefs_gives_one_page_number(
    copy_root: Callable[[str], Path], tmp_path: Path
) -> None:
    """With ``latex_show_pagerefs`` Sphinx adds the page itself; the navigation adds none."""
    _outdir, tex = _latex(copy_root, tmp_path / "latex", "-D", "latex_show_pagerefs=1")
    nav = _nav(tex, "discovery")
    assert nav.count(r"\autopageref*{\detokenize{alpha:phase-alpha}}") == 1


def _missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@pytest.mark.slow
def test_latexmk_builds_a_readable_pdf(copy_root: Callable[[str], Path], tmp_path: Path) -> None:
    missing = _missing_tools()
    if missing:
        reason = f"not installed: {', '.join(missing)} (see tests/test_pdf.py)"
        if REQUIRE_PDF:
            pytest.fail(f"PHASES_REQUIRE_PDF is set, so this is a failure: {reason}")
        pytest.skip(reason)
    outdir, _tex = _latex(copy_root, tmp_path / "latex")
    texfile = next(outdir.glob("*.tex"))
    # Sphinx's latexmkrc (pdflatex) sits in the output folder.
    done = subprocess.run(
        ["latexmk", "-pdf", "-halt-on-error", "-interaction=nonstopmode", texfile.name],
        cwd=outdir,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:]
    pdf = texfile.with_suffix(".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    words = " ".join(text.split())  # the layout's line breaks and runs of spaces
    assert re.search(r"Next phase: Alpha \(page \d+\)", words)
    assert re.search(r"[Ff]inal phase: Retirement \(page \d+\)", words)
    assert re.search(r"Go back to: Discovery \(page \d+\)", words)
    assert "This is the first phase" in words
    assert re.search(r"Draft:? This page is a draft", words)
    assert "In review" in words
    assert "Public beta [In review]" in words  # a tag set apart from the title
    assert "Work as a [team]." in words
    assert "Live service" in words
    assert "??" not in words  # every page reference resolved
    assert _undefined(texfile.with_suffix(".log")) == []


def _undefined(log: Path) -> list[str]:
    """The references and citations LaTeX could not resolve, as its log names them."""
    text = log.read_text("latin-1")
    return re.findall(r"LaTeX Warning: (?:Reference|Citation|Hyper reference) `([^']*)'", text)


DOCS_LOG = Path(__file__).parent.parent / "docs" / "_build" / "latex" / "sphinx-phases.log"


def test_the_documentation_pdf_has_no_undefined_reference() -> None:
    # `tox -e pdf` builds the documentation's PDF (both example manuals) before it runs
    # this; a gate, stage or point without a label would be an undefined reference.
    if not DOCS_LOG.is_file():
        reason = f"the documentation's PDF is not built ({DOCS_LOG.name}; run tox -e pdf)"
        if REQUIRE_PDF:
            pytest.fail(f"PHASES_REQUIRE_PDF is set, so this is a failure: {reason}")
        pytest.skip(reason)
    assert _undefined(DOCS_LOG) == []
