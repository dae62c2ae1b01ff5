"""The proposal board of a session: board and list view, proposals, dot-voting and the
organisers' panel. Every action is a plain POST that redirects with a message; the board's
script sends the vote buttons with ``Accept: application/json`` and gets JSON instead."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import permissions, services
from .forms import PaperPointsForm, ProposalForm, StatusForm, VoteForm, VotingSettingsForm
from .models import Proposal, ProposalStatus, VotingState
from .selectors_boards import board_for_session, board_view, proposal_total, totals_shown

LIST_VIEW = "liste"


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _visible_board(request, session_id: int):
    board = board_for_session(session_id=session_id)
    # Never reveal that a board of an event the user may not see exists.
    if not permissions.can_view_board(request.user, board, request):
        raise Http404
    return board


def _forbidden(request, message: str):
    if _wants_json(request):
        return JsonResponse({"ok": False, "message": message}, status=403)
    return render(request, "events/board_forbidden.html", {"message": message}, status=403)


def _back(board, anchor: str = ""):
    return HttpResponseRedirect(reverse("events:board", args=[board.session_id]) + anchor)


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def board(request, session_id: int):
    return _board_page(request, _visible_board(request, session_id))


def _board_page(request, board, *, bound: dict | None = None, status: int = 200):
    """The board; ``bound`` holds the forms that came back with their errors, by their name in
    the template (``proposal_form``, ``settings_form``, ``paper_form``)."""
    user = request.user
    view = board_view(
        board=board, viewer=user, user=user if permissions.can_take_part(user, board) else None
    )
    organiser = permissions.can_organise(user, board)
    context = {
        "board": board,
        "session": board.session,
        "event": board.session.page,
        "view": view,
        "list_view": request.GET.get("ansicht") == LIST_VIEW,
        "can_vote": permissions.can_vote(user, board),
        "can_take_part": permissions.can_take_part(user, board),
        "can_add": permissions.can_add_proposal(user, board),
        "can_organise": organiser,
        "voting_open": board.voting == VotingState.OPEN,
        "voting_closed": board.voting == VotingState.CLOSED,
        "status_choices": ProposalStatus.choices,
        "proposal_form": ProposalForm(columns=board.column_list(), organiser=organiser),
    }
    if organiser:
        context["settings_form"] = VotingSettingsForm(
            initial={
                "points_per_participant": board.points_per_participant,
                "max_points_per_proposal": board.max_points_per_proposal,
                "live_totals": board.live_totals,
                "columns": board.columns,
            }
        )
        context["paper_form"] = PaperPointsForm(proposals=view.proposals)
    context.update(bound or {})
    return render(request, "events/board.html", context, status=status)


def _remaining_text(remaining: int, budget: int) -> str:
    return ngettext(
        "%(remaining)s of %(budget)s point left", "%(remaining)s of %(budget)s points left", budget
    ) % {"remaining": remaining, "budget": budget}


@require_POST
def vote(request, session_id: int):
    board = _visible_board(request, session_id)
    if not permissions.can_vote(request.user, board):
        if board.voting != VotingState.OPEN:
            return _forbidden(request, _("The voting is not open."))
        return _forbidden(request, _("Only signed-in network staff may vote."))
    form = VoteForm(request.POST)
    proposal = None
    if form.is_valid():
        proposal = Proposal.objects.filter(board=board, pk=form.cleaned_data["proposal"]).first()
    if proposal is None:
        message = _("This proposal does not exist on this board.")
        if _wants_json(request):
            return JsonResponse({"ok": False, "message": message}, status=400)
        messages.error(request, message)
        return _back(board)
    delta = form.cleaned_data["delta"]
    try:
        result = services.dot_change(proposal=proposal, user=request.user, delta=delta)
    except ValidationError as error:
        message = _errors(error)
        if _wants_json(request):
            return JsonResponse({"ok": False, "message": message}, status=409)
        messages.error(request, message)
        return _back(board, f"#vorschlag-{proposal.pk}")
    done = _("Point given.") if delta > 0 else _("Point taken back.")
    left = ngettext("%(count)d point left.", "%(count)d points left.", result.remaining) % {
        "count": result.remaining
    }
    message = f"{done} {left}"
    if _wants_json(request):
        data = {
            "ok": True,
            "message": message,
            "proposal": proposal.pk,
            "points": result.points,
            "remaining": result.remaining,
            "budget": result.budget,
            "remaining_text": _remaining_text(result.remaining, result.budget),
        }
        if totals_shown(board):
            data["total"] = proposal_total(proposal=proposal)
        return JsonResponse(data)
    messages.success(request, message)
    return _back(board, f"#vorschlag-{proposal.pk}")


@require_POST
def propose(request, session_id: int):
    board = _visible_board(request, session_id)
    if not permissions.can_add_proposal(request.user, board):
        return _forbidden(request, _("Proposals cannot be added to this board now."))
    organiser = permissions.can_organise(request.user, board)
    form = ProposalForm(request.POST, columns=board.column_list(), organiser=organiser)
    if not form.is_valid():
        return _board_page(request, board, bound={"proposal_form": form}, status=400)
    try:
        proposal = services.proposal_create(
            board=board,
            user=request.user,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            column=form.cleaned_data["column"],
            from_workshop=form.cleaned_data.get("from_workshop", False),
        )
    except ValidationError as error:
        form.add_error(None, _("The proposal was not saved: %s") % _errors(error))
        return _board_page(request, board, bound={"proposal_form": form}, status=400)
    messages.success(request, _("Your proposal has been added."))
    return _back(board, f"#vorschlag-{proposal.pk}")


@require_POST
def manage(request, session_id: int):
    """The organisers' switches: voting and proposals open or closed, points settings."""
    board = _visible_board(request, session_id)
    if not permissions.can_organise(request.user, board):
        return _forbidden(request, _("Only the organisers may change this board."))
    action = request.POST.get("action")
    if action in {"open_voting", "settings"}:
        return _settings_save(request, board, open_voting=action == "open_voting")
    try:
        if action == "close_voting":
            services.board_close_voting(board=board)
            message = _("The voting is closed.")
        elif action == "open_proposals":
            services.proposals_open(board=board)
            message = _("Members may add proposals now.")
        elif action == "close_proposals":
            services.proposals_close(board=board)
            message = _("No more proposals can be added.")
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, message)
    return _back(board, "#organisation")


