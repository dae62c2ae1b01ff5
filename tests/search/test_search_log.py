"""The search log: what it keeps (no identity), the click beacon's endpoint, retention, and the
Redaktion's report in the admin."""

import time

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.accounts.groups import MODERATORS
from cms.schedule import due_jobs
from search.log import CLICK_SALT, click_token
from search.models import SearchLogEntry
from tests.factories import create_user
from tests.factories.search import create_log_entry

from .helpers import api, create_practice, sync

pytestmark = pytest.mark.django_db

CLICK_URL = "/api/v1/search/click/"


@pytest.fixture
def practices(library, settings):
    settings.ELASTICSEARCH_URL = ""
    first = create_practice(library, "Suchtberatung im Jobcenter", text="Sprechstunde vor Ort.")
    second = create_practice(library, "Suchtberatung auf dem Land", text="Mit dem Fahrdienst.")
    create_practice(
        library,
        "Interne Fallkonferenz Sucht",
        teaser="Nur für Netzwerk-Mitarbeitende: Quokkaprotokoll.",
        staff_only=True,
    )
    sync()
    return first, second


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def stored_fields(entry: SearchLogEntry) -> dict:
    """Every column of the row as the database holds it, except the key and the time."""
    row = SearchLogEntry.objects.filter(pk=entry.pk).values().get()
    return {name: value for name, value in row.items() if name not in {"id", "created_at"}}


class TestLogging:
    def test_a_members_search_is_logged_without_who_searched(self, client, practices, staff_user):
        client.force_login(staff_user)

        response = client.get(
            "/api/v1/search/",
            {"q": "  SUCHTberatung \t im  Jobcenter "},
            HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
            REMOTE_ADDR="10.1.2.3",
        )

        entry = SearchLogEntry.objects.get()
        assert stored_fields(entry) == {
            "query": "suchtberatung im jobcenter",
            "results": response.json()["total"],
            "word_results": sum(not hit["similar"] for hit in response.json()["results"]),
            "member": True,
            "clicked_rank": None,
        }

    def test_an_anonymous_api_search_is_logged_with_its_total(self, client, practices):
        data = api(client, q="Suchtberatung")

        entry = SearchLogEntry.objects.get()
        assert (entry.query, entry.results, entry.member) == ("suchtberatung", data["total"], False)
        assert data["total"] == 2

    def test_the_log_counts_only_what_the_searcher_could_see(self, client, practices, staff_user):
        public = api(client, q="Fallkonferenz Quokkaprotokoll")
        client.force_login(staff_user)
        staff = api(client, q="Fallkonferenz Quokkaprotokoll")

        anonymous_entry, staff_entry = SearchLogEntry.objects.order_by("pk")
        assert (anonymous_entry.results, staff_entry.results) == (public["total"], staff["total"])
        assert "Interne Fallkonferenz Sucht" not in [hit["title"] for hit in public["results"]]
        assert "Interne Fallkonferenz Sucht" in [hit["title"] for hit in staff["results"]]

    def test_results_found_by_meaning_alone_are_told_apart(self, client, practices):
        data = api(client, q="Hilfe bei Alkoholproblemen")

        entry = SearchLogEntry.objects.get()
        # Every result came by meaning: none contains the words.
        assert data["results"] and all(hit["similar"] for hit in data["results"])
        assert (entry.results, entry.word_results) == (data["total"], 0)

    def test_empty_queries_later_pages_and_bots_are_not_logged(self, client, practices):
        client.get("/suche/")
        client.get("/suche/", {"q": "   "})
        api(client, q="Suchtberatung", page=2)
        client.get("/suche/", {"q": "Suchtberatung"}, HTTP_USER_AGENT="Googlebot/2.1")

        assert SearchLogEntry.objects.count() == 0

    def test_a_failing_log_still_answers_the_search(self, client, practices, monkeypatch):
        def broken(**kwargs):
            raise RuntimeError("database is locked")

        monkeypatch.setattr("search.log.search_log_record", broken)

        soup = soup_of(client.get("/suche/", {"q": "Suchtberatung"}))
        data = api(client, q="Suchtberatung")

        assert len(soup.select(".search-results__list > li")) == 2
        assert soup.select("[data-search-log]") == []
        assert data["total"] == 2
        assert SearchLogEntry.objects.count() == 0


