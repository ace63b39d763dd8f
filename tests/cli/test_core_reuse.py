"""The command line reuses the core (ids, statuses, pictograms, the resolver) and keeps the
legacy manual's own rules as data in ``cli/legacy.yml`` (issue 11 item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.common.html_blocks import block_names

from sphinx_phases.cli import frontmatter, htmlblocks, ids, legacy, main, pictogram_lists
from sphinx_phases.cli.frontmatter import parse_meta
from sphinx_phases.core import colors, messages, model, pictograms


def test_ids_and_statuses_come_from_the_model() -> None:
    assert vars(frontmatter)["STATUSES"] is model.STATUSES
    for value in ["alpha", "public-beta", "Bad_Id", "a--b", "-a", "ärger", "x1"]:
        assert ids.is_phase_id(value) == bool(messages.ID_PATTERN.fullmatch(value))
    assert ids.slug("Public Beta!") == messages.slug("Public Beta!")


def test_standard_phases_and_pictograms_come_from_the_core() -> None:
    assert tuple(colors.LEGACY_PALETTE) == ids.STANDARD_ORDER
    assert set(ids.STANDARD_ORDER) == pictograms.STANDARD_PICTOGRAMS
    assert frozenset(pictograms.builtin()) == pictogram_lists.KNOWN_PICTOGRAMS


def test_block_tags_are_markdown_its_plus_named_legacy_extras() -> None:
    assert set(block_names) <= htmlblocks.BLOCK_TAGS
    assert htmlblocks.BLOCK_TAGS - set(block_names) == set(htmlblocks.LEGACY_BLOCK_TAGS)
    assert all(reason for reason in htmlblocks.LEGACY_BLOCK_TAGS.values())


def test_the_rules_file_holds_the_legacy_manual_rules() -> None:
    rules = legacy.RULES
    assert rules.is_site_title("Government  service design MANUAL")
    assert rules.wiki_aliases["decommisioning"] == "decommissioning"
    assert "breadcrumbs" in rules.dead_fields
    assert rules.section_key("Team:") == "team"
    assert rules.section_key("## Team") is None
    from sphinx_phases.core.config import DEFAULT_QUESTIONS

    assert set(rules.sections.values()) <= {legacy.SUMMARY, *DEFAULT_QUESTIONS}


def test_the_code_follows_the_rules_file(monkeypatch: pytest.MonkeyPatch) -> None:
    text = legacy.RULES_FILE.read_text("utf-8")
    text = text.replace("  decommisioning: decommissioning", "  old-name: new-name")
    text = text.replace("  - Government Service Design Manual", "  - Our Intranet")
    monkeypatch.setattr(legacy, "RULES", legacy.parse_rules(text))
    assert ids.camel_to_id("OldNamePhase") == "new-name"
    assert ids.camel_to_id("DecommisioningPhase") == "decommisioning"
    meta = parse_meta(["---", "title: Our intranet", "---"], "x__phases__alpha")
    assert meta.title == "Alpha"
    assert "site-wide title" in meta.issues[0].message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a list", "mapping"),
        ("site_titles: Oops", "list of texts"),
        ("wiki_aliases: {Bad Id: x}", "phase ids"),
        ("sections: {summary: [Summary], 'not a key': [X]}", "not a question key"),
        ("colour: red", "unknown rules"),
    ],
)
def test_a_broken_rules_file_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        legacy.parse_rules(text)


def _page(folder: Path, ident: str, front: str) -> None:
    folder.mkdir(exist_ok=True)
    text = f"---\nphase:\n  id: {ident}\n{front}---\n\nAbout {ident}.\n"
    (folder / f"site__phases__{ident}.md").write_text(text, "utf-8")


def test_toctree_order_is_the_cores_resolved_reading_order(tmp_path: Path) -> None:
    """Sub-phases follow their parent (depth first), as sequence.resolve() reads them."""
    src = tmp_path / "src"
    _page(src, "private-beta", "  parent: beta\n")
    _page(src, "live", "")
    _page(src, "beta", "")
    _page(src, "public-beta", "  parent: beta\n  previous: private-beta\n")
    out = tmp_path / "out"
    assert main(["migrate", str(src), "-o", str(out)]) == 0
    index = (out / "index.md").read_text("utf-8")
    toctree = index.split(":maxdepth: 1\n\n")[1].split("\n```")[0].split("\n")
    assert toctree == ["beta", "private-beta", "public-beta", "live"]
