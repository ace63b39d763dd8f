"""Front matter -> phase declaration fields, and the id rules."""

from __future__ import annotations

import pytest

from sphinx_phases.cli.frontmatter import PageMeta, parse_meta
from sphinx_phases.cli.ids import camel_to_id, class_to_id, filename_to_id, text_to_id


def meta_of(front: str, stem: str = "2001-01-01_abc__site__phases__name") -> PageMeta:
    return parse_meta(f"---\n{front}\n---\nBody".split("\n"), stem)


@pytest.mark.parametrize(
    ("word", "ident"),
    [
        ("PublicBetaPhase", "public-beta"),
        ("AlphaPhase", "alpha"),
        ("IterationImprovementAndOperationPhase", "operational"),
        ("DecommisioningPhase", "decommissioning"),
        ("APIDesignPhase", "api-design"),
    ],
)
def test_camel_case_wiki_names(word: str, ident: str) -> None:
    assert camel_to_id(word) == ident


def test_other_id_sources() -> None:
    assert text_to_id("Public Beta") == "public-beta"
    assert text_to_id("Alpha Phase") == "alpha"
    assert class_to_id("wide live-phase") == "live"
    assert class_to_id("detailed") is None
    assert filename_to_id("2013-03-13_8e2e2fe1__service-manual__phases__live") == "live"
    assert filename_to_id("service-manual__phases__Private Beta") == "private-beta"
    assert filename_to_id("___") == "page"


def test_phase_then_class_then_file_name() -> None:
    assert meta_of("phase: Alpha\nclass: beta-phase").ident == "alpha"
    assert meta_of("class: beta-phase").ident == "beta"
    assert meta_of("title: Something").ident == "name"


def test_fields_are_mapped_and_dead_ones_reported() -> None:
    meta = meta_of(
        "layout: phases\ntitle: Beta phase\nsubtitle: Going public\nstatus: Draft\n"
        "css: /a.css\ncategory: guidance\nbreadcrumbs:\n  - title: Home"
    )
    assert (meta.title, meta.subtitle, meta.status) == ("Beta phase", "Going public", "draft")
    reported = {i.text.split(":")[0]: i.line for i in meta.issues}
    assert reported == {"layout": 2, "css": 6, "category": 7, "breadcrumbs": 8}
    assert all(i.kind == "dropped" for i in meta.issues)
    assert "dead field" in meta.issues[0].message


def test_unknown_status_is_reported() -> None:
    meta = meta_of("status: someday")
    assert meta.status is None
    assert meta.issues[0].text == "status: someday"


def test_site_wide_title_is_replaced() -> None:
    meta = meta_of("title: Government service design manual\nsubtitle: Strap line")
    assert (meta.title, meta.subtitle) == ("Name", None)
    assert len(meta.issues) == 2


def test_page_only_tagged_with_a_phase_is_not_canonical() -> None:
    assert not meta_of("phase: alpha", stem="x__phases__ideal-alphas").canonical
    assert meta_of("phase: alpha", stem="x__phases__alpha").canonical


def test_already_migrated_front_matter_is_read() -> None:
    meta = meta_of("phase:\n  id: live\n  summary: Keep improving\n  next: retirement")
    assert meta.ident == "live"
    assert meta.extra == {"summary": "Keep improving", "next": "retirement"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: x\n\nno end", "not closed"),
        ("---\ntitle: [unclosed\n---\n", "not valid YAML"),
        ("---\n- a list\n---\n", "not a mapping"),
        ("---\ntitle:\n  nested: map\n---\n", "'title' is not text"),
    ],
)
def test_broken_front_matter_is_reported_not_raised(text: str, message: str) -> None:
    meta = parse_meta(text.split("\n"), "a__phases__x")
    assert meta.ident == "x"
    assert any(message in i.message for i in meta.issues)


def test_yaml_is_loaded_safely() -> None:
    meta = parse_meta(["---", "title: !!python/object/apply:os.system ['true']", "---"], "s")
    assert "not valid YAML" in meta.issues[0].message
