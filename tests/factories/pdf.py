"""Reading PDFs in tests (pypdf), and the guard for machines that cannot make them."""

import io
import os

import pytest


def require_pdf_engine() -> None:
    """Skip where WeasyPrint cannot load Pango (`make pdf` installs it); CI must have it."""
    from cms.guide_pdf import pdf_engine_available

    if pdf_engine_available():
        return
    message = "WeasyPrint cannot load Pango: install the PDF libraries with `make pdf`"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def response_bytes(response) -> bytes:
    """The body of a test client answer, streamed (files) or not (pages)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def pdf_reader(data: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data))


def pdf_pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in pdf_reader(data).pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages_text(data))
