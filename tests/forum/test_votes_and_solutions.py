""" "Hilfreich" votes and the accepted answer ("Lösung"), including what is refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from forum import services
from forum.models import HelpfulVote

from .helpers import create_topic


@pytest.fixture
def discussion(forum):
    return create_topic(
        forum.open,
        forum.staff,
        title="Wie bindet ihr die Suchtberatung ein?",
        replies=[(forum.regional, "Offene Sprechstunde"), (forum.other_regional, "Fallkonferenz")],
    )


def vote(client, post, value="1"):
    return client.post(
        reverse("forum:post_helpful", args=[post.pk]), {"hilfreich": value}, follow=True
    )


class TestHelpful:
    def test_each_member_counts_once_and_can_take_it_back(self, client, forum, discussion):
        answer = discussion.posts.get(number=2)

        client.force_login(forum.staff)
        first = vote(client, answer)
        vote(client, answer)
        client.force_login(forum.other_regional)
        vote(client, answer)
        answer.refresh_from_db()
        counted = answer.helpful_count
        vote(client, answer, "0")
        vote(client, answer, "0")
        answer.refresh_from_db()

        assert "Danke: Sie haben diesen Beitrag als hilfreich markiert." in first.content.decode()
        assert counted == 2
        assert answer.helpful_count == 1
        assert list(HelpfulVote.objects.values_list("user", flat=True)) == [forum.staff.pk]

    def test_vote_shows_as_pressed_with_the_count(self, client, forum, discussion):
        answer = discussion.posts.get(number=2)
        client.force_login(forum.staff)

        page = vote(client, answer).content.decode()

        assert "1 Mitglied fand das hilfreich" in page
        assert 'aria-pressed="true"' in page

    def test_own_post_cannot_be_voted(self, client, forum, discussion):
        answer = discussion.posts.get(number=2)
        client.force_login(forum.regional)

        page = vote(client, answer).content.decode()
        answer.refresh_from_db()

        assert "Eigene Beiträge können Sie nicht als hilfreich markieren." in page
        assert answer.helpful_count == 0
        with pytest.raises(PermissionDenied):
            services.post_vote_helpful(post=answer, user=forum.regional)

    def test_deleted_post_and_unreadable_post_cannot_be_voted(self, client, forum, discussion):
        answer = discussion.posts.get(number=2)
        answer.is_deleted = True
        answer.save()
        secret = create_topic(forum.restricted, forum.regional).first_post
        client.force_login(forum.staff)

        deleted = vote(client, answer).content.decode()
        hidden = client.post(reverse("forum:post_helpful", args=[secret.pk]))

        assert "Sie dürfen diesen Beitrag nicht bewerten." in deleted
        assert hidden.status_code == 404
        assert HelpfulVote.objects.count() == 0

    def test_get_is_not_a_vote(self, client, forum, discussion):
        client.force_login(forum.staff)

        response = client.get(
            reverse("forum:post_helpful", args=[discussion.posts.get(number=2).pk])
        )

        assert response.status_code == 405
        assert HelpfulVote.objects.count() == 0


def mark(client, post, value="1"):
    return client.post(
        reverse("forum:post_solution", args=[post.pk]), {"loesung": value}, follow=True
    )


class TestSolution:
    def test_asker_marks_a_reply_and_it_shows_under_the_question(self, client, forum, discussion):
        answer = discussion.posts.get(number=3)
        client.force_login(forum.staff)

        page = mark(client, answer).content.decode()
        listing = client.get(forum.open.get_absolute_url()).content.decode()

        discussion.refresh_from_db()
        assert discussion.solution == answer
        assert "Diese Antwort ist jetzt als Lösung markiert." in page
        question = page.index('id="beitrag-1"')
        box = page.index('class="solution-box"')
        assert question < box < page.index('id="beitrag-2"')
        assert "Antwort von Jens Fischer, als Lösung markiert" in page
        assert '<span class="badge badge--solved">Gelöst</span>' in listing

    def test_choosing_another_reply_moves_the_mark_and_it_can_be_removed(
        self, client, forum, discussion
    ):
        client.force_login(forum.staff)

        mark(client, discussion.posts.get(number=2))
        mark(client, discussion.posts.get(number=3))
        discussion.refresh_from_db()
        moved = discussion.solution.number
        mark(client, discussion.posts.get(number=3), "0")
        discussion.refresh_from_db()

        assert moved == 3
        assert discussion.solution is None

    def test_moderator_may_mark_the_solution(self, client, forum, discussion):
        client.force_login(forum.moderator)

        mark(client, discussion.posts.get(number=2))

        discussion.refresh_from_db()
        assert discussion.solution.number == 2

    def test_others_may_not_mark_the_solution(self, client, forum, discussion):
        client.force_login(forum.regional)

        page = mark(client, discussion.posts.get(number=3)).content.decode()

        discussion.refresh_from_db()
        assert discussion.solution is None
        assert (
            "Nur wer die Frage gestellt hat oder die Moderation kann die Lösung auswählen." in page
        )

    def test_question_and_deleted_posts_cannot_be_the_solution(self, client, forum, discussion):
        deleted = discussion.posts.get(number=2)
        deleted.is_deleted = True
        deleted.save()
        client.force_login(forum.staff)

        question_page = mark(client, discussion.first_post).content.decode()
        deleted_page = mark(client, deleted).content.decode()

        discussion.refresh_from_db()
        assert discussion.solution is None
        assert "Die Frage selbst kann nicht ihre Lösung sein." in question_page
        assert "Ein gelöschter Beitrag kann nicht die Lösung sein." in deleted_page

    def test_solution_must_belong_to_the_topic(self, forum, discussion):
        other = create_topic(forum.open, forum.staff, replies=[(forum.regional, "Anderswo")])

        with pytest.raises(ValidationError):
            services.topic_mark_solution(
                topic=discussion, post=other.posts.get(number=2), actor=forum.staff
            )

    def test_mark_button_only_for_those_who_may(self, client, forum, discussion):
        url = discussion.get_absolute_url()

        client.force_login(forum.staff)
        asker = client.get(url, {"seite": 1}).content.decode()
        client.force_login(forum.regional)
        colleague = client.get(url, {"seite": 1}).content.decode()

        assert asker.count("Als Lösung markieren") == 2
        assert "Als Lösung markieren" not in colleague
