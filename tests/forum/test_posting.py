"""Starting topics, replying, quoting, previewing, editing with revisions, deleting; bad input."""

import pytest
from django.urls import reverse

from forum.models import BODY_MAX_LENGTH, Post, PostRevision, Topic
from practices.models import Topic as FieldOfAction

from .helpers import create_topic


def test_member_starts_a_topic_with_fields_of_action(client, forum):
    sucht = FieldOfAction.objects.get_or_create(name="Sucht", slug="sucht")[0]
    client.force_login(forum.staff)

    response = client.post(
        reverse("forum:category_topic_create", args=[forum.open.slug]),
        {
            "category": forum.open.pk,
            "title": "  Wie bindet ihr die Suchtberatung ein?  ",
            "body": "Wir suchen **Erfahrungen**:\n\n- Sprechstunden\n- Fallkonferenzen",
            "fields_of_action": [sucht.pk],
        },
        follow=True,
    )

    topic = Topic.objects.get()
    assert response.redirect_chain[-1][0] == topic.get_absolute_url()
    assert topic.title == "Wie bindet ihr die Suchtberatung ein?"
    assert topic.author == forum.staff
    assert topic.post_count == 1
    assert list(topic.fields_of_action.all()) == [sucht]
    html = response.content.decode()
    assert "Ihr Thema ist veröffentlicht." in html
    assert "<strong>Erfahrungen</strong>" in html
    assert "<li>Sprechstunden</li>" in html
    assert "Frage von Maria Schulz" in html


def test_category_link_preselects_the_category(client, forum):
    client.force_login(forum.staff)

    response = client.get(reverse("forum:category_topic_create", args=[forum.open.slug]))

    assert response.context["form"].initial["category"] == forum.open.pk


def test_reply_is_numbered_and_moves_the_topic_up(client, forum):
    older = create_topic(forum.open, forum.staff, title="Älteres Thema")
    newer = create_topic(forum.open, forum.staff, title="Neueres Thema")
    Topic.objects.filter(pk=older.pk).update(
        last_activity_at=newer.last_activity_at.replace(year=2020)
    )
    client.force_login(forum.regional)

    response = client.post(reverse("forum:reply", args=[older.pk]), {"body": "Meine Antwort"})

    reply = Post.objects.get(body="Meine Antwort")
    older.refresh_from_db()
    assert response["Location"] == f"/forum/thema/{older.pk}/?seite=1#beitrag-2"
    assert reply.number == 2
    assert (older.post_count, older.reply_count, older.last_post) == (2, 1, reply)
    listing = client.get(forum.open.get_absolute_url()).content.decode()
    assert listing.index("Älteres Thema") < listing.index("Neueres Thema")


def test_quote_link_prefills_the_reply_with_attribution(client, forum):
    topic = create_topic(
        forum.open, forum.staff, body="Wir haben eine Sprechstunde.\nJeden Dienstag."
    )
    client.force_login(forum.regional)

    response = client.get(reverse("forum:reply", args=[topic.pk]), {"zitat": topic.first_post_id})
    client.post(
        reverse("forum:reply", args=[topic.pk]),
        {"body": response.context["form"].initial["body"] + "Danke, das probieren wir aus."},
    )

    assert response.context["form"].initial["body"] == (
        "> **Maria Schulz** schrieb:\n> Wir haben eine Sprechstunde.\n> Jeden Dienstag.\n\n"
    )
    reply = topic.posts.get(number=2)
    assert reply.body_html.startswith("<blockquote>\n<p><strong>Maria Schulz</strong> schrieb:<br>")
    assert "<p>Danke, das probieren wir aus.</p>" in reply.body_html


@pytest.mark.parametrize("zitat", ["abc", "999999", "-1", "1" * 30])
def test_quote_of_unknown_post_is_ignored(client, forum, zitat):
    topic = create_topic(forum.open, forum.staff)
    client.force_login(forum.regional)

    response = client.get(reverse("forum:reply", args=[topic.pk]), {"zitat": zitat})

    assert response.status_code == 200
    assert "body" not in response.context["form"].initial


