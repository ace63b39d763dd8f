"""Raw HTML in migrated pages: parsed, kept only if allow-listed, and written out again.

Nothing a legacy page holds may run in the migrated site (docs/how-to/migrate.md). Pattern
stripping cannot promise that: removing ``<script>x</script>`` from
``<scr<script>x</script>ipt>`` leaves a live ``<script>``. So HTML is parsed into a tree
(the standard library's :mod:`html.parser`) and the tree is written out again, keeping
only the elements and attributes of the allow-lists below, with every text and attribute
value escaped. Whatever the input's nesting, the output holds no tag but an allowed one.

- :func:`sanitise_fragment` does that to a block of HTML (a ``{raw} html`` block).
- :func:`safe_markdown` checks a whole MyST text the way MyST's own parser
  (markdown-it-py) reads it, and rewrites every piece of HTML in it that is not already
  in that safe form: raw blocks, HTML blocks and inline tags, also inside directives.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Final

from markdown_it import MarkdownIt
from markdown_it.common.html_re import HTML_TAG_RE
from markdown_it.token import Token

#: Elements kept (with the attributes allowed below): text structure, tables, media.
ALLOWED: Final = frozenset(
    {
        "a", "abbr", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote", "br",
        "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div",
        "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "main", "mark", "nav", "ol",
        "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "source",
        "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "time", "tr", "u", "ul", "var", "video", "wbr",
    }
)  # fmt: skip
#: Elements dropped together with everything inside them: code, styles, embedded
#: documents, forms, and elements whose content a browser does not read as HTML.
DROPPED_WITH_CONTENT: Final = frozenset(
    {
        "applet", "base", "button", "embed", "form", "frame", "frameset", "head", "iframe",
        "input", "link", "math", "meta", "noembed", "noframes", "noscript", "object",
        "plaintext", "script", "select", "style", "svg", "template", "textarea", "title",
        "xmp",
    }
)  # fmt: skip
#: Any other element is unwrapped: its tags are dropped, its content kept.
VOID: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
_GLOBAL_ATTRIBUTES: Final = frozenset({"class", "id", "title", "lang", "dir", "role"})
_ATTRIBUTES: Final = {
    "a": {"href", "rel"},
    "audio": {"src", "controls", "loop", "muted", "preload"},
    "blockquote": {"cite"},
    "col": {"span"},
    "colgroup": {"span"},
    "del": {"cite", "datetime"},
    "details": {"open"},
    "img": {"src", "alt", "width", "height"},
    "ins": {"cite", "datetime"},
    "li": {"value"},
    "ol": {"start", "type", "reversed"},
    "q": {"cite"},
    "source": {"src", "type"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "time": {"datetime"},
    "video": {"src", "poster", "controls", "loop", "muted", "preload", "width", "height"},
}
_URL_ATTRIBUTES: Final = frozenset({"href", "src", "cite", "poster"})
#: The only URL schemes kept; any other (javascript:, vbscript:, data:, ...) is dropped.
SCHEMES: Final = frozenset({"http", "https", "mailto", "tel"})
# What a browser ignores in a URL: C0 controls, space, DEL and C1 controls.
_IGNORED_IN_URL: Final = re.compile(r"[\x00-\x20\x7f-\x9f]+")
_TAG_AT: Final = re.compile(HTML_TAG_RE.pattern)
_MAX_ROUNDS: Final = 12


def allowed_attribute(tag: str, name: str) -> bool:
    return (
        name in _GLOBAL_ATTRIBUTES or name.startswith("aria-") or name in _ATTRIBUTES.get(tag, ())
    )


def safe_url(value: str) -> bool:
    """Whether a URL is relative or uses one of :data:`SCHEMES`, read as a browser would.

    Entities are decoded (until nothing changes) and the characters a browser skips are
    removed first, so ``jav&#x09;ascript:`` and ``JAVASCRIPT&colon;`` are caught.
    """
    text = value
    for _ in range(5):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = _IGNORED_IN_URL.sub("", text).replace("\\", "/")
    scheme, colon, _rest = text.partition(":")
    if not colon or any(c in scheme for c in "/?#"):
        return True  # relative: no scheme before the path, query or fragment
    return scheme.lower() in SCHEMES


@dataclass
class _Node:
    tag: str
    attrs: list[tuple[str, str]] = field(default_factory=list)
    children: list[_Node | str] = field(default_factory=list)


class _Close(str):
    """An end tag to write, told apart from text by its type."""

    __slots__ = ()

    def __new__(cls, tag: str) -> _Close:
        return super().__new__(cls, f"</{tag}>")


class _Tree(HTMLParser):
    """A forgiving tree builder: an end tag closes its open element, or is ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self.stack = [self.root]
        self.dropped: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, [(k, v or "") for k, v in attrs])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.dropped.append("an HTML comment")

    def handle_decl(self, decl: str) -> None:
        self.dropped.append(f"a <!{decl[:20]}> declaration")

    def unknown_decl(self, data: str) -> None:
        self.dropped.append(f"a <![{data[:20]}> section")

    def handle_pi(self, data: str) -> None:
        self.dropped.append("a processing instruction")


