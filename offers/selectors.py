"""Reads of the offer pages: the cards of a result page, the related boxes."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch

from cms.access import mark_restricted, visible_pages

from .models import OfferLocation, OfferPage, OfferStatus


def offer_cards(object_ids: list[str]) -> dict[str, OfferPage]:
    """The offers of a result page (by the index's object ids), with what their cards show,
    in a fixed number of queries."""
    ids = [int(pk) for pk in object_ids if str(pk).isdigit()]
    if not ids:
        return {}
    offers = (
        OfferPage.objects.filter(pk__in=ids)
        .select_related("provider")
        .prefetch_related(
            "funding_routes",
            "languages",
            Prefetch("locations", queryset=OfferLocation.objects.order_by("sort_order")),
        )
    )
    return {str(offer.pk): offer for offer in offers}


def related_practices(page: OfferPage, user, *, limit: int = 3) -> list:
    """Practices close to the offer in meaning and in fields of action and target groups."""
    from practices.selectors import practices_related

    return practices_related(
        page=page,
        topic_ids=[topic.pk for topic in page.topics.all()],
        group_ids=[group.pk for group in page.target_groups.all()],
        user=user,
        limit=limit,
    )


@dataclass
class NearbyOffers:
    items: list  # (ResultItem, OfferPage | None)
    place: str
    more_url: str
    # Around a Jobcenter (nearest first) rather than in a Bundesland.
    around: bool = True


NEARBY_RADIUS = 50
NEARBY_SHOWN = 3


def nearby_offers_for(*, practice, user) -> NearbyOffers | None:
    """Offers on the practice's fields of action in the viewer's region: around the member's
    Jobcenter, else in the member's Bundesland, else around the practice's own Jobcenter.
    Asked through the knowledge search, so its access rules hold."""
    from django.http import QueryDict

    from search.backends import Near
    from search.query import SearchParams
    from search.selectors import knowledge_search

    from .geo import member_jobcenter
    from .models import OfferIndexPage

    topics = [topic.slug for topic in practice.topics.all()]
    index = OfferIndexPage.objects.live().only("url_path").first()
    if not topics or index is None:
        return None
    filters = {"type": ["offer"], "topic": topics}
    near, place, more = None, "", QueryDict(mutable=True)
    more.setlist("topic", topics)
    jobcenter = member_jobcenter(user)
    region = getattr(user, "region", "") if getattr(user, "is_authenticated", False) else ""
    if jobcenter is None and not region:
        jobcenter = next((jc for jc in practice.jobcenters.all() if jc.latitude is not None), None)
    if jobcenter is not None:
        near = Near(float(jobcenter.latitude), float(jobcenter.longitude), NEARBY_RADIUS)
        place = jobcenter.name
        more["nahe"], more["umkreis"] = jobcenter.slug, str(NEARBY_RADIUS)
    elif region:
        filters["bundesland"] = [region]
        more["bundesland"] = region
        more["nahe"] = ""
    else:
        return None
    result = knowledge_search(params=SearchParams(filters=filters), user=user, near=near)
    shown = result.results[:NEARBY_SHOWN]
    if not shown:
        return None
    cards = offer_cards([item.object_id for item in shown])
    if near is None:
        from cms.regions import BUNDESLAENDER

        place = dict(BUNDESLAENDER).get(region, region)
    return NearbyOffers(
        items=[(item, cards.get(item.object_id)) for item in shown],
        place=place,
        more_url=f"{index.url}?{more.urlencode()}" if index.url else "",
        around=near is not None,
    )


def region_offers(*, land_code: str, user, limit: int) -> list[OfferPage]:
    """The newest offers the user may see whose service area reaches into the Land: the Land
    of their Jobcenter districts, which is also what the offer search filters by. Ended offers
    are no news."""
    in_land = OfferPage.jobcenters.through.objects.filter(
        offerpage_id=OuterRef("pk"), jobcenter__bundesland__code=land_code
    )
    offers = list(
        visible_pages(OfferPage.objects.live(), user)
        .filter(Exists(in_land))
        .exclude(offer_status=OfferStatus.ENDED)
        .select_related("provider")
        .prefetch_related(
            Prefetch("locations", queryset=OfferLocation.objects.order_by("sort_order"))
        )
        .order_by("-first_published_at", "-pk")[:limit]
    )
    return mark_restricted(offers, user)
