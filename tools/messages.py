"""Regenerate the message catalogue template from the code, and merge it into every catalogue.

    python tools/messages.py          # write locale/sphinx_phases.pot, update each .po
    python tools/messages.py --check  # exit 1 if the .pot is not what the code says

Every string the extension writes goes through ``_()`` (or ``translatable()`` where it is
translated later, or ``ngettext()`` where it counts something), so this finds them all;
tests/test_catalogue.py runs the check and makes sure the Welsh catalogue translates each
of them, tests/test_plurals.py that a counted one has every plural form.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sphinx_phases"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "sphinx_phases.pot"
KEYWORDS = {"_": None, "label": None, "translatable": None, "ngettext": (1, 2)}


def template(package: Path = PACKAGE) -> Catalog:
    """Every message of the package's code (the command line's excepted: it writes
    English for maintainers, not documents for readers)."""
    catalog = Catalog(project="sphinx-phases", fuzzy=False)
    found = extract_from_dir(
        str(package), method_map=[("cli/**.py", "ignore"), ("**.py", "python")], keywords=KEYWORDS
    )
    for filename, _lineno, message, _comments, _context in found:
        catalog.add(message, locations=[(f"sphinx_phases/{filename}", None)])
    return catalog


def render(catalog: Catalog) -> str:
    # No dates or line numbers: the file changes only when the messages do.
    catalog.creation_date = catalog.revision_date = None  # type: ignore[assignment]
    out = io.BytesIO()
    write_po(out, catalog, omit_header=True, include_lineno=False, sort_output=True, width=99)
    return out.getvalue().decode("utf-8")


def main(argv: list[str]) -> int:
    fresh = template()
    text = render(fresh)
    if "--check" in argv:
        current = TEMPLATE.read_text("utf-8") if TEMPLATE.is_file() else ""
        if current != text:
            print(f"{TEMPLATE} is out of date: run python tools/messages.py", file=sys.stderr)
            return 1
        return 0
    TEMPLATE.write_text(text, "utf-8")
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        catalog.update(fresh, no_fuzzy_matching=True)
        # Babel's template placeholders are noise in a shipped catalogue.
        catalog.msgid_bugs_address = ""
        catalog.last_translator = "sphinx-phases contributors"
        catalog.language_team = catalog.locale.english_name if catalog.locale else ""
        out = io.BytesIO()
        write_po(out, catalog, include_lineno=False, width=99, ignore_obsolete=True)
        po_path.write_bytes(out.getvalue())
        print(
            f"updated {po_path}; untranslated: {sum(1 for m in catalog if m.id and not m.string)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
