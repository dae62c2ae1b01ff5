"""Demo content after Ausgabe 07: the magazine's Ausgabe 08 and a second Handlungshilfe.

Safe to re-run: issue, articles and guide are looked up by their slugs. The articles are dated
on their issue's publication date, so the magazine, its feed and the search tell one story.
"""

from datetime import date

from .magazine_demo import ACCENT, BRAND, GREEN, Log, _p, load_guide, load_issue
from .models import MagazineIndexPage

ISSUE = {
    "slug": "ausgabe-08",
    "title": "Ausgabe 08",
    "issue_number": 8,
    "theme": "Gesund | WEITER",
    "publication_date": date(2020, 6, 1),
    "cover_alt_text": (
        "Titelbild der Ausgabe 08 des Magazins „chancen“ mit dem Thema „Gesund | WEITER“"
    ),
    "editorial": _p(
        "Wer lange ohne Arbeit ist, wird häufiger krank – und wer krank ist, findet schwerer "
        "zurück in Arbeit. Diesen Kreislauf durchbrechen Jobcenter nicht allein.",
        "Diese Ausgabe zeigt, wie Suchtberatung, Krankenkassen und Maßnahmeträger mit den "
        "Jobcentern zusammenarbeiten: im Tandem am Beratungstisch, mit Präventionskursen im "
        "Quartier und mit Übergaben, bei denen niemand verloren geht.",
    ),
}

