"""Anchors that collide: a heading or label with the id of a phase, gate or standard point.

The extension's element keeps its anchor, facts and index entry wherever the other stands
on the page; the heading gets another id, as docutils gives one whose id is taken; a label
that loses the id it asks for is one located ``phases.duplicate`` warning naming both
(docs/reference/warnings.md, "Anchors").
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile
from tests.conftest import phase_warnings, warning_lines

GATE_ID = "gate-alpha-assessment"
POINT_ID = "standard-service-standard-1"

ALPHA_RST = """Alpha
=====

.. phase:: alpha

   Try things.

{before}.. phase-gate:: alpha-assessment
   :title: Alpha assessment
   :authority: Assessment panel
   :standard: 1, 2

   A panel decides whether the service may move to beta.

   - The team understands its users :standard:`1`
   - The riskiest assumptions have been tested

{after}"""

INDEX_RST = """Manual
======

.. toctree::

   discovery
   alpha
   beta
   private-beta
   public-beta
   live

See :gate:`alpha-assessment` and :phase:`beta`.

{before}The standard
------------

.. phase-standard::

{after}Point :standard:`1` matters.
"""


# -- helpers ----------------------------------------------------------------------------


def _build(make_app: Any, srcdir: Path, builder: str = "html", **conf: Any) -> SphinxTestApp:
    app = make_app(builder, srcdir=srcdir, confoverrides=conf)
    app.build()
    return app


def _page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup(Path(app.outdir, name).read_text("utf8"), "html.parser")


def _ids(page: BeautifulSoup) -> Counter[str]:
    return Counter(str(tag["id"]) for tag in page.find_all(id=True))


def _section_ids(page: BeautifulSoup, title: str) -> list[str]:
    """The ids of the section a heading opens: its own, then those Sphinx writes as empty
    spans at its start."""
    heading = next(h for h in page.find_all(re.compile("^h[1-6]$")) if title in h.text)
    section = heading.find_parent("section")
    spans = section.find_all("span", recursive=False, id=True)
    return [str(section["id"]), *(str(span["id"]) for span in spans)]


def _heading_id(page: BeautifulSoup, title: str) -> str:
    """The id of the section a heading opens."""
    return _section_ids(page, title)[0]


def _inventory(app: SphinxTestApp) -> dict[str, str]:
    with Path(app.outdir, "objects.inv").open("rb") as handle:
        inventory = InventoryFile.load(handle, "", lambda *parts: "/".join(parts))
    found = inventory.data if hasattr(inventory, "data") else inventory
    return {
        name: (item.uri if hasattr(item, "uri") else item[2])
        for kind, items in found.items()
        if kind.startswith("phases:")
        for name, item in items.items()
    }


def _index_targets(app: SphinxTestApp, words: str) -> list[str]:
    """Where the general index's entries with *words* lead."""
    index = _page(app, "genindex.html")
    return [str(a["href"]) for a in index.find_all("a") if a.get_text(" ").strip() == words]


def _assert_gate_keeps_everything(app: SphinxTestApp) -> None:
    """The gate has its anchor, once, with its facts; the index, the inventory and the
    links elsewhere lead to it."""
    alpha = _page(app, "alpha.html")
    assert _ids(alpha)[GATE_ID] == 1
    gate = alpha.select_one("section.phases-gate")
    assert gate["id"] == GATE_ID
    assert gate.select_one(f"#{GATE_ID}-title").get_text() == "Alpha assessment"
    assert "Decided by Assessment panel" in " ".join(
        gate.select_one(".phases-gate__facts").get_text(" ").split()
    )
    assert _index_targets(app, "Alpha assessment (gate)") == [f"alpha.html#{GATE_ID}"]
    assert _inventory(app)["alpha-assessment"].endswith(f"alpha.html#{GATE_ID}")
    link = _page(app, "index.html").select_one("a.reference:has(.phases-gate-ref)")
    assert link["href"] == f"alpha.html#{GATE_ID}"


