"""Numbers in labels: a label that counts something has every plural form of the language
(Welsh has more than two), and a label that only names a place needs none."""

from __future__ import annotations

import ast
import gettext
import importlib.util
import re
import string
from pathlib import Path
from types import ModuleType

import pytest
import sphinx.locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from sphinx_phases.locale import CATALOG, ngettext

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "sphinx_phases"
LOCALE = PACKAGE / "locale"
WELSH = LOCALE / "cy" / "LC_MESSAGES" / "sphinx_phases.po"

#: The placeholders a number fills (pages.py fills {n} and {total} with a position).
NUMBER_FIELDS = frozenset({"n", "total", "count"})

#: The labels with a number that counts nothing: it names a place in the sequence, and the
#: noun stands before it, so no word agrees with it ("Phase 3 of 7"; in Welsh "Cyfnod 3 o
#: 7", where the numeral mutates nothing either). Each needs one form in every language.
POSITIONS = frozenset(
    {"Phase {n} of {total}", "Part {n} of {total} of {parent}", "Gate {n} of {total}"}
)


def _read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def _fields(text: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(text) if name}


def _messages_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("messages_tool", ROOT / "tools" / "messages.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def plural_problems(template: Catalog, translated: Catalog) -> list[str]:
    """Each plural message of *template* whose translation lacks one of the forms the
    translation's ``Plural-Forms`` header declares, or has more."""
    problems = []
    wanted = translated.num_plurals
    for message in template:
        if not message.id or not message.pluralizable:
            continue
        found = translated.get(message.id)
        forms = found.string if found is not None else ()
        if not isinstance(forms, tuple):
            forms = (forms,)
        empty = [i for i, form in enumerate(forms) if not form]
        if len(forms) != wanted or empty:
            problems.append(f"{message.id[0]!r}: {len(forms) - len(empty)} of {wanted} forms")
    return problems


def test_a_number_in_a_label_counts_through_ngettext_or_names_a_place() -> None:
    template = _read(LOCALE / "sphinx_phases.pot")
    singular = {m.id for m in template if m.id and not m.pluralizable}
    numbered = {m for m in singular if isinstance(m, str) and _fields(m) & NUMBER_FIELDS}
    # A new label with a number either counts (ngettext) or joins POSITIONS, with its reason.
    assert numbered == POSITIONS


def test_only_number_fields_take_numbers() -> None:
    # A label filled with a count (len(...), a sum, a literal) names the field as a number,
    # so the test above sees it. Names the keyword arguments of .format() and _words().
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "cli" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            if name not in ("format", "_words"):
                continue
            for keyword in node.keywords:
                value = keyword.value
                counts = (
                    isinstance(value, ast.BinOp)
                    or (isinstance(value, ast.Constant) and type(value.value) is int)
                    or (isinstance(value, ast.Call) and getattr(value.func, "id", "") == "len")
                )
                if counts and keyword.arg not in NUMBER_FIELDS:
                    found.append(f"{path.name}:{node.lineno}: {keyword.arg}")
    assert found == []


def test_a_plural_goes_through_ngettext() -> None:
    # _() takes one message: a count through it would be extracted with one form only.
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "_"
                and len(node.args) != 1
            ):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_the_tool_extracts_both_forms_of_a_count(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "labels.py").write_text(
        "from sphinx_phases.locale import ngettext\n"
        'LABEL = ngettext("{count} gate", "{count} gates", 2)\n'
    )
    catalog = _messages_tool().template(package)
    assert [m.id for m in catalog if m.id] == [("{count} gate", "{count} gates")]


def test_the_welsh_header_declares_the_forms_its_rule_chooses() -> None:
    welsh = _read(WELSH)
    header = dict(welsh.mime_headers)["Plural-Forms"]
    match = re.fullmatch(r"nplurals=(\d+); plural=(.+);", header)
    assert match is not None, header
    rule = gettext.c2py(match[2])
    chosen = {rule(n) for n in range(1001)}
    assert chosen == set(range(int(match[1])))
    assert welsh.num_plurals == int(match[1])


def test_every_counted_label_has_every_welsh_form() -> None:
    assert plural_problems(_read(LOCALE / "sphinx_phases.pot"), _read(WELSH)) == []


def test_a_missing_welsh_form_is_found() -> None:
    # What the test above reports for a counted label translated in part.
    template = Catalog()
    template.add(("{count} gate", "{count} gates"))
    template.add(("{count} point", "{count} points"))
    welsh = _read(WELSH)
    forms = [f"{{count}} porth ({i})" for i in range(welsh.num_plurals)]
    welsh.add(("{count} gate", "{count} gates"), tuple(forms))
    welsh.add(("{count} point", "{count} points"), (*forms[:-1], ""))
    assert plural_problems(template, welsh) == [
        f"'{{count}} point': {welsh.num_plurals - 1} of {welsh.num_plurals} forms"
    ]


def test_ngettext_chooses_the_form_the_welsh_rule_chooses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A counted label in a Welsh catalogue: each number gets the form the header's rule
    # picks, through the translator Sphinx keeps for the build's language.
    welsh = _read(WELSH)
    forms = tuple(f"{{count}} porth (ffurf {i})" for i in range(welsh.num_plurals))
    welsh.add(("{count} gate", "{count} gates"), forms)
    messages = tmp_path / "cy" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    with (messages / f"{CATALOG}.mo").open("wb") as handle:
        write_mo(handle, welsh)
    monkeypatch.setattr(sphinx.locale, "translators", {})
    sphinx.locale.init([tmp_path], "cy", CATALOG)
    rule = gettext.c2py(welsh.plural_expr)
    for n in (0, 1, 2, 3, 6, 8, 11, 20):
        assert ngettext("{count} gate", "{count} gates", n) == forms[rule(n)], n
    assert ngettext("{count} point", "{count} points", 1) == "{count} point"  # untranslated
    assert ngettext("{count} point", "{count} points", 2) == "{count} points"
