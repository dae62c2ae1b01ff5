"""The moderation queue in the Wagtail admin: every action, its entry in the moderation log, who
may use it; silencing members; redacting personal data everywhere it is kept."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cms.accounts.groups import STAFF
from forum import moderation, services
from forum.models import (
    ModerationAction,
    ModerationLogEntry,
    Post,
    PostRevision,
    Report,
    ReportStatus,
    Silence,
    Topic,
)
from forum.permissions import ForumPermissions
from tests.factories import create_user

from .helpers import create_category, create_topic, set_category_rights

QUEUE = reverse("forum_moderation:queue")
LOG = reverse("forum_moderation:log")
SILENCES = reverse("forum_moderation:silences")


@pytest.fixture
def reported(forum):
    """A reply in the open category, reported once by Maria."""
    topic = create_topic(
        forum.open,
        forum.staff,
        title="Schuldnerberatung: Wartezeiten",
        replies=[(forum.regional, "Frau Müller, BG 12345BG0012345, wartet seit Wochen.")],
    )
    post = topic.posts.get(number=2)
    moderation.report_create(post=post, reporter=forum.staff, reason="personal_data")
    return post


def last_entry() -> ModerationLogEntry:
    return ModerationLogEntry.objects.order_by("-pk").first()


def act(client, post, action: str, **data):
    return client.post(
        reverse("forum_moderation:post", args=[post.pk]), {"aktion": action, **data}, follow=True
    )


class TestAccess:
    def test_moderator_sees_the_queue_and_the_menu(self, client, forum, reported):
        client.force_login(forum.moderator)

        queue = client.get(QUEUE)
        home = client.get(reverse("wagtailadmin_home"))

        assert queue.status_code == 200
        html = queue.content.decode()
        assert "Schuldnerberatung: Wartezeiten" in html
        assert "Enthält personenbezogene Daten von Kund:innen" in html
        assert "Forum-Moderation" in home.content.decode()

    def test_staff_without_moderation_rights_are_turned_away(self, client, forum, reported):
        forum.staff.is_staff = True  # even with admin access of their own
        forum.staff.save()
        client.force_login(forum.staff)

        for url in (QUEUE, LOG, reverse("forum_moderation:post", args=[reported.pk])):
            response = client.get(url)
            assert response.status_code in (302, 403)
            assert "Schuldnerberatung" not in response.content.decode()

    def test_category_moderator_sees_only_their_categories(self, client, forum, reported):
        other = create_category("Jugendliche unter 25")
        group = "Moderation U25"
        set_category_rights(other, group, see_category="granted", read_category="granted")
        set_category_rights(other, group, moderate="granted")
        moderator = create_user(STAFF, group, username="u25.moderation")
        moderator.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(moderator)

        queue = client.get(QUEUE)
        detail = client.get(reverse("forum_moderation:post", args=[reported.pk]))

        assert queue.status_code == 200
        assert "Schuldnerberatung" not in queue.content.decode()
        assert detail.status_code == 404
        with pytest.raises(PermissionDenied):
            moderation.post_hide(post=reported, actor=moderator, reason="nicht meine Kategorie")

    def test_queue_costs_the_same_queries_at_any_length(
        self, client, forum, django_assert_max_num_queries
    ):
        def add_reported(count):
            for number in range(count):
                topic = create_topic(forum.open, forum.staff, title=f"Thema {number}")
                moderation.report_create(
                    post=topic.first_post, reporter=forum.regional, reason="spam"
                )

        client.force_login(forum.moderator)
        add_reported(2)
        client.get(QUEUE)
        with django_assert_max_num_queries(60) as small:
            client.get(QUEUE)
        add_reported(20)

        with django_assert_max_num_queries(len(small.captured_queries)):
            response = client.get(QUEUE)

        assert response.content.decode().count('href="/admin/forum-moderation/beitrag/') == 22


class TestPostActions:
    def test_hide_with_reason(self, client, forum, reported):
        client.force_login(forum.moderator)

        response = act(client, reported, "ausblenden", reason="Sozialdaten im Beitrag")

        reported.refresh_from_db()
        assert reported.is_hidden and reported.hidden_by == forum.moderator
        assert not reported.hidden_automatically
        assert "Der Beitrag ist ausgeblendet." in response.content.decode()
        entry = last_entry()
        assert (entry.actor, entry.action, entry.reason, entry.post, entry.member) == (
            forum.moderator,
            ModerationAction.HIDE,
            "Sozialdaten im Beitrag",
            reported,
            forum.regional,
        )
        assert Report.objects.get().status == ReportStatus.RESOLVED

    def test_hide_without_reason_changes_nothing(self, client, forum, reported):
        client.force_login(forum.moderator)

        response = act(client, reported, "ausblenden", reason="")

        reported.refresh_from_db()
        assert not reported.is_hidden
        assert "Bitte geben Sie einen Grund an" in response.content.decode()
        assert not ModerationLogEntry.objects.filter(action=ModerationAction.HIDE).exists()

    def test_unhide_with_reason(self, client, forum, reported):
        moderation.post_hide(post=reported, actor=forum.moderator, reason="erst einmal prüfen")
        client.force_login(forum.moderator)

        act(client, reported, "einblenden", reason="Angaben waren erfunden")

        reported.refresh_from_db()
        assert not reported.is_hidden
        assert (last_entry().action, last_entry().reason) == (
            ModerationAction.UNHIDE,
            "Angaben waren erfunden",
        )

    def test_dismiss_shows_an_auto_hidden_post_again(self, client, forum, reported):
        for username in ("a.eins", "b.zwei"):
            moderation.report_create(
                post=reported, reporter=create_user(STAFF, username=username), reason="spam"
            )
        reported.refresh_from_db()
        assert reported.is_hidden
        client.force_login(forum.moderator)

        act(client, reported, "zurueckweisen", reason="")

        reported.refresh_from_db()
        assert not reported.is_hidden
        assert set(Report.objects.values_list("status", flat=True)) == {ReportStatus.DISMISSED}
        entry = last_entry()
        assert (entry.action, entry.details) == (
            ModerationAction.DISMISS,
            {"reports": 3, "shown_again": True},
        )

    def test_edit_with_reason_keeps_the_history(self, client, forum, reported):
        client.force_login(forum.moderator)

        client.post(
            reverse("forum_moderation:edit", args=[reported.pk]),
            {"body": "Eine Kundin wartet seit Wochen.", "reason": "Name und BG-Nummer entfernt"},
        )

        reported.refresh_from_db()
        assert reported.body == "Eine Kundin wartet seit Wochen."
        assert reported.revisions.count() == 2
        entry = last_entry()
        assert (entry.action, entry.reason, entry.actor) == (
            ModerationAction.EDIT,
            "Name und BG-Nummer entfernt",
            forum.moderator,
        )

    def test_edit_needs_a_reason(self, client, forum, reported):
        client.force_login(forum.moderator)

        response = client.post(
            reverse("forum_moderation:edit", args=[reported.pk]), {"body": "Neu", "reason": ""}
        )

        reported.refresh_from_db()
        assert response.status_code == 200
        assert reported.body.startswith("Frau Müller")

    def test_front_end_edit_by_a_moderator_is_logged(self, client, forum, reported):
        client.force_login(forum.moderator)

        client.post(
            reverse("forum:post_edit", args=[reported.pk]),
            {"body": "Gekürzt.", "reason": "Sozialdaten", "personal_data_confirmed": "on"},
        )

        assert (last_entry().action, last_entry().reason) == (ModerationAction.EDIT, "Sozialdaten")

    def test_authors_editing_their_own_posts_are_not_logged(self, forum, reported):
        services.post_edit(post=reported, editor=forum.regional, body="Eine Kundin wartet.")

        assert not ModerationLogEntry.objects.filter(action=ModerationAction.EDIT).exists()


class TestTopicActions:
    @pytest.mark.parametrize(
        ("action", "field", "value", "logged"),
        [
            ("schliessen", "is_locked", True, ModerationAction.LOCK),
            ("anheften", "is_pinned", True, ModerationAction.PIN),
        ],
    )
    def test_lock_and_pin_and_back(self, client, forum, reported, action, field, value, logged):
        client.force_login(forum.moderator)
        undo = {"schliessen": "oeffnen", "anheften": "loesen"}[action]
        undo_logged = {ModerationAction.LOCK: "unlock", ModerationAction.PIN: "unpin"}[logged]

        act(client, reported, action, **{"t-reason": "Diskussion beendet"})
        after = getattr(Topic.objects.get(pk=reported.topic_id), field)
        first = last_entry()
        act(client, reported, undo, **{"t-reason": ""})
        back = getattr(Topic.objects.get(pk=reported.topic_id), field)

        assert (after, back) == (value, not value)
        assert (first.action, first.reason, first.topic_id) == (
            logged,
            "Diskussion beendet",
            reported.topic_id,
        )
        assert last_entry().action == undo_logged

    def test_move_to_another_category(self, client, forum, reported):
        target = create_category("Netzwerkarbeit")
        client.force_login(forum.moderator)

        response = act(
            client, reported, "verschieben", **{"m-category": target.pk, "m-reason": "Passt besser"}
        )

        assert Topic.objects.get(pk=reported.topic_id).category == target
        assert "Das Thema wurde nach „Netzwerkarbeit“ verschoben." in response.content.decode()
        entry = last_entry()
        assert (entry.action, entry.reason, entry.details) == (
            ModerationAction.MOVE,
            "Passt besser",
            {"from": "Gesundheit und Sucht", "to": "Netzwerkarbeit"},
        )

    def test_move_into_the_same_category_is_refused(self, forum, reported):
        with pytest.raises(ValidationError):
            moderation.topic_move(
                topic=reported.topic, actor=forum.moderator, category=forum.open, reason="x"
            )

    def test_front_end_pin_is_logged_too(self, client, forum, reported):
        client.force_login(forum.moderator)

        client.post(
            reverse("forum:topic_moderate", args=[reported.topic_id]), {"aktion": "anheften"}
        )

        assert (last_entry().action, last_entry().actor) == (ModerationAction.PIN, forum.moderator)


class TestRedact:
    PASSAGE = "Frau Müller, BG 12345BG0012345"

    def test_removes_the_passage_everywhere_it_is_kept(self, client, forum, reported):
        from search.models import SearchDocument

        services.post_edit(
            post=reported,
            editor=forum.regional,
            body="Frau Müller, BG 12345BG0012345, wartet seit Wochen. Nachtrag: Termin fehlt.",
        )
        moderation.report_create(
            post=reported,
            reporter=forum.other_regional,
            reason="personal_data",
            comment="Da steht Frau Müller, BG 12345BG0012345",
        )
        client.force_login(forum.moderator)

        response = client.post(
            reverse("forum_moderation:redact", args=[reported.pk]),
            {"passage": self.PASSAGE, "reason": "Sozialdaten"},
            follow=True,
        )

        reported.refresh_from_db()
        assert "Die Textstelle wurde an 4 Stellen entfernt" in response.content.decode()
        assert reported.body.startswith("[entfernt], wartet")
        assert "12345BG0012345" not in reported.body_html
        assert all(
            "12345BG0012345" not in body
            for body in PostRevision.objects.filter(post=reported).values_list("body", flat=True)
        )
        assert "12345BG0012345" not in "".join(Report.objects.values_list("comment", flat=True))
        document = SearchDocument.objects.get(doc_type="topic", object_id=str(reported.topic_id))
        assert "12345" not in document.body + document.exact + document.stems + document.parts
        entry = last_entry()
        assert (entry.action, entry.reason, entry.details) == (
            ModerationAction.REDACT,
            "Sozialdaten",
            {"places": 4, "characters": len(self.PASSAGE)},
        )
        assert "12345BG0012345" not in str(entry.details) + entry.subject

    def test_removes_it_from_the_title_of_a_question(self, forum):
        topic = create_topic(forum.open, forum.staff, title="Fall Müller: Hilfe", body="Wer weiß?")

        moderation.post_redact(
            post=topic.first_post, actor=forum.moderator, passage="Müller", reason="Name"
        )

        assert Topic.objects.get(pk=topic.pk).title == "Fall [entfernt]: Hilfe"

    def test_unknown_passage_changes_nothing(self, client, forum, reported):
        client.force_login(forum.moderator)

        response = client.post(
            reverse("forum_moderation:redact", args=[reported.pk]),
            {"passage": "Herr Meier", "reason": "Sozialdaten"},
        )

        reported.refresh_from_db()
        assert "Diese Textstelle kommt im Beitrag" in response.content.decode()
        assert "12345BG0012345" in reported.body
        assert not ModerationLogEntry.objects.filter(action=ModerationAction.REDACT).exists()

    def test_only_moderators_may_redact(self, forum, reported):
        with pytest.raises(PermissionDenied):
            moderation.post_redact(
                post=reported, actor=forum.staff, passage=self.PASSAGE, reason="x"
            )


class TestSilence:
    def test_silence_a_member_for_a_period(self, client, forum, reported):
        client.force_login(forum.moderator)

        page = client.get(SILENCES, {"mitglied": forum.regional.pk})
        response = client.post(
            SILENCES,
            {"mitglied": forum.regional.pk, "days": "3", "reason": "Wiederholt Sozialdaten"},
            follow=True,
        )

        silence = Silence.objects.get()
        assert "Anna Berger (anna.berger) stummschalten" in page.content.decode()
        assert silence.user == forum.regional
        assert timedelta(days=2, hours=23) < silence.until - timezone.now() <= timedelta(days=3)
        assert "Anna Berger ist bis" in response.content.decode()
        entry = last_entry()
        assert (entry.action, entry.member, entry.reason) == (
            ModerationAction.SILENCE,
            forum.regional,
            "Wiederholt Sozialdaten",
        )

    def test_silenced_member_cannot_post_and_is_told_why(self, client, forum, reported):
        moderation.member_silence(
            member=forum.regional, actor=forum.moderator, days=7, reason="Wiederholt Sozialdaten"
        )
        client.force_login(forum.regional)

        page = client.get(reverse("forum:reply", args=[reported.topic_id]))
        posted = client.post(reverse("forum:reply", args=[reported.topic_id]), {"body": "Trotzdem"})
        new_topic = client.get(reverse("forum:topic_create"))

        for response in (page, posted, new_topic):
            assert response.status_code == 403
            assert "Die Moderation hat Sie bis zum" in response.content.decode()
            assert "Grund: Wiederholt Sozialdaten" in response.content.decode()
        assert Post.objects.filter(body="Trotzdem").count() == 0
        with pytest.raises(PermissionDenied):
            services.post_create(topic=reported.topic, author=forum.regional, body="Über API")

    def test_silence_ends_by_itself(self, forum, reported):
        silence = moderation.member_silence(
            member=forum.regional, actor=forum.moderator, days=1, reason="Abkühlen"
        )
        Silence.objects.filter(pk=silence.pk).update(until=timezone.now() - timedelta(minutes=1))

        post = services.post_create(topic=reported.topic, author=forum.regional, body="Wieder da")

        assert post.pk

    def test_lift_a_silence(self, client, forum):
        silence = moderation.member_silence(
            member=forum.regional, actor=forum.moderator, days=7, reason="Abkühlen"
        )
        client.force_login(forum.moderator)

        client.post(SILENCES, {"aufheben": silence.pk, "a-reason": "Gespräch geführt"})

        assert not ForumPermissions(forum.regional).is_silenced
        assert (last_entry().action, last_entry().reason) == (
            ModerationAction.UNSILENCE,
            "Gespräch geführt",
        )

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"days": "3", "reason": ""}, "Bitte geben Sie einen Grund an"),
            ({"days": "999", "reason": "x"}, "Bitte wählen Sie eine Dauer aus der Liste."),
        ],
    )
    def test_bad_input_changes_nothing(self, client, forum, data, message):
        client.force_login(forum.moderator)

        response = client.post(SILENCES, {"mitglied": forum.regional.pk, **data})

        assert message in response.content.decode()
        assert not Silence.objects.exists()

    def test_only_forum_wide_moderators_may_silence(self, forum):
        with pytest.raises(PermissionDenied):
            moderation.member_silence(member=forum.regional, actor=forum.staff, days=1, reason="x")
        with pytest.raises(ValidationError):
            moderation.member_silence(
                member=forum.moderator, actor=forum.moderator, days=1, reason="x"
            )


class TestLog:
    def test_moderators_see_who_did_what_when_and_why(self, client, forum, reported):
        moderation.post_hide(post=reported, actor=forum.moderator, reason="Sozialdaten")
        client.force_login(forum.moderator)

        html = client.get(LOG).content.decode()

        assert "Beitrag ausgeblendet" in html
        assert "Moderation Forum" in html
        assert "Sozialdaten" in html
        assert "„Schuldnerberatung: Wartezeiten“ #2" in html

    def test_a_long_log_links_only_a_few_of_its_pages(self, client, forum, monkeypatch):
        monkeypatch.setattr("forum.admin_views.LOG_PER_PAGE", 1)
        ModerationLogEntry.objects.bulk_create(
            ModerationLogEntry(
                actor=forum.moderator,
                action=ModerationAction.HIDE,
                category=forum.open,
                subject=f"Eintrag {number}",
            )
            for number in range(12)
        )
        client.force_login(forum.moderator)

        response = client.get(LOG, {"p": 6})

        nav = BeautifulSoup(response.content, "html.parser").find("nav", class_="pagination")
        links = nav.select(".pagination__page-number a")
        numbers = [link.get_text(strip=True) for link in links]
        assert numbers[0] == "1" and numbers[-1] == "12"
        assert "6" in numbers and len(numbers) < 12
        assert nav.select_one('a[aria-current="page"]')["href"] == f"{LOG}?p=6"

    def test_not_for_members(self, client, forum):
        client.force_login(forum.staff)

        response = client.get(LOG)

        assert response.status_code in (302, 403)
