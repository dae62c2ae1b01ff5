"""Demo events: the "Make It Work" Fachveranstaltung with its forum (seed 002) and an upcoming
Regionaltreffen NRW. Idempotent: everything is found by its slug before it is created.

The proposal boards of both are ``events.demo_boards``' job; it finds the sessions by the event
slugs and session titles below.
"""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from cms.models import HomePage
from practices.models import Bundesland

from .models import EventIndexPage, EventPage, EventSession, SessionKind

INDEX_SLUG = "veranstaltungen"
CONFERENCE_SLUG = "fachveranstaltung-make-it-work"
REGIONAL_SLUG = "regionaltreffen-nrw"
FORUM_TITLE = (
    "Forum 1 – Mehr Wirkung durch Kooperation – das Konzept des Arbeitsmarktpolitischen Dreiecks"
)
REGIONAL_SESSION_TITLE = "Themen für das Regionaltreffen"
SOLUTIONS_TITLE = "Lösungsvorschläge – Forum 1 „Mehr Wirkung durch Kooperation“"

BERZEL = {
    "name": "Dr. Alexander Berzel",
    "function": "Referent im Referat „Hessische Arbeitsmarktförderung“",
    "organisation": "Hessisches Ministerium für Arbeit, Integration, Jugend und Soziales",
}
ENGLER = {
    "name": "Dr. Fabian Engler",
    "function": "wissenschaftlicher Mitarbeiter im Bereich Arbeitsmarktpolitikforschung",
    "organisation": "Gesellschaft für Wirtschaft, Arbeit und Kultur e.V. (GEWAK)",
}
WIESMANN = {
    "name": "Frau Wiesmann",
    "function": "wissenschaftliche Mitarbeiterin im Fachbereich Sozialwesen",
    "organisation": "Hochschule Fulda",
}

# The seed's protocol, condensed without adding anything.
FORUM_PROTOCOL = (
    "<h3>Das arbeitsmarktpolitische Dreieck in Hessen</h3>"
    "<p>Dr. Alexander Berzel (Hessisches Ministerium für Arbeit, Integration, Jugend und "
    "Soziales) stellte vor, wie die Wirkung der rechtskreisoffenen regionalen Arbeitsförderung "
    "gesteigert werden kann. Die hessische Landesförderung schafft mit ergänzenden Programmen "
    "Experimentierräume. Im Projekt „Make It Work“ werden Hürden und Erfolgsfaktoren einer "
    "wirksamen regionalen Kooperation ermittelt – zwischen Jobcentern, Bildungs- und "
    "Qualifizierungsträgern und den Teilnehmenden: dem arbeitsmarktpolitischen Dreieck.</p>"
    "<p>Die Teilnehmenden des Forums nannten gute Beispiele für Kommunikation zwischen den "
    "Partnern und für eine gemeinsame Planung von Trägern, Jobcentern und Arbeitgebern. Als "
    "Herausforderungen wurden die Anreise zum Träger genannt, die Unterrepräsentation "
    "behinderter Menschen in den Maßnahmen und die Rolle der Träger, wenn sie nur als "
    "Dienstleister mit Vorgaben gesehen werden, während der Maßnahme aber stärkere Bedarfe "
    "sichtbar werden und sie zusätzlich als Alltagshelfer wirken. Offen blieb, wie Coaching "
    "ausgerichtet sein soll und wie kleine, qualitative Erfolge sichtbar werden. Vorschlag: "
    "qualitative Erfolgskriterien mit den Partnern abstimmen.</p>"
    "<h3>Wirkungen im Fokus: das Projekt „Make It Work“</h3>"
    "<p>Dr. Fabian Engler (GEWAK) und Frau Wiesmann (Hochschule Fulda) beleuchteten die "
    "Beziehungen im Dreieck und die Vorteile der Kooperation. Entlang der Prozesskette der "
    "Arbeitsförderung benannten sie die kritischen Punkte: Beratung und Kooperation, Übergabe "
    "und Aufnahme beim Träger, Maßnahmedurchführung und Absolventenmanagement. Die von den "
    "Projektteilnehmenden erarbeiteten Lösungsvorschläge wurden im Forum besprochen, ergänzt "
    "und mit Punkten auf ihre Umsetzbarkeit bewertet.</p>"
    "<p>Die meisten Punkte erhielten das Peer-Mentoring, bei dem erfolgreiche ehemalige "
    "Teilnehmende ihre Erfahrungen teilen, und ein qualitativer Rückmeldebogen im "
    "Absolventenmanagement. Mehrfach positiv bewertet wurden regelmäßige Feedbacks zwischen "
    "Träger und Jobcenter während der Maßnahme und ein gutes Nachbetreuungssystem. Hervorgehoben "
    "wurden außerdem die Kontinuität der Ansprechpartner:innen, die gemeinsame Planung von "
    "Trägern, Jobcentern und Arbeitgebern, die Einbeziehung der Behindertenbeauftragten, eine "
    "Angebotsdatenbank oder -suchmaschine für Jobcenter-Mitarbeitende, Schnuppertage, ein "
    "Einführungs- und Orientierungstag und aufsuchende Arbeit.</p>"
)


