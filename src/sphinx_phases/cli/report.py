"""The migration report: what was dropped, kept raw, moved or unresolved, per file and line."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Final

#: Report kinds, most serious first. Only ``error`` makes the command exit with status 1:
#: everything else is a normal outcome of migrating hand-written pages.
KINDS: Final = ("error", "conflict", "unresolved", "raw", "dropped", "moved", "hidden")

# Long texts (a dropped <script>, a 5 MB line) would drown the terminal; the JSON report
# always carries the full text so that nothing is lost.
_TEXT_PREVIEW = 300


@dataclass(frozen=True)
class Issue:
    """One thing the converter could not carry over as it was."""

    line: int
    kind: str
    message: str
    text: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown report kind {self.kind!r}")


@dataclass
class FileReport:
    """Everything the migration says about one source file."""

    source: str
    output: str | None = None
    phase: str | None = None
    issues: list[Issue] = field(default_factory=list)

    def add(self, line: int, kind: str, message: str, text: str = "") -> None:
        self.issues.append(Issue(line, kind, message, text))

    def extend(self, issues: list[Issue]) -> None:
        self.issues.extend(issues)


@dataclass
class Report:
    """The whole run's report, in the order the sources were given."""

    files: list[FileReport] = field(default_factory=list)
    #: Files the run writes (or would write, under ``--dry-run``), relative to OUTDIR.
    written: list[str] = field(default_factory=list)
    #: Advice about the run as a whole (an existing index.md to update, ...).
    notes: list[str] = field(default_factory=list)
    #: Problems that belong to no single source (an unwritable OUTDIR, ...).
    errors: list[str] = field(default_factory=list)
    #: The ``--report`` file may not be written (it is not part of the JSON).
    report_refused: bool = False

    def for_source(self, source: str) -> FileReport:
        report = FileReport(source)
        self.files.append(report)
        return report

    def counts(self) -> Counter[str]:
        return Counter(issue.kind for f in self.files for issue in f.issues)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or self.counts()["error"] > 0

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "version": 1,
            "files": [
                {
                    "source": f.source,
                    "output": f.output,
                    "phase": f.phase,
                    "issues": [asdict(i) for i in sorted(f.issues, key=_order)],
                }
                for f in self.files
            ],
            "written": self.written,
            "notes": self.notes,
            "errors": self.errors,
            "summary": {kind: self.counts()[kind] for kind in KINDS},
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def to_text(self, *, dry_run: bool = False) -> str:
        lines: list[str] = []
        for f in self.files:
            target = f"-> {f.output}" if f.output else "-> (not written)"
            phase = f" (phase {f.phase})" if f.phase else ""
            lines.append(f"{f.source} {target}{phase}")
            for issue in sorted(f.issues, key=_order):
                lines.append(f"{f.source}:{issue.line}: {issue.kind}: {issue.message}")
                lines.extend(f"    | {t}" for t in _preview(issue.text))
        lines.extend(f"note: {note}" for note in self.notes)
        lines.extend(f"error: {error}" for error in self.errors)
        verb = "would write" if dry_run else "wrote"
        lines.append(f"{verb} {len(self.written)} file(s): {', '.join(self.written) or '-'}")
        counts = self.counts()
        summary = ", ".join(f"{counts[k]} {k}" for k in KINDS if counts[k])
        lines.append(f"summary: {len(self.files)} source(s); {summary or 'nothing to report'}")
        return "\n".join(lines) + "\n"


def _order(issue: Issue) -> tuple[int, int]:
    return (issue.line, KINDS.index(issue.kind))


def _preview(text: str) -> list[str]:
    if not text:
        return []
    short = text if len(text) <= _TEXT_PREVIEW else text[:_TEXT_PREVIEW] + " [...]"
    lines = short.splitlines()
    return lines[:8] + (["[...]"] if len(lines) > 8 else [])
