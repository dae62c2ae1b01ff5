"""The editor learns, on saving, which of their Länder the practice's Jobcenters replace."""

import pytest
from django.contrib.messages import constants, get_messages
from django.urls import reverse

from cms.accounts.groups import groups_sync
from practices.models import Bundesland, PracticePage
from tests.factories.practices import create_jobcenter, create_practice
from tests.practices.test_single_line import practice_form

pytestmark = pytest.mark.django_db

REPLACED = (
    "Die Bundesländer werden aus den Jobcentern übernommen: Nordrhein-Westfalen statt Bayern. "
    "Kreuzen Sie „überregional“ an, um sie selbst zu wählen."
)


@pytest.fixture
def practice(library):
    groups_sync()
    return create_practice("Sprechstunde im Jobcenter", slug="sprechstunde")


@pytest.fixture
def dortmund(library):
    return create_jobcenter("Jobcenter Dortmund", "NW")


def land(code: str) -> int:
    return Bundesland.objects.get(code=code).pk


def save(client, practice, *, jobcenters, bundeslaender, action=None, headers=None, **fields):
    # Checkbox lists go in as repeated keys; nested_form_data would number them.
    data = {**practice_form(practice, **fields), "jobcenters": jobcenters}
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[practice.pk]),
        {**data, "bundeslaender": bundeslaender, **(action or {})},
        headers=headers or {},
    )


def warnings(response) -> list[str]:
    return [
        message.message
        for message in get_messages(response.wsgi_request)
        if message.level == constants.WARNING
    ]


class TestBundeslandNoticeOnSaving:
    def test_saving_a_draft_names_what_the_jobcenters_replace(
        self, client, editor, practice, dortmund
    ):
        client.force_login(editor)

        response = save(client, practice, jobcenters=[dortmund.pk], bundeslaender=[land("BY")])

        assert response.status_code == 302
        assert warnings(response) == [REPLACED]

    def test_submitting_for_review_names_it_too(self, client, editor, practice, dortmund):
        client.force_login(editor)

        response = save(
            client,
            practice,
            action={"action-submit": "1"},
            jobcenters=[dortmund.pk],
            bundeslaender=[land("BY"), land("NW")],
        )

        assert response.status_code == 302
        assert warnings(response) == [
            "Die Bundesländer werden aus den Jobcentern übernommen: Nordrhein-Westfalen statt "
            "Bayern, Nordrhein-Westfalen. Kreuzen Sie „überregional“ an, um sie selbst zu wählen."
        ]
        draft = PracticePage.objects.get(pk=practice.pk).get_latest_revision_as_object()
        assert draft.current_workflow_state is not None

    def test_without_jobcenters_the_notice_says_no_land_remains(self, client, editor, practice):
        client.force_login(editor)

        response = save(client, practice, jobcenters=[], bundeslaender=[land("BY")])

        assert warnings(response) == [
            "Die Bundesländer werden aus den Jobcentern übernommen: kein Bundesland statt Bayern. "
            "Kreuzen Sie „überregional“ an, um sie selbst zu wählen."
        ]

    @pytest.mark.parametrize(
        "fields",
        [
            pytest.param({"supra_regional": "on", "bundeslaender": ["BY"]}, id="supra-regional"),
            pytest.param({"bundeslaender": ["NW"]}, id="same-land"),
            pytest.param({"bundeslaender": []}, id="none-chosen"),
        ],
    )
    def test_no_notice_when_nothing_the_editor_chose_is_replaced(
        self, client, editor, practice, dortmund, fields
    ):
        client.force_login(editor)
        fields = {**fields, "bundeslaender": [land(code) for code in fields["bundeslaender"]]}

        response = save(client, practice, jobcenters=[dortmund.pk], **fields)

        assert response.status_code == 302
        assert warnings(response) == []

    def test_background_autosave_leaves_no_message_behind(self, client, editor, practice, dortmund):
        client.force_login(editor)

        response = save(
            client,
            practice,
            headers={"Accept": "application/json"},
            jobcenters=[dortmund.pk],
            bundeslaender=[land("BY")],
        )

        assert response.json()["success"] is True
        assert warnings(response) == []
