"""The content of a practice and the one service that puts it onto a page.

Every way a practice comes about (the submission form, the import, the demo data, the test
factories) describes it as a ``PracticeContent`` and hands it to ``practice_apply``, so that
fields, taxonomies, partners, figures, body sections and contact are written by the same rules.
Saving, revisions, publishing, the review workflow, the staff-only restriction and uploads stay
with the callers.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

from .blocks import SECTIONS
from .models import (
    Bundesland,
    Jobcenter,
    PartnerType,
    PracticeFigure,
    PracticePage,
    PracticePartner,
    PracticeStatus,
    ProcessPhase,
    TargetGroup,
    Topic,
)

SECTION_KEYS = frozenset(key for key, _label in SECTIONS)
CONTACT_FIELDS = {
    "name": "contact_name",
    "function": "contact_function",
    "email": "contact_email",
    "phone": "contact_phone",
}


@dataclass(frozen=True)
class Partner:
    partner_type_id: int
    name: str
    # The row, when the caller has it at hand: a page read before it is saved then needs no
    # query for the type's name.
    partner_type: PartnerType | None = None

    @classmethod
    def of(cls, partner_type: PartnerType, name: str) -> Partner:
        return cls(partner_type_id=partner_type.pk, name=name, partner_type=partner_type)


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class PracticeContent:
    """What is said about a practice, wherever it comes from.

    ``sections`` maps the keys of ``blocks.SECTIONS`` to plain text, in reading order;
    ``contact`` has the keys of ``CONTACT_FIELDS``. ``supra_regional`` left at None follows the
    submission form: choosing Länder makes a practice supra-regional. ``external_id`` left at
    None keeps the page's. ``staff_only`` and the uploads (``document``, ``image``) are for the
    callers, which restrict and attach them.
    """

    title: str
    teaser: str
    external_id: str | None = None
    jobcenters: list[Jobcenter] = field(default_factory=list)
    supra_regional: bool | None = None
    bundeslaender: list[Bundesland] = field(default_factory=list)
    start_date: date | None = None
    end_date: date | None = None
    status: PracticeStatus | None = None
    topics: list[Topic] = field(default_factory=list)
    target_groups: list[TargetGroup] = field(default_factory=list)
    phases: list[ProcessPhase] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)
    contact: dict[str, str] = field(default_factory=dict)
    staff_only: bool = False
    document: object | None = None
    image: object | None = None
    image_alt: str = ""


def practice_apply(
    page: PracticePage, *, content: PracticeContent, keep_other_blocks: bool = True
) -> PracticePage:
    """Put ``content`` onto ``page`` (new, live, or the latest revision of one), unsaved.

    Every field and relation the content describes is replaced, so applying a shorter content
    again removes what it no longer names. The text sections of the body are replaced by the
    content's; the images, quotes and downloads the Redaktion added stay unless
    ``keep_other_blocks`` is False.
    """
    page.title = content.title
    page.teaser = content.teaser
    if content.external_id is not None:
        page.external_id = content.external_id
    page.start_date = content.start_date
    page.end_date = content.end_date
    page.status = content.status
    for key, model_field in CONTACT_FIELDS.items():
        setattr(page, model_field, content.contact.get(key, ""))
    page.body = practice_body(page.body if keep_other_blocks else [], content.sections)
    page.jobcenters = list(content.jobcenters)
    supra_regional = content.supra_regional
    page.supra_regional = bool(content.bundeslaender) if supra_regional is None else supra_regional
    # Derived here as saving would, so that a revision written before any save (the answer to
    # a change request on a live page) carries the Länder its Jobcenters give.
    page.bundeslaender = (
        list(content.bundeslaender) if page.supra_regional else page.bundeslaender_from_jobcenters()
    )
    page.topics = list(content.topics)
    page.target_groups = list(content.target_groups)
    page.phases = list(content.phases)
    page.partners = [
        _partner_row(partner, position) for position, partner in enumerate(content.partners)
    ]
    page.figures = [
        PracticeFigure(label=f.label, value=f.value, note=f.note, sort_order=position)
        for position, f in enumerate(content.figures)
    ]
    return page


def _partner_row(partner: Partner, position: int) -> PracticePartner:
    if partner.partner_type is not None:
        return PracticePartner(
            partner_type=partner.partner_type, name=partner.name, sort_order=position
        )
    return PracticePartner(
        partner_type_id=partner.partner_type_id, name=partner.name, sort_order=position
    )


# ---------------------------------------------------------------------------------------------
# The body: plain-text sections as rich text


def practice_body(body, sections: dict[str, str]) -> list[tuple]:
    """``body`` with the text ``sections`` as written (in their order), then its other blocks.

    Images, quotes and downloads the Redaktion added stay. A section whose text is unchanged
    keeps its rich text, with the links and formatting the Redaktion may have given it.
    """
    earlier: dict[str, list] = {}
    kept = []
    for block in body:
        if block.block_type in SECTION_KEYS:
            earlier.setdefault(block.block_type, []).append(block.value)
        else:
            kept.append((block.block_type, block.value))
    result = []
    for key, text in sections.items():
        values = earlier.get(key, [])
        before = "\n\n".join(richtext_to_text(value.source) for value in values)
        if values and _plain(text) == _plain(before):
            result += [(key, value) for value in values]
        elif text and text.strip():
            result.append((key, text_to_richtext(text)))
    return result + kept


def _plain(text: str) -> str:
    return richtext_to_text(text_to_richtext(text or ""))


def text_to_richtext(text: str) -> str:
    """Plain text with blank-line paragraphs as escaped rich-text HTML."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format(html.escape(part).replace("\n", "<br/>")) for part in paragraphs if part
    )


class _TextExtractor(HTMLParser):
    """Rich text as plain text: paragraphs apart by a blank line, line breaks kept, tags dropped."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "div"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []

    def flush(self) -> None:
        text = "".join(self.current).strip()
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.flush()
        elif tag == "br":
            self.current.append("\n")
        elif tag == "li":
            if "".join(self.current).strip():
                self.current.append("\n")
            self.current.append("• ")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        # Whitespace in HTML source is not content; line breaks come from <br>.
        self.current.append(re.sub(r"\s+", " ", data))


def richtext_to_text(source: str) -> str:
    parser = _TextExtractor()
    parser.feed(source)
    parser.close()
    parser.flush()
    return "\n\n".join(
        "\n".join(line.strip() for line in paragraph.split("\n")) for paragraph in parser.paragraphs
    )
