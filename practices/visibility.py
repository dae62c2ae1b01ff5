"""Who may see which pages: Wagtail page privacy, answered once per request for many pages."""

from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from cms.accounts.groups import EDITORS, MODERATORS, STAFF

# Groups that see staff-only content; superusers always do.
STAFF_GROUPS = (STAFF, EDITORS, MODERATORS)


def hidden_pages_q(user) -> Q:
    """A filter that matches the pages ``user`` may not see (two queries, whatever the size)."""
    if user is not None and user.is_superuser:
        return Q(pk__in=[])
    user_group_ids = (
        set(user.groups.values_list("pk", flat=True)) if user and user.is_authenticated else set()
    )
    q = Q()
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    for restriction in restrictions:
        if _passes(restriction, user, user_group_ids):
            continue
        q |= Q(path__startswith=restriction.page.path)
    return q if q else Q(pk__in=[])


def _passes(restriction, user, user_group_ids: set[int]) -> bool:
    authenticated = bool(user and user.is_authenticated)
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return authenticated
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        return authenticated and any(g.pk in user_group_ids for g in restriction.groups.all())
    # Password-protected pages are never listed.
    return False


def visible_to(queryset, user):
    return queryset.exclude(hidden_pages_q(user))


def page_set_staff_only(page: Page, staff_only: bool) -> None:
    """Make ``page`` visible to the staff groups only, or public again."""
    restrictions = PageViewRestriction.objects.filter(page=page)
    if not staff_only:
        restrictions.delete()
        return
    restriction = restrictions.first() or PageViewRestriction(page=page)
    restriction.restriction_type = BaseViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set(Group.objects.filter(name__in=STAFF_GROUPS))
