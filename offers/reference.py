"""The offer taxonomies every site starts with; the Redaktion may add more."""

from practices.reference import term_slug

# Short slugs: they appear in every filtered address.
FUNDING_ROUTES = {
    "16a": "§ 16a SGB II kommunale Eingliederungsleistungen",
    "16i-16e": "§ 16i/§ 16e SGB II",
    "16h": "§ 16h SGB II",
    "avgs": "AVGS nach § 45 SGB III",
    "bildungsgutschein": "Bildungsgutschein nach § 81 SGB III",
    "eigenmittel": "Eigenmittel/kostenlos",
}
LANGUAGES = [
    "Deutsch",
    "Leichte Sprache",
    "Englisch",
    "Arabisch",
    "Türkisch",
    "Russisch",
    "Ukrainisch",
    "Polnisch",
    "Farsi/Dari",
]
ACCESSIBILITY_FEATURES = [
    "rollstuhlgerecht",
    "barrierefreie Toilette",
    "Gebärdensprache nach Absprache",
    "Angebote in Leichter Sprache",
    "Hausbesuche möglich",
    "online oder telefonisch möglich",
]

TERMS = {
    "FundingRoute": FUNDING_ROUTES,
    "Language": LANGUAGES,
    "AccessibilityFeature": ACCESSIBILITY_FEATURES,
}


def load_reference_data(get_model) -> None:
    """Create missing rows; ``get_model`` is ``apps.get_model`` (also in migrations)."""
    for model_name, values in TERMS.items():
        model = get_model("offers", model_name)
        named = values if isinstance(values, dict) else {term_slug(v): v for v in values}
        for order, (slug, name) in enumerate(named.items()):
            model.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
