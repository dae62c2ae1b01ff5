"""Handlungshilfen: chapters with a table of contents, PDF, related practices, filterable index."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.guides import chapter_anchor_ids
from cms.models import GuideIndexPage, GuidePage, HomePage
from tests.cms.magazine_helpers import (
    guide_index,
    make_document,
    make_guide,
    make_practice,
    practice_index,
    topic,
)

pytestmark = pytest.mark.django_db

CHAPTERS = [
    ("Warum Netzwerke?", "", [("paragraph", "<p>Weil niemand alles allein kann.</p>")]),
    ("Partner gewinnen", "", [("markdown", "- Kommune\n- Krankenkasse\n")]),
    ("Partner gewinnen", "", [("paragraph", "<p>Noch einmal, mit anderem Blick.</p>")]),
    ("Übergänge gestalten", "rechtskreiswechsel", [("paragraph", "<p>ALG I → SGB II</p>")]),
]


@pytest.fixture
def index(home):
    return guide_index(home)


class TestPageRules:
    def test_guide_only_under_the_guide_index(self, home, index):
        assert GuidePage.can_create_at(index)
        assert not GuidePage.can_create_at(home)
        assert GuideIndexPage.allowed_parent_page_models() == [HomePage]
        assert GuideIndexPage.allowed_subpage_models() == [GuidePage]
        assert GuidePage.allowed_subpage_models() == []


class TestChapterAnchors:
    def test_anchors_are_slugs_unique_and_respect_the_editors_choice(self):
        raw = [{"value": {"title": title, "anchor": anchor}} for title, anchor, _ in CHAPTERS]

        anchors = chapter_anchor_ids(raw)

        assert anchors == [
            "warum-netzwerke",
            "partner-gewinnen",
            "partner-gewinnen-2",
            "rechtskreiswechsel",
        ]

    def test_anchors_stay_the_same_when_a_later_chapter_is_added(self):
        raw = [{"value": {"title": title, "anchor": anchor}} for title, anchor, _ in CHAPTERS]

        before = chapter_anchor_ids(raw[:2])
        after = chapter_anchor_ids([*raw[:2], {"value": {"title": "Neu", "anchor": ""}}])

        assert after[:2] == before

    def test_anchor_never_takes_an_id_the_layout_uses(self):
        raw = [{"value": {"title": "Main", "anchor": ""}}, {"value": {"title": "", "anchor": ""}}]

        assert chapter_anchor_ids(raw) == ["main-kapitel", "kapitel"]


class TestGuidePage:
    def test_renders_table_of_contents_and_anchored_chapters(self, client, index):
        guide = make_guide(index, title="Netzwerkarbeit im Jobcenter aufbauen", chapters=CHAPTERS)

        html = client.get(guide.url).content.decode()

        toc = re.search(r'<nav class="toc" id="inhalt".*?</nav>', html, re.S).group(0)
        links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', toc)
        assert links == [
            ("warum-netzwerke", "Warum Netzwerke?"),
            ("partner-gewinnen", "Partner gewinnen"),
            ("partner-gewinnen-2", "Partner gewinnen"),
            ("rechtskreiswechsel", "Übergänge gestalten"),
        ]
        for anchor, _title in links:
            assert (
                f'<section class="chapter" id="{anchor}" aria-labelledby="{anchor}-title">' in html
            )
        assert '<span class="chapter__number">4.</span> Übergänge gestalten</h2>' in html
        assert "<li>Krankenkasse</li>" in html
        assert html.count('href="#inhalt"') == 4

    def test_shows_audience_version_date_and_pdf(self, client, index):
        pdf = make_document("Handlungshilfe PDF", "handlungshilfe.pdf")
        guide = make_guide(index, audience="Teamleitungen", pdf=pdf, chapters=CHAPTERS[:1])

        html = client.get(guide.url).content.decode()

        assert "Teamleitungen" in html
        assert '<time datetime="2026-03-01">01.03.2026</time>' in html
        assert f'<a class="button" href="{pdf.url}" download>Als PDF herunterladen</a>' in html

    def test_pdf_must_be_a_pdf(self, index):
        from django.core.exceptions import ValidationError

        guide = GuidePage(
            title="Falsches Format",
            slug="falsches-format",
            audience="alle",
            summary="x",
            version_date="2026-01-01",
            pdf=make_document("Tabelle", "tabelle.xlsx"),
        )

        with pytest.raises(ValidationError) as error:
            index.add_child(instance=guide)

        assert error.value.message_dict["pdf"] == ["Bitte wählen Sie ein PDF-Dokument."]

    def test_related_practices_by_shared_topic_without_staff_only(
        self, client, home, index, staff_user
    ):
        practices = practice_index(home)
        make_practice(practices, title="Netzwerk-Werkstatt", topics=[topic("netzwerkarbeit")])
        make_practice(
            practices,
            title="Internes Netzwerktreffen",
            topics=[topic("netzwerkarbeit")],
            staff_only=True,
        )
        make_practice(practices, title="Mobilitätshilfe", topics=[topic("mobilitaet")])
        guide = make_guide(index, topics=[topic("netzwerkarbeit")], chapters=CHAPTERS[:1])

        anonymous = client.get(guide.url).content.decode()
        client.force_login(staff_user)
        staff = client.get(guide.url).content.decode()

        assert "Passende Praxisbeispiele" in anonymous
        assert "Netzwerk-Werkstatt" in anonymous
        assert "Mobilitätshilfe" not in anonymous
        assert "Internes Netzwerktreffen" not in anonymous
        assert "Internes Netzwerktreffen" in staff

    def test_staff_only_guide_is_closed_to_the_public(self, client, index, staff_user):
        guide = make_guide(index, title="Interne Handlungshilfe", staff_only=True)

        anonymous = client.get(guide.url)
        client.force_login(staff_user)
        staff = client.get(guide.url)

        assert anonymous.status_code == 302
        assert staff.status_code == 200


class TestGuideIndex:
    def test_lists_guides_with_summary(self, client, index):
        make_guide(
            index, title="Netzwerkarbeit im Jobcenter aufbauen", summary="Schritt für Schritt."
        )

        html = client.get(index.url).content.decode()

        assert "Netzwerkarbeit im Jobcenter aufbauen" in html
        assert "Schritt für Schritt." in html
        assert "1 Handlungshilfe" in html

    def test_filter_by_field_of_action(self, client, index):
        make_guide(index, title="Sucht im Blick", topics=[topic("sucht")])
        make_guide(index, title="Mobil zur Arbeit", topics=[topic("mobilitaet")])

        html = client.get(index.url, {"handlungsfeld": "sucht"}).content.decode()

        assert "Sucht im Blick" in html
        assert "Mobil zur Arbeit" not in html
        assert "1 Handlungshilfe zum Handlungsfeld „Sucht“" in html
        assert '<option value="sucht" selected>Sucht</option>' in html

    # A NUL never gets this far: tests/cms/test_unstorable_input.py.
    @pytest.mark.parametrize("value", ["gibt-es-nicht", "x" * 3000, "<script>"])
    def test_unknown_field_of_action_gives_german_message(self, client, index, value):
        make_guide(index, title="Sucht im Blick", topics=[topic("sucht")])
        make_guide(index, title="Mobil zur Arbeit", topics=[topic("mobilitaet")])

        response = client.get(index.url, {"handlungsfeld": value})

        html = response.content.decode()
        assert response.status_code == 200
        assert "ist kein bekanntes Handlungsfeld. Es werden alle Handlungshilfen angezeigt." in html
        assert "Sucht im Blick" in html and "Mobil zur Arbeit" in html
        assert "<script>" not in html.split("<body", 1)[1].split("</main>")[0]

    def test_query_count_does_not_grow_with_guides(self, client, index):
        tags = [topic("netzwerkarbeit"), topic("sucht")]
        for _ in range(2):
            make_guide(index, topics=tags)
        client.get(index.url)  # caches that fill on the first request (site root paths)
        with CaptureQueriesContext(connection) as small:
            client.get(index.url)
        for _ in range(6):
            make_guide(index, topics=tags)
        client.get(index.url)
        with CaptureQueriesContext(connection) as large:
            response = client.get(index.url)

        assert response.content.decode().count('class="guide-card"') == 8
        assert len(large) == len(small)
