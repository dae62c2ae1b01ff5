"""Writing a checked import plan in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from cms.access import page_set_staff_only

from ..models import Jobcenter, PracticeFigure, PracticeIndexPage, PracticePage, PracticePartner
from ..services import text_to_richtext
from .checking import ImportPlan, PracticeData
from .format import CONTACT_FIELDS, SECTION_KEYS, ImportAborted, TransferError
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
    page.title = practice.title
    page.teaser = practice.teaser
    page.external_id = practice.external_id
    page.supra_regional = practice.supra_regional
    page.start_date = practice.start_date
    page.end_date = practice.end_date
    page.status = practice.status
    for key, model_field in CONTACT_FIELDS.items():
        setattr(page, model_field, practice.contact.get(key, ""))
    page.jobcenters = [
        created_jobcenters[id(jobcenter)] if isinstance(jobcenter, NewJobcenter) else jobcenter
        for jobcenter in practice.jobcenters
    ]
    page.bundeslaender = practice.bundeslaender
    page.topics = practice.topics
    page.target_groups = practice.target_groups
    page.phases = practice.phases
    page.partners = [
        PracticePartner(partner_type=partner_type, name=name, sort_order=position)
        for position, (partner_type, name) in enumerate(practice.partners)
    ]
    page.figures = [
        PracticeFigure(label=label, value=value, note=note, sort_order=position)
        for position, (label, value, note) in enumerate(practice.figures)
    ]
    # The file owns the text sections; images, quotes and downloads added in the admin stay.
    kept = [
        (block.block_type, block.value)
        for block in page.body
        if block.block_type not in SECTION_KEYS
    ]
    page.body = [(key, text_to_richtext(text)) for key, text in practice.sections] + kept

    if page.pk is None:
        index.add_child(instance=page)
    # Restrict before publishing, so nothing reacting to the publication sees it as public.
    if practice.staff_only or practice.page is not None:
        page_set_staff_only(page, practice.staff_only)
    page.save_revision(log_action=True).publish()
    return page
