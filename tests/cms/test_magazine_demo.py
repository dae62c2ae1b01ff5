"""The magazine and guides of the demo content (``cms/magazine_demo*.py``)."""

import pytest
from wagtail.images import get_image_model

from cms.models import ArticlePage, GuidePage, MagazineIssue

pytestmark = pytest.mark.django_db


class TestDemoContent:
    def snapshot(self) -> dict:
        from wagtail.documents import get_document_model
        from wagtail.models import Revision

        return {
            "articles": sorted(ArticlePage.objects.values_list("slug", "latest_revision_id")),
            "issues": MagazineIssue.objects.count(),
            "guides": sorted(GuidePage.objects.values_list("slug", "latest_revision_id")),
            "images": get_image_model().objects.count(),
            "documents": get_document_model().objects.count(),
            "revisions": Revision.objects.count(),
        }

    def test_issue_07_with_articles_from_the_seeds_and_a_guide(self, client, demo):
        issue = MagazineIssue.objects.get(issue_number=7)
        articles = ArticlePage.objects.child_of(issue).live()
        guide = GuidePage.objects.get(title="Netzwerkarbeit im Jobcenter aufbauen")

        assert issue.display_title == "Ausgabe 07 — Zeit | LOS!"
        assert articles.count() >= 3
        titles = " ".join(articles.values_list("title", flat=True))
        for words in ("Netzwerke ABC", "Joboffensive Gelsenkirchen", "Ennepe-Ruhr"):
            assert words in titles
        assert len(guide.table_of_contents) >= 3
        # No stale upload: the guide's PDF is made from its chapters.
        assert guide.pdf is None
        pdf = client.get(f"{guide.url}pdf/")
        assert pdf["Content-Type"] == "application/pdf"
        html = client.get(ArticlePage.objects.get(slug="joboffensive-gelsenkirchen").url)
        assert 'class="practice-card"' in html.content.decode()

    def test_rerun_after_practices_arrive_adds_them_once(self, monkeypatch):
        from django.core.management import call_command

        from cms import demo
        from tests.factories import site_home

        # The loaders up to the magazine: those after it do not touch the articles.
        monkeypatch.setattr(
            demo, "LOADERS", demo.LOADERS[: demo.LOADERS.index(demo.load_more_magazine) + 1]
        )
        site_home()
        # A first run before the practice library had demo content of its own.
        for loader in demo.LOADERS:
            if loader.__name__ != "load_practices":
                loader(lambda message: None)
        joboffensive = ArticlePage.objects.get(slug="joboffensive-gelsenkirchen")
        assert not [b for b in joboffensive.body if b.block_type == "practices"]

        call_command("load_demo", verbosity=0)
        after_practices = self.snapshot()
        call_command("load_demo", verbosity=0)

        assert self.snapshot() == after_practices
        joboffensive = ArticlePage.objects.get(slug="joboffensive-gelsenkirchen")
        embeds = [b for b in joboffensive.body if b.block_type == "practices"]
        assert len(embeds) == 1
        assert [p.slug for p in embeds[0].value["practices"]] == ["joboffensive-gelsenkirchen"]
