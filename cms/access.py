"""Who may see what: the one policy that every channel asks.

Pages follow Wagtail's page privacy (every restriction on the page or an ancestor must let the
user through: logged in, one of the named groups, or a password entered in this session) and
are seen only once published, except by those who may edit them. Files follow the pages that
use them (the "files" part below). Forum content follows ``forum.permissions``, which plugs into
``user_tokens`` here, so that search can ask one question for every kind of content.

Audience tokens are how the search index stores visibility: a document lists the tokens of
those who may find it (``public``, ``login``, ``group:<id>``, ``forum:<category id>``); a user
finds it when one of their ``user_tokens`` is among them. Superusers see everything.

Decisions are cached on the user object, which Django makes anew for every request, so a
page asks the database once however many items it checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction, ReferenceIndex

from cms.accounts.groups import EDITORS, MODERATORS, STAFF

# Groups whose members are network staff; superusers always are.
STAFF_GROUPS = (STAFF, EDITORS, MODERATORS)

PUBLIC = "public"
LOGGED_IN = "login"


def group_token(group_id: int) -> str:
    return f"group:{group_id}"


def _cache(user) -> dict:
    """A per-request cache: the user object lives as long as its request."""
    if user is None:
        return {}
    try:
        return user.__dict__.setdefault("_access_cache", {})
    except AttributeError:  # pragma: no cover - objects without a __dict__
        return {}


def is_authenticated(user) -> bool:
    return bool(user is not None and user.is_authenticated)


def user_group_ids(user) -> frozenset[int]:
    if not is_authenticated(user):
        return frozenset()
    cache = _cache(user)
    if "group_ids" not in cache:
        cache["group_ids"] = frozenset(user.groups.values_list("pk", flat=True))
    return cache["group_ids"]


def is_network_staff(user) -> bool:
    """Network staff: members of the staff, editor or moderator groups, and superusers."""
    if not is_authenticated(user) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cache = _cache(user)
    if "staff" not in cache:
        cache["staff"] = user.groups.filter(name__in=STAFF_GROUPS).exists()
    return cache["staff"]


# --- audience tokens --------------------------------------------------------------------------

TokenProvider = Callable[[object], Iterable[str]]
_token_providers: list[TokenProvider] = []


def register_token_provider(provider: TokenProvider) -> None:
    """Content apps with rules of their own (the forum) add the tokens a user holds there."""
    if provider not in _token_providers:
        _token_providers.append(provider)


def user_tokens(user) -> frozenset[str] | None:
    """The audience tokens ``user`` holds; ``None`` means: may see everything (superuser)."""
    if is_authenticated(user) and user.is_superuser:
        return None
    cache = _cache(user)
    if "tokens" in cache:
        return cache["tokens"]
    tokens = {PUBLIC}
    if is_authenticated(user) and user.is_active:
        tokens.add(LOGGED_IN)
        tokens.update(group_token(pk) for pk in user_group_ids(user))
        for provider in _token_providers:
            tokens.update(provider(user))
    frozen = frozenset(tokens)
    if user is not None:
        cache["tokens"] = frozen
    return frozen


# --- pages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Restriction:
    pk: int
    path: str
    kind: str
    group_ids: frozenset[int]


class PageRestrictions:
    """Every page restriction of the site, read with two queries."""

    def __init__(self) -> None:
        rows = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        self.restrictions = [
            Restriction(
                pk=row.pk,
                path=row.page.path,
                kind=row.restriction_type,
                group_ids=frozenset(group.pk for group in row.groups.all()),
            )
            for row in rows
        ]

    def on(self, path: str) -> list[Restriction]:
        """The restrictions that apply to the page at ``path`` (its own and its ancestors')."""
        return [r for r in self.restrictions if path.startswith(r.path)]

    def audience(self, path: str) -> tuple[str, ...] | None:
        """Tokens of those who may find the page at ``path``; ``None``: nobody finds it.

        Password-protected pages are never listed. Where several group restrictions apply,
        only groups allowed by all of them are named: a member of one group from each would
        pass on the page itself, but a list stays on the safe side.
        """
        restrictions = self.on(path)
        if not restrictions:
            return (PUBLIC,)
        if any(r.kind == BaseViewRestriction.PASSWORD for r in restrictions):
            return None
        group_sets = [r.group_ids for r in restrictions if r.kind == BaseViewRestriction.GROUPS]
        if not group_sets:
            return (LOGGED_IN,)
        allowed = frozenset.intersection(*group_sets)
        return tuple(group_token(pk) for pk in sorted(allowed))

    def passes(self, restriction: Restriction, user, request=None) -> bool:
        if restriction.kind == BaseViewRestriction.NONE:
            return True
        if restriction.kind == BaseViewRestriction.PASSWORD:
            if request is None:
                return False
            passed = request.session.get(PageViewRestriction.passed_view_restrictions_session_key)
            return restriction.pk in (passed or [])
        if not is_authenticated(user):
            return False
        if restriction.kind == BaseViewRestriction.LOGIN:
            return True
        if user.is_superuser:
            return True
        return bool(restriction.group_ids & user_group_ids(user))

    def user_may_see(self, user, path: str, request=None) -> bool:
        return all(self.passes(r, user, request) for r in self.on(path))

    def hidden_q(self, user) -> Q:
        """Matches the pages that ``user`` may not list (password pages are never listed)."""
        if is_authenticated(user) and user.is_superuser:
            return Q(pk__in=[])
        q = Q()
        for restriction in self.restrictions:
            if restriction.kind != BaseViewRestriction.PASSWORD and self.passes(restriction, user):
                continue
            q |= Q(path__startswith=restriction.path)
        return q if q else Q(pk__in=[])


def page_restrictions(user=None) -> PageRestrictions:
    """The site's restrictions, read once per request (cached on ``user``)."""
    cache = _cache(user)
    if "restrictions" not in cache:
        cache["restrictions"] = PageRestrictions()
    return cache["restrictions"]


def page_is_restricted(page: Page, user=None) -> bool:
    """Does a view restriction apply to ``page`` (its own or an ancestor's)?

    Given the request's ``user``, the restrictions already read for the request answer.
    """
    if user is not None:
        return bool(page_restrictions(user).on(page.path))
    return PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


def mark_restricted(pages: list, user) -> list:
    """Set each page's ``is_staff_only`` from the restrictions read once for the request, so a
    list's badges cost no query per item (the pages' own property asks the database)."""
    restrictions = page_restrictions(user)
    for page in pages:
        page.__dict__["is_staff_only"] = bool(restrictions.on(page.path))
    return pages


def visible_pages(queryset, user):
    """``queryset`` without the pages ``user`` may not see in a list (drafts are the caller's)."""
    return queryset.exclude(page_restrictions(user).hidden_q(user))


def may_edit_page(user, page: Page) -> bool:
    if not is_authenticated(user):
        return False
    if user.is_superuser:
        return True
    return page.permissions_for_user(user).can_edit()


def can_view_page(user, page: Page, request=None) -> bool:
    """May ``user`` see ``page`` itself (and what it shows: files, embeds)?

    A draft or an unpublished page only to those who may edit it (the Redaktion) and to its
    owner (who submitted it); a published page to those its restrictions let through.
    """
    if not page.live:
        return may_edit_page(user, page) or (is_authenticated(user) and page.owner_id == user.pk)
    return page_restrictions(user).user_may_see(user, page.path, request)


def page_set_group_only(page: Page, group_names: Iterable[str] | None) -> None:
    """Restrict ``page`` to the named groups, or make it public again with ``None``."""
    from django.contrib.auth.models import Group

    restrictions = PageViewRestriction.objects.filter(page=page)
    if group_names is None:
        restrictions.delete()
        return
    restriction = restrictions.first() or PageViewRestriction(page=page)
    restriction.restriction_type = BaseViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set(Group.objects.filter(name__in=list(group_names)))


def page_set_staff_only(page: Page, staff_only: bool) -> None:
    """Make ``page`` visible to network staff only, or public again."""
    page_set_group_only(page, STAFF_GROUPS if staff_only else None)


# --- files ------------------------------------------------------------------------------------
#
# A document or an image (with all its renditions) follows the pages that use it: it is served
# to whoever may see at least one of them. Which pages use a file, Wagtail's reference index
# says; it records every way a page holds one: foreign keys (a guide's PDF, an issue's cover),
# inline child objects (PracticeDocument, PracticeImage), StreamField blocks and rich-text links.
# The index reads the page's row, which holds the content of a page not yet published (the
# admin saves it there; a submission is created there) and the published content of a live
# page. A file that only a draft of a live page adds is not recorded until it is published,
# so until then it counts as used by no page. Only pages count: no snippet or setting holds a
# file today, and one shown to the public would need its own rule here.
#
# A file that no page lets the user see is still served
# - to whoever may choose or change it in the admin: the choosers show it to them anyway, and
#   the Redaktion previews drafts the index does not know yet;
# - to whoever uploaded it: they hold its bytes already (a submitter sees their pending files).
# Everybody else is refused. An upload no page uses (yet, or any more) thus stays with the
# Redaktion, rather than becoming public the moment it is no longer, or not yet, on a page.


def file_pages(obj) -> list[Page]:
    """The pages that use the document or image ``obj`` (cached on ``obj``)."""
    cached = obj.__dict__.get("_access_pages")
    if cached is None:
        page_type = ContentType.objects.get_for_model(Page)
        ids = (
            ReferenceIndex.get_references_to(obj)
            .filter(base_content_type=page_type)
            .values_list("object_id", flat=True)
        )
        cached = list(Page.objects.filter(pk__in={int(pk) for pk in ids}))
        obj.__dict__["_access_pages"] = cached
    return cached


def _can_view_file(user, obj, request=None) -> bool:
    from wagtail.permissions import policy_registry

    if any(can_view_page(user, page, request) for page in file_pages(obj)):
        return True
    if not is_authenticated(user) or not user.is_active:
        return False
    if obj.uploaded_by_user_id == user.pk:
        return True
    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_any_permission_for_instance(user, ["choose", "change"], obj)


def can_view_document(user, document, request=None) -> bool:
    """May ``user`` download ``document`` (a Wagtail document)?"""
    return _can_view_file(user, document, request)


def can_view_image(user, image, request=None) -> bool:
    """May ``user`` see ``image`` (a Wagtail image): its original and every rendition?"""
    return _can_view_file(user, image, request)


def file_is_public(obj) -> bool:
    """Is the document or image ``obj`` served to everybody, so that shared caches may keep it?"""
    anonymous = AnonymousUser()
    return any(can_view_page(anonymous, page) for page in file_pages(obj))
