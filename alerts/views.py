from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from .forms import SavedSearchCreateForm, SavedSearchUpdateForm
from .models import Frequency
from .selectors import query_describe, results_paths, saved_search_list, saved_search_of
from .services import (
    MAX_SAVED_SEARCHES,
    saved_search_create,
    saved_search_delete,
    saved_search_from_token,
    saved_search_update,
)


@login_required
def saved_searches(request):
    """ "Meine Suchaufträge": rename, change how often, delete."""
    return _list_page(request)


def _list_page(request, *, failed=None, failed_form=None, status: int = 200):
    """The list; with ``failed`` the saved search whose changes came back with their errors."""
    return render(
        request,
        "alerts/saved_searches.html",
        {
            "saved_searches": saved_search_list(user=request.user),
            "frequencies": Frequency.choices,
            "max_saved": MAX_SAVED_SEARCHES,
            "failed_pk": failed.pk if failed is not None else None,
            "failed_form": failed_form,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def save(request):
    """Save the search or practice filter shown on the page the form was on; GET (and a
    submission that comes back with errors) shows what would be saved, with the form."""
    if request.method == "GET":
        form = SavedSearchCreateForm(
            {
                "kind": request.GET.get("kind", ""),
                "query": request.GET.get("query", ""),
                "frequency": Frequency.WEEKLY,
            }
        )
        return _create_page(request, form, status=200 if form.is_valid() else 400)
    form = SavedSearchCreateForm(request.POST)
    if form.is_valid():
        try:
            saved = saved_search_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Your saved search “%(name)s” has been saved. We will e-mail you about new "
                    "results."
                )
                % {"name": saved.name},
            )
            return redirect("alerts:list")
    return _create_page(request, form, status=400)


def _create_page(request, form: SavedSearchCreateForm, *, status: int):
    """„Suchauftrag anlegen“: what would be saved and the form, or why it cannot be saved."""
    context = {"form": form, "max_saved": MAX_SAVED_SEARCHES}
    if form.search is not None:
        kind, query = form.search
        context["description"] = query_describe(kind=kind, query=query)
        context["results_path"] = results_paths()[kind] + f"?{query}"
    return render(request, "alerts/save.html", context, status=status)


def _own(request, pk: int):
    saved = saved_search_of(user=request.user, pk=pk)
    if saved is None:
        raise Http404(_("This saved search does not exist."))
    return saved


@login_required
@require_POST
def update(request, pk: int):
    saved = _own(request, pk)
    # The ids of the list's inputs for this saved search, so the error summary links to them.
    form = SavedSearchUpdateForm(request.POST, auto_id=f"saved-{saved.pk}-%s")
    if form.is_valid():
        try:
            saved_search_update(saved=saved, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
    if not form.is_valid():
        return _list_page(request, failed=saved, failed_form=form, status=400)
    messages.success(
        request, _("Your changes to “%(name)s” have been saved.") % {"name": saved.name}
    )
    return redirect("alerts:list")


@login_required
@require_POST
def delete(request, pk: int):
    saved = _own(request, pk)
    name = saved.name
    saved_search_delete(saved=saved)
    messages.success(request, _("The saved search “%(name)s” has been deleted.") % {"name": name})
    return redirect("alerts:list")


# No login and no CSRF token: the signed, expiring token in the URL is the proof, as for the
# forum's unsubscribe link; POST also serves RFC 8058 one-click unsubscribing.
@csrf_exempt
def unsubscribe(request, token: str):
    """Delete a saved search from the link in its e-mail; GET asks first (mail scanners follow
    links)."""
    template = "alerts/unsubscribe.html"
    try:
        saved = saved_search_from_token(token)
    except signing.SignatureExpired:
        return render(request, template, {"state": "expired"}, status=400)
    except signing.BadSignature:
        return render(request, template, {"state": "invalid"}, status=400)
    if saved is None:
        return render(request, template, {"state": "gone"})
    if request.method == "POST":
        name = saved.name
        saved_search_delete(saved=saved)
        return render(request, template, {"state": "done", "name": name})
    return render(request, template, {"state": "confirm", "name": saved.name})
