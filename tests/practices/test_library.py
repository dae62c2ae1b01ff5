import re
from datetime import date

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from practices.models import Bundesland, PracticeStatus, Topic
from tests.cms.magazine_helpers import make_image
from tests.conftest import rows_for_the_class
from tests.factories import create_user
from tests.factories.practices import (
    create_jobcenter,
    create_practice,
    create_practices,
    practice_index,
)

pytestmark = pytest.mark.django_db
INDEX = "/praxisbeispiele/"


def titles(response) -> list[str]:
    return [practice.title for practice in response.context["practices"]]


class TestReferenceData:
    def test_migration_loads_taxonomies_and_regions(self):
        assert Bundesland.objects.count() == 16
        assert Bundesland.objects.get(code="NW").regionaldirektion.name == "Nordrhein-Westfalen"
        assert Bundesland.objects.get(code="HB").regionaldirektion.name == "Niedersachsen-Bremen"
        assert set(PracticeStatus.objects.values_list("name", flat=True)) == {
            "Idee",
            "Erprobung",
            "laufend",
            "ins Regelgeschäft überführt",
            "abgeschlossen",
        }
        assert Topic.objects.filter(name="Übergänge/Rechtskreiswechsel").exists()


class TestPracticeModel:
    def test_bundesland_follows_from_jobcenters(self, library):
        essen = create_jobcenter("Jobcenter Essen", "NW")
        kassel = create_jobcenter("Jobcenter Kassel", "HE")
        practice = create_practice(jobcenters=[essen, kassel])
        assert sorted(practice.bundeslaender.values_list("code", flat=True)) == ["HE", "NW"]

    def test_supra_regional_keeps_chosen_lands(self, library):
        practice = create_practice(jobcenters=[create_jobcenter(land="NW")], supra_regional=True)
        practice.bundeslaender = list(Bundesland.objects.filter(code__in=["BY", "BW"]))
        practice.save()
        assert sorted(practice.bundeslaender.values_list("code", flat=True)) == ["BW", "BY"]

    def test_end_before_start_is_invalid(self, library):
        practice = create_practice(start=date(2024, 1, 1))
        practice.end_date = date(2023, 1, 1)
        with pytest.raises(ValidationError) as error:
            practice.full_clean()
        assert "end_date" in error.value.message_dict

    def test_period_in_german(self, library):
        practice = create_practice(start=date(2019, 3, 1), end=date(2021, 2, 28))
        assert practice.period == "01.03.2019 – 28.02.2021"

    def test_jobcenter_needs_both_coordinates(self, library):
        jobcenter = create_jobcenter(latitude="51.5")
        with pytest.raises(ValidationError):
            jobcenter.full_clean()


def build_filtered_practices() -> dict:
    practice_index()
    dortmund = create_jobcenter("Jobcenter Dortmund", "NW", slug="jobcenter-dortmund")
    kassel = create_jobcenter("Jobcenter Kassel", "HE", slug="jobcenter-kassel")
    return {
        "sucht_nrw": create_practice(
            "Suchtberatung im Jobcenter",
            jobcenters=[dortmund],
            topics=["sucht"],
            target_groups=["langzeitarbeitslose"],
            partners=[("suchtberatung", "Kommunale Suchtberatung")],
            phases=["beratung-kooperationsplanung"],
            start=date(2021, 1, 1),
        ),
        "schulden_hessen": create_practice(
            "Schuldnerberatung Kassel",
            jobcenters=[kassel],
            topics=["schulden"],
            target_groups=["alleinerziehende"],
            partners=[("schuldnerberatung", "Diakonie")],
            status="erprobung",
            start=date(2024, 9, 1),
            end=date(2026, 8, 31),
        ),
        "kita_nrw": create_practice(
            "Kinderbetreuung für Alleinerziehende",
            jobcenters=[dortmund],
            topics=["kinderbetreuung"],
            target_groups=["alleinerziehende"],
            partners=[("jugendamt", "Jugendamt Dortmund")],
            status="abgeschlossen",
            start=date(2015, 1, 1),
            end=date(2017, 12, 31),
        ),
    }


# Every test of TestIndexFilters takes ``practices``.
filtered_practices_of_the_class = rows_for_the_class(
    build_filtered_practices, name="filtered_practices_of_the_class"
)


