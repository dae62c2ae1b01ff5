"""The practice library in the knowledge search: its documents, facets and vocabulary.

Registered from ``PracticesConfig.ready()``; the search engine knows none of this.
"""

from django.apps import apps
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from search import registry
from search.builders import ForeignKeyFacet, PageBuilder, Relation, related_objects
from search.indexing import outbox_record

TERM_RELATIONS = (
    Relation("topics", ("slug", "name"), facet="topic"),
    Relation("target_groups", ("slug", "name"), facet="target_group"),
    Relation("phases", ("slug", "name"), facet="phase"),
)


class PracticeBuilder(PageBuilder):
    """Practices: the page builder plus Länder, Jobcenters, partners and status."""

    def prepare_more(self, ids, loaded) -> None:
        from .models import PracticePage, PracticePartner

        for pk in ids:
            loaded[pk]["partners"] = []
            loaded[pk]["regionaldirektionen"] = []
        rows = (
            PracticePartner.objects.filter(**self.owned_by("page_id", ids))
            .order_by("sort_order", "pk")
            .values_list("page_id", "name", "partner_type__slug", "partner_type__name")
        )
        for owner, name, slug, type_name in rows:
            if owner in loaded:
                loaded[owner]["partners"].append((name, slug, type_name))
        # The Regionaldirektionen of the practice's own Länder and of its Jobcenters' Länder.
        for relation, path in (
            ("bundeslaender", "bundesland__regionaldirektion__slug"),
            ("jobcenters", "jobcenter__bundesland__regionaldirektion__slug"),
        ):
            through = getattr(PracticePage, relation).through
            rows = through.objects.filter(**self.owned_by("practicepage_id", ids))
            for owner, slug in rows.values_list("practicepage_id", path):
                if owner in loaded:
                    loaded[owner]["regionaldirektionen"].append(slug)

    def build_more(self, obj, facets, keywords) -> None:
        partners = related_objects(obj, "partners")
        facets["partner_type"] = sorted({slug for _name, slug, _type in partners})
        facets["regionaldirektion"] = sorted(set(_regionaldirektionen(obj)))
        keywords.extend(name for name, _slug, _type in partners)
        # Each type once, in the partners' order: a set's order changes from process to process,
        # and with it the text whose hash says whether a stored vector is still valid.
        keywords.extend(dict.fromkeys(type_name for _name, _slug, type_name in partners))


def _regionaldirektionen(obj) -> list[str]:
    """RD slugs of ``obj`` as ``prepare_more`` loaded them, else read from the page now."""
    loaded = getattr(obj, "_search_related", {})
    if "regionaldirektionen" in loaded:
        return loaded["regionaldirektionen"]
    from .models import Jobcenter, Regionaldirektion

    jobcenter_lands = Jobcenter.objects.filter(practices=obj.pk).values("bundesland")
    return list(
        Regionaldirektion.objects.filter(
            Q(bundeslaender__practices=obj.pk) | Q(bundeslaender__in=jobcenter_lands)
        ).values_list("slug", flat=True)
    )


def _labels(model_name: str, value: str = "slug", label: str = "name", order=None):
    def load() -> dict[str, str]:
        queryset = apps.get_model("practices", model_name).objects.all()
        if order:
            queryset = queryset.order_by(order)
        return dict(queryset.values_list(value, label))

    return load


def _taxonomy_words() -> list[str]:
    from .reference import TERMS

    return [name for names in TERMS.values() for name in names]


# Renaming a taxonomy value or a Jobcenter changes the text of the practices that carry it.
PRACTICE_RELATIONS = {
    "Topic": "topics",
    "TargetGroup": "target_groups",
    "ProcessPhase": "phases",
    "PracticeStatus": "status",
    "PartnerType": "partners__partner_type",
    "Bundesland": "bundeslaender",
    "Regionaldirektion": "bundeslaender__regionaldirektion",
    "Jobcenter": "jobcenters",
}


def page_document_id(page) -> str | None:
    """The knowledge-index id of ``page`` (any indexed page type); ``None`` if not indexed."""
    builder = registry.builder_for(page)
    return builder.doc_id(page.pk) if builder is not None and page.pk is not None else None


def _related_practices_changed(sender, instance, **kwargs) -> None:
    from .models import PracticePage

    relation = PRACTICE_RELATIONS[sender.__name__]
    outbox_record(objects=PracticePage.objects.filter(**{relation: instance}).distinct())


def register() -> None:
    from .models import PracticePage

    registry.register(
        PracticeBuilder(
            PracticePage,
            "practice",
            _("Practice"),
            relations=(
                *TERM_RELATIONS,
                Relation("bundeslaender", ("code", "name"), facet="bundesland"),
                Relation("jobcenters", ("name",)),
            ),
            foreign_keys=(ForeignKeyFacet("status", "slug", "name", facet="status"),),
        ),
        position=10,
    )
    registry.register_facet(
        "bundesland", _("Bundesland"), _labels("Bundesland", "code", order="name")
    )
    registry.register_facet(
        "regionaldirektion", _("Regionaldirektion"), _labels("Regionaldirektion")
    )
    registry.register_facet("topic", _("Field of action"), _labels("Topic"))
    registry.register_facet("target_group", _("Target group"), _labels("TargetGroup"))
    registry.register_facet("partner_type", _("Partner type"), _labels("PartnerType"))
    registry.register_facet("phase", _("Process phase"), _labels("ProcessPhase"))
    registry.register_facet("status", _("Status"), _labels("PracticeStatus"))
    registry.register_vocabulary(_taxonomy_words)
    for model_name in PRACTICE_RELATIONS:
        model = apps.get_model("practices", model_name)
        post_save.connect(
            _related_practices_changed, sender=model, dispatch_uid=f"practices.search.{model_name}"
        )
        for signal in (post_save, post_delete):
            signal.connect(
                registry.clear_cache, sender=model, dispatch_uid=f"practices.labels.{model_name}"
            )
