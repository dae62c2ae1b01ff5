"""The regional view: the Jobcenter directory, one Jobcenter's page and the map."""

from django.http import Http404, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from practices.views import PAGE_PARAM, paginate

from . import geo
from .map_layers import JOBCENTERS, LAYER_LABELS, counts_by_land, map_layers, markers
from .selectors import (
    MAX_QUERY_LENGTH,
    JobcenterFilters,
    jobcenter_detail,
    jobcenter_directory,
    jobcenter_events,
    jobcenter_filter_choices,
    jobcenter_offers,
    jobcenter_page_practices,
)

DIRECTORY_PAGE_SIZE = 50
MAX_SLUG_LENGTH = 200


def _choice(request, name: str, choices: dict[str, str], message: str, notices: list[str]):
    """The parameter ``name`` if it is one of ``choices``; otherwise a notice and ``None``."""
    value = request.GET.get(name) or None
    if value and value not in choices:
        notices.append(message % {"value": value[:30]})
        return None
    return value


def _directory_filters(request, choices: dict) -> tuple[JobcenterFilters, list[str]]:
    notices: list[str] = []
    land = _choice(
        request, "land", dict(choices["land"]), _("“%(value)s” is not a Bundesland."), notices
    )
    rd = _choice(
        request, "rd", dict(choices["rd"]), _("“%(value)s” is not a Regionaldirektion."), notices
    )
    form = _choice(
        request,
        "form",
        dict(choices["form"]),
        _("“%(value)s” is not a form of Jobcenter."),
        notices,
    )
    # NUL characters cannot be stored or compared by every database: they are dropped.
    q = " ".join((request.GET.get("q") or "").replace("\x00", "").split())[:MAX_QUERY_LENGTH]
    return JobcenterFilters(land=land, rd=rd, form=form, q=q), notices


@require_GET
def directory(request):
    choices = jobcenter_filter_choices()
    filters, notices = _directory_filters(request, choices)
    jobcenters = jobcenter_directory(filters=filters)
    page_obj = paginate(request, jobcenters, notices=notices, per_page=DIRECTORY_PAGE_SIZE)
    located = [
        (name, float(latitude), float(longitude))
        for name, latitude, longitude in jobcenters.filter(
            latitude__isnull=False, longitude__isnull=False
        ).values_list("name", "latitude", "longitude")
    ]
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    map_query = QueryDict(mutable=True)
    map_query["typ"] = "jobcenter"
    if filters.land:
        map_query["land"] = filters.land
    return render(
        request,
        "regions/jobcenter_directory.html",
        {
            "jobcenters": page_obj,
            "paginator": page_obj.paginator,
            "filters": filters,
            "choices": choices,
            "notices": notices,
            "has_filters": filters.active,
            "map": _directory_map(located),
            "map_query": map_query.urlencode(),
            "source": geo.BOUNDARY_SOURCE,
        },
    )


def _directory_map(located: list[tuple[str, float, float]]) -> dict:
    shapes = geo.land_shapes()
    points = [
        {"kind": JOBCENTERS, "title": name, "x": x, "y": y, "radius": 4}
        for name, latitude, longitude in located
        if geo.in_view(latitude, longitude)
        for x, y in [geo.project(latitude, longitude)]
    ]
    lands = [{"shape": shape} for shape in shapes.values()]
    return {"view_box": geo.view_box(), "lands": lands, "markers": points}


@require_GET
def jobcenter(request, slug: str):
    found = jobcenter_detail(slug=slug) if len(slug) <= MAX_SLUG_LENGTH else None
    if found is None:
        raise Http404(_("This Jobcenter is not in the directory."))
    return render(
        request,
        "regions/jobcenter_detail.html",
        {
            "jobcenter": found,
            "practices": jobcenter_page_practices(jobcenter=found, user=request.user),
            "offers": jobcenter_offers(jobcenter=found, user=request.user),
            "events": jobcenter_events(jobcenter=found, user=request.user),
        },
    )


def _map_filters(request, lands: dict[str, str]) -> tuple[list[str], str | None, list[str]]:
    notices: list[str] = []
    kinds = []
    for kind in request.GET.getlist("typ"):
        if kind in LAYER_LABELS:
            if kind not in kinds:
                kinds.append(kind)
        elif kind:
            notices.append(
                _("“%(value)s” is not a content type of the map.") % {"value": kind[:30]}
            )
    land = _choice(request, "land", lands, _("“%(value)s” is not a Bundesland."), notices)
    return kinds, land, notices


@require_GET
def map_view(request):
    lands = dict(jobcenter_filter_choices()["land"])
    kinds, land, notices = _map_filters(request, lands)
    layers = map_layers(kinds=kinds, land=land, user=request.user, request=request)
    totals = counts_by_land(layers)
    shapes = geo.land_shapes()
    by_name = {name: code for code, name in lands.items()}
    type_query = QueryDict(mutable=True)
    type_query.setlist("typ", kinds)
    land_links = []
    for code, name in lands.items():
        params = type_query.copy()
        params["land"] = code
        land_links.append(
            {
                "code": code,
                "name": name,
                "count": totals.get(code, 0),
                "query": params.urlencode(),
                "current": code == land,
            }
        )
    links_by_code = {link["code"]: link for link in land_links}
    drawn = [
        {"shape": shape, **links_by_code[by_name[shape.name]]}
        for shape in shapes.values()
        if by_name.get(shape.name) in links_by_code
    ]
    return render(
        request,
        "regions/map.html",
        {
            "layers": layers,
            "kinds": kinds or list(LAYER_LABELS),
            "layer_labels": list(LAYER_LABELS.items()),
            "land": land,
            "land_name": lands.get(land, ""),
            "lands": land_links,
            "notices": notices,
            "has_filters": bool(kinds or land),
            "type_query": type_query.urlencode(),
            "map": {"view_box": geo.view_box(), "lands": drawn, "markers": markers(layers)},
            "source": geo.BOUNDARY_SOURCE,
        },
    )