class TestIndexFilters:
    @pytest.fixture
    def practices(self, filtered_practices_of_the_class, db):
        # Only read: no test changes these objects.
        return filtered_practices_of_the_class

    def test_list_shows_count_and_all_practices(self, client, practices):
        response = client.get(INDEX)
        assert response.status_code == 200
        assert "3 Praxisbeispiele" in response.content.decode()
        assert len(titles(response)) == 3

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"handlungsfeld": "sucht"}, ["sucht_nrw"]),
            ({"zielgruppe": "alleinerziehende"}, ["kita_nrw", "schulden_hessen"]),
            ({"partner": "schuldnerberatung"}, ["schulden_hessen"]),
            ({"phase": "beratung-kooperationsplanung"}, ["sucht_nrw"]),
            ({"status": "abgeschlossen"}, ["kita_nrw"]),
            ({"bundesland": "HE"}, ["schulden_hessen"]),
            ({"jobcenter": "jobcenter-dortmund"}, ["kita_nrw", "sucht_nrw"]),
            ({"von": "2022"}, ["schulden_hessen", "sucht_nrw"]),
            ({"bis": "2018"}, ["kita_nrw"]),
            ({"von": "2016", "bis": "2016"}, ["kita_nrw"]),
            ({"bundesland": "NW", "partner": "suchtberatung"}, ["sucht_nrw"]),
            ({"bundesland": "NW", "zielgruppe": "alleinerziehende"}, ["kita_nrw"]),
            ({"handlungsfeld": ["sucht", "schulden"]}, ["schulden_hessen", "sucht_nrw"]),
            ({"bundesland": "HE", "handlungsfeld": "sucht"}, []),
        ],
    )
    def test_each_filter_and_combinations(self, client, practices, params, expected):
        response = client.get(INDEX, params)
        assert sorted(titles(response)) == sorted(practices[key].title for key in expected)

    def test_sort_by_title_and_newest(self, client, practices):
        by_title = titles(client.get(INDEX, {"sortierung": "titel"}))
        assert by_title == sorted(by_title)
        newest = titles(client.get(INDEX, {"sortierung": "neueste"}))
        assert newest[0] == practices["kita_nrw"].title

    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ({"bundesland": "XX"}, "Bundesland:"),
            ({"handlungsfeld": "<script>"}, "Handlungsfeld:"),
            ({"von": "abc"}, "Aktiv ab (Jahr):"),
            ({"von": "2025", "bis": "2020"}, "Das Endjahr darf nicht vor dem Anfangsjahr liegen."),
            ({"sortierung": "preis"}, "Sortieren nach:"),
            ({"seite": "999"}, "Die Seite „999“ gibt es nicht"),
            ({"seite": "-1' OR 1=1"}, "gibt es nicht"),
        ],
    )
    def test_bad_parameters_give_a_message_never_500(self, client, practices, params, message):
        response = client.get(INDEX, params)
        html = response.content.decode()
        assert response.status_code == 200
        assert message in html
        assert "<script>" not in html.split('id="main"')[1]

    def test_invalid_value_is_ignored_valid_ones_apply(self, client, practices):
        response = client.get(INDEX, {"bundesland": "XX", "handlungsfeld": "sucht"})
        assert titles(response) == [practices["sucht_nrw"].title]

    def test_filter_state_is_shown_in_the_form(self, client, practices):
        html = client.get(INDEX, {"bundesland": "NW", "partner": "suchtberatung"}).content.decode()
        assert 'name="bundesland" value="NW" checked' in html
        assert 'name="partner" value="suchtberatung" checked' in html
        assert "Alle Filter zurücksetzen" in html


class TestPagination:
    def test_pagination_keeps_filters(self, client, library):
        jobcenter = create_jobcenter(land="NW")
        for number in range(14):
            create_practice(f"NRW {number:02d}", jobcenters=[jobcenter], topics=["sucht"])
        create_practice("Anderswo", jobcenters=[create_jobcenter(land="BY")], topics=["sucht"])
        response = client.get(INDEX, {"bundesland": "NW", "handlungsfeld": "sucht"})
        html = response.content.decode()
        assert "14 Praxisbeispiele" in html
        assert 'href="?bundesland=NW&amp;handlungsfeld=sucht&amp;seite=2"' in html
        second = client.get(INDEX, {"bundesland": "NW", "handlungsfeld": "sucht", "seite": "2"})
        assert len(titles(second)) == 2
        assert "Anderswo" not in titles(second)

    def test_page_links_beyond_page_999_stay_plain_numbers(self):
        # 12 practices a page: a library of 12,000 practices has 1,000 pages.
        page = Paginator(range(12_000), 12).page(999)

        request = RequestFactory().get(INDEX, {"bundesland": "NW", "seite": "999"})

        html = render_to_string("includes/pagination.html", {"page_obj": page}, request=request)

        assert 'href="?bundesland=NW&amp;seite=1000" rel="next"' in html
        assert 'href="?bundesland=NW&amp;seite=998" rel="prev"' in html
        assert ">1.000</a>" in html  # the visible page number is German


