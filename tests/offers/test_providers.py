"""Providers keep their own offers on the site; every change goes through the Redaktion."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Revision, WorkflowState

from cms.accounts.groups import EDITORS, STAFF, groups_sync
from offers.models import FundingRoute, OfferPage
from tests.factories import create_user
from tests.factories.offer_providers import create_provider_member, offer_form_data
from tests.factories.offers import create_offer, create_provider, offer_index

pytestmark = pytest.mark.django_db
MY_OFFERS = "/traeger/angebote/"
NEW = "/traeger/angebote/neu/"


def edit_url(page) -> str:
    return reverse("providers:edit", args=[page.pk])


def review(client, page, action: str, comment: str = ""):
    """The Redaktion decides on the review of ``page`` in the Wagtail admin."""
    task_state = page.current_workflow_state.current_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": comment})


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def heading(client, offer) -> str:
    response = client.get(offer.url)
    assert response.status_code == 200
    return soup(response).select_one("h1").get_text(strip=True)


def state() -> tuple:
    return (
        OfferPage.objects.count(),
        Revision.objects.count(),
        WorkflowState.objects.count(),
        list(OfferPage.objects.values_list("title", "waiting_weeks", "live")),
    )


@pytest.fixture
def setup(home):
    groups_sync()
    offer_index()
    provider = create_provider("Diakonie Ennepe-Ruhr")
    offer = create_offer(
        "Schuldnerberatung Schwelm", provider=provider, funding=["16a"], waiting_weeks=6
    )
    member = create_provider_member(provider, username="traeger", display_name="Petra Lange")
    editor = create_user(EDITORS, username="redaktion", email="redaktion@example.org")
    return provider, offer, member, editor


class TestUpdateAndApproval:
    def test_member_updates_redaktion_approves_change_appears(self, client, setup):
        provider, offer, member, editor = setup
        client.force_login(member)

        response = client.post(
            edit_url(offer),
            offer_form_data(offer, title="Schuldner- und Insolvenzberatung", waiting_weeks="1"),
        )

        assert response.status_code == 302
        assert response["Location"] == MY_OFFERS
        offer.refresh_from_db()
        # The live offer is untouched until the review is done.
        assert offer.live and offer.waiting_weeks == 6 and offer.has_unpublished_changes
        assert offer.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert offer.current_workflow_state.requested_by == member
        assert heading(client, offer) == "Schuldnerberatung Schwelm"
        listing = soup(client.get(MY_OFFERS))
        assert listing.select_one(".offer-state").get_text(strip=True) == "in Prüfung"

        client.force_login(editor)
        assert review(client, offer, "approve", "Danke!").status_code in (200, 302)

        offer.refresh_from_db()
        assert (offer.title, offer.waiting_weeks) == ("Schuldner- und Insolvenzberatung", 1)
        assert offer.confirmed_by == "Petra Lange"
        client.logout()
        assert heading(client, offer) == "Schuldner- und Insolvenzberatung"
        client.force_login(member)
        listing = soup(client.get(MY_OFFERS))
        assert listing.select_one(".offer-state").get_text(strip=True) == "veröffentlicht"

    def test_new_offer_is_a_draft_in_review(self, client, setup):
        provider, _offer, member, _editor = setup
        client.force_login(member)
        funding = FundingRoute.objects.get(slug="avgs")

        response = client.post(
            NEW,
            offer_form_data(
                provider=str(provider.pk),
                title="AVGS-Coaching Hattingen",
                funding_routes=[funding.pk],
            ),
        )

        assert response.status_code == 302
        page = OfferPage.objects.get(title="AVGS-Coaching Hattingen")
        assert not page.live
        assert page.get_parent().specific_class.__name__ == "OfferIndexPage"
        assert page.owner == member and page.provider == provider
        assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        revision = page.latest_revision.as_object()
        assert list(revision.funding_routes.all()) == [funding]
        assert [(loc.town, str(loc.latitude)) for loc in revision.locations.all()] == [
            ("Schwelm", "51.28690")
        ]
        client.logout()
        assert client.get(f"/angebote/{page.slug}/").status_code == 404

    def test_changes_requested_then_member_resumes_the_same_review(self, client, setup):
        _provider, offer, member, editor = setup
        client.force_login(member)
        client.post(edit_url(offer), offer_form_data(offer, waiting_weeks="1"))
        offer.refresh_from_db()
        workflow_state = offer.current_workflow_state
        client.force_login(editor)
        review(client, offer, "reject", "Bitte die Sprechzeiten ergänzen.")

        client.force_login(member)
        listing = soup(client.get(MY_OFFERS))
        assert listing.select_one(".offer-state").get_text(strip=True) == "Änderungen erbeten"
        assert "Bitte die Sprechzeiten ergänzen." in listing.select_one("blockquote").get_text()
        form = soup(client.get(edit_url(offer)))
        # The form shows the member's own draft, not the live offer.
        assert form.select_one("#id_waiting_weeks")["value"] == "1"
        response = client.post(
            edit_url(offer), offer_form_data(offer, waiting_weeks="1", schedule="Mo–Fr 8–16 Uhr")
        )

        assert response.status_code == 302
        workflow_state.refresh_from_db()
        assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert WorkflowState.objects.count() == 1
        draft = OfferPage.objects.get(pk=offer.pk).get_latest_revision_as_object()
        assert draft.schedule == "Mo–Fr 8–16 Uhr"

    def test_declined_changes_leave_the_offer_online_and_can_be_sent_again(
        self, client, setup, django_capture_on_commit_callbacks
    ):
        _provider, offer, member, editor = setup
        client.force_login(member)
        client.post(edit_url(offer), offer_form_data(offer, title="Schuldnerberatung (neu)"))
        client.force_login(editor)
        with django_capture_on_commit_callbacks(execute=True):
            review(client, OfferPage.objects.get(pk=offer.pk), "decline", "Doppelt vorhanden.")

        [message] = mail.outbox
        assert message.to == [member.email]
        assert message.subject == (
            "Ihre Änderungen am Angebot „Schuldnerberatung (neu)“ wurden abgelehnt"
        )
        assert "Doppelt vorhanden." in message.body

        assert heading(client, offer) == "Schuldnerberatung Schwelm"
        client.force_login(member)
        card = soup(client.get(MY_OFFERS)).select_one("article")
        assert card.select_one(".offer-state").get_text(strip=True) == "abgelehnt"
        assert "Doppelt vorhanden." in card.select_one("blockquote").get_text()
        response = client.post(edit_url(offer), offer_form_data(offer, waiting_weeks="2"))
        assert response.status_code == 302
        latest = OfferPage.objects.get(pk=offer.pk).current_workflow_state
        assert latest.status == WorkflowState.STATUS_IN_PROGRESS


class TestWhoMayEdit:
    def test_member_of_another_provider_gets_404(self, client, setup):
        _provider, offer, _member, _editor = setup
        other = create_provider_member(create_provider("Caritas Hagen"), username="caritas")
        client.force_login(other)
        before = state()

        assert client.get(edit_url(offer)).status_code == 404
        assert client.post(edit_url(offer), offer_form_data(offer)).status_code == 404
        assert client.get(reverse("providers:confirm", args=[offer.pk])).status_code == 404
        listing = soup(client.get(MY_OFFERS))
        assert listing.select(".submission-list") == []
        assert state() == before

    def test_member_cannot_add_offers_for_another_provider(self, client, setup):
        _provider, _offer, member, _editor = setup
        other = create_provider("Caritas Hagen")
        client.force_login(member)
        before = state()

        response = client.post(NEW, offer_form_data(provider=str(other.pk)))

        assert response.status_code == 200
        error = soup(response).select_one("#id_provider_error")
        assert "gültige Auswahl" in error.get_text()
        assert state() == before

    @pytest.mark.parametrize("who", ["staff", "editor", "group_only", "member_only"])
    def test_staff_and_editors_cannot_edit_on_the_site(self, client, setup, who):
        provider, offer, _member, editor = setup
        users = {
            "staff": lambda: create_user(STAFF, username="netzwerk"),
            "editor": lambda: editor,
            # Both are needed: the group and the provider's member list.
            "group_only": lambda: create_user("Träger", username="ohne-traeger"),
            "member_only": lambda: _member_without_group(provider),
        }
        client.force_login(users[who]())
        before = state()

        assert client.get(MY_OFFERS).status_code == 403
        assert client.get(edit_url(offer)).status_code == 403
        assert client.post(edit_url(offer), offer_form_data(offer)).status_code == 403
        assert state() == before

    def test_anonymous_is_sent_to_login(self, client, setup):
        _provider, offer, _member, _editor = setup
        response = client.get(edit_url(offer))
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/anmelden/?next=")

    def test_editing_during_review_is_refused(self, client, setup):
        _provider, offer, member, _editor = setup
        colleague = create_provider_member(offer.provider, username="kollegin")
        client.force_login(member)
        client.post(edit_url(offer), offer_form_data(offer, waiting_weeks="1"))
        client.force_login(colleague)
        before = state()

        response = client.get(edit_url(offer))
        posted = client.post(edit_url(offer), offer_form_data(offer, waiting_weeks="9"))

        assert response.status_code == 403 and posted.status_code == 403
        alert = soup(response).select_one("[role=alert]").get_text()
        assert "Die Redaktion prüft gerade die Änderungen an diesem Angebot" in alert
        assert state() == before
        listing = soup(client.get(MY_OFFERS))
        assert listing.find("a", href=edit_url(offer)) is None


def _member_without_group(provider):
    user = create_user(username="nur-mitglied")
    provider.members.add(user)
    return user


class TestBadInput:
    @pytest.mark.parametrize(
        ("overrides", "field", "message"),
        [
            ({"title": ""}, "title", "Dieses Feld muss ausgefüllt werden."),
            ({"min_age": "30", "max_age": "20"}, "max_age", "Höchstalter"),
            ({"waiting_weeks": "viele"}, "waiting_weeks", "ganze Zahl"),
            ({"contact_email": "keine-adresse"}, "contact_email", "gültige E-Mail-Adresse"),
            ({"location-0-latitude": "60"}, "location-0-latitude", "kleiner oder gleich 55.1"),
            ({"location-0-postcode": "5833"}, "location-0-postcode", "fünf Ziffern"),
            ({"location-0-longitude": ""}, "location-0-longitude", "Koordinaten"),
            ({"location-0-town": ""}, "location-0-town", "Ort"),
            ({"access": "irgendwie"}, "access", "gültige Auswahl"),
        ],
    )
    def test_german_errors_and_nothing_changes(self, client, setup, overrides, field, message):
        _provider, offer, member, _editor = setup
        client.force_login(member)
        before = state()

        response = client.post(edit_url(offer), offer_form_data(offer, **overrides))

        assert response.status_code == 200
        page = soup(response)
        error = page.select_one(f"#id_{field}_error")
        assert error is not None and message in error.get_text()
        assert "Bitte korrigieren Sie die markierten Felder." in page.get_text()
        assert state() == before

    def test_an_offer_needs_a_location(self, client, setup):
        _provider, offer, member, _editor = setup
        client.force_login(member)
        before = state()
        data = offer_form_data(offer)
        for name in ("name", "street", "postcode", "town", "latitude", "longitude"):
            data[f"location-0-{name}"] = ""

        response = client.post(edit_url(offer), data)

        assert response.status_code == 200
        errors = [p.get_text() for p in soup(response).select("p.error")]
        assert "Bitte geben Sie mindestens einen Standort an." in errors
        assert state() == before


class TestMyOffers:
    def test_lists_the_providers_offers_with_state_and_stale_mark(self, client, setup):
        provider, offer, member, _editor = setup
        stale = create_offer("Suchtberatung", provider=provider, confirmed_at=date(2020, 1, 1))
        create_offer("Fremdes Angebot", provider=create_provider("Caritas Hagen"))
        client.force_login(member)

        page = soup(client.get(MY_OFFERS))

        cards = {
            card.select_one("h2").get_text(strip=True): card for card in page.select("article")
        }
        assert set(cards) == {"Schuldnerberatung Schwelm", "Suchtberatung"}
        assert cards["Suchtberatung"].select_one(".badge--stale") is not None
        assert cards["Schuldnerberatung Schwelm"].select_one(".badge--stale") is None
        assert cards["Suchtberatung"].find("a", href=edit_url(stale)) is not None
        assert page.find("a", href=NEW) is not None

    def test_constant_queries(self, client, setup):
        provider, _offer, member, _editor = setup
        client.force_login(member)
        client.get(MY_OFFERS)
        with CaptureQueriesContext(connection) as few:
            client.get(MY_OFFERS)
        for number in range(4):
            extra = create_offer(f"Angebot {number}", provider=provider)
            client.post(edit_url(extra), offer_form_data(extra, waiting_weeks="3"))
        with CaptureQueriesContext(connection) as many:
            response = client.get(MY_OFFERS)
        assert len(soup(response).select("article")) == 5
        assert len(many) == len(few)


class TestOfferPageActions:
    def test_members_see_the_edit_link_and_staff_the_report_form(self, client, setup):
        _provider, offer, member, _editor = setup
        client.force_login(member)
        actions = soup(client.get(offer.url)).select_one(".offer__actions")
        assert actions.find("a", href=edit_url(offer)) is not None
        assert actions.find("form") is None

        client.force_login(create_user(STAFF, username="netzwerk"))
        actions = soup(client.get(offer.url)).select_one(".offer__actions")
        assert actions.find("a", href=edit_url(offer)) is None
        form = actions.find("form")
        assert form["action"] == reverse("providers:report", args=[offer.pk])
        assert {radio["value"] for radio in form.select("input[type=radio]")} == {
            "veraltet",
            "falsch",
            "beendet",
        }

    def test_the_public_sees_no_actions(self, client, setup):
        _provider, offer, _member, _editor = setup
        assert soup(client.get(offer.url)).select_one(".offer__actions") is None


class TestReviewMails:
    def test_member_hears_of_change_requests_and_approval(
        self, client, setup, django_capture_on_commit_callbacks
    ):
        _provider, offer, member, editor = setup
        client.force_login(member)
        client.post(edit_url(offer), offer_form_data(offer, waiting_weeks="1"))
        offer.refresh_from_db()
        client.force_login(editor)

        with django_capture_on_commit_callbacks(execute=True):
            review(client, offer, "reject", "Bitte die Sprechzeiten ergänzen.")

        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [member.email] and message.reply_to == [editor.email]
        assert message.subject == "Ihr Angebot „Schuldnerberatung Schwelm“ braucht noch Änderungen"
        assert "Bitte die Sprechzeiten ergänzen." in message.body
        assert edit_url(offer) in message.body and "/admin/" not in message.body

        client.force_login(member)
        client.post(edit_url(offer), offer_form_data(offer, waiting_weeks="1"))
        offer.refresh_from_db()
        client.force_login(editor)
        with django_capture_on_commit_callbacks(execute=True):
            review(client, offer, "approve")

        assert len(mail.outbox) == 2
        assert mail.outbox[1].subject == "Ihr Angebot „Schuldnerberatung Schwelm“ ist online"
        assert mail.outbox[1].to == [member.email]


def test_the_demo_provider_updates_an_offer_and_the_redaktion_approves_it(client, demo, settings):
    from django.contrib.auth import get_user_model

    settings.ELASTICSEARCH_URL = ""  # the copied demo rows have no Elasticsearch index
    users = get_user_model().objects
    member = users.get(username="traeger")
    offer = OfferPage.objects.live().filter(provider__members=member).order_by("path").first()
    client.force_login(member)
    response = client.post(edit_url(offer), offer_form_data(offer, waiting_weeks="7"))
    assert response.status_code == 302

    client.force_login(users.get(username="redaktion"))
    assert review(client, offer, "approve").status_code in (200, 302)

    client.logout()
    page = soup(client.get(offer.url))
    waiting = page.find("dt", string="Wartezeit").find_next_sibling("dd")
    assert waiting.get_text(strip=True) == "ca. 7 Wochen"
    listed = soup(client.get("/angebote/", {"q": offer.title, "nahe": ""}))
    card = next(c for c in listed.select(".offer-card") if c.h3.get_text(strip=True) == offer.title)
    assert card.find("dt", string="Wartezeit").find_next_sibling("dd").get_text(strip=True) == (
        "ca. 7 Wochen"
    )
