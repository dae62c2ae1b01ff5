from datetime import date
from itertools import count

from django.apps import apps
from django.utils import timezone

from cms.access import page_set_staff_only
from cms.bulk import pages_bulk_create
from practices.models import (
    Bundesland,
    Jobcenter,
    PartnerType,
    PracticeFigure,
    PracticeIndexPage,
    PracticePage,
    PracticePartner,
    PracticeStatus,
    ProcessPhase,
    TargetGroup,
    Topic,
)
from practices.reference import load_reference_data

from .site import site_home

_numbers = count(1)


def practice_index() -> PracticeIndexPage:
    index = PracticeIndexPage.objects.first()
    if index is None:
        load_reference_data(apps.get_model)
        index = PracticeIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
        site_home().add_child(instance=index)
    return index


def create_jobcenter(name: str | None = None, land: str = "NW", **fields) -> Jobcenter:
    number = next(_numbers)
    name = name or f"Jobcenter Musterstadt {number}"
    return Jobcenter.objects.create(
        name=name,
        slug=fields.pop("slug", f"jobcenter-{number}"),
        bundesland=Bundesland.objects.get(code=land),
        **fields,
    )


def build_practice(
    title: str | None = None,
    *,
    jobcenters=(),
    topics=(),
    target_groups=(),
    phases=(),
    partners=(),
    figures=(),
    status: str = "laufend",
    start: date | None = date(2020, 1, 1),
    end: date | None = None,
    live: bool = True,
    body=None,
    **fields,
) -> PracticePage:
    """An unsaved practice with its links and rows, for ``create_practice(s)``."""
    number = next(_numbers)
    page = PracticePage(
        title=title or f"Praxisbeispiel {number}",
        slug=fields.pop("slug", f"praxisbeispiel-{number}"),
        teaser=fields.pop("teaser", "Ein erprobter Ansatz aus dem Jobcenter."),
        status=_term(PracticeStatus, status),
        start_date=start,
        end_date=end,
        body=body or [],
        live=live,
        **fields,
    )
    page.jobcenters = list(jobcenters)
    page.topics = [_term(Topic, slug) for slug in topics]
    page.target_groups = [_term(TargetGroup, slug) for slug in target_groups]
    page.phases = [_term(ProcessPhase, slug) for slug in phases]
    page.partners = [
        PracticePartner(partner_type=_term(PartnerType, kind), name=name, sort_order=position)
        for position, (kind, name) in enumerate(partners)
    ]
    page.figures = [
        PracticeFigure(label=label, value=value, sort_order=position)
        for position, (label, value) in enumerate(figures)
    ]
    return page


def _term(model, slug: str):
    return model.objects.get(slug=slug)


def create_practice(
    title: str | None = None,
    *,
    staff_only: bool = False,
    live: bool = True,
    revision: bool = True,
    **fields,
) -> PracticePage:
    """A practice under the library, published through Wagtail like an editor's.

    ``revision=False`` adds it live straight away (no revision, no publishing): what lists
    and query counts need, at a fraction of the cost; ``first_published_at`` may be given.
    """
    index = practice_index()
    if live and not revision:
        fields.setdefault("first_published_at", timezone.now())
        fields.setdefault("last_published_at", fields["first_published_at"])
    page = build_practice(title, live=live, **fields)
    index.add_child(instance=page)
    if staff_only:
        page_set_staff_only(page, True)
    if live and revision:
        page.save_revision().publish()
    return page


def create_practices(count: int, *, staff_only: bool = False, **fields) -> list[PracticePage]:
    """``count`` live practices for lists and query counts, written in bulk (``cms.bulk``):
    no revisions, no search index entries."""
    pages = [build_practice(**fields) for _number in range(count)]
    for page in pages:
        if not page.supra_regional:
            # What PracticePage.save() derives, which the bulk writer does not call.
            page.bundeslaender = page.bundeslaender_from_jobcenters()
    pages_bulk_create(parent=practice_index(), pages=pages)
    if staff_only:
        for page in pages:
            page_set_staff_only(page, True)
    return pages


def create_submission(submitter, title: str | None = None, **content) -> PracticePage:
    """A practice ``submitter`` sent to the review workflow, as the submission form does."""
    from practices.services import PracticeContent, practice_submit

    practice_index()
    content.setdefault("teaser", "Ehemalige Teilnehmende begleiten neue Teilnehmende.")
    content.setdefault("status", PracticeStatus.objects.get(slug="erprobung"))
    if "jobcenters" not in content and "bundeslaender" not in content:
        content["jobcenters"] = [create_jobcenter()]
    return practice_submit(
        user=submitter,
        content=PracticeContent(title=title or f"Praxisbeispiel {next(_numbers)}", **content),
    )