def _no_duplicate_ids(app: SphinxTestApp, *pages: str) -> None:
    for name in pages:
        twice = {key for key, count in _ids(_page(app, name)).items() if count > 1}
        assert not twice, (name, twice)


def _myst_alpha(srcdir: Path, before: str = "", after: str = "") -> None:
    alpha = srcdir / "alpha.md"
    text = alpha.read_text("utf8").replace("```{phase-gate}", f"{before}```{{phase-gate}}")
    alpha.write_text(text + after)


def _rst_alpha(srcdir: Path, before: str = "", after: str = "") -> None:
    (srcdir / "alpha.md").unlink()
    (srcdir / "alpha.rst").write_text(ALPHA_RST.format(before=before, after=after))


# -- a gate -----------------------------------------------------------------------------

GATE_HEADINGS = {
    # (markup, where): (before the gate, after it)
    ("myst", "before"): ("## Gate: Alpha assessment\n\n", ""),
    ("myst", "after"): ("", "\n## Gate: Alpha assessment\n\nMore.\n"),
    ("rst", "before"): ("Gate: Alpha assessment\n----------------------\n\n", ""),
    ("rst", "after"): ("", "Gate: Alpha assessment\n----------------------\n\nMore.\n"),
}


@pytest.mark.parametrize(("markup", "where"), list(GATE_HEADINGS))
def test_a_heading_with_a_gates_id_gets_another(
    make_app: Any, copy_root: Any, markup: str, where: str
) -> None:
    """``## Gate: Alpha assessment`` makes the gate's id: before the gate, it used to take
    the id, and the gate lost its anchor, facts and index entry without a word."""
    srcdir = copy_root("gates")
    before, after = GATE_HEADINGS[markup, where]
    (_myst_alpha if markup == "myst" else _rst_alpha)(srcdir, before, after)
    app = _build(make_app, srcdir)
    assert phase_warnings(app) == []
    assert not [line for line in warning_lines(app) if "Duplicate" in line]
    _assert_gate_keeps_everything(app)
    alpha = _page(app, "alpha.html")
    assert _heading_id(alpha, "Gate: Alpha assessment") == "id1"
    _no_duplicate_ids(app, "alpha.html")


LABELS = {
    # (markup, where): (before the gate, after it, the label's line, the gate's line)
    ("myst", "before"): (f"({GATE_ID})=\n## Assessment\n\n", "", 7, 10),
    ("myst", "after"): ("", f"\n({GATE_ID})=\n## Assessment\n\nMore.\n", 21, 7),
    ("rst", "before"): (f".. _{GATE_ID}:\n\nAssessment\n----------\n\n", "", 8, 13),
    ("rst", "after"): ("", f".. _{GATE_ID}:\n\nAssessment\n----------\n\nMore.\n", 18, 8),
}


@pytest.mark.parametrize(("markup", "where"), list(LABELS))
def test_a_label_with_a_gates_id_is_reported_and_the_gate_keeps_it(
    make_app: Any, copy_root: Any, markup: str, where: str
) -> None:
    """A label is a name authors chose, which other pages may spell out: losing its id is
    reported once, where it is written, naming the gate; its links follow it."""
    srcdir = copy_root("gates")
    before, after, label_line, gate_line = LABELS[markup, where]
    (_myst_alpha if markup == "myst" else _rst_alpha)(srcdir, before, after)
    with (srcdir / "index.md").open("a") as page:
        page.write(f"\nThe assessment section: {{ref}}`{GATE_ID}`.\n")
    app = _build(make_app, srcdir)
    suffix = "md" if markup == "myst" else "rst"
    assert phase_warnings(app) == [
        f"alpha.{suffix}:{label_line}: WARNING: label '{GATE_ID}' asks for the id '{GATE_ID}', "
        f"which is an anchor of gate 'alpha-assessment' (line {gate_line}); the gate keeps "
        "it, and the label's links lead to 'id1' instead; expected another label "
        "[phases.duplicate]"
    ]
    assert not [line for line in warning_lines(app) if "Duplicate ID" in line]
    _assert_gate_keeps_everything(app)
    alpha = _page(app, "alpha.html")
    assert "id1" in _section_ids(alpha, "Assessment")
    assert GATE_ID not in _section_ids(alpha, "Assessment")
    # {ref} to the label leads to its section.
    ref = _page(app, "index.html").find("a", href="alpha.html#id1")
    assert ref.get_text() == "Assessment"
    _no_duplicate_ids(app, "alpha.html")


