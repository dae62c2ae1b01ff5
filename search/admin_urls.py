from django.urls import path

from . import admin_views

app_name = "search_log"
urlpatterns = [path("", admin_views.SearchLogReportView.as_view(), name="report")]
