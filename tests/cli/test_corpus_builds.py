"""Coherent sets of legacy corpus pages, migrated and then built by Sphinx with ``-W``.

Each set is migrated with ``sphinx-phases migrate --base-url https://www.gov.uk`` into a
fresh folder (the migration writes ``conf.py`` and ``index.md`` too) and built with the real
``sphinx-build -W``. The HTML is then read as a reader would see it: the generated
previous/next navigation walks the phases in order, the legacy pictogram lists come back as
pictogram lists (same pictograms, same labels) and no Jekyll/kramdown markup is left over.
Nothing is fetched from the network: sockets refuse to connect while a set is built.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.cmd.build import build_main

from sphinx_phases.cli import main

BASE_URL = "https://www.gov.uk"
STANDARD = ("discovery", "alpha", "beta", "live", "retirement")


@dataclass(frozen=True)
class PageSet:
    files: tuple[str, ...]  # relative to the corpus
    order: tuple[str, ...]  # the phases, first to last
    plain: tuple[str, ...] = ()  # pages written without a phase (besides index.md)


def _top(*names: str) -> tuple[str, ...]:
    return tuple(f"service-manual__phases__{name}.md" for name in names)


def _history(commit: str, *names: str) -> tuple[str, ...]:
    return tuple(f"history/2013-03-13_{commit}__service-manual__phases__{n}.md" for n in names)


SETS = {
    # The final (2016) manual. ideal-alphas.md is still part of it, a worked example that
    # says `phase: alpha`: it goes in and must come out as a plain page, since alpha.md owns
    # that id. operational.md and decommissioning.md stay out: they are 2013 wiki stubs,
    # deleted when live absorbed "operational" and retirement replaced "decommissioning",
    # so the final manual never had those phases; migrated with it, they would be appended
    # to the sequence after retirement (a valid build, but not this manual).
    "final": PageSet(
        files=_top("discovery", "alpha", "ideal-alphas", "beta", "live", "retirement", "index"),
        order=STANDARD,
        plain=("ideal-alphas",),
    ),
    # "Fix previous/next links": the fullest pictogram-era pages, plain previous/next links.
    "pictogram-era": PageSet(
        files=_history("1ddf65f0", "discovery", "alpha", "beta", "live"),
        order=STANDARD[:4],
    ),
    # The seed: the Live draft (blank template headings, wiki leftovers, links to pages that
    # were never migrated) with its same-day siblings.
    "seed-day": PageSet(
        files=_history("8e2e2fe1", "discovery", "alpha", "beta", "live"),
        order=STANDARD[:4],
    ),
}

# Legacy markup that must not reach a reader: Liquid tags and output, kramdown attribute
# lists, and MyST syntax that failed to parse (a role or attribute line shown as text).
LEFTOVERS = re.compile(r"\{%|%\}|\{\{|\}\}|\{:|\{\.[A-Za-z]|\{pictogram\}|\{phase\}")


@dataclass
class Built:
    name: str
    spec: PageSet
    src: Path
    out: Path
    html: Path
    status: int
    warnings: str
    report: dict[str, Any]
    soups: dict[str, BeautifulSoup] = field(default_factory=dict)

    def page(self, name: str) -> BeautifulSoup:
        if name not in self.soups:
            text = (self.html / f"{name}.html").read_text("utf-8")
            self.soups[name] = BeautifulSoup(text, "html.parser")
        return self.soups[name]

    def phase_files(self) -> dict[str, dict[str, Any]]:
        """Phase id -> its entry in the migration report."""
        return {f["phase"]: f for f in self.report["files"] if f["phase"]}


def _refuse_network(*args: object, **kwargs: object) -> None:
    raise AssertionError(f"the build tried to use the network: {args!r}")


@pytest.fixture(scope="module", params=sorted(SETS))
def built(
    request: pytest.FixtureRequest, corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Built:
    name: str = request.param
    spec = SETS[name]
    root = tmp_path_factory.mktemp(name)
    src, out, html = root / "legacy", root / "out", root / "html"
    src.mkdir()
    for rel in spec.files:
        shutil.copy(corpus / rel, src / PurePosixPath(rel).name)  # fails loudly if missing
    report_file, warnings_file = root / "report.json", root / "warnings.txt"
    argv = ["migrate", str(src), "-o", str(out), "--base-url", BASE_URL]
    assert main([*argv, "--report", str(report_file)]) == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _refuse_network)
        patch.setattr(socket.socket, "connect_ex", _refuse_network)
        patch.setattr(socket, "create_connection", _refuse_network)
        options = ["-W", "-q", "-b", "html", "-d", str(root / "doctrees")]
        status = build_main([*options, "-w", str(warnings_file), str(out), str(html)])
    warnings = warnings_file.read_text("utf-8") if warnings_file.exists() else ""
    report = json.loads(report_file.read_text("utf-8"))
    return Built(name, spec, src, out, html, status, warnings, report)


def test_builds_with_W_and_no_warnings(built: Built) -> None:  # noqa: N802
    assert built.warnings.strip() == ""
    assert built.status == 0
    assert built.report["summary"]["error"] == 0
    assert built.report["summary"].get("conflict", 0) == len(built.spec.plain)


def test_every_source_is_written_once(built: Built) -> None:
    phases = built.phase_files()
    assert sorted(phases) == sorted(built.spec.order)
    plain = [f["output"] for f in built.report["files"] if f["output"] and not f["phase"]]
    expected = [f"{p}.md" for p in built.spec.plain]
    if any(rel.endswith("__index.md") for rel in built.spec.files):
        expected.append("index.md")
    assert sorted(plain) == sorted(expected)
    for name in [*built.spec.order, *built.spec.plain, "index"]:
        assert (built.html / f"{name}.html").is_file(), name


def _nav(page: BeautifulSoup, name: str) -> Tag:
    navs = page.select("nav.phases-nav")
    assert len(navs) == 1, f"{name}: {len(navs)} phase navigations"
    return navs[0]


def _link(nav: Tag, rel: str) -> str | None:
    """The target page (no suffix) of the navigation's rel=prev/next link, if any."""
    links = [a for a in nav.find_all("a") if rel in (a.get("rel") or [])]
    assert len(links) <= 1, links
    if not links:
        return None
    modifier = "prev" if rel == "prev" else "next"
    assert f"phases-nav__link--{modifier}" in links[0]["class"]
    href, _hash, anchor = str(links[0]["href"]).partition("#")
    assert href.endswith(".html"), href
    assert "/" not in href, href
    page = href.removesuffix(".html")
    assert anchor.startswith("phase-"), anchor  # the phase's anchor, as in objects.inv
    return page


