from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cms.access import is_network_staff
from cms.privacy_guard import page_comment_personal_data_override

from .forms import FigureFormSet, PartnerFormSet, PracticeFilterForm, PracticeSubmissionForm
from .models import PracticeIndexPage, PracticePage
from .selectors import practice_list, practice_submissions, submission_state
from .services import practice_resubmit, practice_submit, submission_open_for_changes

PAGE_SIZE = 12
PAGE_PARAM = "seite"
MAX_ID = 2**63 - 1


def paginate(request, items, *, notices: list[str], per_page: int | None = None) -> PaginatorPage:
    """The requested page of ``items``; a page that does not exist adds a notice and gives 1."""
    paginator = Paginator(items, per_page or PAGE_SIZE)
    page_number = request.GET.get(PAGE_PARAM, "1")
    if not page_number.isdigit() or not 1 <= int(page_number) <= paginator.num_pages:
        if page_number != "1":
            notices.append(
                _("The page “%(page)s” does not exist; showing page 1.")
                % {"page": page_number[:20]}
            )
        page_number = 1
    return paginator.page(page_number)


def practice_index_context(request, *, index_page: PracticeIndexPage) -> dict:
    form = PracticeFilterForm(request.GET or None)
    filters = form.filters()
    practices = practice_list(filters=filters, user=request.user)
    notices = form.error_messages() if request.GET else []
    page_obj = paginate(request, practices, notices=notices)
    paginator = page_obj.paginator
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    active = {name: set(values) for name, values in request.GET.lists()}
    return {
        "filter_form": form,
        "filters": filters,
        "practices": page_obj,
        "paginator": paginator,
        "notices": notices,
        "active": active,
        "has_filters": bool(query),
    }


def may_submit(user) -> bool:
    return is_network_staff(user)


@login_required
def submit(request):
    if not may_submit(request.user):
        raise PermissionDenied(_("Only network staff can submit practices."))
    if PracticeIndexPage.objects.first() is None:
        messages.error(request, _("Submitting is not possible yet: the library has no start page."))
        return redirect("/")
    form = submission_form(request)
    if request.method == "POST":
        if submission_form_is_valid(form):
            page = submission_save(request, form, practice_submit)
            request.session["submitted_practice"] = page.title
            return redirect("practices:submit_done")
        messages.error(request, _("Please correct the marked fields."))
    return render(request, "practices/practice_submit.html", submission_context(form))


def submission_form(request, *, page: PracticePage | None = None) -> PracticeSubmissionForm:
    """The submission form with its partner and figure formsets, filled from ``page`` if given."""
    initial, partner_rows, figure_rows = (
        PracticeSubmissionForm.initial_for(page) if page is not None else (None, None, None)
    )
    data = request.POST if request.method == "POST" else None
    partners = PartnerFormSet(data, prefix="partner", initial=partner_rows)
    figures = FigureFormSet(data, prefix="figure", initial=figure_rows)
    return PracticeSubmissionForm(
        data,
        request.FILES if data is not None else None,
        formsets=(partners, figures),
        initial=initial,
    )


def submission_form_is_valid(form: PracticeSubmissionForm) -> bool:
    # Each part is validated, so that every error shows at once.
    return all([form.is_valid(), *(formset.is_valid() for formset in form.formsets)])


def submission_save(request, form: PracticeSubmissionForm, save, **kwargs) -> PracticePage:
    """Save the valid ``form`` with the service ``save``; a confirmed data-protection warning
    reaches the Redaktion as a comment on the saved revision."""
    with transaction.atomic():
        page = save(user=request.user, content=form.content(), **kwargs)
        if form.personal_data_overridden:
            page_comment_personal_data_override(
                page=page, user=request.user, kinds=form.personal_data_overridden
            )
    return page


def submission_context(form: PracticeSubmissionForm, **context) -> dict:
    partners, figures = form.formsets
    return {"form": form, "partner_formset": partners, "figure_formset": figures, **context}


@login_required
def submit_done(request):
    title = request.session.pop("submitted_practice", None)
    return render(request, "practices/practice_submit_done.html", {"title": title})


@login_required
def my_submissions(request):
    notices: list[str] = []
    page_obj = paginate(request, practice_submissions(user=request.user), notices=notices)
    return render(
        request,
        "practices/my_submissions.html",
        {
            "submissions": [(practice, submission_state(practice)) for practice in page_obj],
            "page_obj": page_obj,
            "page_param": PAGE_PARAM,
            "notices": notices,
            "may_submit": may_submit(request.user),
        },
    )


@login_required
def submission_edit(request, page_id: int):
    """The member answers the Redaktion's change request: revise and send back for review."""
    # Beyond the database's integers a lookup would fail instead of finding nothing.
    page = (
        PracticePage.objects.filter(pk=page_id, submitted_by=request.user).first()
        if page_id <= MAX_ID
        else None
    )
    if page is None:
        raise Http404(_("This submission does not exist or was not submitted by you."))
    try:
        if not may_submit(request.user):
            raise PermissionDenied(_("Only network staff can submit practices."))
        submission_open_for_changes(page=page, user=request.user)
    except PermissionDenied as refusal:
        return submission_refused(request, refusal)
    state = submission_state(page)
    draft = page.get_latest_revision_as_object()
    form = submission_form(request, page=draft)
    if request.method == "POST":
        if submission_form_is_valid(form):
            try:
                page = submission_save(request, form, practice_resubmit, page=page)
            except PermissionDenied as refusal:
                # The Redaktion decided in the meantime.
                return submission_refused(request, refusal)
            messages.success(
                request,
                _("Thank you: “%(title)s” is with the Redaktion for review again.")
                % {"title": page.title},
            )
            return redirect("practices:my_submissions")
        messages.error(request, _("Please correct the marked fields."))
    return render(
        request,
        "practices/practice_submit.html",
        submission_context(form, submission=draft, state=state),
    )


def submission_refused(request, refusal: PermissionDenied):
    return render(
        request, "practices/submission_refused.html", {"message": str(refusal)}, status=403
    )
