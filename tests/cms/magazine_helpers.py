"""Small builders for magazine, guide and practice pages used by the cms tests."""

from datetime import date
from itertools import count

from cms.access import page_set_staff_only
from cms.models import ArticlePage, GuideIndexPage, GuidePage, MagazineIndexPage, MagazineIssue
from practices.models import PracticeIndexPage, PracticePage, TargetGroup, Topic
from tests.factories.files import create_document, create_image

_numbers = count(1)


def make_image(title: str = "Testbild", size=(640, 480)):
    return create_image(title, size=size)


def make_document(title: str = "Handlungshilfe als PDF", name: str = "hilfe.pdf"):
    return create_document(title, name=name)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def child_of(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def topic(slug: str) -> Topic:
    return Topic.objects.get(slug=slug)


def target_group(slug: str) -> TargetGroup:
    return TargetGroup.objects.get(slug=slug)


def magazine_index(home) -> MagazineIndexPage:
    index = MagazineIndexPage.objects.first()
    return index or child_of(home, MagazineIndexPage(title="Magazin „chancen“", slug="magazin"))


def guide_index(home) -> GuideIndexPage:
    index = GuideIndexPage.objects.first()
    return index or child_of(home, GuideIndexPage(title="Handlungshilfen", slug="handlungshilfen"))


def practice_index(home) -> PracticeIndexPage:
    index = PracticeIndexPage.objects.first()
    return index or child_of(
        home, PracticeIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
    )


def make_issue(index, *, number: int | None = None, cover=True, **fields) -> MagazineIssue:
    number = number or next(_numbers)
    fields.setdefault("title", f"Ausgabe {number:02d}")
    fields.setdefault("slug", f"ausgabe-{number:02d}")
    fields.setdefault("theme", "Zeit | LOS!")
    fields.setdefault("publication_date", date(2019, 1, 1).replace(year=2000 + number % 90))
    if cover:
        fields.setdefault("cover_image", make_image(f"Titel {number}", (300, 400)))
        fields.setdefault("cover_alt_text", f"Titelbild der Ausgabe {number}")
    return child_of(index, MagazineIssue(issue_number=number, **fields))


def make_article(
    issue, *, topics=(), target_groups=(), staff_only=False, image=True, **fields
) -> ArticlePage:
    number = next(_numbers)
    fields.setdefault("title", f"Artikel {number}")
    fields.setdefault("slug", f"artikel-{number}")
    fields.setdefault("teaser", "Ein kurzer Anreißer für den Artikel.")
    if image:
        fields.setdefault("lead_image", make_image(f"Artikelbild {number}", (800, 450)))
        fields.setdefault("lead_image_alt_text", f"Bild zum Artikel {number}")
    article = ArticlePage(**fields)
    issue.add_child(instance=article)
    article.topics = list(topics)
    article.target_groups = list(target_groups)
    publish(article)
    if staff_only:
        page_set_staff_only(article, True)
    return article


def make_practice(index, *, topics=(), target_groups=(), staff_only=False, **fields):
    number = next(_numbers)
    fields.setdefault("title", f"Praxisbeispiel {number}")
    fields.setdefault("slug", f"praxisbeispiel-{number}")
    fields.setdefault("teaser", "Ein erprobter Ansatz aus dem Jobcenter.")
    practice = PracticePage(**fields)
    index.add_child(instance=practice)
    practice.topics = list(topics)
    practice.target_groups = list(target_groups)
    publish(practice)
    if staff_only:
        page_set_staff_only(practice, True)
    return practice


def make_guide(index, *, chapters=(), topics=(), staff_only=False, **fields) -> GuidePage:
    number = next(_numbers)
    fields.setdefault("title", f"Handlungshilfe {number}")
    fields.setdefault("slug", f"handlungshilfe-{number}")
    fields.setdefault("audience", "Netzwerkkoordinator:innen")
    fields.setdefault("summary", "Worum es in dieser Handlungshilfe geht.")
    fields.setdefault("version_date", date(2026, 3, 1))
    fields["chapters"] = [
        ("chapter", {"title": title, "anchor": anchor, "body": body})
        for title, anchor, body in chapters
    ]
    guide = GuidePage(**fields)
    index.add_child(instance=guide)
    guide.topics = list(topics)
    publish(guide)
    if staff_only:
        page_set_staff_only(guide, True)
    return guide
