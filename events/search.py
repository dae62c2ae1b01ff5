"""Events in the knowledge search: their programme's words, their Bundesland, their date.

Registered from ``EventsConfig.ready()``; staff-only events follow page privacy through the
``PageBuilder`` like every page.
"""

from django.utils.translation import gettext_lazy as _

from search import registry
from search.builders import ForeignKeyFacet, PageBuilder, html_to_text, related_objects, stream_text


class EventBuilder(PageBuilder):
    """Events: the page builder plus sessions and speakers as keywords, dated by their start."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The start is the event's date; the description and documentation are its body.
        self.row_columns = [
            *self.row_columns,
            "start",
            "description",
            "documentation",
            "bundesland__regionaldirektion__slug",
        ]

    def prepare_more(self, ids, loaded) -> None:
        from .models import EventSession

        for pk in ids:
            loaded[pk]["sessions"] = []
        rows = (
            EventSession.objects.filter(**self.owned_by("page_id", ids))
            .order_by("sort_order", "pk")
            .values_list("page_id", "title", "description", "speakers", "protocol")
        )
        for owner, title, description, speakers, protocol in rows:
            if owner in loaded:
                loaded[owner]["sessions"].append((title, description, speakers, protocol))

    def build_more(self, obj, facets, keywords) -> None:
        facets["regionaldirektion"] = [slug] if (slug := _regionaldirektion(obj)) else []
        for session in related_objects(obj, "sessions"):
            if not isinstance(session, tuple):  # read without ``prepare``: model instances
                session = (session.title, session.description, session.speakers, session.protocol)
            title, description, speakers, protocol = session
            keywords.extend([title, description, stream_text(speakers), html_to_text(protocol)])

    def build(self, obj, context):
        entry = super().build(obj, context)
        if entry is None:
            return None
        texts = [
            html_to_text(getattr(obj, name, "") or "") for name in ("description", "documentation")
        ]
        entry.body = " ".join(part for part in [entry.body, *texts] if part.strip())
        entry.date = getattr(obj, "start", None) or entry.date
        return entry


def _regionaldirektion(obj) -> str | None:
    """The RD slug of the event's Land: a column of a fetched row, or read from the model."""
    if hasattr(obj, "bundesland__regionaldirektion__slug"):
        return obj.bundesland__regionaldirektion__slug
    land = getattr(obj, "bundesland", None)
    return land.regionaldirektion.slug if land is not None else None


def register() -> None:
    from .models import EventPage

    registry.register(
        EventBuilder(
            EventPage,
            "event",
            _("Event"),
            foreign_keys=(ForeignKeyFacet("bundesland", "code", "name", facet="bundesland"),),
        ),
        position=45,
    )
