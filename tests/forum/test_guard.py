"""The data-protection guard: realistic German texts it must warn about and texts it must let
through, the warning with its confirmation box in the forms, and posts published despite the
warning in the moderators' queue."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cms import privacy_guard as guard
from forum import moderation
from forum.models import ModerationAction, ModerationLogEntry, Post, PostRevision, Topic

from .helpers import create_topic

# (text, kinds the guard must report)
PERSONAL = [
    ("Kundennummer 123D456789, bitte um Rückruf", [guard.CUSTOMER_NUMBER]),
    ("Kd.-Nr. 962 D 004711 hat den Termin verpasst", [guard.CUSTOMER_NUMBER]),
    ("Die BG 12345BG0012345 bekommt seit März kein Geld", [guard.BG_NUMBER]),
    ("BG-Nummer: 98765bg7654321", [guard.BG_NUMBER]),
    ("Überweisung an DE89 3704 0044 0532 0130 00 ist zurückgekommen", [guard.IBAN]),
    ("IBAN DE89370400440532013000", [guard.IBAN]),
    ("Frau Müller, geb. 12.03.1985, sucht eine Kita", [guard.BIRTH_DATE]),
    ("Herr Yılmaz (geboren am 1.2.1979) hat Schulden", [guard.BIRTH_DATE]),
    ("Kundin Schneider, 03.04.1990, alleinerziehend", [guard.BIRTH_DATE]),
    ("Herr Dr. Schmidt (* 7.8.62) ist suchtkrank", [guard.BIRTH_DATE]),
    ("Geburtsdatum: 24.12.2001", [guard.BIRTH_DATE]),
    ("Ihre Handynummer ist 0171 2345678", [guard.PHONE]),
    ("Ruf sie an: +49 (0) 231 1234567", [guard.PHONE]),
    ("Tel. der Beratungsstelle: 0231 842-0", [guard.PHONE]),
    ("Schreiben Sie an m.mustermann@web.de", [guard.EMAIL]),
    ("RV-Nummer 65 170839 J 003", [guard.PENSION_NUMBER]),
    ("Herr Max Mustermann, Hauptstraße 5", [guard.ADDRESS]),
    ("Frau Ayşe Yılmaz wohnt in der Goethestr. 12a", [guard.ADDRESS]),
    ("Kunde Peter Müller, Am Markt 3, 58332 Schwelm", [guard.ADDRESS]),
    ("Frau M., Karl-Marx-Allee 33, 10178 Berlin, hat angerufen", [guard.ADDRESS]),
    ("Kundin Şahin\nKölner Straße 17 b\n45127 Essen", [guard.ADDRESS]),
    ("Herr Weber wohnt An der Kirche 2 bei seiner Schwester", [guard.ADDRESS]),
    ("Ihre Steuer-ID ist 12 345 678 903", [guard.TAX_ID]),
    ("Steuerliche IdNr. 86095742719 liegt vor", [guard.TAX_ID]),
    (
        "Frau K., geb. 05.05.1980, BG 12345BG0012345, Tel. 0201 555123",
        [guard.BG_NUMBER, guard.BIRTH_DATE, guard.PHONE],
    ),
]

HARMLESS = [
    "Termin am 12.03.2025 um 10 Uhr im Jobcenter",
    "Frau Müller hat am 12.03.2025 einen Termin bei der Suchtberatung.",
    "Seit dem 01.01.2023 gilt das Bürgergeld.",
    "Unser Betreuungsschlüssel liegt bei 1:100, wir haben 1.900 Teilnehmende.",
    "Die Maßnahme nach § 16i SGB II kostet 12.500 € im Jahr.",
    "Das Netzwerktreffen findet in 44135 Dortmund statt.",
    "Stand 2024: 50 Kooperationsvereinbarungen, Quote 37,5 %.",
    "Die IBAN DE00 1234 5678 9012 3456 78 im Formular ist nur ein Beispiel.",
    "Version 1.2.3 der Handlungshilfe erscheint im Herbst.",
    "Frau M. aus der Teamleitung hat das mit dem Jugendamt geklärt.",
    "Sprechstunde dienstags 9–12 Uhr, Raum 0.14",
    # An address without a person, a person without an address.
    "Jobcenter EN, Hauptstraße 5, 58332 Schwelm",
    "Das Netzwerktreffen ist Am Markt 3 im Rathaus.",
    "Herr Dr. Berzel stellte das Projekt im Fachforum vor.",
    "Herr Dr. Berzel stellte das Konzept in der Hauptstraße 5 vor.",
    # Words with a street's ending, and numbers after "Am".
    "Frau Müller hat einen Arbeitsplatz 3 Tage die Woche.",
    "Frau Kaya nutzt den Förderweg 16i seit März.",
    "Herr Yilmaz steht auf Platz 3 der Warteliste.",
    "Frau Becker, Am Montag 3 Termine beim Träger.",
    # Eleven digits with a wrong check digit, or starting with 0.
    "Vorgangsnummer 12345678904",
    "Aktenzeichen 12 345 678 904",
]


@pytest.mark.parametrize(("text", "kinds"), PERSONAL, ids=[text[:30] for text, _k in PERSONAL])
def test_finds_personal_data(text, kinds):
    assert [finding.kind for finding in guard.scan(text)] == kinds


@pytest.mark.parametrize("text", HARMLESS, ids=[text[:30] for text in HARMLESS])
def test_lets_ordinary_texts_through(text):
    assert guard.scan(text) == []


def test_iban_check_digits():
    assert guard.iban_is_valid("DE89 3704 0044 0532 0130 00")
    assert guard.iban_is_valid("GB82WEST12345698765432")
    assert not guard.iban_is_valid("DE88 3704 0044 0532 0130 00")
    assert not guard.iban_is_valid("DE89 3704 0044 0532 0130")  # too short for Germany


def test_tax_id_check_digit():
    assert guard.tax_id_is_valid("86095742719")
    assert guard.tax_id_is_valid("12 345 678 903")
    assert not guard.tax_id_is_valid("86095742718")  # wrong check digit
    assert not guard.tax_id_is_valid("02345678903")  # first digit 0
    assert not guard.tax_id_is_valid("1234567890")  # ten digits


def test_tax_id_is_not_taken_from_a_longer_phone_number():
    findings = guard.scan("Tel. 0231 12345678903")

    assert [finding.kind for finding in findings] == [guard.PHONE]


def test_address_finding_names_the_person_and_the_address():
    findings = guard.scan("Bitte Kunde Peter Müller, Am Markt 3, 58332 Schwelm, anschreiben.")

    assert [(finding.kind, finding.text) for finding in findings] == [
        (guard.ADDRESS, "Kunde Peter Müller, Am Markt 3, 58332 Schwelm")
    ]
    assert "unten bestätigen" in findings[0].hint


def test_phone_and_email_findings_explain_the_institution_case():
    findings = guard.scan("Tel. 0231 842-0 oder info@beratung-dortmund.de")

    assert [finding.kind for finding in findings] == [guard.PHONE, guard.EMAIL]
    assert all("unten bestätigen" in finding.hint for finding in findings)


class TestInTheForms:
    BODY = "Die BG 12345BG0012345 wartet seit Wochen auf den Bescheid."

    def test_reply_with_a_bg_number_shows_the_warning_and_saves_nothing(self, client, forum):
        topic = create_topic(forum.open, forum.staff)
        client.force_login(forum.regional)

        response = client.post(reverse("forum:reply", args=[topic.pk]), {"body": self.BODY})

        html = response.content.decode()
        assert response.status_code == 200
        assert "Mögliche personenbezogene Daten von Kund:innen" in html
        assert "Nummer einer Bedarfsgemeinschaft (BG-Nummer)" in html
        assert "12345BG0012345" in html
        assert 'name="personal_data_confirmed"' in html
        assert Post.objects.filter(topic=topic).count() == 1

    def test_confirming_publishes_anyway(self, client, forum):
        topic = create_topic(forum.open, forum.staff)
        client.force_login(forum.regional)

        client.post(
            reverse("forum:reply", args=[topic.pk]),
            {"body": "Tel. der Beratungsstelle: 0231 842-0", "personal_data_confirmed": "on"},
        )

        assert Post.objects.filter(topic=topic).count() == 2

    def test_new_topic_title_is_checked_too(self, client, forum):
        client.force_login(forum.staff)

        response = client.post(
            reverse("forum:topic_create"),
            {
                "category": forum.open.pk,
                "title": "Frage zu Kunde 123D456789",
                "body": "Wie geht ihr mit so einem Fall um?",
            },
        )

        assert "Kundennummer" in response.content.decode()
        assert not Topic.objects.exists()

    def test_editing_is_checked_too(self, client, forum):
        topic = create_topic(forum.open, forum.staff)
        client.force_login(forum.staff)

        response = client.post(
            reverse("forum:post_edit", args=[topic.first_post_id]),
            {"title": topic.title, "body": "Frau Müller, geb. 12.03.1985, fragt nach."},
        )

        assert "Geburtsdatum neben einem Namen" in response.content.decode()
        assert PostRevision.objects.filter(post_id=topic.first_post_id).count() == 1

    def test_preview_is_not_blocked(self, client, forum):
        topic = create_topic(forum.open, forum.staff)
        client.force_login(forum.regional)

        response = client.post(
            reverse("forum:reply", args=[topic.pk]), {"body": self.BODY, "vorschau": "1"}
        )

        html = response.content.decode()
        assert "Mögliche personenbezogene Daten" not in html
        assert "wartet seit Wochen" in html
        assert Post.objects.filter(topic=topic).count() == 1

    def test_harmless_text_needs_no_confirmation(self, client, forum):
        topic = create_topic(forum.open, forum.staff)
        client.force_login(forum.regional)

        response = client.post(
            reverse("forum:reply", args=[topic.pk]), {"body": "Termin am 12.03.2025 um 10 Uhr"}
        )

        assert response.status_code == 302
        assert Post.objects.filter(topic=topic).count() == 2


class TestOverrideIsRecorded:
    def test_confirmed_reply_records_when_and_which_kinds(self, client, forum):
        topic = create_topic(forum.open, forum.staff)
        client.force_login(forum.regional)

        client.post(
            reverse("forum:reply", args=[topic.pk]),
            {
                "body": "Herr Max Mustermann, Hauptstraße 5, Tel. 0231 842-0",
                "personal_data_confirmed": "on",
            },
        )

        post = Post.objects.get(topic=topic, number=2)
        assert post.personal_data_confirmed_at is not None
        assert post.personal_data_kinds == [guard.ADDRESS, guard.PHONE]
        assert post.personal_data_checked_at is None

    def test_confirmed_topic_records_it_on_the_question(self, client, forum):
        client.force_login(forum.staff)

        client.post(
            reverse("forum:topic_create"),
            {
                "category": forum.open.pk,
                "title": "Steuer-ID im Antrag",
                "body": "Im Antrag steht 12 345 678 903, wohin damit?",
                "personal_data_confirmed": "on",
            },
        )

        assert Topic.objects.get().first_post.personal_data_kinds == [guard.TAX_ID]

    def test_harmless_post_records_nothing(self, client, forum):
        topic = create_topic(forum.open, forum.staff)
        client.force_login(forum.regional)

        client.post(
            reverse("forum:reply", args=[topic.pk]),
            {"body": "Termin am 12.03.2025 um 10 Uhr", "personal_data_confirmed": "on"},
        )

        post = Post.objects.get(topic=topic, number=2)
        assert post.personal_data_confirmed_at is None
        assert post.personal_data_kinds == []

    def test_confirmed_edit_puts_a_checked_post_back_into_the_queue(self, client, forum):
        topic = create_topic(forum.open, forum.staff)
        post = topic.first_post
        Post.objects.filter(pk=post.pk).update(
            personal_data_confirmed_at=topic.created_at,
            personal_data_kinds=[guard.PHONE],
            personal_data_checked_at=topic.created_at,
            personal_data_checked_by=forum.moderator,
        )
        client.force_login(forum.staff)

        client.post(
            reverse("forum:post_edit", args=[post.pk]),
            {
                "title": topic.title,
                "body": "Frau Müller, geb. 12.03.1985, fragt nach.",
                "personal_data_confirmed": "on",
            },
        )

        post.refresh_from_db()
        assert post.personal_data_kinds == [guard.BIRTH_DATE, guard.PHONE]
        assert post.personal_data_checked_at is None
        assert post.personal_data_checked_by is None


@pytest.fixture
def overridden(forum):
    """A reply Anna published despite the warning about an address."""
    topic = create_topic(
        forum.open,
        forum.staff,
        title="Umzug und Kosten der Unterkunft",
        replies=[(forum.regional, "Herr Max Mustermann, Hauptstraße 5, zieht um.")],
    )
    post = topic.posts.get(number=2)
    Post.objects.filter(pk=post.pk).update(
        personal_data_confirmed_at=topic.created_at, personal_data_kinds=[guard.ADDRESS]
    )
    post.refresh_from_db()
    return post


class TestModerationQueue:
    QUEUE = reverse("forum_moderation:queue")

    def test_queue_lists_the_post_with_the_kinds_but_not_the_data(self, client, forum, overridden):
        client.force_login(forum.moderator)

        response = client.get(self.QUEUE)

        section = BeautifulSoup(response.content, "html.parser").find(
            "section", attrs={"aria-labelledby": "personal-data-heading"}
        )
        assert section.h2.get_text() == "Trotz Datenschutz-Hinweis veröffentlicht"
        rows = section.find("tbody").find_all("tr")
        assert len(rows) == 1
        cells = [cell.get_text(" ", strip=True) for cell in rows[0].find_all("td")]
        assert cells[0].startswith("Umzug und Kosten der Unterkunft #2")
        assert cells[2] == "Name mit Anschrift"
        assert "Hauptstraße" not in section.get_text()
        link = rows[0].find("a")["href"]
        assert link == reverse("forum_moderation:post", args=[overridden.pk])

    def test_post_page_explains_the_warning(self, client, forum, overridden):
        client.force_login(forum.moderator)

        response = client.get(reverse("forum_moderation:post", args=[overridden.pk]))

        soup = BeautifulSoup(response.content, "html.parser")
        section = soup.find("section", attrs={"aria-labelledby": "personal-data-heading"})
        assert "trotz Datenschutz-Hinweis veröffentlicht" in section.get_text()
        assert "Gefunden wurde: Name mit Anschrift." in section.get_text()
        assert section.find("button", attrs={"value": "geprueft"}) is not None

    def test_marking_as_checked_logs_it_and_empties_the_queue(self, client, forum, overridden):
        client.force_login(forum.moderator)

        response = client.post(
            reverse("forum_moderation:post", args=[overridden.pk]),
            {"aktion": "geprueft"},
            follow=True,
        )

        assert "Der Beitrag ist geprüft" in response.content.decode()
        overridden.refresh_from_db()
        assert overridden.personal_data_checked_by == forum.moderator
        entry = ModerationLogEntry.objects.get(action=ModerationAction.DATA_CHECK)
        assert entry.post_id == overridden.pk
        assert entry.details == {"kinds": [guard.ADDRESS]}
        queue = BeautifulSoup(client.get(self.QUEUE).content, "html.parser")
        section = queue.find("section", attrs={"aria-labelledby": "personal-data-heading"})
        assert section.find("table") is None
        assert "Keine Beiträge warten auf eine Datenschutz-Prüfung." in section.get_text()

    def test_only_moderators_may_mark_it_checked(self, forum, overridden):
        with pytest.raises(PermissionDenied):
            moderation.post_personal_data_checked(post=overridden, actor=forum.staff)

        overridden.refresh_from_db()
        assert overridden.personal_data_checked_at is None

    def test_a_post_without_a_warning_cannot_be_checked(self, forum):
        topic = create_topic(forum.open, forum.staff)

        with pytest.raises(ValidationError):
            moderation.post_personal_data_checked(post=topic.first_post, actor=forum.moderator)

        assert not ModerationLogEntry.objects.filter(action=ModerationAction.DATA_CHECK).exists()

    def test_queue_costs_the_same_queries_at_any_length(
        self, client, forum, django_assert_max_num_queries
    ):
        def add_overridden(count):
            for number in range(count):
                topic = create_topic(forum.open, forum.staff, title=f"Thema {number}")
                Post.objects.filter(pk=topic.first_post_id).update(
                    personal_data_confirmed_at=topic.created_at, personal_data_kinds=[guard.PHONE]
                )

        client.force_login(forum.moderator)
        add_overridden(2)
        client.get(self.QUEUE)
        with django_assert_max_num_queries(60) as small:
            client.get(self.QUEUE)
        add_overridden(20)

        with django_assert_max_num_queries(len(small.captured_queries)):
            response = client.get(self.QUEUE)

        assert response.content.decode().count('href="/admin/forum-moderation/beitrag/') == 22
