import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms.accounts.groups import EDITORS, MODERATORS, STAFF, groups_sync
from cms.legal import AccessibilityFeedback, AccessibilityStatementPage, feedback_due_on
from cms.models import FooterSettings, StandardPage
from tests.factories import create_user, site_home
from tests.factories.legal import create_accessibility_statement, create_feedback

pytestmark = pytest.mark.django_db

VALID = {
    "description": "Das Filtermenü lässt sich nicht mit der Tastatur öffnen.",
    "page_address": "/praxisbeispiele/",
    "name": "Eva Muster",
    "email": "eva@example.de",
    "website": "",
}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def statement(home):
    return create_accessibility_statement(home)


class TestStatementPage:
    def test_shows_the_parts_of_the_model_statement_in_german(self, client, statement):
        page = soup(client.get(statement.url))

        headings = [h.get_text(strip=True) for h in page.select("main h2")]
        assert headings == [
            "Stand der Vereinbarkeit mit den Anforderungen",
            "Nicht barrierefreie Inhalte",
            "Erstellung dieser Erklärung zur Barrierefreiheit",
            "Feedback und Kontaktangaben",
            "Schlichtungsverfahren",
        ]
        text = page.select_one("main").get_text(" ", strip=True)
        assert "teilweise mit den Anforderungen der BITV 2.0 vereinbar" in text
        assert "Ältere PDF-Dokumente" in page.select_one(".barrier-list h3").get_text()
        assert "am 30.11.2026 erstellt" in text
        assert "(Stand: 16.11.2026)" in text
        link = page.find("a", string="Schlichtungsstelle nach § 16 BGG")
        assert link["href"] == "https://www.schlichtungsstelle-bgg.de"
        form = page.select_one("#barriere-melden form")
        assert (
            form.find("label", attrs={"for": "id_description"})
            .get_text(strip=True)
            .startswith("Welche Barriere haben Sie gefunden?")
        )

    def test_fully_compliant_statement_says_so(self, client, home):
        statement = create_accessibility_statement(
            home, compliance=AccessibilityStatementPage.Compliance.FULL, barriers=[]
        )
        text = soup(client.get(statement.url)).select_one("main").get_text(" ", strip=True)
        assert "vollständig vereinbar" in text
        assert "Derzeit sind keine Barrieren bekannt." in text


class TestFeedbackForm:
    def test_stores_feedback_due_one_month_later_and_mails_the_redaktion_after_commit(
        self, client, statement, django_capture_on_commit_callbacks
    ):
        groups_sync()
        create_user(EDITORS, username="red", email="red@wissensboerse.example")
        create_user(STAFF, username="staff", email="staff@jobcenter.example")
        received = datetime(2026, 1, 31, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))

        with django_capture_on_commit_callbacks(execute=True):
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(timezone, "now", lambda: received)
                response = client.post(statement.url, VALID)
            assert mail.outbox == []

        assert response.status_code == 302
        feedback = AccessibilityFeedback.objects.get()
        assert feedback.description == VALID["description"]
        assert feedback.due_on == date(2026, 2, 28)
        assert feedback.status == AccessibilityFeedback.Status.OPEN
        [message] = mail.outbox
        assert message.to == ["red@wissensboerse.example"]
        assert message.reply_to == ["eva@example.de"]
        assert "28.02.2026" in message.subject
        assert VALID["description"] in message.body

    def test_thanks_the_sender_after_the_redirect(self, client, statement):
        response = client.post(statement.url, VALID, follow=True)
        status = soup(response).select_one(".messages")
        assert "Vielen Dank für Ihre Meldung" in status.get_text()

    @pytest.mark.parametrize(
        ("data", "field", "message"),
        [
            ({"description": ""}, "description", "Bitte beschreiben Sie die Barriere."),
            ({"email": "kein-at-zeichen"}, "email", "Bitte geben Sie eine gültige E-Mail-Adresse"),
            ({"page_address": "a\nb"}, None, ""),
        ],
    )
    def test_bad_input_gets_a_german_message_and_stores_nothing(
        self, client, statement, data, field, message
    ):
        response = client.post(statement.url, {**VALID, **data})

        assert response.status_code == 400
        assert not AccessibilityFeedback.objects.exists()
        page = soup(response)
        if field:
            error = page.select_one(f"#id_{field}_error")
            assert error.get_text().startswith(message)
        assert page.select_one(".message--error")

    def test_honeypot_stores_nothing_but_answers_like_a_success(self, client, statement):
        response = client.post(statement.url, {**VALID, "website": "https://spam.example"})
        assert response.status_code == 302
        assert not AccessibilityFeedback.objects.exists()
        assert mail.outbox == []

    def test_refuses_more_than_the_hourly_limit(self, client, statement, settings):
        settings.ACCESSIBILITY_FEEDBACK_PER_HOUR = 2
        create_feedback()
        create_feedback()

        response = client.post(statement.url, VALID)

        assert response.status_code == 400
        assert AccessibilityFeedback.objects.count() == 2
        alert = soup(response).select_one("form [role=alert]")
        assert "sehr viele Meldungen" in alert.get_text()


