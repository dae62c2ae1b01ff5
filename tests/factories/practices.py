from datetime import date
from itertools import count

from django.apps import apps

from cms.access import page_set_staff_only
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
    load_reference_data(apps.get_model)
    index = PracticeIndexPage.objects.first()
    if index is None:
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


def create_practice(
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
    staff_only: bool = False,
    live: bool = True,
    body=None,
    **fields,
) -> PracticePage:
    index = practice_index()
    number = next(_numbers)
    page = PracticePage(
        title=title or f"Praxisbeispiel {number}",
        slug=fields.pop("slug", f"praxisbeispiel-{number}"),
        teaser=fields.pop("teaser", "Ein erprobter Ansatz aus dem Jobcenter."),
        status=PracticeStatus.objects.get(slug=status),
        start_date=start,
        end_date=end,
        body=body or [],
        live=live,
        **fields,
    )
    page.jobcenters = list(jobcenters)
    page.topics = list(Topic.objects.filter(slug__in=topics))
    page.target_groups = list(TargetGroup.objects.filter(slug__in=target_groups))
    page.phases = list(ProcessPhase.objects.filter(slug__in=phases))
    page.partners = [
        PracticePartner(
            partner_type=PartnerType.objects.get(slug=kind), name=name, sort_order=position
        )
        for position, (kind, name) in enumerate(partners)
    ]
    page.figures = [
        PracticeFigure(label=label, value=value, sort_order=position)
        for position, (label, value) in enumerate(figures)
    ]
    index.add_child(instance=page)
    if staff_only:
        page_set_staff_only(page, True)
    if live:
        page.save_revision().publish()
    return page


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