class TestClicks:
    def test_the_page_hands_the_beacon_a_token_and_keeps_plain_links(self, client, practices):
        first, _second = practices

        soup = soup_of(client.get("/suche/", {"q": "Suchtberatung Jobcenter"}))

        marker = soup.select_one("[data-search-log]")
        entry = SearchLogEntry.objects.get()
        assert signing.loads(marker["data-search-log"], salt=CLICK_SALT) == entry.pk
        assert marker["data-search-log-url"] == CLICK_URL
        script = soup.select_one('script[src$="js/search-log.js"]')
        assert script is not None and not script.string
        link = soup.select_one(".search-results__list .search-hit__title a")
        assert link["href"] == first.url

    def test_a_later_page_carries_no_token(self, client, library, settings):
        settings.ELASTICSEARCH_URL = ""
        for number in range(12):
            create_practice(library, f"Beratung Nummer {number}")
        sync()

        soup = soup_of(client.get("/suche/", {"q": "Beratung", "page": 2}))

        assert len(soup.select(".search-results__list > li")) == 2
        assert soup.select("[data-search-log]") == []

    def test_only_the_first_click_counts(self, client, practices):
        client.get("/suche/", {"q": "Suchtberatung"})
        entry = SearchLogEntry.objects.get()
        token = click_token(entry.pk)

        first = client.post(CLICK_URL, {"token": token, "rank": "2"})
        second = client.post(CLICK_URL, {"token": token, "rank": "1"})

        assert (first.status_code, second.status_code) == (204, 204)
        entry.refresh_from_db()
        assert entry.clicked_rank == 2

    @pytest.mark.parametrize(
        "token_for, rank",
        [
            (lambda pk: signing.dumps(pk, salt="another.salt"), "1"),
            (lambda pk: click_token(pk)[:-2] + "xx", "1"),
            (lambda pk: "", "1"),
            (lambda pk: signing.dumps("1", salt=CLICK_SALT), "1"),
            (click_token, "0"),
            (click_token, "-3"),
            (click_token, "zwei"),
            (click_token, ""),
            (click_token, "99999999"),
        ],
    )
    def test_forged_tokens_and_bad_ranks_are_refused(self, client, token_for, rank):
        entry = create_log_entry("sucht")

        response = client.post(CLICK_URL, {"token": token_for(entry.pk), "rank": rank})

        assert response.status_code == 400
        entry.refresh_from_db()
        assert entry.clicked_rank is None

    def test_an_expired_token_is_refused(self, client, monkeypatch):
        entry = create_log_entry("sucht")
        two_hours_ago = time.time() - 2 * 60 * 60
        with monkeypatch.context() as patched:
            patched.setattr(time, "time", lambda: two_hours_ago)
            token = click_token(entry.pk)

        response = client.post(CLICK_URL, {"token": token, "rank": "1"})

        assert response.status_code == 400
        entry.refresh_from_db()
        assert entry.clicked_rank is None

    def test_the_endpoint_takes_posts_only(self, client):
        entry = create_log_entry("sucht")

        response = client.get(CLICK_URL, {"token": click_token(entry.pk), "rank": "1"})

        assert response.status_code == 405


class TestRetention:
    def test_the_purge_deletes_old_entries_and_keeps_new_ones(self, settings):
        settings.SEARCH_LOG_RETENTION_DAYS = 30
        old = create_log_entry("alt", days_ago=31)
        recent = create_log_entry("neu", days_ago=29)

        call_command("search_log_purge", verbosity=0)

        assert list(SearchLogEntry.objects.values_list("pk", flat=True)) == [recent.pk]
        assert not SearchLogEntry.objects.filter(pk=old.pk).exists()

    def test_the_schedule_purges_once_a_day(self):
        from datetime import datetime
        from zoneinfo import ZoneInfo

        berlin = ZoneInfo("Europe/Berlin")
        night = datetime(2026, 12, 2, 3, 30, tzinfo=berlin)
        earlier = datetime(2026, 12, 1, 3, 30, tzinfo=berlin)

        due = {job.name for job in due_jobs(now=night, last_runs={"search_log_purge": earlier})}
        again = {job.name for job in due_jobs(now=night, last_runs={"search_log_purge": night})}

        assert "search_log_purge" in due
        assert "search_log_purge" not in again

    def test_the_privacy_page_of_the_demo_states_the_retention(self, db, settings):
        from cms.demo import load_site
        from cms.models import StandardPage

        settings.SEARCH_LOG_RETENTION_DAYS = 45

        load_site(lambda line: None)

        page = StandardPage.objects.get(slug="datenschutz")
        text = BeautifulSoup(str(page.body), "html.parser").get_text(" ")
        assert "Suchbegriffe" in text
        assert "nach 45 Tagen gelöscht" in text


def report_url(**params) -> str:
    url = reverse("search_log:report")
    return f"{url}?days={params['days']}" if params else url


