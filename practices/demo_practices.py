"""More demo practices, so that the library shows a network at work in every Land.

Plain data in the shape of ``practices.demo.PRACTICES``; ``practices.demo`` adds them to its
own. Together they use every Land and every term of ``practices.reference``.
"""

from datetime import date

# (name, slug, Land, form, town, latitude, longitude): the town centre of the Jobcenter's seat.
MORE_JOBCENTERS = [
    ("Jobcenter Stuttgart", "jobcenter-stuttgart", "BW", "gE", "Stuttgart", "48.77845", "9.18001"),
    (
        "Kommunale Arbeitsförderung Ortenaukreis",
        "kommunale-arbeitsfoerderung-ortenaukreis",
        "BW",
        "zkT",
        "Offenburg",
        "48.47234",
        "7.94442",
    ),
    ("Jobcenter München", "jobcenter-muenchen", "BY", "gE", "München", "48.13743", "11.57549"),
    (
        "Jobcenter Nürnberg-Stadt",
        "jobcenter-nuernberg-stadt",
        "BY",
        "gE",
        "Nürnberg",
        "49.45390",
        "11.07752",
    ),
    (
        "Jobcenter Berlin Neukölln",
        "jobcenter-berlin-neukoelln",
        "BE",
        "gE",
        "Berlin",
        "52.48113",
        "13.43530",
    ),
    (
        "Jobcenter Berlin Mitte",
        "jobcenter-berlin-mitte",
        "BE",
        "gE",
        "Berlin",
        "52.52192",
        "13.41321",
    ),
    ("Jobcenter Uckermark", "jobcenter-uckermark", "BB", "zkT", "Prenzlau", "53.31674", "13.86282"),
    (
        "Jobcenter Landeshauptstadt Potsdam",
        "jobcenter-potsdam",
        "BB",
        "gE",
        "Potsdam",
        "52.39886",
        "13.06566",
    ),
    ("Jobcenter Bremen", "jobcenter-bremen", "HB", "gE", "Bremen", "53.07582", "8.80717"),
    (
        "Jobcenter Bremerhaven",
        "jobcenter-bremerhaven",
        "HB",
        "gE",
        "Bremerhaven",
        "53.53960",
        "8.58094",
    ),
    (
        "Jobcenter team.arbeit.hamburg",
        "jobcenter-team-arbeit-hamburg",
        "HH",
        "gE",
        "Hamburg",
        "53.55034",
        "9.99268",
    ),
    ("Jobcenter Rostock", "jobcenter-rostock", "MV", "gE", "Rostock", "54.08870", "12.14049"),
    ("Jobcenter Schwerin", "jobcenter-schwerin", "MV", "gE", "Schwerin", "53.62937", "11.41484"),
    (
        "Jobcenter Region Hannover",
        "jobcenter-region-hannover",
        "NI",
        "gE",
        "Hannover",
        "52.37452",
        "9.73860",
    ),
    (
        "Jobcenter Landkreis Emsland",
        "jobcenter-landkreis-emsland",
        "NI",
        "zkT",
        "Meppen",
        "52.69064",
        "7.29097",
    ),
    ("Jobcenter Mainz", "jobcenter-mainz", "RP", "gE", "Mainz", "49.99869", "8.27399"),
    (
        "Jobcenter Landkreis Südwestpfalz",
        "jobcenter-suedwestpfalz",
        "RP",
        "zkT",
        "Pirmasens",
        "49.20145",
        "7.60529",
    ),
    (
        "Jobcenter Regionalverband Saarbrücken",
        "jobcenter-regionalverband-saarbruecken",
        "SL",
        "gE",
        "Saarbrücken",
        "49.23401",
        "6.99650",
    ),
    (
        "Kommunales Jobcenter Saarpfalz-Kreis",
        "jobcenter-saarpfalz-kreis",
        "SL",
        "zkT",
        "Homburg",
        "49.32637",
        "7.33867",
    ),
    (
        "Jobcenter Halle (Saale)",
        "jobcenter-halle-saale",
        "ST",
        "gE",
        "Halle (Saale)",
        "51.48158",
        "11.97947",
    ),
    (
        "Jobcenter Landeshauptstadt Magdeburg",
        "jobcenter-magdeburg",
        "ST",
        "gE",
        "Magdeburg",
        "52.13089",
        "11.63921",
    ),
    ("Jobcenter Kiel", "jobcenter-kiel", "SH", "gE", "Kiel", "54.32329", "10.12277"),
    (
        "Jobcenter Nordfriesland",
        "jobcenter-nordfriesland",
        "SH",
        "zkT",
        "Husum",
        "54.47396",
        "9.05143",
    ),
    ("Jobcenter Erfurt", "jobcenter-erfurt", "TH", "gE", "Erfurt", "50.97801", "11.02881"),
    (
        "Jenarbeit – Jobcenter der Stadt Jena",
        "jenarbeit-jobcenter-jena",
        "TH",
        "zkT",
        "Jena",
        "50.92878",
        "11.58990",
    ),
    ("Jobcenter Leipzig", "jobcenter-leipzig", "SN", "gE", "Leipzig", "51.33970", "12.37307"),
    (
        "Jobcenter Frankfurt am Main",
        "jobcenter-frankfurt-am-main",
        "HE",
        "gE",
        "Frankfurt am Main",
        "50.11092",
        "8.68213",
    ),
    (
        "Kreisjobcenter Marburg-Biedenkopf",
        "kreisjobcenter-marburg-biedenkopf",
        "HE",
        "zkT",
        "Marburg",
        "50.80904",
        "8.77069",
    ),
]

