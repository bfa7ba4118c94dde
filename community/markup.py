"""One writing format for the community: Markdown (CommonMark) rendered on save, then sanitised.

The source is kept for editing; the sanitised HTML is what pages show; plain text (no tags) is what
search snippets, the digest and the search index use. Posts written before Markdown are HTML or
plain text: Markdown passes their HTML through to the sanitiser and gives their plain parts
paragraphs and links, so they keep rendering and can be edited as they are.
"""

import html
import re

import nh3
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

from .sanitise import clean_html

_md = MarkdownIt("commonmark", {"html": True, "linkify": True, "breaks": True, "typographer": False})
_md.enable(["linkify", "strikethrough", "table"])

_PRE = re.compile(r"<pre>")


def _scrollable_code(html_text: str) -> str:
    """A code block scrolls sideways on a phone: make it reachable and named for keyboard users."""
    label = html.escape(_("Code block (scrolls sideways)"), quote=True)
    return _PRE.sub(f'<pre tabindex="0" role="region" aria-label="{label}">', html_text)


def render_markdown(source: str) -> str:
    """Markdown (with any simple HTML in it) → sanitised HTML with rel attributes on links."""
    source = (source or "").replace("\r\n", "\n").strip()
    if not source:
        return ""
    return _scrollable_code(clean_html(_md.render(source)))


def plain_text(html_text: str) -> str:
    """The text of sanitised HTML, without tags, entities decoded and whitespace collapsed."""
    if not html_text:
        return ""
    spaced = re.sub(r"</(p|li|h3|h4|blockquote|pre|tr)>|<br\s*/?>", " \\g<0>", html_text)
    text = html.unescape(nh3.clean(spaced, tags=set(), attributes={}, strip_comments=True))
    return re.sub(r"\s+", " ", text).strip()