def section_rows(soup, name: str) -> list[list[str]]:
    section = soup.select_one(f'[data-search-log-section="{name}"]')
    return [
        [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in section.select("tbody tr")
    ]


class TestReport:
    def test_editors_see_a_logged_search_without_results(self, client, library, editor, settings):
        # The database backend, whose index holds this test's rows only: an Elasticsearch index
        # of the run may still hold documents that an earlier test pushed (the demo's).
        settings.ELASTICSEARCH_URL = ""
        client.get("/suche/", {"q": "Zebrafinkenhilfe"})
        client.force_login(editor)

        soup = soup_of(client.get(report_url()))

        assert section_rows(soup, "no-results") == [["zebrafinkenhilfe", "1", "0,0"]]
        assert section_rows(soup, "top-queries") == [["zebrafinkenhilfe", "1", "0,0"]]
        assert soup.select_one('[data-figure="without-results"]').get_text() == "1"

    def test_a_search_answered_by_meaning_alone_counts_as_without_results(
        self, client, practices, editor
    ):
        for _ in range(2):
            similar = api(client, q="Hilfe bei Alkoholproblemen")
        api(client, q="Suchtberatung")
        client.force_login(editor)

        soup = soup_of(client.get(report_url()))

        found_by_meaning = f"{similar['total']},0"
        assert similar["total"] > 0
        assert section_rows(soup, "no-results") == [
            ["hilfe bei alkoholproblemen", "2", found_by_meaning]
        ]
        assert soup.select_one('[data-figure="without-results"]').get_text() == "2"
        assert (
            "inhaltlich nächsten Treffer"
            in soup.select_one('[data-search-log-section="no-results"]').get_text()
        )

    def test_the_sections_aggregate_per_query(self, client, editor):
        for rank in (1, 2, 6):
            create_log_entry("sucht", results=8, clicked_rank=rank)
        create_log_entry("sucht", results=4)
        create_log_entry("schulden", results=3, word_results=1)
        # Written before the words' results were counted: none at all.
        create_log_entry("wohnen", results=0)
        client.force_login(editor)

        soup = soup_of(client.get(report_url()))

        assert section_rows(soup, "top-queries") == [
            ["sucht", "4", "7,0"],
            ["schulden", "1", "3,0"],
            ["wohnen", "1", "0,0"],
        ]
        assert section_rows(soup, "no-results") == [["wohnen", "1", "0,0"]]
        assert soup.select_one('[data-figure="without-results"]').get_text() == "1"
        assert section_rows(soup, "no-clicks") == [["schulden", "1"], ["sucht", "1"]]
        assert section_rows(soup, "click-ranks") == [["sucht", "3", "3,0"]]
        assert soup.select_one('[data-figure="searches"]').get_text() == "6"
        # Two of the three first clicks went to one of the first three results.
        assert soup.select_one('[data-figure="top3-share"]').get_text() == "67 %"

    def test_the_period_limits_the_report(self, client, editor):
        create_log_entry("neulich", days_ago=2)
        create_log_entry("vor zwei wochen", days_ago=14)
        client.force_login(editor)

        week = soup_of(client.get(report_url(days=7)))
        month = soup_of(client.get(report_url(days=30)))
        unknown = soup_of(client.get(report_url(days="365")))

        assert [row[0] for row in section_rows(week, "top-queries")] == ["neulich"]
        assert sorted(row[0] for row in section_rows(month, "top-queries")) == [
            "neulich",
            "vor zwei wochen",
        ]
        assert week.select_one("#search-log-days option[selected]")["value"] == "7"
        assert "Diesen Zeitraum gibt es nicht" in unknown.get_text()
        assert len(section_rows(unknown, "top-queries")) == 2

    def test_the_report_costs_the_same_queries_for_any_log_size(self, client, editor):
        client.force_login(editor)
        create_log_entry("sucht", clicked_rank=1)
        client.get(report_url())  # the session and the admin's first-visit work
        with CaptureQueriesContext(connection) as small:
            client.get(report_url())
        for number in range(60):
            create_log_entry(f"frage {number}", results=number % 3, clicked_rank=number % 5 or None)
        with CaptureQueriesContext(connection) as large:
            response = client.get(report_url())

        assert len(large) == len(small)
        assert len(section_rows(soup_of(response), "top-queries")) == 50

    def test_members_without_the_permission_are_turned_away(self, client, staff_user):
        create_log_entry("geheimwort")
        moderator = create_user(MODERATORS, username="moderatorin")

        client.force_login(staff_user)
        member = client.get(report_url())
        client.force_login(moderator)
        without_permission = client.get(report_url())
        menu = client.get(reverse("wagtailadmin_home"))

        assert member.status_code == 302
        assert member["Location"].startswith(reverse("wagtailadmin_login"))
        assert without_permission.status_code == 302
        assert without_permission["Location"] == reverse("wagtailadmin_home")
        assert b"geheimwort" not in member.content + without_permission.content
        assert reverse("search_log:report") not in menu.content.decode()

    def test_the_reports_menu_offers_the_report_to_editors(self, client, editor):
        client.force_login(editor)

        html = client.get(reverse("wagtailadmin_home")).content.decode()

        assert reverse("search_log:report") in html
