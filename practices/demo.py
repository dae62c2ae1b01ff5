"""Demo practices and Jobcenters drawn from the source texts; safe to run again."""

from datetime import date

from django.apps import apps

from cms.access import page_set_staff_only

from .content import Figure, Partner, PracticeContent, practice_apply
from .demo_practices import MORE_JOBCENTERS, MORE_PRACTICES
from .models import (
    Bundesland,
    Jobcenter,
    PartnerType,
    PracticeIndexPage,
    PracticePage,
    PracticeStatus,
    ProcessPhase,
    TargetGroup,
    Topic,
)
from .reference import load_reference_data, term_slug

# Coordinates: the town centre (Kassel: Königsplatz; Görlitz: Postplatz).
JOBCENTERS = [
    ("Jobcenter EN", "jobcenter-en", "NW", "gE", "Schwelm", "51.29667", "7.29389"),
    (
        "Integrationscenter für Arbeit Gelsenkirchen",
        "iag-gelsenkirchen",
        "NW",
        "gE",
        "Gelsenkirchen",
        "51.50508",
        "7.09654",
    ),
    ("Jobcenter Dortmund", "jobcenter-dortmund", "NW", "gE", "Dortmund", "51.51494", "7.46600"),
    (
        "Jobcenter Stadt Kassel",
        "jobcenter-stadt-kassel",
        "HE",
        "gE",
        "Kassel",
        "51.31563",
        "9.49684",
    ),
    (
        "Jobcenter Landkreis Görlitz",
        "jobcenter-landkreis-goerlitz",
        "SN",
        "zkT",
        "Görlitz",
        "51.15282",
        "14.98763",
    ),
    # Neighbours of the Ennepe-Ruhr-Kreis, the service areas of demo offers near Schwelm.
    ("Jobcenter Hagen", "jobcenter-hagen", "NW", "gE", "Hagen", "51.35940", "7.47470"),
    ("Jobcenter Wuppertal", "jobcenter-wuppertal", "NW", "zkT", "Wuppertal", "51.25620", "7.15080"),
    ("Jobcenter Bochum", "jobcenter-bochum", "NW", "gE", "Bochum", "51.48180", "7.21620"),
]

