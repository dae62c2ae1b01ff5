from django.urls import path

from . import community_views, views

app_name = "forum"
urlpatterns = [
    path("", views.index, name="index"),
    path("neueste/", views.latest, name="latest"),
    path("alle-gelesen/", views.mark_all_read, name="mark_all_read"),
    path("neues-thema/", views.topic_create, name="topic_create"),
    path("vorschau/", views.preview, name="preview"),
    path("aehnliche-themen/", views.similar_topics, name="similar_topics"),
    path("kategorie/<slug:slug>/", views.category, name="category"),
    path("kategorie/<slug:slug>/neues-thema/", views.topic_create, name="category_topic_create"),
    path("thema/<int:pk>/", views.topic, name="topic"),
    path("thema/<int:pk>/antworten/", views.reply, name="reply"),
    path("thema/<int:pk>/moderation/", views.topic_moderate, name="topic_moderate"),
    path("beitrag/<int:pk>/", views.post, name="post"),
    path("beitrag/<int:pk>/bearbeiten/", views.post_edit, name="post_edit"),
    path("beitrag/<int:pk>/loeschen/", views.post_delete, name="post_delete"),
    path("beitrag/<int:pk>/versionen/", views.post_revisions, name="post_revisions"),
    path("beitrag/<int:pk>/hilfreich/", views.post_helpful, name="post_helpful"),
    path("beitrag/<int:pk>/loesung/", views.post_solution, name="post_solution"),
    path("mitglieder/<str:username>/", views.member, name="member"),
    path("beitrag/<int:pk>/melden/", community_views.post_report, name="post_report"),
    path("thema/<int:pk>/beobachten/", community_views.topic_watch, name="topic_watch"),
    path(
        "kategorie/<slug:slug>/beobachten/", community_views.category_watch, name="category_watch"
    ),
    path("beobachtungen/", community_views.watch_list, name="watches"),
    path("benachrichtigungen/", community_views.notification_list, name="notifications"),
    path(
        "benachrichtigungen/<int:pk>/",
        community_views.notification_open,
        name="notification_open",
    ),
    path(
        "benachrichtigungen/alle-gelesen/",
        community_views.notifications_mark_all_read,
        name="notifications_mark_all_read",
    ),
    path(
        "benachrichtigungen/einstellungen/",
        community_views.notification_settings,
        name="notification_settings",
    ),
    path(
        "mitglieder-vorschlaege/",
        community_views.mention_suggestions,
        name="mention_suggestions",
    ),
    path("abmelden/<str:token>/", community_views.unsubscribe, name="unsubscribe"),
]
