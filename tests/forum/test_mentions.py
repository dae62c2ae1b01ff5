"""@mentions: parsing (not in code or quotes), links to profiles, one notification per member and
post, none for members who may not read the topic, and the autocomplete's answers."""

import pytest
from django.urls import reverse

from forum import services, watching
from forum.markup import find_mentions, render_markdown
from forum.models import Notification, NotificationKind, WatchLevel
from tests.factories import create_user

from .community import kinds_for, reply, start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Danke @anna.berger!", ["anna.berger"]),
        ("@Anna.Berger und @jens.fischer.", ["anna.berger", "jens.fischer"]),
        ("Frag @maria_schulz, sie weiß das.", ["maria_schulz"]),
        ("- Liste mit **@fett**", ["fett"]),
        ("Schreib an anna.berger@jobcenter-en.example", []),
        ("Im Code: `@anna.berger` bleibt Text", []),
        ("```\n@anna.berger im Block\n```", []),
        ("    @anna.berger eingerückt als Code", []),
        ("> **Jens Fischer** schrieb:\n> @anna.berger weiß das", []),
        ("[@anna.berger](https://example.org) ist ein Link", []),
        ("Nur ein @ allein und @.", []),
    ],
)
def test_finds_mentions_outside_code_quotes_and_links(text, expected):
    assert find_mentions(text) == expected


def test_renders_known_members_as_profile_links():
    html = render_markdown(
        "Hallo @Anna.Berger und @unbekannt",
        mention_links={"anna.berger": "/forum/mitglieder/anna.berger/"},
    )

    assert '<a class="mention" href="/forum/mitglieder/anna.berger/"' in html
    assert ">@Anna.Berger</a>" in html
    assert "@unbekannt" in html and "/unbekannt/" not in html


def test_stored_post_links_the_profile(client, forum):
    topic = start(forum.open, forum.staff)

    post = reply(topic, forum.regional, "Siehe @maria.schulz und `@maria.schulz`")

    assert post.body_html.count('href="/forum/mitglieder/maria.schulz/"') == 1
    client.force_login(forum.regional)
    page = client.get(topic.get_absolute_url(), {"seite": 1}).content.decode()
    assert 'class="mention" href="/forum/mitglieder/maria.schulz/"' in page


class TestMentionNotifications:
    def test_mentioned_member_is_notified(self, forum):
        topic = start(forum.open, forum.regional)

        post = reply(topic, forum.other_regional, "@maria.schulz kennt sich damit aus.")

        assert kinds_for(post)["maria.schulz"] == NotificationKind.MENTION

    def test_no_notification_for_members_who_cannot_read_the_topic(self, forum):
        topic = start(forum.restricted, forum.regional)

        post = reply(topic, forum.other_regional, "Fragen wir @maria.schulz und @ohne.gruppe?")

        assert "maria.schulz" not in kinds_for(post)
        assert "ohne.gruppe" not in kinds_for(post)

    def test_no_notification_for_mentions_in_quotes_or_code(self, forum):
        topic = start(forum.open, forum.regional)

        post = reply(
            topic,
            forum.other_regional,
            "> @maria.schulz schrieb etwas\n\nUnd im Code: `@maria.schulz`",
        )

        assert "maria.schulz" not in kinds_for(post)

    def test_once_even_if_the_post_is_edited(self, forum):
        topic = start(forum.open, forum.regional)
        post = reply(topic, forum.other_regional, "Was meinst du, @maria.schulz?")

        services.post_edit(
            post=post, editor=forum.other_regional, body="Was meinst du, @maria.schulz? Danke!"
        )
        services.post_edit(
            post=post, editor=forum.other_regional, body="@maria.schulz, was meinst du?"
        )

        assert Notification.objects.filter(recipient=forum.staff).count() == 1

    def test_a_member_added_by_an_edit_is_notified_once(self, forum):
        topic = start(forum.open, forum.regional)
        post = reply(topic, forum.other_regional, "Eine Frage in die Runde.")

        services.post_edit(post=post, editor=forum.other_regional, body="Frage an @maria.schulz")
        services.post_edit(post=post, editor=forum.other_regional, body="Frage an @maria.schulz!")

        assert kinds_for(post)["maria.schulz"] == NotificationKind.MENTION
        assert Notification.objects.filter(recipient=forum.staff).count() == 1

    def test_muted_topic_swallows_mentions(self, forum):
        topic = start(forum.open, forum.regional)
        watching.watch_set(user=forum.staff, topic=topic, level=WatchLevel.MUTED)

        post = reply(topic, forum.other_regional, "@maria.schulz?")

        assert "maria.schulz" not in kinds_for(post)

    def test_mentioning_oneself_notifies_nobody(self, forum):
        topic = start(forum.open, forum.regional)

        post = reply(topic, forum.regional, "Notiz an mich, @anna.berger")

        assert kinds_for(post) == {}