ARTICLES = [
    {
        "slug": "suchtberatung-im-tandem",
        "title": "Zwei an einem Tisch: Suchtberatung im Tandem",
        "authors": "Redaktion Netzwerke ABC",
        "teaser": (
            "In der Region Hannover sitzen Integrationsfachkraft und Suchtberaterin gemeinsam "
            "am Tisch, wenn Alkohol oder Tabletten die Arbeitsaufnahme blockieren. Ein Besuch "
            "bei einem Modell, das ins Regelgeschäft gewechselt ist."
        ),
        "image_text": "Tandem",
        "image_alt": "Grafik mit dem Schriftzug „Tandem“ auf blauem Grund",
        "caption": "Freiwillig, vertraulich, auf Augenhöhe: das Tandemgespräch.",
        "credit": "Redaktion Netzwerke ABC",
        "topics": ["Sucht", "Gesundheit", "Beratung und Coaching"],
        "target_groups": ["Langzeitarbeitslose"],
        "lands": ["NI"],
        "practice": "suchtberatung-tandem-hannover",
        "body": [
            (
                "paragraph",
                _p(
                    "Über Sucht spricht im Jobcenter niemand gern – weder die Kundinnen und "
                    "Kunden noch die Fachkräfte. Oft zeigt sie sich nur indirekt: verpasste "
                    "Termine, abgebrochene Maßnahmen, ein Geruch im Beratungszimmer.",
                    "Das Jobcenter Region Hannover hat deshalb mit der Fachstelle für Sucht und "
                    "Suchtprävention ein Tandemmodell vereinbart. Wer möchte, führt ein "
                    "gemeinsames Gespräch mit Integrationsfachkraft und Suchtberaterin.",
                ),
            ),
            ("heading", {"text": "Motivation statt Druck", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "Im Tandemgespräch geht es nicht um Pflichten. Nach den Grundsätzen der "
                    "motivierenden Gesprächsführung vereinbaren die drei Ziele, die die Kundin "
                    "oder der Kunde selbst für erreichbar hält – vom ersten Termin in der "
                    "Beratungsstelle bis zur Entgiftung.",
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Wir haben gelernt, Beobachtungen auszusprechen, ohne zu urteilen. Seitdem "
                        "erzählen uns die Menschen viel früher, was los ist."
                    ),
                    "attribution": "Birte Lüders, Fachkoordinatorin Gesundheit",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Das Tandem in Zahlen",
                    "facts": [
                        {"value": "≈ 250", "label": "Tandemgespräche pro Jahr"},
                        {"value": "§ 16a", "label": "Suchtberatung als kommunale Leistung"},
                        {"value": "alle", "label": "Fachkräfte geschult"},
                    ],
                    "note": "Stand: Frühjahr 2020",
                },
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Schweigepflicht klären",
                    "text": _p(
                        "Eine Schweigepflichtentbindung gilt nur für den vereinbarten Zweck und "
                        "kann jederzeit widerrufen werden. Sagen Sie das im Gespräch ausdrücklich."
                    ),
                    "link_page": None,
                    "link_url": "",
                    "link_text": "",
                },
            ),
        ],
    },
    {
        "slug": "gesundheit-foerdern-im-quartier",
        "title": "Gesundheit fördern, wo Menschen leben",
        "authors": "Deborrah Triantafyllidis",
        "teaser": (
            "Bewegung, Stressbewältigung, Rauchstopp: In Wuppertal finanzieren die Krankenkassen "
            "gemeinsam Kurse für Leistungsberechtigte. Die Bergische Universität hat gemessen, "
            "was sie bewirken."
        ),
        "image_text": "Gesund",
        "image_alt": "Grafik mit dem Schriftzug „Gesund“ auf grünem Grund",
        "caption": "Präventionskurse im Stadtteil statt in der Reha-Klinik.",
        "credit": "Redaktion Netzwerke ABC",
        "topics": ["Gesundheit", "Netzwerkarbeit"],
        "target_groups": ["Langzeitarbeitslose", "Ältere"],
        "lands": ["NW"],
        "practice": "gesundheitsfoerderung-krankenkasse-wuppertal",
        "body": [
            (
                "paragraph",
                _p(
                    "Arbeitslosigkeit macht krank, und Krankheit verlängert die "
                    "Arbeitslosigkeit. Die Präventionsangebote der Krankenkassen erreichten "
                    "Leistungsberechtigte bisher kaum: zu teuer, zu weit weg, zu unbekannt.",
                    "In Wuppertal sprechen Integrationsfachkräfte Gesundheit deshalb im "
                    "Beratungsgespräch an – freiwillig und ohne Folgen für die Leistungen.",
                ),
            ),
            ("heading", {"text": "Kurse, die zum Alltag passen", "level": "h2"}),
            (
                "markdown",
                "Die Krankenkassen finanzieren gemeinsam:\n\n"
                "- Bewegungskurse in Stadtteilzentren\n"
                "- Stressbewältigung und Entspannung\n"
                "- Ernährungsberatung mit kleinem Budget\n"
                "- Rauchentwöhnung in der Gruppe\n",
            ),
            (
                "paragraph",
                _p(
                    "Die Bergische Universität hat das Modell drei Jahre lang begleitet. Die "
                    "Teilnehmenden schätzen ihre Gesundheit danach besser ein und nehmen "
                    "häufiger an weiteren Angeboten teil – auch an Maßnahmen des Jobcenters.",
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Gesundheit ist kein Vermittlungshemmnis, das man abhakt. Sie ist der "
                        "Anfang von allem anderen."
                    ),
                    "attribution": "Michael Schmitz, Gesundheitskoordinator",
                },
            ),
        ],
    },
    {
        "slug": "warme-uebergabe-marburg-biedenkopf",
        "title": "Übergabebogen statt Aktenzeichen",
        "authors": "Redaktion Netzwerke ABC",
        "teaser": (
            "Im Landkreis Marburg-Biedenkopf lernen Maßnahmeträger ihre Teilnehmenden nicht "
            "mehr als Nummer kennen: Ein zweiseitiger Übergabebogen und ein Dreiergespräch "
            "senkten die Zahl der Nichtantritte um 40 Prozent."
        ),
        "image_text": "Übergabe",
        "image_alt": "Grafik mit dem Schriftzug „Übergabe“ auf orangem Grund",
        "caption": "Jobcenter, Träger und Teilnehmende an einem Tisch.",
        "credit": "Redaktion Netzwerke ABC",
        "topics": ["Netzwerkarbeit", "Beratung und Coaching"],
        "target_groups": ["Langzeitarbeitslose", "Geringqualifizierte"],
        "lands": ["HE"],
        "practice": "uebergabebogen-warme-uebergabe-marburg-biedenkopf",
        "body": [
            (
                "paragraph",
                _p(
                    "Zwischen Zuweisung und erstem Maßnahmetag ging früher viel verloren. Die "
                    "Träger erhielten einen Namen und eine Maßnahmenummer, die Teilnehmenden "
                    "mussten ihre Geschichte noch einmal erzählen – wenn sie überhaupt kamen.",
                ),
            ),
            ("heading", {"text": "Was in den Bogen gehört", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "Integrationsfachkraft und Teilnehmende füllen den Übergabebogen gemeinsam "
                    "aus: Ziele, Stärken, Rahmenbedingungen wie Kinderbetreuung und Arbeitsweg. "
                    "Was der Träger erfährt, entscheidet die Person selbst. In der ersten Woche "
                    "folgt ein Dreiergespräch.",
                ),
            ),
            (
                "fact_box",
                {
                    "title": "Die warme Übergabe",
                    "facts": [
                        {"value": "2 Seiten", "label": "Übergabebogen"},
                        {"value": "1 Woche", "label": "bis zum Dreiergespräch"},
                        {"value": "−40 %", "label": "Nichtantritte"},
                    ],
                    "note": "",
                },
            ),
            (
                "paragraph",
                _p(
                    "Die Idee stammt aus dem Forum „Make It Work“, in dem Jobcenter und Träger "
                    "die Prozesskette von der Beratung bis zum Absolventenmanagement "
                    "durchgegangen sind. Am Ende jeder Maßnahme schickt der Träger einen "
                    "Rückmeldebogen zurück.",
                ),
            ),
        ],
    },
]

