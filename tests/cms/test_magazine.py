"""The magazine “chancen”: page rules, index/issue/article pages, every article block, images."""

import io
import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail import blocks as wagtail_blocks
from wagtail.images import get_image_model

from cms.accounts.groups import EDITORS, groups_sync
from cms.blocks import CallOutBlock, ImageBlock
from cms.editorial_blocks import ArticleStreamBlock
from cms.models import (
    ArticlePage,
    GuideIndexPage,
    GuidePage,
    HomePage,
    MagazineIndexPage,
    MagazineIssue,
)
from tests.cms.magazine_helpers import (
    magazine_index,
    make_article,
    make_document,
    make_image,
    make_issue,
    make_practice,
    practice_index,
    target_group,
    topic,
)
from tests.factories import create_user
from tests.factories.files import png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return magazine_index(home)


@pytest.fixture
def issue(index):
    return make_issue(index, number=7, theme="Zeit | LOS!")


class TestPageRules:
    def test_issue_only_under_the_magazine_index(self, home, index, issue):
        assert MagazineIssue.can_create_at(index)
        assert not MagazineIssue.can_create_at(home)
        assert not MagazineIssue.can_create_at(issue)
        assert MagazineIssue.allowed_parent_page_models() == [MagazineIndexPage]

    def test_article_only_under_an_issue(self, home, index, issue):
        assert ArticlePage.can_create_at(issue)
        assert not ArticlePage.can_create_at(index)
        assert not ArticlePage.can_create_at(home)
        assert ArticlePage.allowed_subpage_models() == []

    def test_one_magazine_index_under_the_home_page(self, home, index):
        assert MagazineIndexPage.allowed_parent_page_models() == [HomePage]
        assert not MagazineIndexPage.can_create_at(home)  # max_count reached
        assert MagazineIndexPage.allowed_subpage_models() == [MagazineIssue]

    def test_guides_only_under_the_guide_index(self, home, index, issue):
        assert GuidePage.allowed_parent_page_models() == [GuideIndexPage]
        assert not GuidePage.can_create_at(issue)
        assert not GuidePage.can_create_at(home)

    def test_admin_refuses_an_article_directly_under_the_index(self, client, index, issue):
        groups_sync()
        client.force_login(create_user(EDITORS, username="redaktion-regeln"))

        wrong = client.get(reverse("wagtailadmin_pages:add", args=("cms", "articlepage", index.pk)))
        right = client.get(reverse("wagtailadmin_pages:add", args=("cms", "articlepage", issue.pk)))

        assert wrong.status_code in {302, 403}
        assert right.status_code == 200

    def test_editor_gets_the_german_add_forms(self, client, home, index, issue):
        from tests.cms.magazine_helpers import guide_index

        groups_sync()
        client.force_login(create_user(EDITORS, username="redaktion-formulare"))
        guides = guide_index(home)

        for model, parent, label in [
            ("magazineissue", index, "Ausgabennummer"),
            ("articlepage", issue, "Aufmacherbild"),
            ("guidepage", guides, "PDF-Fassung"),
        ]:
            response = client.get(reverse("wagtailadmin_pages:add", args=("cms", model, parent.pk)))
            assert response.status_code == 200, model
            assert label in response.content.decode(), model