def test_quote_from_another_topic_is_ignored(client, forum):
    topic = create_topic(forum.open, forum.staff)
    secret = create_topic(forum.restricted, forum.regional, body="Interna aus NRW")
    client.force_login(forum.staff)

    response = client.get(reverse("forum:reply", args=[topic.pk]), {"zitat": secret.first_post_id})

    assert "Interna aus NRW" not in response.content.decode()


def test_preview_button_works_without_javascript(client, forum):
    topic = create_topic(forum.open, forum.staff)
    client.force_login(forum.regional)

    response = client.post(
        reverse("forum:reply", args=[topic.pk]), {"body": "**Entwurf**", "vorschau": "1"}
    )

    assert response.status_code == 200
    assert "<strong>Entwurf</strong>" in response.content.decode()
    assert topic.posts.count() == 1


def test_preview_on_the_new_topic_form_saves_nothing(client, forum):
    client.force_login(forum.staff)

    response = client.post(
        reverse("forum:topic_create"),
        {"category": forum.open.pk, "title": "Ein Entwurf", "body": "- Punkt", "vorschau": "1"},
    )

    assert "<li>Punkt</li>" in response.content.decode()
    assert not Topic.objects.exists()


def test_preview_endpoint_for_the_script(client, forum):
    client.force_login(forum.staff)

    rendered = client.post(reverse("forum:preview"), {"body": "1. eins\n2. zwei"})
    empty = client.post(reverse("forum:preview"), {"body": "   "})
    too_long = client.post(reverse("forum:preview"), {"body": "x" * (BODY_MAX_LENGTH + 1)})
    by_get = client.get(reverse("forum:preview"))

    assert rendered.content.decode() == "<ol>\n<li>eins</li>\n<li>zwei</li>\n</ol>"
    assert "Noch nichts für die Vorschau." in empty.content.decode()
    assert too_long.status_code == 400
    assert "Ihr Beitrag ist zu lang" in too_long.content.decode()
    assert by_get.status_code == 405


class TestEditing:
    def test_author_edits_and_every_revision_is_kept(self, client, forum):
        topic = create_topic(forum.open, forum.staff, replies=[(forum.regional, "Erste Fassung")])
        post = topic.posts.get(number=2)
        client.force_login(forum.regional)

        for text in ("Zweite Fassung\nmit neuer Zeile", "Dritte Fassung\nmit neuer Zeile"):
            client.post(reverse("forum:post_edit", args=[post.pk]), {"body": text})
        client.post(
            reverse("forum:post_edit", args=[post.pk]), {"body": "Dritte Fassung\nmit neuer Zeile"}
        )

        post.refresh_from_db()
        assert post.body == "Dritte Fassung\nmit neuer Zeile"
        assert post.body_html == "<p>Dritte Fassung<br>\nmit neuer Zeile</p>"
        assert post.edit_count == 2
        assert list(post.revisions.values_list("number", "body")) == [
            (1, "Erste Fassung"),
            (2, "Zweite Fassung\nmit neuer Zeile"),
            (3, "Dritte Fassung\nmit neuer Zeile"),
        ]

    def test_question_edit_changes_title_and_tags(self, client, forum):
        schulden = FieldOfAction.objects.get_or_create(name="Schulden", slug="schulden")[0]
        topic = create_topic(forum.open, forum.staff, title="Alter Titel")
        client.force_login(forum.staff)

        client.post(
            reverse("forum:post_edit", args=[topic.first_post_id]),
            {"title": "Neuer Titel", "body": "Neuer Text", "fields_of_action": [schulden.pk]},
        )

        topic.refresh_from_db()
        assert topic.title == "Neuer Titel"
        assert list(topic.fields_of_action.all()) == [schulden]
        assert topic.first_post.body == "Neuer Text"

    def test_diff_is_visible_to_author_and_moderators_only(self, client, forum):
        topic = create_topic(
            forum.open, forum.staff, replies=[(forum.regional, "Termin am Montag")]
        )
        post = topic.posts.get(number=2)
        client.force_login(forum.regional)
        client.post(reverse("forum:post_edit", args=[post.pk]), {"body": "Termin am Dienstag"})
        url = reverse("forum:post_revisions", args=[post.pk])

        as_author = client.get(url)
        client.force_login(forum.moderator)
        as_moderator = client.get(url)
        client.force_login(forum.staff)
        as_colleague = client.get(url)
        topic_page = client.get(topic.get_absolute_url(), {"seite": 1}).content.decode()

        for response in (as_author, as_moderator):
            html = response.content.decode()
            assert response.status_code == 200
            assert "<del>Termin am Montag</del>" in html
            assert "<ins>Termin am Dienstag</ins>" in html
            assert "Ursprüngliche Fassung" in html
        assert as_colleague.status_code == 403
        assert "Frühere Fassungen eines Beitrags sehen nur" in as_colleague.content.decode()
        assert "bearbeitet" in topic_page
        assert url not in topic_page

    def test_colleague_cannot_edit_anothers_post(self, client, forum):
        topic = create_topic(forum.open, forum.regional)
        client.force_login(forum.staff)

        page = client.get(reverse("forum:post_edit", args=[topic.first_post_id]))
        post = client.post(
            reverse("forum:post_edit", args=[topic.first_post_id]), {"body": "Übernommen"}
        )

        assert page.status_code == post.status_code == 403
        assert "Sie dürfen diesen Beitrag nicht bearbeiten." in post.content.decode()
        assert PostRevision.objects.count() == 1

    def test_moderator_may_edit_and_is_named_in_the_history(self, client, forum):
        topic = create_topic(forum.open, forum.staff, body="Telefon von Frau M.: 0123 456")
        client.force_login(forum.moderator)

        client.post(
            reverse("forum:post_edit", args=[topic.first_post_id]),
            {"title": topic.title, "body": "[Personenbezogene Daten entfernt]"},
        )

        revision = PostRevision.objects.get(post_id=topic.first_post_id, number=2)
        assert revision.editor == forum.moderator