class TestIndexQueryCount:
    def build(self, count: int):
        jobcenters = [create_jobcenter(land=land) for land in ("NW", "HE", "BY")]
        for number, jobcenter in enumerate(jobcenters):
            create_practices(
                count // 3 + (number < count % 3),
                jobcenters=[jobcenter],
                topics=["sucht", "gesundheit"],
                target_groups=["langzeitarbeitslose"],
                partners=[("suchtberatung", "Beratungsstelle")],
            )

    def queries(self, client, params=None) -> int:
        client.get(INDEX, params or {})  # warm the per-process caches (content types, site)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(INDEX, params or {})
        assert response.status_code == 200
        return len(captured)

    @pytest.mark.parametrize("params", [{}, {"bundesland": "NW", "handlungsfeld": "sucht"}])
    def test_constant_queries_at_10_and_200_practices(self, client, library, params):
        self.build(10)
        small = self.queries(client, params)
        self.build(190)
        large = self.queries(client, params)
        assert large == small

    def test_constant_queries_for_logged_in_staff(self, client, library, staff_user):
        client.force_login(staff_user)
        self.build(10)
        small = self.queries(client)
        self.build(40)
        assert self.queries(client) == small


class TestDetailPage:
    @pytest.fixture
    def practice(self, library):
        return create_practice(
            "Joboffensive Gelsenkirchen",
            jobcenters=[
                create_jobcenter("Integrationscenter für Arbeit Gelsenkirchen", slug="iag")
            ],
            topics=["arbeitgeberservice"],
            target_groups=["langzeitarbeitslose"],
            partners=[("kommune", "Stadt Gelsenkirchen")],
            phases=["massnahmedurchfuehrung"],
            figures=[("Teilnehmende", "1.900"), ("Betreuungsschlüssel", "1:100")],
            body=[
                ("situation", "<p>Fachkräfte werden gesucht.</p>"),
                ("results", "<p>Bis zu vier Kontakte pro Monat.</p>"),
            ],
            contact_name="Thorsten Kempowski",
            contact_email="joboffensive@iag.example",
            start=date(2019, 3, 1),
        )

    def test_all_fields_laid_out(self, client, practice):
        html = client.get(practice.url).content.decode()
        for text in [
            "Joboffensive Gelsenkirchen",
            '<h2 id="situation-1">Ausgangslage</h2>',
            '<h2 id="results-2">Ergebnisse</h2>',
            'class="figure__value">1.900</span>',
            "Betreuungsschlüssel",
            'href="/jobcenter/iag/">Integrationscenter für Arbeit Gelsenkirchen</a>',
            "Stadt Gelsenkirchen",
            "(Kommune)",
            "Maßnahmedurchführung",
            "Thorsten Kempowski",
            'href="mailto:joboffensive@iag.example"',
            "seit 01.03.2019",
            "Nordrhein-Westfalen",
        ]:
            assert text in html, text

    def test_opengraph_and_print_stylesheet(self, client, practice):
        html = client.get(practice.url).content.decode()
        assert '<meta property="og:title" content="Joboffensive Gelsenkirchen">' in html
        assert '<meta property="og:type" content="article">' in html
        assert 'rel="canonical"' in html
        assert 'href="/static/css/print.css" media="print"' in html

    def test_first_image_is_the_sharing_image(self, client, practice):
        practice.images.create(
            image=make_image(size=(1600, 1000)), alt_text="Teilnehmende im Bewerbungstraining"
        )
        practice.save_revision().publish()

        html = client.get(practice.url).content.decode()

        og_image = (
            rf'<meta property="og:image" content="{re.escape(settings.SITE_URL)}/[^"]+\.jpg">'
        )
        assert re.search(og_image, html)
        assert '<meta property="og:image:width" content="1200">' in html
        assert '<meta property="og:image:height" content="630">' in html
        assert '<meta property="og:image:alt" content="Teilnehmende im Bewerbungstraining">' in html
        assert '<meta name="twitter:card" content="summary_large_image">' in html

    def test_similar_practices_share_taxonomies(self, client, practice):
        similar = create_practice("Arbeitgeberservice Essen", topics=["arbeitgeberservice"])
        create_practice("Unverwandt", topics=["wohnen"], target_groups=["aeltere"])
        response = client.get(practice.url)
        assert [p.title for p in response.context["similar_practices"]] == [similar.title]
        assert "Ähnliche Praxisbeispiele" in response.content.decode()

    def test_constant_queries_on_detail(self, client, practice):
        create_practices(3, topics=["arbeitgeberservice"])
        client.get(practice.url)  # warm the per-process caches (content types, site)
        with CaptureQueriesContext(connection) as small:
            client.get(practice.url)
        create_practices(20, topics=["arbeitgeberservice"])
        with CaptureQueriesContext(connection) as large:
            client.get(practice.url)
        assert len(large) == len(small)


