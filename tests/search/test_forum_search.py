"""Forum topics in the knowledge search: found by members who may read them, by nobody else."""

import pytest

from cms.accounts.groups import STAFF
from forum.models import Topic
from forum.permissions import ensure_default_permissions
from forum.services import topic_create
from practices.models import Topic as FieldOfAction
from search.models import IndexOutbox
from tests.factories import create_user
from tests.forum.helpers import create_category, create_topic, restrict_category

from .helpers import api, facet, sync, titles

pytestmark = pytest.mark.django_db

REGIONAL = "Regionalgruppe Sachsen"


@pytest.fixture
def forum():
    ensure_default_permissions()
    author = create_user(STAFF, username="autorin")
    open_category = create_category("Gesundheit und Sucht")
    regional = create_category(REGIONAL, slug="regionalgruppe-sn")
    restrict_category(regional, deny=STAFF, grant=REGIONAL)
    create_topic(
        open_category,
        author,
        title="Wie bindet ihr die Suchtberatung ein?",
        body="Wir suchen Erfahrungen mit <script>-freien **Sprechstunden**.",
        replies=[(author, "Bei uns kommt die Schuldnerberatung jeden Dienstag.")],
    )
    create_topic(regional, author, title="Interne Absprache zur Suchtberatung in Sachsen")
    sync()


def test_the_public_finds_no_forum_topics(client, backend, forum):
    data = api(client, q="Suchtberatung")

    assert data["total"] == 0
    assert facet(data, "type") == {}


def test_staff_find_topics_of_the_categories_they_may_read(client, backend, forum):
    client.force_login(create_user(STAFF, username="netzwerk"))

    data = api(client, q="Beratung")

    assert titles(data) == ["Wie bindet ihr die Suchtberatung ein?"]
    assert data["results"][0]["type"] == "topic"
    assert data["results"][0]["url"].startswith("/forum/")
    assert facet(data, "type") == {"topic": (1, False)}
    # The teaser is plain text; the HTML snippet escapes what members typed.
    assert data["results"][0]["teaser"].startswith("Wir suchen Erfahrungen mit <script>")
    assert "&lt;script&gt;-freien" in data["results"][0]["highlight"]


def test_a_regional_group_also_finds_its_own_category(client, backend, forum):
    client.force_login(create_user(STAFF, REGIONAL, username="regional"))

    assert sorted(titles(api(client, q="Suchtberatung"))) == [
        "Interne Absprache zur Suchtberatung in Sachsen",
        "Wie bindet ihr die Suchtberatung ein?",
    ]


def test_answers_are_searchable_and_highlighted(client, backend, forum):
    client.force_login(create_user(STAFF, username="netzwerk"))

    result = api(client, q="Dienstag")["results"][0]

    assert result["title"] == "Wie bindet ihr die Suchtberatung ein?"
    assert "<mark>Dienstag</mark>" in result["highlight"]


def test_a_new_topic_is_indexed_once_with_its_question(client, backend, forum):
    schulden = FieldOfAction.objects.get_or_create(name="Schulden", slug="schulden")[0]
    author = create_user(STAFF, username="neu")
    category = Topic.objects.get(title="Wie bindet ihr die Suchtberatung ein?").category
    last = IndexOutbox.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    topic = topic_create(
        category=category,
        author=author,
        title="Jobcoaching im Quartier",
        body="Wer begleitet Kundinnen zum Stadtteilbüro?",
        fields_of_action=[schulden],
        rate_limited=False,
    )

    # One write of its document (the topic, its fields of action and its question together),
    # not one for each of them.
    written = IndexOutbox.objects.filter(pk__gt=last).order_by("pk")
    assert list(written.values_list("model", "object_id")) == [("forum.topic", str(topic.pk))]
    sync()
    client.force_login(author)
    data = api(client, q="Stadtteilbüro")
    assert titles(data) == ["Jobcoaching im Quartier"]
    assert facet(data, "topic")["schulden"][0] == 1
