"""Import and export of practices in the Wagtail admin, for the Redaktion.

The import is the command's two stages: the upload is checked with ``import_plan`` (nothing
written) and kept in a private file that a signed token names; "Jetzt importieren" hands it to
the task worker as an ``ImportRun`` (``import_runs``), which checks it again (the data may have
changed since) and writes it in one transaction. The run's page shows the progress, then the
result or the errors.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.accounts.groups import EDITORS

from .forms import PracticeFilterForm
from .import_runs import ErrorRow, error_rows, import_run_create
from .models import ImportRun
from .selectors import practice_list
from .transfer import (
    CSV,
    FORMATS,
    JSON,
    ImportAborted,
    UnreadableFile,
    import_plan,
    practices_export_csv,
    practices_export_json,
    practices_export_records,
    practices_export_xlsx,
    records_from_text,
    upload_text,
)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# How long a checked upload waits for "Jetzt importieren".
TOKEN_MAX_AGE = 60 * 60
TOKEN_SALT = "practices.admin_transfer.upload"
EXPORT_FORMATS = {
    "json": ("application/json; charset=utf-8", "json", practices_export_json),
    "csv": ("text/csv; charset=utf-8", "csv", practices_export_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        practices_export_xlsx,
    ),
}


def may_transfer_practices(user) -> bool:
    """Import and export are for the Redaktion (and superusers) only."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=EDITORS).exists()


def upload_dir() -> Path:
    return Path(getattr(settings, "PRACTICE_IMPORT_DIR", "") or tempfile.gettempdir()) / (
        "practice-imports"
    )


# ---------------------------------------------------------------------------------------------
# Forms and error rows


class PracticeImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (JSON or CSV)"),
        help_text=gettext_lazy(
            "A JSON file in the import format or the CSV table of the export (UTF-8, "
            "semicolons or commas), at most 5 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.casefold().lstrip(".")
        if suffix not in FORMATS:
            raise forms.ValidationError(
                _("Please upload a JSON or CSV file (ending .json or .csv).")
            )
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        try:
            self.text = upload_text(upload.read(), file_format=suffix)
        except UnreadableFile as unreadable:
            raise forms.ValidationError(str(unreadable)) from unreadable
        self.file_format = suffix
        return upload


# ---------------------------------------------------------------------------------------------
# Views


class TransferView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "doc-full-inverse"

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        if not may_transfer_practices(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def render(self, request: HttpRequest, **context) -> HttpResponse:
        return self.render_to_response(self.get_context_data(**context))


class PracticeImportView(TransferView):
    template_name = "practices/admin/import.html"
    page_title = gettext_lazy("Import practices")

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, form=PracticeImportForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = PracticeImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(request, form=form)
        name = Path(form.cleaned_data["file"].name).name
        try:
            plan = import_plan(records_from_text(form.text, file_format=form.file_format))
        except ImportAborted as aborted:
            return self.render(
                request,
                form=PracticeImportForm(),
                file_name=name,
                errors=error_rows(aborted.errors, file_format=form.file_format),
            )
        token = _keep_upload(form.text, file_format=form.file_format, name=name, user=request.user)
        return self.render(
            request, form=PracticeImportForm(), file_name=name, plan=plan, token=token
        )


class PracticeImportConfirmView(TransferView):
    template_name = "practices/admin/import.html"
    page_title = gettext_lazy("Import practices")

    def post(self, request: HttpRequest) -> HttpResponse:
        upload = _kept_upload(request.POST.get("token", ""), user=request.user)
        if upload is None:
            return self.render(
                request,
                form=PracticeImportForm(),
                expired=True,
            )
        path, file_format, name = upload
        try:
            text = path.read_text(encoding="utf-8")
        finally:
            path.unlink(missing_ok=True)
        run = import_run_create(
            user=request.user, text=text, file_format=file_format, file_name=name
        )
        return redirect("practice_transfer:run", pk=run.pk)


def import_runs_visible(user):
    """The runs ``user`` may follow: their own, or every run for superusers."""
    runs = ImportRun.objects.all()
    return runs if user.is_superuser else runs.filter(user=user)


class PracticeImportRunView(TransferView):
    template_name = "practices/admin/import_run.html"
    page_title = gettext_lazy("Import practices")

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        run = get_object_or_404(import_runs_visible(request.user), pk=pk)
        return self.render(
            request,
            run=run,
            errors=[ErrorRow(**row) for row in run.errors],
            progress_text=progress_text(run),
            status_url=reverse("practice_transfer:run_status", args=[run.pk]),
        )


class PracticeImportRunStatusView(TransferView):
    """The progress of a run for the run page's script, which reloads the page when it ends."""

    def get(self, request: HttpRequest, pk: int) -> JsonResponse:
        run = get_object_or_404(import_runs_visible(request.user), pk=pk)
        return JsonResponse(
            {
                "status": run.status,
                "finished": run.finished,
                "done": run.done,
                "total": run.total,
                "text": progress_text(run),
            }
        )


def progress_text(run: ImportRun) -> str:
    if run.status == ImportRun.Status.QUEUED:
        return _("Waiting for the import to start …")
    return ngettext(
        "%(done)s of %(total)s practice",
        "%(done)s of %(total)s practices",
        run.total,
    ) % {"done": run.done, "total": run.total}


class PracticeExportView(TransferView):
    template_name = "practices/admin/export.html"
    page_title = gettext_lazy("Export practices")

    def get(self, request: HttpRequest) -> HttpResponse:
        params = request.GET.copy()
        export_format = params.pop("format", [""])[-1]
        form = PracticeFilterForm(params or None)
        filters = form.filters()
        pages = practice_list(filters=filters, user=request.user).prefetch_related(None)
        page_ids = list(pages.values_list("pk", flat=True))
        filter_errors = form.error_messages() if form.is_bound else []
        if export_format in EXPORT_FORMATS and not filter_errors:
            return _download(export_format, page_ids)
        return self.render(
            request,
            form=form,
            count=len(page_ids),
            filter_errors=filter_errors,
            unknown_format=bool(export_format) and export_format not in EXPORT_FORMATS,
            query=params.urlencode(),
        )


def _download(export_format: str, page_ids: list[int]) -> HttpResponse:
    content_type, suffix, writer = EXPORT_FORMATS[export_format]
    response = HttpResponse(writer(practices_export_records(page_ids=page_ids)), content_type)
    file_name = f"praxisbeispiele-{timezone.localdate().isoformat()}.{suffix}"
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


# ---------------------------------------------------------------------------------------------
# The upload between check and write


def _keep_upload(text: str, *, file_format: str, name: str, user) -> str:
    directory = upload_dir()
    directory.mkdir(parents=True, exist_ok=True)
    # Checked files nobody confirmed: their tokens have expired.
    expired = timezone.now().timestamp() - TOKEN_MAX_AGE
    for old in directory.iterdir():
        if old.stat().st_mtime < expired:
            old.unlink(missing_ok=True)
    key = secrets.token_hex(16)
    (directory / f"{key}.{file_format}").write_text(text, encoding="utf-8")
    return signing.dumps(
        {"key": key, "format": file_format, "name": name, "user": user.pk}, salt=TOKEN_SALT
    )


def _kept_upload(token: str, *, user) -> tuple[Path, str, str] | None:
    """The kept file of a token this user got, taken for one import; None when the token is
    forged or expired or the file already taken."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if data.get("user") != user.pk or data.get("format") not in (JSON, CSV):
        return None
    path = upload_dir() / f"{data['key']}.{data['format']}"
    # Taking the file away first means a double-clicked "Jetzt importieren" imports once.
    claimed = path.with_name(f"{path.name}.claimed")
    try:
        path.rename(claimed)
    except FileNotFoundError:
        return None
    return claimed, data["format"], data["name"]