class TestDeleting:
    def test_author_deletes_own_post_softly(self, client, forum):
        topic = create_topic(forum.open, forum.staff, replies=[(forum.regional, "Versehentlich")])
        post = topic.posts.get(number=2)
        client.force_login(forum.regional)

        confirm = client.get(reverse("forum:post_delete", args=[post.pk]))
        client.post(reverse("forum:post_delete", args=[post.pk]))
        client.force_login(forum.staff)
        page = client.get(topic.get_absolute_url(), {"seite": 1}).content.decode()

        post.refresh_from_db()
        assert "Beitrag #2 löschen?" in confirm.content.decode()
        assert post.is_deleted and post.deleted_by == forum.regional
        assert "Beitrag gelöscht" in page
        assert "Versehentlich" not in page
        assert topic.posts.count() == 2

    def test_deleted_solution_is_no_longer_the_solution(self, client, forum):
        topic = create_topic(forum.open, forum.staff, replies=[(forum.regional, "Lösung")])
        answer = topic.posts.get(number=2)
        topic.solution = answer
        topic.save()
        client.force_login(forum.regional)

        client.post(reverse("forum:post_delete", args=[answer.pk]))

        topic.refresh_from_db()
        assert topic.solution is None

    def test_deleted_post_cannot_be_edited_or_deleted_again(self, client, forum):
        topic = create_topic(forum.open, forum.staff, replies=[(forum.regional, "Weg")])
        post = topic.posts.get(number=2)
        Post.objects.filter(pk=post.pk).update(is_deleted=True)
        client.force_login(forum.regional)

        edit = client.post(reverse("forum:post_edit", args=[post.pk]), {"body": "Wieder da"})
        delete = client.post(reverse("forum:post_delete", args=[post.pk]))

        assert edit.status_code == delete.status_code == 403


