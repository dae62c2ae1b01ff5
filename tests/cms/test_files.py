"""Files follow their page: documents, image originals and renditions, by every URL."""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from cms.access import (
    can_view_document,
    can_view_image,
    page_set_group_only,
    page_set_staff_only,
)
from cms.accounts.groups import EDITORS, MODERATORS, STAFF
from practices.content import PracticeContent
from practices.models import PracticeDocument, PracticeImage
from practices.services import practice_submit
from tests.cms.magazine_helpers import guide_index, magazine_index, make_guide, make_issue
from tests.factories import create_user, site_home
from tests.factories.files import create_document, create_image, pdf_upload, png_upload
from tests.factories.practices import create_jobcenter, create_practice, practice_index

pytestmark = pytest.mark.django_db

LOGIN = "/konto/anmelden/"
PASSWORD = "Geheimnis-2026"
ROLES = ("anonymous", "outsider", "staff", "editor", "submitter")

# Who gets the files of each kind of page. The Redaktion may choose every document and image
# in the admin, so it gets the files of pages it could not read (password) as well.
ALLOWED = {
    "public": {"anonymous", "outsider", "staff", "editor", "submitter"},
    "staff_only": {"staff", "editor", "submitter"},
    "redaktion_only": {"editor"},
    "password": {"editor"},
    "pending": {"editor", "submitter"},
}
CASES = [(case, role) for case in ALLOWED for role in ROLES]


@dataclass
class Files:
    page: Page
    document: object
    image: object

    def urls(self) -> dict[str, str]:
        rendition = self.image.get_rendition("width-20")
        return {
            "document": self.document.url,
            "document_media": self.document.file.url,
            "image_original": self.image.file.url,
            "image_rendition": rendition.url,
        }

    def contents(self) -> dict[str, bytes]:
        rendition = self.image.get_rendition("width-20")
        return {
            "document": read(self.document.file),
            "document_media": read(self.document.file),
            "image_original": read(self.image.file),
            "image_rendition": read(rendition.file),
        }


def read(field_file) -> bytes:
    with field_file.open("rb") as handle:
        return handle.read()


def body_of(response) -> bytes:
    # The test client closes a streamed response once its content is read; closing it again
    # here would send request_finished and end the test's database connection.
    return response.getvalue()


def practice_with_files(**fields) -> Files:
    document, image = create_document(), create_image()
    page = create_practice(
        documents=[PracticeDocument(document=document)],
        images=[PracticeImage(image=image, alt_text="Flyer der Joboffensive")],
        **fields,
    )
    return Files(page=page, document=document, image=image)


@pytest.fixture(autouse=True)
def forget_renditions():
    """Wagtail caches renditions by image id, and ids come again after a test's rollback."""
    cache.clear()


@pytest.fixture
def users(db) -> dict:
    return {
        "anonymous": None,
        "outsider": create_user(username="extern"),
        "staff": create_user(STAFF, username="netzwerk"),
        "editor": create_user(EDITORS, username="redakteurin"),
        "submitter": create_user(STAFF, username="einreicherin"),
    }


def make_case(case: str, users: dict) -> Files:
    practice_index()
    if case == "pending":
        page = practice_submit(
            user=users["submitter"],
            content=PracticeContent(
                title="Peer-Mentoring im Absolventenmanagement",
                teaser="Ehemalige Teilnehmende begleiten neue Teilnehmende.",
                jobcenters=[create_jobcenter()],
                staff_only=False,
                document=pdf_upload(),
                image=png_upload(),
                image_alt="Flyer der Joboffensive",
            ),
        )
        page = page.specific
        return Files(
            page=page, document=page.documents.get().document, image=page.images.get().image
        )
    files = practice_with_files(staff_only=case == "staff_only")
    if case == "redaktion_only":
        page_set_group_only(files.page, [EDITORS])
    if case == "password":
        PageViewRestriction.objects.create(
            page=files.page, restriction_type=BaseViewRestriction.PASSWORD, password=PASSWORD
        )
    return files


def log_in(client, user) -> None:
    if user is not None:
        client.force_login(user)


def assert_refused(response, url: str, *, anonymous: bool) -> None:
    content = body_of(response) if response.streaming else response.content
    assert "X-Accel-Redirect" not in response
    if anonymous:
        assert response.status_code == 302
        location = urlsplit(response["Location"])
        assert location.path == LOGIN
        assert parse_qs(location.query)["next"] == [url]
    else:
        assert response.status_code == 403, content[:200]


