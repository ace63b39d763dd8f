"""Links: between migrated pages, to the old site, and CamelCase wiki words naming phases."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final
from urllib.parse import urlsplit

from sphinx_phases.cli.ids import WIKI_PHASE_RE, alias, camel_to_id
from sphinx_phases.cli.report import Issue

# Inline code first so that nothing inside it is touched; then ![image](...) and [text](url).
_INLINE: Final = re.compile(
    r"(?P<code>`+)(?P<body>.*?)(?P=code)"
    r"|(?P<bang>!?)\[(?P<label>[^\[\]\n]{0,2000})\]\((?P<url><[^>\n]*>|[^()\s]*)(?P<title>\s+\"[^\"\n]*\")?\)"
)


@dataclass
class LinkContext:
    """What the page being converted can link to."""

    #: id or page name -> output file name, for every page this run writes.
    pages: dict[str, str] = field(default_factory=dict)
    #: ids of the pages that declare a phase (targets of ``{phase}`` roles and neighbours).
    phase_ids: frozenset[str] = frozenset()
    base_url: str | None = None

    def page_for(self, name: str) -> str | None:
        return self.pages.get(alias(name))


def phase_page_name(url: str) -> str | None:
    """``/service-manual/phases/beta.html`` -> ``beta``; ``.../phases/.html`` -> ``""``.

    None when the URL is not a legacy phase page at all.
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # "//[broken" is an invalid IPv6 host: certainly no phase page
        return None
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    segments = parts.path.split("/")
    if len(segments) < 3 or segments[-2] != "phases":
        return None
    name = segments[-1]
    for suffix in (".html", ".md"):
        name = name.removesuffix(suffix)
    return name.lower()


def rewrite_inline(text: str, line: int, ctx: LinkContext, issues: list[Issue]) -> str:
    """Rewrite the links and wiki words of one line of Markdown."""
    out: list[str] = []
    pos = 0
    for match in _INLINE.finditer(text):
        out.append(_wiki_words(text[pos : match.start()], line, ctx, issues))
        if match.group("code"):
            out.append(match.group(0))
        else:
            url = _rewrite_url(match.group("url"), line, ctx, issues, image=bool(match["bang"]))
            label = match.group("label")
            out.append(f"{match['bang']}[{label}]({url}{match.group('title') or ''})")
        pos = match.end()
    out.append(_wiki_words(text[pos:], line, ctx, issues))
    return "".join(out)


def _rewrite_url(
    url: str, line: int, ctx: LinkContext, issues: list[Issue], *, image: bool
) -> str:
    bare = url[1:-1] if url.startswith("<") else url
    name = phase_page_name(bare)
    if name is not None and not image:
        page = ctx.page_for(name) if name else None
        if page:
            fragment = bare.partition("#")[2]
            if fragment:
                issues.append(
                    Issue(
                        line, "dropped", f"anchor '#{fragment}' dropped from link to {page}", bare
                    )
                )
            return page
    if bare.startswith("/") and not bare.startswith("//"):
        if ctx.base_url:
            return ctx.base_url + bare
        issues.append(
            Issue(line, "unresolved", "site-absolute link kept as it is (use --base-url)", bare)
        )
    return url


def _wiki_words(text: str, line: int, ctx: LinkContext, issues: list[Issue]) -> str:
    def replace(match: re.Match[str]) -> str:
        word = match.group(1)
        ident = camel_to_id(word)
        if ident in ctx.phase_ids:
            return f"{{phase}}`{ident}`"
        issues.append(
            Issue(
                line,
                "unresolved",
                f"wiki link {word} names phase '{ident}', which is not migrated: kept as text",
                word,
            )
        )
        return word

    return WIKI_PHASE_RE.sub(replace, text)
