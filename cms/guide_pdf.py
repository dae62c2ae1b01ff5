"""A Handlungshilfe as a PDF, made from its published chapters.

WeasyPrint turns ``templates/cms/guide_pdf.html`` into a tagged PDF (PDF/UA-1, German). It
needs Pango from the system (README, "Guide PDFs"); without it the guide page says so in German and
the PDF address answers 503, while everything else keeps working.

Made once per publication: publishing a guide enqueues ``cms.tasks.make_guide_pdf`` after the
commit, and the first request for a publication the task has not reached yet makes it itself.
The bytes are kept as a file in the default storage, ``guide-pdfs/<page id>/<revision>-<time>.pdf``,
named by the published revision and the moment of publication (ids can come back after a
deletion or a restored backup, that moment never does). A file rather than Django's cache:
in production the task runs in the worker process, and what it makes must reach every web
process and survive a restart, which the per-process default cache does neither. MEDIA_URL
never serves this folder (``cms.files.media_serve`` knows only Wagtail's own folders), so a
guide's PDF leaves only through the guide's own address, after the page's access check.
"""

import functools
import logging
import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from wagtail.documents.views.serve import serve as wagtail_document_serve

from .access import can_view_page
from .files import ORIGINAL_IMAGES, RENDITIONS, accel_response, finish, media_name, refuse
from .site_url import absolute_url, site_url

logger = logging.getLogger(__name__)

PDF_FOLDER = "guide-pdfs"


class PdfUnavailable(Exception):
    """WeasyPrint, or the system libraries it needs, are missing on this machine."""


@functools.cache
def pdf_engine_available() -> bool:
    """Can this process make PDFs? Asked once: the libraries do not come and go."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        logger.warning(
            "WeasyPrint cannot be loaded (Pango missing?): guide PDFs are not made. See README."
        )
        return False
    return True


# --- the stored file --------------------------------------------------------------------------


def guide_pdf_name(guide) -> str | None:
    """Where the PDF of ``guide``'s published state is kept; ``None`` while it is unpublished."""
    if not guide.live or guide.live_revision_id is None or guide.last_published_at is None:
        return None
    moment = guide.last_published_at.strftime("%Y%m%d%H%M%S%f")
    return f"{PDF_FOLDER}/{guide.pk}/{guide.live_revision_id}-{moment}.pdf"


def guide_pdf_size(guide) -> int | None:
    """Bytes of the made PDF of the current publication; ``None`` until it has been made."""
    name = guide_pdf_name(guide)
    if name is None:
        return None
    try:
        return default_storage.size(name)
    except OSError:
        return None


def guide_pdf_file(*, guide) -> str:
    """The storage name of ``guide``'s PDF, made now if this publication has none yet."""
    name = guide_pdf_name(guide)
    if name is None:
        raise ValueError(f"Guide {guide.pk} is not published.")
    if default_storage.exists(name):
        return name
    data = guide_pdf_render(guide=guide)
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:  # another process made the same publication's PDF meanwhile
        default_storage.delete(saved)
    _remove_older_pdfs(guide, keep=name)
    return name


def _remove_older_pdfs(guide, *, keep: str) -> None:
    """Delete the PDFs of earlier publications, never one of a later publication than ``keep``
    (a request still making an older one must not remove what the task just made)."""
    folder = f"{PDF_FOLDER}/{guide.pk}"
    try:
        _dirs, names = default_storage.listdir(folder)
    except OSError:
        return
    for file_name in names:
        name = f"{folder}/{file_name}"
        revision = file_name.split("-", 1)[0]
        if name != keep and (not revision.isdigit() or int(revision) <= guide.live_revision_id):
            default_storage.delete(name)


def guide_pdf_refresh(*, page_id: int) -> bool:
    """Make the PDF of the guide's current publication (the task's work); ``True`` if made."""
    from .models import GuidePage

    guide = GuidePage.objects.filter(pk=page_id).first()
    if guide is None or guide.pdf_id or guide_pdf_name(guide) is None:
        return False
    if not pdf_engine_available():
        return False
    try:
        guide_pdf_file(guide=guide)
    except Exception:
        # The guide page offers the PDF without its size, and the next request tries again.
        logger.exception("Making the PDF of guide %s failed.", page_id)
        return False
    return True


