"""The reference pages say what the code does (issue 21 item 11).

Each claim below was once wrong: anchors were said to be refused (only aliases are), a
point with a problem was said to be left out (an unquoted comma kept it, its title cut),
and the Phase index lists gates too. The MyST nesting trap's warning is a defect root
(``test-defect-question-in-code``, tests/test_defects.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_phases.core.inputs import YamlRefused, compose_yaml
from sphinx_phases.core.standards import load_standards

DOCS = Path(__file__).parent.parent / "docs"


def _page(name: str) -> str:
    return " ".join((DOCS / "reference" / f"{name}.md").read_text("utf8").split())


def test_an_anchor_is_read_and_an_alias_refused_as_the_docs_say() -> None:
    assert compose_yaml("sequence: &a [alpha]\n") is not None
    with pytest.raises(YamlRefused, match="alias"):
        compose_yaml("sequence: &a [alpha]\nloops: *a\n")
    for page in ("configuration", "standards"):
        text = _page(page)
        assert "anchors and aliases (`&name`, `*name`) are refused" not in text
        assert "an alias (`*name`) is refused" in text


def test_an_unquoted_comma_in_a_point_is_told_and_documented(tmp_path: Path) -> None:
    (tmp_path / "s.yml").write_text(
        "title: S\npoints:\n  - {id: 1, title: Understand users, and their needs}\n", "utf8"
    )
    standards, problems = load_standards({"s": "s.yml"}, tmp_path, tmp_path, "conf.py")
    # Kept, with the title the comma cut: the warning says how to write it.
    assert [(p.id, p.title) for p in standards["s"].points] == [("1", "Understand users")]
    assert [p.message for p in problems] == [
        "standard 's' has the unknown key 'and their needs' in the point '1'; expected 'id', "
        "'title', 'section' and 'url' (a ',' ends an unquoted value inside {...}: quote the "
        "value before it)"
    ]
    text = _page("standards")
    assert "A point with a problem is left out" not in text
    assert "an unquoted comma ends the title" in text


def test_the_docs_say_the_phase_index_lists_gates() -> None:
    assert "it lists gates too" in _page("references")
