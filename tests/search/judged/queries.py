"""Judged queries over ``corpus.CORPUS``: what staff type, and which practices answer it.

Grades: 2 = the practice answers the question, 1 = it helps (a near neighbour). Practices not
named are not relevant. Kinds:

- ``everyday``: the words staff use, not the official terms of the texts;
- ``typo``: a real term with one letter wrong (left out, doubled or swapped);
- ``exact``: a title or an official key term, which the lexical search alone should find.

The queries were written from the corpus, before any search was run, and are not tuned to
any system; a judgement is only corrected when it misread the corpus.
"""

DEBT_OFFICE = "Schuldnerberatung mit fester Sprechstunde im Jobcenter"
DEBT_YOUNG = "Finanzcoaching für junge Erwachsene"
RENT_ARREARS = "Mietrückstände früh erkennen, Wohnungsverlust verhindern"
HOUSING_FIRST = "Housing First: Erst die Wohnung, dann die Arbeit"
ADDICTION = "Suchtberatung im Tandem mit der Integrationsfachkraft"
ADDICTION_YOUNG = "Cannabis, Ausbildung und Suchtprävention in der Jugendberufsagentur"
CHILDCARE_SHIFTS = "Kinderbetreuung in Randzeiten für Alleinerziehende"
PART_TIME_TRAINING = "Teilzeitausbildung für alleinerziehende Mütter"
DAYCARE_GUIDE = "Kita-Lotsin vermittelt Betreuungsplätze"
DRIVING_LICENCE = "Führerscheinförderung im ländlichen Raum"
E_BIKES = "E-Bikes und Mitfahrbörse für den Arbeitsweg"
TRANSIT_TRAINING = "Mobilitätstraining mit Bus und Bahn"
HEALTH_INSURER = "Gesundheitsförderung gemeinsam mit der Krankenkasse"
PSYCHOSOCIAL = "Psychosoziale Stabilisierung im Fallmanagement"
PSYCHIATRIC_SERVICE = "Sozialpsychiatrischer Fachdienst berät im Jobcenter"
LANGUAGE_CHILDCARE = "Berufssprachkurs mit paralleler Kinderbetreuung"
RECOGNITION = "Anerkennung ausländischer Berufsabschlüsse begleiten"
LANGUAGE_AT_WORK = "Deutsch lernen am Arbeitsplatz"
YOUTH_AGENCY = "Jugendberufsagentur: Beratung unter einem Dach"
YOUTH_OUTREACH = "Aufsuchende Arbeit mit schwer erreichbaren jungen Menschen"
ENTRY_QUALIFICATION = "Einstiegsqualifizierung für Jugendliche ohne Schulabschluss"
OVER_50 = "Perspektive 50plus: Erfahrung zählt"
HEALTH_OLDER = "Gesundheitscoaching für Ältere"
BUDGET_FOR_WORK = "Budget für Arbeit: aus der Werkstatt in den Betrieb"
REHAB = "Reha-Beratung für Leistungsberechtigte mit gesundheitlichen Einschränkungen"
SPEED_DATING = "Speed-Dating mit Betrieben der Region"
SUBSIDISED_JOBS = "Betriebe für den sozialen Arbeitsmarkt gewinnen"
PARTIAL_QUALIFICATION = "Teilqualifizierung in der Lagerlogistik"
RETRAINING = "Berufsabschluss nachholen mit Weiterbildungsprämie"
ALG_TRANSITION = "Nahtloser Übergang vom Arbeitslosengeld in das Bürgergeld"
TOP_UP = "Beratung für Erwerbstätige mit aufstockendem Bürgergeld"
PEER_MENTORING = "Peer-Mentoring: Ehemalige begleiten neue Teilnehmende"
NEIGHBOURHOOD = "Stadtteilbüro: Jobcenter-Beratung im Quartier"
HOME_VISITS = "Hausbesuche bei Kundinnen und Kunden ohne Kontakt"
AFTERCARE = "Nachbetreuung nach der Arbeitsaufnahme"
DIGITAL_SKILLS = "Digitale Grundbildung für Leistungsberechtigte"
VIDEO = "Videoberatung als zusätzlicher Kontaktweg"
FAMILY_COACHING = "Familiencoaching für Bedarfsgemeinschaften"
NETWORK_CONFERENCE = "Netzwerkkonferenz mit kommunalen Partnern"
JOB_OFFENSIVE = "Joboffensive: Intensivbetreuung mit Betreuungsschlüssel 1:100"
CARERS = "Vereinbarkeit von Pflege und Beruf für pflegende Angehörige"
REFUGEE_WOMEN = "Orientierungskurs Arbeitsmarkt für Frauen mit Fluchtgeschichte"
ENERGY_DEBT = "Energieschulden und Stromsperren abwenden"
GAMBLING = "Glücksspielsucht erkennen und ansprechen"
CARE_ASSISTANT = "Einstieg in die Pflegehilfe mit Qualifizierung"
WORK_OPPORTUNITIES = "Arbeitsgelegenheiten mit Tagesstruktur und Qualifizierungsanteil"
FLAT_SEARCH = "Wohnungssuche mit Unterstützung des Jobcenters"
AFTER_PRISON = "Übergangsmanagement nach der Haftentlassung"

