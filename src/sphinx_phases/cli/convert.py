"""One legacy page body -> MyST Markdown, neighbour ids and report issues. No Sphinx here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from sphinx_phases.cli import htmlblocks, pictogram_lists, sanitise, wiki
from sphinx_phases.cli.links import LinkContext, rewrite_inline
from sphinx_phases.cli.navlinks import NavLink, nav_from_line
from sphinx_phases.cli.neighbours import Neighbours
from sphinx_phases.cli.outline import (
    Out,
    lift_sections,
    longest_backticks,
    prune_empty_headings,
    render,
)
from sphinx_phases.cli.report import Issue

# Inline rewriting of longer lines could take quadratic time on hostile input; such lines
# are almost certainly not prose, so they pass through untouched (and reported).
LINE_LIMIT: Final = 10_000


@dataclass
class Converted:
    """The result of converting one page body."""

    body: str
    previous: str | None = None
    next: str | None = None
    issues: list[Issue] = field(default_factory=list)
    uses_attributes: bool = False
    summary: str | None = None  # from a summary section (see legacy.yml's ``sections``)


class _Converter:
    def __init__(self, lines: list[str], first_line: int, ctx: LinkContext, own_id: str | None):
        self.lines = lines
        self.first = first_line
        self.ctx = ctx
        self.out: list[Out] = []
        self.issues: list[Issue] = []
        self.neighbours = Neighbours(own_id, ctx.phase_ids, self.issues)
        self.uses_attributes = False
        self.list_level = -1

    def drop(self, line: int, message: str, text: str) -> None:
        self.issues.append(Issue(line, "dropped", message, text))

    def emit(self, kind: str, text: str = "", *, level: int = 0, line: int = 0) -> None:
        after_blank = bool(self.out) and self.out[-1].kind == "blank"
        if kind in {"heading", "block", "invisible"} or (kind == "text" and after_blank):
            self.list_level = -1  # a new paragraph or block ends any wiki list
        self.out.append(Out(kind, text, level, line))

    def inline(self, text: str, line: int) -> str:
        return rewrite_inline(text, line, self.ctx, self.issues)

    def run(self) -> list[Out]:
        index = 0
        while index < len(self.lines):
            index = self.step(index)
        return self.out

    def step(self, index: int) -> int:
        line, no = self.lines[index], self.first + index
        if len(line) > LINE_LIMIT:
            message = f"line of {len(line)} characters kept as it is, not converted"
            self.issues.append(Issue(no, "unresolved", message))
            self.emit("text", line, line=no)
            return index + 1
        if wiki.fence(line):
            return self.code_block(index)
        if not line.strip():
            self.emit("blank")
            return index + 1
        if wiki.is_liquid(line):
            self.drop(no, "Liquid template tag dropped (the migrated site has no Jekyll)", line)
            return index + 1
        note = wiki.editor_note(line)
        if note:
            self.drop(no, note, line.strip())
            return index + 1
        if wiki.is_abbreviation(line):
            self.drop(no, "kramdown abbreviation has no MyST equivalent", line.strip())
            return index + 1
        attributes = wiki.attribute_line(line)
        if attributes is not None:
            self.attribute(attributes, index)
            return index + 1
        if htmlblocks.opens_block(line):
            return self.html(index)
        self.text(line, no)
        return index + 1

    def code_block(self, index: int) -> int:
        marker = wiki.fence(self.lines[index]) or "```"
        opening = self.lines[index]
        info = opening[opening.index(marker) + len(marker) :].strip()
        if info.startswith("{"):
            # In MyST ```{name} runs a directive ({raw}, {include}): a legacy page's code
            # block stays code, so its info string goes.
            message = "code block info string dropped: in MyST it would run a directive"
            self.drop(self.first + index, message, opening.strip())
            self.lines[index] = opening[: opening.index(marker) + len(marker)]
        end = index + 1
        while end < len(self.lines):
            closing = wiki.fence(self.lines[end])
            if closing and closing[0] == marker[0] and len(closing) >= len(marker):
                end += 1
                break
            end += 1
        self.emit("block", "\n".join(self.lines[index:end]), line=self.first + index)
        return end

    def attribute(self, body: str, index: int) -> None:
        no = self.first + index
        following = self.lines[index + 1] if index + 1 < len(self.lines) else ""
        if "phase-nav" in body.split(".") or ".phase-nav" in body:
            # It only styled the hand-written navigation, which becomes data.
            message = "kramdown attribute list of the navigation dropped (it is generated)"
            self.drop(no, message, f"{{:{body}}}")
            return
        converted = wiki.myst_attributes(body)
        if not following.strip():
            self.drop(no, "kramdown attribute list attached to nothing", f"{{:{body}}}")
        elif converted is None:
            self.drop(no, "kramdown attribute list MyST cannot express", f"{{:{body}}}")
        else:
            self.emit("text", converted, line=no)
            self.uses_attributes = True

    def html(self, index: int) -> int:
        end = htmlblocks.block_end(self.lines, index)
        no = self.first + index
        result = htmlblocks.convert_block(self.lines[index:end], no)
        self.issues.extend(result.issues)
        if result.comment is not None:
            comment = "\n".join(f"% {c}".rstrip() for c in result.comment)
            self.emit("invisible", comment, line=no)
        elif result.pictograms is not None:
            caption = self.take_caption()
            self.emit("block", "\n".join(pictogram_lists.render(result.pictograms, caption)))
            for item in result.pictograms:
                if item.pictogram and item.pictogram not in pictogram_lists.KNOWN_PICTOGRAMS:
                    message = f"pictogram '{item.pictogram}' is not a known pictogram name"
                    self.issues.append(Issue(no, "unresolved", message, item.label))
        elif result.nav is not None:
            for link in result.nav:
                self.neighbours.add(link, no)
        elif result.markdown is not None:
            self.emit("text", self.inline(result.markdown, no), line=no)
        elif not result.empty:
            fence = "`" * max(3, longest_backticks(result.raw or "") + 1)
            kind = "invisible" if result.invisible else "block"
            self.emit(kind, f"{fence}{{raw}} html\n{result.raw}\n{fence}", line=no)
        return end

    def take_caption(self) -> str | None:
        """Take the heading or one-line paragraph right before a pictogram list as caption."""
        index = len(self.out) - 1
        while index >= 0 and self.out[index].kind == "blank":
            index -= 1
        if index < 0:
            return None
        last = self.out[index]
        before = self.out[index - 1].kind if index > 0 else "blank"
        text = last.text.strip()
        if any(c in text for c in "[]`{}") or not text:
            return None
        if last.kind == "heading" and not wiki.is_question(text):
            del self.out[index:]
            return text
        paragraph = before in {"blank", "heading"} and not wiki.bullet(text)
        if last.kind == "text" and paragraph and text.endswith(":") and len(text) <= 100:
            del self.out[index:]
            return text.rstrip(":").strip() or None
        return None

    def text(self, line: str, no: int) -> None:
        heading = wiki.heading(line)
        nav = nav_from_line(line)
        if nav is not None:
            self.neighbours.add(NavLink(nav.direction, nav.target, line.strip()), no)
            if heading is not None:  # it still ended the section above it
                self.emit("boundary", level=heading.level, line=no)
        elif heading is not None:
            if not heading.text:
                pass  # a lone "#": no text to keep
            elif wiki.is_blank_template(heading.text):
                message = "template heading with the phase name left blank dropped"
                self.drop(no, message, line.strip())
            else:
                self.emit("heading", self.inline(heading.text, no), level=heading.level, line=no)
        elif (bullet := wiki.bullet(line)) is not None:
            level = min(bullet[0], self.list_level + 1)
            self.emit("text", "  " * level + "- " + self.inline(bullet[1], no), line=no)
            self.list_level = level  # after emit(), which resets it for a new paragraph
        else:
            continues_item = self.list_level >= 0 and self.out[-1].kind == "text"
            indent = "  " * (self.list_level + 1) if continues_item else ""
            self.emit("text", indent + self.inline(line.lstrip(" \t"), no), line=no)


_UNSAFE: Final = "HTML that could run code, or is not on the allow-list, dropped"


def _line_of(where: str, lines: list[str], first_line: int) -> int:
    """The source line of the first of the output lines *where*, when it can be found."""
    needle = next((line.strip() for line in where.split("\n") if line.strip()), "")
    for index, line in enumerate(lines):
        if needle and needle in line:
            return first_line + index
    return first_line


def convert_body(
    lines: list[str],
    first_line: int,
    ctx: LinkContext,
    own_id: str | None = None,
    *,
    summary_given: bool = False,
) -> Converted:
    """Convert the body ``lines`` (line ``first_line`` of the file first) of one page.

    On a phase page (``own_id`` set), sections that carry phase data become it: see
    :func:`sphinx_phases.cli.outline.lift_sections`; ``summary_given`` says the page's
    front matter has a summary already.
    """
    text, issues = htmlblocks.strip_active("\n".join(lines), first_line)
    converter = _Converter(text.split("\n"), first_line, ctx, own_id)
    converter.issues.extend(issues)
    out = prune_empty_headings(converter.run(), converter.issues)
    summary = None
    if own_id is not None:
        lifted = lift_sections(out, converter.issues, summary_given=summary_given)
        out, summary = lifted.items, lifted.summary
    previous, following = converter.neighbours.resolved()
    body, dropped = sanitise.safe_markdown(render(out))
    grouped: dict[str, list[str]] = {}
    for where, what in dropped:
        grouped.setdefault(where, []).append(what)
    for where, whats in grouped.items():
        line = _line_of(where, lines, first_line)
        message = f"{_UNSAFE}: {'; '.join(whats)}"
        converter.issues.append(Issue(line, "dropped", message, where))
    converter.issues.sort(key=lambda issue: issue.line)  # the pruning pass walks backwards
    return Converted(
        body=body,
        previous=previous,
        next=following,
        issues=converter.issues,
        uses_attributes=converter.uses_attributes,
        summary=summary,
    )
