from datetime import date
from itertools import count

from django.apps import apps
from django.utils import timezone

from cms.access import page_set_staff_only
from cms.bulk import pages_bulk_create
from practices.content import CONTACT_FIELDS, Figure, Partner, PracticeContent, practice_apply
from practices.models import (
    Bundesland,
    Jobcenter,
    PartnerType,
    PracticeIndexPage,
    PracticePage,
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
    sections=None,
    status: str = "laufend",
    start: date | None = date(2020, 1, 1),
    end: date | None = None,
    live: bool = True,
    body=None,
    teaser: str = "Ein erprobter Ansatz aus dem Jobcenter.",
    supra_regional: bool = False,
    bundeslaender=(),
    external_id: str | None = None,
    contact=None,
    **fields,
) -> PracticePage:
    """An unsaved practice with its links and rows, for ``create_practice(s)``, written by the
    service every other way to a practice uses (``practices.content.practice_apply``).

    ``partners`` are (partner type slug, name) pairs, ``figures`` (label, value[, note]),
    ``bundeslaender`` codes; ``contact`` a dict as in ``PracticeContent`` (or ``contact_name``
    etc. as fields); ``body`` sets the raw StreamField blocks in place of ``sections``.
    """
    number = next(_numbers)
    contact = dict(contact or {})
    for key in CONTACT_FIELDS:
        if f"contact_{key}" in fields:
            contact[key] = fields.pop(f"contact_{key}")
    page = PracticePage(slug=fields.pop("slug", f"praxisbeispiel-{number}"), live=live, **fields)
    content = PracticeContent(
        title=title or f"Praxisbeispiel {number}",
        teaser=teaser,
        external_id=external_id,
        jobcenters=list(jobcenters),
        supra_regional=supra_regional,
        bundeslaender=[Bundesland.objects.get(code=code) for code in bundeslaender],
        start_date=start,
        end_date=end,
        status=_term(PracticeStatus, status),
        topics=[_term(Topic, slug) for slug in topics],
        target_groups=[_term(TargetGroup, slug) for slug in target_groups],
        phases=[_term(ProcessPhase, slug) for slug in phases],
        partners=[Partner.of(_term(PartnerType, kind), name) for kind, name in partners],
        figures=[Figure(*figure) for figure in figures],
        sections=dict(sections or {}),
        contact=contact,
    )
    practice_apply(page, content=content)
    if body is not None:
        page.body = body
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
    # The service derives the Länder as PracticePage.save() would, which the bulk writer skips.
    pages = [build_practice(**fields) for _number in range(count)]
    pages_bulk_create(parent=practice_index(), pages=pages)
    if staff_only:
        for page in pages:
            page_set_staff_only(page, True)
    return pages


def create_submission(submitter, title: str | None = None, **content) -> PracticePage:
    """A practice ``submitter`` sent to the review workflow, as the submission form does."""
    from practices.services import practice_submit

    practice_index()
    content.setdefault("teaser", "Ehemalige Teilnehmende begleiten neue Teilnehmende.")
    content.setdefault("status", PracticeStatus.objects.get(slug="erprobung"))
    if "jobcenters" not in content and "bundeslaender" not in content:
        content["jobcenters"] = [create_jobcenter()]
    return practice_submit(
        user=submitter,
        content=PracticeContent(title=title or f"Praxisbeispiel {next(_numbers)}", **content),
    )
