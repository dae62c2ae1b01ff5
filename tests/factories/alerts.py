from alerts.models import Frequency, SavedSearch, SearchKind
from alerts.services import saved_search_create

# "Neue Praxisbeispiele zu Alleinerziehende in Nordrhein-Westfalen" as the library's filters.
SINGLE_PARENTS_NRW = "zielgruppe=alleinerziehende&bundesland=NW"


def create_saved_search(
    user,
    *,
    kind: str = SearchKind.PRACTICES,
    query: str = SINGLE_PARENTS_NRW,
    frequency: str = Frequency.IMMEDIATE,
) -> SavedSearch:
    """A saved search of ``user``, saved through the service as the "Suche speichern" form
    does."""
    return saved_search_create(user=user, kind=kind, query=query, frequency=frequency)


def create_saved_searches(user, count: int, **fields) -> list[SavedSearch]:
    """``count`` more saved searches of ``user``, each for another Bundesland and target
    group."""
    from practices.models import Bundesland, TargetGroup

    taken = set(SavedSearch.objects.filter(user=user).values_list("query", flat=True))
    queries = [
        f"zielgruppe={group}&bundesland={code}"
        for group in TargetGroup.objects.order_by("slug").values_list("slug", flat=True)
        for code in Bundesland.objects.order_by("code").values_list("code", flat=True)
    ]
    fresh = [query for query in queries if query not in taken][:count]
    return [create_saved_search(user, query=query, **fields) for query in fresh]