QUERIES: list[dict] = [
    # everyday: the problem in the words of the staff member, not of the text
    {
        "q": "Unterstützung bei Überschuldung",
        "kind": "everyday",
        "relevant": {
            DEBT_OFFICE: 2,
            DEBT_YOUNG: 1,
            GAMBLING: 1,
            ENERGY_DEBT: 1,
            RENT_ARREARS: 1,
        },
    },
    {
        "q": "Leute ohne Führerschein auf dem Land",
        "kind": "everyday",
        "relevant": {DRIVING_LICENCE: 2, E_BIKES: 2, TRANSIT_TRAINING: 1},
    },
    {
        "q": "Hilfe für Mütter ohne Kita-Platz",
        "kind": "everyday",
        "relevant": {
            DAYCARE_GUIDE: 2,
            CHILDCARE_SHIFTS: 2,
            LANGUAGE_CHILDCARE: 1,
            PART_TIME_TRAINING: 1,
        },
    },
    {
        "q": "Alkoholprobleme bei Kunden",
        "kind": "everyday",
        "relevant": {ADDICTION: 2, ADDICTION_YOUNG: 1},
    },
    {
        "q": "junge Leute ohne Ausbildung",
        "kind": "everyday",
        "relevant": {ENTRY_QUALIFICATION: 2, YOUTH_AGENCY: 1, YOUTH_OUTREACH: 1},
    },
    {
        "q": "wie kriegen wir Arbeitgeber ins Boot",
        "kind": "everyday",
        "relevant": {
            SPEED_DATING: 2,
            SUBSIDISED_JOBS: 2,
            OVER_50: 1,
            LANGUAGE_AT_WORK: 1,
            BUDGET_FOR_WORK: 1,
            CARE_ASSISTANT: 1,
        },
    },
    {
        "q": "Kunde hat Schulden",
        "kind": "everyday",
        "relevant": {
            DEBT_OFFICE: 2,
            DEBT_YOUNG: 1,
            GAMBLING: 1,
            ENERGY_DEBT: 1,
            RENT_ARREARS: 1,
        },
    },
    {
        "q": "Kunden die nicht zu Terminen kommen",
        "kind": "everyday",
        "relevant": {HOME_VISITS: 2, YOUTH_OUTREACH: 1, NEIGHBOURHOOD: 1, VIDEO: 1},
    },
    {
        "q": "Jugendliche die keiner mehr erreicht",
        "kind": "everyday",
        "relevant": {YOUTH_OUTREACH: 2, YOUTH_AGENCY: 1},
    },
    {
        "q": "Kiffen bei Jugendlichen",
        "kind": "everyday",
        "relevant": {ADDICTION_YOUNG: 2, ADDICTION: 1},
    },
    {
        "q": "Hilfe bei der Wohnungssuche",
        "kind": "everyday",
        "relevant": {FLAT_SEARCH: 2, HOUSING_FIRST: 1},
    },
    {
        "q": "Kunde droht die Wohnung zu verlieren",
        "kind": "everyday",
        "relevant": {RENT_ARREARS: 2, HOUSING_FIRST: 1},
    },
    {
        "q": "obdachlose Kunden",
        "kind": "everyday",
        "relevant": {HOUSING_FIRST: 2, RENT_ARREARS: 1},
    },
    {
        "q": "Strom abgestellt",
        "kind": "everyday",
        "relevant": {ENERGY_DEBT: 2},
    },
    {
        "q": "Depressionen und Angst bei Arbeitslosen",
        "kind": "everyday",
        "relevant": {PSYCHOSOCIAL: 2, PSYCHIATRIC_SERVICE: 2},
    },
    {
        "q": "psychisch kranke Kunden",
        "kind": "everyday",
        "relevant": {PSYCHIATRIC_SERVICE: 2, PSYCHOSOCIAL: 2, REHAB: 1},
    },
    {
        "q": "Deutschkurs für Mütter",
        "kind": "everyday",
        "relevant": {LANGUAGE_CHILDCARE: 2, REFUGEE_WOMEN: 1},
    },
    {
        "q": "ausländischer Abschluss wird nicht anerkannt",
        "kind": "everyday",
        "relevant": {RECOGNITION: 2},
    },
    {
        "q": "Flüchtlinge in Arbeit bringen",
        "kind": "everyday",
        "relevant": {
            LANGUAGE_AT_WORK: 2,
            REFUGEE_WOMEN: 2,
            RECOGNITION: 1,
            CARE_ASSISTANT: 1,
            LANGUAGE_CHILDCARE: 1,
        },
    },
    {
        "q": "ältere Arbeitslose über 55",
        "kind": "everyday",
        "relevant": {OVER_50: 2, HEALTH_OLDER: 2, DIGITAL_SKILLS: 1},
    },
    {
        "q": "Rückenprobleme bei älteren Kunden",
        "kind": "everyday",
        "relevant": {HEALTH_OLDER: 2, REHAB: 1, HEALTH_INSURER: 1},
    },
    {
        "q": "Behinderte auf den ersten Arbeitsmarkt bringen",
        "kind": "everyday",
        "relevant": {BUDGET_FOR_WORK: 2, REHAB: 1},
    },
    {
        "q": "raus aus der Behindertenwerkstatt",
        "kind": "everyday",
        "relevant": {BUDGET_FOR_WORK: 2},
    },
    {
        "q": "Jobmesse ohne Bewerbungsmappe",
        "kind": "everyday",
        "relevant": {SPEED_DATING: 2},
    },
    {
        "q": "Lohnzuschuss für Firmen",
        "kind": "everyday",
        "relevant": {SUBSIDISED_JOBS: 2, BUDGET_FOR_WORK: 1, OVER_50: 1, CARE_ASSISTANT: 1},
    },
    {
        "q": "Berufsabschluss in kleinen Schritten",
        "kind": "everyday",
        "relevant": {PARTIAL_QUALIFICATION: 2, RETRAINING: 1},
    },
    {
        "q": "Umschulung mit Bonus",
        "kind": "everyday",
        "relevant": {RETRAINING: 2, PARTIAL_QUALIFICATION: 1},
    },
    {
        "q": "Arbeitslosengeld läuft aus, was dann",
        "kind": "everyday",
        "relevant": {ALG_TRANSITION: 2},
    },
    {
        "q": "Wechsel von der Arbeitsagentur zum Jobcenter",
        "kind": "everyday",
        "relevant": {ALG_TRANSITION: 2, YOUTH_AGENCY: 1},
    },
    {
        "q": "arbeiten und trotzdem Bürgergeld",
        "kind": "everyday",
        "relevant": {TOP_UP: 2},
    },
    {
        "q": "frühere Teilnehmer als Vorbild",
        "kind": "everyday",
        "relevant": {PEER_MENTORING: 2},
    },
    {
        "q": "neuer Job nach ein paar Wochen wieder weg",
        "kind": "everyday",
        "relevant": {AFTERCARE: 2},
    },
    {
        "q": "Begleitung in der Probezeit",
        "kind": "everyday",
        "relevant": {AFTERCARE: 2, SUBSIDISED_JOBS: 1},
    },
    {
        "q": "Kunden können nicht mit dem Computer umgehen",
        "kind": "everyday",
        "relevant": {DIGITAL_SKILLS: 2},
    },
    {
        "q": "Beratung per Videoanruf",
        "kind": "everyday",
        "relevant": {VIDEO: 2},
    },
    {
        "q": "die ganze Familie ist im Leistungsbezug",
        "kind": "everyday",
        "relevant": {FAMILY_COACHING: 2, NEIGHBOURHOOD: 1},
    },
    {
        "q": "Zusammenarbeit mit Stadt und Krankenkasse organisieren",
        "kind": "everyday",
        "relevant": {NETWORK_CONFERENCE: 2, HEALTH_INSURER: 1, PSYCHIATRIC_SERVICE: 1},
    },
    {
        "q": "mehr Zeit für jeden Kunden",
        "kind": "everyday",
        "relevant": {JOB_OFFENSIVE: 2, PSYCHOSOCIAL: 1},
    },
    {
        "q": "Kunde pflegt seine Mutter",
        "kind": "everyday",
        "relevant": {CARERS: 2},
    },
    {
        "q": "Schulden durch Spielautomaten",
        "kind": "everyday",
        "relevant": {GAMBLING: 2, DEBT_OFFICE: 1},
    },
    {
        "q": "nach dem Knast Arbeit finden",
        "kind": "everyday",
        "relevant": {AFTER_PRISON: 2},
    },
    {
        "q": "feste Tagesstruktur für Langzeitarbeitslose",
        "kind": "everyday",
        "relevant": {WORK_OPPORTUNITIES: 2, PSYCHOSOCIAL: 1},
    },
    {
        "q": "Quereinstieg in die Altenpflege",
        "kind": "everyday",
        "relevant": {CARE_ASSISTANT: 2},
    },
    {
        "q": "Beratung im Viertel statt im Amt",
        "kind": "everyday",
        "relevant": {NEIGHBOURHOOD: 2, HOME_VISITS: 1},
    },
    {
        "q": "Busfahren üben",
        "kind": "everyday",
        "relevant": {TRANSIT_TRAINING: 2},
    },
    {
        "q": "Sport und gesunde Ernährung",
        "kind": "everyday",
        "relevant": {HEALTH_INSURER: 2, HEALTH_OLDER: 1},
    },
    {
        "q": "Kinderbetreuung bei Schichtarbeit",
        "kind": "everyday",
        "relevant": {CHILDCARE_SHIFTS: 2, DAYCARE_GUIDE: 1},
    },
    {
        "q": "Ausbildung für junge Mütter",
        "kind": "everyday",
        "relevant": {PART_TIME_TRAINING: 2},
    },
    {
        "q": "Handyschulden bei jungen Leuten",
        "kind": "everyday",
        "relevant": {DEBT_YOUNG: 2, DEBT_OFFICE: 1},
    },
    {
        "q": "eine Anlaufstelle für alle unter 25",
        "kind": "everyday",
        "relevant": {YOUTH_AGENCY: 2, YOUTH_OUTREACH: 1, ADDICTION_YOUNG: 1},
    },
    # typo: one letter of a real term wrong
    {
        "q": "Führerschien",
        "kind": "typo",
        "relevant": {DRIVING_LICENCE: 2},
    },
    {
        "q": "Schuldnerbertung",
        "kind": "typo",
        "relevant": {
            DEBT_OFFICE: 2,
            DEBT_YOUNG: 1,
            GAMBLING: 1,
            ENERGY_DEBT: 1,
            NETWORK_CONFERENCE: 1,
        },
    },
    {
        "q": "Alleinerziehnde",
        "kind": "typo",
        "relevant": {
            CHILDCARE_SHIFTS: 2,
            PART_TIME_TRAINING: 2,
            DAYCARE_GUIDE: 1,
            VIDEO: 1,
            LANGUAGE_CHILDCARE: 1,
        },
    },
    {
        "q": "Suchtberatng",
        "kind": "typo",
        "relevant": {ADDICTION: 2, ADDICTION_YOUNG: 1, GAMBLING: 1, NETWORK_CONFERENCE: 1},
    },
    {
        "q": "Kinderbetreung",
        "kind": "typo",
        "relevant": {
            CHILDCARE_SHIFTS: 2,
            DAYCARE_GUIDE: 2,
            LANGUAGE_CHILDCARE: 1,
            PART_TIME_TRAINING: 1,
        },
    },
    {
        "q": "Teilqualifizierng",
        "kind": "typo",
        "relevant": {PARTIAL_QUALIFICATION: 2},
    },
    {
        "q": "Jugendberufsagentr",
        "kind": "typo",
        "relevant": {YOUTH_AGENCY: 2, ADDICTION_YOUNG: 1},
    },
    {
        "q": "Wohnungslosigkit",
        "kind": "typo",
        "relevant": {HOUSING_FIRST: 2, RENT_ARREARS: 2},
    },
    {
        "q": "Mobilitätshilfn",
        "kind": "typo",
        "relevant": {DRIVING_LICENCE: 2, E_BIKES: 1, TRANSIT_TRAINING: 1},
    },
    {
        "q": "Peer-Mentorng",
        "kind": "typo",
        "relevant": {PEER_MENTORING: 2},
    },
    {
        "q": "Gesundheitsförderug",
        "kind": "typo",
        "relevant": {HEALTH_INSURER: 2, HEALTH_OLDER: 1},
    },
    {
        "q": "Nachbetreung",
        "kind": "typo",
        "relevant": {AFTERCARE: 2},
    },
    {
        "q": "Rechtskreiswchsel",
        "kind": "typo",
        "relevant": {ALG_TRANSITION: 2, YOUTH_AGENCY: 1},
    },
    {
        "q": "Arbeitgeberservce",
        "kind": "typo",
        "relevant": {SPEED_DATING: 2, SUBSIDISED_JOBS: 2, LANGUAGE_AT_WORK: 1, OVER_50: 1},
    },
    {
        "q": "Kooperationsvereinbarng",
        "kind": "typo",
        "relevant": {NETWORK_CONFERENCE: 2, ALG_TRANSITION: 2, RENT_ARREARS: 1},
    },
    # exact: titles and official key terms
    {"q": "Housing First", "kind": "exact", "relevant": {HOUSING_FIRST: 2}},
    {"q": "Teilzeitausbildung", "kind": "exact", "relevant": {PART_TIME_TRAINING: 2}},
    {"q": "Budget für Arbeit", "kind": "exact", "relevant": {BUDGET_FOR_WORK: 2}},
    {"q": "Einstiegsqualifizierung", "kind": "exact", "relevant": {ENTRY_QUALIFICATION: 2}},
    {"q": "Peer-Mentoring", "kind": "exact", "relevant": {PEER_MENTORING: 2}},
    {"q": "Joboffensive", "kind": "exact", "relevant": {JOB_OFFENSIVE: 2}},
    {"q": "Speed-Dating mit Betrieben der Region", "kind": "exact", "relevant": {SPEED_DATING: 2}},
    {"q": "psychosoziale Stabilisierung", "kind": "exact", "relevant": {PSYCHOSOCIAL: 2}},
    {
        "q": "Überschuldung",
        "kind": "exact",
        "relevant": {DEBT_OFFICE: 2, DEBT_YOUNG: 1, GAMBLING: 1},
    },
    {"q": "Mobilitätshilfen", "kind": "exact", "relevant": {DRIVING_LICENCE: 2}},
    {
        "q": "Anerkennung ausländischer Berufsabschlüsse",
        "kind": "exact",
        "relevant": {RECOGNITION: 2},
    },
    {"q": "Glücksspielsucht", "kind": "exact", "relevant": {GAMBLING: 2}},
    {"q": "Kita-Lotsin", "kind": "exact", "relevant": {DAYCARE_GUIDE: 2}},
    {"q": "Stromsperren", "kind": "exact", "relevant": {ENERGY_DEBT: 2}},
    {
        "q": "Jugendberufsagentur",
        "kind": "exact",
        "relevant": {YOUTH_AGENCY: 2, ADDICTION_YOUNG: 1, DEBT_YOUNG: 1},
    },
]
