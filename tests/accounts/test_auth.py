import re

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/konto/anmelden/"
ADMIN_LOGIN = "/admin/login/"


def shown_errors(response) -> list[str]:
    """The error texts a login page shows, in the site's and in Wagtail's markup."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [error.get_text(" ", strip=True) for error in soup.select(".error, .error-message")]


class TestLogin:
    def test_login_with_correct_password(self, client, home, staff_user):
        response = client.post(LOGIN, {"username": "netzwerk", "password": PASSWORD})
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:profile")
        assert client.get("/").context["request"].user == staff_user

    def test_wrong_password_gives_german_message(self, client, home, staff_user):
        response = client.post(LOGIN, {"username": "netzwerk", "password": "falsch"})
        assert response.status_code == 200
        assert "Benutzername oder Passwort ist falsch" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_lockout_after_repeated_failures(self, client, home, staff_user, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post(LOGIN, {"username": "netzwerk", "password": "falsch"})
        response = client.post(LOGIN, {"username": "netzwerk", "password": PASSWORD})
        assert response.status_code == 429
        assert "Anmeldung vorübergehend gesperrt" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_lockout_is_per_account(self, client, home, staff_user, editor, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post(LOGIN, {"username": "netzwerk", "password": "falsch"})
        response = client.post(LOGIN, {"username": "redakteurin", "password": PASSWORD})
        assert response.status_code == 302

    def test_logout_needs_post(self, client, home, staff_user):
        client.force_login(staff_user)
        response = client.post(reverse("accounts:logout"))
        assert response.status_code == 302
        assert "_auth_user_id" not in client.session


class TestPasswordReset:
    def test_reset_by_email_link(
        self, client, home, staff_user, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("accounts:password_reset"), {"email": staff_user.email})
        assert response.status_code == 302
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [staff_user.email]
        assert message.subject == "Ihr neues Passwort für die Wissensbörse"
        assert "Guten Tag" in message.body
        link = re.search(
            re.escape(settings.SITE_URL) + r"(/konto/passwort-neu/\S+/)", message.body
        ).group(1)

        form_url = client.get(link)["Location"]
        new_password = "Neues-Passwort-fuer-2027"
        response = client.post(
            form_url, {"new_password1": new_password, "new_password2": new_password}
        )
        assert response.status_code == 302
        staff_user.refresh_from_db()
        assert staff_user.check_password(new_password)

    def test_unknown_address_sends_nothing_but_says_the_same(self, client, home):
        response = client.post(
            reverse("accounts:password_reset"), {"email": "niemand@example.org"}, follow=True
        )
        assert "Bitte prüfen Sie Ihr Postfach" in response.content.decode()
        assert mail.outbox == []

    def test_tampered_link_is_refused(self, client, home, staff_user):
        response = client.get("/konto/passwort-neu/MQ/falsches-token/")
        assert "ungültig oder abgelaufen" in response.content.decode()


class TestProfile:
    def test_anonymous_is_sent_to_login(self, client, home):
        response = client.get(reverse("accounts:profile"))
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)

    def test_member_edits_profile(self, client, home, staff_user):
        client.force_login(staff_user)
        response = client.post(
            reverse("accounts:profile"),
            {
                "display_name": "Anna Berger",
                "email": "anna@jobcenter-en.example",
                "organisation": "Jobcenter EN",
                "function": "Netzwerkkoordinatorin",
                "region": "NW",
            },
            follow=True,
        )
        assert "Ihr Profil wurde gespeichert." in response.content.decode()
        staff_user.refresh_from_db()
        assert (staff_user.display_name, staff_user.function) == (
            "Anna Berger",
            "Netzwerkkoordinatorin",
        )

    def test_invalid_input_changes_nothing(self, client, home, staff_user):
        client.force_login(staff_user)
        before = get_user_model().objects.values().get(pk=staff_user.pk)
        response = client.post(
            reverse("accounts:profile"),
            {"display_name": "X", "email": "keine-adresse", "region": "XX"},
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "Bitte korrigieren Sie die markierten Felder." in html
        assert "gültige E-Mail-Adresse" in html
        assert get_user_model().objects.values().get(pk=staff_user.pk) == before


class TestLockOut:
    def test_failures_from_many_addresses_lock_the_account(
        self, client, home, staff_user, settings
    ):
        for number in range(settings.AXES_FAILURE_LIMIT):
            client.post(
                LOGIN,
                {"username": "netzwerk", "password": "falsch"},
                REMOTE_ADDR=f"198.51.100.{number + 1}",
            )

        response = client.post(
            LOGIN, {"username": "netzwerk", "password": PASSWORD}, REMOTE_ADDR="203.0.113.9"
        )

        assert response.status_code == 429
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.h1.get_text(strip=True) == "Anmeldung vorübergehend gesperrt"
        assert "_auth_user_id" not in client.session

    def test_admin_login_shares_the_count(self, client, home, editor, settings):
        for number in range(settings.AXES_FAILURE_LIMIT):
            client.post(
                ADMIN_LOGIN,
                {"username": "redakteurin", "password": "falsch"},
                REMOTE_ADDR=f"198.51.100.{number + 1}",
            )

        response = client.post(LOGIN, {"username": "redakteurin", "password": PASSWORD})

        assert response.status_code == 429

    def test_colleagues_behind_one_address_are_not_locked_out(
        self, client, home, staff_user, settings
    ):
        # A Jobcenter behind one NAT address: many colleagues mistype their passwords.
        for number in range(settings.AXES_FAILURE_LIMIT * 2):
            client.post(
                LOGIN,
                {"username": f"kollegin{number}", "password": "falsch"},
                REMOTE_ADDR="192.0.2.10",
            )

        response = client.post(
            LOGIN, {"username": "netzwerk", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
        )

        assert response.status_code == 302


@pytest.mark.parametrize("url", [LOGIN, ADMIN_LOGIN])
class TestOverlongCredentials:
    def test_overlong_username_is_a_field_error(self, client, home, staff_user, url):
        response = client.post(url, {"username": "n" * 5_000, "password": PASSWORD})

        assert response.status_code == 200
        assert shown_errors(response) == [
            "Bitte sicherstellen, dass der Wert aus höchstens 150 Zeichen besteht. "
            "(Er besteht aus 5000 Zeichen.)"
        ]
        assert not AccessAttempt.objects.exists()
        assert "_auth_user_id" not in client.session

    def test_overlong_password_is_a_field_error(self, client, home, staff_user, url):
        response = client.post(url, {"username": "netzwerk", "password": "p" * 100_000})

        assert response.status_code == 200
        assert shown_errors(response) == [
            "Bitte sicherstellen, dass der Wert aus höchstens 4096 Zeichen besteht. "
            "(Er besteht aus 100000 Zeichen.)"
        ]
        assert not AccessAttempt.objects.exists()

    def test_null_character_is_refused(self, client, home, staff_user, url):
        response = client.post(url, {"username": "netz\x00werk", "password": PASSWORD})

        assert response.status_code == 400
        soup = BeautifulSoup(response.content, "html.parser")
        assert "Nullzeichen" in soup.main.get_text()
        assert not AccessAttempt.objects.exists()
        assert "_auth_user_id" not in client.session