class TestAutocomplete:
    def url(self, **params):
        return reverse("forum:mention_suggestions"), params

    def test_suggests_members_who_may_read_the_topic(self, client, forum):
        topic = start(forum.restricted, forum.regional)
        create_user("Regionalgruppe Nordrhein-Westfalen", username="jana.kurz", display_name="Jana")
        client.force_login(forum.regional)

        for_open = client.get(reverse("forum:mention_suggestions"), {"q": "j"}).json()
        restricted = client.get(
            reverse("forum:mention_suggestions"), {"q": "j", "thema": topic.pk}
        ).json()

        assert [item["username"] for item in restricted["results"]] == [
            "jana.kurz",
            "jens.fischer",
        ]
        assert {"username": "jens.fischer", "name": "Jens Fischer"}.items() <= restricted[
            "results"
        ][1].items()
        assert "jens.fischer" in [item["username"] for item in for_open["results"]]

    def test_leaves_out_members_who_cannot_read_it(self, client, forum):
        topic = start(forum.restricted, forum.regional)
        client.force_login(forum.regional)

        response = client.get(
            reverse("forum:mention_suggestions"), {"q": "maria", "thema": topic.pk}
        )

        assert [item["username"] for item in response.json()["results"]] == []

    def test_matches_display_names_too(self, client, forum):
        topic = start(forum.open, forum.regional)
        client.force_login(forum.regional)

        response = client.get(
            reverse("forum:mention_suggestions"), {"q": "Schulz", "thema": topic.pk}
        )

        assert [item["username"] for item in response.json()["results"]] == ["maria.schulz"]

    def test_for_a_new_topic_asks_the_chosen_category(self, client, forum):
        client.force_login(forum.regional)

        response = client.get(
            reverse("forum:mention_suggestions"), {"q": "ma", "kategorie": forum.restricted.pk}
        )

        assert response.json() == {"results": []}

    def test_topics_one_cannot_read_are_not_found(self, client, forum):
        topic = start(forum.restricted, forum.regional)
        client.force_login(forum.staff)

        response = client.get(reverse("forum:mention_suggestions"), {"q": "a", "thema": topic.pk})

        assert response.status_code == 404

    def test_needs_login_and_answers_empty_for_no_query(self, client, forum):
        anonymous = client.get(reverse("forum:mention_suggestions"), {"q": "a"})
        client.force_login(forum.staff)
        empty = client.get(reverse("forum:mention_suggestions"), {"q": " "})

        assert anonymous.status_code == 302
        assert empty.json() == {"results": []}

    def test_editor_carries_the_autocomplete_url(self, client, forum):
        topic = start(forum.open, forum.regional)
        client.force_login(forum.staff)

        page = client.get(reverse("forum:reply", args=[topic.pk])).content.decode()

        assert f'data-mention-url="/forum/mitglieder-vorschlaege/?thema={topic.pk}"' in page