def _local(day, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a few lines of text (Latin-1 only, Helvetica): enough for a demo
    attachment, without a PDF library."""
    text = ["BT", "/F1 14 Tf", "72 770 Td", "18 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text.append(f"({escaped}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _solutions_document():
    document_model = get_document_model()
    document = document_model.objects.filter(title=SOLUTIONS_TITLE).first()
    if document is None:
        content = _pdf(
            [
                "Forum 1 - Mehr Wirkung durch Kooperation",
                "Lösungsvorschläge entlang der Prozesskette",
                "1 Beratung & Kooperationsplanung",
                "2 Übergabe / Aufnahme beim Träger",
                "3 Maßnahmedurchführung",
                "4 Absolventenmanagement",
            ]
        )
        document = document_model(title=SOLUTIONS_TITLE)
        document.file.save("loesungsvorschlaege-forum-1.pdf", ContentFile(content), save=False)
        # Size and hash, as an upload through the admin records them.
        document._set_document_file_metadata()
        document.save()
    return document


def _index(log) -> EventIndexPage | None:
    index = EventIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.first()
    if home is None:
        log("übersprungen: Veranstaltungen (keine Startseite)")
        return None
    index = EventIndexPage(
        title="Veranstaltungen",
        slug=INDEX_SLUG,
        intro="<p>Fachveranstaltungen, Werkstattgespräche und Regionaltreffen der Netzwerke "
        "ABC – mit Programm, Dokumentation und den Vorschlägen aus den Foren.</p>",
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    log("angelegt: Seite Veranstaltungen")
    return index


def _event(index, log, *, slug: str, sessions: list[dict], **fields) -> EventPage:
    event = EventPage.objects.filter(slug=slug).first()
    if event is not None:
        log(f"vorhanden: Veranstaltung {event.title}")
        return event
    event = EventPage(slug=slug, **fields)
    event.sessions = [EventSession(**session) for session in sessions]
    index.add_child(instance=event)
    event.save_revision().publish()
    log(f"angelegt: Veranstaltung {event.title}")
    return event


def load_events(log) -> None:
    index = _index(log)
    if index is None:
        return
    # A fixed day in the past: the forum's documentation describes what happened.
    day = datetime(2026, 10, 8).date()
    solutions = _solutions_document()
    _event(
        index,
        log,
        slug=CONFERENCE_SLUG,
        title="Fachveranstaltung „Make It Work – Wirkung durch Kooperation“",
        event_type="fachveranstaltung",
        teaser="Wie Jobcenter, Träger und Teilnehmende im arbeitsmarktpolitischen Dreieck "
        "wirksamer zusammenarbeiten: Impulse aus Hessen, Ergebnisse des Projekts „Make It "
        "Work“ und Lösungsvorschläge aus dem Forum.",
        start=_local(day, 10),
        end=_local(day, 16),
        venue="Tagungszentrum",
        address="Frankfurt am Main",
        bundesland=Bundesland.objects.filter(code="HE").first(),
        organiser="Netzwerke ABC",
        description="<p>Die Fachveranstaltung widmete sich der regionalen Kooperation in der "
        "Arbeitsförderung. Im Forum 1 ging es um das Konzept des arbeitsmarktpolitischen "
        "Dreiecks.</p>",
        documentation="<p>Das Forum 1 bewertete die Lösungsvorschläge aus dem Projekt „Make It "
        "Work“ mit einer Punktabfrage an der Pinnwand; die Vorschläge und ihre Punkte stehen "
        "auf der Seite „Vorschläge und Punktabfrage“ des Forums.</p>",
        participants=24,
        organisations=15,
        sessions=[
            {
                "title": FORUM_TITLE,
                "kind": SessionKind.FORUM,
                "start": _local(day, 10, 30),
                "end": _local(day, 12, 30),
                "room": "Forum 1",
                "description": "Vortrag „Arbeitsmarktpolitisches Dreieck in Hessen“ (Dr. "
                "Alexander Berzel) und Vortrag „Wirkungen im Fokus“ zum Projekt „Make It "
                "Work“ (Dr. Fabian Engler, Frau Wiesmann), anschließend Diskussion und "
                "Punktabfrage.",
                "speakers": [("speaker", BERZEL), ("speaker", ENGLER), ("speaker", WIESMANN)],
                "protocol": FORUM_PROTOCOL,
                "attachments": [("document", solutions)],
            }
        ],
    )
    start = timezone.localdate() + timedelta(weeks=4)
    _event(
        index,
        log,
        slug=REGIONAL_SLUG,
        title="Regionaltreffen NRW",
        event_type="regionaltreffen",
        teaser="Austausch der Netzwerke in Nordrhein-Westfalen: Was nehmen wir aus dem Forum "
        "„Mehr Wirkung durch Kooperation“ mit? Themen können vorab vorgeschlagen und mit "
        "Punkten gewichtet werden.",
        start=_local(start, 10),
        end=_local(start, 15),
        venue="Jobcenter Dortmund, Konferenzraum",
        address="Dortmund",
        bundesland=Bundesland.objects.filter(code="NW").first(),
        organiser="Netzwerke ABC, Region NRW",
        sessions=[
            {
                "title": REGIONAL_SESSION_TITLE,
                "kind": SessionKind.WORKSHOP,
                "start": _local(start, 10, 15),
                "end": _local(start, 11, 30),
                "room": "Konferenzraum",
                "description": "Welche Themen sollen wir beim Regionaltreffen vertiefen? "
                "Schlagen Sie Themen vor und verteilen Sie Ihre Punkte.",
            }
        ],
    )
