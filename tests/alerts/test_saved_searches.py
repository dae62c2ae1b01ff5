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
    """What the browser sends: the inputs, the checked radio and the selected option."""
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("type") != "radio" or field.has_attr("checked")
    }
    select = form.find("select", attrs={"name": "frequency"})
    if select is not None:
        data["frequency"] = select.find("option", selected=True)["value"]
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


def summary_items(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [item.get_text(" ", strip=True) for item in soup.select("[data-error-summary] li")]


class TestBadInput:
    @pytest.fixture
    def member(self, client, library, staff_user):
        client.force_login(staff_user)
        return staff_user

    def test_bad_frequency_shows_the_form_again_with_the_field_marked(self, client, member):
        data = {"kind": "practices", "query": SINGLE_PARENTS_NRW, "frequency": "daily"}

        response = client.post(SAVE, data)

        assert response.status_code == 400
        assert not SavedSearch.objects.exists()
        form = save_form(response)
        summary = form.select_one("[data-error-summary]")
        assert summary.find(id=summary["aria-labelledby"]).get_text(strip=True) == (
            "Bitte korrigieren Sie 1 Angabe"
        )
        link = summary.select_one("li a")
        assert link.get_text(strip=True) == (
            "E-Mail bei neuen Treffern: Bitte wählen Sie, wie oft Sie benachrichtigt werden "
            "möchten."
        )
        radio = form.select_one(link["href"])
        assert (radio["type"], radio["name"]) == ("radio", "frequency")
        radios = form.select("input[name=frequency]")
        assert [r["value"] for r in radios] == ["immediate", "weekly"]
        assert all(r["aria-invalid"] == "true" for r in radios)
        assert form.find("input", attrs={"name": "query"})["value"] == SINGLE_PARENTS_NRW
        assert "Alleinerziehende, Nordrhein-Westfalen" in form.find("strong").get_text()

    def test_correcting_the_frequency_then_saves(self, client, member):
        data = {"kind": "practices", "query": SINGLE_PARENTS_NRW, "frequency": "daily"}
        form = save_form(client.post(SAVE, data))

        response = client.post(SAVE, form_data(form, frequency="immediate"))

        assert response.status_code == 302
        assert SavedSearch.objects.get().frequency == Frequency.IMMEDIATE

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (
                {"kind": "forum", "query": SINGLE_PARENTS_NRW, "frequency": "weekly"},
                "Diese Art von Suche kann nicht gespeichert werden.",
            ),
            (
                {"kind": "practices", "query": "seite=2", "frequency": "weekly"},
                "Bitte wählen Sie zuerst mindestens einen Filter.",
            ),
            (
                {"kind": "practices", "query": "zielgruppe=gibt-es-nicht", "frequency": "weekly"},
                "Zielgruppe",
            ),
            (
                {"kind": "search", "query": "sort=newest", "frequency": "weekly"},
                "Bitte geben Sie zuerst Suchwörter ein oder wählen Sie einen Filter.",
            ),
            (
                {"kind": "practices", "query": "von=1800", "frequency": "weekly"},
                "Aktiv ab (Jahr)",
            ),
            (
                {"kind": "search", "query": "q=" + "Sucht " * 400, "frequency": "weekly"},
                "Diese Suche ist zu lang, um sie zu speichern.",
            ),
        ],
    )
    def test_a_query_that_cannot_be_saved_says_why(self, client, member, data, message):
        response = client.post(SAVE, data)

        assert response.status_code == 400
        [item] = summary_items(response)
        assert message in item
        # Nothing the member could correct: no form to send again, a way back instead.
        assert save_form(response) is None
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.find("a", href=reverse("search:search")) is not None
        assert not SavedSearch.objects.exists()

    def test_the_same_search_twice(self, client, member):
        create_saved_search(member)
        data = {"kind": "practices", "query": SINGLE_PARENTS_NRW, "frequency": "weekly"}

        response = client.post(SAVE, data)

        assert response.status_code == 400
        assert summary_items(response) == ["Sie haben diese Suche bereits gespeichert."]
        assert SavedSearch.objects.count() == 1

    def test_at_most_twenty(self, client, member):
        create_saved_searches(member, MAX_SAVED_SEARCHES, frequency="weekly")
        data = {"kind": "search", "query": "q=Sucht", "frequency": "weekly"}

        response = client.post(SAVE, data)

        assert response.status_code == 400
        [item] = summary_items(response)
        assert "höchstens 20 Suchaufträge" in item
        assert save_form(response).select_one("[data-error-summary]") is not None
        assert SavedSearch.objects.count() == MAX_SAVED_SEARCHES


class TestSavePage:
    """GET of the save address: what will be saved and the form, also without JavaScript."""

    def test_shows_the_search_and_the_form(self, client, library, staff_user):
        client.force_login(staff_user)

        response = client.get(SAVE, {"kind": "practices", "query": SINGLE_PARENTS_NRW})

        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.h1.get_text(strip=True) == "Suchauftrag anlegen"
        assert soup.select("[data-error-summary]") == []
        form = save_form(response)
        assert form.find("strong").get_text(strip=True) == (
            "Praxisbeispiele: Alleinerziehende, Nordrhein-Westfalen"
        )
        checked = form.find("input", attrs={"name": "frequency", "checked": True})
        assert checked["value"] == "weekly"
        assert form.find("a", href=f"{INDEX}?{SINGLE_PARENTS_NRW}") is not None
        assert not SavedSearch.objects.exists()

        client.post(SAVE, form_data(form))

        assert SavedSearch.objects.get().query == SINGLE_PARENTS_NRW

    def test_a_query_that_cannot_be_saved(self, client, library, staff_user):
        client.force_login(staff_user)

        response = client.get(SAVE, {"kind": "practices", "query": "seite=2"})

        assert response.status_code == 400
        assert summary_items(response) == ["Bitte wählen Sie zuerst mindestens einen Filter."]
        assert save_form(response) is None

    def test_needs_a_login(self, client, library):
        response = client.get(SAVE, {"kind": "practices", "query": SINGLE_PARENTS_NRW})

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))

    def test_query_count(self, client, library, staff_user, django_assert_max_num_queries):
        client.force_login(staff_user)
        params = {"kind": "practices", "query": SINGLE_PARENTS_NRW}
        client.get(SAVE, params)  # warm the per-process caches (site root paths)

        with django_assert_max_num_queries(15):
            assert client.get(SAVE, params).status_code == 200


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
