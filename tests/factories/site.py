from wagtail.models import Collection, Locale, Page, Site

from cms.models import HomePage
from cms.site_url import site_address


def site_home() -> HomePage:
    """The site's home page; rebuilt when a transactional test has flushed the tree."""
    home = HomePage.objects.first()
    if home is None:
        Locale.objects.get_or_create(language_code="de")
        if not Collection.objects.exists():
            Collection.add_root(name="Root")
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=HomePage(title="Wissensbörse Netzwerke ABC", slug="home"))
    site = Site.objects.filter(is_default_site=True).first()
    hostname, port = site_address()
    if site is None:
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    elif (site.root_page_id, site.hostname, site.port) != (home.pk, hostname, port):
        site.root_page, site.hostname, site.port = home, hostname, port
        site.save()
    return home
