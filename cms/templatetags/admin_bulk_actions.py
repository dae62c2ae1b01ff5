"""The admin's bulk actions, offered only to those who may carry them out."""

from django import template
from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.permissions import page_permission_policy

register = template.Library()

# Page bulk actions and the page permission each needs. Wagtail offers every registered action
# to everyone and only refuses it page by page after the click: the Redaktion, which publishes
# through the review, would be offered "Veröffentlichen" for nothing.
PAGE_ACTION_PERMISSIONS = {"publish": "publish", "unpublish": "publish"}


def refused_bulk_actions(user, app_label: str, model_name: str) -> set[str]:
    """The action types of the listing that ``user`` may not carry out on any of its objects."""
    if (app_label, model_name) != ("wagtailcore", "page"):
        return set()
    return {
        action
        for action, permission in PAGE_ACTION_PERMISSIONS.items()
        if not page_permission_policy.user_has_permission(user, permission)
    }


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def offered_bulk_action_choices(context, app_label: str, model_name: str) -> dict:
    """Wagtail's bulk action buttons (``bulk_action_choices``) without the refused ones."""
    choices = bulk_action_choices(context, app_label, model_name)
    refused = {
        reverse("wagtail_bulk_action", args=[app_label, model_name, action])
        for action in refused_bulk_actions(context["request"].user, app_label, model_name)
    }
    buttons = []
    for button in choices["buttons"]:
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = [b for b in button.dropdown_buttons if b.url not in refused]
            if not button.dropdown_buttons:
                continue
        elif button.url in refused:
            continue
        buttons.append(button)
    return {**choices, "buttons": buttons}