PRACTICES = [
    {
        "slug": "joboffensive-gelsenkirchen",
        "title": "Joboffensive Gelsenkirchen",
        "teaser": (
            "19 zusätzliche Vermittlungskräfte betreuen 1.900 marktnahe Kundinnen und Kunden "
            "mit einem Betreuungsschlüssel von 1:100 – intensiver, persönlicher und mit direkten "
            "Arbeitgeberkontakten."
        ),
        "jobcenters": ["iag-gelsenkirchen"],
        "status": "laufend",
        "start": date(2019, 3, 1),
        "end": None,
        "topics": ["Arbeitgeberservice", "Beratung und Coaching", "Mobilität"],
        "target_groups": [
            "Langzeitarbeitslose",
            "Alleinerziehende",
            "Ältere",
            "Geringqualifizierte",
            "Menschen mit Migrationsgeschichte",
        ],
        "phases": ["Beratung & Kooperationsplanung", "Maßnahmedurchführung"],
        "partners": [
            ("Kommune", "Stadt Gelsenkirchen"),
            ("Agentur für Arbeit", "Agentur für Arbeit Gelsenkirchen"),
            ("Arbeitgeber", "Arbeitgeber der Emscher-Lippe-Region"),
        ],
        "figures": [
            ("Teilnehmende", "1.900", "während der Projektlaufzeit"),
            ("Betreuungsschlüssel", "1:100", ""),
            ("zusätzliche Vermittlungskräfte", "19", ""),
            ("Kontakte pro Monat", "bis zu 4", "je Kundin bzw. Kunde"),
        ],
        "sections": {
            "situation": (
                "Trotz leichter konjunktureller Abkühlung werden Fachkräfte händeringend "
                "gesucht. Die Möglichkeiten für Leistungsberechtigte im SGB II sind so gut wie "
                "nie – wenn sie richtig genutzt und aktiviert werden."
            ),
            "goals": (
                "Insgesamt 1.900 ausgesuchte marktnahe Kundinnen und Kunden so effektiv betreuen, "
                "dass möglichst viele in sozialversicherungspflichtige Beschäftigung vermittelt "
                "werden – nachhaltig und existenzsichernd, nicht „Masse statt Klasse“."
            ),
            "approach": (
                "19 zusätzliche Arbeitsvermittlungskräfte haben durch die bessere "
                "Betreuungsrelation (1:100) mehr Zeit für ihre Kundinnen und Kunden. Direkte "
                "Arbeitgeberkontakte, die Erweiterung fachlicher und beruflicher Flexibilität, "
                "die Verbesserung der räumlichen Mobilität und die Arbeit an einer realistischen "
                "Selbsteinschätzung gehören dazu.\n\nSchnellere Kommunikationswege wie E-Mail "
                "erleichtern den Kontakt."
            ),
            "results": (
                "Durch die verbesserte Berater-Kunden-Relation sind bis zu vier Kontakte pro "
                "Monat möglich; die Beratung wird persönlicher und vertrauensvoller. Die ersten "
                "Kundinnen und Kunden äußerten sich sehr positiv."
            ),
            "success_factors": (
                "Abstimmung der Ziele mit den Trägern Stadt und Arbeitsagentur; Unterstützung "
                "durch die Sozialdezernentin; gemessen wird an der Nachhaltigkeit der "
                "Beschäftigung, nicht an der Zahl der Integrationen."
            ),
            "transferability": (
                "Die Idee stammt aus der „Berliner Joboffensive“ (seit Juni 2011 rund 18.000 "
                "zusätzliche Integrationen) und wurde auf weitere Regionen übertragen."
            ),
        },
        "contact": ("Thorsten Kempowski", "Projektleiter", "joboffensive@iag.example", ""),
        "staff_only": False,
    },
    {
        "slug": "kooperationsvereinbarung-jobcenter-en",
        "title": "Kooperationsvereinbarung Jobcenter EN und Agentur für Arbeit Hagen",
        "teaser": (
            "Schriftlich fixierte Regeln für die Zusammenarbeit: Jugendliche unter 25 werden "
            "gemeinsam betreut, und wer vom Arbeitslosengeld I ins Bürgergeld wechselt, wird "
            "früh informiert und ohne Unterbrechung weiter begleitet."
        ),
        "jobcenters": ["jobcenter-en"],
        "status": "ins Regelgeschäft überführt",
        "start": date(2018, 6, 1),
        "end": None,
        "topics": ["Übergänge/Rechtskreiswechsel", "Netzwerkarbeit", "Beratung und Coaching"],
        "target_groups": ["Jugendliche unter 25", "Langzeitarbeitslose"],
        "phases": ["Beratung & Kooperationsplanung", "Übergabe/Aufnahme beim Träger"],
        "partners": [
            ("Agentur für Arbeit", "Agentur für Arbeit Hagen"),
            ("Kommune", "Ennepe-Ruhr-Kreis"),
            ("Kommune", "Bildungsbüro des Ennepe-Ruhr-Kreises"),
        ],
        "figures": [
            ("Informationsveranstaltungen", "2 pro Monat", "in Gevelsberg und Witten"),
            ("Einzelberatung", "≤ 4 Wochen", "nach der Gruppenveranstaltung"),
            ("Vorlauf", "3 Monate", "vor Ende des Arbeitslosengeld-I-Bezugs"),
        ],
        "sections": {
            "situation": (
                "Verantwortlichkeiten von Agentur für Arbeit und Jobcenter sind getrennt. Bei "
                "der Betreuung von Jugendlichen und beim Übergang von der Arbeitslosenversicherung "
                "in die Grundsicherung gibt es aber Überschneidungen und gemeinsame Baustellen."
            ),
            "goals": (
                "Erwerbsfähige Jugendliche unter 25 intensiv und individuell betreuen, ihnen "
                "einen schnellen Berufseinstieg ermöglichen und Parallelstrukturen vermeiden. "
                "Ein Rechtskreiswechsel darf die Vermittlungs- und Integrationsbemühungen nicht "
                "unterbrechen."
            ),
            "approach": (
                "Zweimal pro Monat informieren eine Vermittlungsfachkraft der Agentur und ein "
                "Integrationscoach des Jobcenters Menschen, deren Arbeitslosengeld I in gut drei "
                "Monaten endet. Innerhalb von vier Wochen folgen Einzelberatungen.\n\nKommt es "
                "zum Wechsel, stimmen Agentur und Jobcenter sich zeitnah ab und tauschen "
                "Unterlagen umgehend aus. Für komplexe, rechtskreisübergreifende Fälle gibt es "
                "ein Einzelfallmanagement."
            ),
            "success_factors": (
                "Miteinander statt Nebeneinander: nicht der Ansatz ist neu, sondern die "
                "schriftlich fixierten Regeln. Bewährte Zusammenarbeit mit Unternehmen, Städten "
                "und dem Bildungsbüro des Kreises."
            ),
            "transferability": (
                "Die Vereinbarung lässt sich auf jede Region übertragen, in der Agentur und "
                "Jobcenter gemeinsame Zielgruppen betreuen; die Gespräche über weitere "
                "Schnittstellen gehen weiter."
            ),
        },
        "contact": ("Heiner Dürwald", "Leiter Jobcenter EN", "kontakt@jobcenter-en.example", ""),
        "staff_only": False,
    },
    {
        "slug": "suchtberatung-sprechstunde-dortmund",
        "title": "Offene Sprechstunde der Suchtberatung im Jobcenter",
        "teaser": (
            "Einmal pro Woche berät die kommunale Suchtberatung direkt im Jobcenter – "
            "niedrigschwellig, anonym und mit kurzen Wegen zur Integrationsfachkraft."
        ),
        "jobcenters": ["jobcenter-dortmund"],
        "status": "laufend",
        "start": date(2021, 1, 15),
        "end": None,
        "topics": ["Sucht", "Gesundheit", "Netzwerkarbeit"],
        "target_groups": ["Langzeitarbeitslose", "Bedarfsgemeinschaften"],
        "phases": ["Beratung & Kooperationsplanung"],
        "partners": [
            ("Suchtberatung", "Kommunale Suchtberatung"),
            ("Krankenkasse", "AOK NordWest"),
        ],
        "figures": [
            ("Sprechstunden", "1 pro Woche", ""),
            ("Beratene Personen", "140", "im ersten Jahr"),
        ],
        "sections": {
            "situation": (
                "Suchterkrankungen sind ein häufiges, oft verschwiegenes Vermittlungshemmnis. "
                "Der Weg zur Beratungsstelle ist für viele Kundinnen und Kunden zu weit."
            ),
            "approach": (
                "Die Suchtberatung bietet eine wöchentliche Sprechstunde in einem Beratungsraum "
                "des Jobcenters an. Integrationsfachkräfte können mit Einverständnis der Kundin "
                "oder des Kunden direkt einen Termin vereinbaren."
            ),
            "pitfalls": (
                "Datenschutz und Freiwilligkeit müssen klar geregelt sein: Die Suchtberatung "
                "gibt ohne Einwilligung keine Informationen an das Jobcenter weiter."
            ),
        },
        "contact": (
            "Team Netzwerkarbeit",
            "Jobcenter Dortmund",
            "netzwerk@jobcenter-do.example",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "schuldnerberatung-fallkonferenzen-kassel",
        "title": "Gemeinsame Fallkonferenzen mit der Schuldnerberatung",
        "teaser": (
            "Jobcenter und Schuldnerberatung besprechen komplexe Fälle monatlich gemeinsam – "
            "ein internes Arbeitsmodell, das nur für Netzwerkmitarbeitende sichtbar ist."
        ),
        "jobcenters": ["jobcenter-stadt-kassel"],
        "status": "Erprobung",
        "start": date(2024, 9, 1),
        "end": date(2026, 8, 31),
        "topics": ["Schulden", "Beratung und Coaching"],
        "target_groups": ["Bedarfsgemeinschaften", "Alleinerziehende"],
        "phases": ["Beratung & Kooperationsplanung", "Maßnahmedurchführung"],
        "partners": [("Schuldnerberatung", "Schuldner- und Insolvenzberatung der Diakonie")],
        "figures": [("Fallkonferenzen", "12 pro Jahr", "")],
        "sections": {
            "approach": (
                "Einmal im Monat stellen Integrationsfachkräfte anonymisiert Fälle vor, in denen "
                "Schulden die Arbeitsaufnahme blockieren; die Schuldnerberatung schlägt nächste "
                "Schritte vor."
            ),
        },
        "contact": ("Maria Schulz", "Integrationsfachkraft", "", ""),
        "staff_only": True,
    },
]

# The rest of the network, one or more practices in every Land.
JOBCENTERS += MORE_JOBCENTERS
PRACTICES += MORE_PRACTICES


def load_jobcenters(log) -> None:
    """The demo Jobcenters; a Jobcenter made before it had coordinates gets them now."""
    load_reference_data(apps.get_model)
    lands = {land.code: land for land in Bundesland.objects.all()}
    for name, slug, land, form, town, lat, lon in JOBCENTERS:
        jobcenter, created = Jobcenter.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "bundesland": lands[land],
                "form": form,
                "town": town,
                "latitude": lat,
                "longitude": lon,
            },
        )
        if created:
            log(f"angelegt: Jobcenter {name}")
        elif jobcenter.latitude is None and jobcenter.longitude is None:
            jobcenter.latitude, jobcenter.longitude = lat, lon
            jobcenter.save(update_fields=["latitude", "longitude"])
            log(f"ergänzt: Koordinaten des Jobcenters {name}")


