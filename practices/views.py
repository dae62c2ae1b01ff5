from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cms.access import is_network_staff
from cms.privacy_guard import page_comment_personal_data_override

from .forms import FigureFormSet, PartnerFormSet, PracticeFilterForm, PracticeSubmissionForm
from .models import Jobcenter, PracticeIndexPage
from .selectors import jobcenter_practices, practice_list
from .services import Figure, Partner, practice_submit

PAGE_SIZE = 12


def practice_index_context(request, *, index_page: PracticeIndexPage) -> dict:
    form = PracticeFilterForm(request.GET or None)
    filters = form.filters()
    practices = practice_list(filters=filters, user=request.user)
    paginator = Paginator(practices, PAGE_SIZE)
    page_number = request.GET.get("seite", "1")
    notices = form.error_messages() if request.GET else []
    if not page_number.isdigit() or not 1 <= int(page_number) <= paginator.num_pages:
        if page_number != "1":
            notices.append(
                _("The page “%(page)s” does not exist; showing page 1.")
                % {"page": page_number[:20]}
            )
        page_number = 1
    page_obj = paginator.page(page_number)
    query = request.GET.copy()
    query.pop("seite", None)
    active = {name: set(values) for name, values in request.GET.lists()}
    return {
        "filter_form": form,
        "filters": filters,
        "practices": page_obj,
        "paginator": paginator,
        "notices": notices,
        "query_without_page": query.urlencode(),
        "active": active,
        "has_filters": bool(query),
    }


def jobcenter_detail(request, slug: str):
    jobcenter = get_object_or_404(Jobcenter.objects.select_related("bundesland"), slug=slug)
    practices = list(jobcenter_practices(jobcenter=jobcenter, user=request.user))
    return render(
        request, "practices/jobcenter_detail.html", {"jobcenter": jobcenter, "practices": practices}
    )


def may_submit(user) -> bool:
    return is_network_staff(user)


@login_required
def submit(request):
    if not may_submit(request.user):
        raise PermissionDenied(_("Only network staff can submit practices."))
    if PracticeIndexPage.objects.first() is None:
        messages.error(request, _("Submitting is not possible yet: the library has no start page."))
        return redirect("/")
    data = request.POST if request.method == "POST" else None
    partners = PartnerFormSet(data, prefix="partner")
    figures = FigureFormSet(data, prefix="figure")
    form = PracticeSubmissionForm(
        data, request.FILES if data is not None else None, formsets=(partners, figures)
    )
    if request.method == "POST":
        if form.is_valid() and partners.is_valid() and figures.is_valid():
            cleaned = form.cleaned_data
            jobcenters = list(cleaned["jobcenters"])
            with transaction.atomic():
                page = practice_submit_from_form(
                    request.user, cleaned, jobcenters, partners, figures
                )
                if form.personal_data_overridden:
                    page_comment_personal_data_override(
                        page=page, user=request.user, kinds=form.personal_data_overridden
                    )
            request.session["submitted_practice"] = page.title
            return redirect("practices:submit_done")
        messages.error(request, _("Please correct the marked fields."))
    return render(
        request,
        "practices/practice_submit.html",
        {"form": form, "partner_formset": partners, "figure_formset": figures},
    )


def practice_submit_from_form(user, cleaned, jobcenters, partners, figures):
    from .blocks import SECTIONS

    note = cleaned.get("other_jobcenter", "").strip()
    sections = {key: cleaned.get(f"section_{key}", "") for key, _label in SECTIONS}
    if note:
        addition = _("Jobcenter not yet in the directory: %(name)s") % {"name": note}
        sections["situation"] = f"{addition}\n\n{sections['situation']}".strip()
    return practice_submit(
        user=user,
        title=cleaned["title"],
        teaser=cleaned["teaser"],
        jobcenters=jobcenters,
        bundeslaender=list(cleaned["bundeslaender"]),
        start_date=cleaned.get("start_date"),
        end_date=cleaned.get("end_date"),
        status=cleaned.get("status"),
        topics=list(cleaned["topics"]),
        target_groups=list(cleaned["target_groups"]),
        phases=list(cleaned["phases"]),
        partners=[
            Partner(partner_type_id=row["partner_type"].pk, name=row["name"])
            for row in partners.cleaned_data
            if row.get("partner_type") and row.get("name")
        ],
        figures=[
            Figure(label=row["label"], value=row["value"], note=row.get("note", ""))
            for row in figures.cleaned_data
            if row.get("label") and row.get("value")
        ],
        sections=sections,
        contact={
            "name": cleaned["contact_name"],
            "function": cleaned["contact_function"],
            "email": cleaned["contact_email"],
            "phone": cleaned["contact_phone"],
        },
        staff_only=cleaned["visibility"] == "staff",
        document=cleaned.get("document"),
        image=cleaned.get("image"),
        image_alt=cleaned.get("image_alt", "").strip(),
    )


@login_required
def submit_done(request):
    title = request.session.pop("submitted_practice", None)
    return render(request, "practices/practice_submit_done.html", {"title": title})
