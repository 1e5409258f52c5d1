"""Serve one size of an asset as a file, with its credit and licence in the response."""

from django.http import FileResponse, HttpRequest
from django.utils.text import slugify

from .presets import FileFormat
from .sizes import Size


def header_text(text: str) -> str:
    """HTTP header values must be Latin-1: keep what fits and drop line breaks."""
    return " ".join(text.split()).encode("latin-1", "replace").decode("latin-1")


def download_response(
    request: HttpRequest, asset, size: Size, file_format: FileFormat, about_url: str
) -> FileResponse:
    """The rendition as an attachment; the credit and licence go along in headers and a Link."""
    image = asset.image
    preset = size.preset
    rendition = size.rendition(file_format.image_format)
    rendition.file.open("rb")
    response = FileResponse(
        rendition.file,
        as_attachment=True,
        filename=f"{slugify(asset.slug)}-{preset.key}.{file_format.extension}",
        content_type=file_format.content_type,
    )
    response["X-Image-Credit"] = header_text(image.credit or "End Demand CT")
    response["X-Image-Licence"] = header_text(image.licence or "See the asset page")
    # The asset page states the credit and licence in full, in words a person can read.
    response["Link"] = f'<{about_url}#terms>; rel="license", <{about_url}>; rel="describedby"'
    return response