MORE_PRACTICES = [
    {
        "slug": "suchtpraevention-jugendberufsagentur-stuttgart",
        "title": "Cannabis, Ausbildung und Suchtprävention in der Jugendberufsagentur",
        "teaser": (
            "Eine Suchtberaterin gehört fest zum Team der Jugendberufsagentur: Wer kifft und "
            "deshalb Ausbildungsplätze verliert, bekommt ein Gespräch ohne Vorwurf und einen "
            "Plan, der die Ausbildung sichert."
        ),
        "jobcenters": ["jobcenter-stuttgart"],
        "status": "laufend",
        "start": date(2022, 9, 1),
        "end": None,
        "topics": ["Sucht", "Gesundheit"],
        "target_groups": ["Jugendliche unter 25"],
        "phases": ["Beratung & Kooperationsplanung", "Maßnahmedurchführung"],
        "partners": [
            ("Suchtberatung", "Jugend- und Drogenberatung Stuttgart"),
            ("Jugendamt", "Jugendamt der Landeshauptstadt Stuttgart"),
            ("Agentur für Arbeit", "Agentur für Arbeit Stuttgart"),
        ],
        "figures": [
            ("Beratene junge Menschen", "86", "im ersten Jahr"),
            ("Ausbildungsabbrüche", "−30 %", "bei Beratenen gegenüber dem Vorjahr"),
        ],
        "sections": {
            "situation": (
                "In der Jugendberufsagentur fiel auf, dass junge Menschen Ausbildungen oder "
                "Einstiegsqualifizierungen abbrechen, weil regelmäßiger Cannabiskonsum den "
                "Tagesrhythmus zerlegt. Seit der Teillegalisierung sprechen viele offener darüber, "
                "sehen aber kein Problem. Die Verweisung an eine Beratungsstelle in der Stadt "
                "wurde fast nie wahrgenommen."
            ),
            "goals": (
                "Konsum früh und ohne Moralisieren ansprechen, bevor die Ausbildung scheitert. "
                "Junge Menschen sollen selbst einschätzen können, was ihr Konsum mit Schlaf, "
                "Pünktlichkeit und Prüfungen macht, und sich Hilfe holen, wenn sie es wollen."
            ),
            "approach": (
                "Eine Fachkraft der Jugend- und Drogenberatung ist an zwei Tagen pro Woche im "
                "Haus der Jugendberufsagentur. Berufsberatung, Jobcenter und Jugendhilfe können "
                "direkt zu ihr begleiten, oft noch im selben Termin.\n\nIn Berufsschulklassen "
                "gestaltet sie gemeinsam mit der Berufsberatung eine Unterrichtsstunde zu "
                "Konsum, Führerschein und Probezeit. Betriebe erhalten ein Merkblatt, an wen sie "
                "sich wenden können, wenn sie sich um Auszubildende sorgen."
            ),
            "results": (
                "Im ersten Jahr kamen 86 junge Menschen in die Beratung, rund die Hälfte aus "
                "eigenem Antrieb nach einer Schulstunde. Bei den Beratenen gab es deutlich "
                "weniger Ausbildungsabbrüche als im Vorjahr."
            ),
            "pitfalls": (
                "Die Beratung muss vertraulich bleiben: Nichts aus dem Gespräch landet ohne "
                "Einwilligung in der Akte. Das musste am Anfang allen Teams im Haus mehrfach "
                "erklärt werden."
            ),
        },
        "contact": (
            "Selin Aydın",
            "Teamleiterin U25",
            "selin.aydin@jobcenter-stuttgart.test",
            "0711 0000 2041",
        ),
        "staff_only": False,
    },
    {
        "slug": "anerkennungsbegleitung-ortenaukreis",
        "title": "Anerkennung ausländischer Berufsabschlüsse begleiten",
        "teaser": (
            "Eine Lotsin führt zugewanderte Fachkräfte durch das Anerkennungsverfahren und "
            "organisiert Anpassungsqualifizierungen – damit aus Helfertätigkeiten wieder "
            "Facharbeit wird."
        ),
        "jobcenters": ["kommunale-arbeitsfoerderung-ortenaukreis"],
        "status": "laufend",
        "start": date(2021, 4, 1),
        "end": None,
        "topics": ["Qualifizierung", "Beratung und Coaching"],
        "target_groups": ["Menschen mit Migrationsgeschichte"],
        "phases": ["Beratung & Kooperationsplanung", "Maßnahmedurchführung"],
        "partners": [
            ("Kammer", "IHK Südlicher Oberrhein"),
            ("Kammer", "Handwerkskammer Freiburg"),
            ("Bildungsträger", "Bildungszentrum Offenburg"),
        ],
        "figures": [
            ("Begleitete Verfahren", "143", "seit Beginn"),
            ("volle oder teilweise Anerkennung", "71 %", ""),
            ("Dauer bis zum Bescheid", "ø 5 Monate", ""),
        ],
        "sections": {
            "situation": (
                "Viele Leistungsberechtigte mit Fluchtgeschichte haben im Herkunftsland einen "
                "Beruf gelernt, arbeiten hier aber als Helferinnen und Helfer. Das "
                "Anerkennungsverfahren schreckt ab: Zuständigkeiten, Übersetzungen, Kosten und "
                "Fristen sind schwer zu überblicken."
            ),
            "goals": (
                "Mehr Verfahren beginnen und zu Ende bringen; nach einer teilweisen Anerkennung "
                "schnell die passende Anpassungsqualifizierung finden und die Menschen danach "
                "als Fachkräfte vermitteln."
            ),
            "approach": (
                "Integrationsfachkräfte fragen im Erstgespräch systematisch nach Abschlüssen. "
                "Eine Anerkennungslotsin klärt die zuständige Stelle, stellt die Unterlagen "
                "zusammen und beantragt die Übernahme der Kosten.\n\nMit IHK und Handwerkskammer "
                "gibt es feste Ansprechpersonen. Wird nur ein Teil anerkannt, plant die Lotsin "
                "mit dem Bildungszentrum eine Anpassungsqualifizierung, oft verbunden mit einem "
                "berufsbezogenen Sprachkurs."
            ),
            "results": (
                "143 Verfahren wurden begleitet, in sieben von zehn Fällen gab es eine volle "
                "oder teilweise Anerkennung. Viele Teilnehmende arbeiten heute in ihrem Beruf, "
                "etwa als Elektronikerin, Kfz-Mechatroniker oder Pflegefachkraft."
            ),
            "transferability": (
                "Übertragbar, wo Kammern zu festen Ansprechpersonen bereit sind. Die Lotsenstelle "
                "kann auch von mehreren Jobcentern gemeinsam getragen werden."
            ),
        },
        "contact": (
            "Elena Wolf",
            "Anerkennungslotsin",
            "elena.wolf@ortenaukreis.test",
            "0781 0000 316",
        ),
        "staff_only": False,
    },
    {
        "slug": "uebergangsmanagement-haftentlassung-stuttgart",
        "title": "Übergangsmanagement nach der Haftentlassung",
        "teaser": (
            "Noch vor dem Entlassungstag klären Justizvollzug, Bewährungshilfe und Jobcenter "
            "Antrag, Wohnung und erste Schritte in Arbeit – damit der Neuanfang nicht am "
            "ersten Monat scheitert."
        ),
        "jobcenters": ["jobcenter-stuttgart"],
        "status": "laufend",
        "start": date(2020, 2, 1),
        "end": None,
        "topics": ["Übergänge/Rechtskreiswechsel", "Netzwerkarbeit", "Wohnen"],
        "target_groups": ["Langzeitarbeitslose", "Geringqualifizierte"],
        "phases": ["Beratung & Kooperationsplanung", "Übergabe/Aufnahme beim Träger"],
        "partners": [
            ("Wohlfahrtsverband", "Straffälligenhilfe des Diakonischen Werks"),
            ("Arbeitgeber", "Betriebe des Netzwerks „Zweite Chance“"),
            ("Kommune", "Fachstelle Wohnungssicherung"),
        ],
        "figures": [
            ("Vorgespräche in der Haft", "≈ 120 pro Jahr", ""),
            ("Antrag vor Entlassung gestellt", "90 %", ""),
        ],
        "sections": {
            "situation": (
                "Wer aus der Haft entlassen wird, steht oft ohne Geld, Wohnung und Konto da. "
                "Bis der Antrag auf Bürgergeld bearbeitet ist, vergehen Wochen – eine Zeit, in "
                "der Rückfälle besonders häufig sind."
            ),
            "approach": (
                "Drei Monate vor der Entlassung lädt der Sozialdienst der Justizvollzugsanstalt "
                "zu einem Vorgespräch ein, an dem eine feste Ansprechperson des Jobcenters per "
                "Video teilnimmt. Der Antrag wird gemeinsam ausgefüllt und liegt am "
                "Entlassungstag bereit.\n\nDie Straffälligenhilfe sucht mit der Fachstelle "
                "Wohnungssicherung eine Unterkunft. Betriebe des Netzwerks bieten Praktika an, "
                "die schon in der Haft vereinbart werden."
            ),
            "results": (
                "In neun von zehn Fällen ist der Antrag vor der Entlassung gestellt; die erste "
                "Zahlung kommt ohne Lücke. Ein Drittel der Begleiteten beginnt innerhalb von "
                "sechs Monaten ein Praktikum oder eine Beschäftigung."
            ),
            "success_factors": (
                "Eine feste Ansprechperson im Jobcenter, die die Abläufe im Vollzug kennt, und "
                "eine schriftliche Vereinbarung mit der Anstalt über Termine und Datenweitergabe."
            ),
        },
        "contact": (
            "Markus Brenner",
            "Fallmanager",
            "markus.brenner@jobcenter-stuttgart.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "kita-lotsin-muenchen",
        "title": "Kita-Lotsin vermittelt Betreuungsplätze",
        "teaser": (
            "Eine Kita-Lotsin im Jobcenter sucht mit Eltern einen Betreuungsplatz, bevor die "
            "Arbeit beginnt – und überbrückt die Zeit bis zum Platz mit Tagespflege."
        ),
        "jobcenters": ["jobcenter-muenchen"],
        "status": "laufend",
        "start": date(2021, 10, 1),
        "end": None,
        "topics": ["Kinderbetreuung", "Netzwerkarbeit"],
        "target_groups": ["Alleinerziehende", "Bedarfsgemeinschaften"],
        "phases": ["Beratung & Kooperationsplanung", "Übergabe/Aufnahme beim Träger"],
        "partners": [
            ("Jugendamt", "Stadtjugendamt München"),
            ("Kommune", "Referat für Bildung und Sport"),
        ],
        "figures": [
            ("Vermittelte Betreuungsplätze", "212", "2023"),
            ("Wartezeit auf einen Platz", "ø 7 Wochen", "vorher mehr als 6 Monate"),
        ],
        "sections": {
            "situation": (
                "Eine fehlende Kinderbetreuung ist eines der häufigsten Hemmnisse bei der "
                "Arbeitsaufnahme von Alleinerziehenden. Das Anmeldeportal der Stadt ist für "
                "viele schwer zu bedienen, und Zusagen kommen oft erst, wenn das Stellenangebot "
                "schon weg ist."
            ),
            "goals": (
                "Eltern sollen einen Betreuungsplatz haben, wenn eine Arbeit oder Qualifizierung "
                "beginnt – nicht Monate später."
            ),
            "approach": (
                "Die Kita-Lotsin berät Eltern im Jobcenter, meldet gemeinsam mit ihnen im "
                "Portal an und hält Kontakt zu Kitas und Tagespflege. Mit dem Stadtjugendamt "
                "gibt es ein Kontingent für eilige Fälle bei Arbeitsaufnahme.\n\nBis ein "
                "Kita-Platz frei wird, vermittelt sie Tagespflegepersonen, die auch frühe und "
                "späte Zeiten abdecken."
            ),
            "results": (
                "2023 wurden 212 Plätze vermittelt; die durchschnittliche Wartezeit sank auf "
                "sieben Wochen. Integrationsfachkräfte berichten, dass Stellenangebote seltener "
                "an der Betreuung scheitern."
            ),
            "transferability": (
                "Gut übertragbar; die Lotsenstelle kann beim Jugendamt oder beim Jobcenter "
                "angesiedelt sein. Entscheidend ist ein Kontingent für eilige Fälle."
            ),
        },
        "contact": (
            "Claudia Huber",
            "Kita-Lotsin",
            "claudia.huber@jobcenter-muenchen.test",
            "089 0000 4410",
        ),
        "staff_only": False,
    },
    {
        "slug": "gluecksspielsucht-ansprechen-nuernberg",
        "title": "Glücksspielsucht erkennen und ansprechen",
        "teaser": (
            "Integrationsfachkräfte lernen, Anzeichen von Glücksspielsucht zu erkennen; Sucht- "
            "und Schuldnerberatung nehmen Betroffene gemeinsam auf. Ein internes Arbeitsmodell "
            "in der Erprobung."
        ),
        "jobcenters": ["jobcenter-nuernberg-stadt"],
        "status": "Erprobung",
        "start": date(2025, 1, 15),
        "end": date(2026, 12, 31),
        "topics": ["Sucht", "Schulden"],
        "target_groups": ["Langzeitarbeitslose"],
        "phases": ["Beratung & Kooperationsplanung", "Übergabe/Aufnahme beim Träger"],
        "partners": [
            ("Suchtberatung", "Fachstelle Glücksspielsucht der Stadtmission"),
            ("Schuldnerberatung", "Schuldnerberatung der Stadt Nürnberg"),
        ],
        "figures": [
            ("Geschulte Integrationsfachkräfte", "64", ""),
            ("Gemeinsame Erstgespräche", "29", "im ersten Halbjahr"),
        ],
        "sections": {
            "situation": (
                "Glücksspielsucht bleibt im Jobcenter meist unsichtbar. Sie zeigt sich "
                "indirekt: wiederkehrende Mietschulden, Kontopfändungen, Vorschussanträge kurz "
                "nach dem Zahltag. Viele Fachkräfte sind unsicher, wie sie das ansprechen."
            ),
            "approach": (
                "Alle Integrationsfachkräfte nehmen an einer halbtägigen Schulung der "
                "Fachstelle teil. Ein Gesprächsleitfaden hilft, Beobachtungen wertschätzend zu "
                "benennen.\n\nWer Hilfe möchte, bekommt innerhalb einer Woche ein gemeinsames "
                "Erstgespräch von Sucht- und Schuldnerberatung. Eine Sperre bei Spielbanken und "
                "Online-Anbietern über das Sperrsystem OASIS wird dabei angeboten."
            ),
            "pitfalls": (
                "Die Schulung allein reicht nicht: Ohne kurze Wege zur Fachstelle verlaufen "
                "angesprochene Fälle im Sand. Datenschutzfragen zwischen Sucht- und "
                "Schuldnerberatung müssen vorab geklärt sein."
            ),
            "transferability": (
                "Die Erprobung wird Ende 2026 ausgewertet. Leitfaden und Schulungskonzept "
                "stellen wir Netzwerkmitarbeitenden auf Anfrage zur Verfügung."
            ),
        },
        "contact": (
            "Stefan Rupp",
            "Netzwerkkoordinator",
            "stefan.rupp@jobcenter-nuernberg.test",
            "",
        ),
        "staff_only": True,
    },
    {
        "slug": "deutsch-am-arbeitsplatz-nuernberg",
        "title": "Deutsch lernen am Arbeitsplatz",
        "teaser": (
            "Beschäftigte mit Migrationsgeschichte lernen Deutsch dort, wo sie es brauchen: im "
            "Betrieb, während der Arbeitszeit, mit den Wörtern ihres Arbeitsalltags."
        ),
        "jobcenters": ["jobcenter-nuernberg-stadt"],
        "status": "Erprobung",
        "start": date(2024, 3, 1),
        "end": date(2026, 2, 28),
        "topics": ["Qualifizierung", "Arbeitgeberservice"],
        "target_groups": ["Menschen mit Migrationsgeschichte", "Geringqualifizierte"],
        "phases": ["Maßnahmedurchführung", "Absolventenmanagement"],
        "partners": [
            ("Arbeitgeber", "Logistik- und Gastronomiebetriebe im Nürnberger Hafen"),
            ("Bildungsträger", "Sprachschule Bildungswerk Franken"),
        ],
        "figures": [
            ("Teilnehmende Betriebe", "11", ""),
            ("Unterricht", "4 Stunden pro Woche", "in der Arbeitszeit"),
        ],
        "sections": {
            "situation": (
                "Viele Menschen finden Arbeit, bevor ihr Deutsch für einen Berufssprachkurs am "
                "Abend reicht. Nach Schichtende schaffen sie den Kurs nicht, und ohne "
                "Sprachfortschritt bleiben sie auf Helfertätigkeiten."
            ),
            "approach": (
                "Eine Lehrkraft kommt zweimal pro Woche in den Betrieb. Gelernt wird mit "
                "Material aus dem Betrieb: Lieferscheine, Hygieneregeln, Schichtpläne. Der "
                "Arbeitgeberservice des Jobcenters hat die Betriebe gewonnen und klärt die "
                "Förderung.\n\nNach sechs Monaten prüft die Lehrkraft mit den Teilnehmenden, "
                "ob ein Berufssprachkurs oder eine Teilqualifizierung passt."
            ),
            "results": (
                "Die Betriebe berichten von weniger Missverständnissen und mehr Verantwortung, "
                "die sie übertragen können; mehrere Teilnehmende haben eine Vorarbeiterrolle "
                "übernommen."
            ),
            "success_factors": (
                "Unterricht in der bezahlten Arbeitszeit, kleine Gruppen und eine Lehrkraft, "
                "die den Betrieb kennt."
            ),
        },
        "contact": (
            "Aylin Kaya",
            "Arbeitgeberservice",
            "aylin.kaya@jobcenter-nuernberg.test",
            "0911 0000 1270",
        ),
        "staff_only": False,
    },
    {
        "slug": "mietrueckstaende-frueh-erkennen-neukoelln",
        "title": "Mietrückstände früh erkennen, Wohnungsverlust verhindern",
        "teaser": (
            "Jobcenter, Fachstelle für Wohnungsnotfälle und Wohnungsbaugesellschaften melden "
            "sich gegenseitig, sobald Mietrückstände auflaufen – lange vor der Räumungsklage."
        ),
        "jobcenters": ["jobcenter-berlin-neukoelln"],
        "status": "laufend",
        "start": date(2020, 6, 1),
        "end": None,
        "topics": ["Wohnen", "Schulden"],
        "target_groups": ["Bedarfsgemeinschaften", "Alleinerziehende"],
        "phases": ["Beratung & Kooperationsplanung"],
        "partners": [
            ("Kommune", "Soziale Wohnhilfe des Bezirksamts Neukölln"),
            ("Wohlfahrtsverband", "Mieterberatung der Caritas"),
            ("Arbeitgeber", "Landeseigene Wohnungsbaugesellschaften"),
        ],
        "figures": [
            ("Meldungen pro Jahr", "≈ 400", ""),
            ("Räumungsklagen", "−38 %", "im Projektgebiet seit 2020"),
        ],
        "sections": {
            "situation": (
                "Räumungsklagen treffen häufig Bedarfsgemeinschaften, deren Kosten der "
                "Unterkunft nach Einkommensschwankungen oder Direktzahlungsproblemen nicht "
                "vollständig beim Vermieter ankommen. Wenn das Jobcenter davon erfährt, ist die "
                "Kündigung oft schon ausgesprochen."
            ),
            "goals": (
                "Wohnungsverlust verhindern, weil er jede Integration in Arbeit um Monate "
                "zurückwirft – und Kinder aus Schule und Kita reißt."
            ),
            "approach": (
                "Die Wohnungsbaugesellschaften melden Rückstände ab einer Monatsmiete an die "
                "Soziale Wohnhilfe, wenn die Mieterin oder der Mieter zugestimmt hat. Das "
                "Jobcenter prüft innerhalb von fünf Arbeitstagen die Direktüberweisung der "
                "Unterkunftskosten und ein Darlehen nach § 22 Abs. 8 SGB II.\n\nDie "
                "Mieterberatung begleitet die Haushalte, klärt weitere Schulden und vermittelt "
                "bei Bedarf an die Schuldnerberatung."
            ),
            "results": (
                "Räumungsklagen gingen im Projektgebiet um mehr als ein Drittel zurück. Die "
                "Wohnungsbaugesellschaften schätzen die feste Ansprechperson."
            ),
            "pitfalls": (
                "Ohne Einwilligung darf nichts gemeldet werden. Sie wird deshalb schon bei "
                "Vertragsabschluss oder beim ersten Kontakt der Mieterberatung eingeholt."
            ),
        },
        "contact": (
            "Katrin Lehmann",
            "Teamleiterin Leistung",
            "katrin.lehmann@jobcenter-neukoelln.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "teilhabe-am-arbeitsmarkt-berlin-mitte",
        "title": "Betriebe für den sozialen Arbeitsmarkt gewinnen",
        "teaser": (
            "Ein eigenes Team wirbt Betriebe für geförderte Stellen nach § 16i SGB II und "
            "bleibt nach der Einstellung Ansprechpartner für Betrieb und Beschäftigte."
        ),
        "jobcenters": ["jobcenter-berlin-mitte"],
        "status": "ins Regelgeschäft überführt",
        "start": date(2019, 1, 1),
        "end": None,
        "topics": ["Arbeitgeberservice", "Beratung und Coaching"],
        "target_groups": ["Langzeitarbeitslose", "Ältere"],
        "phases": ["Maßnahmedurchführung", "Absolventenmanagement"],
        "partners": [
            ("Arbeitgeber", "Kleine und mittlere Betriebe in Berlin-Mitte"),
            ("Kammer", "IHK Berlin"),
            ("Bildungsträger", "Träger des beschäftigungsbegleitenden Coachings"),
        ],
        "figures": [
            ("Geförderte Stellen", "318", "seit 2019"),
            ("Übernahme nach der Förderung", "42 %", ""),
        ],
        "sections": {
            "situation": (
                "Mit dem Teilhabechancengesetz gab es ab 2019 lange geförderte Stellen für "
                "Menschen, die viele Jahre ohne Arbeit waren. Die Stellen fanden sich anfangs "
                "vor allem bei Beschäftigungsträgern; private Betriebe kannten die Förderung "
                "kaum."
            ),
            "approach": (
                "Ein Team aus vier Fachkräften des Arbeitgeberservice besucht Betriebe, erklärt "
                "die Förderung in einer Seite und übernimmt die Antragsarbeit. Für jede "
                "Einstellung gibt es ein Coaching, das Beschäftigte und Betrieb in den ersten "
                "Monaten begleitet.\n\nSechs Monate vor Förderende findet ein Gespräch über die "
                "Übernahme statt."
            ),
            "results": (
                "Seit 2019 wurden 318 Stellen besetzt, zwei Drittel davon in privaten "
                "Betrieben. 42 Prozent der Beschäftigten wurden nach der Förderung ungefördert "
                "übernommen."
            ),
            "success_factors": (
                "Ein Gesicht für den Betrieb, kurze Bearbeitungszeiten und das Coaching, das "
                "bei Konflikten früh vermittelt."
            ),
        },
        "contact": (
            "Dirk Neumann",
            "Teamleiter Arbeitgeberservice",
            "dirk.neumann@jobcenter-berlin-mitte.test",
            "030 0000 5522",
        ),
        "staff_only": False,
    },
    {
        "slug": "mobil-auf-dem-land-uckermark",
        "title": "Mobil auf dem Land: Führerschein, Rufbus und Mitfahrbörse",
        "teaser": (
            "Wo der Bus zweimal am Tag fährt, entscheidet die Mobilität über die Arbeit: Die "
            "Uckermark kombiniert Führerscheinförderung, Rufbus zu Schichtzeiten und eine "
            "Mitfahrbörse mit Betrieben."
        ),
        "jobcenters": ["jobcenter-uckermark"],
        "status": "Erprobung",
        "start": date(2024, 4, 1),
        "end": date(2026, 3, 31),
        "topics": ["Mobilität", "Netzwerkarbeit"],
        "target_groups": ["Langzeitarbeitslose", "Alleinerziehende", "Jugendliche unter 25"],
        "phases": ["Beratung & Kooperationsplanung", "Maßnahmedurchführung"],
        "partners": [
            ("Kommune", "Landkreis Uckermark, Fachbereich Verkehr"),
            ("Arbeitgeber", "Betriebe im Industriegebiet Schwedt"),
            ("Bildungsträger", "Fahrschulen der Region"),
        ],
        "figures": [
            ("Geförderte Führerscheine", "54", ""),
            ("Rufbus-Fahrten zu Schichtbeginn", "≈ 600 pro Monat", ""),
            ("Teilnehmende Betriebe der Mitfahrbörse", "17", ""),
        ],
        "sections": {
            "situation": (
                "In der Uckermark liegen Wohnort und Arbeitsplatz oft 30 Kilometer und mehr "
                "auseinander. Viele Leistungsberechtigte haben keinen Führerschein oder kein "
                "Auto; Busse fahren nicht zu Schichtbeginn um sechs Uhr."
            ),
            "goals": (
                "Niemand soll eine Stelle ablehnen müssen, weil er nicht hinkommt. Die Lösung "
                "soll ohne teure Einzelfahrten auskommen."
            ),
            "approach": (
                "Das Jobcenter fördert den Führerschein, wenn eine Einstellungszusage oder eine "
                "realistische Aussicht besteht; die Fahrschulen bieten Intensivkurse mit "
                "Lernbegleitung an.\n\nDer Landkreis hat den Rufbus auf die Schichtzeiten der "
                "großen Betriebe abgestimmt. In einer Mitfahrbörse bieten Beschäftigte der "
                "Betriebe freie Plätze an; das Jobcenter vermittelt neue Kolleginnen und "
                "Kollegen in die Fahrgemeinschaften."
            ),
            "results": (
                "54 Führerscheine wurden gefördert, 47 bestanden. Der Rufbus wird zu "
                "Schichtbeginn gut genutzt, und die Betriebe melden mehr Bewerbungen aus den "
                "Dörfern."
            ),
            "pitfalls": (
                "Ein Führerschein hilft wenig ohne Auto: Für den Kauf eines gebrauchten "
                "Fahrzeugs braucht es eine Lösung, die derzeit mit einer Stiftung geprüft wird."
            ),
        },
        "contact": (
            "Ronny Schulze",
            "Netzwerkkoordinator",
            "ronny.schulze@jobcenter-uckermark.test",
            "03984 0000 210",
        ),
        "staff_only": False,
    },
    {
        "slug": "hausbesuche-ohne-kontakt-potsdam",
        "title": "Hausbesuche bei Kundinnen und Kunden ohne Kontakt",
        "teaser": (
            "Wer auf Briefe nicht mehr reagiert, bekommt Besuch – angekündigt, freiwillig und "
            "mit einem Angebot statt einer Sanktion. Interne Arbeitshilfe des Jobcenters."
        ),
        "jobcenters": ["jobcenter-potsdam"],
        "status": "Erprobung",
        "start": date(2024, 10, 1),
        "end": None,
        "topics": ["Beratung und Coaching", "Gesundheit"],
        "target_groups": ["Langzeitarbeitslose", "Bedarfsgemeinschaften"],
        "phases": ["Beratung & Kooperationsplanung"],
        "partners": [("Wohlfahrtsverband", "AWO Bezirksverband Potsdam")],
        "figures": [
            ("Angekündigte Besuche", "112", "im ersten Jahr"),
            ("Wieder im Kontakt", "61 %", "drei Monate nach dem Besuch"),
        ],
        "sections": {
            "situation": (
                "Ein Teil der Kundinnen und Kunden reagiert seit Monaten auf keine Einladung. "
                "Hinter dem Schweigen stehen oft Krankheit, psychische Krisen, Überforderung "
                "mit Post oder Scham – selten fehlender Wille."
            ),
            "approach": (
                "Nach zwei erfolglosen Einladungen kündigt ein Tandem aus Integrationsfachkraft "
                "und Sozialarbeiterin der AWO einen Besuch schriftlich an. Niemand muss die Tür "
                "öffnen; wer es nicht möchte, bekommt eine Karte mit Telefonnummer und einem "
                "Terminvorschlag im Stadtteiltreff.\n\nIm Gespräch geht es zuerst um das, was "
                "die Person gerade belastet, nicht um Pflichten."
            ),
            "results": (
                "Sechs von zehn Besuchten waren drei Monate später wieder im Kontakt mit dem "
                "Jobcenter. Mehrere Menschen wurden erstmals an den sozialpsychiatrischen Dienst "
                "vermittelt."
            ),
            "pitfalls": (
                "Besuche brauchen klare Regeln zu Sicherheit, Dokumentation und Datenschutz. "
                "Die Arbeitshilfe dazu ist deshalb nur für Netzwerkmitarbeitende freigegeben."
            ),
        },
        "contact": (
            "Juliane Krüger",
            "Integrationsfachkraft",
            "juliane.krueger@jobcenter-potsdam.test",
            "",
        ),
        "staff_only": True,
    },
    {
        "slug": "berufssprachkurs-mit-kinderbetreuung-bremen",
        "title": "Berufssprachkurs mit paralleler Kinderbetreuung",
        "teaser": (
            "Während die Eltern im Berufssprachkurs sitzen, werden ihre Kinder im selben Haus "
            "betreut – so können vor allem Mütter endlich teilnehmen."
        ),
        "jobcenters": ["jobcenter-bremen"],
        "status": "laufend",
        "start": date(2022, 2, 1),
        "end": None,
        "topics": ["Qualifizierung", "Kinderbetreuung"],
        "target_groups": ["Menschen mit Migrationsgeschichte", "Alleinerziehende"],
        "phases": ["Übergabe/Aufnahme beim Träger", "Maßnahmedurchführung"],
        "partners": [
            ("Bildungsträger", "Volkshochschule Bremen"),
            ("Jugendamt", "Amt für Soziale Dienste Bremen"),
        ],
        "figures": [
            ("Kursplätze mit Kinderbetreuung", "48", "pro Jahr"),
            ("Kursabschluss mit Prüfung", "78 %", ""),
        ],
        "sections": {
            "situation": (
                "Mütter mit kleinen Kindern brechen Sprachkurse überdurchschnittlich oft ab oder "
                "beginnen sie gar nicht, weil ein Kita-Platz fehlt. Damit bleibt auch der Weg in "
                "Ausbildung und Arbeit versperrt."
            ),
            "approach": (
                "Die Volkshochschule bietet Berufssprachkurse vormittags an; im Nebenraum "
                "betreuen pädagogische Fachkräfte die Kinder unter drei Jahren. Das Amt für "
                "Soziale Dienste finanziert die Betreuung, das Jobcenter steuert die "
                "Teilnehmenden zu.\n\nDie Kursleitung und die Integrationsfachkräfte besprechen "
                "alle zwei Monate, wer Unterstützung bei der Kita-Suche für die Zeit nach dem "
                "Kurs braucht."
            ),
            "results": (
                "Fast acht von zehn Teilnehmerinnen legen die Prüfung ab; viele beginnen danach "
                "eine Teilzeitausbildung oder eine Beschäftigung."
            ),
            "transferability": (
                "Übertragbar, wo Bildungsträger passende Räume haben. Die Finanzierung der "
                "Betreuung sollte vor dem ersten Kurs schriftlich geklärt sein."
            ),
        },
        "contact": (
            "Meike Brandt",
            "Beauftragte für Chancengleichheit",
            "meike.brandt@jobcenter-bremen.test",
            "0421 0000 3315",
        ),
        "staff_only": False,
    },
    {
        "slug": "familiencoaching-bremerhaven",
        "title": "Familiencoaching für Bedarfsgemeinschaften",
        "teaser": (
            "Statt jede Person einzeln zu beraten, betrachtet ein Familiencoach die ganze "
            "Familie: Schule, Gesundheit, Schulden und Arbeit kommen an einen Tisch."
        ),
        "jobcenters": ["jobcenter-bremerhaven"],
        "status": "laufend",
        "start": date(2021, 5, 1),
        "end": None,
        "topics": ["Beratung und Coaching", "Kinderbetreuung"],
        "target_groups": ["Bedarfsgemeinschaften", "Alleinerziehende"],
        "phases": ["Beratung & Kooperationsplanung", "Maßnahmedurchführung"],
        "partners": [
            ("Jugendamt", "Amt für Jugend, Familie und Frauen Bremerhaven"),
            ("Wohlfahrtsverband", "Diakonisches Werk Bremerhaven"),
        ],
        "figures": [
            ("Begleitete Familien", "96", "seit 2021"),
            ("Dauer des Coachings", "bis zu 12 Monate", ""),
        ],
        "sections": {
            "situation": (
                "In Bedarfsgemeinschaften mit mehreren Kindern arbeiten oft viele Stellen "
                "nebeneinander: Jobcenter, Jugendamt, Schule, Schuldnerberatung. Die Familien "
                "haben zahlreiche Termine, aber niemanden, der den Überblick hält."
            ),
            "approach": (
                "Ein Familiencoach der Diakonie besucht die Familie zu Hause und erarbeitet mit "
                "allen Mitgliedern einen Familienplan. Das Jobcenter benennt eine feste "
                "Integrationsfachkraft; das Jugendamt ist eingebunden, wenn Hilfen zur Erziehung "
                "laufen.\n\nEinmal im Quartal findet ein Familiengespräch mit allen Beteiligten "
                "statt, wenn die Familie es wünscht."
            ),
            "results": (
                "In mehr als der Hälfte der begleiteten Familien hat mindestens ein Elternteil "
                "eine Arbeit oder Qualifizierung aufgenommen. Die Familien berichten von "
                "weniger Terminen und klareren Absprachen."
            ),
            "success_factors": (
                "Freiwilligkeit, Zeit für Hausbesuche und ein Coach, der nicht selbst über "
                "Leistungen entscheidet."
            ),
        },
        "contact": (
            "Hauke Petersen",
            "Teamleiter Markt und Integration",
            "hauke.petersen@jobcenter-bremerhaven.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "jugendberufsagentur-hamburg",
        "title": "Jugendberufsagentur: Beratung unter einem Dach",
        "teaser": (
            "Berufsberatung, Jobcenter, Jugendhilfe und Schule sitzen in einem Haus: Junge "
            "Menschen bekommen an einem Ort Antworten, und keiner geht verloren."
        ),
        "jobcenters": ["jobcenter-team-arbeit-hamburg"],
        "status": "ins Regelgeschäft überführt",
        "start": date(2012, 9, 1),
        "end": None,
        "topics": ["Netzwerkarbeit", "Übergänge/Rechtskreiswechsel", "Qualifizierung"],
        "target_groups": ["Jugendliche unter 25"],
        "phases": [
            "Beratung & Kooperationsplanung",
            "Übergabe/Aufnahme beim Träger",
            "Absolventenmanagement",
        ],
        "partners": [
            ("Agentur für Arbeit", "Agentur für Arbeit Hamburg"),
            ("Jugendamt", "Jugendämter der Hamburger Bezirke"),
            ("Kommune", "Behörde für Schule und Berufsbildung"),
        ],
        "figures": [
            ("Standorte", "7", "einer pro Bezirk"),
            ("Schulabgänger mit bekanntem Anschluss", "> 95 %", ""),
        ],
        "sections": {
            "situation": (
                "Jugendliche wechselten zwischen Schule, Agentur, Jobcenter und Jugendhilfe hin "
                "und her und gingen dabei verloren. Niemand wusste genau, was aus den "
                "Schulabgängerinnen und Schulabgängern ohne Anschluss wurde."
            ),
            "goals": (
                "Kein junger Mensch soll verloren gehen: Jede und jeder bekommt nach der Schule "
                "ein Angebot für Ausbildung, Schule oder Arbeit."
            ),
            "approach": (
                "In jedem Bezirk arbeiten die Partner unter einem Dach mit gemeinsamem "
                "Empfang. Die Schulen melden, wer ohne Anschluss die Schule verlässt; die "
                "Jugendberufsagentur nimmt aktiv Kontakt auf.\n\nFallbesprechungen über "
                "Rechtskreise hinweg sind in einer Kooperationsvereinbarung geregelt, "
                "einschließlich der Einwilligung in den Datenaustausch."
            ),
            "results": (
                "Für mehr als 95 Prozent der Schulabgängerinnen und -abgänger ist der Anschluss "
                "bekannt. Das Modell wurde in vielen Ländern übernommen."
            ),
            "transferability": (
                "Das Hamburger Modell ist Vorbild für Jugendberufsagenturen bundesweit. "
                "Wichtig sind ein gemeinsamer Standort und die Rückendeckung der Leitungen."
            ),
        },
        "contact": (
            "Finn Hansen",
            "Bereichsleiter U25",
            "finn.hansen@team-arbeit-hamburg.test",
            "040 0000 2800",
        ),
        "staff_only": False,
    },
    {
        "slug": "housing-first-hamburg",
        "title": "Housing First: Erst die Wohnung, dann die Arbeit",
        "teaser": (
            "Wohnungslose Leistungsberechtigte erhalten einen eigenen Mietvertrag ohne "
            "Vorbedingungen und danach eine Begleitung in Richtung Beschäftigung."
        ),
        "jobcenters": ["jobcenter-team-arbeit-hamburg"],
        "status": "Erprobung",
        "start": date(2022, 7, 1),
        "end": date(2025, 6, 30),
        "topics": ["Wohnen", "Beratung und Coaching"],
        "target_groups": ["Langzeitarbeitslose"],
        "phases": ["Übergabe/Aufnahme beim Träger", "Maßnahmedurchführung"],
        "partners": [
            ("Wohlfahrtsverband", "Träger der Wohnungslosenhilfe"),
            ("Kommune", "Sozialbehörde Hamburg"),
            ("Wissenschaft", "Hochschule für Angewandte Wissenschaften Hamburg"),
        ],
        "figures": [
            ("Vermittelte Wohnungen", "60", ""),
            ("Nach zwei Jahren noch in der Wohnung", "85 %", ""),
        ],
        "sections": {
            "situation": (
                "Menschen ohne festen Wohnsitz sind für die Integrationsarbeit kaum erreichbar: "
                "Post kommt nicht an, Termine scheitern an der Lebenslage. Das klassische "
                "Stufenmodell verlangt Wohnfähigkeit, bevor es eine Wohnung gibt."
            ),
            "approach": (
                "Ein Träger der Wohnungslosenhilfe vermittelt eigene Wohnungen mit regulärem "
                "Mietvertrag, ohne dass zuvor Abstinenz oder Wohnfähigkeit nachgewiesen werden "
                "muss. Die Sozialarbeit bleibt auch nach dem Einzug.\n\nErst wenn die "
                "Wohnsituation stabil ist, beginnt mit dem Jobcenter die schrittweise "
                "Heranführung an Arbeit, oft über eine Arbeitsgelegenheit oder eine geförderte "
                "Stelle."
            ),
            "results": (
                "Nach zwei Jahren lebten 85 Prozent der Teilnehmenden weiterhin in ihrer "
                "Wohnung. Die wissenschaftliche Begleitung zeigt, dass mit der Wohnung auch die "
                "Termintreue im Jobcenter steigt."
            ),
            "success_factors": (
                "Wohnungen aus dem Bestand der städtischen Gesellschaft und eine Sozialarbeit, "
                "die nicht endet, wenn es einmal schwierig wird."
            ),
        },
        "contact": (
            "Nele Jansen",
            "Netzwerkkoordinatorin",
            "nele.jansen@team-arbeit-hamburg.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "videoberatung-rostock",
        "title": "Videoberatung als zusätzlicher Kontaktweg",
        "teaser": (
            "Gespräche per Video ersparen Alleinerziehenden und Menschen auf dem Land lange "
            "Wege – als Angebot, nicht als Ersatz für das persönliche Gespräch."
        ),
        "jobcenters": ["jobcenter-rostock"],
        "status": "ins Regelgeschäft überführt",
        "start": date(2020, 11, 1),
        "end": None,
        "topics": ["Beratung und Coaching", "Mobilität"],
        "target_groups": ["Alleinerziehende", "Langzeitarbeitslose"],
        "phases": ["Beratung & Kooperationsplanung"],
        "partners": [("Wissenschaft", "Hochschule Wismar, Bereich Wirtschaftsinformatik")],
        "figures": [
            ("Videogespräche", "≈ 350 pro Monat", ""),
            ("Zufriedenheit", "4,4 von 5", "Befragung 2023"),
        ],
        "sections": {
            "situation": (
                "Für Alleinerziehende ohne Kinderbetreuung und für Menschen aus den Randlagen "
                "ist ein Termin im Jobcenter ein halber Tag. Viele Termine wurden kurzfristig "
                "abgesagt."
            ),
            "approach": (
                "Kundinnen und Kunden können bei der Terminvereinbarung ein Videogespräch "
                "wählen. Die Integrationsfachkräfte wurden geschult; Erstgespräche und "
                "schwierige Gespräche finden weiter persönlich statt.\n\nDie Hochschule Wismar "
                "hat die Einführung begleitet und die Zufriedenheit befragt."
            ),
            "results": (
                "Rund 350 Gespräche pro Monat finden per Video statt; abgesagte Termine sind "
                "deutlich seltener geworden. Die Befragten bewerten das Angebot mit 4,4 von 5."
            ),
            "pitfalls": (
                "Nicht alle haben ein geeignetes Gerät oder einen ruhigen Raum. Das Angebot "
                "bleibt freiwillig, und im Stadtteiltreff steht ein Raum mit Tablet bereit."
            ),
        },
        "contact": (
            "Sven Möller",
            "Projektleiter Digitalisierung",
            "sven.moeller@jobcenter-rostock.test",
            "0381 0000 4470",
        ),
        "staff_only": False,
    },
    {
        "slug": "ganzjahresbeschaeftigung-tourismus-schwerin",
        "title": "Ganzjährig arbeiten in Tourismus und Gastronomie",
        "teaser": (
            "Statt Saisonarbeit mit Winterpause: Hotels, Gaststätten und Jobcenter vereinbaren "
            "Ganzjahresstellen mit Qualifizierung in der ruhigen Zeit."
        ),
        "jobcenters": ["jobcenter-schwerin", "jobcenter-rostock"],
        "status": "laufend",
        "start": date(2023, 3, 1),
        "end": None,
        "topics": ["Arbeitgeberservice", "Qualifizierung"],
        "target_groups": ["Geringqualifizierte", "Langzeitarbeitslose"],
        "phases": ["Maßnahmedurchführung", "Absolventenmanagement"],
        "partners": [
            ("Kammer", "IHK zu Schwerin"),
            ("Arbeitgeber", "Hotel- und Gaststättenbetriebe in Westmecklenburg"),
            ("Bildungsträger", "Berufsbildungszentrum Gastgewerbe"),
        ],
        "figures": [
            ("Ganzjahresstellen", "73", ""),
            ("Qualifizierung im Winter", "8 Wochen", "Service, Küche, Housekeeping"),
        ],
        "sections": {
            "situation": (
                "Im Tourismus werden im Sommer Arbeitskräfte gesucht, im Winter werden viele "
                "wieder arbeitslos. Für Leistungsberechtigte bedeutet das jedes Jahr einen "
                "Wechsel zurück ins Jobcenter."
            ),
            "approach": (
                "Der Arbeitgeberservice hat mit Betrieben vereinbart, Stellen ganzjährig zu "
                "besetzen. In der ruhigen Zeit nehmen die Beschäftigten an einer achtwöchigen "
                "Qualifizierung teil, die mit einem Kammerzertifikat endet.\n\nDie IHK hat die "
                "Module so zugeschnitten, dass sie später auf eine Ausbildung angerechnet werden "
                "können."
            ),
            "results": (
                "73 Ganzjahresstellen sind entstanden; die meisten Beschäftigten blieben im "
                "zweiten Jahr im Betrieb. Die Betriebe sparen sich die Suche im Frühjahr."
            ),
            "transferability": (
                "Übertragbar auf andere saisonale Branchen wie Landwirtschaft oder Bau, wenn die "
                "Kammer die Qualifizierung zertifiziert."
            ),
        },
        "contact": (
            "Anke Voß",
            "Arbeitgeberservice",
            "anke.voss@jobcenter-schwerin.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "suchtberatung-tandem-hannover",
        "title": "Suchtberatung im Tandem mit der Integrationsfachkraft",
        "teaser": (
            "Integrationsfachkraft und Suchtberaterin führen gemeinsame Gespräche, wenn ein "
            "riskanter Konsum die Arbeitsaufnahme behindert – auf Wunsch der Kundin oder des "
            "Kunden."
        ),
        "jobcenters": ["jobcenter-region-hannover"],
        "status": "ins Regelgeschäft überführt",
        "start": date(2018, 1, 1),
        "end": None,
        "topics": ["Sucht", "Gesundheit", "Beratung und Coaching"],
        "target_groups": ["Langzeitarbeitslose", "Ältere"],
        "phases": ["Beratung & Kooperationsplanung", "Übergabe/Aufnahme beim Träger"],
        "partners": [
            ("Suchtberatung", "Fachstelle für Sucht und Suchtprävention"),
            ("Krankenkasse", "AOK Niedersachsen"),
        ],
        "figures": [
            ("Tandemgespräche", "≈ 250 pro Jahr", ""),
            ("Geschulte Fachkräfte", "alle", "Schulung motivierende Gesprächsführung"),
        ],
        "sections": {
            "situation": (
                "Abhängigkeitserkrankungen, insbesondere ein problematischer Alkoholkonsum, "
                "werden in der Beratung oft erst spät angesprochen. Die Verweisung an die "
                "Beratungsstelle allein führte selten zu einem Termin."
            ),
            "approach": (
                "Auf Wunsch der Kundin oder des Kunden findet ein gemeinsames Gespräch von "
                "Integrationsfachkraft und Suchtberaterin statt, in dem nach den Grundsätzen der "
                "motivierenden Gesprächsführung Ziele vereinbart werden. Die Suchtberatung ist "
                "kommunale Eingliederungsleistung nach § 16a SGB II.\n\nAlle "
                "Integrationsfachkräfte wurden geschult, Anzeichen einer Abhängigkeit zu "
                "erkennen und wertschätzend anzusprechen. Übergänge in Entgiftung und "
                "Entwöhnung begleitet die Suchtberatung eng; die AOK berät zur Finanzierung."
            ),
            "results": (
                "Aus Tandemgesprächen entstehen fast immer weitere Beratungstermine. Viele "
                "Teilnehmende beginnen nach einer Therapie eine Arbeitsgelegenheit oder eine "
                "geförderte Beschäftigung."
            ),
            "success_factors": (
                "Freiwilligkeit, eine Schweigepflichtentbindung nur für den vereinbarten Zweck "
                "und feste Tandempartnerinnen für jedes Team."
            ),
        },
        "contact": (
            "Birte Lüders",
            "Fachkoordinatorin Gesundheit",
            "birte.lueders@jobcenter-region-hannover.test",
            "0511 0000 7721",
        ),
        "staff_only": False,
    },
    {
        "slug": "budget-fuer-arbeit-emsland",
        "title": "Budget für Arbeit: aus der Werkstatt in den Betrieb",
        "teaser": (
            "Menschen mit Behinderungen wechseln aus der Werkstatt in einen regulären Betrieb – "
            "mit Lohnkostenzuschuss, Jobcoaching und einem Rückkehrrecht."
        ),
        "jobcenters": ["jobcenter-landkreis-emsland"],
        "status": "Erprobung",
        "start": date(2023, 8, 1),
        "end": date(2026, 7, 31),
        "topics": ["Arbeitgeberservice", "Übergänge/Rechtskreiswechsel"],
        "target_groups": ["Menschen mit Behinderungen"],
        "phases": ["Übergabe/Aufnahme beim Träger", "Absolventenmanagement"],
        "partners": [
            ("Kommune", "Landkreis Emsland, Eingliederungshilfe"),
            ("Arbeitgeber", "Handwerks- und Industriebetriebe im Emsland"),
            ("Wohlfahrtsverband", "Werkstätten des Caritasverbands"),
        ],
        "figures": [
            ("Wechsel in Betriebe", "19", "seit 2023"),
            ("Lohnkostenzuschuss", "bis zu 75 %", ""),
        ],
        "sections": {
            "situation": (
                "Nur wenige Beschäftigte einer Werkstatt für behinderte Menschen wechseln auf "
                "den allgemeinen Arbeitsmarkt. Betriebe kennen das Budget für Arbeit kaum, und "
                "die Beschäftigten fürchten, den Schutz der Werkstatt zu verlieren."
            ),
            "approach": (
                "Als zugelassener kommunaler Träger verbindet der Landkreis Jobcenter und "
                "Eingliederungshilfe. Ein gemeinsames Team sucht mit den Werkstätten passende "
                "Betriebe, klärt das Budget für Arbeit und begleitet die ersten Monate mit "
                "einem Jobcoach.\n\nWer im Betrieb nicht zurechtkommt, kann jederzeit in die "
                "Werkstatt zurückkehren."
            ),
            "results": (
                "19 Menschen arbeiten inzwischen sozialversicherungspflichtig in Betrieben, "
                "etwa in der Lagerhaltung, im Gartenbau und in Großküchen."
            ),
            "pitfalls": (
                "Der Wechsel berührt mehrere Rechtskreise (SGB II, SGB IX, Rentenversicherung). "
                "Ohne eine Stelle, die alle Bescheide zusammen erklärt, springen Interessierte "
                "wieder ab."
            ),
        },
        "contact": (
            "Hendrik Többen",
            "Fachbereich Arbeit",
            "hendrik.toebben@emsland.test",
            "05931 0000 612",
        ),
        "staff_only": False,
    },
    {
        "slug": "nachbetreuung-arbeitsaufnahme-hannover",
        "title": "Nachbetreuung nach der Arbeitsaufnahme",
        "teaser": (
            "Die ersten sechs Monate im neuen Job entscheiden: Ein Coach bleibt erreichbar, "
            "wenn es im Betrieb hakt – für Beschäftigte und für Arbeitgeber."
        ),
        "jobcenters": ["jobcenter-region-hannover"],
        "status": "ins Regelgeschäft überführt",
        "start": date(2019, 4, 1),
        "end": None,
        "topics": ["Beratung und Coaching", "Arbeitgeberservice"],
        "target_groups": ["Langzeitarbeitslose", "Geringqualifizierte"],
        "phases": ["Absolventenmanagement"],
        "partners": [
            ("Bildungsträger", "Träger des beschäftigungsbegleitenden Coachings"),
            ("Arbeitgeber", "Betriebe der Region Hannover"),
        ],
        "figures": [
            ("Beschäftigung nach 6 Monaten", "81 %", "mit Nachbetreuung"),
            ("Vergleichsgruppe", "64 %", "ohne Nachbetreuung"),
        ],
        "sections": {
            "situation": (
                "Viele Beschäftigungen nach langer Arbeitslosigkeit enden in der Probezeit – "
                "wegen Konflikten, Überforderung oder Problemen mit Kinderbetreuung und "
                "Arbeitsweg, die niemand rechtzeitig bemerkt."
            ),
            "approach": (
                "Nach der Arbeitsaufnahme bietet ein Coach des Trägers für sechs Monate "
                "regelmäßige Gespräche an, am Telefon, per Messenger oder vor Ort. Arbeitgeber "
                "erhalten eine Telefonnummer für Fragen.\n\nDie Integrationsfachkraft übergibt "
                "beim letzten Termin persönlich an den Coach."
            ),
            "results": (
                "Mit Nachbetreuung waren nach sechs Monaten 81 Prozent noch beschäftigt, in "
                "einer Vergleichsgruppe 64 Prozent."
            ),
            "transferability": (
                "Das Coaching nach § 16e Abs. 4 bzw. § 16i Abs. 4 SGB II lässt sich auf andere "
                "Arbeitsaufnahmen übertragen, wenn Mittel der freien Förderung eingesetzt werden."
            ),
        },
        "contact": (
            "Tanja Meyer",
            "Teamleiterin Integration",
            "tanja.meyer@jobcenter-region-hannover.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "teilzeitausbildung-alleinerziehende-mainz",
        "title": "Teilzeitausbildung für alleinerziehende Mütter",
        "teaser": (
            "Eine Ausbildung mit 30 Wochenstunden, passend zu Kita-Zeiten: Kammer, Betriebe und "
            "Jobcenter machen den Berufsabschluss für Alleinerziehende möglich."
        ),
        "jobcenters": ["jobcenter-mainz"],
        "status": "ins Regelgeschäft überführt",
        "start": date(2017, 8, 1),
        "end": None,
        "topics": ["Qualifizierung", "Kinderbetreuung"],
        "target_groups": ["Alleinerziehende", "Jugendliche unter 25"],
        "phases": ["Übergabe/Aufnahme beim Träger", "Maßnahmedurchführung"],
        "partners": [
            ("Kammer", "IHK für Rheinhessen"),
            ("Kammer", "Handwerkskammer Rheinhessen"),
            ("Arbeitgeber", "Ausbildungsbetriebe in Mainz"),
        ],
        "figures": [
            ("Ausbildungen in Teilzeit", "≈ 25 pro Jahr", ""),
            ("Abschlussquote", "84 %", ""),
        ],
        "sections": {
            "situation": (
                "Viele Alleinerziehende haben keinen Berufsabschluss. Eine Ausbildung in Vollzeit "
                "ist mit Kita- und Schulzeiten kaum vereinbar, und Betriebe kannten die "
                "Teilzeitausbildung lange nicht."
            ),
            "approach": (
                "Ein Vorbereitungskurs klärt Berufswunsch, Kinderbetreuung und Finanzierung. "
                "Die Kammern werben Betriebe und beraten zur verkürzten Arbeitszeit; das "
                "Jobcenter sichert den Lebensunterhalt und übernimmt Fahrtkosten.\n\nWährend "
                "der Ausbildung gibt es ein begleitendes Coaching, das bei Krankheit der Kinder "
                "oder Prüfungsangst hilft."
            ),
            "results": (
                "Jedes Jahr beginnen rund 25 Frauen eine Teilzeitausbildung; 84 Prozent "
                "schließen sie ab, die meisten werden übernommen."
            ),
            "success_factors": (
                "Betriebe, die Teilzeit ernst meinen, und ein Coaching, das auch in Krisen "
                "erreichbar ist."
            ),
        },
        "contact": (
            "Sabine Becker",
            "Beauftragte für Chancengleichheit am Arbeitsmarkt",
            "sabine.becker@jobcenter-mainz.test",
            "06131 0000 540",
        ),
        "staff_only": False,
    },
    {
        "slug": "reha-beratung-suedwestpfalz",
        "title": "Reha-Beratung für Leistungsberechtigte mit gesundheitlichen Einschränkungen",
        "teaser": (
            "Jobcenter, Agentur für Arbeit und Rentenversicherung prüfen gemeinsam, ob eine "
            "berufliche Rehabilitation hilft – bevor jahrelange Krankschreibungen folgen."
        ),
        "jobcenters": ["jobcenter-suedwestpfalz"],
        "status": "abgeschlossen",
        "start": date(2019, 5, 1),
        "end": date(2023, 4, 30),
        "topics": ["Gesundheit", "Qualifizierung"],
        "target_groups": ["Menschen mit Behinderungen", "Ältere"],
        "phases": ["Beratung & Kooperationsplanung", "Übergabe/Aufnahme beim Träger"],
        "partners": [
            ("Agentur für Arbeit", "Reha-Team der Agentur für Arbeit Pirmasens"),
            ("Krankenkasse", "IKK Südwest"),
        ],
        "figures": [
            ("Geprüfte Fälle", "310", ""),
            ("Beginn einer Reha-Maßnahme", "96", ""),
        ],
        "sections": {
            "situation": (
                "Viele Leistungsberechtigte haben gesundheitliche Einschränkungen, die eine "
                "Rückkehr in den alten Beruf verhindern. Wer für eine berufliche Rehabilitation "
                "zuständig ist, blieb oft monatelang ungeklärt."
            ),
            "approach": (
                "Eine Fachkraft des Jobcenters mit Reha-Schwerpunkt prüfte gemeinsam mit dem "
                "Reha-Team der Agentur die Fälle in einer monatlichen Runde. Die Krankenkasse "
                "beriet zu medizinischen Vorleistungen.\n\nFür jeden Fall gab es eine "
                "Entscheidung über die Zuständigkeit innerhalb von sechs Wochen."
            ),
            "results": (
                "Von 310 geprüften Fällen begannen 96 eine Rehabilitationsmaßnahme. Die "
                "Wartezeit bis zur Entscheidung sank von durchschnittlich fünf Monaten auf "
                "sechs Wochen."
            ),
            "transferability": (
                "Das Projekt endete 2023; die monatliche Runde wird ohne Projektmittel "
                "fortgeführt. Übertragbar, wo Agentur und Jobcenter ein Reha-Team teilen."
            ),
        },
        "contact": (
            "Jürgen Schäfer",
            "Reha-Fachkraft",
            "juergen.schaefer@jobcenter-suedwestpfalz.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "gesundheitscoaching-aeltere-saarbruecken",
        "title": "Gesundheitscoaching für Ältere",
        "teaser": (
            "Bewegung, Ernährung, Schlaf und Schmerz: Ein Gesundheitscoaching mit der "
            "Krankenkasse bereitet Menschen über 50 auf die Rückkehr in Arbeit vor."
        ),
        "jobcenters": ["jobcenter-regionalverband-saarbruecken"],
        "status": "abgeschlossen",
        "start": date(2018, 3, 1),
        "end": date(2021, 12, 31),
        "topics": ["Gesundheit", "Beratung und Coaching"],
        "target_groups": ["Ältere", "Langzeitarbeitslose"],
        "phases": ["Maßnahmedurchführung"],
        "partners": [
            ("Krankenkasse", "AOK Rheinland-Pfalz/Saarland"),
            ("Bildungsträger", "Gesundheitszentrum Saarbrücken"),
        ],
        "figures": [
            ("Teilnehmende", "420", ""),
            ("Selbst eingeschätzte Gesundheit", "+1,2 Punkte", "auf einer Skala von 1 bis 5"),
        ],
        "sections": {
            "situation": (
                "Ältere Leistungsberechtigte nennen ihre Gesundheit als größtes Hindernis für "
                "eine Arbeit. Viele haben seit Jahren keinen Sport gemacht und ihre "
                "Vorsorgeuntersuchungen versäumt."
            ),
            "approach": (
                "In Gruppen von zwölf Personen fanden über zwölf Wochen Bewegungs-, Ernährungs- "
                "und Entspannungseinheiten statt, ergänzt durch Einzelgespräche. Die "
                "Krankenkasse finanzierte die Präventionskurse nach § 20 SGB V.\n\nDie "
                "Integrationsfachkräfte griffen die Ergebnisse in der Beratung auf, etwa bei "
                "der Wahl eines körperlich passenden Berufs."
            ),
            "results": (
                "Die Teilnehmenden schätzten ihre Gesundheit am Ende deutlich besser ein. Ein "
                "Viertel nahm innerhalb eines Jahres eine Beschäftigung auf."
            ),
            "pitfalls": (
                "Die Teilnahme muss freiwillig bleiben; Einladungen, die wie eine Pflicht "
                "klangen, führten zu Abbrüchen."
            ),
        },
        "contact": (
            "Petra Klein",
            "Netzwerkkoordinatorin",
            "petra.klein@jobcenter-saarbruecken.test",
            "0681 0000 330",
        ),
        "staff_only": False,
    },
    {
        "slug": "energieschulden-abwenden-saarpfalz",
        "title": "Energieschulden und Stromsperren abwenden",
        "teaser": (
            "Stadtwerke, Schuldnerberatung und Jobcenter vereinbaren Ratenpläne und "
            "Energiesparberatung, bevor der Strom abgestellt wird."
        ),
        "jobcenters": ["jobcenter-saarpfalz-kreis"],
        "status": "laufend",
        "start": date(2023, 1, 1),
        "end": None,
        "topics": ["Schulden", "Wohnen"],
        "target_groups": ["Bedarfsgemeinschaften", "Alleinerziehende"],
        "phases": ["Beratung & Kooperationsplanung"],
        "partners": [
            ("Kommune", "Stadtwerke Homburg"),
            ("Schuldnerberatung", "Schuldnerberatung des Saarpfalz-Kreises"),
            ("Wohlfahrtsverband", "Stromspar-Check der Caritas"),
        ],
        "figures": [
            ("Abgewendete Sperren", "186", "2024"),
            ("Stromspar-Checks", "240", ""),
        ],
        "sections": {
            "situation": (
                "Seit den Preissteigerungen geraten viele Haushalte mit Abschlägen in "
                "Rückstand. Eine Stromsperre trifft Familien mit Kindern besonders hart und "
                "bringt jede Arbeitssuche zum Stillstand."
            ),
            "approach": (
                "Die Stadtwerke informieren Kundinnen und Kunden mit Sperrandrohung über das "
                "gemeinsame Angebot. Das Jobcenter prüft schnell ein Darlehen, die "
                "Schuldnerberatung verhandelt Ratenpläne.\n\nDer Stromspar-Check der Caritas "
                "kommt ins Haus, tauscht Leuchtmittel und zeigt, wo sich sparen lässt."
            ),
            "results": (
                "2024 wurden 186 Sperren abgewendet. Die Verbräuche der beratenen Haushalte "
                "sanken im Schnitt um ein Zehntel."
            ),
            "transferability": (
                "Als zugelassener kommunaler Träger hat der Kreis kurze Wege zu Stadtwerken "
                "und Schuldnerberatung; in gemeinsamen Einrichtungen braucht es eine "
                "Vereinbarung mit dem kommunalen Träger."
            ),
        },
        "contact": (
            "Thomas Weber",
            "Sachgebietsleiter",
            "thomas.weber@saarpfalz-kreis.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "psychosoziale-stabilisierung-halle",
        "title": "Psychosoziale Stabilisierung im Fallmanagement",
        "teaser": (
            "Für Menschen in seelischen Krisen gibt es zuerst Stabilität, dann Vermittlung: "
            "Fallmanagement und psychosoziale Beratung arbeiten Hand in Hand."
        ),
        "jobcenters": ["jobcenter-halle-saale"],
        "status": "laufend",
        "start": date(2021, 3, 1),
        "end": None,
        "topics": ["Gesundheit", "Beratung und Coaching"],
        "target_groups": ["Langzeitarbeitslose", "Menschen mit Behinderungen"],
        "phases": ["Beratung & Kooperationsplanung", "Maßnahmedurchführung"],
        "partners": [
            ("Wohlfahrtsverband", "Paritätischer Wohlfahrtsverband Sachsen-Anhalt"),
            ("Krankenkasse", "AOK Sachsen-Anhalt"),
        ],
        "figures": [
            ("Begleitete Personen", "230", "seit 2021"),
            ("Psychotherapie begonnen", "38 %", ""),
        ],
        "sections": {
            "situation": (
                "Ein großer Teil der Menschen im Fallmanagement hat psychische Belastungen: "
                "Depressionen, Angststörungen, Traumafolgen. Angebote zur Aktivierung überfordern "
                "sie, und die Wartezeit auf einen Therapieplatz beträgt Monate."
            ),
            "approach": (
                "Psychosoziale Beraterinnen des Verbands bieten Einzelgespräche im Jobcenter und "
                "in Beratungsstellen an. Sie helfen bei der Suche nach Therapie, klären "
                "Krankenversicherung und Reha-Anträge und stabilisieren in Krisen.\n\nDas "
                "Fallmanagement setzt Vermittlungsziele erst, wenn die Person sich dazu in der "
                "Lage sieht."
            ),
            "results": (
                "38 Prozent der Begleiteten haben eine Psychotherapie begonnen; viele nehmen "
                "danach an einer Maßnahme teil. Die Zahl der Abbrüche sank deutlich."
            ),
            "success_factors": (
                "Geduld und eine klare Absprache im Jobcenter, dass Stabilisierung ein "
                "legitimes Ziel der Beratung ist."
            ),
        },
        "contact": (
            "Doreen Franke",
            "Fallmanagerin",
            "doreen.franke@jobcenter-halle.test",
            "0345 0000 6120",
        ),
        "staff_only": False,
    },
    {
        "slug": "teilqualifizierung-lagerlogistik-magdeburg",
        "title": "Teilqualifizierung in der Lagerlogistik",
        "teaser": (
            "Schritt für Schritt zum Berufsabschluss: Geringqualifizierte erwerben Module der "
            "Fachkraft für Lagerlogistik – mit Kammerzertifikat und Job im Betrieb."
        ),
        "jobcenters": ["jobcenter-magdeburg"],
        "status": "laufend",
        "start": date(2022, 1, 10),
        "end": None,
        "topics": ["Qualifizierung", "Arbeitgeberservice"],
        "target_groups": ["Geringqualifizierte", "Menschen mit Migrationsgeschichte"],
        "phases": ["Maßnahmedurchführung", "Absolventenmanagement"],
        "partners": [
            ("Bildungsträger", "Bildungswerk der Wirtschaft Sachsen-Anhalt"),
            ("Kammer", "IHK Magdeburg"),
            ("Arbeitgeber", "Logistikunternehmen im Hafen Magdeburg"),
        ],
        "figures": [
            ("Module", "5", "je 3 bis 4 Monate"),
            ("Teilnehmende mit Zertifikat", "112", ""),
            ("Berufsabschluss über Externenprüfung", "23", ""),
        ],
        "sections": {
            "situation": (
                "Logistikbetriebe in Magdeburg suchen Personal, viele Bewerberinnen und Bewerber "
                "haben aber keinen Berufsabschluss. Eine dreijährige Umschulung trauen sich nur "
                "wenige zu."
            ),
            "approach": (
                "Der Beruf Fachkraft für Lagerlogistik ist in fünf Teilqualifikationen "
                "zerlegt. Jedes Modul endet mit einer Kompetenzfeststellung der IHK; gelernt "
                "wird zur Hälfte im Betrieb.\n\nWer alle Module hat, kann zur Externenprüfung "
                "gehen. Das Jobcenter finanziert die Module mit Bildungsgutscheinen; der "
                "Arbeitgeberservice sorgt für Praxisplätze."
            ),
            "results": (
                "112 Teilnehmende haben mindestens ein Zertifikat, 23 haben den vollen "
                "Berufsabschluss erreicht. Die meisten arbeiten in den beteiligten Betrieben."
            ),
            "transferability": (
                "Teilqualifikationen gibt es für viele Berufe. Wichtig ist ein fester Partner "
                "auf Arbeitgeberseite, der Praxisplätze zusagt."
            ),
        },
        "contact": (
            "Maik Schröder",
            "Arbeitgeberservice",
            "maik.schroeder@jobcenter-magdeburg.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "beratung-fuer-aufstocker-kiel",
        "title": "Beratung für Erwerbstätige mit aufstockendem Bürgergeld",
        "teaser": (
            "Wer arbeitet und trotzdem Bürgergeld braucht, bekommt eine Beratung zu mehr "
            "Stunden, besserem Lohn und Weiterbildung – abends und per Telefon."
        ),
        "jobcenters": ["jobcenter-kiel"],
        "status": "laufend",
        "start": date(2023, 9, 1),
        "end": None,
        "topics": ["Beratung und Coaching", "Übergänge/Rechtskreiswechsel"],
        "target_groups": ["Bedarfsgemeinschaften", "Alleinerziehende"],
        "phases": ["Beratung & Kooperationsplanung"],
        "partners": [
            ("Arbeitgeber", "Arbeitgeber in Handel und Pflege"),
            ("Agentur für Arbeit", "Agentur für Arbeit Kiel, Weiterbildungsberatung"),
        ],
        "figures": [
            ("Beratene Erwerbstätige", "540", ""),
            ("Mehr Stunden oder höherer Lohn", "27 %", "nach 12 Monaten"),
        ],
        "sections": {
            "situation": (
                "Ein Viertel der Leistungsberechtigten arbeitet bereits, oft in Minijobs oder "
                "Teilzeit. Für sie passen die üblichen Termine am Vormittag nicht, und die "
                "Beratung beschränkte sich lange auf Einkommensnachweise."
            ),
            "approach": (
                "Ein eigenes Team berät Erwerbstätige an zwei Abenden pro Woche und per "
                "Telefon. Es geht um mehr Stunden, einen Wechsel in besser bezahlte Arbeit, "
                "Weiterbildung neben dem Job und Leistungen wie Kinderzuschlag und Wohngeld, "
                "die das Bürgergeld ablösen können.\n\nMit Betrieben aus Handel und Pflege "
                "spricht der Arbeitgeberservice über Stundenaufstockung."
            ),
            "results": (
                "Nach einem Jahr arbeitete gut ein Viertel der Beratenen mehr Stunden oder zu "
                "einem höheren Lohn; ein Teil ist ganz aus dem Leistungsbezug ausgeschieden."
            ),
            "pitfalls": (
                "Der Wechsel in Kinderzuschlag und Wohngeld braucht eine sorgfältige "
                "Vergleichsrechnung, sonst drohen Lücken beim Übergang."
            ),
        },
        "contact": (
            "Lena Petersen",
            "Teamleiterin",
            "lena.petersen@jobcenter-kiel.test",
            "0431 0000 2230",
        ),
        "staff_only": False,
    },
    {
        "slug": "pflegende-angehoerige-nordfriesland",
        "title": "Vereinbarkeit von Pflege und Beruf für pflegende Angehörige",
        "teaser": (
            "Eine Idee aus Nordfriesland: Pflegestützpunkt und Jobcenter beraten gemeinsam, "
            "wie Pflege zu Hause und eine Arbeit zusammenpassen."
        ),
        "jobcenters": ["jobcenter-nordfriesland"],
        "status": "Idee",
        "start": None,
        "end": None,
        "topics": ["Beratung und Coaching", "Gesundheit"],
        "target_groups": ["Bedarfsgemeinschaften", "Ältere"],
        "phases": ["Beratung & Kooperationsplanung"],
        "partners": [
            ("Wohlfahrtsverband", "Pflegestützpunkt Nordfriesland"),
            ("Krankenkasse", "Pflegekassen in Schleswig-Holstein"),
        ],
        "figures": [],
        "sections": {
            "situation": (
                "Viele Leistungsberechtigte pflegen Eltern oder Partner. Sie gelten als nicht "
                "verfügbar, und nach dem Ende der Pflege stehen sie nach Jahren ohne Arbeit da."
            ),
            "goals": (
                "Pflegende sollen wissen, welche Entlastung möglich ist, und eine Arbeit in "
                "Teilzeit aufnehmen können, wenn sie es wollen. Nach dem Ende der Pflege soll "
                "es keinen Neuanfang bei null geben."
            ),
            "approach": (
                "Geplant ist eine monatliche Sprechstunde des Pflegestützpunkts im Jobcenter. "
                "Integrationsfachkräfte sollen Pflegesituationen im Gespräch erkennen und auf "
                "Tagespflege, Verhinderungspflege und Pflegezeit hinweisen.\n\nMit Betrieben "
                "der Region wollen wir über pflegefreundliche Arbeitszeiten sprechen."
            ),
            "transferability": (
                "Wir suchen Jobcenter mit ähnlichen Erfahrungen – bitte melden Sie sich über die "
                "Kontaktadresse oder im Forum."
            ),
        },
        "contact": (
            "Frauke Nissen",
            "Netzwerkkoordinatorin",
            "frauke.nissen@nordfriesland.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "perspektive-50plus-erfurt",
        "title": "Perspektive 50plus: Erfahrung zählt",
        "teaser": (
            "Ältere Langzeitarbeitslose, Betriebe und ein Coaching, das Vorurteile auf beiden "
            "Seiten abbaut: Das Bundesprogramm lebt in Erfurt im Regelgeschäft weiter."
        ),
        "jobcenters": ["jobcenter-erfurt"],
        "status": "abgeschlossen",
        "start": date(2012, 1, 1),
        "end": date(2015, 12, 31),
        "topics": ["Beratung und Coaching", "Arbeitgeberservice"],
        "target_groups": ["Ältere", "Langzeitarbeitslose"],
        "phases": ["Maßnahmedurchführung", "Absolventenmanagement"],
        "partners": [
            ("Arbeitgeber", "Unternehmen der Region Mittelthüringen"),
            ("Kammer", "IHK Erfurt"),
        ],
        "figures": [
            ("Integrationen", "1.150", "2012 bis 2015"),
            ("Teilnehmende", "≈ 4.000", ""),
        ],
        "sections": {
            "situation": (
                "Langzeitarbeitslose über 50 hatten in Thüringen kaum Chancen, obwohl Betriebe "
                "bereits Fachkräfte suchten. Auf beiden Seiten gab es Vorbehalte."
            ),
            "approach": (
                "Im Rahmen des Bundesprogramms arbeiteten Coaches mit kleinen Fallzahlen. "
                "Gesundheitsangebote, Bewerbungstraining und Praktika wurden verbunden; der "
                "Arbeitgeberservice organisierte Betriebsbesuche und Jobbörsen speziell für "
                "Ältere.\n\nNach der Arbeitsaufnahme blieben die Coaches ansprechbar."
            ),
            "results": (
                "Rund 1.150 Menschen über 50 fanden eine Beschäftigung. Viele Betriebe stellen "
                "seitdem gezielt Ältere ein."
            ),
            "transferability": (
                "Das Programm endete 2015. Elemente wie die Jobbörse für Ältere und das "
                "Coaching nach Arbeitsaufnahme wurden ins Regelgeschäft übernommen."
            ),
        },
        "contact": (
            "Uwe Hoffmann",
            "Bereichsleiter",
            "uwe.hoffmann@jobcenter-erfurt.test",
            "0361 0000 4100",
        ),
        "staff_only": False,
    },
    {
        "slug": "peer-mentoring-jena",
        "title": "Peer-Mentoring: Ehemalige begleiten neue Teilnehmende",
        "teaser": (
            "Wer den Weg aus der Langzeitarbeitslosigkeit geschafft hat, begleitet andere: "
            "Mentorinnen und Mentoren erzählen, hören zu und gehen mit zum Vorstellungsgespräch."
        ),
        "jobcenters": ["jenarbeit-jobcenter-jena"],
        "status": "Erprobung",
        "start": date(2024, 2, 1),
        "end": date(2026, 1, 31),
        "topics": ["Beratung und Coaching", "Netzwerkarbeit"],
        "target_groups": ["Langzeitarbeitslose", "Menschen mit Migrationsgeschichte"],
        "phases": ["Maßnahmedurchführung", "Absolventenmanagement"],
        "partners": [
            ("Bildungsträger", "Bildungsträger im Netzwerk Jenaer Arbeit"),
            ("Wissenschaft", "Friedrich-Schiller-Universität Jena, Institut für Soziologie"),
        ],
        "figures": [
            ("Mentorinnen und Mentoren", "21", ""),
            ("Tandems", "48", ""),
        ],
        "sections": {
            "situation": (
                "Neue Teilnehmende misstrauen Ratschlägen von Fachkräften, die selbst nie "
                "arbeitslos waren. Absolventinnen und Absolventen von Maßnahmen verschwinden "
                "nach der Arbeitsaufnahme aus dem Blick."
            ),
            "approach": (
                "Ehemalige Teilnehmende, die heute arbeiten, werden als Mentorinnen und Mentoren "
                "geschult und erhalten eine Aufwandsentschädigung. Sie treffen ihre Tandems "
                "alle zwei Wochen und begleiten auf Wunsch zu Terminen.\n\nEin qualitativer "
                "Rückmeldebogen erfasst, was geholfen hat; die Universität wertet die Bögen aus."
            ),
            "results": (
                "48 Tandems sind entstanden. Die Teilnehmenden berichten, dass sie sich ernst "
                "genommen fühlen; die Mentorinnen und Mentoren wachsen an ihrer Rolle."
            ),
            "success_factors": (
                "Begleitung der Mentorinnen und Mentoren durch eine feste Fachkraft und eine "
                "klare Grenze: Mentoring ersetzt keine Beratung."
            ),
        },
        "contact": (
            "Kathrin Zimmermann",
            "Projektkoordinatorin",
            "kathrin.zimmermann@jenarbeit.test",
            "03641 0000 470",
        ),
        "staff_only": False,
    },
    {
        "slug": "randzeitenbetreuung-leipzig",
        "title": "Kinderbetreuung in Randzeiten für Alleinerziehende",
        "teaser": (
            "Frühschicht um sechs, Spätschicht bis 22 Uhr: Eine Randzeitenbetreuung macht "
            "Arbeit in Pflege, Handel und Logistik für Alleinerziehende möglich."
        ),
        "jobcenters": ["jobcenter-leipzig"],
        "status": "laufend",
        "start": date(2022, 5, 1),
        "end": None,
        "topics": ["Kinderbetreuung", "Arbeitgeberservice"],
        "target_groups": ["Alleinerziehende"],
        "phases": ["Übergabe/Aufnahme beim Träger", "Absolventenmanagement"],
        "partners": [
            ("Jugendamt", "Amt für Jugend und Familie Leipzig"),
            ("Arbeitgeber", "Kliniken und Logistikbetriebe in Leipzig"),
            ("Wohlfahrtsverband", "Familienzentrum des Deutschen Kinderschutzbundes"),
        ],
        "figures": [
            ("Betreute Kinder", "74", ""),
            ("Betreuung ab", "5:30 Uhr", "bis 22:00 Uhr"),
        ],
        "sections": {
            "situation": (
                "Viele offene Stellen in Leipzig liegen im Schichtdienst. Kitas öffnen aber "
                "erst um sieben und schließen um 17 Uhr; für Alleinerziehende scheidet die "
                "Arbeit damit aus."
            ),
            "approach": (
                "Geschulte Betreuungskräfte holen Kinder morgens zu Hause ab und bringen sie in "
                "die Kita oder betreuen sie abends in der eigenen Wohnung. Das Jugendamt "
                "finanziert die Betreuung als ergänzende Kindertagespflege.\n\nDas Jobcenter "
                "vermittelt an Arbeitgeber, die sich an den Kosten beteiligen."
            ),
            "results": (
                "74 Kinder wurden betreut; fast alle Mütter und Väter haben ihre Stelle nach "
                "sechs Monaten noch."
            ),
            "pitfalls": (
                "Betreuungskräfte für die frühen Morgenstunden sind schwer zu finden. Eine "
                "Vertretung bei Krankheit muss von Anfang an geregelt sein."
            ),
        },
        "contact": (
            "Franziska Richter",
            "Integrationsfachkraft",
            "franziska.richter@jobcenter-leipzig.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "digitale-grundbildung-goerlitz",
        "title": "Digitale Grundbildung im ländlichen Raum",
        "teaser": (
            "Online-Antrag, E-Mail-Bewerbung, Videogespräch: In Dorfgemeinschaftshäusern lernen "
            "Leistungsberechtigte die digitalen Grundlagen für Arbeit und Alltag."
        ),
        "jobcenters": ["jobcenter-landkreis-goerlitz"],
        "status": "laufend",
        "start": date(2023, 4, 1),
        "end": None,
        "topics": ["Qualifizierung", "Mobilität"],
        "target_groups": ["Ältere", "Geringqualifizierte", "Langzeitarbeitslose"],
        "phases": ["Maßnahmedurchführung"],
        "partners": [
            ("Bildungsträger", "Volkshochschule Dreiländereck"),
            ("Kommune", "Gemeinden des Landkreises Görlitz"),
        ],
        "figures": [
            ("Kursorte", "14", "Dorfgemeinschaftshäuser und Bibliotheken"),
            ("Teilnehmende", "290", ""),
        ],
        "sections": {
            "situation": (
                "Bewerbungen, Anträge und viele Termine laufen heute digital. Gerade Ältere und "
                "Menschen ohne Berufsabschluss auf dem Land haben oft kein eigenes Gerät und "
                "trauen sich die Nutzung nicht zu."
            ),
            "approach": (
                "Die Volkshochschule bietet Kurse in kleinen Gruppen direkt in den Dörfern an, "
                "mit Leihgeräten. Die Gemeinden stellen Räume; das Jobcenter lädt ein und "
                "übernimmt die Kosten.\n\nInhalte sind E-Mail, Online-Bewerbung, das Portal des "
                "Jobcenters, Videogespräche und Sicherheit im Netz."
            ),
            "results": (
                "290 Menschen haben teilgenommen; viele nutzen seitdem das Online-Postfach und "
                "bewerben sich per E-Mail. Der Weg in die Kreisstadt entfällt."
            ),
            "transferability": (
                "Leicht übertragbar: Es braucht einen Bildungsträger mit mobilen Geräten und "
                "Gemeinden, die Räume zur Verfügung stellen."
            ),
        },
        "contact": (
            "Ines Wagner",
            "Netzwerkkoordinatorin",
            "ines.wagner@kreis-goerlitz.test",
            "03581 0000 663",
        ),
        "staff_only": False,
    },
    {
        "slug": "orientierungskurs-frauen-fluchtgeschichte-frankfurt",
        "title": "Orientierungskurs Arbeitsmarkt für Frauen mit Fluchtgeschichte",
        "teaser": (
            "Berufe kennenlernen, Betriebe besuchen, eigene Stärken entdecken: Ein Kurs nur für "
            "Frauen öffnet den Weg in Ausbildung und Arbeit."
        ),
        "jobcenters": ["jobcenter-frankfurt-am-main"],
        "status": "laufend",
        "start": date(2021, 9, 1),
        "end": None,
        "topics": ["Beratung und Coaching", "Qualifizierung", "Kinderbetreuung"],
        "target_groups": ["Menschen mit Migrationsgeschichte", "Alleinerziehende"],
        "phases": ["Übergabe/Aufnahme beim Träger", "Maßnahmedurchführung"],
        "partners": [
            ("Wohlfahrtsverband", "Internationaler Bund, Frauenprojekt Frankfurt"),
            ("Bildungsträger", "Frankfurter Verein für soziale Heimstätten"),
            ("Arbeitgeber", "Betriebe aus Pflege, Einzelhandel und Hotellerie"),
        ],
        "figures": [
            ("Kursdauer", "16 Wochen", "vormittags, mit Kinderbetreuung"),
            ("Anschluss an Sprachkurs, Ausbildung oder Arbeit", "68 %", ""),
        ],
        "sections": {
            "situation": (
                "Viele geflüchtete Frauen haben vor allem Familienarbeit geleistet und kennen "
                "den deutschen Arbeitsmarkt kaum. Gemischte Kurse besuchen sie seltener, und "
                "ohne Kinderbetreuung ist eine Teilnahme unmöglich."
            ),
            "approach": (
                "Der Kurs findet vormittags statt, eine Kinderbetreuung ist im Haus. Die Frauen "
                "lernen Berufe in Betriebsbesuchen und kurzen Praktika kennen, üben "
                "Bewerbungsgespräche und erarbeiten ein Kompetenzprofil.\n\nEine "
                "Sozialpädagogin mit Arabisch- und Dari-Kenntnissen begleitet die Gruppe. Am "
                "Ende steht eine Übergabe an die Integrationsfachkraft mit einem konkreten "
                "nächsten Schritt."
            ),
            "results": (
                "Zwei Drittel der Teilnehmerinnen beginnen danach einen Sprachkurs, eine "
                "Ausbildung oder eine Beschäftigung, am häufigsten in der Pflege."
            ),
            "success_factors": (
                "Ein geschützter Rahmen nur für Frauen, Betreuung der Kinder und "
                "Betriebsbesuche statt Theorie."
            ),
        },
        "contact": (
            "Leyla Rahimi",
            "Integrationsfachkraft",
            "leyla.rahimi@jobcenter-frankfurt.test",
            "069 0000 2178",
        ),
        "staff_only": False,
    },
    {
        "slug": "uebergabebogen-warme-uebergabe-marburg-biedenkopf",
        "title": "Übergabebogen und warme Übergabe an den Maßnahmeträger",
        "teaser": (
            "Ein gemeinsamer Übergabebogen und ein Dreiergespräch sorgen dafür, dass Träger "
            "wissen, mit wem sie arbeiten – und Teilnehmende nicht alles neu erzählen müssen."
        ),
        "jobcenters": ["kreisjobcenter-marburg-biedenkopf"],
        "status": "ins Regelgeschäft überführt",
        "start": date(2019, 9, 1),
        "end": None,
        "topics": ["Netzwerkarbeit", "Beratung und Coaching"],
        "target_groups": ["Langzeitarbeitslose", "Geringqualifizierte"],
        "phases": [
            "Beratung & Kooperationsplanung",
            "Übergabe/Aufnahme beim Träger",
            "Absolventenmanagement",
        ],
        "partners": [
            ("Bildungsträger", "Maßnahmeträger im Landkreis Marburg-Biedenkopf"),
            ("Kommune", "Landkreis Marburg-Biedenkopf"),
        ],
        "figures": [
            ("Nichtantritt von Maßnahmen", "−40 %", "nach Einführung"),
            ("Übergabebogen", "2 Seiten", ""),
        ],
        "sections": {
            "situation": (
                "Zwischen Zuweisung und Maßnahmebeginn gingen Informationen verloren: Träger "
                "erhielten nur Name und Maßnahmenummer, Teilnehmende traten nicht an oder "
                "brachen früh ab."
            ),
            "goals": (
                "Jede Übergabe an einen Träger soll mit den nötigen Informationen und einem "
                "persönlichen Kontakt geschehen; am Ende der Maßnahme kommt eine Rückmeldung "
                "zurück."
            ),
            "approach": (
                "Integrationsfachkraft und Teilnehmende füllen gemeinsam einen zweiseitigen "
                "Übergabebogen aus: Ziele, Stärken, Rahmenbedingungen wie Kinderbetreuung oder "
                "Arbeitsweg. Was weitergegeben wird, entscheidet die Person selbst.\n\nDer "
                "Träger lädt zu einem Dreiergespräch in der ersten Woche ein. Zum Ende schickt "
                "er einen Rückmeldebogen, den die Integrationsfachkraft im Abschlussgespräch "
                "nutzt."
            ),
            "results": (
                "Nichtantritte gingen um 40 Prozent zurück; Träger und Jobcenter sprechen "
                "heute regelmäßig über einzelne Verläufe statt nur über Belegungszahlen."
            ),
            "transferability": (
                "Die Idee stammt aus dem Forum „Make It Work“ und lässt sich in jedem Jobcenter "
                "umsetzen. Der Bogen steht als Vorlage in der Handlungshilfe zur Übergabe."
            ),
        },
        "contact": (
            "Andreas Koch",
            "Fachbereichsleitung Integration",
            "andreas.koch@marburg-biedenkopf.test",
            "06421 0000 405",
        ),
        "staff_only": False,
    },
    {
        "slug": "stadtteilbuero-dortmund-nordstadt",
        "title": "Stadtteilbüro: Jobcenter-Beratung im Quartier",
        "teaser": (
            "Beratung ohne Termin im Stadtteilzentrum der Nordstadt: Das Jobcenter ist dort, "
            "wo die Menschen leben – gemeinsam mit Quartiersmanagement und Migrationsdiensten."
        ),
        "jobcenters": ["jobcenter-dortmund"],
        "status": "laufend",
        "start": date(2020, 9, 1),
        "end": None,
        "topics": ["Beratung und Coaching", "Netzwerkarbeit"],
        "target_groups": ["Bedarfsgemeinschaften", "Menschen mit Migrationsgeschichte"],
        "phases": ["Beratung & Kooperationsplanung"],
        "partners": [
            ("Kommune", "Quartiersmanagement Nordstadt"),
            ("Wohlfahrtsverband", "Migrationsdienste von AWO und Caritas"),
        ],
        "figures": [
            ("Offene Sprechzeiten", "3 pro Woche", ""),
            ("Kontakte", "≈ 2.800 pro Jahr", ""),
        ],
        "sections": {
            "situation": (
                "In der Dortmunder Nordstadt leben viele Familien im Leistungsbezug, oft mit "
                "Sprachbarrieren. Der Weg ins Jobcenter ist weit, und Briefe werden nicht "
                "verstanden."
            ),
            "approach": (
                "Integrationsfachkräfte beraten dreimal pro Woche ohne Termin im "
                "Stadtteilzentrum. Migrationsdienste übersetzen und helfen bei Anträgen; das "
                "Quartiersmanagement lädt zu Nachbarschaftsfesten und Jobbörsen im Stadtteil "
                "ein.\n\nViele Anliegen lassen sich direkt klären; für alles andere wird ein "
                "Termin im Jobcenter vereinbart."
            ),
            "results": (
                "Rund 2.800 Kontakte im Jahr, viele mit Menschen, die vorher keine Termine "
                "wahrgenommen haben. Die Zahl der Widersprüche wegen Missverständnissen sank."
            ),
            "success_factors": (
                "Verlässliche Zeiten, dieselben Gesichter und Partner, denen die Menschen im "
                "Stadtteil vertrauen."
            ),
        },
        "contact": (
            "Mehmet Yılmaz",
            "Integrationsfachkraft",
            "mehmet.yilmaz@jobcenter-dortmund.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "speed-dating-betriebe-bochum",
        "title": "Speed-Dating mit Betrieben der Region",
        "teaser": (
            "Zehn Minuten, ein Tisch, kein Anschreiben: Beim Speed-Dating lernen Betriebe und "
            "Arbeitsuchende sich direkt kennen – vorbereitet vom Arbeitgeberservice."
        ),
        "jobcenters": ["jobcenter-bochum"],
        "status": "laufend",
        "start": date(2021, 6, 1),
        "end": None,
        "topics": ["Arbeitgeberservice"],
        "target_groups": ["Langzeitarbeitslose", "Jugendliche unter 25"],
        "phases": ["Maßnahmedurchführung"],
        "partners": [
            ("Arbeitgeber", "Betriebe aus Handwerk, Handel und Logistik"),
            ("Kammer", "Handwerkskammer Dortmund"),
            ("Agentur für Arbeit", "Agentur für Arbeit Bochum"),
        ],
        "figures": [
            ("Veranstaltungen", "6 pro Jahr", ""),
            ("Einstellungen", "≈ 1 je 5 Gespräche", ""),
        ],
        "sections": {
            "situation": (
                "Bewerbungen von Menschen mit Lücken im Lebenslauf werden oft aussortiert, "
                "bevor es ein Gespräch gibt. Viele Betriebe suchen dringend, finden aber über "
                "Anzeigen niemanden."
            ),
            "approach": (
                "Der Arbeitgeberservice sammelt Stellen, bereitet Arbeitsuchende in einem "
                "kurzen Training vor und lädt beide Seiten ein. In zehnminütigen Gesprächen "
                "zählt der persönliche Eindruck.\n\nNach der Veranstaltung vermittelt der "
                "Arbeitgeberservice Probearbeitstage."
            ),
            "results": (
                "Etwa jedes fünfte Gespräch führt zu einer Einstellung oder Ausbildung. Die "
                "Betriebe kommen wieder und bringen andere mit."
            ),
            "transferability": (
                "Mit wenig Aufwand übertragbar; wichtig ist die Vorbereitung beider Seiten und "
                "die Nachbereitung innerhalb einer Woche."
            ),
        },
        "contact": (
            "Julia Krause",
            "Arbeitgeberservice",
            "julia.krause@jobcenter-bochum.test",
            "0234 0000 1180",
        ),
        "staff_only": False,
    },
    {
        "slug": "aufsuchende-arbeit-junge-menschen-hagen",
        "title": "Aufsuchende Arbeit mit schwer erreichbaren jungen Menschen",
        "teaser": (
            "Streetworkerinnen gehen dahin, wo junge Menschen sind, die von keinem System mehr "
            "erreicht werden – finanziert nach § 16h SGB II."
        ),
        "jobcenters": ["jobcenter-hagen"],
        "status": "laufend",
        "start": date(2019, 7, 1),
        "end": None,
        "topics": ["Beratung und Coaching", "Wohnen", "Sucht"],
        "target_groups": ["Jugendliche unter 25"],
        "phases": ["Beratung & Kooperationsplanung", "Übergabe/Aufnahme beim Träger"],
        "partners": [
            ("Jugendamt", "Fachbereich Jugend und Soziales der Stadt Hagen"),
            ("Wohlfahrtsverband", "Jugendsozialarbeit der Diakonie Mark-Ruhr"),
        ],
        "figures": [
            ("Erreichte junge Menschen", "≈ 150 pro Jahr", ""),
            ("Übergang in Schule, Ausbildung oder Maßnahme", "45 %", ""),
        ],
        "sections": {
            "situation": (
                "Einige junge Menschen haben den Kontakt zu Schule, Jobcenter und Familie "
                "abgebrochen. Sie übernachten bei Freunden, konsumieren Drogen oder verschulden "
                "sich – und tauchen in keiner Statistik mehr auf."
            ),
            "approach": (
                "Zwei Streetworkerinnen der Diakonie sind an Treffpunkten, in Jugendzentren und "
                "in sozialen Netzwerken unterwegs. Sie bauen Vertrauen auf, helfen bei "
                "Wohnungslosigkeit und Behördenpost und begleiten zurück ins Hilfesystem.\n\n"
                "Jobcenter und Jugendamt finanzieren das Angebot gemeinsam über § 16h SGB II."
            ),
            "results": (
                "Knapp die Hälfte der Erreichten beginnt innerhalb eines Jahres eine Schule, "
                "Ausbildung oder Maßnahme. Mehrere junge Menschen wurden vor der "
                "Wohnungslosigkeit bewahrt."
            ),
            "pitfalls": (
                "Erfolge sind langsam und schwer zu messen. Die Finanzierung muss über mehrere "
                "Jahre gesichert sein, sonst bricht der mühsam aufgebaute Kontakt wieder ab."
            ),
        },
        "contact": (
            "Sarah Lorenz",
            "Teamleiterin U25",
            "sarah.lorenz@jobcenter-hagen.test",
            "",
        ),
        "staff_only": False,
    },
    {
        "slug": "gesundheitsfoerderung-krankenkasse-wuppertal",
        "title": "Gesundheitsförderung gemeinsam mit der Krankenkasse",
        "teaser": (
            "Jobcenter und Krankenkassen verzahnen Beratung und Präventionskurse; eine "
            "Hochschule hat gemessen, was es bringt."
        ),
        "jobcenters": ["jobcenter-wuppertal"],
        "status": "ins Regelgeschäft überführt",
        "start": date(2016, 4, 1),
        "end": None,
        "topics": ["Gesundheit", "Netzwerkarbeit"],
        "target_groups": ["Langzeitarbeitslose", "Ältere"],
        "phases": ["Beratung & Kooperationsplanung", "Maßnahmedurchführung"],
        "partners": [
            ("Krankenkasse", "Gesetzliche Krankenkassen in Wuppertal"),
            ("Wissenschaft", "Bergische Universität Wuppertal"),
        ],
        "figures": [
            ("Präventionskurse", "≈ 40 pro Jahr", ""),
            ("Teilnehmende", "> 2.000", "seit 2016"),
        ],
        "sections": {
            "situation": (
                "Arbeitslosigkeit macht krank, und Krankheit verlängert die Arbeitslosigkeit. "
                "Präventionsangebote der Krankenkassen erreichten Leistungsberechtigte kaum."
            ),
            "approach": (
                "Integrationsfachkräfte sprechen Gesundheit im Beratungsgespräch an und weisen "
                "auf Kurse hin, die die Krankenkassen gemeinsam finanzieren: Bewegung, "
                "Stressbewältigung, Ernährung und Rauchentwöhnung.\n\nDie Bergische Universität "
                "hat das Modell über drei Jahre evaluiert."
            ),
            "results": (
                "Mehr als 2.000 Menschen haben teilgenommen. Die Evaluation zeigt bessere "
                "selbst eingeschätzte Gesundheit und mehr Teilnahme an Folgeangeboten."
            ),
            "transferability": (
                "Das Modell wurde bundesweit im Programm „Verzahnung von Arbeits- und "
                "Gesundheitsförderung in der kommunalen Lebenswelt“ aufgegriffen."
            ),
        },
        "contact": (
            "Michael Schmitz",
            "Gesundheitskoordinator",
            "michael.schmitz@jobcenter-wuppertal.test",
            "0202 0000 7460",
        ),
        "staff_only": False,
    },
    {
        "slug": "benchmarking-netzwerkkoordination-mitteldeutschland",
        "title": "Gemeinsames Benchmarking der Netzwerkkoordination",
        "teaser": (
            "Jobcenter aus Sachsen-Anhalt und Thüringen wollen ihre Netzwerkarbeit mit "
            "gemeinsamen Kennzahlen vergleichen. Ein internes Konzept zur Diskussion."
        ),
        "jobcenters": ["jobcenter-halle-saale", "jobcenter-magdeburg", "jobcenter-erfurt"],
        "status": "Idee",
        "start": None,
        "end": None,
        "topics": ["Netzwerkarbeit"],
        "target_groups": ["Langzeitarbeitslose"],
        "phases": ["Beratung & Kooperationsplanung"],
        "partners": [
            ("Wissenschaft", "Hochschule Merseburg"),
            ("Agentur für Arbeit", "Regionaldirektion Sachsen-Anhalt-Thüringen"),
        ],
        "figures": [("Beteiligte Jobcenter", "3", "in der Vorbereitung")],
        "sections": {
            "situation": (
                "Netzwerkarbeit ist schwer zu messen. Jedes Jobcenter zählt anders: Zahl der "
                "Partner, Kooperationsvereinbarungen, vermittelte Fälle. Ein Vergleich ist "
                "kaum möglich."
            ),
            "goals": (
                "Ein kleiner Satz gemeinsamer Kennzahlen, der zeigt, ob Netzwerke bei den "
                "Menschen ankommen – etwa die Zeit von der Verweisung bis zum ersten Termin bei "
                "einer Beratungsstelle."
            ),
            "approach": (
                "Drei Jobcenter erproben ab dem nächsten Jahr fünf Kennzahlen. Die Hochschule "
                "Merseburg berät zur Erhebung; die Ergebnisse werden nur intern und anonymisiert "
                "verglichen."
            ),
            "pitfalls": (
                "Kennzahlen dürfen nicht zum Ranking der Netzwerkkoordinatorinnen und "
                "-koordinatoren werden. Deshalb bleibt das Konzept vorerst intern."
            ),
        },
        "contact": (
            "Katja Neubert",
            "Netzwerkkoordinatorin",
            "katja.neubert@jobcenter-halle.test",
            "",
        ),
        "staff_only": True,
    },
]
