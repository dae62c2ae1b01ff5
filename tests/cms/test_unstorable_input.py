"""Characters no database column can hold (NUL, broken UTF-8) get a German 400 everywhere,
before any view or the session lookup passes them to SQL; real text still gets through."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db

MESSAGE_START = "Die Anfrage enthält Zeichen, die nicht verarbeitet werden können"

PUBLIC_URLS = [
    "/?q=%00",
    "/suche/?q=a%00b",
    "/suche/?q%00=Sucht",
    "/suche/?q=%ff",
    "/suche/?q=%FCbergang",  # Latin-1 "ü", not UTF-8
    "/suche/?q=%ED%A0%80",  # a lone surrogate, UTF-8-encoded
    "/suche/?q=Sucht&handlungsfeld=%00",
    "/praxisbeispiele/?bundesland=%00",
    "/praxisbeispiele/?seite=1%00",
    "/praxisbeispiele/%00/",
    "/praxisbeispiele/schuldner%00beratung/",
    "/jobcenter/%00/",
    "/magazin/?seite=%00",
    "/handlungshilfen/?handlungsfeld=%00",
    "/magazin/feed/rss/?x=%00",
    "/sitemap.xml?p=%00",
    "/konto/anmelden/?next=/forum/%00",
    "/konto/passwort-neu/%00/token/",
    "/dokumente/1/datei%00.pdf",
    "/admin/pages/search/?q=%00",
]
MEMBER_URLS = [
    "/forum/?seite=%00",
    "/forum/neueste/?seite=%00",
    "/forum/mitglieder-vorschlaege/?q=%00",
    "/forum/mitglieder-vorschlaege/?q=%ff",
    "/forum/mitglieder/%00/",
    "/forum/kategorie/netz%00werk/",
    "/forum/neues-thema/?kategorie=%00",
    "/forum/benachrichtigungen/?seite=%00",
    "/praxisbeispiel-einreichen/?x=%00",
    "/konto/profil/?x=%00",
]
API_URLS = [
    "/api/v1/search/?q=%00",
    "/api/v1/search/?q=%ff",
    "/api/v1/search/?bundesland=NW%00",
    "/api/v1/search/%00",
]


def assert_german_400(response) -> None:
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Ungültige Anfrage"
    assert soup.main.p.get_text(strip=True).startswith(MESSAGE_START)


@pytest.fixture
def member(client, staff_user):
    client.force_login(staff_user)
    return client


class TestQueryStringsAndPaths:
    @pytest.mark.parametrize("url", PUBLIC_URLS)
    def test_public_urls(self, client, home, url):
        assert_german_400(client.get(url))

    @pytest.mark.parametrize("url", MEMBER_URLS)
    def test_member_urls(self, member, home, url):
        assert_german_400(member.get(url))

    @pytest.mark.parametrize("url", API_URLS)
    def test_api_answers_in_json(self, client, home, url):
        response = client.get(url)

        assert response.status_code == 400
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"].startswith(MESSAGE_START)

    def test_refusal_carries_the_security_headers(self, client, home):
        response = client.get("/suche/?q=%00")

        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert "camera=()" in response["Permissions-Policy"]

    @pytest.mark.parametrize(
        "url",
        [
            "/suche/?q=M%C3%BCnchen+%E2%80%93+%C3%9Cbergang",
            "/suche/?q=%F0%9F%91%8D",  # 4-byte UTF-8
            "/suche/?q=100%25",
            "/suche/?q=%0Aa%09b",  # other control characters are ordinary input here
        ],
    )
    def test_real_text_gets_through(self, client, home, url):
        response = client.get(url)

        assert response.status_code == 200


class TestFormData:
    def test_login_with_null_in_username(self, client, home, staff_user):
        from axes.models import AccessAttempt

        response = client.post(
            "/konto/anmelden/", {"username": "netzwerk\x00", "password": PASSWORD}
        )

        assert_german_400(response)
        assert not AccessAttempt.objects.exists()
        assert "_auth_user_id" not in client.session

    def test_null_in_a_field_name(self, client, home, staff_user):
        response = client.post(
            "/konto/anmelden/",
            {"username": "netzwerk", "password": PASSWORD, "x\x00": "1"},
        )

        assert_german_400(response)
        assert "_auth_user_id" not in client.session

    def test_profile_with_null_changes_nothing(self, member, staff_user):
        from django.contrib.auth import get_user_model

        before = get_user_model().objects.values().get(pk=staff_user.pk)

        response = member.post(
            "/konto/profil/",
            {
                "display_name": "Anna\x00Berger",
                "email": "anna@jobcenter-en.example",
                "organisation": "Jobcenter EN",
                "function": "Netzwerkkoordinatorin",
                "region": "NW",
            },
        )

        assert_german_400(response)
        assert get_user_model().objects.values().get(pk=staff_user.pk) == before

    def test_forum_topic_with_null_creates_nothing(self, member, home):
        from forum.models import Topic
        from tests.forum.helpers import create_category

        category = create_category()

        response = member.post(
            "/forum/neues-thema/",
            {
                "category": category.pk,
                "title": "Suchtberatung einbinden",
                "body": "Wie macht ihr das?\x00",
            },
        )

        assert_german_400(response)
        assert not Topic.objects.exists()

    def test_broken_utf8_in_a_url_encoded_body(self, client, home, staff_user):
        response = client.post(
            "/konto/anmelden/",
            "username=netzwerk%FF&password=x",
            content_type="application/x-www-form-urlencoded",
        )

        assert_german_400(response)

    def test_null_in_a_multipart_field(self, client, home):
        response = client.post(
            "/konto/anmelden/",
            {"username": "a\x00", "password": "x", "datei": SimpleUploadedFile("a.txt", b"x")},
        )

        assert_german_400(response)

    def test_binary_upload_content_is_not_checked(self, client, home, staff_user):
        response = client.post(
            "/konto/anmelden/",
            {
                "username": "netzwerk",
                "password": "falsch",
                "datei": SimpleUploadedFile("bild.png", b"\x89PNG\x00\x00\x00\rIHDR"),
            },
        )

        assert response.status_code == 200


class TestCookies:
    def test_null_in_the_session_cookie(self, client, home):
        client.cookies["sessionid"] = "abcdefgh\x00ijklmnop"

        response = client.get("/")

        assert_german_400(response)