def test_due_date_is_one_month_later_clamped_to_the_month_end():
    assert feedback_due_on(date(2026, 3, 15)) == date(2026, 4, 15)
    assert feedback_due_on(date(2026, 3, 31)) == date(2026, 4, 30)


class TestFeedbackAdmin:
    def list_url(self):
        return reverse("wagtailsnippets_cms_accessibilityfeedback:list")

    def test_redaktion_sees_the_list_with_overdue_marked(self, client, home):
        groups_sync()
        client.force_login(create_user(EDITORS, username="red"))
        create_feedback(received_at=timezone.now() - timedelta(days=40), page_address="/alt/")
        create_feedback(page_address="/neu/")

        response = client.get(self.list_url())

        assert response.status_code == 200
        rows = soup(response).select("table.listing tbody tr")
        assert len(rows) == 2
        marked = "svg.icon-success, svg.icon-check"
        overdue = {
            row.select("td")[-1].get_text(strip=True): bool(row.select_one(marked)) for row in rows
        }
        assert overdue == {"/alt/": True, "/neu/": False}

    def test_admin_users_outside_the_redaktion_may_not_see_it(self, client, home):
        groups_sync()
        client.force_login(create_user(MODERATORS, username="moderation", is_staff=True))
        feedback = create_feedback()
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
        assert self.list_url() not in client.get(reverse("wagtailadmin_home")).content.decode()

        for url in (
            self.list_url(),
            reverse("wagtailsnippets_cms_accessibilityfeedback:edit", args=[feedback.pk]),
        ):
            response = client.get(url)
            assert response.status_code in (302, 403)
            assert feedback.description not in response.content.decode()

    def test_editor_marks_feedback_answered_and_the_date_is_stored(self, client, home):
        groups_sync()
        client.force_login(create_user(EDITORS, username="red"))
        feedback = create_feedback()
        url = reverse("wagtailsnippets_cms_accessibilityfeedback:edit", args=[feedback.pk])

        response = client.post(url, {"status": "answered", "note": "Per E-Mail beantwortet."})

        assert response.status_code == 302
        feedback.refresh_from_db()
        assert feedback.status == AccessibilityFeedback.Status.ANSWERED
        assert feedback.answered_on == timezone.localdate()
        assert feedback.description == "Der Kontrast der Schaltfläche ist zu gering."


class TestDemo:
    def test_load_demo_creates_the_legal_pages_once(self, client, demo):
        # The demo fixture is the result of a first run.
        call_command("load_demo", stdout=io.StringIO())

        assert AccessibilityStatementPage.objects.count() == 1
        statement = AccessibilityStatementPage.objects.get()
        assert statement.slug == "barrierefreiheit"
        assert StandardPage.objects.filter(slug="barrierefreiheit").count() == 0
        assert StandardPage.objects.filter(slug="leichte-sprache").count() == 1
        footer = FooterSettings.objects.get()
        assert footer.accessibility_page_id == statement.pk
        privacy = soup(client.get(footer.privacy_page.url)).select_one("main")
        headings = [h.get_text(strip=True) for h in privacy.select("h2")]
        assert {"Benutzerkonto", "Forum", "Suche", "E-Mails", "Cookies"} <= set(headings)
        assert "nach 90 Tagen gelöscht" in privacy.get_text(" ", strip=True)

    def test_the_earlier_stub_is_replaced_at_the_same_address(self, client, monkeypatch):
        from cms import demo

        # The site's own pages; the loaders of the content sections do not touch them.
        monkeypatch.setattr(demo, "LOADERS", [demo.load_users, demo.load_site])
        home = site_home()
        stub = StandardPage(title="Barrierefreiheit", slug="barrierefreiheit")
        home.add_child(instance=stub)
        stub.save_revision().publish()

        call_command("load_demo", stdout=io.StringIO())

        response = client.get("/barrierefreiheit/")
        assert response.status_code == 200
        assert soup(response).h1.get_text() == "Erklärung zur Barrierefreiheit"

    def test_every_page_header_links_to_leichte_sprache(self, client, demo):

        for url in ("/", "/datenschutz/", "/barrierefreiheit/"):
            header = soup(client.get(url)).select_one("header.site-header")
            link = header.find("a", string="Leichte Sprache")
            assert link["href"] == "/leichte-sprache/"
        page = soup(client.get("/leichte-sprache/")).select_one("main")
        assert "Was ist die Wissensbörse?" in [h.get_text(strip=True) for h in page.select("h2")]


def test_the_header_link_costs_no_query(client, home):
    easy = StandardPage(title="Leichte Sprache", slug="leichte-sprache")
    home.add_child(instance=easy)
    easy.save_revision().publish()
    client.get("/")

    with CaptureQueriesContext(connection) as without_link:
        client.get("/")
    footer = FooterSettings.for_site(home.get_site())
    footer.easy_language_page = easy
    footer.save()
    client.get("/")
    with CaptureQueriesContext(connection) as with_link:
        response = client.get("/")

    assert soup(response).select_one("header").find("a", string="Leichte Sprache")
    assert len(with_link.captured_queries) == len(without_link.captured_queries)
