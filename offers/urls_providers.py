from django.urls import path

from . import views_providers as views

app_name = "providers"
urlpatterns = [
    path("angebote/", views.my_offers, name="my_offers"),
    path("angebote/neu/", views.offer_new, name="new"),
    path("angebote/<int:page_id>/bearbeiten/", views.offer_edit, name="edit"),
    path("angebote/<int:page_id>/bestaetigen/", views.offer_confirm_view, name="confirm"),
    path("angebote/<int:page_id>/melden/", views.offer_report, name="report"),
]
