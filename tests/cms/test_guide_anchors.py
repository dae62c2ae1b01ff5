"""A guide chapter keeps its address when its title changes: links into the guide stay valid."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.accounts.groups import EDITORS, groups_sync
from cms.models import GuidePage
from tests.cms.magazine_helpers import guide_index, make_guide
from tests.cms.test_workflow import approve_url
from tests.factories import create_user

pytestmark = pytest.mark.django_db

BODY = [("paragraph", "<p>Was wir erreichen wollen.</p>")]


@pytest.fixture
def index(home):
    return guide_index(home)


def rendered_anchors(client, guide) -> tuple[list[str], list[str]]:
    """The chapters' ids and the table of contents' link targets, as a reader gets them."""
    soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
    ids = [section["id"] for section in soup.select("section.chapter")]
    hrefs = [link["href"] for link in soup.select("nav.toc a")]
    return ids, hrefs


def stored_anchors(guide) -> list[str]:
    return [
        item["value"]["anchor"] for item in GuidePage.objects.get(pk=guide.pk).chapters.raw_data
    ]


def rename_and_republish(guide, *titles_and_anchors) -> GuidePage:
    draft = guide.get_latest_revision_as_object()
    for block, (title, anchor) in zip(draft.chapters, titles_and_anchors, strict=True):
        block.value["title"] = title
        if anchor is not None:
            block.value["anchor"] = anchor
    draft.save_revision().publish()
    return GuidePage.objects.get(pk=guide.pk)


class TestRenamedChapter:
    def test_renamed_chapter_keeps_the_anchor_it_was_published_with(self, client, index):
        guide = make_guide(index, chapters=[("Ziele", "", BODY)])
        assert rendered_anchors(client, guide) == (["ziele"], ["#ziele"])

        guide = rename_and_republish(guide, ("Ziele und Wege", None))

        soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
        assert (
            soup.select_one("section.chapter h2").get_text(" ", strip=True) == "1. Ziele und Wege"
        )
        assert rendered_anchors(client, guide) == (["ziele"], ["#ziele"])
        assert stored_anchors(guide) == ["ziele"]

    def test_editor_may_still_choose_a_new_anchor(self, client, index):
        guide = make_guide(index, chapters=[("Ziele", "", BODY)])

        guide = rename_and_republish(guide, ("Ziele und Wege", "ziele-und-wege"))

        assert rendered_anchors(client, guide) == (["ziele-und-wege"], ["#ziele-und-wege"])

    def test_duplicates_stay_numbered_and_keep_their_numbers(self, client, index):
        guide = make_guide(index, chapters=[("Ziele", "", BODY), ("Ziele", "", BODY)])
        assert stored_anchors(guide) == ["ziele", "ziele-2"]

        guide = rename_and_republish(guide, ("Ausgangslage", None), ("Ziele", None))

        assert rendered_anchors(client, guide) == (["ziele", "ziele-2"], ["#ziele", "#ziele-2"])

    def test_a_long_title_gives_an_anchor_the_chapter_accepts_when_saved_again(self, index):
        # Every umlaut takes two letters in the slug: 200 of them make 400.
        title = "Ä" * 200
        guide = make_guide(index, chapters=[(title, "", BODY), (title, "", BODY)])

        anchors = stored_anchors(guide)
        draft = guide.get_latest_revision_as_object()
        GuidePage._meta.get_field("chapters").stream_block.clean(draft.chapters)

        assert [len(anchor) for anchor in anchors] == [255, 255]
        assert anchors[0] == "ae" * 127 + "a"
        assert anchors[1] == anchors[0][:253] + "-2"


def guide_form(guide, chapters: list[tuple[str, str, str]]) -> dict:
    """The guide editor's form with ``(block id, title, anchor)`` chapters."""
    data = {
        "title": guide.title,
        "slug": guide.slug,
        "audience": guide.audience,
        "summary": guide.summary,
        "version_date": guide.version_date.isoformat(),
        "pdf": "",
        "chapters": {
            "count": str(len(chapters)),
            **{
                str(position): {
                    "type": "chapter",
                    "id": block_id,
                    "order": str(position),
                    "deleted": "",
                    "value": {
                        "title": title,
                        "anchor": anchor,
                        "body": {
                            "count": "1",
                            "0": {
                                "type": "markdown",
                                "value": "Was wir erreichen wollen.",
                                "order": "0",
                                "deleted": "",
                            },
                        },
                    },
                }
                for position, (block_id, title, anchor) in enumerate(chapters)
            },
        },
        "topics": [],
        "target_groups": [],
        "bundeslaender": [],
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    return nested_form_data(data)


class TestThroughTheReview:
    def test_guide_saved_before_anchors_were_stored_keeps_its_published_anchor(self, client, index):
        groups_sync()
        guide = make_guide(index, chapters=[("Ziele", "", BODY)])
        # As guides were stored before: the chapter's anchor empty on the page and in its revision.
        guide.chapters = [
            {**item, "value": {**item["value"], "anchor": ""}} for item in guide.chapters.raw_data
        ]
        guide.save(clean=False)
        guide.save_revision(clean=False)
        assert stored_anchors(guide) == [""]
        block_id = guide.chapters[0].id
        author = create_user(EDITORS, username="autorin")
        reviewer = create_user(EDITORS, username="pruefer")

        client.force_login(author)
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[guide.pk]),
            {**guide_form(guide, [(block_id, "Ziele und Wege", "")]), "action-submit": "1"},
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        guide.refresh_from_db()
        client.force_login(reviewer)
        response = client.post(approve_url(guide), {"comment": ""})
        assert response.status_code in (200, 302)

        guide = GuidePage.objects.get(pk=guide.pk)
        assert guide.live and guide.chapters[0].value["title"] == "Ziele und Wege"
        client.logout()
        assert rendered_anchors(client, guide) == (["ziele"], ["#ziele"])
        assert stored_anchors(guide) == ["ziele"]