def test_a_gate_declared_twice_on_its_page_keeps_the_first(make_app: Any, copy_root: Any) -> None:
    """The second declaration is reported as before; it takes nothing from the first."""
    srcdir = copy_root("gates")
    _myst_alpha(srcdir, after="\n```{phase-gate} alpha-assessment\n\n- Again\n```\n")
    app = _build(make_app, srcdir)
    assert [line.split(": WARNING: ")[0] for line in phase_warnings(app)] == ["alpha.md:21"]
    assert "declared again" in phase_warnings(app)[0]
    _assert_gate_keeps_everything(app)
    assert len(_page(app, "alpha.html").select("section.phases-gate")) == 2


def test_with_heading_anchors_a_slug_leads_to_its_heading(make_app: Any, copy_root: Any) -> None:
    """MyST's ``myst_heading_anchors`` makes a slug of each heading; one equal to the
    gate's id leads to the heading, and is not added as a second element's id."""
    srcdir = copy_root("gates")
    _myst_alpha(
        srcdir,
        before="## Gate: Alpha assessment\n\nTo [the heading](#gate-alpha-assessment).\n\n",
    )
    app = _build(make_app, srcdir, myst_heading_anchors=2)
    assert phase_warnings(app) == []
    _assert_gate_keeps_everything(app)
    alpha = _page(app, "alpha.html")
    link = alpha.find("a", string="the heading")
    assert link["href"] == "#id1" == f"#{_heading_id(alpha, 'Gate: Alpha assessment')}"
    _no_duplicate_ids(app, "alpha.html")


# -- a phase ----------------------------------------------------------------------------


@pytest.mark.parametrize("markup", ["myst", "rst"])
def test_a_title_with_the_phases_id_is_its_anchor(
    make_app: Any, copy_root: Any, markup: str
) -> None:
    """``# Phase: Beta`` over ``{phase} beta`` was docutils' unlocated ``ERROR: Duplicate
    ID: "phase-beta"``; the title's section, where the anchor goes anyway, has it once."""
    srcdir = copy_root("gates")
    (srcdir / "beta.md").unlink()
    if markup == "myst":
        (srcdir / "beta.md").write_text("# Phase: Beta\n\n```{phase} beta\nBuild it.\n```\n")
    else:
        (srcdir / "beta.rst").write_text(
            "Phase: Beta\n===========\n\n.. phase:: beta\n\n   Build it.\n"
        )
    app = _build(make_app, srcdir)
    assert phase_warnings(app) == []
    assert not [line for line in warning_lines(app) if "Duplicate" in line]
    beta = _page(app, "beta.html")
    assert _ids(beta)["phase-beta"] == 1
    assert beta.find("h1").find_parent("section")["id"] == "phase-beta"
    assert _index_targets(app, "Phase: Beta (phase)") == ["beta.html#phase-beta"]
    assert _inventory(app)["beta"].endswith("beta.html#phase-beta")
    link = _page(app, "alpha.html").select_one("nav.phases-nav a[rel=next]")
    assert link["href"] == "beta.html#phase-beta"
    _no_duplicate_ids(app, "beta.html")


