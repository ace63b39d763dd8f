"""Property: after any sequence of edits, an incremental build equals a clean build.

Hypothesis draws edits (retitle, relink, add or remove a page, change a pictogram, reorder
the sequence file, add a defect and fix it); after each one the site is rebuilt in place
and compared, page by page and warning by warning, with a clean build of a copy. Bounded
for CI; ``FUZZ_EXAMPLES`` raises it.

What is compared is each page's document body, which this extension renders. The theme's
sidebar shows the global toctree, whose titles Sphinx itself does not refresh on pages it
does not rewrite (sphinx-doc/sphinx#5506); that is outside this extension's contract.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.cmd.build import build_main

EXAMPLES = max(4, int(os.environ.get("FUZZ_EXAMPLES", "40")) // 4)
IDS = ["discovery", "alpha", "beta", "live", "retirement", "extra"]
PICTOGRAMS = ["team", "code", "website", "blog"]

pytestmark = pytest.mark.slow  # two Sphinx builds per edit


class Site:
    """A small phase site kept as data, written out in full after every edit."""

    def __init__(self) -> None:
        self.pages = {
            p: {"title": p.capitalize(), "next": None, "status": "published", "pictogram": "team"}
            for p in IDS[:5]
        }
        self.order = list(IDS[:5])

    def files(self) -> dict[str, str]:
        files = {
            "conf.py": 'extensions = ["myst_parser", "sphinx_phases"]\n'
            'phases_sequence = "phases.yml"\n',
            "phases.yml": "sequence:\n" + "".join(f"  - {p}\n" for p in self.order),
            "index.md": "# Manual\n\n"
            + " ".join(f"{{phase}}`{p}`" for p in sorted(self.pages))
            + "\n\n```{toctree}\noverview\n"
            + "".join(f"{p}\n" for p in sorted(self.pages))
            + "```\n",
            "overview.md": "# Overview\n\n```{phase-sequence}\n```\n\n```{phase-table}\n"
            ":columns: title, status, outputs, next\n```\n",
        }
        for phase_id, page in self.pages.items():
            options = f":status: {page['status']}\n"
            if page["next"]:
                options += f":next: {page['next']}\n"
            files[f"{phase_id}.md"] = (
                f"# {page['title']}\n\n```{{phase}} {phase_id}\n{options}\nAbout {phase_id}.\n"
                f"```\n\n```{{phase-outputs}}\n- {{pictogram}}`{page['pictogram']}` An output\n"
                "```\n"
            )
        return files

    def write(self, srcdir: Path) -> None:
        """Touch only what changed, as an author's editor does: that is what Sphinx sees."""
        srcdir.mkdir(parents=True, exist_ok=True)
        files = self.files()
        for path in srcdir.iterdir():
            if path.is_file() and path.name not in files:
                path.unlink()
        for name, text in files.items():
            path = srcdir / name
            if not path.is_file() or path.read_text() != text:
                path.write_text(text)

    def apply(self, edit: tuple[str, int, int]) -> None:
        kind, a, b = edit
        names = sorted(self.pages)
        page = self.pages[names[a % len(names)]]
        if kind == "retitle":
            page["title"] = f"{page['title'].split(' ')[0]} {b}"
        elif kind == "relink":
            page["next"] = names[b % len(names)] if b % 3 else None
        elif kind == "add" and "extra" not in self.pages:
            self.pages["extra"] = {
                "title": "Extra",
                "next": None,
                "status": "published",
                "pictogram": "code",
            }
        elif kind == "remove" and len(self.pages) > 2:
            removed = names[a % len(names)]
            del self.pages[removed]
            for other in self.pages.values():
                if other["next"] == removed:
                    other["next"] = None
        elif kind == "pictogram":
            page["pictogram"] = PICTOGRAMS[b % len(PICTOGRAMS)]
        elif kind == "reorder":
            self.order = self.order[b % len(self.order) :] + self.order[: b % len(self.order)]
        elif kind == "defect":
            page["status"] = "bogus" if page["status"] != "bogus" else "published"


def build(srcdir: Path, outdir: Path) -> tuple[dict[str, str], list[str]]:
    warnings = outdir.parent / f"{outdir.name}-warnings.txt"
    args = [
        "-q",
        "-b",
        "html",
        "-d",
        str(outdir / ".doctrees"),
        "-w",
        str(warnings),
        str(srcdir),
        str(outdir),
    ]
    assert build_main(args) == 0
    sources = {q.stem for q in srcdir.glob("*.md")}
    pages = {}
    for page in sorted(outdir.glob("*.html")):
        if page.stem in sources:
            soup = BeautifulSoup(page.read_text("utf8"), "html.parser")
            body = soup.select_one('[role="main"]')
            assert body is not None
            pages[page.name] = str(body)
    lines = warnings.read_text("utf8").replace(str(srcdir) + os.sep, "").splitlines()
    return pages, sorted(lines)


edits = st.lists(
    st.tuples(
        st.sampled_from(["retitle", "relink", "add", "remove", "pictogram", "reorder", "defect"]),
        st.integers(0, 10),
        st.integers(0, 10),
    ),
    min_size=1,
    max_size=3,
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits)
def test_incremental_build_equals_clean_build(
    tmp_path_factory: pytest.TempPathFactory, changes: list[tuple[str, int, int]]
) -> None:
    root = tmp_path_factory.mktemp("site")
    site = Site()
    srcdir, outdir = root / "src", root / "out"
    site.write(srcdir)
    build(srcdir, outdir)
    for step, edit in enumerate(changes):
        site.apply(edit)
        site.write(srcdir)
        incremental = build(srcdir, outdir)
        clean_src = root / f"clean-src-{step}"
        shutil.copytree(srcdir, clean_src)
        clean = build(clean_src, root / f"clean-out-{step}")
        assert incremental[1] == clean[1], f"warnings differ after {changes[: step + 1]}"
        assert incremental[0].keys() == clean[0].keys()
        for name, text in clean[0].items():
            assert incremental[0][name] == text, f"{name} differs after {changes[: step + 1]}"
