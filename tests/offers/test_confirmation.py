"""The yearly request to confirm offers, and the confirmation itself."""

import re
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from cms.accounts.groups import EDITORS, groups_sync
from cms.schedule import jobs
from offers.models import OfferPage
from tests.factories import create_user
from tests.factories.offer_providers import create_provider_member, offer_form_data
from tests.factories.offers import create_offer, create_provider, offer_index

pytestmark = pytest.mark.django_db


def long_ago(days: int = 340) -> date:
    return timezone.localdate() - timedelta(days=days)


@pytest.fixture
def setup(home):
    groups_sync()
    offer_index()
    provider = create_provider("Diakonie Ennepe-Ruhr")
    due = create_offer("Schuldnerberatung Schwelm", provider=provider, confirmed_at=long_ago())
    never = create_offer("Suchtberatung Witten", provider=provider)
    OfferPage.objects.filter(pk=never.pk).update(confirmed_at=None)
    fresh = create_offer("Kinderbetreuung Hattingen", provider=provider)
    member = create_provider_member(provider, username="traeger", display_name="Petra Lange")
    return provider, due, never, fresh, member


def run(capture) -> None:
    with capture(execute=True):
        call_command("offers_confirmation", verbosity=0)


class TestConfirmationRequests:
    def test_one_email_per_member_lists_their_offers_due(
        self, setup, django_capture_on_commit_callbacks
    ):
        provider, due, never, fresh, member = setup
        colleague = create_provider_member(provider, username="kollege")
        # Not asked: outside the "Träger" group, or without a provider, or inactive.
        provider.members.add(create_user(username="ehemalig"))
        create_provider_member(provider, username="inaktiv", is_active=False)
        create_provider_member(create_provider("Caritas Hagen"), username="caritas")

        run(django_capture_on_commit_callbacks)

        assert sorted(message.to[0] for message in mail.outbox) == sorted(
            [member.email, colleague.email]
        )
        message = next(m for m in mail.outbox if m.to == [member.email])
        assert message.subject == "Bitte bestätigen Sie Ihre 2 Angebote in der Wissensbörse"
        assert "Schuldnerberatung Schwelm" in message.body
        assert "Suchtberatung Witten" in message.body
        assert "Kinderbetreuung Hattingen" not in message.body
        assert message.body.startswith("Guten Tag Petra Lange,")
        html = BeautifulSoup(message.alternatives[0][0], "html.parser")
        links = {a["href"] for a in html.find_all("a")}
        assert any(link.endswith(reverse("providers:confirm", args=[due.pk])) for link in links)
        assert any(link.endswith(reverse("providers:edit", args=[due.pk])) for link in links)

    def test_sent_once_per_period(self, setup, django_capture_on_commit_callbacks):
        _provider, due, never, _fresh, _member = setup

        run(django_capture_on_commit_callbacks)
        run(django_capture_on_commit_callbacks)

        assert len(mail.outbox) == 1
        asked = OfferPage.objects.get(pk=due.pk).confirmation_requested_at
        assert asked is not None
        OfferPage.objects.filter(pk__in=[due.pk, never.pk]).update(
            confirmation_requested_at=asked - timedelta(days=31)
        )
        run(django_capture_on_commit_callbacks)
        assert len(mail.outbox) == 2

    def test_offers_not_live_are_not_asked_about(self, setup, django_capture_on_commit_callbacks):
        _provider, due, never, _fresh, _member = setup
        due.unpublish()
        never.unpublish()

        run(django_capture_on_commit_callbacks)

        assert mail.outbox == []

    def test_a_daily_job_of_the_scheduler(self):
        assert "offers_confirmation" in {job.name for job in jobs() if job.daily_at}


class TestConfirm:
    def test_the_link_in_the_email_confirms_without_review(
        self, client, setup, django_capture_on_commit_callbacks
    ):
        _provider, due, _never, _fresh, member = setup
        run(django_capture_on_commit_callbacks)
        link = re.search(r"https?://\S+/bestaetigen/", mail.outbox[0].body).group(0)
        path = "/" + link.split("/", 3)[3]
        client.force_login(member)

        page = BeautifulSoup(client.get(path).content, "html.parser")
        button = page.select_one("main form button") or page.select_one("form button")
        assert button.get_text(strip=True) == "Angaben unverändert bestätigen"
        response = client.post(path, follow=True)

        due.refresh_from_db()
        assert (due.confirmed_at, due.confirmed_by) == (timezone.localdate(), "Petra Lange")
        assert not due.is_stale
        assert not due.has_unpublished_changes
        assert WorkflowState.objects.count() == 0
        message = BeautifulSoup(response.content, "html.parser").select_one(".message--success")
        assert "ist zum" in message.get_text() and "bestätigt" in message.get_text()

    def test_login_required(self, client, setup):
        _provider, due, _never, _fresh, _member = setup
        path = reverse("providers:confirm", args=[due.pk])
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/anmelden/")

    def test_publishing_an_older_draft_keeps_the_newer_confirmation(self, client, setup):
        _provider, due, _never, _fresh, member = setup
        editor = create_user(EDITORS, username="redaktion")
        # The Redaktion saved a draft while the offer was still unconfirmed.
        draft = due.get_latest_revision_as_object()
        draft.teaser = "Neu formuliert"
        revision = draft.save_revision(user=editor)
        client.force_login(member)
        client.post(reverse("providers:confirm", args=[due.pk]))

        revision.refresh_from_db()
        revision.publish()

        due.refresh_from_db()
        assert due.teaser == "Neu formuliert"
        assert (due.confirmed_at, due.confirmed_by) == (timezone.localdate(), "Petra Lange")

    def test_saving_changes_confirms_as_well(self, client, setup):
        _provider, due, _never, _fresh, member = setup
        client.force_login(member)
        client.post(reverse("providers:edit", args=[due.pk]), offer_form_data(due))

        draft = OfferPage.objects.get(pk=due.pk).get_latest_revision_as_object()
        assert (draft.confirmed_at, draft.confirmed_by) == (timezone.localdate(), "Petra Lange")

    def test_another_providers_member_cannot_confirm(self, client, setup):
        _provider, due, _never, _fresh, _member = setup
        client.force_login(create_provider_member(create_provider("Caritas"), username="c"))

        assert client.post(reverse("providers:confirm", args=[due.pk])).status_code == 404

        due.refresh_from_db()
        assert due.confirmed_at == long_ago()
