from django.urls import path

from . import admin_views

app_name = "forum_moderation"
urlpatterns = [
    path("", admin_views.QueueView.as_view(), name="queue"),
    path("beitrag/<int:pk>/", admin_views.PostView.as_view(), name="post"),
    path("beitrag/<int:pk>/bearbeiten/", admin_views.EditView.as_view(), name="edit"),
    path("beitrag/<int:pk>/schwaerzen/", admin_views.RedactView.as_view(), name="redact"),
    path("stummschaltungen/", admin_views.SilencesView.as_view(), name="silences"),
    path("protokoll/", admin_views.LogView.as_view(), name="log"),
]
