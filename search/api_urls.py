from django.urls import path

from . import views

app_name = "search_api"
urlpatterns = [
    path("search/", views.search_api, name="search"),
    path("suggest/", views.suggest_api, name="suggest"),
    path("search/click/", views.search_click, name="click"),
]