class TestMagazineIndex:
    def test_lists_issues_newest_first_with_covers(self, client, index):
        older = make_issue(index, number=6, theme="Ältere Ausgabe")
        newer = make_issue(index, number=8, theme="Neue Ausgabe")

        html = client.get(index.url).content.decode()

        assert html.index(newer.title) < html.index(older.title)
        assert 'alt="Titelbild der Ausgabe 8"' in html
        assert 'type="image/webp"' in html and "srcset=" in html
        assert "Neue Ausgabe" in html

    def test_draft_and_staff_only_issues_are_not_listed(self, client, index):
        draft = make_issue(index, number=11, title="Entwurfsausgabe")
        draft.unpublish()
        from cms.access import page_set_staff_only

        hidden = make_issue(index, number=12, title="Interne Ausgabe")
        page_set_staff_only(hidden, True)

        html = client.get(index.url).content.decode()

        assert "Entwurfsausgabe" not in html
        assert "Interne Ausgabe" not in html

    def test_query_count_does_not_grow_with_issues(self, client, index):
        for number in (1, 2):
            make_issue(index, number=number)
        client.get(index.url)  # renditions are made on the first view
        with CaptureQueriesContext(connection) as small:
            client.get(index.url)
        for number in range(3, 9):
            make_issue(index, number=number)
        client.get(index.url)
        with CaptureQueriesContext(connection) as large:
            response = client.get(index.url)

        assert response.content.decode().count('class="issue-card"') == 8
        assert len(large) == len(small)


class TestIssuePage:
    def test_shows_theme_editorial_and_articles_in_order(self, client, issue):
        issue.editorial = "<p>Liebe Leserinnen und Leser</p>"
        issue.save_revision().publish()
        first = make_article(issue, title="Erster Artikel", authors="Anna Berger")
        second = make_article(issue, title="Zweiter Artikel")

        html = client.get(issue.url).content.decode()

        assert "Ausgabe 07" in html and "Zeit | LOS!" in html
        assert "Liebe Leserinnen und Leser" in html
        assert html.index(first.title) < html.index(second.title)
        assert "Anna Berger" in html
        assert "1 Minute Lesezeit" in html

    def test_staff_only_article_only_for_staff(self, client, issue, staff_user):
        make_article(issue, title="Internes Protokoll", staff_only=True)

        anonymous = client.get(issue.url).content.decode()
        client.force_login(staff_user)
        staff = client.get(issue.url).content.decode()

        assert "Internes Protokoll" not in anonymous
        assert "Internes Protokoll" in staff

    def test_query_count_does_not_grow_with_articles(self, client, issue):
        tags = [topic("netzwerkarbeit")]
        for _ in range(2):
            make_article(issue, topics=tags)
        client.get(issue.url)
        with CaptureQueriesContext(connection) as small:
            client.get(issue.url)
        for _ in range(6):
            make_article(issue, topics=tags)
        client.get(issue.url)
        with CaptureQueriesContext(connection) as large:
            response = client.get(issue.url)

        assert response.content.decode().count('class="article-card"') == 8
        assert len(large) == len(small)


