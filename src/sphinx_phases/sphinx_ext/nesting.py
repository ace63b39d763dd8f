"""MyST's nesting trap, found for the warning of a missing required question.

A fence inside a ``phase-question`` as long as the question's own ends the question early,
and the fence after it opens a code block that swallows the next question
(docs/reference/questions.md, "Directives inside an answer"). The warning for a required
question a page lacks then says so, at that code block.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

# A code block that holds a question directive as its first line: MyST's nesting trap.
_QUESTION_IN_CODE = re.compile(r"\s*(?:`{3,}|~{3,}|:{3,})?\s*\{phase-question\}[ \t]*(\S*)")


def question_in_code(
    env: BuildEnvironment, docname: str, key: str
) -> tuple[int | None, str | None] | None:
    """Where a code block on *docname* starts with the ``phase-question`` directive of
    *key* (its line, and its file when another file included it): a fence inside the
    section before it ended that section early, and the question became code
    (docs/reference/questions.md). Looked for only when a page lacks a required question."""
    try:
        tree = env.get_doctree(docname)
    except Exception:  # no doctree to look in: the warning goes without the hint
        return None
    page = str(env.doc2path(docname))
    for block in tree.findall(nodes.literal_block):
        found = _QUESTION_IN_CODE.match(block.astext())
        if found is not None and found[1] == key:
            return block.line, (block.source if block.source not in (None, page) else None)
    return None
