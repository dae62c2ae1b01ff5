"""Reference data of the library: loaded by a data migration, edited in the admin afterwards."""

TOPICS = [
    "Gesundheit",
    "Sucht",
    "Schulden",
    "Kinderbetreuung",
    "Mobilität",
    "Wohnen",
    "Qualifizierung",
    "Arbeitgeberservice",
    "Beratung und Coaching",
    "Netzwerkarbeit",
    "Übergänge/Rechtskreiswechsel",
]
TARGET_GROUPS = [
    "Langzeitarbeitslose",
    "Jugendliche unter 25",
    "Alleinerziehende",
    "Ältere",
    "Menschen mit Behinderungen",
    "Menschen mit Migrationsgeschichte",
    "Geringqualifizierte",
    "Bedarfsgemeinschaften",
]
PARTNER_TYPES = [
    "Kommune",
    "Krankenkasse",
    "Schuldnerberatung",
    "Suchtberatung",
    "Bildungsträger",
    "Arbeitgeber",
    "Agentur für Arbeit",
    "Jugendamt",
    "Kammer",
    "Wohlfahrtsverband",
    "Wissenschaft",
]
PROCESS_PHASES = [
    "Beratung & Kooperationsplanung",
    "Übergabe/Aufnahme beim Träger",
    "Maßnahmedurchführung",
    "Absolventenmanagement",
]
STATUSES = [
    "Idee",
    "Erprobung",
    "laufend",
    "ins Regelgeschäft überführt",
    "abgeschlossen",
]

UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
)


def term_slug(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name.translate(UMLAUTS))


def load_reference_data(get_model) -> None:
    """Create missing reference rows; ``get_model`` is ``apps.get_model`` (also in migrations)."""
    from cms.regions import BUNDESLAENDER, REGIONALDIREKTIONEN

    regionaldirektion_model = get_model("practices", "Regionaldirektion")
    bundesland_model = get_model("practices", "Bundesland")
    names = dict(BUNDESLAENDER)
    for order, (slug, name, codes) in enumerate(REGIONALDIREKTIONEN):
        rd, _created = regionaldirektion_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
        for code in codes:
            bundesland_model.objects.get_or_create(
                code=code, defaults={"name": names[code], "regionaldirektion": rd}
            )
    for model_name, values in TERMS.items():
        model = get_model("practices", model_name)
        for order, name in enumerate(values):
            model.objects.get_or_create(
                slug=term_slug(name), defaults={"name": name, "sort_order": order}
            )


TERMS = {
    "Topic": TOPICS,
    "TargetGroup": TARGET_GROUPS,
    "PartnerType": PARTNER_TYPES,
    "ProcessPhase": PROCESS_PHASES,
    "PracticeStatus": STATUSES,
}
