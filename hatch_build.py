"""Build hook: compile the translation catalogues (.po -> .mo) into the package.

Only the .po sources are kept in git; every wheel, sdist install and editable install
gets freshly compiled .mo files, so the two can never disagree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        for po_path in sorted(Path(self.root, "src").glob("**/LC_MESSAGES/*.po")):
            with po_path.open("rb") as handle:
                catalog = read_po(handle)
            with po_path.with_suffix(".mo").open("wb") as handle:
                write_mo(handle, catalog)