def test_navigation_walks_the_phases_in_order(built: Built) -> None:
    order = list(built.spec.order)
    navs = {name: _nav(built.page(name), name) for name in order}
    first, last = order[0], order[-1]
    assert _link(navs[first], "prev") is None
    forward, current = [first], first
    while (following := _link(navs[current], "next")) is not None:
        assert following in navs, f"{current} links to {following}, not a phase of the set"
        assert following not in forward, f"rel=next loops back to {following}: {forward}"
        forward.append(following)
        current = following
    assert forward == order
    backward, current = [last], last
    while (preceding := _link(navs[current], "prev")) is not None:
        assert preceding not in backward, f"rel=prev loops back to {preceding}: {backward}"
        backward.append(preceding)
        current = preceding
    assert backward == order[::-1]
    # The navigation names its neighbours by their titles.
    for name in order[1:]:
        previous = navs[name].select_one("a.phases-nav__link--prev")
        assert previous is not None
        assert previous.get_text().strip().endswith(order[order.index(name) - 1].title())
    # Only phase pages get phase navigation.
    for name in [*built.spec.plain, "index"]:
        assert built.page(name).select("nav.phases-nav") == [], name


def test_index_toctree_lists_the_phases_in_order(built: Built) -> None:
    toctree = built.page("index").select_one("div.toctree-wrapper")
    assert toctree is not None
    hrefs = [str(a["href"]).removesuffix(".html") for a in toctree.select("a.reference")]
    assert hrefs == [*built.spec.order, *built.spec.plain]


def _legacy_lists(source: str) -> list[list[tuple[str, str]]]:
    """The legacy ``ul.phase-activities`` lists: (pictogram file stem, label) per item."""
    lists = []
    for ul in BeautifulSoup(source, "html.parser").select("ul.phase-activities"):
        items = []
        for li in ul.find_all("li"):
            img = li.find("img")
            stem = PurePosixPath(str(img["src"])).stem if isinstance(img, Tag) else ""
            items.append((stem, " ".join(li.get_text().split())))
        lists.append(items)
    return lists


def _built_lists(page: BeautifulSoup) -> list[list[tuple[str, str]]]:
    lists = []
    for ul in page.select("ul.phases-pictogram-list"):
        items = []
        for li in ul.find_all("li", recursive=False):
            img = li.select_one("img.phases-pictogram")
            assert img is not None, li
            assert img.get("alt") == ""  # decorative: the label says it all
            items.append((PurePosixPath(str(img["src"])).stem, " ".join(li.get_text().split())))
        lists.append(items)
    return lists


def test_pictogram_lists_where_the_legacy_page_had_them(built: Built) -> None:
    with_lists = []
    for ident, entry in built.phase_files().items():
        source = (Path(entry["source"])).read_text("utf-8")
        legacy = _legacy_lists(source)
        page = built.page(ident)
        assert _built_lists(page) == legacy, ident
        for img in page.select("img.phases-pictogram"):
            assert (built.html / str(img["src"])).is_file(), img["src"]
        if legacy:
            with_lists.append(ident)
    for name in [*built.spec.plain, "index"]:
        assert built.page(name).select("ul.phases-pictogram-list") == [], name
    # The final pages had dropped the pictogram lists; every 2013-03-13 page had one.
    assert sorted(with_lists) == ([] if built.name == "final" else sorted(built.spec.order))


def test_no_legacy_markup_or_site_absolute_links_left(built: Built) -> None:
    absolute = 0
    for name in [*built.spec.order, *built.spec.plain, "index"]:
        body = built.page(name).select_one("div.body") or built.page(name).body
        assert body is not None
        text = body.get_text(" ")
        assert LEFTOVERS.findall(text) == [], name
        for element in body.find_all(["a", "img"]):
            target = str(element.get("href") or element.get("src") or "")
            assert not target.startswith("/") or target.startswith("//"), (name, target)
        absolute += sum(str(a.get("href", "")).startswith(BASE_URL) for a in body("a"))
    assert absolute > 0  # every set links the old site, and those links now point at it
    # The legacy index wrapped its Liquid include in layout <div>s, empty without it.
    assert built.page("index").select("div.timeline") == []