class TestFilesFollowTheirPage:
    @pytest.mark.parametrize(("case", "role"), CASES)
    def test_every_url_answers_as_the_page_does(self, client, home, users, case, role):
        files = make_case(case, users)
        urls, contents = files.urls(), files.contents()
        log_in(client, users[role])

        responses = {kind: client.get(url) for kind, url in urls.items()}

        for kind, response in responses.items():
            if role in ALLOWED[case]:
                assert response.status_code == 200, (kind, urls[kind])
                assert body_of(response) == contents[kind], kind
            else:
                assert_refused(response, urls[kind], anonymous=role == "anonymous")

    def test_files_of_a_password_page_after_the_password_is_entered(self, client, home, users):
        files = make_case("password", users)
        restriction = PageViewRestriction.objects.get(page=files.page)
        urls = files.urls()
        form_url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, files.page.pk]
        )

        before = client.get(urls["image_original"])
        client.post(form_url, {"password": PASSWORD, "return_url": files.page.url})
        after = {kind: client.get(url) for kind, url in urls.items()}

        assert_refused(before, urls["image_original"], anonymous=True)
        assert {kind: response.status_code for kind, response in after.items()} == dict.fromkeys(
            urls, 200
        )

    def test_a_group_restriction_lets_its_members_through(self, client, home):
        moderator = create_user(MODERATORS, username="moderatorin")
        files = practice_with_files()
        page_set_group_only(files.page, [MODERATORS])

        client.force_login(create_user(STAFF, username="netzwerk"))
        refused = client.get(files.document.url)
        client.force_login(moderator)
        served = client.get(files.document.url)

        assert refused.status_code == 403
        assert served.status_code == 200
        assert body_of(served) == read(files.document.file)

    def test_a_rendition_made_later_for_a_staff_only_image_stays_protected(self, client, home):
        files = practice_with_files(staff_only=True)
        rendition = files.image.get_rendition("fill-10x10")

        response = client.get(rendition.url)

        assert_refused(response, rendition.url, anonymous=True)

    def test_making_a_page_staff_only_protects_its_files_at_once(self, client, home):
        files = practice_with_files()
        url = files.image.file.url
        assert body_of(client.get(url)) == read(files.image.file)

        page_set_staff_only(files.page, True)
        response = client.get(url)

        assert_refused(response, url, anonymous=True)

    def test_a_file_on_a_public_and_a_staff_only_page_is_public(self, client, home):
        files = practice_with_files(staff_only=True)
        create_practice(documents=[PracticeDocument(document=files.document)])

        response = client.get(files.document.url)

        assert response.status_code == 200
        assert body_of(response) == read(files.document.file)

    def test_a_file_added_only_in_a_draft_of_a_public_page_is_not_public(self, client, home):
        files = practice_with_files()
        draft_document = create_document("Entwurf")
        page = files.page.specific
        page.documents.add(PracticeDocument(document=draft_document))
        page.save_revision()

        anonymous = client.get(draft_document.url)
        client.force_login(create_user(EDITORS, username="redakteurin"))
        editor = client.get(draft_document.url)

        assert_refused(anonymous, draft_document.url, anonymous=True)
        assert editor.status_code == 200


class TestFilesNoPageUses:
    def test_only_the_uploader_and_those_who_may_choose_it_get_it(self, client, home):
        uploader = create_user(STAFF, username="hochladende")
        document = create_document(user=uploader)
        image = create_image(user=uploader)
        urls = [document.url, document.file.url, image.file.url]

        anonymous = [client.get(url) for url in urls]
        client.force_login(create_user(STAFF, username="netzwerk"))
        staff = [client.get(url) for url in urls]
        client.force_login(uploader)
        own = [client.get(url).status_code for url in urls]
        client.force_login(create_user(EDITORS, username="redakteurin"))
        editor = [client.get(url).status_code for url in urls]

        for url, response in zip(urls, anonymous, strict=True):
            assert_refused(response, url, anonymous=True)
        for url, response in zip(urls, staff, strict=True):
            assert_refused(response, url, anonymous=False)
        assert own == [200, 200, 200]
        assert editor == [200, 200, 200]


def practice_body_download(document, image):
    return create_practice(body=[("download", {"document": document, "title": "Konzept"})])


def practice_body_link(document, image):
    link = f'<p>Siehe <a linktype="document" id="{document.pk}">Konzept</a>.</p>'
    return create_practice(body=[("situation", link)])


def practice_body_image(document, image):
    value = {"image": image, "alt_text": "Flyer", "caption": "", "credit": ""}
    return create_practice(body=[("image", value)])


def guide_pdf(document, image):
    return make_guide(guide_index(site_home()), pdf=document)


def issue_cover(document, image):
    return make_issue(magazine_index(site_home()), cover_image=image, cover_alt_text="Titelbild")


