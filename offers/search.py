"""Offers in the knowledge search: their taxonomies and conditions as facets, their
locations as points for the distance search, and a lower rank once they are out of date.

Registered from ``OffersConfig.ready()``; staff-only offers follow page privacy through the
``PageBuilder`` like every page.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from search import registry
from search.builders import PageBuilder, Relation, related_objects
from search.indexing import outbox_record

from .models import Access, OfferStatus, offer_is_stale

# An offer not confirmed for a year ranks as if it matched half as well.
STALE_RANK = 0.5


class OfferBuilder(PageBuilder):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.row_columns = [
            *self.row_columns,
            "description",
            "eligibility",
            "costs",
            "schedule",
            "access",
            "offer_status",
            "confirmed_at",
            "provider__name",
        ]

    # Bundesland code → Regionaldirektion slug, read once per chunk of a rebuild.
    _directorates: dict[str, str] | None = None

    def prepare_more(self, ids, loaded) -> None:
        from .models import OfferLocation

        self._directorates = _regionaldirektion_of_land()
        for pk in ids:
            loaded[pk]["locations"] = []
        rows = (
            OfferLocation.objects.filter(**self.owned_by("page_id", ids))
            .order_by("sort_order", "pk")
            .values_list("page_id", "town", "postcode", "latitude", "longitude")
        )
        for owner, town, postcode, latitude, longitude in rows:
            if owner in loaded:
                loaded[owner]["locations"].append((town, postcode, latitude, longitude))

    def build_more(self, obj, facets, keywords) -> None:
        # Several Jobcenters of the service area lie in one Land.
        facets["bundesland"] = sorted(set(facets.get("bundesland", [])))
        directorates = self._directorates
        if directorates is None:
            directorates = _regionaldirektion_of_land()
        facets["regionaldirektion"] = sorted(
            {directorates[code] for code in facets["bundesland"] if code in directorates}
        )
        facets["access"] = [obj.access] if obj.access else []
        facets["offer_status"] = [obj.offer_status] if obj.offer_status else []
        keywords.extend(
            [
                getattr(obj, "provider__name", None) or obj.provider.name,
                obj.eligibility,
                obj.costs,
                obj.schedule,
            ]
        )
        for location in related_objects(obj, "locations"):
            if not isinstance(location, tuple):
                location = (location.town, location.postcode, location.latitude, location.longitude)
            keywords.extend(part for part in location[:2] if part)

    def build(self, obj, context):
        from search.builders import html_to_text

        entry = super().build(obj, context)
        if entry is None:
            return None
        description = html_to_text(obj.description or "")
        entry.body = " ".join(part for part in (entry.body, description) if part.strip())
        locations = []
        for location in related_objects(obj, "locations"):
            if not isinstance(location, tuple):
                location = (location.town, location.postcode, location.latitude, location.longitude)
            locations.append((float(location[2]), float(location[3])))
        entry.locations = locations
        entry.rank = STALE_RANK if offer_is_stale(obj.confirmed_at) else 1.0
        return entry


def _regionaldirektion_of_land() -> dict[str, str]:
    return dict(
        apps.get_model("practices", "Bundesland").objects.values_list(
            "code", "regionaldirektion__slug"
        )
    )


def _choice_labels(choices):
    def load() -> dict[str, str]:
        return {value: str(label) for value, label in choices.choices}

    return load


def _term_labels(model_name: str):
    def load() -> dict[str, str]:
        return dict(apps.get_model("offers", model_name).objects.values_list("slug", "name"))

    return load


# Renaming a value, a provider or a Jobcenter changes the text of the offers that carry it.
OFFER_RELATIONS = {
    ("offers", "FundingRoute"): "funding_routes",
    ("offers", "Language"): "languages",
    ("offers", "AccessibilityFeature"): "accessibility",
    ("offers", "Provider"): "provider",
    ("practices", "Topic"): "topics",
    ("practices", "TargetGroup"): "target_groups",
    ("practices", "Jobcenter"): "jobcenters",
    ("practices", "Regionaldirektion"): "jobcenters__bundesland__regionaldirektion",
}


def _related_offers_changed(sender, instance, **kwargs) -> None:
    from .models import OfferPage

    relation = OFFER_RELATIONS[(sender._meta.app_label, sender.__name__)]
    outbox_record(objects=OfferPage.objects.filter(**{relation: instance}).distinct())


def _location_changed(sender, instance, **kwargs) -> None:
    from .models import OfferPage

    outbox_record(objects=OfferPage.objects.filter(pk=instance.page_id))


def register() -> None:
    from .models import OfferPage

    registry.register(
        OfferBuilder(
            OfferPage,
            "offer",
            _("Offer"),
            relations=(
                Relation("topics", ("slug", "name"), facet="topic"),
                Relation("target_groups", ("slug", "name"), facet="target_group"),
                Relation("funding_routes", ("slug", "name"), facet="funding"),
                Relation("languages", ("slug", "name"), facet="language"),
                Relation("accessibility", ("slug", "name"), facet="accessibility"),
                Relation("jobcenters", ("bundesland__code", "name"), facet="bundesland"),
            ),
        ),
        position=35,
        # The Angebotsdatenbank holds the same service in many places (a Schuldnerberatung
        # in every town): their near-identical texts would fill a page by relevance.
        run_limit=2,
    )
    registry.register_facet("funding", _("Funding route"), _term_labels("FundingRoute"))
    registry.register_facet("access", _("Access"), _choice_labels(Access))
    registry.register_facet("language", _("Language"), _term_labels("Language"))
    registry.register_facet(
        "accessibility", _("Accessibility"), _term_labels("AccessibilityFeature")
    )
    registry.register_facet("offer_status", _("Offer status"), _choice_labels(OfferStatus))
    for (app_label, model_name), _relation in OFFER_RELATIONS.items():
        model = apps.get_model(app_label, model_name)
        post_save.connect(
            _related_offers_changed, sender=model, dispatch_uid=f"offers.search.{model_name}"
        )
        for signal in (post_save, post_delete):
            signal.connect(
                registry.clear_cache, sender=model, dispatch_uid=f"offers.labels.{model_name}"
            )
