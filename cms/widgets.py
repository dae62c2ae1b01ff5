"""Form widgets for choices too many to scan by eye: ~400 Jobcenters, 16 Länder, the taxonomies."""

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django import forms
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Derivation:
    """A choice that another field of the same form decides, unless a switch hands it back.

    ``mapping`` answers, for each value of the ``source`` field, the value of this field it leads
    to. While the switch named ``unless`` is off and the editor's choice differs from what the
    source decides, the widget shows ``message`` with ``%(derived)s`` and ``%(chosen)s`` filled
    in (``nothing`` stands for an empty side).
    """

    source: str
    mapping: Callable[[], Mapping]
    message: str
    unless: str = ""
    nothing: str = ""


class SearchableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes under a filter box that narrows them as one types.

    Without JavaScript it is a plain list of checkboxes, and the filter box stays hidden. The
    field's label names the filter box, the first stop when tabbing into the field.
    """

    template_name = "cms/widgets/searchable_checkboxes.html"

    class Media:
        css = {"all": ["cms/searchable-checkboxes.css"]}
        js = ["cms/searchable-checkboxes.js"]

    def __init__(self, attrs=None, choices=(), *, derivation: Derivation | None = None):
        super().__init__(attrs, choices)
        self.derivation = derivation

    def id_for_label(self, id_, index=None):
        if index is None:
            return f"{id_}-filter" if id_ else ""
        return super().id_for_label(id_, index)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        base = widget["attrs"].get("id") or f"id_{name}"
        widget["ids"] = {
            "root": base,
            "filter": f"{base}-filter",
            "hint": f"{base}-hint",
            "status": f"{base}-status",
            "options": f"{base}-options",
        }
        options = [option for _group, choices, _index in widget["optgroups"] for option in choices]
        widget["total"] = len(options)
        widget["selected"] = sum(1 for option in options if option["selected"])
        # Templates for the script, which fills in the counts as the editor types and ticks.
        widget["status_all"] = _("Entries: %(total)s, selected: %(selected)s")
        widget["status_filtered"] = _("Matches: %(matches)s of %(total)s, selected: %(selected)s")
        if self.derivation is not None:
            widget["derivation"] = {
                "source": self.derivation.source,
                "unless": self.derivation.unless,
                "message": self.derivation.message,
                "nothing": self.derivation.nothing,
                "mapping": json.dumps(
                    {str(source): str(own) for source, own in self.derivation.mapping().items()}
                ),
            }
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # The site's templates live beside the apps, where Django's form renderer does not look.
        return mark_safe(render_to_string(self.template_name, self.get_context(name, value, attrs)))