def _settings_save(request, board, *, open_voting: bool):
    form = VotingSettingsForm(request.POST)
    if form.is_valid():
        service = services.board_open_voting if open_voting else services.board_settings_update
        try:
            service(board=board, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
    if not form.is_valid():
        return _board_page(request, board, bound={"settings_form": form}, status=400)
    messages.success(request, _("The voting is open.") if open_voting else _("Settings saved."))
    return _back(board, "#organisation")


@require_POST
def paper(request, session_id: int):
    board = _visible_board(request, session_id)
    if not permissions.can_organise(request.user, board):
        return _forbidden(request, _("Only the organisers may change this board."))
    proposals = list(Proposal.objects.filter(board=board))
    form = PaperPointsForm(request.POST, proposals=proposals)
    if form.is_valid():
        try:
            services.paper_points_set(board=board, points=form.points())
        except ValidationError as error:
            form.add_error(None, error)
    if not form.is_valid():
        return _board_page(request, board, bound={"paper_form": form}, status=400)
    messages.success(request, _("The points from the pin board have been saved."))
    return _back(board, "#pinnwand")


@require_POST
def proposal_status(request, session_id: int, proposal_id: int):
    board = _visible_board(request, session_id)
    if not permissions.can_organise(request.user, board):
        return _forbidden(request, _("Only the organisers may change this board."))
    proposal = Proposal.objects.filter(board=board, pk=proposal_id).first()
    if proposal is None:
        raise Http404
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose a valid status."))
        return _back(board, f"#vorschlag-{proposal.pk}")
    try:
        services.proposal_update_status(proposal=proposal, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("The status has been saved."))
    return _back(board, f"#vorschlag-{proposal.pk}")
