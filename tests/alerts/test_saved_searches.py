"""Saving a search or practice filter, and "Meine Suchaufträge"."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from alerts.models import Frequency, SavedSearch, SearchKind
from alerts.services import MAX_SAVED_SEARCHES
from tests.factories import create_user
from tests.factories.alerts import SINGLE_PARENTS_NRW, create_saved_search, create_saved_searches

pytestmark = pytest.mark.django_db
INDEX = "/praxisbeispiele/"
LIST = reverse("alerts:list")
SAVE = reverse("alerts:save")


def save_form(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("form", attrs={"action": SAVE})


def form_data(form, **changes) -> dict:
    data = {field["name"]: field.get("value", "") for field in form.find_all("input")}
    data["frequency"] = form.find("select", attrs={"name": "frequency"}).find(
        "option", selected=True
    )["value"]
    return data | changes


def messages_text(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(p.get_text(" ", strip=True) for p in soup.select(".messages .message"))


class TestSaveFromThePages:
    def test_member_saves_a_practice_filter(self, client, library, staff_user):
        client.force_login(staff_user)
        page = client.get(f"{INDEX}?{SINGLE_PARENTS_NRW}&seite=1")
        form = save_form(page)
        assert form is not None

        response = client.post(SAVE, form_data(form), follow=True)

        saved = SavedSearch.objects.get(user=staff_user)
        assert saved.kind == SearchKind.PRACTICES
        assert saved.frequency == Frequency.WEEKLY
        assert saved.name == "Praxisbeispiele: Alleinerziehende, Nordrhein-Westfalen"
        assert "seite" not in saved.query
        assert response.redirect_chain[-1][0] == LIST
        assert "gespeichert" in messages_text(response)
        soup = BeautifulSoup(response.content, "html.parser")
        assert [h.get_text(strip=True) for h in soup.select("main h2, .box h2")] == [saved.name]
        link = soup.select_one(".box a[href]")
        assert link.get_text(strip=True) == f"Treffer anzeigen: {saved.name}"
        assert link["href"] == f"{INDEX}?{saved.query}"

    def test_member_saves_a_knowledge_search_immediately(self, client, library, staff_user):
        client.force_login(staff_user)
        form = save_form(client.get("/suche/?q=Sucht&type=practice&page=2"))

        client.post(SAVE, form_data(form, frequency="immediate"))

        saved = SavedSearch.objects.get(user=staff_user)
        assert (saved.kind, saved.frequency) == (SearchKind.SEARCH, Frequency.IMMEDIATE)
        assert saved.name == "Suche: „Sucht“, Praxisbeispiel"
        assert "page" not in saved.query

    def test_the_form_is_not_offered_without_login_or_without_filters(
        self, client, library, staff_user
    ):
        assert save_form(client.get(f"{INDEX}?{SINGLE_PARENTS_NRW}")) is None
        client.force_login(staff_user)
        assert save_form(client.get(INDEX)) is None

    def test_saving_without_login_goes_to_the_login(self, client, library):
        data = {"kind": "practices", "query": SINGLE_PARENTS_NRW, "frequency": "weekly"}
        response = client.post(SAVE, data)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        assert not SavedSearch.objects.exists()


class TestBadInput:
    @pytest.fixture
    def member(self, client, library, staff_user):
        client.force_login(staff_user)
        return staff_user

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (
                {"kind": "practices", "query": SINGLE_PARENTS_NRW, "frequency": "daily"},
                "Bitte wählen Sie, wie oft Sie benachrichtigt werden möchten.",
            ),
            (
                {"kind": "forum", "query": SINGLE_PARENTS_NRW, "frequency": "weekly"},
                "Diese Art von Suche kann nicht gespeichert werden.",
            ),
            (
                {"kind": "practices", "query": "seite=2", "frequency": "weekly"},
                "Bitte wählen Sie zuerst mindestens einen Filter.",
            ),
            (
                {"kind": "search", "query": "sort=newest", "frequency": "weekly"},
                "Bitte geben Sie zuerst Suchwörter ein oder wählen Sie einen Filter.",
            ),
            (
                {"kind": "practices", "query": "von=1800", "frequency": "weekly"},
                "Aktiv ab (Jahr)",
            ),
        ],
    )
    def test_nothing_is_saved_and_the_message_says_why(self, client, member, data, message):
        response = client.post(SAVE, data, follow=True)

        assert response.status_code == 200
        assert message in messages_text(response)
        assert not SavedSearch.objects.exists()

    def test_the_same_search_twice(self, client, member):
        create_saved_search(member)
        data = {"kind": "practices", "query": SINGLE_PARENTS_NRW, "frequency": "weekly"}

        response = client.post(SAVE, data, follow=True)

        assert "bereits gespeichert" in messages_text(response)
        assert SavedSearch.objects.count() == 1

    def test_at_most_twenty(self, client, member):
        create_saved_searches(member, MAX_SAVED_SEARCHES, frequency="weekly")
        data = {"kind": "search", "query": "q=Sucht", "frequency": "weekly"}

        response = client.post(SAVE, data, follow=True)

        assert "höchstens 20 Suchaufträge" in messages_text(response)
        assert SavedSearch.objects.count() == MAX_SAVED_SEARCHES


class TestMySavedSearches:
    def test_rename_and_change_frequency(self, client, staff_user):
        saved = create_saved_search(staff_user)
        client.force_login(staff_user)

        response = client.post(
            reverse("alerts:update", args=[saved.pk]),
            {"name": "Alleinerziehende NRW", "frequency": "weekly"},
            follow=True,
        )

        saved.refresh_from_db()
        assert (saved.name, saved.frequency) == ("Alleinerziehende NRW", Frequency.WEEKLY)
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.find("input", attrs={"name": "name"})["value"] == "Alleinerziehende NRW"

    @pytest.mark.parametrize(
        ("data", "message", "field_name"),
        [
            ({"name": "  ", "frequency": "weekly"}, "Bitte geben Sie einen Namen ein.", "name"),
            ({"name": "Neu", "frequency": "hourly"}, "Bitte wählen Sie, wie oft", "frequency"),
        ],
    )
    def test_bad_changes_change_nothing(self, client, staff_user, data, message, field_name):
        saved = create_saved_search(staff_user)
        client.force_login(staff_user)

        response = client.post(reverse("alerts:update", args=[saved.pk]), data)

        assert response.status_code == 400
        soup = BeautifulSoup(response.content, "html.parser")
        form = soup.select_one(f"form[action='{reverse('alerts:update', args=[saved.pk])}']")
        link = form.select_one("#saved-errors a[href]")
        assert message in link.text
        field = form.select_one(link["href"])
        assert field["aria-invalid"] == "true"
        assert field["name"] == field_name
        before = saved.name
        saved.refresh_from_db()
        assert (saved.name, saved.frequency) == (before, Frequency.IMMEDIATE)

    def test_delete(self, client, staff_user):
        saved = create_saved_search(staff_user)
        client.force_login(staff_user)

        response = client.post(reverse("alerts:delete", args=[saved.pk]), follow=True)

        assert not SavedSearch.objects.exists()
        assert "gelöscht" in messages_text(response)

    def test_nobody_changes_another_members_search(self, client, staff_user):
        saved = create_saved_search(staff_user)
        client.force_login(create_user(username="andere"))

        assert client.post(reverse("alerts:delete", args=[saved.pk])).status_code == 404
        response = client.post(
            reverse("alerts:update", args=[saved.pk]), {"name": "X", "frequency": "weekly"}
        )
        assert response.status_code == 404
        assert client.get(LIST).content.count(saved.name.encode()) == 0
        saved.refresh_from_db()
        assert saved.name != "X"

    def test_the_profile_leads_to_the_list(self, client, home, staff_user):
        client.force_login(staff_user)

        soup = BeautifulSoup(client.get(reverse("accounts:profile")).content, "html.parser")

        link = soup.find("a", href=reverse("alerts:list"))
        assert link is not None and link.get_text(strip=True) == "Meine Suchaufträge"

    def test_the_list_needs_a_login(self, client):
        response = client.get(LIST)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))

    def test_query_count_is_constant(
        self, client, library, staff_user, django_assert_max_num_queries, django_assert_num_queries
    ):
        create_saved_searches(staff_user, 2)
        client.force_login(staff_user)
        client.get(LIST)  # warm the per-process caches (site root paths)
        with django_assert_max_num_queries(20) as small:
            response = client.get(LIST)
        assert len(BeautifulSoup(response.content, "html.parser").select(".box")) == 2

        create_saved_searches(staff_user, 15)
        with django_assert_num_queries(len(small.captured_queries)):
            response = client.get(LIST)
        assert len(BeautifulSoup(response.content, "html.parser").select(".box")) == 17
