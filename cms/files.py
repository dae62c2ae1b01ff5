"""Uploaded files leave only through here, after ``cms.access`` has said yes.

Documents are served by Wagtail's view at /dokumente/<id>/<name>: the ``before_serve_document``
hook (``cms.wagtail_hooks``) calls ``document_check``, and Wagtail hands the file to
``sendfile`` below (``SENDFILE_BACKEND``). Image originals and renditions, and documents asked
for by their storage address, are served at MEDIA_URL by ``media_serve``. The web server never
serves MEDIA_ROOT itself; with ``MEDIA_ACCEL_REDIRECT_PREFIX`` set, the answer after the check
lets nginx send the bytes (X-Accel-Redirect) instead of Python.
"""

import mimetypes
import os
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.views.static import was_modified_since
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_document_serve
from wagtail.images import get_image_model
from wagtail.utils import sendfile_streaming_backend

from .access import can_view_document, can_view_image, file_is_public, is_authenticated

# The folders below MEDIA_ROOT that Wagtail writes to; nothing else there is ever served.
DOCUMENTS = "documents"
ORIGINAL_IMAGES = "original_images"
RENDITIONS = "images"

# Set on the request by ``document_check`` for ``sendfile``, which Wagtail calls without the
# document; a request without it is answered as private.
PUBLIC_FILE_ATTRIBUTE = "wissensboerse_public_file"


def refuse(request: HttpRequest) -> HttpResponse:
    """Anonymous visitors are asked to log in; members who may not see the file get 403."""
    if not is_authenticated(request.user):
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def finish(response: HttpResponse, *, public: bool) -> HttpResponse:
    # A file is never a page: nothing in it may run, even when it is opened on its own.
    response["Content-Security-Policy"] = "default-src 'none'"
    if not public:
        # Shared caches must not hand a protected file to the next visitor.
        patch_cache_control(response, private=True)
    return response


def accel_response(name: str, content_type: str) -> HttpResponse | None:
    """With MEDIA_ACCEL_REDIRECT_PREFIX, an answer that lets nginx send the stored ``name``.

    nginx answers conditional and range requests for the file itself.
    """
    prefix = settings.MEDIA_ACCEL_REDIRECT_PREFIX
    if not prefix:
        return None
    response = HttpResponse(content_type=content_type)
    response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(name)
    return response


def file_response(request: HttpRequest, field_file, *, public: bool) -> HttpResponse:
    """Answer with the stored ``field_file``, whose access has been checked already."""
    name = field_file.name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = accel_response(name, content_type)
    if response is None:
        response = _stream(request, field_file.storage, name, content_type)
    return finish(response, public=public)


def _stream(request: HttpRequest, storage, name: str, content_type: str) -> HttpResponse:
    try:
        modified = storage.get_modified_time(name).timestamp()
        handle = storage.open(name, "rb")
    except (FileNotFoundError, NotImplementedError) as error:
        raise Http404 from error
    if not was_modified_since(request.headers.get("If-Modified-Since"), modified):
        handle.close()
        return HttpResponseNotModified()
    response = FileResponse(handle, content_type=content_type)
    response["Last-Modified"] = http_date(modified)
    return response


# --- documents --------------------------------------------------------------------------------


def document_check(request: HttpRequest, document) -> HttpResponse | None:
    """A refusal if ``request.user`` may not have ``document``; ``None`` lets Wagtail serve it."""
    if not can_view_document(request.user, document, request):
        return refuse(request)
    setattr(request, PUBLIC_FILE_ATTRIBUTE, file_is_public(document))
    return None


def sendfile(request: HttpRequest, filename: str, mimetype: str = "", **kwargs) -> HttpResponse:
    """Wagtail's document view hands the checked file here (``SENDFILE_BACKEND``)."""
    name = os.path.relpath(filename, os.path.abspath(settings.MEDIA_ROOT)).replace(os.sep, "/")
    response = accel_response(name, mimetype or "application/octet-stream")
    if response is None:
        response = sendfile_streaming_backend.sendfile(request, filename, **kwargs)
    return finish(response, public=getattr(request, PUBLIC_FILE_ATTRIBUTE, False))


# --- MEDIA_URL --------------------------------------------------------------------------------


def media_name(path: str) -> str | None:
    """``path`` as a storage name, or ``None`` if it could step outside its folder."""
    parts = path.split("/")
    if "\\" in path or any(part in ("", ".", "..") for part in parts):
        return None
    return path


def media_serve(request: HttpRequest, path: str) -> HttpResponse:
    """Serve a file below MEDIA_URL: found by its storage name, then checked like its object.

    The name is only ever compared with the names Wagtail stored, never joined to a directory,
    so neither an unknown file in MEDIA_ROOT nor anything outside it can be reached.
    """
    name = media_name(path)
    folder = name.split("/", 1)[0] if name else ""
    if folder == DOCUMENTS:
        document = get_document_model().objects.filter(file=name).first()
        if document is None:
            raise Http404
        # Exactly as at /dokumente/: Wagtail's collection privacy, our check, the same headers.
        return wagtail_document_serve(request, document.pk, document.filename)
    if folder == ORIGINAL_IMAGES:
        image = get_image_model().objects.filter(file=name).first()
        if image is None:
            raise Http404
        return image_response(request, image, image.file)
    if folder == RENDITIONS:
        renditions = get_image_model().get_rendition_model().objects.select_related("image")
        rendition = renditions.filter(file=name).first()
        if rendition is None:
            raise Http404
        return image_response(request, rendition.image, rendition.file)
    raise Http404


def image_response(request: HttpRequest, image, field_file) -> HttpResponse:
    """``field_file`` (the original of ``image`` or one of its renditions) if allowed."""
    if not can_view_image(request.user, image, request):
        return refuse(request)
    return file_response(request, field_file, public=file_is_public(image))
