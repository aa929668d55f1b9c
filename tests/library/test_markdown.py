"""Markdown rendering is safe whatever an author (or an attacker with an author's account) types."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from samskapa.library.markdown import (
    ALLOWED_TAGS,
    check_markdown,
    count_words,
    html_to_text,
    reading_minutes,
    render_markdown,
)

XSS_CORPUS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "[click](&#x6A;avascript&colon;alert(1))",
    "[click](vbscript:msgbox(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x](javascript:alert(1))",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    '![x" onerror="alert(1)](https://example.org/a.png)',
    '[x](https://example.org/ "title\\" onmouseover=\\"alert(1)")',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<a href="javascript:alert(1)">x</a>',
    "<object data=x.swf></object><embed src=x.swf>",
    '<form action="https://evil.example"><input name=x></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "<!--<script>alert(1)</script>-->",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    "<link rel=stylesheet href=https://evil.example/x.css>",
    '## <span onclick="alert(1)">Rubrik</span>',
    "| a | b |\n|---|---|\n| <script>x</script> | [x](javascript:alert(1)) |",
    "[x]: javascript:alert(1)\n\n[link][x]",
    '<https://example.org/"onmouseover=alert(1)>',
]
ALLOWED_ATTRIBUTES = {"href", "title", "src", "alt", "id", "start", "align", "rel"}
SAFE_SCHEMES = ("http://", "https://", "mailto:", "#")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    handle_startendtag = handle_starttag


def _parse(markup: str) -> _Collector:
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    return collector


@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_render_markdown_leaves_no_executable_content(payload: str) -> None:
    output = render_markdown(f"Text före.\n\n{payload}\n\nText efter.")
    parsed = _parse(output)
    assert set(parsed.tags) <= ALLOWED_TAGS
    assert not {"script", "iframe", "svg", "style", "object", "embed", "form", "math"} & set(
        parsed.tags
    )
    for tag, name, value in parsed.attributes:
        assert name in ALLOWED_ATTRIBUTES, f"{tag} has {name}"
        assert not name.startswith("on")
        if name in {"href", "src"}:
            assert value.strip().lower().startswith(SAFE_SCHEMES), f"{tag} {name}={value}"
    # What an author typed as HTML is shown as text: escaped, never a tag.
    for raw in ("<script", "<svg", "<iframe", "<style", "<img src=x", '<a href="javascript'):
        assert raw not in output.lower()


def test_render_markdown_adds_link_rel_and_heading_ids() -> None:
    output = render_markdown(
        "## Kort sagt\n\n## Kort sagt\n\n[Svenska ESF-rådet](https://www.esf.se)"
    )
    assert '<h2 id="h-kort-sagt">' in output
    assert '<h2 id="h-kort-sagt-2">' in output
    assert 'rel="noopener noreferrer"' in output


def test_render_markdown_turns_body_h1_into_h2() -> None:
    assert render_markdown("# Titel").startswith('<h2 id="h-titel">')


def test_render_markdown_renders_tables() -> None:
    output = render_markdown("| Nivå | Exempel |\n|---|---|\n| Informera | Nyhetsbrev |")
    assert "<table>" in output and "<th>Nivå</th>" in output and "<td>Nyhetsbrev</td>" in output


def test_render_markdown_has_no_inline_style_or_script() -> None:
    output = render_markdown('<p style="color:red">x</p>\n\n*kursiv* och **fet**')
    assert all(name != "style" for _tag, name, _value in _parse(output).attributes)
    assert "<em>kursiv</em>" in output


def test_html_to_text_and_reading_time() -> None:
    text = html_to_text(render_markdown("## Rubrik\n\nEtt två tre &amp; fyra."))
    assert text == "Rubrik – Ett två tre & fyra."
    assert count_words(text) == 5
    assert reading_minutes(0) == 1
    assert reading_minutes(1000) == 5


def _messages(text: str) -> list[str]:
    return [str(f.message) for f in check_markdown(text)]


def test_check_markdown_flags_image_without_alt_text() -> None:
    findings = check_markdown("## Bild\n\n![](https://example.org/bild.png)")
    assert len(findings) == 1
    assert findings[0].line == 3
    assert check_markdown("## Bild\n\n![Karta över aktörerna](https://example.org/b.png)") == []


def test_check_markdown_flags_skipped_heading_levels() -> None:
    assert len(check_markdown("#### Djup rubrik")) == 1
    assert len(check_markdown("## A\n\n#### B")) == 1
    assert check_markdown("## A\n\n### B\n\n## C\n\n### D") == []
    assert len(check_markdown("# Titel igen")) == 1


@pytest.mark.parametrize(
    "text", ["klicka här", "Klicka här!", "här", "läs mer", "Läs mer…", "click here", "read more"]
)
def test_check_markdown_flags_vague_link_texts(text: str) -> None:
    findings = check_markdown(f"Se [{text}](https://example.org).")
    assert len(findings) == 1


def test_check_markdown_accepts_descriptive_link_text() -> None:
    assert check_markdown("Läs [ESF-rådets vägledning om indikatorer](https://www.esf.se).") == []


def test_starter_content_passes_the_authoring_check() -> None:
    from samskapa.library.starter import starter_folders

    for folder in starter_folders():
        for language in ("sv", "en"):
            text = (folder / f"{language}.md").read_text(encoding="utf-8")
            assert _messages(text) == [], f"{folder.name}/{language}.md"


def test_images_from_other_sites_become_links() -> None:
    # The CSP loads images from this site only; a link keeps the content reachable.
    output = render_markdown("![Karta över aktörer](https://example.org/karta.png)")
    assert "<img" not in output
    assert (
        '<a href="https://example.org/karta.png" rel="noopener noreferrer">Karta över aktörer</a>'
        in output
    )
    assert '<img src="/static/x.png" alt="Bild">' in render_markdown("![Bild](/static/x.png)")


def test_check_markdown_reads_a_linked_image_by_its_alt_text() -> None:
    assert check_markdown("[![Karta över ekosystemet](/static/k.png)](https://example.org)") == []
    assert len(check_markdown("[![](/static/k.png)](https://example.org)")) == 2
