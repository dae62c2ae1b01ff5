"""Reads of proposal boards: the board with its proposals by column, totals, a member's points
and the ranked results – in a fixed number of queries, however many proposals there are."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import IntegerField, OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from .models import Ballot, Board, Dot, Proposal, VotingState


def board_for_session(*, session_id: int) -> Board:
    return get_object_or_404(
        Board.objects.select_related("session__page", "session__page__bundesland"),
        session_id=session_id,
    )


@dataclass
class Column:
    name: str
    proposals: list = field(default_factory=list)
    total: int = 0


@dataclass
class BoardView:
    board: Board
    columns: list[Column]
    proposals: list
    show_totals: bool
    budget: int | None = None
    spent: int = 0

    @property
    def remaining(self) -> int | None:
        return None if self.budget is None else self.budget - self.spent

    @property
    def ranked(self) -> list:
        return sorted(self.proposals, key=lambda p: (-p.total, p.title.casefold()))

    @property
    def has_votes(self) -> bool:
        return any(p.total for p in self.proposals)


def totals_shown(board: Board) -> bool:
    """Totals would sway the vote: hidden while it runs unless the organisers chose otherwise."""
    if board.voting == VotingState.OPEN:
        return board.live_totals
    return board.voting == VotingState.CLOSED or board.counted_on_paper


def board_view(*, board: Board, viewer, user=None) -> BoardView:
    """The board as ``viewer`` sees it; ``user``: the member whose points it shows (None for
    those who do not take part). What grew out of a proposal is listed only where ``viewer``
    may see it: live pages the access policy lets through, forum topics they may read."""
    from wagtail.models import Page

    from cms.access import visible_pages
    from forum.models import Topic
    from forum.permissions import readable_topics

    dot_sum = (
        Dot.objects.filter(proposal=OuterRef("pk"))
        .values("proposal")
        .annotate(total=Sum("points"))
        .values("total")
    )
    queryset = (
        Proposal.objects.filter(board=board)
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "linked_pages",
                queryset=visible_pages(Page.objects.live(), viewer).order_by("title"),
                to_attr="visible_pages",
            ),
            Prefetch(
                "linked_topics",
                queryset=readable_topics(viewer, Topic.objects.all()).order_by("title"),
                to_attr="visible_topics",
            ),
        )
        .annotate(online_points=Coalesce(Subquery(dot_sum, output_field=IntegerField()), Value(0)))
        .order_by("created_at", "pk")
    )
    proposals = list(queryset)
    mine: dict[int, int] = {}
    budget = None
    spent = 0
    if user is not None and user.is_authenticated:
        mine = dict(
            Dot.objects.filter(proposal__board=board, user=user).values_list(
                "proposal_id", "points"
            )
        )
        ballot = Ballot.objects.filter(board=board, user=user).first()
        budget = ballot.budget if ballot else board.points_per_participant
        spent = ballot.spent if ballot else 0
    names = board.column_list()
    columns = {name: Column(name) for name in names}
    for proposal in proposals:
        proposal.total = proposal.online_points + proposal.paper_points
        proposal.my_points = mine.get(proposal.pk, 0)
        # A proposal whose column was renamed away still shows, in a column of its own.
        column = columns.setdefault(proposal.column, Column(proposal.column))
        column.proposals.append(proposal)
        column.total += proposal.total
    return BoardView(
        board=board,
        columns=list(columns.values()),
        proposals=proposals,
        show_totals=totals_shown(board),
        budget=budget,
        spent=spent,
    )


def proposal_total(*, proposal: Proposal) -> int:
    online = Dot.objects.filter(proposal=proposal).aggregate(total=Sum("points"))["total"] or 0
    return online + proposal.paper_points