class TestArticlePage:
    def test_shows_issue_reading_time_and_neighbours(self, client, issue):
        first = make_article(issue, title="Erster Artikel")
        middle = make_article(
            issue,
            title="Mittlerer Artikel",
            authors="Jens Fischer",
            body=[("paragraph", "<p>" + "Wort " * 450 + "</p>")],
        )
        last = make_article(issue, title="Letzter Artikel")

        html = client.get(middle.url).content.decode()

        assert f'href="{issue.url}">Ausgabe 07 — Zeit | LOS!</a>' in html
        assert "Von Jens Fischer" in html
        assert "3 Minuten Lesezeit" in html
        assert re.search(rf'href="{first.url}" rel="prev">.*Erster Artikel', html, re.S)
        assert re.search(rf'href="{last.url}" rel="next">.*Letzter Artikel', html, re.S)

    def test_lead_image_is_responsive_with_caption_and_credit(self, client, issue):
        article = make_article(
            issue, lead_image_caption="Das Team der Joboffensive", lead_image_credit="Gerd Kaemper"
        )

        html = client.get(article.url).content.decode()

        assert "<picture>" in html
        assert 'type="image/webp"' in html
        assert re.search(r'srcset="[^"]+ 480w, [^"]+ 800w', html)
        assert f'alt="{article.lead_image_alt_text}"' in html
        assert "Das Team der Joboffensive" in html and "Foto: Gerd Kaemper" in html

    def test_related_articles_and_practices_share_topics(self, client, home, issue):
        shared = [topic("schulden")]
        article = make_article(issue, title="Schulden im Blick", topics=shared)
        related = make_article(issue, title="Schuldnerberatung vor Ort", topics=shared)
        unrelated = make_article(issue, title="Ganz anderes Thema", topics=[topic("mobilitaet")])
        practices = practice_index(home)
        practice = make_practice(practices, title="Schuldnerberatung im Jobcenter", topics=shared)
        make_practice(practices, title="Internes Schuldenprojekt", topics=shared, staff_only=True)

        html = client.get(article.url).content.decode()
        related_html = html[html.index('class="container related"') :]

        assert related.title in related_html
        assert unrelated.title not in related_html
        assert practice.title in related_html
        assert "Internes Schuldenprojekt" not in html

    def test_related_lists_cost_the_same_queries_for_more_data(self, client, home, issue):
        shared = [topic("sucht")]
        article = make_article(issue, topics=shared, target_groups=[target_group("aeltere")])
        practices = practice_index(home)
        make_practice(practices, topics=shared)
        make_article(issue, topics=shared)
        client.get(article.url)
        with CaptureQueriesContext(connection) as small:
            client.get(article.url)
        for _ in range(4):
            make_practice(practices, topics=shared)
            make_article(issue, topics=shared)
        client.get(article.url)
        with CaptureQueriesContext(connection) as large:
            client.get(article.url)

        assert len(large) == len(small)

    def test_opengraph_and_canonical(self, client, issue):
        article = make_article(issue, title="Joboffensive", teaser="Mehr Zeit für Beratung.")

        html = client.get(article.url).content.decode()

        assert f'<link rel="canonical" href="{settings.SITE_URL}{article.url}">' in html
        assert '<meta property="og:type" content="article">' in html
        assert '<meta property="og:title" content="Joboffensive">' in html
        assert '<meta property="og:description" content="Mehr Zeit für Beratung.">' in html
        og_image = (
            rf'<meta property="og:image" content="{re.escape(settings.SITE_URL)}/[^"]+\.jpg">'
        )
        assert re.search(og_image, html)
        assert 'type="application/rss+xml"' in html

    def test_lead_image_needs_alt_text(self, issue):
        article = ArticlePage(
            title="Ohne Alternativtext", slug="ohne-alt", teaser="x", lead_image=make_image()
        )

        with pytest.raises(ValidationError) as error:
            issue.add_child(instance=article)

        assert "lead_image_alt_text" in error.value.message_dict
        assert not ArticlePage.objects.filter(slug="ohne-alt").exists()


def render_body(client, issue, *body, user=None):
    """The article page as a reader sees it, with ``body`` as its only content."""
    article = make_article(issue, image=False, body=list(body))
    if user is not None:
        client.force_login(user)
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<div class="stream">') : html.rindex("</article>")]


