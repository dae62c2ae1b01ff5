"""The site's one public address (``settings.SITE_URL``) and every absolute link made from it.

Canonical URLs, ``og:url``, the sitemap, feeds and e-mails all link through here, never through
the address a request happened to arrive at (behind a proxy that is ``localhost``) or a
hostname typed into the admin. The Wagtail Site record holds the same address, kept in step
after every ``migrate`` and demo load, because Wagtail builds page URLs from it.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url() -> str:
    """``SITE_URL`` without a trailing slash, e.g. ``https://wissensboerse.example``."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` (or an already absolute URL, unchanged) on the public address."""
    if not path or path.startswith(("http://", "https://")):
        return path or site_url() + "/"
    return site_url() + ("" if path.startswith("/") else "/") + path


def site_address() -> tuple[str, int]:
    """Hostname and port of ``SITE_URL`` as Wagtail's Site record stores them."""
    parts = urlsplit(site_url())
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


def site_record_sync() -> int:
    """Give the default Wagtail Site the public address; returns the number of rows changed."""
    from wagtail.models import Site

    hostname, port = site_address()
    changed = (
        Site.objects.filter(is_default_site=True)
        .exclude(hostname=hostname, port=port)
        .update(hostname=hostname, port=port)
    )
    if changed:
        # Wagtail caches the sites' root URLs; an update() bypasses the save that clears it.
        Site.clear_site_root_paths_cache()
    return changed