def _parse(text: str) -> _Tree:
    tree = _Tree()
    try:
        tree.feed(text)
        tree.close()
    except Exception:  # html.parser may raise on hostile input: then keep it as text only
        tree = _Tree()
        tree.root.children.append(text)
        tree.dropped.append("markup the HTML parser cannot read (kept as text)")
    return tree


def _write(root: _Node, out: list[str], dropped: list[str]) -> None:
    # A loop, not recursion: a hostile fragment nests thousands of elements deep.
    pending: list[_Node | str] = list(reversed(root.children))
    while pending:
        child = pending.pop()
        if isinstance(child, str):
            closing = isinstance(child, _Close)
            out.append(child if closing else html.escape(child, quote=False))
        elif child.tag in DROPPED_WITH_CONTENT:
            dropped.append(f"<{child.tag}> element with its content")
        elif child.tag not in ALLOWED:
            dropped.append(f"<{child.tag}> tags (their content is kept)")
            pending.extend(reversed(child.children))
        else:
            out.append(_start_tag(child.tag, child.attrs, dropped))
            if child.tag not in VOID:
                pending.append(_Close(child.tag))
                pending.extend(reversed(child.children))


def _start_tag(tag: str, attrs: list[tuple[str, str]], dropped: list[str]) -> str:
    kept: dict[str, str] = {}
    for name, value in attrs:
        if not allowed_attribute(tag, name):
            dropped.append(f'{name}="{value[:60]}" attribute of <{tag}>')
        elif name in _URL_ATTRIBUTES and not safe_url(value):
            dropped.append(f'{name}="{value[:60]}" of <{tag}>: not an http(s) or relative URL')
        elif name not in kept:
            kept[name] = value
    shown = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in kept.items())
    return f"<{tag}{shown}>"


def sanitise_fragment(text: str) -> tuple[str, list[str]]:
    """*text* parsed and written out again with only allowed markup; and what was dropped.

    The result never starts a line with ``:`` or ``---`` where a MyST directive would
    read it as options: those characters are written as character references.
    """
    tree = _parse(text)
    out: list[str] = []
    dropped = list(tree.dropped)
    _write(tree.root, out, dropped)
    result = "".join(out)
    stripped = result.lstrip()
    if stripped.startswith((":", "-")):
        at = len(result) - len(stripped)
        result = f"{result[:at]}&#{ord(stripped[0])};{stripped[1:]}"
    return result, dropped


def sanitise_tag(tag: str) -> tuple[str, list[str]]:
    """One inline tag (``<a href=...>``, ``</b>``, ``<!-- -->``): its safe form, or ''."""
    if tag.startswith("</"):
        name = tag[2:].strip(" \t\n>").lower()
        return (f"</{name}>", []) if name in ALLOWED and name not in VOID else ("", [tag])
    if not tag.startswith("<") or tag[1:2] in {"!", "?"}:
        return "", [tag]
    tree = _parse(tag)
    elements = [c for c in tree.root.children if isinstance(c, _Node)]
    if len(elements) != 1 or elements[0].tag not in ALLOWED:
        return "", [tag]
    node = elements[0]
    dropped: list[str] = []
    safe = _start_tag(node.tag, node.attrs, dropped)
    return safe, [f"{tag} ({'; '.join(dropped)})"] if dropped else []


