"""Gates first-class (docs/reference/gates.md): a gate's position among the gates, links to
it from the phases around it, and the ``phase-gates`` overview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sphinx.locale
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from tests.conftest import phase_warnings
from tests.test_gates import RST_GATE


@pytest.fixture(autouse=True)
def _fresh_translators(monkeypatch: pytest.MonkeyPatch) -> None:
    # Sphinx keeps each catalogue's translator for the process; Welsh must not outlive a test.
    monkeypatch.setattr(sphinx.locale, "translators", {})


def _gates_root(copy_root: Any, markup: str) -> Path:
    """The gates root (three gates), its alpha page in *markup*."""
    srcdir = copy_root("gates")
    if markup == "rst":
        (srcdir / "alpha.md").unlink()
        (srcdir / "alpha.rst").write_text(RST_GATE)
    return srcdir


def _soup(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup(Path(app.outdir, name).read_text("utf8"), "html.parser")


def _gate_facts(app: SphinxTestApp, page: str) -> list[tuple[str, str]]:
    listing = _soup(app, page).select_one("dl.phases-gate__facts")
    assert listing is not None
    terms = [dt.get_text(strip=True) for dt in listing.find_all("dt")]
    values = [" ".join(dd.get_text(" ").split()) for dd in listing.find_all("dd")]
    return list(zip(terms, values, strict=True))


# -- 1. a gate's position among the gates ----------------------------------------------------


@pytest.mark.parametrize("markup", ["md", "rst"])
def test_a_gate_states_its_position_among_the_gates_in_reading_order(
    make_app: Any, copy_root: Any, markup: str
) -> None:
    app = make_app("html", srcdir=_gates_root(copy_root, markup))
    app.build()
    assert phase_warnings(app) == []
    positions = {
        page: dict(_gate_facts(app, page))["Position"]
        for page in ("alpha.html", "private-beta.html", "public-beta.html")
    }
    assert positions == {
        "alpha.html": "Gate 1 of 3",
        "private-beta.html": "Gate 2 of 3",
        "public-beta.html": "Gate 3 of 3",
    }
    # Right after where the gate stands.
    assert [term for term, _value in _gate_facts(app, "alpha.html")][:2] == [
        "Between",
        "Position",
    ]


def test_an_unplaced_gate_is_not_counted(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("gates")
    extra = "\n```{phase-gate} second-alpha\n:after: alpha\n\n- Again\n```\n"
    with (srcdir / "discovery.md").open("a") as handle:
        handle.write(extra)
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert dict(_gate_facts(app, "public-beta.html"))["Position"] == "Gate 3 of 3"


@pytest.mark.parametrize(
    ("profile", "language", "expected"),
    [
        ("prince2", "en", "Stage boundary 2 of 3"),
        ("nasa", "en", "KDP 2 of 3"),
        ("gov-uk", "cy", "Porth 2 o 3"),
    ],
)
@pytest.mark.parametrize("builder", ["html", "text"])
def test_the_position_is_in_the_profile_s_and_the_language_s_words(
    make_app: Any, copy_root: Any, profile: str, language: str, expected: str, builder: str
) -> None:
    overrides = {"phases_profile": profile, "language": language}
    app = make_app(builder, srcdir=copy_root("gates"), confoverrides=overrides)
    app.build()
    if builder == "html":
        listing = _soup(app, "private-beta.html").select_one("dl.phases-gate__facts")
        assert expected in [dd.get_text(strip=True) for dd in listing.find_all("dd")]
    else:
        assert expected in Path(app.outdir, "private-beta.txt").read_text("utf8")


# -- 2. the phases around a gate link to it --------------------------------------------------


def _phase_facts(app: SphinxTestApp, page: str) -> dict[str, Any]:
    listing = _soup(app, page).select_one("dl.phases-facts:not(.phases-gate__facts)")
    assert listing is not None
    return {
        dt.get_text(strip=True): dd
        for dt, dd in zip(listing.find_all("dt"), listing.find_all("dd"), strict=True)
    }


@pytest.mark.parametrize("markup", ["md", "rst"])
def test_ends_with_and_starts_after_link_to_the_gate(
    make_app: Any, copy_root: Any, markup: str
) -> None:
    app = make_app("html", srcdir=_gates_root(copy_root, markup))
    app.build()
    assert phase_warnings(app) == []
    ends = _phase_facts(app, "alpha.html")["Ends with"]
    assert ends.get_text(strip=True) == "Alpha assessment"
    assert ends.a["href"] == "#gate-alpha-assessment"  # declared on the same page
    public = _phase_facts(app, "public-beta.html")
    assert public["Starts after"].a["href"] == "private-beta.html#gate-beta-assessment"
    assert public["Starts after"].get_text(strip=True) == "Beta assessment"
    assert public["Ends with"].a["href"] == "#gate-live-assessment"
    beta = _phase_facts(app, "beta.html")
    assert "Ends with" not in beta  # its family's gates close its sub-phases


def test_text_writes_the_gates_around_a_phase_as_words(make_app: Any, copy_root: Any) -> None:
    app = make_app("text", srcdir=copy_root("gates"))
    app.build()
    text = Path(app.outdir, "public-beta.txt").read_text("utf8")
    assert "Starts after\n   Beta assessment" in text
    assert "Ends with\n   Live assessment" in text


def test_latex_links_the_gates_around_a_phase(make_app: Any, copy_root: Any) -> None:
    app = make_app("latex", srcdir=copy_root("gates"))
    app.build()
    assert phase_warnings(app) == []
    tex = "".join(path.read_text("utf8") for path in Path(app.outdir).glob("*.tex"))
    for label, gate in (
        ("Ends with", "alpha:gate-alpha-assessment"),
        ("Starts after", "private-beta:gate-beta-assessment"),
    ):
        fact = "\n".join(
            [
                rf"\sphinxlineitem{{{label}}}",
                r"\sphinxAtStartPar",
                rf"{{\hyperref[\detokenize{{{gate}}}]",
            ]
        )
        assert fact in tex, label