@pytest.mark.parametrize("frontmatter", [False, True])
def test_a_lower_heading_with_the_phases_id_gets_another(
    make_app: Any, copy_root: Any, frontmatter: bool
) -> None:
    """A heading under the title with the phase's id, before or after the declaration
    (front matter is declared once the page is read): the phase's anchor is on the
    title's section, the heading has another id."""
    srcdir = copy_root("gates")
    declared = "```{phase} beta\nBuild it.\n```\n"
    top = "---\nphase: {id: beta}\n---\n" if frontmatter else ""
    body = "" if frontmatter else declared
    (srcdir / "beta.md").write_text(
        f"{top}# Beta\n\n## Phase: Beta\n\n{body}\n## Phase: Beta\n\nAgain.\n"
    )
    app = _build(make_app, srcdir)
    assert phase_warnings(app) == []
    assert not [line for line in warning_lines(app) if "Duplicate" in line]
    beta = _page(app, "beta.html")
    assert _ids(beta)["phase-beta"] == 1
    assert "phase-beta" in _section_ids(beta, "Beta")
    # docutils' own ids: the later heading took "id1" first when the front matter's
    # phase, declared once the page is read, takes the earlier heading's.
    headings = [h.find_parent("section")["id"] for h in beta.find_all("h2")]
    assert headings == (["id2", "id1"] if frontmatter else ["id1", "id2"])
    assert _index_targets(app, "Beta (phase)") == ["beta.html#phase-beta"]
    _no_duplicate_ids(app, "beta.html")


