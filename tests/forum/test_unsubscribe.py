"""The unsubscribe link in every e-mail: no login needed; tampered or expired tokens refused."""

import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse

from forum import notifications
from forum.models import EmailFrequency

from .community import reply, start


def url_for(token: str) -> str:
    return reverse("forum:unsubscribe", kwargs={"token": token})


@pytest.fixture
def token(forum):
    return notifications.unsubscribe_token(forum.staff)


def test_link_from_the_email_works_without_login(client, forum, django_capture_on_commit_callbacks):
    topic = start(forum.open, forum.staff)
    with django_capture_on_commit_callbacks(execute=True):
        reply(topic, forum.regional, "Antwort")
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = link.removeprefix(notifications.site_url())

    confirm = client.get(path)
    done = client.post(path)

    assert confirm.status_code == 200
    assert "E-Mails aus dem Forum abbestellen?" in confirm.content.decode()
    assert done.status_code == 200
    assert "Sie erhalten keine E-Mails zu Forumsbenachrichtigungen mehr." in done.content.decode()
    assert notifications.email_frequency(forum.staff) == EmailFrequency.NEVER


def test_opening_the_link_alone_changes_nothing(client, forum, token):
    # Mail scanners follow links: only the button (POST) unsubscribes.
    client.get(url_for(token))

    assert notifications.email_frequency(forum.staff) == EmailFrequency.IMMEDIATELY


def test_one_click_unsubscribe_needs_no_csrf_token(forum, token):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    response = client.post(url_for(token), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert notifications.email_frequency(forum.staff) == EmailFrequency.NEVER


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: token.replace(token.split(":")[0], "999999", 1),
        lambda token: "kein-token",
        lambda token: signing.TimestampSigner(salt="something-else").sign(token.split(":")[0]),
    ],
    ids=["signature", "member", "garbage", "other-purpose"],
)
def test_tampered_token_gets_a_german_page_and_changes_nothing(client, forum, token, tamper):
    for method in (client.get, client.post):
        response = method(url_for(tamper(token)))

        assert response.status_code == 400
        assert "Dieser Link ist ungültig" in response.content.decode()
    assert notifications.email_frequency(forum.staff) == EmailFrequency.IMMEDIATELY


def test_expired_token_gets_a_german_page_and_changes_nothing(client, forum, settings, monkeypatch):
    settings.FORUM_UNSUBSCRIBE_MAX_AGE_DAYS = 30
    long_ago = time.time() - timedelta(days=31).total_seconds()
    monkeypatch.setattr(signing.time, "time", lambda: long_ago)
    old_token = notifications.unsubscribe_token(forum.staff)
    monkeypatch.undo()

    response = client.post(url_for(old_token))

    assert response.status_code == 400
    assert "Dieser Link ist abgelaufen" in response.content.decode()
    assert notifications.email_frequency(forum.staff) == EmailFrequency.IMMEDIATELY


def test_token_within_its_age_still_works(client, forum, settings, monkeypatch):
    settings.FORUM_UNSUBSCRIBE_MAX_AGE_DAYS = 30
    recently = time.time() - timedelta(days=29).total_seconds()
    monkeypatch.setattr(signing.time, "time", lambda: recently)
    token = notifications.unsubscribe_token(forum.staff)
    monkeypatch.undo()

    client.post(url_for(token))

    assert notifications.email_frequency(forum.staff) == EmailFrequency.NEVER
