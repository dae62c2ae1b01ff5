"""Where a distance search starts: a Jobcenter, a place, or the browser's location.

Places are the towns and postcodes the platform knows (its Jobcenters and the offers'
locations): looking them up needs no geocoding service, so no request leaves the site.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg
from django.utils.translation import gettext as _

from practices.models import Jobcenter
from search.backends import Near

from .models import OfferLocation

RADII = (5, 10, 25, 50, 100)
DEFAULT_RADIUS = 25
# Germany with a margin: a point outside is a typing error, not a place to search around.
LATITUDES = (47.0, 55.1)
LONGITUDES = (5.8, 15.1)


@dataclass
class Origin:
    """The point the distances are measured from, and how the page names it."""

    near: Near | None = None
    label: str = ""
    jobcenter: str = ""  # the chosen Jobcenter's slug
    place: str = ""
    latitude: str = ""
    longitude: str = ""
    radius: int = DEFAULT_RADIUS
    notices: list[str] = field(default_factory=list)


def member_jobcenter(user) -> Jobcenter | None:
    """The Jobcenter named in the member's profile (organisation), if it has a location."""
    name = getattr(user, "organisation", "") if getattr(user, "is_authenticated", False) else ""
    if not name:
        return None
    return (
        Jobcenter.objects.filter(name__iexact=name.strip(), latitude__isnull=False)
        .only("name", "slug", "latitude", "longitude")
        .first()
    )


def _radius(value: str, notices: list[str]) -> int:
    if not value:
        return DEFAULT_RADIUS
    try:
        radius = int(value)
    except ValueError:
        radius = 0
    if radius not in RADII:
        notices.append(
            _("The radius must be one of %(radii)s km; %(default)s km is used.")
            % {"radii": ", ".join(map(str, RADII)), "default": DEFAULT_RADIUS}
        )
        return DEFAULT_RADIUS
    return radius


def _coordinate(value: str, bounds: tuple[float, float]) -> float | None:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        return None
    return number if bounds[0] <= number <= bounds[1] else None


def place_point(place: str) -> tuple[float, float, str] | None:
    """A known town or postcode: a Jobcenter's town first, then the offers' locations."""
    jobcenter = (
        Jobcenter.objects.filter(town__iexact=place, latitude__isnull=False)
        .only("town", "latitude", "longitude")
        .first()
    )
    if jobcenter is not None:
        return float(jobcenter.latitude), float(jobcenter.longitude), jobcenter.town
    lookup = {"postcode": place} if place.isdigit() else {"town__iexact": place}
    found = OfferLocation.objects.filter(**lookup).aggregate(
        lat=Avg("latitude"), lon=Avg("longitude")
    )
    if found["lat"] is None:
        return None
    return float(Decimal(found["lat"])), float(Decimal(found["lon"])), place


def origin_from(data, user) -> Origin:
    """Read ``nahe`` (a Jobcenter slug), ``ort`` (a town or postcode), ``lat``/``lon`` (the
    browser's location) and ``umkreis`` (km). A member without a choice searches around
    their own Jobcenter; bad values are named in a German notice and ignored."""
    origin = Origin()
    origin.radius = _radius(str(data.get("umkreis", "")).strip(), origin.notices)
    slug = str(data.get("nahe", "")).strip()[:200]
    place = " ".join(str(data.get("ort", "")).split())[:120]
    lat, lon = str(data.get("lat", "")).strip()[:20], str(data.get("lon", "")).strip()[:20]
    if lat or lon:
        latitude, longitude = _coordinate(lat, LATITUDES), _coordinate(lon, LONGITUDES)
        if latitude is None or longitude is None:
            origin.notices.append(
                _("Your location could not be used: it lies outside Germany or is not valid.")
            )
        else:
            origin.latitude, origin.longitude = lat, lon
            origin.near = Near(latitude, longitude, origin.radius)
            origin.label = _("your location")
            return origin
    if place:
        origin.place = place
        point = place_point(place)
        if point is None:
            origin.notices.append(
                _(
                    "We do not know the place “%(place)s”. Please choose a Jobcenter or enter "
                    "a town or postcode where offers or Jobcenters are."
                )
                % {"place": place}
            )
        else:
            origin.near = Near(point[0], point[1], origin.radius)
            origin.label = point[2]
            return origin
    jobcenter = None
    if slug:
        jobcenter = (
            Jobcenter.objects.filter(slug=slug).only("name", "latitude", "longitude").first()
        )
        if jobcenter is None or jobcenter.latitude is None:
            origin.notices.append(_("This Jobcenter has no location; the choice was ignored."))
            jobcenter = None
    elif not place and "nahe" not in data:
        jobcenter = member_jobcenter(user)
    if jobcenter is not None:
        origin.jobcenter = jobcenter.slug
        origin.near = Near(float(jobcenter.latitude), float(jobcenter.longitude), origin.radius)
        origin.label = jobcenter.name
    return origin


def jobcenter_choices() -> list[tuple[str, str]]:
    return list(
        Jobcenter.objects.filter(latitude__isnull=False)
        .order_by("name")
        .values_list("slug", "name")
    )
