"""One problem type for every check, and the warning subtypes it can carry (no Sphinx import).

Pages, the sequence resolver, the sequence file, the pictogram registry and the settings
all describe what is wrong the same way: a :class:`PhaseWarning` subtype, a message that
says what was found and what was expected, and where. ``warnings.report`` turns one into
one located Sphinx warning.
"""

from __future__ import annotations

import dataclasses as dc
import enum


class PhaseWarning(enum.Enum):
    """Subtypes, so users can write ``suppress_warnings = ["phases.<subtype>"]``."""

    DUPLICATE = "duplicate"
    """Two pages declare the same id, or one page declares two phases; or a label asks
    for the id of an anchor of a phase, a gate or a standard's listing on its page, which
    keeps it (the label's links follow the label's new id)."""
    UNKNOWN = "unknown"
    """``previous``, ``next``, ``parent``, ``loops-to``, a role or the sequence names an id
    that no page declares; or a page declares an id that nothing names, which looks like a
    typo for one that is named (reported once, at the declaration, with the id expected);
    or a ``phase`` role names a gate, a ``gate`` role a phase; or, outside every life
    cycle's folder, a role's bare id that several life cycles declare, or none."""
    ASYMMETRIC = "asymmetric"
    """An explicit previous/next disagrees with the neighbour's link or with
    ``phases_sequence`` (even when following it would also close a cycle), or orders phases
    otherwise than the toctree; the page's own link wins in its navigation."""
    CYCLE = "cycle"
    """The sequence loops other than through a declared ``loops-to``, or a loop goes
    forward."""
    ORPHAN = "orphan"
    """A phase that no sequence reaches, or a sequence with more than one start; or, with
    several life cycles, a phase or gate declared outside every life cycle's folder."""
    PICTOGRAM = "pictogram"
    """An unknown pictogram name, or a pictogram file outside the project, missing,
    unreadable or unsafe."""
    OPTION = "option"
    """An invalid option or front-matter value (bad id, unknown status, wrong type); or an
    overview outside every life cycle's folder that names no life cycle."""
    QUESTION = "question"
    """A ``phase-question`` key that ``phases_questions`` does not configure, or a
    top-level phase page that does not answer a question of ``phases_required_questions``
    (an empty answer, or the text ``sphinx-phases new`` wrote, does not count)."""
    CONFIG = "config"
    """An invalid ``phases_*`` value or sequence file; the default is used."""
    GATE = "gate"
    """A gate between phases that are not neighbours in the reading order, two gates on
    one boundary, a gate with no criteria, or an invalid gate option."""
    STANDARD = "standard"
    """A standard that cannot be read, a duplicate or unknown point, or (with
    ``phases_standard_coverage``) a point no gate assesses."""
    CONTENT = "content"
    """Something in a phase's words (summary, answer, item list) that cannot be shown on
    another page, such as a table of contents; it is left out of the copies."""
    STAGE = "stage"
    """A stage whose phases are not consecutive top-level phases, a phase in two stages,
    or a stage naming a phase no page declares."""


@dc.dataclass(frozen=True)
class Problem:
    """Something wrong in the input: its subtype, what was found and expected, and where.

    Where is a page (*docname*, else the page that recorded the problem), or a file that
    is not a page (*path*: conf.py, a sequence file, an included file), or a ``conf.py``
    *setting* whose line is looked up; *line* is within that file, when known.
    """

    subtype: PhaseWarning
    message: str
    line: int | None = None
    key: str | None = None  # the option at fault, when there is one
    path: str | None = None
    docname: str | None = None
    setting: str | None = None

    def sort_key(self) -> tuple[str, str, int, str]:
        return (self.docname or "", self.path or "", self.line or 0, self.message)
