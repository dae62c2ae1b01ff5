"""A judged corpus: practices of Jobcenter networks, described the way a Jobcenter would.

Plain data for ``tests/search/test_judged_queries.py``. Several practices are near misses of
each other (two debt projects for different target groups, two housing projects, three kinds of
outreach) so that the order of the results matters, not only whether something is found. The
texts use the official vocabulary; the judged queries use the words staff type.
"""

CORPUS: list[dict] = [
    {
        "title": "Schuldnerberatung mit fester Sprechstunde im Jobcenter",
        "teaser": (
            "Die kommunale Schuldnerberatung bietet zweimal wöchentlich eine offene "
            "Sprechstunde in den Räumen des Jobcenters an."
        ),
        "text": (
            "Bei einem großen Teil der langzeitarbeitslosen Leistungsberechtigten liegt eine "
            "Überschuldung vor, die Vermittlungsbemühungen regelmäßig ins Leere laufen lässt. "
            "Lange Wartezeiten bei der Schuldnerberatung führten dazu, dass Termine nicht "
            "wahrgenommen wurden. Seit 2022 hält die Schuldner- und Insolvenzberatung des "
            "Kreises eine offene Sprechstunde direkt im Jobcenter ab. Integrationsfachkräfte "
            "vermitteln im Rahmen der kommunalen Eingliederungsleistungen nach § 16a SGB II "
            "ohne Zuweisungsschreiben. In der Erstberatung werden Gläubigerübersicht, "
            "Pfändungsschutzkonto und Haushaltsplan erarbeitet; bei Bedarf folgt die "
            "Vorbereitung eines Verbraucherinsolvenzverfahrens. Die Wartezeit auf ein "
            "Erstgespräch sank von zwölf auf zwei Wochen."
        ),
        "topics": ("schulden", "beratung-und-coaching"),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("schuldnerberatung", "kommune"),
        "bundeslaender": ("NW",),
        "status": "ins-regelgeschaeft-ueberfuehrt",
    },
    {
        "title": "Finanzcoaching für junge Erwachsene",
        "teaser": (
            "Junge Leistungsberechtigte unter 25 Jahren lernen, mit Geld, Verträgen und "
            "Zahlungsaufforderungen umzugehen, bevor sich Schulden verfestigen."
        ),
        "text": (
            "In der Jugendberufsagentur fiel auf, dass viele junge Menschen bereits mit Anfang "
            "zwanzig Zahlungsrückstände aus Mobilfunkverträgen, Online-Käufen auf Rechnung und "
            "Inkassoforderungen haben. Das Finanzcoaching setzt präventiv an: In kleinen "
            "Gruppen und Einzelterminen vermittelt eine Fachkraft der Schuldnerprävention "
            "Grundlagen der Haushaltsführung, prüft Forderungen und begleitet erste Gespräche "
            "mit Gläubigern. Ziel ist, eine Überschuldung zu vermeiden, die den Start in "
            "Ausbildung oder Beschäftigung gefährdet, etwa durch Lohnpfändungen. Das Angebot "
            "wird mit der Berufsorientierung verzahnt."
        ),
        "topics": ("schulden",),
        "target_groups": ("jugendliche-unter-25",),
        "partner_types": ("schuldnerberatung", "jugendamt"),
        "bundeslaender": ("HE",),
        "status": "laufend",
    },
    {
        "title": "Mietrückstände früh erkennen, Wohnungsverlust verhindern",
        "teaser": (
            "Jobcenter, Fachstelle für Wohnungsnotfälle und Vermieter informieren sich "
            "gegenseitig, sobald Mietrückstände auflaufen."
        ),
        "text": (
            "Räumungsklagen treffen häufig Bedarfsgemeinschaften, deren Kosten der Unterkunft "
            "nach Sanktionen, Direktzahlungsproblemen oder Einkommensschwankungen nicht "
            "vollständig beim Vermieter ankommen. Die Kooperationsvereinbarung mit den großen "
            "Wohnungsbaugesellschaften und der kommunalen Fachstelle zur Prävention von "
            "Wohnungslosigkeit sieht vor, dass Mietrückstände ab einer Monatsmiete gemeldet "
            "werden. Das Jobcenter prüft dann die Direktüberweisung der Unterkunftskosten und "
            "ein Darlehen nach § 22 Abs. 8 SGB II, die Fachstelle übernimmt die Beratung. "
            "Zwangsräumungen gingen im Projektgebiet deutlich zurück."
        ),
        "topics": ("wohnen", "schulden"),
        "target_groups": ("bedarfsgemeinschaften",),
        "partner_types": ("kommune", "wohlfahrtsverband"),
        "bundeslaender": ("BE",),
        "status": "laufend",
    },
    {
        "title": "Housing First: Erst die Wohnung, dann die Arbeit",
        "teaser": (
            "Wohnungslose Leistungsberechtigte erhalten einen eigenen Mietvertrag ohne "
            "Vorbedingungen und danach eine Begleitung in Richtung Beschäftigung."
        ),
        "text": (
            "Menschen ohne festen Wohnsitz sind für die Integrationsarbeit kaum erreichbar: "
            "Post kommt nicht an, Termine scheitern an der Lebenslage. Nach dem Ansatz "
            "Housing First vermittelt ein freier Träger der Wohnungslosenhilfe eigene "
            "Wohnungen mit regulärem Mietvertrag, ohne dass zuvor Abstinenz oder "
            "Wohnfähigkeit nachgewiesen werden muss. Die Sozialarbeit bleibt auch nach dem "
            "Einzug. Erst wenn die Wohnsituation stabil ist, beginnt gemeinsam mit dem "
            "Jobcenter die schrittweise Heranführung an den Arbeitsmarkt, oft zunächst über "
            "eine Arbeitsgelegenheit. Nach zwei Jahren lebten 85 Prozent der Teilnehmenden "
            "weiterhin in ihrer Wohnung."
        ),
        "topics": ("wohnen", "beratung-und-coaching"),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("wohlfahrtsverband", "kommune"),
        "bundeslaender": ("HH",),
        "status": "erprobung",
    },
    {
        "title": "Suchtberatung im Tandem mit der Integrationsfachkraft",
        "teaser": (
            "Integrationsfachkraft und Suchtberaterin führen gemeinsame Gespräche, wenn ein "
            "riskanter Konsum die Arbeitsaufnahme behindert."
        ),
        "text": (
            "Abhängigkeitserkrankungen, insbesondere ein problematischer Alkoholkonsum, werden "
            "in der Beratung oft erst spät angesprochen. Das Jobcenter hat mit der "
            "Fachstelle für Suchtprävention und Suchthilfe ein Tandemmodell vereinbart: Auf "
            "Wunsch der Kundin oder des Kunden findet ein gemeinsames Gespräch statt, in dem "
            "nach den Grundsätzen der motivierenden Gesprächsführung Ziele vereinbart werden. "
            "Die Suchtberatung ist kommunale Eingliederungsleistung nach § 16a SGB II. Alle "
            "Integrationsfachkräfte wurden geschult, Anzeichen einer Abhängigkeit zu erkennen "
            "und wertschätzend anzusprechen. Die Übergänge in Entgiftung und Entwöhnung "
            "werden eng begleitet."
        ),
        "topics": ("sucht", "gesundheit"),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("suchtberatung",),
        "bundeslaender": ("NI",),
        "status": "ins-regelgeschaeft-ueberfuehrt",
    },
    {
        "title": "Cannabis, Ausbildung und Suchtprävention in der Jugendberufsagentur",
        "teaser": (
            "Die Jugendsuchtberatung ist fester Teil der Jugendberufsagentur und berät junge "
            "Menschen, deren Konsum Schule oder Ausbildung gefährdet."
        ),
        "text": (
            "Ausbildungsabbrüche junger Menschen stehen nicht selten im Zusammenhang mit "
            "Cannabiskonsum oder dem Konsum anderer Substanzen. Die Jugendsuchtberatung des "
            "Landkreises hält eine wöchentliche Sprechstunde in der Jugendberufsagentur ab. "
            "Fachkräfte des Jobcenters, der Berufsberatung und der Jugendhilfe können junge "
            "Menschen unter 25 Jahren niedrigschwellig vermitteln. Angeboten werden "
            "Frühinterventionskurse, Einzelberatung und die Begleitung in eine ambulante "
            "Behandlung. Ausbildungsbetriebe werden über Ansprechpersonen informiert, ohne "
            "dass Sozialdaten weitergegeben werden."
        ),
        "topics": ("sucht",),
        "target_groups": ("jugendliche-unter-25",),
        "partner_types": ("suchtberatung", "jugendamt", "agentur-fuer-arbeit"),
        "bundeslaender": ("BW",),
        "status": "laufend",
    },
    {
        "title": "Kinderbetreuung in Randzeiten für Alleinerziehende",
        "teaser": (
            "Tagespflegepersonen betreuen Kinder früh morgens, abends und am Wochenende, "
            "damit Alleinerziehende Schichtarbeit annehmen können."
        ),
        "text": (
            "In Pflege, Einzelhandel und Gastronomie beginnen Schichten vor der Öffnung der "
            "Kindertagesstätten oder enden nach deren Schließung. Für Alleinerziehende ist das "
            "häufig das entscheidende Vermittlungshemmnis. Gemeinsam mit dem Jugendamt hat das "
            "Jobcenter einen Pool von Kindertagespflegepersonen aufgebaut, die ergänzend zur "
            "Regelbetreuung in Randzeiten einspringen, auch im Haushalt der Familie. Die "
            "Kosten trägt in der Anfangsphase das Jobcenter, danach die öffentliche "
            "Jugendhilfe. Arbeitgeber aus der Pflege beteiligen sich an der Finanzierung."
        ),
        "topics": ("kinderbetreuung",),
        "target_groups": ("alleinerziehende",),
        "partner_types": ("jugendamt", "arbeitgeber"),
        "bundeslaender": ("SN",),
        "status": "laufend",
    },
    {
        "title": "Teilzeitausbildung für alleinerziehende Mütter",
        "teaser": (
            "Betriebe, Kammer und Jobcenter ermöglichen eine duale Berufsausbildung mit "
            "reduzierter Wochenarbeitszeit."
        ),
        "text": (
            "Viele Alleinerziehende haben keinen Berufsabschluss, weil die Familiengründung in "
            "die Ausbildungszeit fiel. Eine Vollzeitausbildung ist mit der Betreuung kleiner "
            "Kinder kaum vereinbar. Nach § 7a Berufsbildungsgesetz kann die Ausbildung in "
            "Teilzeit absolviert werden. Das Projekt akquiriert gemeinsam mit der Industrie- "
            "und Handelskammer Ausbildungsbetriebe, die eine Teilzeitausbildung anbieten, und "
            "begleitet die jungen Mütter durch ein Coaching, das auch die Organisation der "
            "Kinderbetreuung umfasst. Bisher haben 34 Teilnehmerinnen ihre Ausbildung "
            "begonnen, 21 haben die Abschlussprüfung bestanden."
        ),
        "topics": ("qualifizierung", "kinderbetreuung"),
        "target_groups": ("alleinerziehende",),
        "partner_types": ("kammer", "arbeitgeber"),
        "bundeslaender": ("RP",),
        "status": "ins-regelgeschaeft-ueberfuehrt",
    },
    {
        "title": "Kita-Lotsin vermittelt Betreuungsplätze",
        "teaser": (
            "Eine Lotsin des Jugendamts sitzt im Jobcenter und sucht für Eltern freie Plätze "
            "in Kindertagesstätten und in der Kindertagespflege."
        ),
        "text": (
            "Eltern in der Grundsicherung finden bei knappen Kapazitäten oft keinen "
            "Betreuungsplatz, weil sie die Anmeldefristen und Vergabekriterien nicht kennen. "
            "Die Kita-Lotsin berät Bedarfsgemeinschaften zum Rechtsanspruch auf "
            "Kindertagesbetreuung, unterstützt bei Anmeldung und Antrag auf Kostenübernahme "
            "und hält Kontakt zu Trägern der Kindertagesstätten. Integrationsfachkräfte "
            "melden den Betreuungsbedarf schon beim Erstgespräch. So kann die Aufnahme einer "
            "Beschäftigung oder Maßnahme zeitgleich mit dem Betreuungsbeginn geplant werden."
        ),
        "topics": ("kinderbetreuung", "netzwerkarbeit"),
        "target_groups": ("alleinerziehende", "bedarfsgemeinschaften"),
        "partner_types": ("jugendamt", "kommune"),
        "bundeslaender": ("BY",),
        "status": "laufend",
    },
    {
        "title": "Führerscheinförderung im ländlichen Raum",
        "teaser": (
            "Das Jobcenter fördert den Erwerb der Fahrerlaubnis Klasse B, wenn eine konkrete "
            "Beschäftigung ohne Auto nicht erreichbar ist."
        ),
        "text": (
            "In den Flächenlandkreisen sind viele Arbeitsorte mit öffentlichen Verkehrsmitteln "
            "nicht oder nur im Schichtbetrieb nicht erreichbar. Mobilitätshilfen aus dem "
            "Vermittlungsbudget nach § 16 SGB II in Verbindung mit § 44 SGB III decken die "
            "Kosten der Fahrerlaubnis, wenn eine Einstellungszusage vorliegt oder der "
            "Führerschein für die Integration notwendig ist. Eine Fahrschule mit "
            "Bildungsträgerzulassung bietet Theorieunterricht mit Sprachunterstützung und "
            "Lernbegleitung an. Die Bestehensquote in der theoretischen Prüfung stieg auf 80 "
            "Prozent."
        ),
        "topics": ("mobilitaet",),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("bildungstraeger", "arbeitgeber"),
        "bundeslaender": ("MV",),
        "status": "ins-regelgeschaeft-ueberfuehrt",
    },
    {
        "title": "E-Bikes und Mitfahrbörse für den Arbeitsweg",
        "teaser": (
            "Leih-E-Bikes und eine betriebliche Mitfahrbörse schließen Lücken im "
            "öffentlichen Nahverkehr."
        ),
        "text": (
            "Zwischen den Dörfern und dem Gewerbegebiet fährt der Bus nur dreimal am Tag. "
            "Leistungsberechtigte ohne eigenes Kraftfahrzeug können Arbeitsangebote deshalb "
            "oft nicht annehmen. Das Jobcenter stellt gemeinsam mit dem Landkreis für die "
            "ersten sechs Monate eines Arbeitsverhältnisses Pedelecs zur Verfügung. Mehrere "
            "Arbeitgeber des Gewerbegebiets organisieren zusätzlich eine Mitfahrbörse, über "
            "die neue Beschäftigte mit Kolleginnen und Kollegen zur Schicht fahren. Die "
            "Mobilitätsberatung klärt zu Beginn, welche Verbindungen realistisch sind."
        ),
        "topics": ("mobilitaet",),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("kommune", "arbeitgeber"),
        "bundeslaender": ("BB",),
        "status": "erprobung",
    },
    {
        "title": "Mobilitätstraining mit Bus und Bahn",
        "teaser": (
            "Teilnehmende üben begleitet die Fahrt zum Arbeits- oder Maßnahmeort mit "
            "öffentlichen Verkehrsmitteln."
        ),
        "text": (
            "Manche Leistungsberechtigte haben wegen Ängsten, einer Behinderung oder fehlender "
            "Routine noch nie selbstständig den Nahverkehr genutzt. Maßnahmen werden deshalb "
            "abgebrochen, bevor sie beginnen. Im Mobilitätstraining begleitet eine Fachkraft "
            "die ersten Fahrten, übt Fahrplanauskunft, Umstiege und den Umgang mit "
            "Störungen und zieht sich Schritt für Schritt zurück. Ergänzend berät das "
            "Jobcenter zum vergünstigten Sozialticket. Das Training dauert in der Regel drei "
            "bis sechs Termine."
        ),
        "topics": ("mobilitaet",),
        "target_groups": ("menschen-mit-behinderungen", "langzeitarbeitslose"),
        "partner_types": ("bildungstraeger",),
        "bundeslaender": ("NW",),
        "status": "laufend",
    },
    {
        "title": "Gesundheitsförderung gemeinsam mit der Krankenkasse",
        "teaser": (
            "Präventionskurse der gesetzlichen Krankenversicherung werden in die "
            "Integrationsarbeit des Jobcenters eingebunden."
        ),
        "text": (
            "Gesundheitliche Einschränkungen sind eines der häufigsten Hemmnisse bei der "
            "Integration von Langzeitarbeitslosen. Im Rahmen der Verzahnung von Arbeits- und "
            "Gesundheitsförderung nach § 20a SGB V bietet die Krankenkasse Kurse zu Bewegung, "
            "Ernährung, Stressbewältigung und Nichtrauchen an. Die Integrationsfachkräfte "
            "sprechen das Thema Gesundheit in der Beratung an und vermitteln freiwillig in "
            "die Kurse. Die Teilnahme ist kostenlos und unabhängig von der Kassenzugehörigkeit. "
            "Teilnehmende berichteten in der Evaluation von besserem Wohlbefinden und mehr "
            "Zutrauen in die eigene Leistungsfähigkeit."
        ),
        "topics": ("gesundheit",),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("krankenkasse",),
        "bundeslaender": ("NW",),
        "status": "ins-regelgeschaeft-ueberfuehrt",
    },
    {
        "title": "Psychosoziale Stabilisierung im Fallmanagement",
        "teaser": (
            "Ein beschäftigungsorientiertes Fallmanagement begleitet Kundinnen und Kunden mit "
            "psychischen Belastungen über längere Zeit."
        ),
        "text": (
            "Ein wachsender Anteil der Leistungsberechtigten ist durch Depressionen, "
            "Angststörungen oder belastende Lebensereignisse in der Alltagsbewältigung "
            "eingeschränkt. Im Fallmanagement mit einem Betreuungsschlüssel von 1:50 steht die "
            "psychosoziale Stabilisierung vor der Vermittlung. Die psychosoziale Betreuung "
            "nach § 16a SGB II erbringt ein Wohlfahrtsverband; Tagesstruktur, Behördengänge "
            "und der Zugang zu ambulanter Psychotherapie werden gemeinsam geklärt. "
            "Fortschritte werden in kleinen Schritten dokumentiert, etwa die regelmäßige "
            "Wahrnehmung von Terminen."
        ),
        "topics": ("gesundheit", "beratung-und-coaching"),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("wohlfahrtsverband",),
        "bundeslaender": ("ST",),
        "status": "laufend",
    },
    {
        "title": "Sozialpsychiatrischer Fachdienst berät im Jobcenter",
        "teaser": (
            "Fachärztinnen und Sozialarbeiter des Gesundheitsamts beraten "
            "Integrationsfachkräfte und Leistungsberechtigte bei seelischen Erkrankungen."
        ),
        "text": (
            "Bei Verdacht auf eine psychische Erkrankung fehlte den Integrationsfachkräften "
            "bisher eine schnelle fachliche Einschätzung. Der sozialpsychiatrische Dienst des "
            "Gesundheitsamts bietet nun Fallbesprechungen und Sprechstunden im Jobcenter an. "
            "Leistungsberechtigte können ohne lange Wartezeit eine Erstberatung erhalten und "
            "werden in die Regelversorgung, etwa in eine psychiatrische Institutsambulanz, "
            "übergeleitet. Bei dauerhaften Einschränkungen wird frühzeitig geprüft, ob "
            "Leistungen zur Teilhabe am Arbeitsleben oder eine Feststellung der "
            "Erwerbsfähigkeit erforderlich sind."
        ),
        "topics": ("gesundheit", "netzwerkarbeit"),
        "target_groups": ("menschen-mit-behinderungen", "langzeitarbeitslose"),
        "partner_types": ("kommune", "krankenkasse"),
        "bundeslaender": ("HE",),
        "status": "laufend",
    },
    {
        "title": "Berufssprachkurs mit paralleler Kinderbetreuung",
        "teaser": (
            "Mütter mit Migrationsgeschichte besuchen einen berufsbezogenen Deutschkurs, "
            "während ihre Kinder im selben Haus betreut werden."
        ),
        "text": (
            "Frauen mit kleinen Kindern nehmen seltener an Integrations- und "
            "Berufssprachkursen teil, weil die Kinderbetreuung fehlt. Der Bildungsträger "
            "bietet einen Berufssprachkurs nach der Deutschsprachförderverordnung am "
            "Vormittag an; im Nebenraum betreuen pädagogische Fachkräfte die Kinder unter "
            "drei Jahren. Die Teilnehmerinnen erreichen das Sprachniveau B1 oder B2 und "
            "erhalten im Anschluss eine Beratung zu Ausbildung und Anerkennung. Die "
            "Abbruchquote lag deutlich unter der vergleichbarer Kurse ohne Betreuung."
        ),
        "topics": ("qualifizierung", "kinderbetreuung"),
        "target_groups": ("menschen-mit-migrationsgeschichte", "alleinerziehende"),
        "partner_types": ("bildungstraeger",),
        "bundeslaender": ("HB",),
        "status": "laufend",
    },
    {
        "title": "Anerkennung ausländischer Berufsabschlüsse begleiten",
        "teaser": (
            "Eine Anerkennungsberaterin unterstützt zugewanderte Fachkräfte im "
            "Anerkennungsverfahren und bei der Anpassungsqualifizierung."
        ),
        "text": (
            "Viele zugewanderte Leistungsberechtigte haben im Herkunftsland einen Beruf "
            "erlernt, arbeiten in Deutschland aber als Helferinnen und Helfer. Die "
            "Anerkennungsberatung prüft, welche Stelle für die Gleichwertigkeitsprüfung "
            "zuständig ist, hilft bei Übersetzungen und Unterlagen und klärt die Finanzierung "
            "der Gebühren. Wird nur eine teilweise Gleichwertigkeit festgestellt, vermittelt "
            "das Jobcenter in eine Anpassungsqualifizierung bei einem Bildungsträger. Die "
            "Handwerkskammer und die IHK sind feste Partner."
        ),
        "topics": ("qualifizierung",),
        "target_groups": ("menschen-mit-migrationsgeschichte",),
        "partner_types": ("kammer", "bildungstraeger"),
        "bundeslaender": ("BW",),
        "status": "laufend",
    },
    {
        "title": "Deutsch lernen am Arbeitsplatz",
        "teaser": (
            "Neu eingestellte Beschäftigte mit geringen Deutschkenntnissen erhalten "
            "Sprachunterricht direkt im Betrieb während der Arbeitszeit."
        ),
        "text": (
            "Arbeitgeber in Logistik und Gebäudereinigung stellen Geflüchtete ein, obwohl deren "
            "Deutschkenntnisse für eine reibungslose Einarbeitung noch nicht ausreichen. Ein "
            "Bildungsträger unterrichtet zweimal in der Woche direkt im Betrieb, mit "
            "Fachwortschatz, Sicherheitsunterweisungen und Arbeitsanweisungen als "
            "Lernmaterial. Der Arbeitgeberservice des Jobcenters gewinnt die Betriebe und "
            "stimmt den Unterricht mit der Schichtplanung ab. Beschäftigungsverhältnisse "
            "werden dadurch stabiler, Missverständnisse am Arbeitsplatz seltener. "
            "Die Kosten trägt der Betrieb gemeinsam mit dem Jobcenter."
        ),
        "topics": ("qualifizierung", "arbeitgeberservice"),
        "target_groups": ("menschen-mit-migrationsgeschichte",),
        "partner_types": ("arbeitgeber", "bildungstraeger"),
        "bundeslaender": ("BY",),
        "status": "erprobung",
    },
    {
        "title": "Jugendberufsagentur: Beratung unter einem Dach",
        "teaser": (
            "Jobcenter, Agentur für Arbeit und Jugendamt beraten junge Menschen am Übergang "
            "Schule – Beruf an einem gemeinsamen Standort."
        ),
        "text": (
            "Junge Menschen unter 25 Jahren wurden zwischen Berufsberatung, Jobcenter und "
            "Jugendhilfe hin- und hergeschickt. In der Jugendberufsagentur arbeiten die "
            "Leistungsträger der Sozialgesetzbücher II, III und VIII rechtskreisübergreifend "
            "zusammen. Eine gemeinsame Anlaufstelle, abgestimmte Fallbesprechungen und eine "
            "Datenschutzvereinbarung sorgen dafür, dass niemand verloren geht. Die Schulen "
            "melden Abgängerinnen und Abgänger ohne Anschlussperspektive, sodass die "
            "Berufsorientierung schon vor dem Schulabschluss beginnt. "
            "Ein gemeinsamer Jahresbericht zeigt, wie viele junge Menschen versorgt sind."
        ),
        "topics": ("netzwerkarbeit", "uebergaengerechtskreiswechsel"),
        "target_groups": ("jugendliche-unter-25",),
        "partner_types": ("agentur-fuer-arbeit", "jugendamt"),
        "bundeslaender": ("HH",),
        "status": "ins-regelgeschaeft-ueberfuehrt",
    },
    {
        "title": "Aufsuchende Arbeit mit schwer erreichbaren jungen Menschen",
        "teaser": (
            "Streetworker eines freien Trägers gehen auf junge Menschen zu, die von "
            "Jobcenter, Schule und Jugendhilfe nicht mehr erreicht werden."
        ),
        "text": (
            "Ein Teil der jungen Leistungsberechtigten reagiert weder auf Einladungen noch auf "
            "Anrufe und droht, den Anschluss an jedes Hilfesystem zu verlieren. Nach § 16h "
            "SGB II fördert das Jobcenter Angebote für schwer zu erreichende junge Menschen. "
            "Sozialarbeiterinnen sind in Jugendtreffs, auf Plätzen und in sozialen Netzwerken "
            "präsent, bauen Vertrauen auf und begleiten zu Terminen bei Jobcenter, "
            "Wohnungshilfe oder Schuldnerberatung. Erst danach folgt die Orientierung auf "
            "Schule, Ausbildung oder Arbeit."
        ),
        "topics": ("beratung-und-coaching",),
        "target_groups": ("jugendliche-unter-25",),
        "partner_types": ("jugendamt", "wohlfahrtsverband"),
        "bundeslaender": ("NW",),
        "status": "laufend",
    },
    {
        "title": "Einstiegsqualifizierung für Jugendliche ohne Schulabschluss",
        "teaser": (
            "Ein betriebliches Langzeitpraktikum mit Förderunterricht öffnet jungen Menschen "
            "ohne Abschluss den Weg in die Ausbildung."
        ),
        "text": (
            "Jugendliche ohne Hauptschulabschluss finden kaum einen Ausbildungsplatz. Die "
            "Einstiegsqualifizierung nach § 54a SGB III ermöglicht ein sechs- bis "
            "zwölfmonatiges Praktikum im Betrieb. Ein Bildungsträger bietet parallel "
            "Nachhilfe an und bereitet auf den externen Schulabschluss vor. Die Kammern "
            "werben bei ihren Mitgliedsbetrieben um Plätze und bescheinigen die Inhalte. "
            "Zwei Drittel der Teilnehmenden wurden im Anschluss vom Betrieb in eine "
            "Ausbildung übernommen, teils mit assistierter Ausbildung."
        ),
        "topics": ("qualifizierung",),
        "target_groups": ("jugendliche-unter-25", "geringqualifizierte"),
        "partner_types": ("kammer", "arbeitgeber", "bildungstraeger"),
        "bundeslaender": ("SN",),
        "status": "laufend",
    },
    {
        "title": "Perspektive 50plus: Erfahrung zählt",
        "teaser": (
            "Ältere Langzeitarbeitslose werden in kleinen Gruppen gecoacht und direkt mit "
            "Arbeitgebern zusammengebracht."
        ),
        "text": (
            "Arbeitsuchende über 50 Jahre stoßen bei Bewerbungen häufig auf Vorbehalte und "
            "haben nach langer Arbeitslosigkeit das Vertrauen in ihre Fähigkeiten verloren. "
            "Das Coaching stärkt die Selbstwirksamkeit, frischt Bewerbungsunterlagen auf und "
            "bereitet auf Vorstellungsgespräche vor. Der Arbeitgeberservice spricht Betriebe "
            "gezielt an und wirbt mit der Berufserfahrung älterer Arbeitnehmerinnen und "
            "Arbeitnehmer; bei Bedarf ergänzt ein Eingliederungszuschuss die Einarbeitung. "
            "Eine Schnupperwoche im Betrieb baut Vorbehalte auf beiden Seiten ab."
        ),
        "topics": ("beratung-und-coaching", "arbeitgeberservice"),
        "target_groups": ("aeltere", "langzeitarbeitslose"),
        "partner_types": ("arbeitgeber",),
        "bundeslaender": ("TH",),
        "status": "abgeschlossen",
    },
    {
        "title": "Gesundheitscoaching für Ältere",
        "teaser": (
            "Ältere Leistungsberechtigte mit chronischen Beschwerden klären mit einem "
            "Gesundheitscoach, welche Arbeit für sie noch möglich ist."
        ),
        "text": (
            "Bei älteren Langzeitarbeitslosen überlagern sich oft Rückenleiden, "
            "Herz-Kreislauf-Erkrankungen und lange Erwerbslosigkeit. Ein Gesundheitscoach "
            "begleitet über sechs Monate, unterstützt bei Arztterminen und bei der "
            "Inanspruchnahme von Rehabilitationsleistungen und erarbeitet ein realistisches "
            "Leistungsbild. Die Krankenkasse finanziert Bewegungsangebote. Gemeinsam mit dem "
            "ärztlichen Dienst wird geprüft, welche Tätigkeiten mit den Einschränkungen "
            "vereinbar sind, damit Vermittlungsvorschläge passen. "
            "Mehrere Teilnehmende nahmen danach eine leidensgerechte Teilzeitbeschäftigung auf."
        ),
        "topics": ("gesundheit", "beratung-und-coaching"),
        "target_groups": ("aeltere",),
        "partner_types": ("krankenkasse",),
        "bundeslaender": ("SL",),
        "status": "abgeschlossen",
    },
    {
        "title": "Budget für Arbeit: aus der Werkstatt in den Betrieb",
        "teaser": (
            "Beschäftigte einer Werkstatt für behinderte Menschen wechseln mit dauerhaftem "
            "Lohnkostenzuschuss auf den allgemeinen Arbeitsmarkt."
        ),
        "text": (
            "Das Budget für Arbeit nach § 61 SGB IX ermöglicht Menschen mit wesentlicher "
            "Behinderung eine sozialversicherungspflichtige Beschäftigung in einem "
            "Unternehmen, mit Lohnkostenzuschuss und dauerhafter Anleitung und Begleitung. "
            "Das Jobcenter, der Träger der Eingliederungshilfe und der Integrationsfachdienst "
            "sprechen gemeinsam Arbeitgeber an, bereiten Arbeitsplätze vor und begleiten die "
            "ersten Monate. Auch Inklusionsbetriebe werden als Arbeitgeber gewonnen. Sieben "
            "Werkstattbeschäftigte haben den Wechsel bisher geschafft."
        ),
        "topics": ("arbeitgeberservice",),
        "target_groups": ("menschen-mit-behinderungen",),
        "partner_types": ("kommune", "arbeitgeber"),
        "bundeslaender": ("NI",),
        "status": "erprobung",
    },
    {
        "title": "Reha-Beratung für Leistungsberechtigte mit gesundheitlichen Einschränkungen",
        "teaser": (
            "Spezialisierte Fachkräfte klären früh, ob Leistungen zur Teilhabe am "
            "Arbeitsleben beim zuständigen Rehabilitationsträger beantragt werden sollten."
        ),
        "text": (
            "Bei Kundinnen und Kunden mit Behinderungen oder chronischen Erkrankungen bleibt "
            "oft unklar, welcher Rehabilitationsträger zuständig ist. Im Reha-Team des "
            "Jobcenters arbeiten Fachkräfte für berufliche Rehabilitation eng mit der "
            "Agentur für Arbeit und der Deutschen Rentenversicherung zusammen. Sie stellen "
            "Anträge auf Leistungen zur Teilhabe am Arbeitsleben, begleiten "
            "Umschulungen in Berufsförderungswerken und sorgen dafür, dass nach der Reha "
            "eine Integration in einen leidensgerechten Arbeitsplatz folgt."
        ),
        "topics": ("gesundheit", "qualifizierung"),
        "target_groups": ("menschen-mit-behinderungen",),
        "partner_types": ("agentur-fuer-arbeit",),
        "bundeslaender": ("RP",),
        "status": "ins-regelgeschaeft-ueberfuehrt",
    },
    {
        "title": "Speed-Dating mit Betrieben der Region",
        "teaser": (
            "Arbeitsuchende und Personalverantwortliche lernen sich in zehnminütigen "
            "Gesprächen kennen, ganz ohne schriftliche Bewerbung."
        ),
        "text": (
            "Für viele Langzeitarbeitslose ist die schriftliche Bewerbung die höchste Hürde; "
            "Lebensläufe mit Lücken werden aussortiert, bevor ein Gespräch stattfindet. Der "
            "Arbeitgeberservice des Jobcenters lädt zweimal im Jahr Betriebe aus Handwerk, "
            "Handel und Logistik zu einem Speed-Dating ein. Die Integrationsfachkräfte "
            "bereiten die Teilnehmenden vor, die Kammern werben bei ihren Mitgliedern. Bei "
            "der letzten Veranstaltung wurden 46 Probearbeiten und 19 Einstellungen "
            "vereinbart."
        ),
        "topics": ("arbeitgeberservice",),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("arbeitgeber", "kammer"),
        "bundeslaender": ("NW",),
        "status": "laufend",
    },
    {
        "title": "Betriebe für den sozialen Arbeitsmarkt gewinnen",
        "teaser": (
            "Ein Akquiseteam wirbt Unternehmen für geförderte Beschäftigung nach § 16i SGB II "
            "und begleitet die Arbeitsverhältnisse."
        ),
        "text": (
            "Mit dem Instrument Teilhabe am Arbeitsmarkt nach § 16i SGB II kann das Jobcenter "
            "Lohnkosten bis zu fünf Jahre bezuschussen. Viele Betriebe kannten die Förderung "
            "nicht oder scheuten den Verwaltungsaufwand. Ein eigenes Akquiseteam im "
            "Arbeitgeberservice besucht Unternehmen, erklärt die Förderung, übernimmt die "
            "Antragstellung und bleibt Ansprechpartner. Das ganzheitliche beschäftigungs"
            "begleitende Coaching stabilisiert die Arbeitsverhältnisse. Über 200 "
            "sozialversicherungspflichtige Stellen wurden in privaten Unternehmen besetzt."
        ),
        "topics": ("arbeitgeberservice",),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("arbeitgeber",),
        "bundeslaender": ("BE",),
        "status": "ins-regelgeschaeft-ueberfuehrt",
    },
    {
        "title": "Teilqualifizierung in der Lagerlogistik",
        "teaser": (
            "An- und Ungelernte erwerben in aufeinander aufbauenden Modulen einen "
            "Berufsabschluss als Fachlagerist."
        ),
        "text": (
            "Für Geringqualifizierte ist eine zweijährige Umschulung oft ein zu großer "
            "Schritt. Die Teilqualifizierung gliedert den Ausbildungsberuf Fachlagerist in "
            "fünf Module von je zwei bis drei Monaten, jeweils mit betrieblichem Anteil und "
            "einer Kompetenzfeststellung durch die Kammer. Nach jedem Modul ist eine "
            "Beschäftigung möglich, das nächste Modul kann berufsbegleitend folgen. Am Ende "
            "steht die Zulassung zur Externenprüfung. Die Module werden über "
            "Bildungsgutscheine finanziert."
        ),
        "topics": ("qualifizierung",),
        "target_groups": ("geringqualifizierte",),
        "partner_types": ("bildungstraeger", "kammer"),
        "bundeslaender": ("ST",),
        "status": "laufend",
    },
    {
        "title": "Berufsabschluss nachholen mit Weiterbildungsprämie",
        "teaser": (
            "Leistungsberechtigte ohne verwertbaren Abschluss absolvieren eine Umschulung und "
            "erhalten Weiterbildungsgeld und Prämien für bestandene Prüfungen."
        ),
        "text": (
            "Fachkräfte werden gesucht, doch Erwachsene scheuen eine abschlussorientierte "
            "Weiterbildung, weil das Einkommen knapp ist und die Schulzeit lange zurückliegt. "
            "Das Jobcenter wirbt gezielt für Umschulungen mit Bildungsgutschein und informiert "
            "über das monatliche Weiterbildungsgeld und die Prämien für Zwischen- und "
            "Abschlussprüfung. Eine Lernbegleitung des Bildungsträgers hilft bei "
            "Prüfungsangst und Lernrückständen. Die Abbruchquote sank seit Einführung der "
            "Lernbegleitung um ein Drittel. "
            "Besonders gefragt sind Umschulungen in Pflege, Handwerk und Logistik."
        ),
        "topics": ("qualifizierung",),
        "target_groups": ("geringqualifizierte", "langzeitarbeitslose"),
        "partner_types": ("bildungstraeger",),
        "bundeslaender": ("BW",),
        "status": "laufend",
    },
    {
        "title": "Nahtloser Übergang vom Arbeitslosengeld in das Bürgergeld",
        "teaser": (
            "Agentur für Arbeit und Jobcenter beraten Menschen, deren Anspruch auf "
            "Arbeitslosengeld ausläuft, gemeinsam und rechtzeitig."
        ),
        "text": (
            "Beim Rechtskreiswechsel vom SGB III in das SGB II brachen bisher "
            "Vermittlungsbemühungen ab: Unterlagen fehlten, Integrationsfachkräfte lernten "
            "die Kundinnen und Kunden erst Monate später kennen. Nach der "
            "Kooperationsvereinbarung lädt die Agentur für Arbeit drei Monate vor dem Ende "
            "des Arbeitslosengeld-I-Anspruchs zu einem gemeinsamen Übergabegespräch ein. Das "
            "Jobcenter informiert über den Antrag auf Bürgergeld, übernimmt Profiling und "
            "Eingliederungsvereinbarung und setzt laufende Maßnahmen ohne Unterbrechung "
            "fort."
        ),
        "topics": ("uebergaengerechtskreiswechsel", "netzwerkarbeit"),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("agentur-fuer-arbeit",),
        "bundeslaender": ("NW",),
        "status": "ins-regelgeschaeft-ueberfuehrt",
    },
    {
        "title": "Beratung für Erwerbstätige mit aufstockendem Bürgergeld",
        "teaser": (
            "Wer trotz Arbeit ergänzend Bürgergeld bezieht, erhält eine eigene Beratung zu "
            "Stundenaufstockung, Arbeitgeberwechsel und Weiterbildung."
        ),
        "text": (
            "Ein großer Teil der Leistungsberechtigten ist bereits erwerbstätig, meist in "
            "Teilzeit oder im Minijob, und bleibt trotzdem hilfebedürftig. Ein spezialisiertes "
            "Team berät diese Erwerbstätigen außerhalb der üblichen Sprechzeiten, auch "
            "telefonisch und per Video. Geprüft werden eine Ausweitung der Arbeitszeit, ein "
            "besser bezahlter Arbeitsplatz, Weiterbildung neben dem Beruf sowie vorrangige "
            "Leistungen wie Wohngeld und Kinderzuschlag, mit denen die Bedarfsgemeinschaft "
            "den Leistungsbezug verlassen kann."
        ),
        "topics": ("beratung-und-coaching", "uebergaengerechtskreiswechsel"),
        "target_groups": ("bedarfsgemeinschaften",),
        "partner_types": ("arbeitgeber",),
        "bundeslaender": ("SH",),
        "status": "laufend",
    },
    {
        "title": "Peer-Mentoring: Ehemalige begleiten neue Teilnehmende",
        "teaser": (
            "Frühere Teilnehmende, die den Weg in Arbeit geschafft haben, begleiten "
            "Menschen, die gerade eine Maßnahme beginnen."
        ),
        "text": (
            "Erfolgreiche Absolventinnen und Absolventen einer Maßnahme sind glaubwürdiger "
            "als jede Broschüre. Im Peer-Mentoring treffen sich Mentorinnen und Mentoren, die "
            "selbst lange arbeitslos waren, regelmäßig mit neuen Teilnehmenden, erzählen von "
            "ihren Erfahrungen und begleiten bei den ersten Schritten. Der Bildungsträger "
            "schult die Mentorinnen und Mentoren und zahlt eine Aufwandsentschädigung. Ein "
            "qualitativer Rückmeldebogen im Absolventenmanagement hält fest, was geholfen "
            "hat, und fließt in die Maßnahmeplanung mit dem Jobcenter ein."
        ),
        "topics": ("beratung-und-coaching",),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("bildungstraeger",),
        "phases": ("massnahmedurchfuehrung", "absolventenmanagement"),
        "bundeslaender": ("HE",),
        "status": "erprobung",
    },
    {
        "title": "Stadtteilbüro: Jobcenter-Beratung im Quartier",
        "teaser": (
            "Integrationsfachkräfte beraten an zwei Tagen in der Woche in einem Stadtteilbüro "
            "statt im Amtsgebäude."
        ),
        "text": (
            "In benachteiligten Stadtteilen erreicht das Jobcenter viele Bedarfsgemeinschaften "
            "nur schwer; der Weg ins Amt ist mit Misstrauen und Schwellenangst verbunden. Im "
            "Stadtteilbüro, das gemeinsam mit dem Quartiersmanagement und einem "
            "Wohlfahrtsverband betrieben wird, gibt es offene Sprechstunden ohne Termin, Hilfe "
            "beim Ausfüllen von Anträgen und Kontakt zu Familienzentrum, Migrationsberatung "
            "und Sportvereinen. Die niedrigschwellige Beratung vor Ort stärkt das Vertrauen "
            "und führt zu mehr wahrgenommenen Terminen."
        ),
        "topics": ("beratung-und-coaching", "netzwerkarbeit"),
        "target_groups": ("bedarfsgemeinschaften",),
        "partner_types": ("kommune", "wohlfahrtsverband"),
        "bundeslaender": ("NW",),
        "status": "laufend",
    },
    {
        "title": "Hausbesuche bei Kundinnen und Kunden ohne Kontakt",
        "teaser": (
            "Ein Team des Jobcenters besucht Leistungsberechtigte, die seit Monaten nicht auf "
            "Einladungen reagieren, nach Ankündigung zu Hause."
        ),
        "text": (
            "Wiederholte Meldeversäumnisse haben oft Ursachen, die im Amt nicht sichtbar "
            "werden: Krankheit, Überforderung, Sprachprobleme, Pflege von Angehörigen. "
            "Anstatt Leistungsminderungen aneinanderzureihen, kündigt das aufsuchende Team "
            "einen Hausbesuch schriftlich und telefonisch an. Im Gespräch an der Haustür oder "
            "in der Wohnung wird geklärt, was den Kontakt verhindert, und ein erster "
            "erreichbarer Schritt vereinbart. Der Besuch ist freiwillig. Mehr als die Hälfte "
            "der Besuchten nahm danach wieder regelmäßig Termine wahr."
        ),
        "topics": ("beratung-und-coaching",),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": (),
        "bundeslaender": ("BB",),
        "status": "erprobung",
    },
    {
        "title": "Nachbetreuung nach der Arbeitsaufnahme",
        "teaser": (
            "Ein Coach bleibt in den ersten sechs Monaten nach Beginn einer Beschäftigung "
            "Ansprechpartner für Beschäftigte und Betrieb."
        ),
        "text": (
            "Viele Arbeitsverhältnisse ehemals langzeitarbeitsloser Menschen enden noch in "
            "der Probezeit, etwa wegen Konflikten, Überforderung oder ungelöster privater "
            "Probleme. Nach § 16g SGB II kann das Jobcenter auch nach Wegfall der "
            "Hilfebedürftigkeit weiter fördern. Ein Integrationscoach des Bildungsträgers "
            "hält Kontakt zu den neuen Beschäftigten und, mit deren Einverständnis, zur "
            "Führungskraft im Betrieb. Krisen werden früh bearbeitet. Die Quote der "
            "Beschäftigungsverhältnisse, die länger als sechs Monate bestehen, stieg von 58 "
            "auf 74 Prozent."
        ),
        "topics": ("beratung-und-coaching", "arbeitgeberservice"),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("bildungstraeger", "arbeitgeber"),
        "phases": ("absolventenmanagement",),
        "bundeslaender": ("NI",),
        "status": "ins-regelgeschaeft-ueberfuehrt",
    },
    {
        "title": "Digitale Grundbildung für Leistungsberechtigte",
        "teaser": (
            "In kurzen Kursen lernen Leistungsberechtigte, Smartphone und Computer für "
            "Bewerbungen und Online-Dienste des Jobcenters zu nutzen."
        ),
        "text": (
            "Ohne digitale Kompetenzen bleiben Online-Bewerbungen, Jobbörsen und die "
            "digitalen Angebote des Jobcenters verschlossen. Ein Bildungsträger bietet "
            "Kurse zu E-Mail, Dateiablage, Bewerbungsportalen und der Nutzung von "
            "jobcenter.digital an, auf Wunsch mit Leihgeräten. Besonders ältere "
            "Leistungsberechtigte und Menschen mit geringen Lese- und Schreibkenntnissen "
            "werden angesprochen. Die Kurse finden in Stadtbibliotheken statt und werden über "
            "einen Aktivierungsgutschein finanziert. "
            "Am Ende steht ein Zertifikat für die Bewerbungsunterlagen."
        ),
        "topics": ("qualifizierung",),
        "target_groups": ("langzeitarbeitslose", "aeltere", "geringqualifizierte"),
        "partner_types": ("bildungstraeger", "kommune"),
        "bundeslaender": ("SN",),
        "status": "laufend",
    },
    {
        "title": "Videoberatung als zusätzlicher Kontaktweg",
        "teaser": (
            "Kundinnen und Kunden können Beratungsgespräche per Video führen, statt für "
            "jeden Termin ins Jobcenter zu fahren."
        ),
        "text": (
            "Weite Wege im Flächenkreis und fehlende Kinderbetreuung machen persönliche "
            "Termine für manche Leistungsberechtigte schwer. Das Jobcenter bietet deshalb "
            "Beratungsgespräche per Videotelefonie über eine datenschutzkonforme Plattform an. "
            "Termine werden online gebucht; Unterlagen können vorab digital übermittelt "
            "werden. Besonders Alleinerziehende und Erwerbstätige nutzen das Angebot. Die "
            "Integrationsfachkräfte wurden in der Gesprächsführung am Bildschirm geschult. "
            "Der Anteil nicht wahrgenommener Termine sank. "
            "Auch die Zufriedenheit in der Kundenbefragung stieg."
        ),
        "topics": ("beratung-und-coaching",),
        "target_groups": ("alleinerziehende", "langzeitarbeitslose"),
        "partner_types": (),
        "bundeslaender": ("MV",),
        "status": "ins-regelgeschaeft-ueberfuehrt",
    },
    {
        "title": "Familiencoaching für Bedarfsgemeinschaften",
        "teaser": (
            "Ein Coach arbeitet mit allen Mitgliedern einer Bedarfsgemeinschaft, statt jede "
            "Person einzeln zu betreuen."
        ),
        "text": (
            "In Familien, die seit Jahren Leistungen beziehen, hängen die Hemmnisse der "
            "Einzelnen zusammen: Schulprobleme der Kinder, Erkrankung eines Elternteils, "
            "fehlende Tagesstruktur. Das ganzheitliche Familiencoaching betrachtet die "
            "Bedarfsgemeinschaft als Ganzes. Eine Fachkraft besucht die Familie regelmäßig, "
            "koordiniert Hilfen mit Jugendamt, Schule und Gesundheitsdiensten und entwickelt "
            "mit den Eltern Schritte in Richtung Beschäftigung. Ziel ist auch, die "
            "Weitergabe von Langzeitarbeitslosigkeit an die nächste Generation zu "
            "durchbrechen."
        ),
        "topics": ("beratung-und-coaching",),
        "target_groups": ("bedarfsgemeinschaften",),
        "partner_types": ("jugendamt",),
        "bundeslaender": ("HB",),
        "status": "laufend",
    },
    {
        "title": "Netzwerkkonferenz mit kommunalen Partnern",
        "teaser": (
            "Eine jährliche Netzwerkkonferenz und schriftliche Kooperationsvereinbarungen "
            "verbinden Jobcenter, Kreis, Krankenkassen, Sucht- und Schuldnerberatung."
        ),
        "text": (
            "Die Zusammenarbeit mit den kommunalen Partnern hing lange von einzelnen Personen "
            "ab. Das Jobcenter hat deshalb eine Netzwerkkoordination eingerichtet, die eine "
            "jährliche Netzwerkkonferenz vorbereitet, eine Steuerungsgruppe mit dem Landrat "
            "begleitet und schriftliche Kooperationsvereinbarungen mit Schuldnerberatung, "
            "Suchthilfe, Jugendamt und Krankenkassen pflegt. Die Vereinbarungen regeln "
            "Ansprechpersonen, Zugangswege und den Austausch über Wartezeiten. Ein gemeinsames "
            "Verzeichnis der Angebote ist im Intranet aller Partner abrufbar."
        ),
        "topics": ("netzwerkarbeit",),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("kommune", "krankenkasse", "schuldnerberatung", "suchtberatung"),
        "bundeslaender": ("NW",),
        "status": "ins-regelgeschaeft-ueberfuehrt",
    },
    {
        "title": "Joboffensive: Intensivbetreuung mit Betreuungsschlüssel 1:100",
        "teaser": (
            "Zusätzliche Vermittlungsfachkräfte betreuen marktnahe Kundinnen und Kunden mit "
            "deutlich mehr Zeit und häufigeren Kontakten."
        ),
        "text": (
            "Mit einem Betreuungsschlüssel von 1:100 statt der üblichen Relation haben die "
            "Vermittlungsfachkräfte bis zu vier Kontakte im Monat mit ihren Kundinnen und "
            "Kunden. Die Beratung wird persönlicher und verbindlicher; direkte "
            "Arbeitgeberkontakte, die Erweiterung der beruflichen Flexibilität und die "
            "Verbesserung der räumlichen Mobilität gehören zum Konzept. Stadt und "
            "Arbeitsagentur haben das Ziel abgestimmt, 1.900 Leistungsberechtigte in "
            "sozialversicherungspflichtige Beschäftigung zu vermitteln. "
            "Die Idee stammt aus der Berliner Joboffensive."
        ),
        "topics": ("beratung-und-coaching",),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("kommune", "agentur-fuer-arbeit"),
        "bundeslaender": ("NW",),
        "status": "abgeschlossen",
    },
    {
        "title": "Vereinbarkeit von Pflege und Beruf für pflegende Angehörige",
        "teaser": (
            "Leistungsberechtigte, die Angehörige pflegen, werden zu Entlastungsangeboten und "
            "passenden Arbeitszeitmodellen beraten."
        ),
        "text": (
            "Die Pflege eines Elternteils oder Partners ist ein häufiger Grund, warum "
            "Leistungsberechtigte nur eingeschränkt für Arbeit zur Verfügung stehen. Das "
            "Jobcenter kooperiert mit dem Pflegestützpunkt: Gemeinsam wird geklärt, welche "
            "Leistungen der Pflegeversicherung wie Tagespflege, Verhinderungspflege oder "
            "ambulante Dienste die pflegenden Angehörigen entlasten. Der Arbeitgeberservice "
            "sucht Betriebe mit flexiblen Arbeitszeiten. So wird aus einem pauschalen "
            "Hemmnis eine planbare Teilzeitbeschäftigung. "
            "Ein Faltblatt in einfacher Sprache erklärt die Angebote."
        ),
        "topics": ("beratung-und-coaching",),
        "target_groups": ("bedarfsgemeinschaften", "aeltere"),
        "partner_types": ("wohlfahrtsverband", "krankenkasse"),
        "bundeslaender": ("SH",),
        "status": "idee",
    },
    {
        "title": "Orientierungskurs Arbeitsmarkt für Frauen mit Fluchtgeschichte",
        "teaser": (
            "Geflüchtete Frauen lernen Berufe, Rechte und Wege in den deutschen Arbeitsmarkt "
            "kennen, begleitet von Mentorinnen aus ihrer Community."
        ),
        "text": (
            "Geflüchtete Frauen sind seltener erwerbstätig als geflüchtete Männer; oft fehlen "
            "Informationen über Ausbildungswege, Kinderbetreuung und Rechte am Arbeitsplatz. "
            "Der Orientierungskurs eines Wohlfahrtsverbands stellt in zwölf Wochen Berufe "
            "vor, organisiert Betriebsbesichtigungen und Praktika und klärt Fragen zu "
            "Anerkennung und Sprachförderung. Mentorinnen mit eigener Migrationserfahrung "
            "übersetzen und ermutigen. Die Teilnehmerinnen verlassen den Kurs mit einem "
            "individuellen Plan für die nächsten Schritte. "
            "Während der Kurszeiten werden die Kinder betreut."
        ),
        "topics": ("beratung-und-coaching", "qualifizierung"),
        "target_groups": ("menschen-mit-migrationsgeschichte",),
        "partner_types": ("wohlfahrtsverband",),
        "bundeslaender": ("NI",),
        "status": "laufend",
    },
    {
        "title": "Energieschulden und Stromsperren abwenden",
        "teaser": (
            "Jobcenter, Stadtwerke und Schuldnerberatung vereinbaren ein Frühwarnsystem, "
            "bevor Haushalten der Strom abgestellt wird."
        ),
        "text": (
            "Steigende Energiepreise führen in Bedarfsgemeinschaften zu hohen Nachzahlungen "
            "und Abschlagsrückständen. Droht eine Versorgungssperre, informieren die "
            "Stadtwerke mit Einwilligung der Betroffenen das Jobcenter und die "
            "Schuldnerberatung. Geprüft werden Ratenzahlungen, ein Darlehen und die "
            "Übernahme von Heizkosten als Bedarf für Unterkunft und Heizung. Die "
            "Energieberatung der Verbraucherzentrale zeigt Einsparmöglichkeiten. Die Zahl "
            "vollzogener Stromsperren im Stadtgebiet hat sich halbiert. "
            "Betroffene erhalten zudem Hinweise zu Stromspar-Checks und Härtefallfonds."
        ),
        "topics": ("schulden", "wohnen"),
        "target_groups": ("bedarfsgemeinschaften",),
        "partner_types": ("kommune", "schuldnerberatung"),
        "bundeslaender": ("TH",),
        "status": "laufend",
    },
    {
        "title": "Glücksspielsucht erkennen und ansprechen",
        "teaser": (
            "Integrationsfachkräfte lernen, Hinweise auf pathologisches Glücksspiel zu "
            "erkennen, und vermitteln in spezialisierte Beratung."
        ),
        "text": (
            "Glücksspiel an Automaten und online führt häufig zu Überschuldung, "
            "Beziehungskrisen und sozialem Rückzug, wird aber selten offen angesprochen. Die "
            "Fachstelle Glücksspielsucht schult die Integrationsfachkräfte in "
            "Gesprächsführung und bietet eine Sprechstunde im Jobcenter an. Weil Spielsucht "
            "und Schulden eng zusammenhängen, arbeitet sie mit der Schuldnerberatung "
            "zusammen; Betroffene erhalten beide Hilfen abgestimmt. Selbsthilfegruppen "
            "ergänzen die Beratung. "
            "Auch Angehörige können sich an die Fachstelle wenden, weil sie die Folgen "
            "oft zuerst bemerken."
        ),
        "topics": ("sucht", "schulden"),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("suchtberatung", "schuldnerberatung"),
        "bundeslaender": ("BY",),
        "status": "erprobung",
    },
    {
        "title": "Einstieg in die Pflegehilfe mit Qualifizierung",
        "teaser": (
            "Pflegeeinrichtungen bieten Arbeitserprobung und eine begleitende "
            "Pflegehelferqualifizierung für Quereinsteigende."
        ),
        "text": (
            "Pflegeeinrichtungen suchen dringend Personal, viele Leistungsberechtigte "
            "können sich eine Tätigkeit in der Pflege vorstellen, haben aber keine "
            "Vorerfahrung. Nach einer vierwöchigen Arbeitserprobung in einer Einrichtung "
            "beginnt eine berufsbegleitende Qualifizierung zur Pflegehilfskraft bei einem "
            "Bildungsträger, gefördert mit Bildungsgutschein. Die Einrichtungen stellen "
            "während der Qualifizierung ein und erhalten einen Eingliederungszuschuss. "
            "Sprachförderung für Pflegefachbegriffe wird angeboten. "
            "Wer besteht, kann später die Ausbildung zur Pflegefachkraft beginnen."
        ),
        "topics": ("qualifizierung", "arbeitgeberservice"),
        "target_groups": ("langzeitarbeitslose", "menschen-mit-migrationsgeschichte"),
        "partner_types": ("arbeitgeber", "bildungstraeger"),
        "bundeslaender": ("BW",),
        "status": "laufend",
    },
    {
        "title": "Arbeitsgelegenheiten mit Tagesstruktur und Qualifizierungsanteil",
        "teaser": (
            "Arbeitsgelegenheiten in Werkstätten eines Beschäftigungsträgers schaffen "
            "Tagesstruktur und bereiten auf den allgemeinen Arbeitsmarkt vor."
        ),
        "text": (
            "Für Menschen, die seit vielen Jahren keiner Arbeit nachgegangen sind, ist eine "
            "sofortige Vermittlung nicht realistisch. Arbeitsgelegenheiten nach § 16d SGB II "
            "in Holzwerkstatt, Fahrradreparatur und Stadtteilcafé bieten eine feste "
            "Tagesstruktur und sinnvolle, zusätzliche Tätigkeiten. Ein Qualifizierungsanteil "
            "mit Zertifikaten, etwa für den Gabelstapler, und eine sozialpädagogische "
            "Begleitung bereiten auf den nächsten Schritt vor. Die Mehrentschädigung wird "
            "monatlich ausgezahlt. "
            "Nach spätestens einem Jahr wird über den Übergang in Beschäftigung entschieden."
        ),
        "topics": ("qualifizierung",),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("kommune", "wohlfahrtsverband"),
        "bundeslaender": ("SH",),
        "status": "laufend",
    },
    {
        "title": "Wohnungssuche mit Unterstützung des Jobcenters",
        "teaser": (
            "Bedarfsgemeinschaften, die wegen Arbeitsaufnahme oder Überbelegung umziehen "
            "müssen, werden bei der Wohnungssuche begleitet."
        ),
        "text": (
            "Auf angespannten Wohnungsmärkten finden Leistungsberechtigte kaum eine Wohnung "
            "innerhalb der Angemessenheitsgrenzen der Kosten der Unterkunft. Eine "
            "Wohnraumvermittlerin der Stadt pflegt Kontakte zu Vermietern, erklärt die "
            "Mietübernahme durch das Jobcenter und begleitet zu Besichtigungen. Das Jobcenter "
            "erteilt Zusicherungen zügig und übernimmt Kaution und Umzugskosten, wenn ein "
            "Umzug für die Aufnahme einer Arbeit nötig ist. Familien mit mehreren Kindern "
            "haben Vorrang. "
            "Ein Merkblatt erklärt Vermietern die Zahlungswege."
        ),
        "topics": ("wohnen",),
        "target_groups": ("bedarfsgemeinschaften",),
        "partner_types": ("kommune",),
        "bundeslaender": ("HE",),
        "status": "laufend",
    },
    {
        "title": "Übergangsmanagement nach der Haftentlassung",
        "teaser": (
            "Justizvollzugsanstalt, Bewährungshilfe und Jobcenter planen Leistungen und "
            "Arbeit schon vor dem Entlassungstag."
        ),
        "text": (
            "Nach der Entlassung aus der Haft fehlen oft Wohnung, Einkommen und Arbeit "
            "gleichzeitig; das Rückfallrisiko ist in den ersten Wochen am höchsten. Im "
            "Übergangsmanagement stellen Inhaftierte den Antrag auf Bürgergeld bereits drei "
            "Monate vor der Entlassung. Eine Integrationsfachkraft führt das Erstgespräch in "
            "der Justizvollzugsanstalt, die Straffälligenhilfe eines Wohlfahrtsverbands "
            "kümmert sich um Unterkunft und Kontoeröffnung. Arbeitgeber, die Haftentlassenen "
            "eine Chance geben, werden gezielt angesprochen."
        ),
        "topics": ("uebergaengerechtskreiswechsel", "netzwerkarbeit"),
        "target_groups": ("langzeitarbeitslose",),
        "partner_types": ("wohlfahrtsverband", "arbeitgeber"),
        "bundeslaender": ("BW",),
        "status": "laufend",
    },
]
