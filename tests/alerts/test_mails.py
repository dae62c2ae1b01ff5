"""Alert e-mails: a new matching item is mailed once, to members who may see it."""

from datetime import timedelta
from io import StringIO
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alerts.models import SavedSearch, SavedSearchHit
from alerts.services import send_weekly_digests
from cms.accounts.groups import STAFF
from cms.schedule import jobs
from tests.factories import create_user
from tests.factories.alerts import create_saved_search
from tests.factories.practices import create_jobcenter, create_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def nrw(library):
    return create_jobcenter("Jobcenter Dortmund", land="NW")


@pytest.fixture
def bavaria(library):
    return create_jobcenter("Jobcenter München", land="BY")


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish through Wagtail and run what waits for the commit (tasks, e-mails)."""

    def run(title: str, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return create_practice(title, **fields)

    return run


def unsubscribe_link(message) -> str:
    """The path of the unsubscribe link in the plain-text e-mail."""
    line = next(line for line in message.body.splitlines() if "/abbestellen/" in line)
    return urlsplit(line.split()[-1]).path


class TestImmediate:
    def test_a_new_matching_practice_is_mailed_once(
        self, publish, nrw, staff_user, django_capture_on_commit_callbacks
    ):
        saved = create_saved_search(staff_user)

        practice = publish(
            "Kinderbetreuung für Alleinerziehende",
            jobcenters=[nrw],
            target_groups=["alleinerziehende"],
        )

        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [staff_user.email]
        assert message.subject == (
            "[Wissensbörse] Neu in Ihrem Suchauftrag „Praxisbeispiele: Alleinerziehende, "
            "Nordrhein-Westfalen“: Kinderbetreuung für Alleinerziehende"
        )
        assert "http://testserver" not in message.body
        assert practice.url in message.body
        assert "/abbestellen/" in message.extra_headers["List-Unsubscribe"]
        html = BeautifulSoup(message.alternatives[0][0], "html.parser")
        assert html.find("a", string="Kinderbetreuung für Alleinerziehende")

        # Published again, and edited and republished: no second e-mail.
        practice.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            practice.save_revision().publish()
            practice.title = "Kinderbetreuung für Alleinerziehende (aktualisiert)"
            practice.save_revision().publish()
        assert len(mail.outbox) == 1
        assert SavedSearchHit.objects.filter(saved_search=saved).count() == 1

    def test_a_practice_that_does_not_match_is_not_mailed(self, publish, nrw, bavaria, staff_user):
        create_saved_search(staff_user)

        publish(
            "Alleinerziehende in Bayern", jobcenters=[bavaria], target_groups=["alleinerziehende"]
        )
        publish("Ältere in NRW", jobcenters=[nrw], target_groups=["aeltere"])

        assert mail.outbox == []

    def test_content_published_before_the_search_was_saved_is_not_new(
        self, publish, nrw, staff_user, django_capture_on_commit_callbacks
    ):
        old = create_practice(
            "Schon lange da", jobcenters=[nrw], target_groups=["alleinerziehende"]
        )
        create_saved_search(staff_user)
        old.refresh_from_db()  # as the editor opens it

        with django_capture_on_commit_callbacks(execute=True):
            old.save_revision().publish()

        assert mail.outbox == []

    def test_staff_only_practice_never_reaches_a_member_who_may_not_see_it(
        self, publish, nrw, staff_user
    ):
        public_member = create_user(username="oeffentlich")
        create_saved_search(public_member)
        create_saved_search(staff_user)

        publish(
            "Interne Auswertung Alleinerziehende",
            jobcenters=[nrw],
            target_groups=["alleinerziehende"],
            staff_only=True,
        )

        assert [message.to for message in mail.outbox] == [[staff_user.email]]

    def test_a_saved_knowledge_search_mails_a_new_matching_practice(self, publish, nrw):
        member = create_user(STAFF, username="suchende")
        create_saved_search(member, kind="search", query="q=Schuldnerberatung&type=practice")

        publish("Schuldnerberatung im Jobcenter", jobcenters=[nrw])
        publish("Mobilität auf dem Land", jobcenters=[nrw])

        assert len(mail.outbox) == 1
        assert mail.outbox[0].subject.endswith(
            "„Suche: „Schuldnerberatung“, Praxisbeispiel“: Schuldnerberatung im Jobcenter"
        )

    def test_weekly_searches_get_no_immediate_mail(self, publish, nrw, staff_user):
        create_saved_search(staff_user, frequency="weekly")

        publish("Alleinerziehende NRW", jobcenters=[nrw], target_groups=["alleinerziehende"])

        assert mail.outbox == []


class TestWeeklyDigest:
    def test_collects_the_weeks_matches_in_one_email(
        self, publish, nrw, staff_user, django_capture_on_commit_callbacks
    ):
        saved = create_saved_search(staff_user, frequency="weekly")
        publish("Erstes Beispiel", jobcenters=[nrw], target_groups=["alleinerziehende"])
        publish("Zweites Beispiel", jobcenters=[nrw], target_groups=["alleinerziehende"])
        publish("Nicht passend", jobcenters=[nrw], target_groups=["aeltere"])
        next_week = timezone.now() + timedelta(days=7)

        with django_capture_on_commit_callbacks(execute=True):
            result = send_weekly_digests(now=next_week)

        assert (result.searches, result.emails) == (1, 1)
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert "Diese Woche in Ihrem Suchauftrag" in message.subject
        assert "Erstes Beispiel" in message.body and "Zweites Beispiel" in message.body
        assert "Nicht passend" not in message.body
        saved.refresh_from_db()
        assert saved.last_sent_at == next_week

        # Run again: nothing new, nothing sent.
        with django_capture_on_commit_callbacks(execute=True):
            send_weekly_digests(now=next_week + timedelta(days=7))
        assert len(mail.outbox) == 1

    def test_not_before_the_week_is_over(self, publish, nrw, staff_user):
        create_saved_search(staff_user, frequency="weekly")
        publish("Erstes Beispiel", jobcenters=[nrw], target_groups=["alleinerziehende"])

        result = send_weekly_digests(now=timezone.now() + timedelta(days=3))

        assert (result.searches, result.emails) == (0, 0)
        assert mail.outbox == []

    def test_the_scheduled_command(
        self, publish, nrw, staff_user, django_capture_on_commit_callbacks
    ):
        saved = create_saved_search(staff_user, frequency="weekly")
        SavedSearch.objects.filter(pk=saved.pk).update(
            created_at=timezone.now() - timedelta(days=8)
        )
        publish("Erstes Beispiel", jobcenters=[nrw], target_groups=["alleinerziehende"])

        with django_capture_on_commit_callbacks(execute=True):
            call_command("alerts_weekly", stdout=StringIO())

        assert len(mail.outbox) == 1
        assert "alerts_weekly" in [job.command for job in jobs()]


class TestUnsubscribe:
    def test_the_link_in_the_email_deletes_the_search(self, client, publish, nrw, staff_user):
        create_saved_search(staff_user)
        publish("Alleinerziehende NRW", jobcenters=[nrw], target_groups=["alleinerziehende"])
        link = unsubscribe_link(mail.outbox[0])

        confirm = client.get(link)
        assert confirm.status_code == 200
        assert SavedSearch.objects.exists()  # a mail scanner following the link changes nothing
        soup = BeautifulSoup(confirm.content, "html.parser")
        assert soup.h1.get_text(strip=True) == "Diesen Suchauftrag löschen?"

        done = client.post(link)
        assert not SavedSearch.objects.exists()
        soup = BeautifulSoup(done.content, "html.parser")
        assert soup.h1.get_text(strip=True) == "Suchauftrag gelöscht"

        again = client.post(link)
        assert again.status_code == 200
        assert "besteht nicht mehr" in again.content.decode()

    def test_a_tampered_link_changes_nothing(self, client, publish, nrw, staff_user):
        create_saved_search(staff_user)
        publish("Alleinerziehende NRW", jobcenters=[nrw], target_groups=["alleinerziehende"])
        link = unsubscribe_link(mail.outbox[0])
        tampered = link.replace("/abbestellen/", "/abbestellen/9")

        response = client.post(tampered)

        assert response.status_code == 400
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.h1.get_text(strip=True) == "Dieser Link ist ungültig"
        assert SavedSearch.objects.exists()