def test_a_label_with_the_phases_id_is_reported(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("gates")
    (srcdir / "beta.md").write_text(
        "# Beta\n\n```{phase} beta\nBuild it.\n```\n\n(phase-beta)=\n## Building\n\nMore.\n"
    )
    app = _build(make_app, srcdir)
    beta = _page(app, "beta.html")
    assert phase_warnings(app) == [
        "beta.md:7: WARNING: label 'phase-beta' asks for the id 'phase-beta', which is an "
        "anchor of phase 'beta' (line 3); the phase keeps it, and the label's links lead to "
        "'id1' instead; expected another label [phases.duplicate]"
    ]
    # The section keeps 'id1' (docutils 0.20 lists its title's slug first).
    assert "id1" in _section_ids(beta, "Building")
    assert not [line for line in warning_lines(app) if "Duplicate ID" in line]
    assert _ids(beta)["phase-beta"] == 1
    _no_duplicate_ids(app, "beta.html")


# -- a standard's points ----------------------------------------------------------------


def _myst_index(srcdir: Path, before: str = "", after: str = "") -> None:
    index = srcdir / "index.md"
    text = index.read_text("utf8").replace(
        "```{phase-standard}\n:coverage:\n```\n",
        f"{before}```{{phase-standard}}\n:coverage:\n```\n{after}",
    )
    index.write_text(text)


def _rst_index(srcdir: Path, before: str = "", after: str = "") -> None:
    (srcdir / "index.md").unlink()
    (srcdir / "index.rst").write_text(INDEX_RST.format(before=before, after=after))


STANDARD_HEADINGS = {
    ("myst", "before"): ("### Standard service standard 1\n\n", ""),
    ("myst", "after"): ("", "\n### Standard service standard 1\n\nMore.\n\n"),
    ("rst", "before"): ("Standard service standard 1\n~~~~~~~~~~~~~~~~~~~~~~~~~~~\n\n", ""),
    ("rst", "after"): ("", "Standard service standard 1\n~~~~~~~~~~~~~~~~~~~~~~~~~~~\n\n"),
}


@pytest.mark.parametrize(("markup", "where"), list(STANDARD_HEADINGS))
def test_a_heading_with_a_points_id_gets_another(
    make_app: Any, copy_root: Any, markup: str, where: str
) -> None:
    """``## Standard service standard 1`` makes the id of point 1's anchor, which the
    listing only takes when the page is written: the heading used to keep it, and the
    page had two elements with one id (the first of them what citations reached)."""
    srcdir = copy_root("gates")
    before, after = STANDARD_HEADINGS[markup, where]
    (_myst_index if markup == "myst" else _rst_index)(srcdir, before, after)
    app = _build(make_app, srcdir)
    assert phase_warnings(app) == []
    index = _page(app, "index.html")
    assert _ids(index)[POINT_ID] == 1
    assert index.select_one(f"#{POINT_ID}").name == "dt"
    assert _heading_id(index, "Standard service standard 1") == "id1"
    # Citations reach the point: the gate's criterion on alpha, the role on the page.
    criterion = _page(app, "alpha.html").select_one("ul.phases-gate__criteria a")
    assert criterion["href"] == f"index.html#{POINT_ID}"
    _no_duplicate_ids(app, "index.html")


def test_a_label_among_a_standards_ids_is_reported(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("gates")
    _myst_index(srcdir, after=f"\n({POINT_ID})=\n### Labelled\n\nMore.\n\n")
    app = _build(make_app, srcdir)
    line = next(
        number
        for number, text in enumerate((srcdir / "index.md").read_text().splitlines(), start=1)
        if text == f"({POINT_ID})="
    )
    listing = line - 4
    assert phase_warnings(app) == [
        f"index.md:{line}: WARNING: label '{POINT_ID}' asks for the id '{POINT_ID}', but "
        "the ids 'standard-service-standard' and 'standard-service-standard-...' are kept "
        f"for the listing of standard 'service-standard' (line {listing}) and its points; "
        "the label's links lead to 'labelled' instead; expected a label that does not begin "
        "with 'standard-service-standard' [phases.duplicate]"
    ]
    index = _page(app, "index.html")
    assert index.select_one(f"#{POINT_ID}").name == "dt"
    _no_duplicate_ids(app, "index.html")


def test_with_heading_anchors_a_points_slug_is_not_added(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("gates")
    _myst_index(
        srcdir,
        before=f"### Standard service standard 1\n\nTo [the heading](#{POINT_ID}).\n\n",
    )
    app = _build(make_app, srcdir, myst_heading_anchors=3)
    assert phase_warnings(app) == []
    index = _page(app, "index.html")
    assert index.find("a", string="the heading")["href"] == "#id1"
    assert index.select_one(f"#{POINT_ID}").name == "dt"
    _no_duplicate_ids(app, "index.html")


# -- every builder; rebuilds -------------------------------------------------------------


def test_latex_labels_each_anchor_once(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("gates")
    _myst_alpha(srcdir, before="## Gate: Alpha assessment\n\n")
    _myst_index(srcdir, before="### Standard service standard 1\n\n")
    (srcdir / "beta.md").write_text("# Phase: Beta\n\n```{phase} beta\nBuild it.\n```\n")
    app = _build(make_app, srcdir, "latex")
    assert phase_warnings(app) == []
    assert not [line for line in warning_lines(app) if "Duplicate" in line]
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf8")
    labels = Counter(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    for anchor in ("beta:phase-beta", f"index:{POINT_ID}", f"alpha:{GATE_ID}"):
        assert labels[anchor] == 1, anchor
    # The headings have docutils' ids.
    assert labels["alpha:id1"] == labels["index:id1"] == 1
    assert not {key for key, count in labels.items() if count > 1}


def test_a_rebuild_reports_a_moved_label_again(make_app: Any, copy_root: Any) -> None:
    """The warning is a problem of the page, reported on every build, not only when the
    page is read."""
    srcdir = copy_root("gates")
    before, after, _label_line, _gate_line = LABELS["myst", "before"]
    _myst_alpha(srcdir, before, after)
    first = phase_warnings(_build(make_app, srcdir))
    assert len(first) == 1
    again = _build(make_app, srcdir)
    assert phase_warnings(again) == first
