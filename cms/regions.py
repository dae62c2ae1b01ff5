"""The Länder and the Regionaldirektionen of the Bundesagentur für Arbeit."""

BUNDESLAENDER: list[tuple[str, str]] = [
    ("BW", "Baden-Württemberg"),
    ("BY", "Bayern"),
    ("BE", "Berlin"),
    ("BB", "Brandenburg"),
    ("HB", "Bremen"),
    ("HH", "Hamburg"),
    ("HE", "Hessen"),
    ("MV", "Mecklenburg-Vorpommern"),
    ("NI", "Niedersachsen"),
    ("NW", "Nordrhein-Westfalen"),
    ("RP", "Rheinland-Pfalz"),
    ("SL", "Saarland"),
    ("SN", "Sachsen"),
    ("ST", "Sachsen-Anhalt"),
    ("SH", "Schleswig-Holstein"),
    ("TH", "Thüringen"),
]

# Each Regionaldirektion with the Länder it serves.
REGIONALDIREKTIONEN: list[tuple[str, str, list[str]]] = [
    ("rd-bw", "Baden-Württemberg", ["BW"]),
    ("rd-by", "Bayern", ["BY"]),
    ("rd-bb", "Berlin-Brandenburg", ["BE", "BB"]),
    ("rd-he", "Hessen", ["HE"]),
    ("rd-nsb", "Niedersachsen-Bremen", ["NI", "HB"]),
    ("rd-nord", "Nord", ["HH", "MV", "SH"]),
    ("rd-nrw", "Nordrhein-Westfalen", ["NW"]),
    ("rd-rps", "Rheinland-Pfalz-Saarland", ["RP", "SL"]),
    ("rd-sat", "Sachsen-Anhalt-Thüringen", ["ST", "TH"]),
    ("rd-sn", "Sachsen", ["SN"]),
]
