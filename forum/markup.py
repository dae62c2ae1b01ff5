"""Markdown for posts, turned into HTML that cannot run anything.

Two layers: Markdown itself is told to treat raw HTML as text, and whatever it produces goes
through nh3's allow-list, which drops every tag, attribute and URL scheme not named here.
The result is stored on the post; this module runs on writes and previews only.
"""

import re
import xml.etree.ElementTree as etree

import markdown
import nh3
from django.utils.translation import gettext as _
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"
# Headings in a post sit below the topic's h1 and the post's h2.
HEADING_OFFSET = 2


class _HeadingShift(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            match = re.fullmatch(r"h([1-6])", element.tag)
            if match:
                element.tag = f"h{min(int(match.group(1)) + HEADING_OFFSET, 6)}"


# "@anna.berger": a username (Django's characters without "@") that ends in a letter or digit,
# so a full stop after the name is not part of it; not preceded by a word character, which
# keeps e-mail addresses out.
MENTION_RE = re.compile(r"(?<![\w@.+-])@([\w.+-]*\w)")
MENTION_MAX_LENGTH = 150
# Mentions in these elements are not mentions: code shows text as it is, a quote repeats what
# someone else wrote, a link already points somewhere.
_NO_MENTION_TAGS = {"code", "pre", "blockquote", "a"}


class _Mentions(Treeprocessor):
    """Finds the mentions of a post and, given the known members, links them to profiles.

    ``found`` collects the candidates (lower-case, in order); ``links`` maps a lower-case
    username to its profile URL. Runs after the inline patterns, so code spans are elements.
    """

    def __init__(self, md, links: dict[str, str] | None) -> None:
        super().__init__(md)
        self.links = links or {}
        self.found: list[str] = []

    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _NO_MENTION_TAGS:
            return
        if element.text:
            element.text, created = self._split(element.text)
            for index, child in enumerate(created):
                element.insert(index, child)
        for child in list(element):
            self._walk(child)
            if child.tail and element.tag not in _NO_MENTION_TAGS:
                child.tail, created = self._split(child.tail)
                position = list(element).index(child) + 1
                for offset, new in enumerate(created):
                    element.insert(position + offset, new)

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """Note the mentions in ``text``; return the text before the first link and the links
        (each carrying the following text as its tail)."""
        if isinstance(text, markdown.util.AtomicString):
            return text, []
        head = None
        created: list[etree.Element] = []
        position = 0
        for match in MENTION_RE.finditer(text):
            name = match.group(1)
            if len(name) > MENTION_MAX_LENGTH:
                continue
            key = name.lower()
            if key not in self.found:
                self.found.append(key)
            url = self.links.get(key)
            if url is None:
                continue
            before = text[position : match.start()]
            if created:
                created[-1].tail = before
            else:
                head = before
            link = etree.Element("a", {"href": url, "class": "mention"})
            link.text = markdown.util.AtomicString(match.group(0))
            created.append(link)
            position = match.end()
        if not created:
            return text, []
        created[-1].tail = text[position:]
        return head or "", created


class _ForumExtension(Extension):
    def __init__(self, mention_links: dict[str, str] | None = None, **kwargs) -> None:
        self.mention_links = mention_links
        self.mentions: _Mentions | None = None
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Raw HTML becomes visible text instead of markup.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_HeadingShift(md), "forum_heading_shift", 5)
        self.mentions = _Mentions(md, self.mention_links)
        # After "inline" (20): code spans and links exist as elements by then.
        md.treeprocessors.register(self.mentions, "forum_mentions", 15)


def _markdown(extension: _ForumExtension | None = None) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            "fenced_code",
            "sane_lists",
            "nl2br",
            "tables",
            extension or _ForumExtension(),
        ],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes={"a": {"mention"}},
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(text: str, *, mention_links: dict[str, str] | None = None) -> str:
    """The stored HTML of a post's Markdown ``text``.

    ``mention_links`` maps lower-case usernames to profile URLs: those mentions become links.
    """
    return sanitize_html(_markdown(_ForumExtension(mention_links)).convert(text or ""))


def find_mentions(text: str) -> list[str]:
    """The lower-case usernames mentioned in ``text``, in order; not those in code or quotes."""
    extension = _ForumExtension()
    _markdown(extension).convert(text or "")
    return list(extension.mentions.found)


def escape_markdown(text: str) -> str:
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


def quote_markdown(*, author_name: str, body: str) -> str:
    """A Markdown block quote of ``body`` with its author, to start a reply with."""
    lines = body.strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}".rstrip() for line in lines)
    attribution = _("**%(name)s** wrote:") % {"name": escape_markdown(author_name)}
    return f"> {attribution}\n{quoted}\n\n"
