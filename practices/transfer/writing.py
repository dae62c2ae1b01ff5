"""Writing a checked import plan in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from cms.access import page_set_staff_only

from ..content import Figure, Partner, PracticeContent, practice_apply
from ..models import Jobcenter, PracticeIndexPage, PracticePage
from .checking import ImportPlan, PracticeData
from .format import ImportAborted, TransferError
from .lookups import NewJobcenter


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    jobcenters_created: int


Progress = Callable[[int, int], None]


@transaction.atomic
def practices_import(*, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
    """Write a checked plan: new Jobcenters first, then every practice as a published revision."""
    created_jobcenters: dict[int, Jobcenter] = {}
    for new in plan.new_jobcenters:
        jobcenter = Jobcenter(name=new.name, slug=new.slug, bundesland=new.bundesland)
        jobcenter.full_clean()
        jobcenter.save()
        created_jobcenters[id(new)] = jobcenter

    total = len(plan.practices)
    for done, practice in enumerate(plan.practices, start=1):
        try:
            _practice_write(plan.index, practice, created_jobcenters)
        except ValidationError as error:
            # Only a rule the checks do not know about gets here; the transaction rolls back.
            raise ImportAborted(
                [TransferError("; ".join(error.messages), record=practice.number)]
            ) from error
        if progress is not None:
            progress(done, total)
    return ImportResult(
        created=plan.creates, updated=plan.updates, jobcenters_created=len(created_jobcenters)
    )


def _practice_write(
    index: PracticeIndexPage, practice: PracticeData, created_jobcenters: dict[int, Jobcenter]
) -> PracticePage:
    page = practice.page
    if page is None:
        page = PracticePage(slug=practice.slug, live=False)
    practice_apply(page, content=import_content(practice, created_jobcenters))
    if page.pk is None:
        index.add_child(instance=page)
    # Restrict before publishing, so nothing reacting to the publication sees it as public.
    if practice.staff_only or practice.page is not None:
        page_set_staff_only(page, practice.staff_only)
    page.save_revision(log_action=True).publish()
    return page


def import_content(
    practice: PracticeData, created_jobcenters: dict[int, Jobcenter] | None = None
) -> PracticeContent:
    """A checked record as practice content; Jobcenters the import creates from
    ``created_jobcenters`` (keyed by the ``id`` of their ``NewJobcenter``)."""
    created_jobcenters = created_jobcenters or {}
    return PracticeContent(
        title=practice.title,
        teaser=practice.teaser,
        external_id=practice.external_id,
        jobcenters=[
            created_jobcenters[id(jobcenter)] if isinstance(jobcenter, NewJobcenter) else jobcenter
            for jobcenter in practice.jobcenters
        ],
        supra_regional=practice.supra_regional,
        bundeslaender=list(practice.bundeslaender),
        start_date=practice.start_date,
        end_date=practice.end_date,
        status=practice.status,
        topics=list(practice.topics),
        target_groups=list(practice.target_groups),
        phases=list(practice.phases),
        partners=[Partner.of(partner_type, name) for partner_type, name in practice.partners],
        figures=[Figure(label, value, note) for label, value, note in practice.figures],
        sections=dict(practice.sections),
        contact=dict(practice.contact),
        staff_only=practice.staff_only,
    )
