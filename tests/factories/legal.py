from datetime import date

from django.utils import timezone

from cms.legal import AccessibilityFeedback, AccessibilityStatementPage, feedback_due_on


def create_accessibility_statement(home, **fields) -> AccessibilityStatementPage:
    values = {
        "title": "Erklärung zur Barrierefreiheit",
        "slug": "barrierefreiheit",
        "compliance": AccessibilityStatementPage.Compliance.PARTIAL,
        "assessment_date": date(2026, 11, 16),
        "assessment_method": "Selbstbewertung mit automatischen Prüfungen (axe-core)",
        "statement_date": date(2026, 11, 30),
        "contact_name": "Redaktion Netzwerke ABC",
        "contact_email": "redaktion@wissensboerse.example",
        "barriers": [
            (
                "barrier",
                {
                    "barrier": "Ältere PDF-Dokumente",
                    "reason": "Nicht getaggt.",
                    "alternative": "Inhalt als Text auf der Seite.",
                },
            )
        ],
    }
    values.update(fields)
    page = AccessibilityStatementPage(**values)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def create_feedback(**fields) -> AccessibilityFeedback:
    received_at = fields.pop("received_at", timezone.now())
    values = {
        "received_at": received_at,
        "due_on": feedback_due_on(timezone.localdate(received_at)),
        "description": "Der Kontrast der Schaltfläche ist zu gering.",
    }
    values.update(fields)
    return AccessibilityFeedback.objects.create(**values)