GUIDE = {
    "slug": "uebergaenge-gut-gestalten",
    "title": "Übergänge gut gestalten: von der Beratung bis zum Absolventenmanagement",
    "audience": "Integrationsfachkräfte, Netzwerkkoordinator:innen und Maßnahmeträger",
    "summary": (
        "Wie Jobcenter und Träger die Prozesskette aus dem Forum „Make It Work“ gemeinsam "
        "gestalten: Kooperation planen, warm übergeben, die Maßnahme begleiten und nach dem "
        "Abschluss dranbleiben – mit Übergabebogen und Rückmeldebogen."
    ),
    "version_date": date(2020, 6, 15),
    "topics": ["Netzwerkarbeit", "Übergänge/Rechtskreiswechsel", "Beratung und Coaching"],
    "target_groups": ["Langzeitarbeitslose", "Geringqualifizierte"],
    "chapters": [
        (
            "Beratung und Kooperationsplanung",
            [
                (
                    "paragraph",
                    _p(
                        "Eine gute Übergabe beginnt lange vor der Zuweisung. Klären Sie mit den "
                        "Trägern, welche Informationen sie brauchen, wer Ansprechperson ist und "
                        "wie Rückmeldungen fließen.",
                        "Im Beratungsgespräch wird mit der Kundin oder dem Kunden besprochen, "
                        "was die Maßnahme leisten soll – und was nicht.",
                    ),
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Datenschutz",
                        "text": _p(
                            "Weitergegeben wird nur, was die Person freigibt. Halten Sie die "
                            "Einwilligung im Übergabebogen fest."
                        ),
                        "link_page": None,
                        "link_url": "",
                        "link_text": "",
                    },
                ),
            ],
        ),
        (
            "Übergabe und Aufnahme beim Träger",
            [
                (
                    "markdown",
                    "Ein Übergabebogen passt auf zwei Seiten:\n\n"
                    "1. Ziele der Teilnehmenden, in ihren eigenen Worten\n"
                    "2. Stärken und bisherige Erfahrungen\n"
                    "3. Rahmenbedingungen: Kinderbetreuung, Arbeitsweg, Gesundheit\n"
                    "4. Ansprechpersonen im Jobcenter und beim Träger\n",
                ),
                (
                    "paragraph",
                    _p(
                        "In der ersten Woche lädt der Träger zu einem Dreiergespräch ein. So "
                        "lernen sich alle kennen, und niemand muss seine Geschichte dreimal "
                        "erzählen."
                    ),
                ),
            ],
        ),
        (
            "Maßnahmedurchführung",
            [
                (
                    "paragraph",
                    _p(
                        "Vereinbaren Sie feste Zeitpunkte für kurze Rückmeldungen, etwa nach "
                        "vier und nach acht Wochen. Droht ein Abbruch, telefonieren Träger und "
                        "Integrationsfachkraft sofort – nicht erst im Abschlussbericht."
                    ),
                ),
                (
                    "fact_box",
                    {
                        "title": "Bewährte Rhythmen",
                        "facts": [
                            {"value": "Woche 1", "label": "Dreiergespräch"},
                            {"value": "Woche 4 und 8", "label": "kurze Rückmeldung"},
                            {"value": "letzte Woche", "label": "Rückmeldebogen"},
                        ],
                        "note": "",
                    },
                ),
            ],
        ),
        (
            "Absolventenmanagement",
            [
                (
                    "paragraph",
                    _p(
                        "Nach der Maßnahme entscheidet sich, ob sie gewirkt hat. Der "
                        "Rückmeldebogen des Trägers fließt in das Abschlussgespräch ein; "
                        "Peer-Mentorinnen und -Mentoren oder ein Coaching nach der "
                        "Arbeitsaufnahme halten den Kontakt.",
                        "Teilen Sie Ihre Vorlagen als Praxisbeispiel in der Wissensbörse, damit "
                        "andere Jobcenter nicht bei null anfangen.",
                    ),
                ),
            ],
        ),
    ],
}


def load_more_magazine(log: Log) -> None:
    index = MagazineIndexPage.objects.first()
    if index is not None:
        load_issue(
            index, ISSUE, ARTICLES, cover_colour=ACCENT, colours=[GREEN, BRAND, ACCENT], log=log
        )
    load_guide(log, GUIDE)