def _clean_tags(text: str) -> tuple[str, list[str]]:
    """Every tag markdown-it would pass through as HTML, made safe or dropped."""
    dropped: list[str] = []

    def replace(match: re.Match[str]) -> str:
        safe, lost = sanitise_tag(match[0])
        dropped.extend(lost)
        return safe

    return _TAG_AT.sub(replace, text), dropped


def _inline_safe(token: Token) -> bool:
    return all(
        child.type != "html_inline" or sanitise_tag(child.content) == (child.content, [])
        for child in token.children or []
    )


def _block_safe(content: str) -> bool:
    return sanitise_fragment(content.rstrip("\n"))[0] == content.rstrip("\n")


_Edit = tuple[int, int, Callable[[str], tuple[str, list[str]]]]


def _directive_body(text: str) -> tuple[str, list[str]]:
    safe, dropped = safe_markdown(text)
    return safe, [what for _lines, what in dropped]


def _edits(tokens: list[Token], lines: list[str]) -> list[_Edit]:
    edits: list[_Edit] = []
    for token in tokens:
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "fence":
            info = token.info.strip()
            if not info.startswith("{"):
                continue  # literal code: MyST shows it as text
            inner_end = end - 1 if end - 1 > start and _closes(lines[end - 1]) else end
            if info.split()[0] == "{raw}":
                if not _block_safe(token.content):
                    edits.append((start + 1, inner_end, sanitise_fragment))
            else:  # a directive's body is MyST text again
                content = "\n".join(lines[start + 1 : inner_end])
                if safe_markdown(content)[0] != content:
                    edits.append((start + 1, inner_end, _directive_body))
        elif token.type == "html_block":
            if not _block_safe(token.content):
                edits.append((start, end, sanitise_fragment))
        elif token.type == "inline" and not _inline_safe(token):
            edits.append((start, end, _clean_tags))
    return edits


def _closes(line: str) -> bool:
    return line.strip().startswith(("```", "~~~"))


def safe_markdown(text: str) -> tuple[str, list[tuple[str, str]]]:
    """MyST *text* with every piece of HTML in it allow-listed, and what was dropped.

    It is parsed as MyST's parser does (markdown-it-py, CommonMark with HTML on); each
    HTML block, inline tag and ``{raw}`` block that is not already in safe form is
    rewritten, and the text parsed again, until nothing is left to rewrite. Should that
    not settle, every ``<`` of the lines still in question (then of the whole text) is
    written as ``&lt;``, which no parser reads as a tag. Each dropped piece is given as
    (the lines it was on, what was dropped).
    """
    dropped: list[tuple[str, str]] = []
    if "<" not in text:
        return text, dropped  # no tag, no HTML block: nothing for a browser to run
    parser = MarkdownIt("commonmark")
    # Line ends as markdown-it counts them, so that its line numbers are ours.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for _round in range(_MAX_ROUNDS):
        edits = _edits(parser.parse("\n".join(lines)), lines)
        if not edits:
            return "\n".join(lines), dropped
        for start, end, clean in sorted(edits, key=lambda edit: -edit[0]):
            before = "\n".join(lines[start:end])
            cleaned, lost = clean(before)
            dropped.extend((before, what) for what in lost)
            lines[start:end] = cleaned.split("\n") if start < end else []
    for start, end, _clean in _edits(parser.parse("\n".join(lines)), lines):
        before = "\n".join(lines[start:end])
        dropped.append((before, "markup that does not settle into a safe form: '<' escaped"))
        lines[start:end] = [line.replace("<", "&lt;") for line in lines[start:end]]
    result = "\n".join(lines)
    if _edits(parser.parse(result), lines):
        result = result.replace("<", "&lt;")
    return result, dropped
