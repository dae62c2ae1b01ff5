"""A forum that has grown: ids and post numbers above 999 still work in links and anchors.

German number formatting writes 12170 as "12.170"; none of that may reach a URL, an anchor or
a form value, or quoting, jumping to a post and the mention lookup break on a busy site.
"""

import re
from html import unescape

from django.urls import reverse

from cms.accounts.groups import STAFF
from cms.accounts.models import User
from forum import moderation
from forum.models import Post, Silence, Topic, Watch, WatchLevel
from forum.watching import watch_set
from tests.factories import create_user, start_ids_at

from .helpers import create_topic

# An attribute that carries a machine value, holding a number with a thousands separator.
LOCALISED_NUMBER_IN_ATTRIBUTE = re.compile(
    r'\b(?:href|id|for|value|start|aria-labelledby|aria-controls|data-[\w-]+)="[^"]*'
    r"\b\d{1,3}(?:\.\d{3})+\b"
)


def test_quote_link_of_a_post_with_a_large_id_prefills_the_reply(client, forum):
    start_ids_at(Topic, 4_000)
    start_ids_at(Post, 12_169)
    topic = create_topic(forum.open, forum.regional, body="Wir planen einen Kurs mit der AOK.")
    client.force_login(forum.staff)

    html = client.get(topic.get_absolute_url()).content.decode()
    quote_href = unescape(re.search(r'href="([^"]*zitat=[^"]*)"', html).group(1))
    reply_page = client.get(quote_href)

    assert topic.pk > 4_000
    assert topic.first_post_id > 12_169
    assert quote_href == f"/forum/thema/{topic.pk}/antworten/?zitat={topic.first_post_id}"
    assert f'data-mention-url="/forum/mitglieder-vorschlaege/?thema={topic.pk}"' in html
    assert reply_page.status_code == 200
    assert reply_page.context["quoted"].pk == topic.first_post_id
    assert (
        "&gt; **Anna Berger** schrieb:\n&gt; Wir planen einen Kurs" in reply_page.content.decode()
    )
    assert not LOCALISED_NUMBER_IN_ATTRIBUTE.search(html)
    assert not LOCALISED_NUMBER_IN_ATTRIBUTE.search(reply_page.content.decode())


def test_post_number_above_999_keeps_its_anchor(client, forum):
    replies = [(forum.staff, f"Antwort {number}") for number in range(2, 1_002)]
    topic = create_topic(forum.open, forum.regional, replies=replies)
    last = topic.last_post
    client.force_login(forum.other_regional)

    response = client.get(reverse("forum:post", args=[last.pk]))
    page = client.get(response["Location"])

    assert last.number == 1_001
    assert response["Location"] == f"/forum/thema/{topic.pk}/?seite=51#beitrag-1001"
    html = page.content.decode()
    assert 'id="beitrag-1001"' in html
    assert 'aria-labelledby="beitrag-1001-heading"' in html
    assert not LOCALISED_NUMBER_IN_ATTRIBUTE.search(html)


def test_watch_list_and_moderation_pages_with_large_ids(client, forum):
    start_ids_at(User, 2_499)
    start_ids_at(Silence, 1_499)
    start_ids_at(Watch, 3_499)
    member = create_user(STAFF, username="lena.wolf", display_name="Lena Wolf")
    topic = create_topic(forum.open, forum.staff, replies=[(member, "Meine Antwort")])
    watch = watch_set(user=member, level=WatchLevel.WATCHING, topic=topic)
    silence = moderation.member_silence(
        member=member, actor=forum.moderator, days=3, reason="Abkühlen"
    )
    client.force_login(member)
    watches = client.get(reverse("forum:watches")).content.decode()
    client.force_login(forum.moderator)
    silences = client.get(reverse("forum_moderation:silences"), {"mitglied": member.pk})
    post_page = client.get(reverse("forum_moderation:post", args=[topic.last_post_id]))

    assert min(member.pk - 2_499, watch.pk - 3_499, silence.pk - 1_499) > 0
    assert f'id="watch-{watch.pk}"' in watches
    silences = silences.content.decode()
    assert f'<input type="hidden" name="mitglied" value="{member.pk}">' in silences
    assert f'name="aufheben" value="{silence.pk}"' in silences
    assert f"stummschaltungen/?mitglied={member.pk}" in post_page.content.decode()
    for html in (watches, silences, post_page.content.decode()):
        assert not LOCALISED_NUMBER_IN_ATTRIBUTE.search(html)
