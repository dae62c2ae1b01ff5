from django.urls import path

from . import views

app_name = "regions"
urlpatterns = [
    path("jobcenter/", views.directory, name="jobcenters"),
    path("jobcenter/<slug:slug>/", views.jobcenter, name="jobcenter"),
    path("karte/", views.map_view, name="map"),
]