class TestJobcenterPage:
    def test_lists_its_practices(self, client, library):
        jobcenter = create_jobcenter("Jobcenter EN", slug="jobcenter-en")
        create_practice("Kooperationsvereinbarung", jobcenters=[jobcenter])
        create_practice("Anderes Jobcenter", jobcenters=[create_jobcenter()])
        html = client.get("/jobcenter/jobcenter-en/").content.decode()
        assert "<h1>Jobcenter EN</h1>" in html
        assert "Kooperationsvereinbarung" in html
        assert "Anderes Jobcenter" not in html
        assert "gemeinsame Einrichtung" in html

    def test_unknown_jobcenter_is_404(self, client, library):
        assert client.get("/jobcenter/gibt-es-nicht/").status_code == 404


class TestPrivacy:
    @pytest.fixture
    def secret(self, library):
        jobcenter = create_jobcenter("Jobcenter Kassel", "HE", slug="jobcenter-kassel")
        create_practice("Öffentliches Beispiel", jobcenters=[jobcenter])
        return create_practice("Internes Arbeitsmodell", jobcenters=[jobcenter], staff_only=True)

    def test_anonymous_never_sees_staff_only_practice(self, client, secret):
        assert "Internes Arbeitsmodell" not in client.get(INDEX).content.decode()
        assert "1 Praxisbeispiel" in client.get(INDEX).content.decode()
        detail = client.get(secret.url)
        assert detail.status_code == 302
        assert detail["Location"].startswith("/konto/anmelden/")
        assert (
            "Internes Arbeitsmodell"
            not in client.get("/jobcenter/jobcenter-kassel/").content.decode()
        )
        assert secret.url not in client.get("/sitemap.xml").content.decode()

    def test_staff_see_staff_only_practice(self, client, secret, staff_user):
        client.force_login(staff_user)
        assert "Internes Arbeitsmodell" in client.get(INDEX).content.decode()
        detail = client.get(secret.url)
        assert detail.status_code == 200
        assert "nur intern" in detail.content.decode()
        assert (
            "Internes Arbeitsmodell" in client.get("/jobcenter/jobcenter-kassel/").content.decode()
        )

    def test_member_without_staff_group_does_not_see_it(self, client, secret):
        client.force_login(create_user(username="extern"))
        assert "Internes Arbeitsmodell" not in client.get(INDEX).content.decode()

    def test_staff_only_practice_not_in_similar_list_of_public_page(self, client, library):
        public = create_practice("Öffentlich", topics=["sucht"])
        create_practice("Intern verwandt", topics=["sucht"], staff_only=True)
        assert client.get(public.url).context["similar_practices"] == []

    def test_drafts_are_not_listed(self, client, library):
        create_practice("Entwurf", live=False)
        assert "Entwurf" not in client.get(INDEX).content.decode()


class TestPracticeDiscussions:
    def test_anonymous_readers_are_invited_to_log_in(self, client, library):
        practice = create_practice("Peer-Mentoring")
        html = client.get(practice.url).content.decode()
        assert "Diskussionen zu diesem Praxisbeispiel" in html
        assert "/konto/anmelden/?next=" in html

    def test_staff_see_linked_topics_and_can_start_one(self, client, library, staff_user):
        from forum.services import topic_create
        from tests.forum.helpers import create_category

        practice = create_practice("Peer-Mentoring")
        category = create_category("Netzwerkarbeit")
        topic_create(
            author=staff_user,
            category=category,
            title="Erfahrungen mit Peer-Mentoring?",
            body="Wer hat das schon ausprobiert?",
            practice=practice,
        )
        client.force_login(staff_user)
        html = client.get(practice.url).content.decode()
        assert "Erfahrungen mit Peer-Mentoring?" in html
        assert f"?praxis={practice.pk}" in html


def test_similar_practices_with_topics_only(client, library):
    practice = create_practice("Nur Handlungsfeld", topics=["wohnen"])
    similar = create_practice("Auch Wohnen", topics=["wohnen"])
    assert [p.title for p in client.get(practice.url).context["similar_practices"]] == [
        similar.title
    ]