class TestBadInput:
    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"title": "", "body": "Text"}, "Bitte geben Sie Ihrem Thema einen Titel."),
            ({"title": "Hi", "body": "Text"}, "Der Titel braucht mindestens 5 Zeichen."),
            ({"title": "T" * 151, "body": "Text"}, "Der Titel ist zu lang"),
            ({"title": "Ein guter Titel", "body": ""}, "Bitte schreiben Sie einen Text."),
            ({"title": "Ein guter Titel", "body": " \n\t "}, "Bitte schreiben Sie einen Text."),
            ({"title": "Ein guter Titel", "body": "x" * 20_001}, "Ihr Beitrag ist zu lang"),
            (
                {"title": "Ein guter Titel", "body": "Text", "category": "abc"},
                "Sie können in dieser Kategorie kein Thema beginnen.",
            ),
            (
                {"title": "Ein guter Titel", "body": "Text", "category": ""},
                "Bitte wählen Sie eine Kategorie.",
            ),
            (
                {"title": "Ein guter Titel", "body": "Text", "fields_of_action": ["999999"]},
                "Bitte wählen Sie nur Handlungsfelder aus der Liste.",
            ),
            (
                {"title": "Ein guter Titel", "body": "Text", "practice": "999999"},
                "Bitte wählen Sie ein Praxisbeispiel aus der Liste.",
            ),
        ],
    )
    def test_new_topic_form_explains_in_german_and_saves_nothing(
        self, client, forum, data, message
    ):
        client.force_login(forum.staff)
        data = {"category": forum.open.pk, **data}

        response = client.post(reverse("forum:topic_create"), data)

        assert response.status_code == 200
        assert message in response.content.decode()
        assert not Topic.objects.exists()

    @pytest.mark.parametrize(
        ("body", "message"),
        [("", "Bitte schreiben Sie einen Text."), ("x" * 20_001, "Ihr Beitrag ist zu lang")],
    )
    def test_reply_and_edit_explain_in_german(self, client, forum, body, message):
        topic = create_topic(forum.open, forum.staff, replies=[(forum.regional, "Alt")])
        client.force_login(forum.regional)

        reply = client.post(reverse("forum:reply", args=[topic.pk]), {"body": body})
        edit = client.post(
            reverse("forum:post_edit", args=[topic.posts.get(number=2).pk]), {"body": body}
        )

        assert message in reply.content.decode()
        assert message in edit.content.decode()
        assert topic.posts.count() == 2
        assert topic.posts.get(number=2).body == "Alt"

    def test_empty_submissions_are_explained(self, client, forum):
        topic = create_topic(forum.open, forum.staff)
        client.force_login(forum.staff)

        reply = client.post(reverse("forum:reply", args=[topic.pk]), {})
        new_topic = client.post(reverse("forum:topic_create"), {})

        assert "Bitte schreiben Sie einen Text." in reply.content.decode()
        assert "Bitte wählen Sie eine Kategorie." in new_topic.content.decode()
        assert "Bitte geben Sie Ihrem Thema einen Titel." in new_topic.content.decode()
        assert Post.objects.count() == 1

    @pytest.mark.parametrize(
        "url",
        [
            "/forum/thema/999999/",
            "/forum/thema/999999/antworten/",
            "/forum/beitrag/999999/",
            "/forum/beitrag/999999/bearbeiten/",
            "/forum/beitrag/999999/versionen/",
            "/forum/beitrag/999999/loeschen/",
            "/forum/kategorie/gibt-es-nicht/",
            "/forum/kategorie/gibt-es-nicht/neues-thema/",
            "/forum/mitglieder/niemand/",
            "/forum/thema/99999999999999999999/",
        ],
    )
    def test_unknown_ids_give_404(self, client, forum, url):
        client.force_login(forum.staff)

        response = client.get(url)

        assert response.status_code == 404

    @pytest.mark.parametrize(
        "url", ["/forum/beitrag/999999/hilfreich/", "/forum/beitrag/999999/loesung/"]
    )
    def test_actions_on_unknown_posts_give_404(self, client, forum, url):
        client.force_login(forum.staff)

        assert client.post(url).status_code == 404

    @pytest.mark.parametrize("page", ["abc", "0", "-5", "99999", "1.5", "", "9" * 40])
    def test_odd_page_numbers_show_a_page(self, client, forum, page):
        topic = create_topic(forum.open, forum.staff)
        client.force_login(forum.staff)

        responses = [
            client.get(topic.get_absolute_url(), {"seite": page}),
            client.get(forum.open.get_absolute_url(), {"seite": page, "sortierung": "quatsch"}),
            client.get(reverse("forum:latest"), {"seite": page, "ansicht": page}),
        ]

        assert [response.status_code for response in responses] == [200, 200, 200]

    def test_new_topic_for_a_member_without_rights(self, client, forum):
        client.force_login(forum.outsider)

        response = client.get(reverse("forum:topic_create"))

        assert response.status_code == 403
        assert "Sie dürfen in keiner Kategorie Themen beginnen." in response.content.decode()
