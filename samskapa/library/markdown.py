"""Markdown → safe HTML for the knowledge bank, and the authoring check.

Rendering is markdown-it-py's CommonMark preset plus tables, with raw HTML switched off (what an
author types as HTML is shown as text), then nh3 with an explicit allow-list. The second step is
the one that makes the output safe: it does not trust the first.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

import nh3
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6", "hr",
    "img", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Heading ids get a prefix so an author's heading can never take over an id of the page itself
# (such as #main, the skip link's target).
HEADING_ID_PREFIX = "h-"

_md = MarkdownIt("commonmark", {"html": False}).enable("table")

# Link texts that say nothing out of context (WCAG 2.4.4), compared in lower case without
# surrounding punctuation.
VAGUE_LINK_TEXTS = {
    "klicka här", "här", "läs mer", "länk", "mer", "click here", "here", "read more", "link",
    "more",
}  # fmt: skip


def _add_heading_ids(tokens: list[Token]) -> None:
    seen: dict[str, int] = {}
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        text = tokens[index + 1].content if index + 1 < len(tokens) else ""
        base = slugify(text) or "section"
        count = seen.get(base, 0)
        seen[base] = count + 1
        token.attrSet("id", f"{HEADING_ID_PREFIX}{base}" + (f"-{count + 1}" if count else ""))


def _demote_h1(tokens: list[Token]) -> None:
    # The material's title is the page's only h1; an h1 in the body becomes an h2.
    for token in tokens:
        if token.type in {"heading_open", "heading_close"} and token.tag == "h1":
            token.tag = "h2"


def _is_local(url: str) -> bool:
    return url.startswith("/") and not url.startswith("//")


def _link_external_images(tokens: list[Token]) -> None:
    """The Content-Security-Policy loads images from this site only, so an image from another
    site becomes a link to it, with its alt text as the link text."""
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        children: list[Token] = []
        for child in token.children:
            src = str(child.attrGet("src") or "")
            if child.type != "image" or _is_local(src):
                children.append(child)
                continue
            link_open = Token("link_open", "a", 1, attrs={"href": src})
            text = Token("text", "", 0, content=_inline_text(child.children or []) or src)
            children.extend([link_open, text, Token("link_close", "a", -1)])
        token.children = children


def render_markdown(text: str) -> str:
    """Markdown → sanitised HTML, safe to mark as safe in a template."""
    tokens = _md.parse(text or "")
    _link_external_images(tokens)
    _demote_h1(tokens)
    _add_heading_ids(tokens)
    raw = _md.renderer.render(tokens, _md.options, {})
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def html_to_text(markup: str) -> str:
    """The visible text of sanitised HTML: for search, snippets and word counts."""
    # A heading runs into the paragraph after it in a one-line snippet; a dash keeps it apart.
    markup = re.sub(r"</h\d>", " – ", markup)
    text = nh3.clean(re.sub(r"</(p|li|tr|pre|blockquote)>", " \n", markup), tags=set())
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def count_words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def reading_minutes(word_count: int) -> int:
    """Minutes at about 200 words a minute, a careful reading pace for practical material."""
    return max(1, round(word_count / 200))


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based line in the Markdown source, 0 when unknown
    message: Any  # a lazy translatable string


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def _inline_text(children: list[Token]) -> str:
    return "".join(c.content for c in children if c.type in {"text", "code_inline"})


def check_markdown(text: str) -> list[Finding]:
    """Accessibility problems an author can fix: images without alt text, skipped heading
    levels, and link texts that make no sense out of context."""
    findings: list[Finding] = []
    previous_level = 1  # the page's title is the h1
    for token in _md.parse(text or ""):
        if token.type == "heading_open":
            level = int(token.tag[1])
            if level == 1:
                findings.append(
                    Finding(
                        _line(token),
                        _("Use ## for headings: the title is the page's only top-level heading."),
                    )
                )
            elif level > previous_level + 1:
                findings.append(
                    Finding(
                        _line(token),
                        _("Heading level skipped: h%(level)d follows h%(previous)d.")
                        % {"level": level, "previous": previous_level},
                    )
                )
            previous_level = max(level, 2)
        if token.type != "inline" or not token.children:
            continue
        children = token.children
        for index, child in enumerate(children):
            if child.type == "image" and not _inline_text(child.children or []).strip():
                findings.append(Finding(_line(token), _("An image has no alt text.")))
            if child.type == "link_open":
                depth, parts = 0, []
                for inner in children[index + 1 :]:
                    if inner.type == "link_open":
                        depth += 1
                    elif inner.type == "link_close":
                        if depth == 0:
                            break
                        depth -= 1
                    elif inner.type in {"text", "code_inline"}:
                        parts.append(inner.content)
                    elif inner.type == "image":  # a linked image: its alt text is the name
                        parts.append(_inline_text(inner.children or []))
                label = re.sub(r"^[\W_]+|[\W_]+$", "", "".join(parts).strip().lower())
                if label in VAGUE_LINK_TEXTS or not label:
                    findings.append(
                        Finding(
                            _line(token),
                            _("The link text “%(text)s” does not say where the link leads.")
                            % {"text": "".join(parts).strip()},
                        )
                    )
    return findings
