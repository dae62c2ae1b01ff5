"""“Ähnliche Praxisbeispiele”: ranked by shared terms, only ever what the reader may see."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from practices.selectors import SIMILAR_CANDIDATES_PER_SHOWN, practice_similar
from tests.factories.practices import create_practice, create_practices

pytestmark = pytest.mark.django_db

TERMS = {"topics": ["sucht", "gesundheit"], "target_groups": ["langzeitarbeitslose"]}


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def similar_titles(client, practice) -> list[str]:
    response = client.get(practice.url)
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").find("section", class_="similar")
    if section is None:
        return []
    return [title.get_text(strip=True) for title in section.select(".practice-card__title")]


def test_most_shared_terms_first_then_newest(client, library):
    practice = create_practice("Ausgangspunkt", revision=False, **TERMS)
    create_practice("Alle drei", revision=False, first_published_at=days_ago(30), **TERMS)
    create_practice(
        "Zwei, neu",
        revision=False,
        first_published_at=days_ago(1),
        topics=["sucht"],
        target_groups=["langzeitarbeitslose"],
    )
    create_practice(
        "Zwei, älter",
        revision=False,
        first_published_at=days_ago(5),
        topics=["sucht", "gesundheit"],
    )
    create_practice("Eins, ganz neu", revision=False, topics=["gesundheit"])
    create_practice("Nichts gemeinsam", revision=False, topics=["wohnen"])

    assert similar_titles(client, practice) == ["Alle drei", "Zwei, neu", "Zwei, älter"]


def test_target_groups_alone_make_practices_similar(client, library):
    practice = create_practice("Nur Zielgruppe", revision=False, target_groups=["aeltere"])
    create_practice("Auch Ältere", revision=False, target_groups=["aeltere"])
    create_practice("Andere Zielgruppe", revision=False, target_groups=["alleinerziehende"])

    assert similar_titles(client, practice) == ["Auch Ältere"]


def test_drafts_and_the_practice_itself_are_never_similar(client, library):
    practice = create_practice("Ausgangspunkt", revision=False, **TERMS)
    create_practice("Entwurf", live=False, **TERMS)
    create_practice("Veröffentlicht", revision=False, topics=["sucht"])

    assert similar_titles(client, practice) == ["Veröffentlicht"]


def test_hidden_best_matches_leave_room_for_visible_ones(client, library, staff_user):
    """More staff-only practices share every term than the ranking looks at in one go: the
    public reader still gets the public ones, in order, and never a staff-only one."""
    practice = create_practice("Öffentlich", revision=False, **TERMS)
    hidden = 3 * SIMILAR_CANDIDATES_PER_SHOWN + 2
    create_practices(hidden, staff_only=True, **TERMS)
    create_practice("Öffentlich, zwei gemeinsam", revision=False, topics=["sucht", "gesundheit"])
    create_practice(
        "Öffentlich, eins gemeinsam", revision=False, target_groups=["langzeitarbeitslose"]
    )

    public = similar_titles(client, practice)
    client.force_login(staff_user)
    staff = practice_similar(practice=practice, user=staff_user)

    assert public == ["Öffentlich, zwei gemeinsam", "Öffentlich, eins gemeinsam"]
    assert len(staff) == 3
    assert all(item.is_staff_only for item in staff)


def test_query_count_does_not_grow_with_similar_practices(client, library):
    practice = create_practice("Ausgangspunkt", revision=False, **TERMS)
    create_practices(4, **TERMS)
    client.get(practice.url)  # warm the per-process caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        client.get(practice.url)
    create_practices(60, **TERMS)
    with CaptureQueriesContext(connection) as many:
        response = client.get(practice.url)

    assert len(response.context["similar_practices"]) == 3
    assert len(many) == len(few)
