"""Demo texts of the legal pages (Datenschutz, Leichte Sprache) and the accessibility statement;
``cms.demo`` loads them. Editors maintain the pages afterwards: a second load changes nothing."""

from collections.abc import Callable
from datetime import date

from django.conf import settings
from wagtail.models import Page

from .legal import AccessibilityStatementPage

STATEMENT_SLUG = "barrierefreiheit"


def legal_values() -> dict[str, int]:
    """Figures the legal texts state, taken from the settings that decide them."""
    return {
        "search_log_days": settings.SEARCH_LOG_RETENTION_DAYS,
        "unsubscribe_days": settings.FORUM_UNSUBSCRIBE_MAX_AGE_DAYS,
        "login_record_days": settings.AXES_RECORD_RETENTION_DAYS,
        "feedback_days": settings.ACCESSIBILITY_FEEDBACK_RETENTION_DAYS,
        "import_run_days": settings.IMPORT_RUN_RETENTION_DAYS,
    }


PRIVACY_INTRO = "Welche Daten die Wissensbörse speichert, wozu und wie lange."
PRIVACY_SECTIONS: list[tuple[str | None, str]] = [
    (
        "Verantwortliche Stelle",
        "<p>Verantwortlich für die Wissensbörse ist die Redaktion Netzwerke ABC, Musterstraße 1, "
        "10115 Berlin, E-Mail: redaktion@wissensboerse.example. Wir verarbeiten "
        "personenbezogene Daten nur, soweit der Betrieb der Plattform es erfordert "
        "(Art. 6 Abs. 1 Buchst. e DSGVO). Daten von Kundinnen und Kunden der Jobcenter "
        "(Sozialdaten) gehören nicht in Beiträge, Meldungen oder Praxisbeispiele.</p>",
    ),
    (
        "Benutzerkonto",
        "<p>Für Ihr Konto speichern wir Benutzernamen, E-Mail-Adresse, ein verschlüsseltes "
        "Passwort (nur als Hash), Anzeigename, Organisation bzw. Jobcenter, Funktion und "
        "Bundesland sowie den Zeitpunkt der Registrierung und der letzten Anmeldung. "
        "Anzeigename, Organisation, Funktion und Bundesland sehen angemeldete Kolleginnen und "
        "Kollegen; die E-Mail-Adresse sehen nur Redaktion und Betrieb. Das Konto bleibt "
        "gespeichert, bis Sie oder die Redaktion es löschen.</p>"
        "<p>Zum Schutz vor dem Erraten von Passwörtern protokollieren wir Anmeldeversuche mit "
        "Benutzernamen, IP-Adresse, Browserkennung und Zeitpunkt. Nach fünf Fehlversuchen ist "
        "ein Konto für eine Stunde gesperrt. Diese Protokolle, auch die der erfolgreichen "
        "Anmeldungen, werden nach {login_record_days} Tagen gelöscht.</p>",
    ),
    (
        "Forum",
        "<p>Im Forum speichern wir Ihre Themen und Beiträge mit Zeitpunkt und Änderungen, Ihre "
        "Stimmen „hilfreich“, Ihre Abonnements und welche Beiträge Sie gelesen haben. Beiträge "
        "sehen nur angemeldete Netzwerk-Mitarbeitende. Meldungen von Beiträgen speichern wir "
        "mit der meldenden Person und dem Grund; sie sieht nur die Moderation. Beiträge bleiben "
        "gespeichert, bis Sie, die Moderation oder die Redaktion sie löschen.</p>",
    ),
    (
        "Suche",
        "<p>Die Suche speichert Suchbegriffe, die Zahl der Treffer und die Position des ersten "
        "angeklickten Treffers, damit die Redaktion die Suche verbessern kann, ohne Bezug zu "
        "Ihrer Person: ohne Benutzerkonto, IP-Adresse, Sitzung oder Browserangaben. Diese "
        "Einträge werden nach {search_log_days} Tagen gelöscht.</p>",
    ),
    (
        "E-Mails",
        "<p>Wir senden E-Mails zum Konto (z. B. Passwort zurücksetzen), Benachrichtigungen aus "
        "dem Forum und zu gespeicherten Suchen, wenn Sie diese eingerichtet haben. Eine E-Mail "
        "wird bis zur Zustellung in einer Warteschlange gespeichert und danach gelöscht. Jede "
        "Benachrichtigung enthält einen Link zum Abbestellen, der {unsubscribe_days} Tage "
        "gilt; Sie können Benachrichtigungen auch in Ihrem Profil abbestellen.</p>",
    ),
    (
        "Rückmeldungen zur Barrierefreiheit",
        "<p>Wenn Sie uns eine Barriere melden, speichern wir Ihre Beschreibung, die betroffene "
        "Seite und, falls Sie sie angeben, Ihren Namen und Ihre E-Mail-Adresse. Die Redaktion "
        "erhält die Meldung per E-Mail und beantwortet sie innerhalb eines Monats. Die Meldung "
        "wird {feedback_days} Tage nach der Antwort gelöscht, damit wir bei Rückfragen oder "
        "einem Schlichtungsverfahren darauf zurückgreifen können.</p>",
    ),
    (
        "Importe der Redaktion",
        "<p>Wenn die Redaktion Praxisbeispiele aus einer Datei importiert, speichern wir, wer "
        "den Import gestartet hat, den Dateinamen, den Zeitpunkt, das Ergebnis und etwaige "
        "Fehlermeldungen, die Angaben aus der Datei wiedergeben können. Diese Angaben werden "
        "{import_run_days} Tage nach dem Ende des Imports gelöscht.</p>",
    ),
    (
        "Cookies",
        "<p>Die Wissensbörse setzt nur technisch notwendige Cookies und keine Cookies anderer "
        "Anbieter: „sessionid“ hält Sie angemeldet (gelöscht beim Abmelden, spätestens nach "
        "zwei Wochen), „csrftoken“ schützt Formulare vor Missbrauch (ein Jahr), „messages“ "
        "zeigt kurze Hinweise nach dem Absenden eines Formulars an und wird danach gelöscht. Es "
        "gibt kein Tracking und keine Analysewerkzeuge; Schriften, Skripte und Bilder kommen "
        "nur von unserem eigenen Server.</p>",
    ),
    (
        "Server-Protokolle",
        "<p>Der Server protokolliert jeden Abruf mit IP-Adresse, Zeitpunkt, aufgerufener "
        "Adresse, Statuscode und Browserkennung, um Störungen und Angriffe zu erkennen. Diese "
        "Protokolle werden nach 14 Tagen gelöscht.</p>",
    ),
    (
        "Ihre Rechte",
        "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
        "Verarbeitung sowie auf Widerspruch (Art. 15 bis 21 DSGVO). Schreiben Sie dazu an "
        "redaktion@wissensboerse.example. Sie können sich außerdem bei der oder dem "
        "Bundesbeauftragten für den Datenschutz und die Informationsfreiheit beschweren.</p>",
    ),
]

