"""The search log report in the Wagtail admin: what people search for, what they do not find,
and whether the first results are the right ones. For the Redaktion (``view_searchlogentry``)."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .log import REPORT_PERIODS, REPORT_ROWS, search_log_report

DEFAULT_PERIOD = 30
PERMISSION = "search.view_searchlogentry"


class SearchLogReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Search log")
    header_icon = "search"
    template_name = "search/admin/log_report.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": _("Reports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def _days(self) -> tuple[int, bool]:
        """The chosen period, and whether the request asked for one that does not exist."""
        raw = self.request.GET.get("days")
        if raw is None:
            return DEFAULT_PERIOD, False
        try:
            days = int(raw)
        except ValueError:
            return DEFAULT_PERIOD, True
        return (days, False) if days in REPORT_PERIODS else (DEFAULT_PERIOD, True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days, unknown_period = self._days()
        context.update(
            report=search_log_report(days=days),
            periods=REPORT_PERIODS,
            unknown_period=unknown_period,
            rows=REPORT_ROWS,
            retention_days=settings.SEARCH_LOG_RETENTION_DAYS,
        )
        return context
