"""Who may do what where: the matrix of group × category × action, acted out over HTTP."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from cms.accounts.groups import EDITORS, MODERATORS, STAFF
from forum.models import (
    CategoryGroupPermission,
    DefaultGroupPermission,
    PermissionState,
    Post,
    Topic,
)
from forum.permissions import ForumPermissions, readable_category_ids, readable_topics
from tests.factories import create_user

from .conftest import REGIONAL
from .helpers import create_category, create_topic, set_category_rights

ACTIONS = [
    "see",
    "read",
    "start",
    "reply",
    "edit_own",
    "delete_own",
    "edit_other",
    "delete_other",
    "moderate",
]
MEMBER_ACTIONS = {"see", "read", "start", "reply", "edit_own", "delete_own"}
EVERYTHING = set(ACTIONS)

# role → category → the actions that must succeed; all others must fail.
EXPECTED = {
    "staff": {"open": MEMBER_ACTIONS, "restricted": set()},
    "regional": {"open": MEMBER_ACTIONS, "restricted": MEMBER_ACTIONS},
    "moderator": {"open": EVERYTHING, "restricted": EVERYTHING},
    "editor": {"open": set(), "restricted": set()},
    "outsider": {"open": set(), "restricted": set()},
}
CASES = [
    (role, category, action, action in EXPECTED[role][category])
    for role in EXPECTED
    for category in ("open", "restricted")
    for action in ACTIONS
]


def _case_id(case) -> str:
    role, category, action, allowed = case
    return f"{role}-{category}-{action}-{'allowed' if allowed else 'refused'}"


def perform(client, forum, user, category, action) -> bool:
    """Try ``action`` as ``user`` in ``category`` through the web pages; True if it took effect."""
    colleague = forum.other_regional if user != forum.other_regional else forum.regional
    topic = create_topic(
        category,
        colleague,
        title="Fallkonferenzen mit der Schuldnerberatung",
        replies=[(user, "Meine eigene Antwort."), (colleague, "Eine fremde Antwort.")],
    )
    own, other = topic.posts.get(number=2), topic.posts.get(number=3)
    client.force_login(user)

    if action == "see":
        listed = category.name in client.get(reverse("forum:index")).content.decode()
        status = client.get(category.get_absolute_url()).status_code
        assert listed == (status == 200), "index and category page disagree"
        return status == 200
    if action == "read":
        response = client.get(topic.get_absolute_url(), {"seite": 1})
        latest = client.get(reverse("forum:latest")).content.decode()
        assert (response.status_code == 200) == (topic.title in latest)
        return response.status_code == 200
    if action == "start":
        client.post(
            reverse("forum:topic_create"),
            {"category": category.pk, "title": "Neue Frage zur Netzwerkarbeit", "body": "Text"},
        )
        return Topic.objects.filter(title="Neue Frage zur Netzwerkarbeit").exists()
    if action == "reply":
        client.post(reverse("forum:reply", args=[topic.pk]), {"body": "Meine neue Antwort"})
        return Post.objects.filter(topic=topic, body="Meine neue Antwort").exists()
    if action in ("edit_own", "edit_other"):
        post = own if action == "edit_own" else other
        client.post(reverse("forum:post_edit", args=[post.pk]), {"body": "Geänderter Text"})
        post.refresh_from_db()
        return post.body == "Geänderter Text"
    if action in ("delete_own", "delete_other"):
        post = own if action == "delete_own" else other
        client.post(reverse("forum:post_delete", args=[post.pk]))
        post.refresh_from_db()
        return post.is_deleted
    if action == "moderate":
        client.post(reverse("forum:topic_moderate", args=[topic.pk]), {"aktion": "anheften"})
        topic.refresh_from_db()
        return topic.is_pinned
    raise AssertionError(action)


@pytest.mark.parametrize("case", CASES, ids=[_case_id(case) for case in CASES])
def test_permission_matrix(client, forum, case):
    role, category_key, action, allowed = case
    user = getattr(forum, role)
    category = getattr(forum, category_key)

    took_effect = perform(client, forum, user, category, action)

    assert took_effect == allowed


@pytest.mark.parametrize(
    "url_name",
    ["forum:index", "forum:latest", "forum:topic_create"],
)
def test_anonymous_visitors_are_sent_to_login(client, forum, url_name):
    response = client.get(reverse(url_name))

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/anmelden/?next=/forum/")


def test_anonymous_visitor_cannot_read_a_topic_or_post(client, forum):
    topic = create_topic(forum.open, forum.staff)

    page = client.get(topic.get_absolute_url())
    reply = client.post(reverse("forum:reply", args=[topic.pk]), {"body": "Anonym"})
    preview = client.post(reverse("forum:preview"), {"body": "x"})

    assert page.status_code == reply.status_code == preview.status_code == 302
    assert "/konto/anmelden/" in page["Location"]
    assert topic.posts.count() == 1


def test_restricted_category_stays_hidden_everywhere_for_other_staff(client, forum):
    secret = create_topic(forum.restricted, forum.regional, title="Regionaltreffen NRW")
    create_topic(forum.open, forum.regional, title="Offene Frage")
    client.force_login(forum.staff)

    pages = [
        client.get(reverse("forum:index")),
        client.get(reverse("forum:latest")),
        client.get(reverse("forum:member", args=[forum.regional.username])),
    ]
    direct = [
        client.get(forum.restricted.get_absolute_url()),
        client.get(secret.get_absolute_url()),
        client.get(reverse("forum:post", args=[secret.first_post_id])),
        client.get(reverse("forum:category_topic_create", args=[forum.restricted.slug])),
    ]

    for response in pages:
        html = response.content.decode()
        assert response.status_code == 200
        assert "Regionalgruppe" not in html
        assert "Regionaltreffen NRW" not in html
    assert "Offene Frage" in pages[1].content.decode()
    assert [response.status_code for response in direct] == [404, 404, 404, 404]


def test_new_topic_form_offers_only_categories_the_member_may_start_in(client, forum):
    client.force_login(forum.staff)

    response = client.get(reverse("forum:topic_create"))
    posted = client.post(
        reverse("forum:topic_create"),
        {"category": forum.restricted.pk, "title": "Durch die Hintertür", "body": "Text"},
    )

    choices = [str(choice[1]) for choice in response.context["form"].fields["category"].choices]
    assert forum.open.name in choices
    assert forum.restricted.name not in choices
    assert posted.status_code == 200
    assert "Sie können in dieser Kategorie kein Thema beginnen." in posted.content.decode()
    assert not Topic.objects.filter(title="Durch die Hintertür").exists()


def test_locked_topic_takes_replies_only_from_moderators(client, forum):
    topic = create_topic(forum.open, forum.regional, replies=[(forum.staff, "Antwort")])
    topic.is_locked = True
    topic.save()
    own = topic.posts.get(number=2)

    client.force_login(forum.staff)
    refused = client.post(reverse("forum:reply", args=[topic.pk]), {"body": "Noch eine"})
    edit = client.post(reverse("forum:post_edit", args=[own.pk]), {"body": "Geändert"})
    client.force_login(forum.moderator)
    accepted = client.post(reverse("forum:reply", args=[topic.pk]), {"body": "Hinweis"})

    assert refused.status_code == 403
    assert "Dieses Thema ist geschlossen" in refused.content.decode()
    assert edit.status_code == 403
    assert accepted.status_code == 302
    assert list(topic.posts.values_list("body", flat=True)) == [
        "Wir suchen Erfahrungen.",
        "Antwort",
        "Hinweis",
    ]


def test_moderator_can_unpin_lock_and_reopen(client, forum):
    topic = create_topic(forum.open, forum.staff)
    client.force_login(forum.moderator)

    for action in ("anheften", "schliessen"):
        client.post(reverse("forum:topic_moderate", args=[topic.pk]), {"aktion": action})
    topic.refresh_from_db()
    pinned_and_locked = (topic.is_pinned, topic.is_locked)
    for action in ("loesen", "oeffnen"):
        client.post(reverse("forum:topic_moderate", args=[topic.pk]), {"aktion": action})
    unknown = client.post(
        reverse("forum:topic_moderate", args=[topic.pk]), {"aktion": "loeschen"}, follow=True
    )
    topic.refresh_from_db()

    assert pinned_and_locked == (True, True)
    assert (topic.is_pinned, topic.is_locked) == (False, False)
    assert "Unbekannte Aktion." in unknown.content.decode()


class TestThreeStateRights:
    """Category setting over parent over forum default; "not set" defers, a grant beats a denial."""

    def test_category_denial_overrides_the_default_grant(self, forum):
        set_category_rights(forum.open, STAFF, reply_topics=PermissionState.DENIED)

        permissions = ForumPermissions(forum.staff)

        assert permissions.can_read_category(forum.open)
        assert not permissions.has(forum.open.pk, "reply_topics")

    def test_not_set_falls_back_to_the_default(self, forum):
        set_category_rights(forum.open, STAFF, moderate=PermissionState.NOT_SET)

        permissions = ForumPermissions(forum.staff)

        assert permissions.can_start_topic(forum.open)
        assert not permissions.can_moderate(forum.open)

    def test_category_grant_opens_a_category_to_a_group_without_defaults(self, forum):
        set_category_rights(
            forum.open,
            EDITORS,
            see_category=PermissionState.GRANTED,
            read_category=PermissionState.GRANTED,
        )

        permissions = ForumPermissions(forum.editor)

        assert permissions.readable_category_ids() == {forum.open.pk}
        assert not permissions.can_start_topic(forum.open)

    def test_category_moderation_right_is_per_category(self, forum):
        set_category_rights(forum.open, STAFF, moderate=PermissionState.GRANTED)

        permissions = ForumPermissions(forum.regional)

        assert permissions.can_moderate(forum.open)
        assert not permissions.can_moderate(forum.restricted)

    def test_changed_default_applies_everywhere_without_a_category_setting(self, forum):
        DefaultGroupPermission.objects.filter(group__name=STAFF).update(
            start_topics=PermissionState.DENIED
        )

        permissions = ForumPermissions(forum.staff)

        assert permissions.can_read_category(forum.open)
        assert not permissions.can_start_topic(forum.open)

    def test_sub_category_inherits_its_parents_limit_and_may_override_it(self, forum):
        inherits = create_category("Arbeitskreis Köln", parent=forum.restricted)
        overrides = create_category("Offene Runde NRW", parent=forum.restricted)
        set_category_rights(overrides, STAFF, see_category=PermissionState.GRANTED)

        staff, regional = ForumPermissions(forum.staff), ForumPermissions(forum.regional)

        assert regional.can_read_category(inherits)
        assert not staff.can_see_category(inherits)
        # A grant below a hidden parent stays hidden: nobody finds the way there.
        assert not staff.can_see_category(overrides)

    def test_reading_requires_seeing(self, forum):
        set_category_rights(
            forum.open,
            STAFF,
            see_category=PermissionState.DENIED,
            read_category=PermissionState.GRANTED,
        )

        permissions = ForumPermissions(forum.staff)

        assert not permissions.can_read_category(forum.open)
        assert forum.open.pk not in readable_category_ids(forum.staff)

    def test_superuser_may_do_everything_and_inactive_members_nothing(self, forum):
        admin = create_user(username="admin", is_superuser=True)
        gone = create_user(STAFF, username="ehemalig", is_active=False)

        assert ForumPermissions(admin).can_moderate(forum.restricted)
        assert ForumPermissions(gone).readable_category_ids() == set()
        assert ForumPermissions(AnonymousUser()).readable_category_ids() == set()

    def test_readable_topics_for_search(self, forum):
        open_topic = create_topic(forum.open, forum.regional, title="Offen")
        create_topic(forum.restricted, forum.regional, title="Intern")

        titles = {
            member: set(readable_topics(member).values_list("title", flat=True))
            for member in (forum.staff, forum.regional, forum.outsider)
        }

        assert titles[forum.staff] == {open_topic.title}
        assert titles[forum.regional] == {"Offen", "Intern"}
        assert titles[forum.outsider] == set()

    def test_rights_are_worked_out_once(self, forum, django_assert_num_queries):
        topic = create_topic(forum.open, forum.staff)
        post = topic.first_post
        post.topic = topic
        permissions = ForumPermissions(forum.regional)

        with django_assert_num_queries(3):
            permissions.can_read_topic(topic)
        with django_assert_num_queries(0):
            for _ in range(50):
                permissions.can_edit_post(post)
                permissions.can_vote_helpful(post)
                permissions.can_see_category(forum.restricted)


def test_default_rights_are_stored_for_staff_and_moderators(forum):
    rows = {
        row.group.name: row.states()
        for row in DefaultGroupPermission.objects.select_related("group")
    }

    assert rows[STAFF]["reply_topics"] == PermissionState.GRANTED
    assert rows[STAFF]["moderate"] == PermissionState.NOT_SET
    assert rows[MODERATORS]["moderate"] == PermissionState.GRANTED
    assert CategoryGroupPermission.objects.filter(group__name=REGIONAL).count() == 1
