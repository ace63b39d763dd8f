"""``phase-question``: a standard question of a phase page, answered as a real section."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_phases.core.inputs import excerpt
from sphinx_phases.core.messages import ID_PATTERN, did_you_mean
from sphinx_phases.core.placeholders import is_placeholder
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.markup.written import directive_written
from sphinx_phases.sphinx_ext.content import remember
from sphinx_phases.sphinx_ext.domain import phases_domain
from sphinx_phases.sphinx_ext.lifecycles import page_settings


class PhaseQuestionDirective(SphinxDirective):
    """Answer one of ``phases_questions``.

    MyST::

        ```{phase-question} objective
        The objective of this phase is to ...
        ```

    Produces a ``section`` (id ``question-objective``) whose title is the question's
    template filled in for the page's phase ("What is the objective of an alpha?"), set by
    :class:`sphinx_phases.markup.page.PhasePage` once the page's phase is known; so the
    question is in the page's table of contents and can be linked.
    """

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        key = self.arguments[0].strip()
        where = directive_written(self)
        problems: list[Problem] = []
        questions = page_settings(self.env).questions
        if key not in questions:
            known = ", ".join(questions)
            problems.append(
                Problem(
                    PhaseWarning.QUESTION,
                    f"phase-question: key {excerpt(key)} is not configured; "
                    f"expected one of {known}{did_you_mean(key, questions)}",
                    where.line,
                    path=where.included,
                )
            )
        safe_key = key if ID_PATTERN.fullmatch(key) else nodes.make_id(key) or "question"
        section = nodes.section(
            classes=["phases-question", f"phases-question--{safe_key}"],
            ids=[f"question-{safe_key}"],
        )
        section["phases_key"] = key  # where overviews find the answer (content.py)
        self.set_source_info(section)
        section += nodes.title(key, key)
        body = self.parse_content_to_nodes()
        section += body
        domain = phases_domain(self.env)
        domain.note_question(
            self.env.docname, key, where.line, problems, unanswered(body), where.included
        )
        remember(self.env, section)
        # PhasePage titles these once the page's phase (and so its noun) is known.
        pending = self.env.current_document.get("phases_questions") or []
        pending.append((section, key))
        self.env.current_document["phases_questions"] = pending
        return [section]


def unanswered(body: list[nodes.Node]) -> str | None:
    """Why an answer does not count yet: ``"empty"``, ``"placeholder"``, or None.

    Decided here, while the page is read, so the check of required questions costs a
    look-up per question (docs/reference/questions.md). An answer is empty when its body
    holds nothing but comments; it is a placeholder when any of its paragraphs is still a
    sentence ``sphinx-phases new`` wrote.
    """
    content = [node for node in body if not isinstance(node, nodes.comment | nodes.system_message)]
    if not content:
        return "empty"
    for node in content:
        if any(is_placeholder(p.astext()) for p in node.findall(nodes.paragraph)):
            return "placeholder"
    return None
