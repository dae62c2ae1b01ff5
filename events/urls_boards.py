from django.urls import path

from . import views_boards

BOARD = "sitzung/<int:session_id>/vorschlaege/"

urlpatterns = [
    path(BOARD, views_boards.board, name="board"),
    path(f"{BOARD}punkte/", views_boards.vote, name="board_vote"),
    path(f"{BOARD}neu/", views_boards.propose, name="board_propose"),
    path(f"{BOARD}verwalten/", views_boards.manage, name="board_manage"),
    path(f"{BOARD}pinnwand/", views_boards.paper, name="board_paper"),
    path(
        f"{BOARD}<int:proposal_id>/status/",
        views_boards.proposal_status,
        name="board_proposal_status",
    ),
]