def load_practices(log) -> None:
    load_reference_data(apps.get_model)
    index = PracticeIndexPage.objects.first()
    if index is None:
        log("übersprungen: keine Praxisbeispiel-Übersicht vorhanden")
        return
    load_jobcenters(log)

    existing = set(index.get_children().values_list("slug", flat=True))
    for spec in PRACTICES:
        if spec["slug"] in existing:
            continue
        _create_practice(index, spec)
        log(f"angelegt: Praxisbeispiel {spec['title']}")


def _terms(model, names):
    return list(model.objects.filter(slug__in=[term_slug(name) for name in names]))


def _create_practice(index: PracticeIndexPage, spec: dict) -> PracticePage:
    page = PracticePage(slug=spec["slug"])
    practice_apply(page, content=demo_content(spec))
    index.add_child(instance=page)
    if spec["staff_only"]:
        page_set_staff_only(page, True)
    page.save_revision().publish()
    return page


def demo_content(spec: dict) -> PracticeContent:
    """A demo practice's spec as practice content."""
    partner_types = {term.name: term for term in PartnerType.objects.all()}
    name, function, email, phone = spec["contact"]
    return PracticeContent(
        title=spec["title"],
        teaser=spec["teaser"],
        jobcenters=list(Jobcenter.objects.filter(slug__in=spec["jobcenters"])),
        start_date=spec["start"],
        end_date=spec["end"],
        status=PracticeStatus.objects.get(slug=term_slug(spec["status"])),
        topics=_terms(Topic, spec["topics"]),
        target_groups=_terms(TargetGroup, spec["target_groups"]),
        phases=_terms(ProcessPhase, spec["phases"]),
        partners=[Partner.of(partner_types[kind], partner) for kind, partner in spec["partners"]],
        figures=[Figure(label, value, note) for label, value, note in spec["figures"]],
        sections=dict(spec["sections"]),
        contact={"name": name, "function": function, "email": email, "phone": phone},
        staff_only=spec["staff_only"],
    )
