"""Small builders for search tests: practices with taxonomy, publishing through Wagtail."""

from datetime import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from cms.access import page_set_staff_only
from practices.models import (
    Bundesland,
    PartnerType,
    PracticePage,
    PracticePartner,
    PracticeStatus,
    ProcessPhase,
    TargetGroup,
    Topic,
)
from search.indexing import outbox_push


def create_practice(
    library,
    title: str,
    *,
    teaser: str = "Ein erprobter Ansatz aus dem Jobcenter.",
    text: str = "",
    topics: tuple[str, ...] = (),
    target_groups: tuple[str, ...] = (),
    phases: tuple[str, ...] = (),
    partner_types: tuple[str, ...] = (),
    status: str | None = None,
    bundeslaender: tuple[str, ...] = ("NW",),
    published: datetime | None = None,
    staff_only: bool = False,
) -> PracticePage:
    page = PracticePage(
        title=title,
        teaser=teaser,
        supra_regional=True,
        body=[("situation", RichText(f"<p>{text}</p>"))] if text else [],
        status=PracticeStatus.objects.get(slug=status) if status else None,
        first_published_at=published,
    )
    library.add_child(instance=page)
    page.bundeslaender.set(Bundesland.objects.filter(code__in=bundeslaender))
    page.topics.set(Topic.objects.filter(slug__in=topics))
    page.target_groups.set(TargetGroup.objects.filter(slug__in=target_groups))
    page.phases.set(ProcessPhase.objects.filter(slug__in=phases))
    for partner_type in PartnerType.objects.filter(slug__in=partner_types):
        page.partners.add(
            PracticePartner(partner_type=partner_type, name=f"{partner_type.name} vor Ort")
        )
    page.save()
    if staff_only:
        page_set_staff_only(page, True)
    page.save_revision().publish()
    return page


def days_ago(days: int) -> datetime:
    return timezone.now() - timezone.timedelta(days=days)


def sync() -> None:
    """What the after-commit push does (test transactions never commit)."""
    result = outbox_push()
    assert result.error == "", result.error
    assert result.pending == 0


def api(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200
    return response.json()


def titles(data) -> list[str]:
    return [result["title"] for result in data["results"]]


def facet(data, name: str) -> dict[str, tuple[int, bool]]:
    return {o["value"]: (o["count"], o["selected"]) for o in data["facets"][name]}
