"""The data-protection guard: realistic German texts it must warn about and texts it must let
through, and the warning with its confirmation box in the forms."""

import pytest
from django.urls import reverse

from forum import guard
from forum.models import Post, PostRevision, Topic

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