class TestArticleBlocks:
    def test_every_block_type_has_a_template_and_a_test(self):
        block_names = set(ArticleStreamBlock.base_blocks)
        tested = {name.removeprefix("test_") for name in dir(self) if name.startswith("test_")}

        assert block_names <= tested
        for name, block in ArticleStreamBlock.base_blocks.items():
            assert block.meta.template.startswith("blocks/"), name

    def test_paragraph(self, client, issue):
        html = render_body(client, issue, ("paragraph", "<p>Ein <b>wichtiger</b> Absatz</p>"))

        assert '<div class="rich-text"><p>Ein <b>wichtiger</b> Absatz</p></div>' in html

    def test_markdown(self, client, issue):
        text = (
            "## Zwischentitel\n\n- **fett** und *kursiv*\n- [Link](https://example.org)\n\n"
            "<script>alert('x')</script>\n\n"
            "[böse](javascript:alert(1)) <img src=x onerror=alert(2)>"
        )

        html = render_body(client, issue, ("markdown", text))

        assert "<h2>Zwischentitel</h2>" in html
        assert "<li><strong>fett</strong> und <em>kursiv</em></li>" in html
        assert 'href="https://example.org"' in html
        assert "<script" not in html
        assert "alert(" not in html
        assert "javascript:" not in html
        assert "onerror" not in html and "<img" not in html

    def test_heading(self, client, issue):
        html = render_body(
            client,
            issue,
            ("heading", {"text": "Mehr Berater, mehr Zeit", "level": "h2"}),
            ("heading", {"text": "Unterpunkt", "level": "h3"}),
        )

        assert "<h2>Mehr Berater, mehr Zeit</h2>" in html
        assert "<h3>Unterpunkt</h3>" in html

    def test_quote(self, client, issue):
        html = render_body(
            client,
            issue,
            ("quote", {"text": "Nur gemeinsam gelingt es.", "attribution": "Heiner Dürwald"}),
        )

        assert "<blockquote><p>Nur gemeinsam gelingt es.</p></blockquote>" in html
        assert "<figcaption>— Heiner Dürwald</figcaption>" in html

    def test_image(self, client, issue):
        image = make_image("Unterzeichnung", (1600, 900))

        html = render_body(
            client,
            issue,
            (
                "image",
                {
                    "image": image,
                    "alt_text": "Drei Personen unterzeichnen",
                    "caption": "Im Kreishaus",
                    "credit": "WP",
                },
            ),
        )

        assert 'alt="Drei Personen unterzeichnen"' in html
        assert re.search(r'srcset="[^"]+\.webp 480w, [^"]+\.webp 800w, [^"]+\.webp 1200w"', html)
        assert "Im Kreishaus" in html and "WP" in html

    def test_image_block_requires_alt_text(self):
        block = ImageBlock()

        with pytest.raises(wagtail_blocks.StructBlockValidationError) as error:
            block.clean(block.to_python({"image": make_image().pk, "alt_text": ""}))

        assert "alt_text" in error.value.block_errors

    def test_gallery(self, client, issue):
        images = [make_image(f"Galerie {i}") for i in range(3)]

        html = render_body(
            client,
            issue,
            (
                "gallery",
                {
                    "title": "Eindrücke vom Barcamp",
                    "images": [
                        {"image": image, "alt_text": f"Barcamp-Foto {i}", "caption": f"Runde {i}"}
                        for i, image in enumerate(images)
                    ],
                },
            ),
        )

        assert '<h2 class="gallery-block__title">Eindrücke vom Barcamp</h2>' in html
        assert html.count("<figure>") == 3
        assert all(f'alt="Barcamp-Foto {i}"' in html for i in range(3))
        assert ".webp 400w" in html and 'loading="lazy"' in html

    def test_fact_box(self, client, issue):
        html = render_body(
            client,
            issue,
            (
                "fact_box",
                {
                    "title": "Auf einen Blick",
                    "facts": [
                        {"value": "1.900", "label": "Teilnehmende"},
                        {"value": "1:100", "label": "Betreuungsschlüssel"},
                    ],
                    "note": "Stand 2019",
                },
            ),
        )

        assert '<aside class="fact-box" aria-label="Auf einen Blick">' in html
        assert "<dt>Teilnehmende</dt><dd>1.900</dd>" in html
        assert "<dt>Betreuungsschlüssel</dt><dd>1:100</dd>" in html
        assert "Stand 2019" in html

    def test_practices(self, client, home, issue, staff_user):
        practices = practice_index(home)
        public = make_practice(practices, title="Joboffensive Gelsenkirchen")
        internal = make_practice(practices, title="Internes Pilotprojekt", staff_only=True)
        block = ("practices", {"title": "Aus der Praxis", "practices": [public, internal]})

        anonymous = render_body(client, issue, block)
        staff = render_body(client, issue, block, user=staff_user)

        assert '<h2 class="practice-embed__title">Aus der Praxis</h2>' in anonymous
        assert 'class="practice-card"' in anonymous
        assert f'href="{public.url}"' in anonymous
        assert "Internes Pilotprojekt" not in anonymous
        assert "Internes Pilotprojekt" in staff

    def test_download(self, client, issue):
        document = make_document("Kooperationsvereinbarung", "vereinbarung.pdf")

        html = render_body(
            client,
            issue,
            (
                "download",
                {
                    "document": document,
                    "title": "Vereinbarung herunterladen",
                    "description": "4 Seiten",
                },
            ),
        )

        assert f'<a href="{document.url}" download>Vereinbarung herunterladen</a>' in html
        assert "(PDF" in html and "4 Seiten" in html

    def test_callout(self, client, issue):
        html = render_body(
            client,
            issue,
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Sozialdatenschutz",
                    "text": "<p>Keine Kundendaten in Beiträgen.</p>",
                    "link_page": None,
                    "link_url": "https://www.example.org/datenschutz",
                    "link_text": "Mehr erfahren",
                },
            ),
        )

        assert '<aside class="callout callout--warning" aria-label="Achtung">' in html
        assert "<strong>Sozialdatenschutz</strong>" in html
        assert '<a href="https://www.example.org/datenschutz">Mehr erfahren</a>' in html

    def test_callout_link_needs_text_and_one_target(self, home):
        block = CallOutBlock()
        base = {"tone": "info", "title": "Hinweis", "text": "<p>Text</p>"}

        with pytest.raises(wagtail_blocks.StructBlockValidationError) as no_text:
            block.clean(
                block.to_python({**base, "link_url": "https://example.org", "link_text": ""})
            )
        with pytest.raises(wagtail_blocks.StructBlockValidationError) as both:
            block.clean(
                block.to_python(
                    {
                        **base,
                        "link_page": home.pk,
                        "link_url": "https://example.org",
                        "link_text": "x",
                    }
                )
            )

        assert "link_text" in no_text.value.block_errors
        assert "link_url" in both.value.block_errors


