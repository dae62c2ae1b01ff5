"""Every public form that comes back with errors starts with an error summary whose links lead to
the invalid inputs, and every invalid input is marked (aria-invalid) and described by its
message (WCAG 3.3.1, 1.3.1; the BITV 2.0 issue on accessible forms)."""

from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cms.accounts.groups import STAFF, groups_sync
from forum.permissions import ensure_default_permissions
from practices.models import Jobcenter, PracticePage, PracticeStatus
from tests.factories import create_user
from tests.factories.legal import create_accessibility_statement
from tests.factories.offer_providers import create_provider_member, offer_form_data
from tests.factories.offers import create_offer, create_provider, offer_index
from tests.factories.practices import create_jobcenter, practice_index
from tests.forum.helpers import create_category, create_topic

pytestmark = pytest.mark.django_db


def practice_data(**overrides) -> dict:
    data = {
        "title": "Peer-Mentoring im Absolventenmanagement",
        "teaser": "Ehemalige Teilnehmende begleiten neue Teilnehmende.",
        "jobcenters": [str(Jobcenter.objects.get(slug="jobcenter-en").pk)],
        "status": str(PracticeStatus.objects.get(slug="erprobung").pk),
        "start_date": "01.02.2025",
        "contact_name": "Anna Berger",
        "contact_email": "anna.berger@jobcenter-en.example",
        "visibility": "public",
        "partner-TOTAL_FORMS": "1",
        "partner-INITIAL_FORMS": "0",
        "partner-0-partner_type": "",
        "partner-0-name": "",
        "figure-TOTAL_FORMS": "1",
        "figure-INITIAL_FORMS": "0",
        "figure-0-label": "",
        "figure-0-value": "",
    }
    data.update(overrides)
    return data


# Each case logs in whom the form needs and posts invalid data: (url, data, invalid field names).
def login_form(client, home):
    return "/konto/anmelden/", {"username": "", "password": ""}, {"username", "password"}


def password_reset(client, home):
    return "/konto/passwort-vergessen/", {"email": "keine-adresse"}, {"email"}


def password_reset_confirm(client, home):
    user = create_user(STAFF, username="netzwerk-neu")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    # The view swaps the token for a marker in the session and redirects to that address.
    url = client.get(reverse("accounts:password_reset_confirm", args=[uid, token]))["Location"]
    data = {"new_password1": "Sonnenblume-2026!", "new_password2": "Sonnenblume-2027!"}
    return url, data, {"new_password2"}


def profile(client, home):
    client.force_login(create_user(STAFF, username="netzwerk-profil"))
    data = {"display_name": "Anna Berger", "email": "keine-adresse", "region": "XX"}
    return reverse("accounts:profile"), data, {"email", "region"}


def practice_submission(client, home):
    groups_sync()
    practice_index()
    create_jobcenter("Jobcenter EN", slug="jobcenter-en")
    client.force_login(create_user(STAFF, username="netzwerk-praxis"))
    row = {"figure-0-label": "Teilnehmende", "figure-0-value": "1" * 51}
    data = practice_data(title="", start_date="31.02.2025", **row)
    return "/praxisbeispiel-einreichen/", data, {"title", "start_date", "figure-0-value"}


def forum_setup():
    ensure_default_permissions()
    category = create_category("Gesundheit und Sucht")
    member = create_user(STAFF, username="maria.schulz", display_name="Maria Schulz")
    return category, member, create_topic(category, member)


def forum_topic(client, home):
    category, member, _topic = forum_setup()
    client.force_login(member)
    data = {"category": str(category.pk), "title": "", "body": ""}
    return reverse("forum:topic_create"), data, {"title", "body"}


def forum_reply(client, home):
    _category, member, topic = forum_setup()
    client.force_login(member)
    return reverse("forum:reply", args=[topic.pk]), {"body": ""}, {"body"}


def forum_post_edit(client, home):
    _category, member, topic = forum_setup()
    client.force_login(member)
    post = topic.posts.get(number=1)
    data = {"title": "", "body": ""}
    return reverse("forum:post_edit", args=[post.pk]), data, {"title", "body"}


def forum_report(client, home):
    _category, member, topic = forum_setup()
    client.force_login(create_user(STAFF, username="jens.fischer"))
    post = topic.posts.get(number=1)
    return reverse("forum:post_report", args=[post.pk]), {"reason": "", "comment": ""}, {"reason"}


def forum_notification_settings(client, home):
    _category, member, _topic = forum_setup()
    client.force_login(member)
    data = {"email_frequency": "stündlich"}
    return reverse("forum:notification_settings"), data, {"email_frequency"}


def accessibility_feedback(client, home):
    statement = create_accessibility_statement(home)
    data = {"description": "", "page_address": "", "name": "", "email": "x", "website": ""}
    return statement.url, data, {"description", "email"}


def offer_setup():
    groups_sync()
    offer_index()
    provider = create_provider("Diakonie Ennepe-Ruhr")
    offer = create_offer("Schuldnerberatung Schwelm", provider=provider, funding=["16a"])
    return offer, create_provider_member(provider, username="traeger")


def offer_form(client, home):
    _offer, member = offer_setup()
    client.force_login(member)
    data = offer_form_data(title="", **{"location-0-latitude": "Norden"})
    return "/traeger/angebote/neu/", data, {"title", "location-0-latitude"}


