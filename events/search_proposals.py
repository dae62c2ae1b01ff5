"""Proposals in the knowledge search: one document per Vorschlag, found by whoever may see its
event page.

A proposal has no privacy of its own: it inherits the audience of its event page
(``cms.access`` via ``VisibilityContext.for_page``), so the proposals of a staff-only event are
found only by network staff, and those of a draft or unpublished event by nobody. Its facets are
its event's Bundesland and, when its column is one of the four process steps, that phase.
"""

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published, page_unpublished

from search import registry
from search.builders import DocumentBuilder, IndexEntry, VisibilityContext
from search.indexing import outbox_record


class ProposalBuilder(DocumentBuilder):
    doc_type = "proposal"
    label = _("Proposal")

    def __init__(self, model) -> None:
        self.model = model
        self._phase_slugs: dict[str, str] | None = None

    def queryset(self, *, live_only: bool = True) -> QuerySet:
        queryset = self.model.objects.select_related("board__session__page__bundesland").order_by(
            "pk"
        )
        if live_only:
            queryset = queryset.filter(board__session__page__live=True)
        return queryset

    def prepare(self, objects) -> None:
        from practices.models import ProcessPhase

        # Column names are the phases' names; the facet stores their slugs.
        self._phase_slugs = dict(ProcessPhase.objects.values_list("name", "slug"))

    def phase_slug(self, column: str) -> str | None:
        if self._phase_slugs is None:
            self.prepare([])
        return self._phase_slugs.get(column)

    def build(self, obj, context: VisibilityContext) -> IndexEntry | None:
        session = obj.board.session
        page = session.page
        if not page.live:
            return None
        visibility = context.for_page(page)
        if visibility is None:
            return None
        phase = self.phase_slug(obj.column)
        facets = {"type": [self.doc_type]}
        if phase:
            facets["phase"] = [phase]
        if page.bundesland_id:
            facets["bundesland"] = [page.bundesland.code]
        return self.entry(
            obj.pk,
            title=obj.title,
            teaser=obj.description[:300],
            body=" ".join(part for part in [obj.description, obj.progress_note] if part),
            url=f"{session.board_url()}#vorschlag-{obj.pk}",
            date=obj.created_at,
            visibility=tuple(visibility),
            keywords=" ".join([obj.column, session.title, page.title, obj.get_status_display()]),
            facets=facets,
            embedding_text=f"{obj.title}\n{obj.description}",
        )

    def affected_by_page(self, page):
        # A move or a privacy change of the event (or a page above it) changes who finds them.
        return self.model.objects.filter(board__session__page__path__startswith=page.path)


def _event_published(sender, instance, **kwargs) -> None:
    from .models import EventPage, Proposal

    if isinstance(instance, EventPage):
        outbox_record(objects=Proposal.objects.filter(board__session__page=instance))


def _proposal_saved(sender, instance, **kwargs) -> None:
    # Services and the admin alike: every saved proposal is indexed anew.
    outbox_record(objects=[instance])


def register() -> None:
    from .models import Proposal

    registry.register(ProposalBuilder(Proposal), position=46)
    post_save.connect(_proposal_saved, sender=Proposal, dispatch_uid="events.search.proposal")
    # Deleted in the admin, or with their board: the index forgets them in the same transaction.
    post_delete.connect(
        _proposal_saved, sender=Proposal, dispatch_uid="events.search.proposal_deleted"
    )
    page_published.connect(_event_published, dispatch_uid="events.search.proposals_published")
    page_unpublished.connect(_event_published, dispatch_uid="events.search.proposals_unpublished")