class TestImageUpload:
    """Uploads through the Wagtail admin are checked for size and for really being images."""

    @pytest.fixture
    def editor_client(self, client, home):
        groups_sync()
        client.force_login(create_user(EDITORS, username="bildredaktion"))
        return client

    def upload(self, client, name: str, content: bytes):
        from django.core.files.uploadedfile import SimpleUploadedFile

        return client.post(
            reverse("wagtailimages:add"),
            {"title": "Upload", "file": SimpleUploadedFile(name, content), "tags": ""},
        )

    def test_limits_are_configured(self):
        assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
        assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000

    def test_valid_image_is_accepted(self, editor_client):
        response = self.upload(editor_client, "foto.png", png_bytes())

        assert response.status_code == 302
        assert get_image_model().objects.filter(title="Upload").exists()

    def test_oversized_image_is_refused_in_german(self, editor_client):
        from PIL import Image as PILImage

        buffer = io.BytesIO()
        # Uncompressed, so the file really is larger than the 10 MB limit.
        PILImage.new("RGB", (2000, 1800), (200, 30, 30)).save(buffer, "PNG", compress_level=0)
        assert buffer.tell() > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE

        response = self.upload(editor_client, "riesig.png", buffer.getvalue())

        assert response.status_code == 200
        assert "Die Datei ist zu groß" in response.content.decode()
        assert not get_image_model().objects.filter(title="Upload").exists()

    def test_text_file_renamed_png_is_refused_in_german(self, editor_client):
        response = self.upload(editor_client, "kein-bild.png", b"Das ist nur Text.\n" * 50)

        assert response.status_code == 200
        assert "gültiges Bild" in response.content.decode()
        assert not get_image_model().objects.filter(title="Upload").exists()

    def test_unsupported_format_is_refused_in_german(self, editor_client):
        response = self.upload(editor_client, "dokument.txt", b"Text")

        assert response.status_code == 200
        html = response.content.decode()
        assert "Nicht unterstütztes Bildformat" in html or "gültiges Bild" in html
        assert not get_image_model().objects.filter(title="Upload").exists()