def offer_report(client, home):
    offer, _member = offer_setup()
    client.force_login(create_user(STAFF, username="netzwerk-meldung"))
    data = {"reason": "", "message": ""}
    return reverse("providers:report", args=[offer.pk]), data, {"reason"}


def saved_search(client, home):
    practice_index()
    client.force_login(create_user(STAFF, username="netzwerk-suchauftrag"))
    data = {"kind": "search", "query": "q=Sucht", "frequency": "stündlich"}
    return reverse("alerts:save"), data, {"frequency"}


CASES = [
    login_form,
    password_reset,
    password_reset_confirm,
    profile,
    practice_submission,
    forum_topic,
    forum_reply,
    forum_post_edit,
    forum_report,
    forum_notification_settings,
    accessibility_feedback,
    offer_form,
    offer_report,
    saved_search,
]


def summary_form(soup):
    summary = soup.select_one("[data-error-summary]")
    assert summary is not None, "no error summary"
    return summary, summary.find_parent("form")


@pytest.mark.parametrize("case", CASES, ids=[case.__name__ for case in CASES])
def test_invalid_form_starts_with_a_summary_linking_to_marked_fields(client, home, case):
    url, data, invalid = case(client, home)

    response = client.post(url, data)

    assert response.status_code in {200, 400}
    soup = BeautifulSoup(response.content, "html.parser")
    summary, form = summary_form(soup)
    # First in the form (only hidden inputs before it), focusable and announced.
    before = [tag for tag in summary.find_previous_siblings() if tag.name]
    assert all(tag.name == "input" and tag["type"] == "hidden" for tag in before)
    assert summary["tabindex"] == "-1" and summary["role"] == "alert"
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert [name for name, count in ids.items() if count > 1] == []
    heading = soup.find(id=summary["aria-labelledby"])
    items = summary.select("li")
    count = len(items)
    noun = "Angabe" if count == 1 else "Angaben"
    assert heading.get_text(strip=True) == f"Bitte korrigieren Sie {count} {noun}"
    linked = {}
    for link in summary.select("li a"):
        field = form.find(id=link["href"].removeprefix("#"))
        assert field is not None, f"{link['href']} leads nowhere"
        linked[field["name"]] = (field, link.get_text(strip=True))
    assert invalid <= linked.keys()
    for name, (field, text) in linked.items():
        assert field["aria-invalid"] == "true", name
        described = (
            field.get("aria-describedby") or field.find_parent("fieldset")["aria-describedby"]
        )
        errors = [soup.find(id=part) for part in described.split() if part.endswith("_error")]
        assert len(errors) == 1, name
        assert errors[0].get_text(" ", strip=True) in text, name


def test_summary_counts_one_entry_in_the_singular(client, home):
    url, _data, _invalid = password_reset(client, home)

    soup = BeautifulSoup(client.post(url, {"email": "keine-adresse"}).content, "html.parser")

    summary, _form = summary_form(soup)
    assert summary.h2.get_text(strip=True) == "Bitte korrigieren Sie 1 Angabe"
    assert [link.get_text(strip=True) for link in summary.select("a")] == [
        "E-Mail: Bitte gültige E-Mail-Adresse eingeben."
    ]


def test_error_of_the_whole_form_is_a_plain_item(client, home, staff_user):
    soup = BeautifulSoup(
        client.post("/konto/anmelden/", {"username": "netzwerk", "password": "falsch"}).content,
        "html.parser",
    )

    summary, _form = summary_form(soup)
    item = summary.select_one("li")
    assert item.find("a") is None
    assert "Benutzername oder Passwort ist falsch" in item.get_text()


def test_valid_form_and_first_visit_show_no_summary(client, home):
    soup = BeautifulSoup(client.get("/konto/anmelden/").content, "html.parser")

    assert soup.select("[data-error-summary]") == []
    assert soup.select("[aria-invalid]") == []


class TestGermanDates:
    @pytest.fixture
    def submitter(self, client, home):
        groups_sync()
        practice_index()
        create_jobcenter("Jobcenter EN", slug="jobcenter-en")
        client.force_login(create_user(STAFF, username="netzwerk-datum"))

    def test_date_input_is_text_with_the_german_format_hint(self, client, submitter):
        soup = BeautifulSoup(client.get("/praxisbeispiel-einreichen/").content, "html.parser")

        field = soup.find(id="id_start_date")
        assert field["type"] == "text" and field["placeholder"] == "TT.MM.JJJJ"
        hint = soup.find(id=field["aria-describedby"]).get_text(strip=True)
        assert "TT.MM.JJJJ" in hint

    def test_german_date_is_accepted_and_shown_again_in_german(self, client, submitter):
        response = client.post(
            "/praxisbeispiel-einreichen/", practice_data(start_date="22.11.2026")
        )

        assert response.status_code == 302
        practice = PracticePage.objects.get()
        assert practice.start_date.isoformat() == "2026-11-22"

    def test_wrong_date_gets_the_format_message(self, client, submitter):
        response = client.post(
            "/praxisbeispiel-einreichen/", practice_data(start_date="2026/11/22")
        )

        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.find(id="id_start_date_error").get_text(strip=True) == (
            "Bitte geben Sie ein Datum im Format TT.MM.JJJJ ein."
        )
        assert soup.find(id="id_start_date")["value"] == "2026/11/22"
        assert not PracticePage.objects.exists()
