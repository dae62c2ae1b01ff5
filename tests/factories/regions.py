"""Jobcenters at known places, for the directory and the map."""

from decimal import Decimal

from practices.models import Jobcenter

from .practices import create_jobcenter, practice_index


def create_located_jobcenter(
    name: str, *, land: str = "NW", latitude: float, longitude: float, **fields
) -> Jobcenter:
    """A Jobcenter with coordinates (and the taxonomies its Land needs loaded)."""
    practice_index()
    return create_jobcenter(
        name,
        land=land,
        latitude=Decimal(str(latitude)),
        longitude=Decimal(str(longitude)),
        **fields,
    )