EASY_LANGUAGE_SECTIONS: list[tuple[str | None, str]] = [
    (
        "Was ist die Wissensbörse?",
        "<p>Die Wissensbörse ist eine Internet-Seite.</p>"
        "<p>Hier tauschen Menschen aus Jobcentern Wissen aus.</p>"
        "<p>Ein Jobcenter ist ein Amt.</p>"
        "<p>Das Jobcenter hilft Menschen ohne Arbeit.</p>"
        "<p>Die Wissensbörse gehört zu den <b>Netzwerken ABC</b>.</p>"
        "<p>Ein Netzwerk ist eine Gruppe.</p>"
        "<p>In der Gruppe arbeiten viele Stellen zusammen.</p>"
        "<p>Zum Beispiel: das Jobcenter, die Stadt und die Schulden-Beratung.</p>",
    ),
    (
        "Für wen ist die Wissensbörse?",
        "<p>Die Wissensbörse ist für Menschen, die in einem Jobcenter arbeiten.</p>"
        "<p>Und für Menschen, die mit einem Jobcenter zusammen-arbeiten.</p>"
        "<p>Alle anderen können viele Seiten auch lesen.</p>",
    ),
    (
        "Was finden Sie hier?",
        "<p>Sie finden <b>Praxis-Beispiele</b>.</p>"
        "<p>Ein Praxis-Beispiel zeigt: So hat ein Jobcenter ein Problem gelöst.</p>"
        "<p>Sie finden das Magazin <b>chancen</b>.</p>"
        "<p>Ein Magazin ist wie eine Zeitschrift.</p>"
        "<p>Sie finden <b>Handlungs-Hilfen</b>.</p>"
        "<p>Eine Handlungs-Hilfe erklärt Schritt für Schritt, wie man etwas macht.</p>"
        "<p>Es gibt auch ein <b>Forum</b>.</p>"
        "<p>Im Forum schreiben Mitarbeitende einander Fragen und Antworten.</p>",
    ),
    (
        "Wie suchen Sie etwas?",
        "<p>Oben auf jeder Seite ist ein Such-Feld.</p>"
        "<p>Schreiben Sie ein Wort in das Such-Feld.</p>"
        "<p>Zum Beispiel: Sucht-Beratung.</p>"
        "<p>Drücken Sie dann auf <b>Suchen</b>.</p>"
        "<p>Dann sehen Sie alle Seiten zu diesem Wort.</p>",
    ),
    (
        "Wie bekommen Sie ein Benutzer-Konto?",
        "<p>Für das Forum brauchen Sie ein Benutzer-Konto.</p>"
        "<p>Mit einem Benutzer-Konto können Sie sich anmelden.</p>"
        "<p>Anmelden heißt: Sie schreiben Ihren Namen und Ihr Passwort.</p>"
        "<p>Ein Passwort ist ein geheimes Wort.</p>"
        "<p>Ein Konto bekommen nur Menschen aus den Netzwerken.</p>"
        "<p>Schreiben Sie dafür eine E-Mail an die Redaktion.</p>",
    ),
    (
        "Wen können Sie fragen?",
        "<p>Die Redaktion hilft Ihnen.</p>"
        "<p>Die Redaktion sind die Menschen, die die Wissensbörse machen.</p>"
        "<p>Die E-Mail-Adresse ist: redaktion@wissensboerse.example</p>"
        "<p>Ist etwas auf der Wissensbörse schwer für Sie?</p>"
        "<p>Dann sagen Sie es uns bitte.</p>"
        '<p>Dafür gibt es die Seite <a href="/barrierefreiheit/">Barrierefreiheit</a>.</p>',
    ),
]