def guide_pdf_enqueue(*, page_id: int) -> None:
    """Hand the PDF of a just-published guide to the task backend; never fails the caller."""
    from .tasks import make_guide_pdf

    try:
        make_guide_pdf.enqueue(page_id=page_id)
    except Exception:
        logger.exception("Queueing the PDF of guide %s failed; it is made on request.", page_id)


# --- rendering --------------------------------------------------------------------------------


def css_string(text: str) -> str:
    """``text`` as a CSS string literal that nothing in it can end early."""
    escaped = "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'


def page_counter_css() -> SafeString:
    """“Seite 3 von 12” for the page footer, as CSS ``content`` with counters."""
    text = gettext("Page %(page)s of %(pages)s") % {"page": "\0page\0", "pages": "\0pages\0"}
    parts = []
    for number, part in enumerate(text.split("\0")):
        if number % 2:
            parts.append(f"counter({part})")
        elif part:
            parts.append(css_string(part))
    # Safe: every piece of text went through css_string, the rest are counters.
    return mark_safe(" ".join(parts))


def guide_pdf_html(*, guide) -> str:
    """The HTML the PDF is made from; rendered without a request, so as the public sees it."""
    from .guides import chapter_anchors

    site = guide.get_site()
    site_name = (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "cms/guide_pdf.html",
            {
                "page": guide,
                "site_name": site_name,
                "online_url": absolute_url(guide.url),
                "toc": chapter_anchors(guide.chapters),
                "page_counter": page_counter_css(),
            },
        )


def _site_root(guide) -> str:
    return site_url() + "/"


def _media_fetcher(site_root: str):
    """A URL fetcher that reads the site's own images from storage and nothing else.

    The PDF is made on the server: fetching other addresses would let content reach into
    the server's network, and a page's own address would go through no access check.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = urlsplit(site_root)

    class MediaFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if (parts.scheme, parts.netloc) != (root.scheme, root.netloc) or not (
                parts.path.startswith(settings.MEDIA_URL)
            ):
                raise ValueError(f"Not loaded into a guide PDF: {url}")
            name = media_name(unquote(parts.path[len(settings.MEDIA_URL) :]))
            if name is None or name.split("/", 1)[0] not in (ORIGINAL_IMAGES, RENDITIONS):
                raise ValueError(f"Not an image of the site: {url}")
            with default_storage.open(name, "rb") as handle:
                data = handle.read()
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, data, {"Content-Type": content_type})

    return MediaFetcher()


def guide_pdf_render(*, guide) -> bytes:
    """The PDF of ``guide`` as it is now: tagged for screen readers, in German."""
    if not pdf_engine_available():
        raise PdfUnavailable
    from weasyprint import HTML

    site_root = _site_root(guide)
    document = HTML(
        string=guide_pdf_html(guide=guide),
        base_url=site_root,
        url_fetcher=_media_fetcher(site_root),
    )
    return document.write_pdf(pdf_variant="pdf/ua-1")


# --- serving ----------------------------------------------------------------------------------


def guide_pdf_link(guide) -> dict:
    """What the guide page offers: the PDF's address, its size (``None`` until it is made),
    and whether this machine cannot make it at all."""
    if guide.pdf_id:
        return {"url": guide.pdf.url, "size": guide.pdf.get_file_size(), "unavailable": False}
    if not pdf_engine_available():
        return {"url": None, "size": None, "unavailable": True}
    url = guide.url and guide.url + guide.reverse_subpage("pdf")
    return {"url": url, "size": guide_pdf_size(guide), "unavailable": False}


def guide_pdf_response(request: HttpRequest, *, guide) -> HttpResponse:
    """The guide's PDF at its own address: the upload if there is one, else the made one."""
    if not can_view_page(request.user, guide, request):
        return refuse(request)
    if guide.pdf_id:
        # Through Wagtail's document view, so the file's own checks and headers apply.
        return wagtail_document_serve(request, guide.pdf_id, guide.pdf.filename)
    if not pdf_engine_available():
        return _unavailable(request, guide)
    try:
        name = guide_pdf_file(guide=guide)
    except Exception:
        logger.exception("Making the PDF of guide %s failed.", guide.pk)
        return _unavailable(request, guide)
    response = accel_response(name, "application/pdf")
    if response is None:
        response = FileResponse(default_storage.open(name, "rb"), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{guide.slug}.pdf"
    )
    return finish(response, public=can_view_page(AnonymousUser(), guide))


def _unavailable(request: HttpRequest, guide) -> HttpResponse:
    return render(request, "cms/guide_pdf_unavailable.html", {"page": guide}, status=503)
