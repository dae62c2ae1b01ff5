"""The library's pages read each thing once: filter choices across requests, and no statement
twice within one request."""

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import Jobcenter, Topic
from tests.factories.practices import create_jobcenter, create_practice, create_practices

pytestmark = pytest.mark.django_db
INDEX = "/praxisbeispiele/"
FILTER_TABLES = [
    "practices_topic",
    "practices_targetgroup",
    "practices_partnertype",
    "practices_processphase",
    "practices_practicestatus",
    "practices_bundesland",
    "practices_jobcenter",
]


def get(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return response, [query["sql"] for query in captured]


def tables_read(statements: list[str]) -> set[str]:
    return {
        table
        for sql in statements
        for table in FILTER_TABLES
        if re.search(rf'\bFROM "{table}"', sql)
    }


def filter_options(response, name: str) -> dict[str, str]:
    """Value → visible name of the choices the filter form offers for ``name``."""
    form = BeautifulSoup(response.content, "html.parser").find("form", class_="filters")
    boxes = {
        box["value"]: box.parent.get_text(strip=True)
        for box in form.select(f'input[name="{name}"]')
    }
    options = {
        option["value"]: option.get_text(strip=True)
        for option in form.select(f'select[name="{name}"] option')
    }
    return boxes | options


class TestFilterChoices:
    def test_read_once_then_kept_across_requests(self, client, library):
        first, first_statements = get(client, INDEX)
        second, second_statements = get(client, INDEX)

        assert tables_read(first_statements) == set(FILTER_TABLES)
        assert tables_read(second_statements) == set()
        assert filter_options(second, "handlungsfeld") == filter_options(first, "handlungsfeld")
        assert "sucht" in filter_options(second, "handlungsfeld")

    def test_a_renamed_topic_shows_at_once(self, client, library):
        client.get(INDEX)
        topic = Topic.objects.get(slug="sucht")
        topic.name = "Sucht und Abhängigkeit"
        topic.save()

        response = client.get(INDEX)

        assert filter_options(response, "handlungsfeld")["sucht"] == "Sucht und Abhängigkeit"

    def test_a_new_or_removed_jobcenter_shows_at_once(self, client, library):
        old = create_jobcenter("Jobcenter Altstadt", slug="jobcenter-altstadt")
        client.get(INDEX)
        create_jobcenter("Jobcenter Neustadt", slug="jobcenter-neustadt")
        Jobcenter.objects.get(pk=old.pk).delete()

        options = filter_options(client.get(INDEX), "jobcenter")

        assert options.get("jobcenter-neustadt") == "Jobcenter Neustadt"
        assert "jobcenter-altstadt" not in options

    def test_a_filter_by_a_new_value_applies(self, client, library):
        client.get(INDEX)
        jobcenter = create_jobcenter("Jobcenter Neustadt", slug="jobcenter-neustadt")
        create_practice("In Neustadt", jobcenters=[jobcenter], revision=False)
        create_practice("Anderswo", jobcenters=[create_jobcenter()], revision=False)

        response = client.get(INDEX, {"jobcenter": "jobcenter-neustadt"})

        assert [practice.title for practice in response.context["practices"]] == ["In Neustadt"]
        assert response.context["notices"] == []


def repeated(statements: list[str]) -> list[str]:
    return [sql for sql, count in Counter(statements).items() if count > 1]


class TestNoStatementTwice:
    @pytest.fixture
    def practice(self, library):
        jobcenter = create_jobcenter(land="NW")
        terms = {"topics": ["sucht", "gesundheit"], "target_groups": ["langzeitarbeitslose"]}
        create_practices(5, jobcenters=[jobcenter], **terms)
        create_practice("Intern", staff_only=True, revision=False, **terms)
        return create_practice(
            "Suchtberatung im Jobcenter",
            jobcenters=[jobcenter],
            partners=[("suchtberatung", "Beratungsstelle")],
            phases=["massnahmedurchfuehrung"],
            figures=[("Teilnehmende", "120")],
            revision=False,
            **terms,
        )

    @pytest.mark.parametrize("who", ["anonymous", "staff"])
    def test_list_detail_and_home(self, client, practice, staff_user, who):
        if who == "staff":
            client.force_login(staff_user)
        for url, params in [
            (INDEX, {}),
            (INDEX, {"bundesland": "NW", "handlungsfeld": "sucht"}),
            (practice.url, {}),
            ("/", {}),
        ]:
            client.get(url, params)  # warm the per-process caches (content types, site)
            _response, statements = get(client, url, params)

            assert repeated(statements) == [], url

    def test_detail_reads_its_restrictions_once(self, client, practice, staff_user):
        client.force_login(staff_user)
        client.get(practice.url)

        _response, statements = get(client, practice.url)

        restrictions = [
            sql for sql in statements if re.search(r'\bFROM "wagtailcore_pageviewrestriction"', sql)
        ]
        # Wagtail's own check before serving, and the site's restrictions for cms.access.
        assert len(restrictions) == 2