class TestWherePagesUseFiles:
    """The reference index finds files in every place pages hold them."""

    @pytest.mark.parametrize(
        ("holder", "kind"),
        [
            (practice_body_download, "document"),
            (practice_body_link, "document"),
            (practice_body_image, "image"),
            (guide_pdf, "document"),
            (issue_cover, "image"),
        ],
    )
    def test_public_holder_serves_staff_only_holder_protects(self, client, home, holder, kind):
        practice_index()
        document, image = create_document(), create_image()
        page = holder(document, image)
        url = document.url if kind == "document" else image.file.url

        public = client.get(url)
        page_set_staff_only(page, True)
        protected = client.get(url)

        assert public.status_code == 200
        body_of(public)
        assert_refused(protected, url, anonymous=True)


class TestPolicy:
    def test_can_view_document_and_image_ask_the_pages(self, home):
        files = practice_with_files(staff_only=True)
        staff = create_user(STAFF, username="netzwerk")

        assert can_view_document(staff, files.document)
        assert can_view_image(staff, files.image)
        assert not can_view_document(AnonymousUser(), files.document)
        assert not can_view_image(AnonymousUser(), files.image)


class TestResponses:
    def test_protected_files_are_private_to_caches_public_ones_not(self, client, home):
        public = practice_with_files()
        protected = practice_with_files(staff_only=True)
        client.force_login(create_user(STAFF, username="netzwerk"))

        responses = {
            "public": client.get(public.image.file.url),
            "public_document": client.get(public.document.url),
            "protected": client.get(protected.image.file.url),
            "protected_document": client.get(protected.document.url),
        }

        cache_control = {
            name: response.get("Cache-Control", "") for name, response in responses.items()
        }
        for response in responses.values():
            body_of(response)
        assert "private" in cache_control["protected"]
        assert "private" in cache_control["protected_document"]
        assert "private" not in cache_control["public"]
        assert "private" not in cache_control["public_document"]

    def test_a_document_by_its_storage_address_is_sent_as_by_its_link(self, client, home):
        files = practice_with_files()
        headers = ("Content-Type", "Content-Disposition", "Content-Security-Policy")

        by_link = client.get(files.document.url)
        by_address = client.get(files.document.file.url)

        assert body_of(by_address) == body_of(by_link)
        assert [by_address[name] for name in headers] == [by_link[name] for name in headers]
        assert by_link["Content-Type"] == "application/pdf"
        assert f'filename="{files.document.filename}"' in by_link["Content-Disposition"]

    @override_settings(MEDIA_ACCEL_REDIRECT_PREFIX="/intern-medien/")
    def test_the_proxy_sends_the_bytes_after_the_check(self, client, home):
        files = practice_with_files(staff_only=True)
        urls = files.urls()

        refused = client.get(urls["image_original"])
        client.force_login(create_user(STAFF, username="netzwerk"))
        responses = {kind: client.get(url) for kind, url in urls.items()}

        assert_refused(refused, urls["image_original"], anonymous=True)
        rendition = files.image.get_rendition("width-20")
        assert {kind: r["X-Accel-Redirect"] for kind, r in responses.items()} == {
            "document": f"/intern-medien/{files.document.file.name}",
            "document_media": f"/intern-medien/{files.document.file.name}",
            "image_original": f"/intern-medien/{files.image.file.name}",
            "image_rendition": f"/intern-medien/{rendition.file.name}",
        }
        for response in responses.values():
            assert response.status_code == 200
            assert body_of(response) == b""
            assert "private" in response["Cache-Control"]

    def test_documents_are_linked_through_the_checked_view(self, client, home):
        files = practice_with_files()

        soup = BeautifulSoup(client.get(files.page.url).content, "html.parser")

        links = [a["href"] for a in soup.select("a[href]")]
        assert files.document.url in links
        assert not [href for href in links if href.startswith(settings.MEDIA_URL)]


class TestUnknownPaths:
    @pytest.mark.parametrize(
        "path",
        [
            "/media/",
            "/media/original_images/gibt-es-nicht.png",
            "/media/images/gibt-es-nicht.width-20.png",
            "/media/documents/gibt-es-nicht.pdf",
            "/media/../cms/settings/base.py",
            "/media/original_images/%2e%2e/%2e%2e/cms/settings/base.py",
            "/media/original_images/..%2f..%2fmanage.py",
            "/media/documents/%2e%2e%5c%2e%2e%5cmanage.py",
            "/media/anderes/datei.txt",
        ],
    )
    def test_unknown_and_traversal_paths_are_not_found(self, client, home, path):
        response = client.get(path)

        assert response.status_code == 404

    def test_a_file_in_media_root_without_a_record_is_not_served(self, client, home):
        orphan = Path(settings.MEDIA_ROOT) / "original_images" / "verwaist.png"
        orphan.parent.mkdir(parents=True, exist_ok=True)
        orphan.write_bytes(b"\x89PNG verwaist")

        response = client.get("/media/original_images/verwaist.png")

        assert response.status_code == 404
