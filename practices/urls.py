from django.urls import path

from . import views

app_name = "practices"
urlpatterns = [
    path("praxisbeispiel-einreichen/", views.submit, name="submit"),
    path("praxisbeispiel-einreichen/danke/", views.submit_done, name="submit_done"),
    path("meine-einreichungen/", views.my_submissions, name="my_submissions"),
    path(
        "meine-einreichungen/<int:page_id>/bearbeiten/",
        views.submission_edit,
        name="submission_edit",
    ),
]
