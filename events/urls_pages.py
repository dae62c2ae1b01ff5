from django.urls import path

from . import views_pages

urlpatterns = [
    path("kalender.ics", views_pages.calendar_feed, name="calendar"),
    path("termin/<int:page_id>.ics", views_pages.event_ics, name="event_ics"),
]
