"""Network staff report outdated or wrong offers; the Redaktion hears and resolves them."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from cms.accounts.groups import EDITORS, STAFF, groups_sync
from offers.models import OfferReport
from tests.factories import create_user
from tests.factories.offer_providers import create_provider_member
from tests.factories.offers import create_offer, create_provider, offer_index

pytestmark = pytest.mark.django_db
LIST = "wagtailsnippets_offers_offerreport:list"
EDIT = "wagtailsnippets_offers_offerreport:edit"


@pytest.fixture
def setup(home):
    groups_sync()
    offer_index()
    offer = create_offer("Schuldnerberatung Schwelm", provider=create_provider("Diakonie EN"))
    staff = create_user(STAFF, username="netzwerk", display_name="Jana Koch")
    editors = [
        create_user(EDITORS, username="redaktion", email="redaktion@example.org"),
        create_user(EDITORS, username="redaktion2", email="redaktion2@example.org"),
    ]
    return offer, staff, editors


def report_url(offer) -> str:
    return reverse("providers:report", args=[offer.pk])


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


class TestReporting:
    def test_staff_report_reaches_the_redaktion_by_mail(
        self, client, setup, django_capture_on_commit_callbacks
    ):
        offer, staff, editors = setup
        client.force_login(staff)
        form = soup(client.get(offer.url)).select_one(".offer__actions form")
        data = {
            field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")
        }
        data.update(reason="veraltet", message="Die Sprechzeiten haben sich geändert.")

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(form["action"], data, follow=True)

        report = OfferReport.objects.get()
        assert (report.page_id, report.reporter, report.reason) == (offer.pk, staff, "veraltet")
        assert report.resolved_at is None
        assert response.redirect_chain[-1][0] == offer.url
        success = soup(response).select_one(".message--success").get_text()
        assert "Ihre Meldung liegt der Redaktion vor" in success
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert sorted(message.to) == ["redaktion2@example.org", "redaktion@example.org"]
        assert message.reply_to == [staff.email]
        assert message.subject == (
            "Meldung zum Angebot „Schuldnerberatung Schwelm“: Angaben veraltet"
        )
        assert "Die Sprechzeiten haben sich geändert." in message.body
        assert reverse(EDIT, args=[report.pk]) in message.body

    def test_bad_input_shows_a_german_error_and_saves_nothing(self, client, setup):
        offer, staff, _editors = setup
        client.force_login(staff)

        response = client.post(report_url(offer), {"reason": "egal", "message": "x"})

        assert response.status_code == 400
        error = soup(response).select_one("fieldset .error").get_text()
        assert "Bitte eine gültige Auswahl treffen." in error
        assert OfferReport.objects.count() == 0
        assert mail.outbox == []

    def test_only_staff_may_report(self, client, setup):
        offer, _staff, _editors = setup
        response = client.post(report_url(offer), {"reason": "falsch"})
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/anmelden/")

        client.force_login(create_provider_member(offer.provider, username="traeger"))
        assert client.post(report_url(offer), {"reason": "falsch"}).status_code == 403
        assert OfferReport.objects.count() == 0

    def test_offers_not_live_cannot_be_reported(self, client, setup):
        offer, staff, _editors = setup
        offer.unpublish()
        client.force_login(staff)
        assert client.post(report_url(offer), {"reason": "falsch"}).status_code == 404

    def test_next_outside_the_site_is_ignored(self, client, setup):
        offer, staff, _editors = setup
        client.force_login(staff)
        response = client.post(
            report_url(offer), {"reason": "falsch", "next": "https://example.com/"}
        )
        assert response["Location"] == offer.url


class TestRedaktionAdmin:
    def test_the_redaktion_sees_and_resolves_reports(self, client, setup):
        offer, staff, editors = setup
        report = OfferReport.objects.create(
            page=offer, reporter=staff, reason="falsch", message="Falsche Telefonnummer"
        )
        client.force_login(editors[0])

        listing = soup(client.get(reverse(LIST)))
        rows = listing.select("table tbody tr")
        assert len(rows) == 1
        assert "Schuldnerberatung Schwelm" in rows[0].get_text()
        assert "Angaben falsch" in rows[0].get_text()

        form = soup(client.get(reverse(EDIT, args=[report.pk])))
        assert form.select_one("input[name=resolved][type=checkbox]") is not None
        assert "Falsche Telefonnummer" in form.get_text()
        response = client.post(reverse(EDIT, args=[report.pk]), {"resolved": "on"})

        assert response.status_code == 302
        report.refresh_from_db()
        assert report.resolved_at is not None
        assert (report.reason, report.message) == ("falsch", "Falsche Telefonnummer")

    def test_staff_and_providers_have_no_admin(self, client, setup):
        offer, staff, _editors = setup
        for user in (staff, create_provider_member(offer.provider, username="traeger")):
            client.force_login(user)
            assert client.get(reverse(LIST)).status_code in (302, 403)
