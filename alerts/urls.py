from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("", views.saved_searches, name="list"),
    path("speichern/", views.save, name="save"),
    path("<int:pk>/aendern/", views.update, name="update"),
    path("<int:pk>/loeschen/", views.delete, name="delete"),
    path("abbestellen/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
