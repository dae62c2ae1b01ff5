"""“Ähnliche Themen” while writing a new topic: existing topics close in meaning, only those the
member may read, through the endpoint forum-similar.js asks and the form's no-JS button."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from forum.models import Post, Topic
from practices.models import Topic as FieldOfAction
from tests.search.helpers import sync

from .helpers import create_topic

pytestmark = pytest.mark.django_db

URL = reverse("forum:similar_topics")
ADDICTION = "Wie binden wir die Suchtberatung ein?"
# Not one word in common with ADDICTION: only the meaning links them.
TYPED = "Kooperation mit Alkohol- und Drogenhilfe"


@pytest.fixture
def topics(forum):
    addiction = create_topic(
        forum.open,
        forum.staff,
        title=ADDICTION,
        body="Wir suchen Erfahrungen.",
        replies=[(forum.regional, "Bei uns kommt die Beratungsstelle jeden Dienstag.")],
    )
    create_topic(
        forum.open,
        forum.staff,
        title="Kinderbetreuung für Alleinerziehende",
        body="Wie organisiert ihr Betreuungsplätze für Kundinnen mit kleinen Kindern?",
    )
    create_topic(
        forum.open,
        forum.staff,
        title="Mobilität im ländlichen Raum",
        body="Führerschein und Tickets für den Nahverkehr: Wer zahlt was?",
    )
    return addiction


def similar(client, **params) -> dict:
    response = client.post(URL, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def titles(data) -> list[str]:
    return [result["title"] for result in data["results"]]


class TestEndpoint:
    def test_finds_a_topic_by_meaning_in_other_words(self, client, forum, topics):
        sync()
        client.force_login(forum.staff)

        data = similar(client, title=TYPED, body="")

        assert titles(data)[0] == ADDICTION
        assert data["results"][0] == {
            "title": ADDICTION,
            "url": topics.get_absolute_url(),
            "category": "Gesundheit und Sucht",
            "replies": 1,
            "replies_label": "1 Antwort",
        }
        count = len(data["results"])
        assert data["status"] == (
            "1 ähnliches Thema gefunden" if count == 1 else f"{count} ähnliche Themen gefunden"
        )

    def test_the_body_counts_too(self, client, forum, topics):
        sync()
        client.force_login(forum.staff)

        data = similar(
            client,
            title="Frage aus Bochum",
            body="Wie organisiert ihr die Betreuung der Kinder, damit Alleinerziehende an "
            "Maßnahmen teilnehmen können?",
        )

        assert titles(data)[0] == "Kinderbetreuung für Alleinerziehende"

    def test_login_required(self, client, forum, topics):
        sync()

        response = client.post(URL, {"title": TYPED})

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))

    def test_the_typed_text_never_travels_in_a_query_string(self, client, forum, topics):
        client.force_login(forum.staff)

        response = client.get(URL, {"title": TYPED})

        assert response.status_code == 405

    def test_topics_of_a_category_the_member_cannot_read_never_appear(self, client, forum, topics):
        create_topic(
            forum.restricted,
            forum.regional,
            title="Zusammenarbeit mit der Drogenhilfe in der Regionalgruppe",
            body="Interne Absprachen mit den Beratungsstellen für Alkohol und Drogen.",
        )
        sync()

        client.force_login(forum.regional)
        regional = titles(similar(client, title=TYPED))
        client.force_login(forum.staff)
        staff = titles(similar(client, title=TYPED))

        assert "Zusammenarbeit mit der Drogenhilfe in der Regionalgruppe" in regional
        assert "Zusammenarbeit mit der Drogenhilfe in der Regionalgruppe" not in staff
        assert ADDICTION in staff

    @pytest.mark.parametrize("flag", ["is_hidden", "is_deleted"])
    def test_a_topic_whose_question_is_hidden_or_deleted_never_appears(
        self, client, forum, topics, flag
    ):
        removed = create_topic(
            forum.open, forum.staff, title="Kooperation mit der Suchthilfe und Drogenberatung"
        )
        Post.objects.filter(pk=removed.first_post_id).update(**{flag: True})
        sync()
        client.force_login(forum.staff)

        hidden = titles(similar(client, title=TYPED))
        Post.objects.filter(pk=removed.first_post_id).update(**{flag: False})
        restored = titles(similar(client, title=TYPED))

        assert removed.title not in hidden
        assert ADDICTION in hidden
        assert removed.title in restored

    @pytest.mark.parametrize(
        "params",
        [
            {},
            {"title": ""},
            {"title": "   ", "body": "\n\t "},
            {"title": "Sucht"},
            {"title": "x" * 5000, "body": "y" * 50_000},
            {"title": "<script>alert(1)</script> Suchtberatung", "body": "\x01\x7f ' OR 1=1 --"},
            {"title": ["Sucht", "Drogen"], "body": "%%%"},
        ],
        ids=["nothing", "empty", "blank", "short", "huge", "markup", "repeated"],
    )
    def test_bad_input_answers_calmly(self, client, forum, topics, params):
        sync()
        client.force_login(forum.staff)

        data = similar(client, **params)

        assert isinstance(data["results"], list)
        assert len(data["results"]) <= 5
        assert data["status"]

    def test_characters_that_cannot_be_stored_are_refused_not_a_crash(self, client, forum, topics):
        client.force_login(forum.staff)

        response = client.post(URL, {"title": "Suchtberatung\x00 einbinden"})

        assert response.status_code == 400

    def test_too_little_text_finds_nothing_and_says_why(self, client, forum, topics):
        sync()
        client.force_login(forum.staff)

        data = similar(client, title="Sucht", body="")

        assert data == {
            "status": "Geben Sie mindestens 10 Zeichen für Titel oder Text ein, um ähnliche "
            "Themen zu sehen.",
            "results": [],
        }

    def test_without_the_semantic_search_nothing_is_suggested(
        self, client, settings, forum, topics
    ):
        sync()
        settings.SEARCH_HYBRID = False
        client.force_login(forum.staff)

        data = similar(client, title=TYPED)

        assert data == {"status": "Keine ähnlichen Themen gefunden.", "results": []}


class TestNewTopicForm:
    def test_the_region_is_announced_and_scripted_from_a_file(self, client, forum):
        client.force_login(forum.staff)

        soup = BeautifulSoup(client.get(reverse("forum:topic_create")).content, "html.parser")

        region = soup.select_one("form section.forum-similar")
        heading = region.find("h2")
        assert heading.get_text(strip=True) == "Ähnliche Themen"
        assert region["aria-labelledby"] == heading["id"]
        assert region["data-url"] == URL
        status = region.select_one("[data-forum-similar-status]")
        assert status["aria-live"] == "polite" and status["role"] == "status"
        button = region.find("button", attrs={"name": "similar"})
        assert button.get_text(strip=True) == "Ähnliche Themen suchen"
        assert button["type"] == "submit"
        scripts = [script.get("src", "") for script in soup.find_all("script")]
        assert any(src.endswith("js/forum-similar.js") for src in scripts)
        assert all(script.get("src") for script in soup.find_all("script"))

    def test_the_button_lists_similar_topics_and_keeps_what_was_typed(self, client, forum, topics):
        sync()
        field = FieldOfAction.objects.get(slug="sucht")
        client.force_login(forum.staff)
        body = "Wer hat Erfahrung mit festen Sprechstunden?"

        response = client.post(
            reverse("forum:topic_create"),
            {
                "category": forum.open.pk,
                "title": TYPED,
                "body": body,
                "fields_of_action": [field.pk],
                "similar": "1",
            },
        )

        assert response.status_code == 200
        assert Topic.objects.count() == 3
        soup = BeautifulSoup(response.content, "html.parser")
        region = soup.select_one("section.forum-similar")
        links = region.select("ul.forum-similar__list a")
        assert links[0].get_text(strip=True) == ADDICTION
        assert links[0]["href"] == topics.get_absolute_url()
        assert not links[0].has_attr("target")
        assert "1 Antwort" in region.select_one(".forum-similar__meta").get_text()
        assert "ähnliche" in region.select_one("[data-forum-similar-status]").get_text()
        form = soup.find("form", class_="form")
        assert form.find("input", attrs={"name": "title"})["value"] == TYPED
        assert form.find("textarea", attrs={"name": "body"}).get_text().strip() == body
        chosen = form.find("select", attrs={"name": "category"}).find("option", selected=True)
        assert chosen["value"] == str(forum.open.pk)
        assert (
            form.find("input", attrs={"name": "fields_of_action", "value": str(field.pk)})[
                "checked"
            ]
            is not None
        )
        # Nothing was checked yet, so nothing is marked wrong.
        assert not soup.select(".field--error, .error")

    def test_publishing_still_publishes(self, client, forum, topics):
        client.force_login(forum.staff)

        response = client.post(
            reverse("forum:topic_create"),
            {"category": forum.open.pk, "title": TYPED, "body": "Wer hat Erfahrung damit?"},
        )

        assert response.status_code == 302
        assert Topic.objects.filter(title=TYPED).exists()
