"""Overview, lists, member profiles, the practice link, the admin and the demo content."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.accounts.groups import STAFF
from forum import services
from forum.demo import REGIONAL_GROUP
from forum.models import Category, CategoryGroupPermission, PermissionState, Post, Topic
from forum.permissions import ForumPermissions
from tests.factories import create_user
from tests.factories.practices import create_practice

from .helpers import RESTRICTED_CODES, create_category, create_topic, set_category_rights


class TestOverview:
    def test_categories_in_editor_order_with_descriptions_and_sub_categories(self, client, forum):
        child = create_category(
            "Schuldnerberatung", parent=forum.open, description="Unterkategorie"
        )
        late = create_category("Jugendliche unter 25", description="Junge Menschen erreichen.")
        Category.objects.filter(pk=late.pk).update(sort_order=-1)
        create_topic(forum.open, forum.staff)
        client.force_login(forum.staff)

        html = client.get(reverse("forum:index")).content.decode()

        assert html.index("Jugendliche unter 25") < html.index("Gesundheit und Sucht")
        assert "Gesundheit, Suchtberatung und Integration." in html
        assert "1 Thema" in html
        assert f'href="{child.get_absolute_url()}"' in html
        assert "Unterkategorien von Gesundheit und Sucht" in html

    def test_category_page_lists_sub_categories_and_pinned_topics_first(self, client, forum):
        create_category("Schuldnerberatung", parent=forum.open)
        pinned = create_topic(forum.open, forum.staff, title="Bitte zuerst lesen: Regeln")
        create_topic(forum.open, forum.staff, title="Aktuelle Frage")
        Topic.objects.filter(pk=pinned.pk).update(
            is_pinned=True, last_activity_at=pinned.last_activity_at.replace(year=2020)
        )
        client.force_login(forum.staff)

        html = client.get(forum.open.get_absolute_url()).content.decode()

        assert "Unterkategorien" in html and "Schuldnerberatung" in html
        assert html.index("Bitte zuerst lesen") < html.index("Aktuelle Frage")
        assert "Angeheftet" in html

    def test_sorting_by_activity_or_newest(self, client, forum):
        old = create_topic(forum.open, forum.staff, title="Altes Thema mit neuer Antwort")
        create_topic(forum.open, forum.staff, title="Neues Thema")
        Topic.objects.filter(pk=old.pk).update(created_at=old.created_at.replace(year=2020))
        services.post_create(topic=old, author=forum.regional, body="Neue Antwort")
        client.force_login(forum.staff)

        by_activity = client.get(reverse("forum:latest")).context["page"].object_list
        newest = client.get(reverse("forum:latest"), {"sortierung": "neu"}).context["page"]

        assert [topic.title for topic in by_activity][0] == "Altes Thema mit neuer Antwort"
        assert [topic.title for topic in newest.object_list][0] == "Neues Thema"

    def test_topic_lists_paginate(self, client, forum):
        for number in range(30):
            create_topic(forum.open, forum.staff, title=f"Thema Nummer {number:02d}")
        client.force_login(forum.staff)

        first = client.get(forum.open.get_absolute_url())
        second = client.get(forum.open.get_absolute_url(), {"seite": 2})

        assert len(first.context["page"].object_list) == 25
        assert len(second.context["page"].object_list) == 5
        assert 'rel="next"' in first.content.decode()

    def test_list_row_shows_replies_last_activity_and_solved_badge(self, client, forum):
        topic = create_topic(
            forum.open, forum.staff, replies=[(forum.regional, "Antwort"), (forum.staff, "Danke")]
        )
        services.topic_mark_solution(topic=topic, post=topic.posts.get(number=2), actor=forum.staff)
        client.force_login(forum.regional)

        html = client.get(forum.open.get_absolute_url()).content.decode()

        assert "<dt>Antworten</dt><dd>2</dd>" in html
        assert "Letzte Aktivität" in html
        assert "Gelöst" in html

    def test_long_topic_is_split_into_pages_of_twenty(self, client, forum):
        topic = create_topic(
            forum.open, forum.staff, replies=[(forum.staff, f"Antwort {n}") for n in range(44)]
        )
        client.force_login(forum.staff)

        last = client.get(topic.get_absolute_url(), {"seite": 3})

        assert [post.number for post in last.context["posts"]] == list(range(41, 46))
        assert last.context["reply_form"] is not None
        first = client.get(topic.get_absolute_url(), {"seite": 1})
        assert first.context["reply_form"] is None

    def test_permalink_leads_to_page_and_anchor(self, client, forum):
        topic = create_topic(
            forum.open, forum.staff, replies=[(forum.staff, f"Antwort {n}") for n in range(30)]
        )
        post = topic.posts.get(number=25)
        client.force_login(forum.regional)

        response = client.get(reverse("forum:post", args=[post.pk]))

        assert response["Location"] == f"/forum/thema/{topic.pk}/?seite=2#beitrag-25"


class TestMemberProfile:
    def test_shows_profile_and_only_readable_contributions(self, client, forum):
        open_topic = create_topic(forum.open, forum.regional, title="Offene Frage aus Ennepe")
        create_topic(forum.restricted, forum.regional, title="Regionaltreffen NRW intern")
        other = create_topic(forum.open, forum.staff, title="Frage von Maria")
        services.post_create(
            topic=other, author=forum.regional, body="Meine **hilfreiche** Antwort"
        )
        forum.regional.organisation = "Jobcenter EN"
        forum.regional.function = "Netzwerkkoordinatorin"
        forum.regional.region = "NW"
        forum.regional.save()
        client.force_login(forum.staff)

        html = client.get(reverse("forum:member", args=["anna.berger"])).content.decode()

        assert "<h1>Anna Berger</h1>" in html
        for text in ("Jobcenter EN", "Netzwerkkoordinatorin", "Nordrhein-Westfalen"):
            assert text in html
        assert open_topic.title in html
        assert "Re: Frage von Maria" in html
        assert "Meine hilfreiche Antwort" in html
        assert "Regionaltreffen NRW intern" not in html

    def test_members_without_forum_rights_see_no_profiles(self, client, forum):
        client.force_login(forum.outsider)

        response = client.get(reverse("forum:member", args=["anna.berger"]))

        assert response.status_code == 403
        assert "Anna Berger" not in response.content.decode()

    def test_author_names_link_to_profiles(self, client, forum):
        topic = create_topic(forum.open, forum.regional)
        client.force_login(forum.staff)

        html = client.get(topic.get_absolute_url()).content.decode()

        assert 'href="/forum/mitglieder/anna.berger/"' in html


def render_practice_tag(practice, user):
    request = RequestFactory().get(practice.url)
    request.user = user
    template = Template("{% load forum_tags %}{% practice_discussions practice %}")
    return template.render(Context({"practice": practice, "request": request}))


class TestPracticeDiscussions:
    def test_lists_readable_topics_and_offers_to_start_one(self, forum):
        practice = create_practice("Offene Sprechstunde der Suchtberatung")
        create_topic(forum.open, forum.staff, title="Erfahrungen mit der Sprechstunde")
        secret = create_topic(forum.restricted, forum.regional, title="NRW-intern zur Sprechstunde")
        Topic.objects.update(practice=practice)

        html = render_practice_tag(practice, forum.staff)

        assert "Diskussionen zu diesem Praxisbeispiel" in html
        assert "Erfahrungen mit der Sprechstunde" in html
        assert secret.title not in html
        assert f'href="/forum/neues-thema/?praxis={practice.pk}"' in html
        assert "Diskussion starten" in html

    def test_at_most_five_topics(self, forum):
        practice = create_practice()
        for number in range(7):
            create_topic(forum.open, forum.staff, title=f"Diskussion {number}")
        Topic.objects.update(practice=practice)

        html = render_practice_tag(practice, forum.staff)

        assert html.count('<li><a href="/forum/thema/') == 5

    def test_anonymous_visitors_get_a_login_link(self, forum):
        practice = create_practice()
        create_topic(forum.open, forum.staff, title="Nur für Angemeldete")
        Topic.objects.update(practice=practice)

        html = render_practice_tag(practice, AnonymousUser())

        assert "Nur für Angemeldete" not in html
        assert "/konto/anmelden/?next=" in html
        assert "Anmelden, um eine Diskussion zu starten" in html

    def test_start_button_prefills_the_practice(self, client, forum):
        practice = create_practice("Fallkonferenzen mit der Schuldnerberatung", topics=["schulden"])
        client.force_login(forum.staff)

        form = client.get(reverse("forum:topic_create"), {"praxis": practice.pk}).context["form"]
        client.post(
            reverse("forum:topic_create"),
            {
                "category": forum.open.pk,
                "title": "Fragen zu den Fallkonferenzen",
                "body": "Wie oft trefft ihr euch?",
                "practice": practice.pk,
            },
        )

        assert form.initial["practice"] == practice.pk
        assert len(form.initial["fields_of_action"]) == 1
        topic = Topic.objects.get()
        assert topic.practice_id == practice.pk
        page = client.get(topic.get_absolute_url()).content.decode()
        assert "Fallkonferenzen mit der Schuldnerberatung" in page

    def test_staff_only_practice_is_not_offered_outside_the_staff_groups(self, client, forum):
        practice = create_practice("Internes Praxisbeispiel", staff_only=True)
        guest = create_user("Gäste", username="gast.mitglied")
        set_category_rights(
            forum.open,
            "Gäste",
            see_category=PermissionState.GRANTED,
            read_category=PermissionState.GRANTED,
            start_topics=PermissionState.GRANTED,
        )
        client.force_login(guest)

        response = client.get(reverse("forum:topic_create"), {"praxis": practice.pk})
        posted = client.post(
            reverse("forum:topic_create"),
            {"category": forum.open.pk, "title": "Versuch", "body": "x", "practice": practice.pk},
        )

        assert response.status_code == 200
        assert "practice" not in response.context["form"].initial
        assert "Bitte wählen Sie ein Praxisbeispiel aus der Liste." in posted.content.decode()


class TestAdmin:
    def test_moderation_manages_categories_and_rights_in_wagtail(self, client, forum):
        client.force_login(forum.moderator)

        listing = client.get("/admin/snippets/forum/category/")
        edit = client.get(f"/admin/snippets/forum/category/edit/{forum.restricted.pk}/")
        defaults = client.get("/admin/snippets/forum/defaultgrouppermission/")

        assert listing.status_code == 200
        assert "Regionalgruppe Nordrhein-Westfalen" in listing.content.decode()
        assert edit.status_code == 200
        assert "Rechte je Gruppe" in edit.content.decode()
        assert defaults.status_code == 200

    def test_moderation_creates_a_category_limited_to_a_group(self, client, forum):
        staff = Group.objects.get(name=STAFF)
        regional = Group.objects.get(name="Regionalgruppe Nordrhein-Westfalen")
        denied = dict.fromkeys(RESTRICTED_CODES, PermissionState.DENIED)
        granted = dict.fromkeys(RESTRICTED_CODES, PermissionState.GRANTED)
        client.force_login(forum.moderator)

        response = client.post(
            "/admin/snippets/forum/category/add/",
            nested_form_data(
                {
                    "name": "Arbeitskreis Ruhrgebiet",
                    "slug": "arbeitskreis-ruhrgebiet",
                    "description": "Für die Jobcenter im Ruhrgebiet.",
                    "parent": forum.restricted.pk,
                    "group_permissions": inline_formset(
                        [{"group": staff.pk, **denied}, {"group": regional.pk, **granted}]
                    ),
                }
            ),
        )

        category = Category.objects.get(slug="arbeitskreis-ruhrgebiet")
        assert response.status_code == 302
        assert category.parent == forum.restricted
        assert ForumPermissions(forum.regional).can_start_topic(category)
        assert not ForumPermissions(forum.staff).can_see_category(category)

    def test_dragging_a_category_to_the_top_changes_the_forum_order(self, client, forum):
        client.force_login(forum.moderator)

        response = client.post(
            f"/admin/snippets/forum/category/reorder/{forum.restricted.pk}/?position=0"
        )
        html = client.get(reverse("forum:index")).content.decode()

        assert response.status_code == 200
        assert html.index("Regionalgruppe Nordrhein-Westfalen") < html.index("Gesundheit und Sucht")

    def test_network_staff_has_no_admin_access(self, client, forum):
        client.force_login(forum.staff)

        response = client.get("/admin/snippets/forum/category/")

        assert response.status_code == 302

    def test_sub_category_of_a_sub_category_is_refused(self, forum):
        child = create_category("Köln", parent=forum.restricted)
        grandchild = Category(name="Köln-Mülheim", slug="koeln-muelheim", parent=child)

        with pytest.raises(ValidationError) as error:
            grandchild.full_clean()

        assert "Unterkategorien können keine eigenen Unterkategorien haben." in str(error.value)


class TestDemo:
    def test_demo_forum_is_complete_and_idempotent(self, demo):
        def snapshot():
            return (
                sorted(Category.objects.values_list("slug", "name")),
                sorted(Topic.objects.values_list("title", "post_count", "solution_id")),
                Post.objects.count(),
                CategoryGroupPermission.objects.count(),
            )

        first = snapshot()
        call_command("load_demo", stdout=io.StringIO())

        assert snapshot() == first
        assert [name for _slug, name in first[0]] == sorted(
            [
                "Netzwerkarbeit",
                "Gesundheit und Sucht",
                "Übergänge SGB III / SGB II",
                "Jugendliche unter 25",
                REGIONAL_GROUP,
            ]
        )
        solved = Topic.objects.get(title="Wie bindet ihr die Suchtberatung in die Fallarbeit ein?")
        assert solved.solution is not None and solved.post_count >= 3
        assert solved.practice is not None

    def test_regional_category_is_only_for_its_members(self, client, demo):
        users = get_user_model().objects
        client.force_login(users.get(username="maria.schulz"))
        maria = client.get(reverse("forum:index")).content.decode()
        client.force_login(users.get(username="anna.berger"))
        anna = client.get(reverse("forum:index")).content.decode()

        assert REGIONAL_GROUP not in maria
        assert REGIONAL_GROUP in anna
