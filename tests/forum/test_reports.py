"""Reports ("Beitrag melden"): the form, one open report per member, and hiding at three."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cms.accounts.groups import STAFF
from forum import moderation
from forum.models import ModerationAction, ModerationLogEntry, Report, ReportStatus
from tests.factories import create_user

from .helpers import create_topic


@pytest.fixture
def post(forum):
    topic = create_topic(
        forum.open, forum.staff, replies=[(forum.regional, "Der Kunde Herr K. hat Schulden.")]
    )
    return topic.posts.get(number=2)


@pytest.fixture
def reporters(forum):
    return [
        forum.staff,
        forum.other_regional,
        create_user(STAFF, username="petra.lang", display_name="Petra Lang"),
    ]


def report(post, reporter, reason="personal_data"):
    return moderation.report_create(post=post, reporter=reporter, reason=reason)


class TestReportForm:
    def test_member_reports_with_a_reason(self, client, forum, post):
        client.force_login(forum.staff)

        page = client.get(reverse("forum:post_report", args=[post.pk]))
        response = client.post(
            reverse("forum:post_report", args=[post.pk]),
            {"reason": "personal_data", "comment": "Bitte anonymisieren."},
            follow=True,
        )

        saved = Report.objects.get()
        assert "Enthält personenbezogene Daten von Kund:innen" in page.content.decode()
        assert (saved.post, saved.reporter, saved.reason, saved.comment) == (
            post,
            forum.staff,
            "personal_data",
            "Bitte anonymisieren.",
        )
        html = response.content.decode()
        assert "Danke. Die Moderation ist informiert" in html
        assert "Sie haben diesen Beitrag gemeldet." in html

    def test_topic_page_offers_the_report_link(self, client, forum, post):
        client.force_login(forum.staff)

        page = client.get(post.topic.get_absolute_url(), {"seite": 1}).content.decode()

        assert reverse("forum:post_report", args=[post.pk]) in page

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({}, "Bitte wählen Sie einen Grund."),
            ({"reason": "langweilig"}, "Bitte wählen Sie einen Grund aus der Liste."),
            ({"reason": "spam", "comment": "x" * 1001}, "Ihr Hinweis ist zu lang"),
        ],
    )
    def test_bad_input_gets_a_german_message_and_saves_nothing(
        self, client, forum, post, data, message
    ):
        client.force_login(forum.staff)

        response = client.post(reverse("forum:post_report", args=[post.pk]), data)

        assert response.status_code == 200
        assert message in response.content.decode()
        assert Report.objects.count() == 0

    def test_second_report_by_the_same_member_is_refused(self, client, forum, post):
        report(post, forum.staff)
        client.force_login(forum.staff)

        response = client.post(reverse("forum:post_report", args=[post.pk]), {"reason": "spam"})

        assert "Sie haben diesen Beitrag bereits gemeldet" in response.content.decode()
        assert Report.objects.count() == 1

    def test_own_posts_cannot_be_reported(self, client, forum, post):
        client.force_login(forum.regional)

        response = client.post(reverse("forum:post_report", args=[post.pk]), {"reason": "spam"})

        assert response.status_code == 403
        assert Report.objects.count() == 0
        with pytest.raises(PermissionDenied):
            report(post, forum.regional)

    def test_posts_one_cannot_read_are_not_found(self, client, forum):
        hidden = create_topic(forum.restricted, forum.regional).first_post
        client.force_login(forum.staff)

        response = client.post(reverse("forum:post_report", args=[hidden.pk]), {"reason": "spam"})

        assert response.status_code == 404


class TestAutoHide:
    def test_two_reports_leave_the_post_visible(self, forum, post, reporters):
        for reporter in reporters[:2]:
            report(post, reporter)

        post.refresh_from_db()
        assert not post.is_hidden

    def test_three_different_members_hide_it_until_a_moderator_decides(
        self, client, forum, post, reporters
    ):
        for reporter, reason in zip(reporters, ["personal_data", "spam", "other"], strict=True):
            report(post, reporter, reason)

        post.refresh_from_db()
        assert post.is_hidden and post.hidden_automatically
        entry = ModerationLogEntry.objects.get()
        assert (entry.action, entry.actor, entry.post) == (ModerationAction.AUTO_HIDE, None, post)
        assert entry.reason == "Von 3 verschiedenen Mitgliedern gemeldet."
        client.force_login(forum.other_regional)
        page = client.get(post.topic.get_absolute_url(), {"seite": 1}).content.decode()
        assert "Der Kunde Herr K." not in page
        assert "ausgeblendet, bis die Moderation ihn geprüft hat" in page

    def test_the_author_and_the_moderators_still_see_the_text(self, client, forum, post, reporters):
        for reporter in reporters:
            report(post, reporter)

        for viewer in (forum.regional, forum.moderator):
            client.force_login(viewer)
            page = client.get(post.topic.get_absolute_url(), {"seite": 1}).content.decode()
            assert "Der Kunde Herr K." in page
            assert "Nach mehreren Meldungen ausgeblendet" in page

    def test_the_same_member_cannot_count_twice(self, forum, post, reporters):
        report(post, reporters[0])
        report(post, reporters[1])
        with pytest.raises(ValidationError):
            report(post, reporters[1], "spam")

        post.refresh_from_db()
        assert not post.is_hidden

    def test_dismissed_reports_no_longer_count(self, forum, post, reporters):
        report(post, reporters[0])
        report(post, reporters[1])
        moderation.reports_dismiss(post=post, actor=forum.moderator, reason="unbedenklich")

        report(post, reporters[2])
        report(post, reporters[0])

        post.refresh_from_db()
        assert not post.is_hidden
        assert Report.objects.filter(status=ReportStatus.OPEN).count() == 2

    def test_threshold_follows_the_setting(self, forum, post, reporters, settings):
        settings.FORUM_REPORTS_TO_HIDE = 2

        report(post, reporters[0])
        report(post, reporters[1])

        post.refresh_from_db()
        assert post.is_hidden

    def test_hidden_post_cannot_be_quoted_or_voted(self, client, forum, post, reporters):
        for reporter in reporters:
            report(post, reporter)
        client.force_login(forum.other_regional)

        quote = client.get(reverse("forum:reply", args=[post.topic_id]), {"zitat": post.pk})
        vote = client.post(reverse("forum:post_helpful", args=[post.pk]), follow=True)

        assert "Der Kunde" not in quote.context["form"].initial.get("body", "")
        post.refresh_from_db()
        assert post.helpful_count == 0
        assert vote.status_code == 200
