"""The filterable checkbox list: plain, labelled checkboxes in the HTML, the filter box on top."""

import json

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.urls import reverse
from django.utils import translation

from cms.widgets import Derivation, SearchableCheckboxSelectMultiple

CITIES = [("1", "München"), ("2", "Dortmund"), ("3", "Görlitz")]


class CityForm(forms.Form):
    cities = forms.MultipleChoiceField(
        label="Städte", choices=CITIES, widget=SearchableCheckboxSelectMultiple()
    )


def soup_of(form, name: str) -> BeautifulSoup:
    with translation.override("de"):
        return BeautifulSoup(str(form[name]), "html.parser")


class TestWidgetHtml:
    def test_every_option_is_a_labelled_checkbox_and_the_chosen_one_is_ticked(self):
        soup = soup_of(CityForm(initial={"cities": ["3"]}), "cities")

        boxes = soup.select("input[type=checkbox]")
        assert [box["value"] for box in boxes] == ["1", "2", "3"]
        assert {box["name"] for box in boxes} == {"cities"}
        assert len({box["id"] for box in boxes}) == 3
        for box, (_value, name) in zip(boxes, CITIES, strict=True):
            assert soup.find("label", attrs={"for": box["id"]}).get_text(strip=True) == name
        assert [box.has_attr("checked") for box in boxes] == [False, False, True]

    def test_the_fields_label_names_the_filter_box_which_waits_for_the_script(self):
        form = CityForm()
        soup = soup_of(form, "cities")

        label_target = form["cities"].id_for_label
        search = soup.find("input", attrs={"type": "search"})
        assert label_target == "id_cities-filter"
        assert search["id"] == label_target
        assert not search.has_attr("name")  # typing in it never reaches the saved data
        assert search.find_parent(attrs={"data-filter": True}).has_attr("hidden")
        described_by = [soup.find(id=part) for part in search["aria-describedby"].split()]
        assert all(described_by)
        assert soup.find(id=search["aria-controls"]).name == "ul"

    def test_status_counts_entries_and_ticks_in_a_live_region(self):
        soup = soup_of(CityForm(initial={"cities": ["1", "2"]}), "cities")

        status = soup.find(attrs={"data-status": True})
        root = soup.find(attrs={"data-searchable-checkboxes": True})
        assert status["role"] == "status"
        assert status["aria-live"] == "polite"
        assert status.get_text(strip=True) == "Einträge: 3, ausgewählt: 2"
        assert root["data-status-filtered"] == (
            "Treffer: %(matches)s von %(total)s, ausgewählt: %(selected)s"
        )

    def test_submitted_values_are_ticked_again_after_an_error(self):
        form = CityForm(data={"cities": ["2"]})

        soup = soup_of(form, "cities")

        assert [box["value"] for box in soup.select("input[checked]")] == ["2"]

    def test_derivation_renders_its_source_switch_mapping_and_message(self):
        widget = SearchableCheckboxSelectMultiple(
            derivation=Derivation(
                source="jobcenters",
                unless="supra_regional",
                mapping=lambda: {7: 1, 8: 3},
                message="%(derived)s statt %(chosen)s",
                nothing="keines",
            )
        )
        widget.choices = CITIES

        soup = BeautifulSoup(widget.render("laender", ["1"], {"id": "id_laender"}), "html.parser")

        notice = soup.find(attrs={"data-derivation": True})
        assert notice["role"] == "status"
        assert notice["aria-live"] == "polite"
        assert notice["data-source"] == "jobcenters"
        assert notice["data-unless"] == "supra_regional"
        assert json.loads(notice["data-mapping"]) == {"7": "1", "8": "3"}
        assert notice["data-message"] == "%(derived)s statt %(chosen)s"
        assert notice["data-nothing"] == "keines"

    def test_media_brings_our_own_script_and_style(self):
        soup = BeautifulSoup(str(CityForm().media), "html.parser")

        assert [tag["src"] for tag in soup.find_all("script")] == [
            "/static/cms/searchable-checkboxes.js"
        ]
        assert [tag["href"] for tag in soup.find_all("link")] == [
            "/static/cms/searchable-checkboxes.css"
        ]


@pytest.mark.django_db
class TestInThePageEditor:
    def test_practice_editor_uses_the_widget_for_its_long_lists(self, client, editor, library):
        from cms.accounts.groups import groups_sync
        from tests.factories.practices import create_jobcenter, create_practice

        groups_sync()
        jobcenter = create_jobcenter("Jobcenter München", "BY")
        practice = create_practice("Sprechstunde", jobcenters=[jobcenter])
        client.force_login(editor)

        response = client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk]))

        soup = BeautifulSoup(response.content, "html.parser")
        for name in ["jobcenters", "bundeslaender", "topics", "target_groups", "phases"]:
            root = soup.find(id=f"id_{name}")
            assert root.has_attr("data-searchable-checkboxes"), name
            assert soup.find("label", attrs={"for": f"id_{name}-filter"}), name
        ticked = soup.find(id="id_jobcenters").select("input[checked]")
        assert [box["value"] for box in ticked] == [str(jobcenter.pk)]
        notice = soup.find(id="id_bundeslaender").find(attrs={"data-derivation": True})
        assert json.loads(notice["data-mapping"])[str(jobcenter.pk)] == str(jobcenter.bundesland_id)
        scripts = [tag["src"] for tag in soup.find_all("script", src=True)]
        assert any(src.endswith("cms/searchable-checkboxes.js") for src in scripts)