STATEMENT = {
    "title": "Erklärung zur Barrierefreiheit",
    "intro": "Wie barrierefrei die Wissensbörse ist und wie Sie uns Barrieren melden.",
    "compliance": AccessibilityStatementPage.Compliance.PARTIAL,
    "assessment_date": date(2026, 11, 16),
    "assessment_method": (
        "Selbstbewertung mit automatischen Prüfungen (axe-core, WCAG 2.1 AA) auf jeder "
        "Seitenart in 320 und 1280 Pixel Breite und manuellen Tests mit Tastatur und "
        "Bildschirmleser"
    ),
    "statement_date": date(2026, 11, 30),
    "contact_name": "Redaktion Netzwerke ABC",
    "contact_email": "redaktion@wissensboerse.example",
    "barriers": [
        (
            "barrier",
            {
                "barrier": "Ältere PDF-Dokumente in Praxisbeispielen",
                "reason": "Einige Dokumente, die Jobcenter eingereicht haben, sind nicht "
                "barrierefrei aufbereitet (fehlende Tags und Alternativtexte).",
                "alternative": "Die Inhalte stehen auch als Text auf der Seite des "
                "Praxisbeispiels. Eine barrierefreie Fassung senden wir Ihnen auf Anfrage.",
            },
        ),
        (
            "barrier",
            {
                "barrier": "Keine Informationen in Deutscher Gebärdensprache",
                "reason": "Videos in Deutscher Gebärdensprache werden noch erstellt.",
                "alternative": "Die wichtigsten Informationen gibt es in Leichter Sprache.",
            },
        ),
    ],
}


def load_accessibility_statement(home: Page, log: Callable[[str], None]) -> Page:
    """The statement under the home page at /barrierefreiheit/, replacing the demo's earlier
    plain page there so the links to that address keep working."""
    statement = AccessibilityStatementPage.objects.first()
    if statement is not None:
        return statement
    old = home.get_children().filter(slug=STATEMENT_SLUG).first()
    if old is not None:
        old.delete()
        log("entfernt: alte Seite Barrierefreiheit")
    statement = AccessibilityStatementPage(slug=STATEMENT_SLUG, show_in_menus=False, **STATEMENT)
    home.add_child(instance=statement)
    statement.save_revision().publish()
    log(f"angelegt: Seite {statement.title}")
    return statement
