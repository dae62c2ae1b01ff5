"""Wagtail documents and images with real bytes, and uploads as the submission form gets them."""

import io
from itertools import count

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

_numbers = count(1)


def png_bytes(size=(40, 30), colour=(11, 79, 138)) -> bytes:
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_bytes(text: str = "Konzept") -> bytes:
    return f"%PDF-1.4\n% {text}\n%%EOF\n".encode()


def create_document(title: str = "Konzept", *, name: str | None = None, user=None, **fields):
    number = next(_numbers)
    document = get_document_model()(title=title, uploaded_by_user=user, **fields)
    document.file = ContentFile(pdf_bytes(f"{title} {number}"), name=name or f"datei-{number}.pdf")
    document.save()
    return document


def create_image(title: str = "Foto", *, size=(40, 30), user=None, **fields):
    number = next(_numbers)
    image = get_image_model()(title=title, uploaded_by_user=user, **fields)
    image.file = ImageFile(io.BytesIO(png_bytes(size)), name=f"bild-{number}.png")
    image.save()
    return image


# Names are numbered: MEDIA_ROOT lives as long as the test run, and a name taken there would
# come back with a random suffix.
def pdf_upload(name: str = "") -> SimpleUploadedFile:
    name = name or f"einreichung-{next(_numbers)}.pdf"
    return SimpleUploadedFile(name, pdf_bytes(name), content_type="application/pdf")


def png_upload(name: str = "") -> SimpleUploadedFile:
    name = name or f"einreichung-{next(_numbers)}.png"
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")
