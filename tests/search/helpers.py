"""Small builders for search tests: practices with taxonomy, publishing through Wagtail."""

from collections.abc import Callable
from datetime import datetime

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from cms.access import page_set_staff_only
from practices.models import (
    Bundesland,
    PartnerType,
    PracticeIndexPage,
    PracticePage,
    PracticePartner,
    PracticeStatus,
    ProcessPhase,
    TargetGroup,
    Topic,
)
from search.indexing import elasticsearch_enabled, outbox_push
from search.models import SearchDocument
from tests.conftest import rows_for_the_class
from tests.factories import site_home
from tests.factories.search import elasticsearch_documents, elasticsearch_pushed_again


def library_page() -> PracticeIndexPage:
    """The practice index page below the home page: the one there is, or a new one."""
    index = PracticeIndexPage.objects.first()
    if index is None:
        index = PracticeIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
        site_home().add_child(instance=index)
        index.save_revision().publish()
    return index


def create_practice(
    library,
    title: str,
    *,
    teaser: str = "Ein erprobter Ansatz aus dem Jobcenter.",
    text: str = "",
    topics: tuple[str, ...] = (),
    target_groups: tuple[str, ...] = (),
    phases: tuple[str, ...] = (),
    partner_types: tuple[str, ...] = (),
    status: str | None = None,
    bundeslaender: tuple[str, ...] = ("NW",),
    published: datetime | None = None,
    staff_only: bool = False,
) -> PracticePage:
    page = PracticePage(
        title=title,
        teaser=teaser,
        supra_regional=True,
        body=[("situation", RichText(f"<p>{text}</p>"))] if text else [],
        status=PracticeStatus.objects.get(slug=status) if status else None,
        first_published_at=published,
    )
    library.add_child(instance=page)
    page.bundeslaender.set(Bundesland.objects.filter(code__in=bundeslaender))
    page.topics.set(Topic.objects.filter(slug__in=topics))
    page.target_groups.set(TargetGroup.objects.filter(slug__in=target_groups))
    page.phases.set(ProcessPhase.objects.filter(slug__in=phases))
    # Numbered as the editor's form numbers them: partners without a place in the order would
    # come back in any order.
    for number, partner_type in enumerate(PartnerType.objects.filter(slug__in=partner_types)):
        page.partners.add(
            PracticePartner(
                partner_type=partner_type, name=f"{partner_type.name} vor Ort", sort_order=number
            )
        )
    page.save()
    if staff_only:
        page_set_staff_only(page, True)
    page.save_revision().publish()
    return page


def days_ago(days: int) -> datetime:
    return timezone.now() - timezone.timedelta(days=days)


def sync() -> None:
    """What the after-commit push does (test transactions never commit)."""
    result = outbox_push()
    assert result.error == "", result.error
    assert result.pending == 0


def sync_again() -> None:
    """``sync`` for rows written once for a class of tests (``tests.conftest``'s
    ``rows_for_the_class``): pushed as newer than the state an earlier test of the class left
    in Elasticsearch, which must then hold every document (it refuses an older version
    without an error)."""
    if not elasticsearch_enabled():
        sync()
        return
    elasticsearch_pushed_again()
    assert elasticsearch_documents() == SearchDocument.objects.count(), "documents refused"


def indexed_rows(build: Callable[[object], object], *, name: str, parent=None):
    """Two fixtures for rows that search tests find: ``name`` writes them (``build(parent())``,
    the practice library by default) and pushes them for one test; ``<name>_of_the_class``
    writes them once for a class of tests (``tests.conftest.rows_for_the_class``); the class
    then defines ``name`` as a fixture that takes those and calls ``sync_again``."""
    parent = parent or library_page

    @pytest.fixture(name=name)
    def per_test(db):
        rows = build(parent())
        sync()
        return rows

    per_class = rows_for_the_class(lambda: build(parent()), name=f"{name}_of_the_class")
    return per_test, per_class


def api(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200
    return response.json()


def titles(data) -> list[str]:
    return [result["title"] for result in data["results"]]


def facet(data, name: str) -> dict[str, tuple[int, bool]]:
    return {o["value"]: (o["count"], o["selected"]) for o in data["facets"][name]}
