"""The guide PDF: made from the published chapters, once per publication, served like the page."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import default_storage
from django.utils import timezone

from cms import guide_pdf
from cms.access import page_set_group_only
from cms.accounts.groups import EDITORS
from cms.models import GuidePage
from tests.cms.magazine_helpers import guide_index, make_document, make_guide, make_image, publish
from tests.factories.pdf import (
    pdf_pages_text,
    pdf_reader,
    pdf_text,
    require_pdf_engine,
    response_bytes,
)

pytestmark = pytest.mark.django_db

CHAPTERS = [
    ("Warum Netzwerke?", "", [("paragraph", "<p>Weil niemand alles allein kann.</p>")]),
    ("Partner gewinnen", "", [("markdown", "- Kommune\n- Krankenkasse für Gesundheit\n")]),
    ("Übergänge gestalten", "", [("paragraph", "<p>Vom Arbeitslosengeld I ins SGB II.</p>")]),
]


@pytest.fixture
def engine():
    require_pdf_engine()


@pytest.fixture
def index(home):
    return guide_index(home)


def pdf_url(guide) -> str:
    return f"{guide.url}pdf/"


def pdf_link(client, guide):
    """The PDF paragraph of the guide page: link and the meta text beside it."""
    soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
    return soup.select_one(".guide__pdf")


def set_first_chapter_text(guide: GuidePage, text: str) -> GuidePage:
    chapters = guide.chapters.raw_data
    chapters[0]["value"]["body"][0]["value"] = f"<p>{text}</p>"
    guide.chapters = chapters
    return publish(guide)


@pytest.mark.usefixtures("engine")
class TestTheMadePdf:
    def test_is_a_tagged_german_pdf_with_title_intro_contents_and_chapters(self, client, index):
        guide = make_guide(
            index,
            title="Netzwerkarbeit im Jobcenter aufbauen",
            slug="netzwerkarbeit",
            summary="Schritt für Schritt zum tragfähigen Netzwerk.",
            chapters=CHAPTERS,
        )

        response = client.get(pdf_url(guide))

        data = response_bytes(response)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="netzwerkarbeit.pdf"'
        assert data.startswith(b"%PDF-")
        catalog = pdf_reader(data).trailer["/Root"]
        assert catalog["/MarkInfo"]["/Marked"].value is True
        assert catalog["/Lang"] == "de"
        assert pdf_reader(data).metadata.title == "Netzwerkarbeit im Jobcenter aufbauen"
        text = pdf_text(data)
        published = timezone.localtime(guide.last_published_at).strftime("%d.%m.%Y")
        for expected in (
            "Schritt für Schritt zum tragfähigen Netzwerk.",
            "Zielgruppe: Netzwerkkoordinator:innen",
            "Stand: 01.03.2026",
            f"Zuletzt veröffentlicht: {published}",
            "Inhalt",
            "1. Warum Netzwerke?",
            "Weil niemand alles allein kann.",
            "2. Partner gewinnen",
            "Krankenkasse für Gesundheit",
            "3. Übergänge gestalten",
            "Vom Arbeitslosengeld I ins SGB II.",
            "Wissensbörse Netzwerke ABC",
        ):
            assert expected in text, expected

    def test_contents_name_the_page_each_chapter_starts_on_and_pages_are_numbered(
        self, client, index
    ):
        long_text = "<p>" + "Netzwerkarbeit braucht Zeit und Vertrauen. " * 120 + "</p>"
        chapters = [(title, "", [("paragraph", long_text)]) for title, _a, _b in CHAPTERS]
        guide = make_guide(index, chapters=chapters)

        pages = pdf_pages_text(response_bytes(client.get(pdf_url(guide))))

        entries = re.findall(r"^(.+?) \.{3,} ?(\d+)$", pages[0], re.M)
        assert [title for title, _page in entries] == [title for title, _a, _b in CHAPTERS]
        for number, (title, page) in enumerate(entries, 1):
            assert f"{number}. {title}" in pages[int(page) - 1]
        assert int(entries[-1][1]) > 1
        for number, text in enumerate(pages, 1):
            assert f"Seite {number} von {len(pages)}" in text

    def test_chapter_images_are_embedded(self, client, index):
        image = make_image("Netzwerkkarte", (320, 200))
        chapters = [
            (
                "Karte",
                "",
                [("image", {"image": image, "alt_text": "Karte der Partner", "caption": ""})],
            )
        ]
        guide = make_guide(index, chapters=chapters)

        reader = pdf_reader(response_bytes(client.get(pdf_url(guide))))

        sizes = {image.image.size for page in reader.pages for image in page.images}
        assert sizes == {(320, 200)}


@pytest.mark.usefixtures("engine")
class TestMadeOncePerPublication:
    def test_changes_when_a_chapter_changes_and_the_guide_is_republished(self, client, index):
        guide = make_guide(index, chapters=CHAPTERS)
        before = pdf_text(response_bytes(client.get(pdf_url(guide))))

        guide = set_first_chapter_text(guide, "Gemeinsam erreichen wir mehr.")
        after = pdf_text(response_bytes(client.get(pdf_url(guide))))

        assert "Weil niemand alles allein kann." in before
        assert "Gemeinsam erreichen wir mehr." not in before
        assert "Gemeinsam erreichen wir mehr." in after
        assert "Weil niemand alles allein kann." not in after

    def test_made_once_then_served_from_the_stored_file(self, client, index, monkeypatch):
        guide = make_guide(index, chapters=CHAPTERS)
        calls = []
        render = guide_pdf.guide_pdf_render

        def counting_render(**kwargs):
            calls.append(kwargs["guide"].pk)
            return render(**kwargs)

        monkeypatch.setattr(guide_pdf, "guide_pdf_render", counting_render)

        first = response_bytes(client.get(pdf_url(guide)))
        second = response_bytes(client.get(pdf_url(guide)))
        guide = set_first_chapter_text(guide, "Neu gefasst.")
        third = response_bytes(client.get(pdf_url(guide)))

        assert first == second
        assert third != first
        assert calls == [guide.pk, guide.pk]
        # Only the current publication's file is kept.
        _dirs, files = default_storage.listdir(f"guide-pdfs/{guide.pk}")
        assert len(files) == 1

    def test_publishing_makes_it_and_the_link_shows_its_size(
        self, client, index, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            guide = make_guide(index, chapters=CHAPTERS)

        link = pdf_link(client, guide)
        data = response_bytes(client.get(pdf_url(guide)))

        assert link.a["href"] == pdf_url(guide)
        assert link.a.get_text() == "Als PDF herunterladen"
        size = re.fullmatch(r"\(PDF, (\d+),(\d)\sKB\)", link.select_one(".download__meta").text)
        assert size, link.select_one(".download__meta").text
        assert float(f"{size[1]}.{size[2]}") == round(len(data) / 1024, 1)

    def test_link_has_no_size_until_the_pdf_is_made(self, client, index):
        guide = make_guide(index, chapters=CHAPTERS)  # its commit, and so the task, never comes

        before = pdf_link(client, guide)
        client.get(pdf_url(guide))
        after = pdf_link(client, guide)

        assert before.a["href"] == pdf_url(guide)
        assert before.select_one(".download__meta").text == "(PDF)"
        assert re.fullmatch(r"\(PDF, [\d,]+\sKB\)", after.select_one(".download__meta").text)


class TestUploadedPdfOverrides:
    def test_link_and_address_serve_the_upload(
        self, client, index, django_capture_on_commit_callbacks
    ):
        upload = make_document("Handlungshilfe (gedruckt)", "gedruckt.pdf")
        with upload.open_file() as handle:
            upload_bytes = handle.read()
        with django_capture_on_commit_callbacks(execute=True):
            guide = make_guide(index, pdf=upload, chapters=CHAPTERS)

        link = pdf_link(client, guide)
        response = client.get(pdf_url(guide))

        assert link.a["href"] == upload.url
        assert link.select_one(".download__meta").text == f"(PDF, {len(upload_bytes)}\xa0Bytes)"
        assert response.status_code == 200
        assert response_bytes(response) == upload_bytes
        assert 'filename="gedruckt.pdf"' in response["Content-Disposition"]
        # Nothing was made for a guide whose PDF is uploaded.
        assert not default_storage.exists(guide_pdf.guide_pdf_name(guide))

    def test_help_text_says_the_upload_replaces_the_made_pdf(self):
        help_text = str(GuidePage._meta.get_field("pdf").help_text)

        assert "aus den Kapiteln erzeugt" in help_text
        assert "ersetzt es" in help_text


@pytest.mark.usefixtures("engine")
class TestAccess:
    """The PDF answers like its page: nobody gets it who may not open the guide."""

    def test_staff_only_guide(self, client, index, staff_user):
        guide = make_guide(index, title="Interne Handlungshilfe", staff_only=True)

        anonymous = client.get(pdf_url(guide))
        client.force_login(staff_user)
        staff = client.get(pdf_url(guide))

        assert anonymous.status_code == 302
        assert anonymous["Location"].startswith("/konto/anmelden/")
        assert staff.status_code == 200
        assert "Interne Handlungshilfe" in pdf_text(response_bytes(staff))
        assert "private" in staff["Cache-Control"]

    def test_group_only_guide(self, client, index, staff_user, editor):
        guide = make_guide(index, title="Nur für die Redaktion", chapters=CHAPTERS)
        page_set_group_only(guide, [EDITORS])

        answers = {}
        for who, user in (("anonymous", None), ("staff", staff_user), ("editor", editor)):
            client.logout()
            if user is not None:
                client.force_login(user)
            answers[who] = client.get(pdf_url(guide))
            assert client.get(guide.url).status_code == answers[who].status_code, who

        for who in ("anonymous", "staff"):
            assert answers[who].status_code in (302, 403), who
            assert not response_bytes(answers[who]).startswith(b"%PDF"), who
        assert answers["editor"].status_code == 200
        assert "Nur für die Redaktion" in pdf_text(response_bytes(answers["editor"]))

    def test_uploaded_pdf_of_a_staff_only_guide_stays_closed(self, client, index, staff_user):
        upload = make_document("Interne Fassung", "intern.pdf")
        guide = make_guide(index, pdf=upload, staff_only=True)

        anonymous = client.get(pdf_url(guide))
        client.force_login(staff_user)
        staff = client.get(pdf_url(guide))

        assert anonymous.status_code == 302
        assert staff.status_code == 200

    def test_unpublished_guide_has_no_pdf(self, client, index, editor):
        guide = make_guide(index, chapters=CHAPTERS)
        url = pdf_url(guide)
        guide.unpublish()
        client.force_login(editor)

        assert client.get(url).status_code == 404

    def test_public_pdf_may_be_kept_by_shared_caches(self, client, index):
        guide = make_guide(index, chapters=CHAPTERS)

        response = client.get(pdf_url(guide))

        assert "private" not in response.get("Cache-Control", "")


class TestWithoutThePdfEngine:
    def test_page_and_address_explain_in_german(self, client, index, monkeypatch):
        monkeypatch.setattr(guide_pdf, "pdf_engine_available", lambda: False)
        guide = make_guide(index, chapters=CHAPTERS)

        link = pdf_link(client, guide)
        response = client.get(pdf_url(guide))

        message = "Die PDF-Fassung kann auf diesem Server derzeit nicht erzeugt werden."
        assert link.a is None
        assert message in link.get_text()
        assert response.status_code == 503
        main = BeautifulSoup(response.content, "html.parser").find("main")
        assert message in main.get_text()


class TestDemo:
    def test_demo_guide_offers_the_made_pdf(self, client, demo):
        guide = GuidePage.objects.get(slug="netzwerkarbeit-im-jobcenter-aufbauen")

        link = pdf_link(client, guide)

        assert guide.pdf_id is None
        assert link.a["href"] == pdf_url(guide)

    def test_demo_replaces_its_old_placeholder_upload(self, demo):
        from django.core.management import call_command

        from cms.magazine_demo import STALE_DEMO_PDF_TITLE

        guide = GuidePage.objects.get(slug="netzwerkarbeit-im-jobcenter-aufbauen")
        guide.pdf = make_document(STALE_DEMO_PDF_TITLE, "netzwerkarbeit.pdf")
        publish(guide)

        call_command("load_demo", verbosity=0)

        guide.refresh_from_db()
        assert guide.pdf_id is None
        assert guide.live and not guide.has_unpublished_changes
