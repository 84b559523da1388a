"""Check and process uploaded plant photos with Pillow (no Django here).

Uploads are judged by their content, never their file name: a file must
decode completely as a JPEG, PNG or WebP image within the byte and pixel
limits.  Accepted photos are turned upright (EXIF orientation) and written
again without any metadata, so a phone's GPS position never reaches the
public; the full-size copy is kept as the "original", re-encoded.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
RENDITION_WIDTHS = (320, 800, 1600)
DEFAULT_MAX_PIXELS = 40_000_000
DEFAULT_MAX_BYTES = 15 * 1024 * 1024


class ImageRejected(ValueError):
    """The upload is not an image this site accepts; the message is for the editor."""


@dataclass(frozen=True)
class CheckedImage:
    width: int
    height: int
    format: str


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    content: bytes
    extension: str


def check(
    data: bytes, *, max_pixels: int = DEFAULT_MAX_PIXELS, max_bytes: int = DEFAULT_MAX_BYTES
) -> CheckedImage:
    """Raise ImageRejected unless `data` is a whole, reasonably sized JPEG, PNG or WebP image."""
    if len(data) > max_bytes:
        raise ImageRejected(
            f"This file is {len(data) / 1_048_576:.1f} MB; photos may be at most {max_bytes / 1_048_576:.0f} MB."
        )
    try:
        with warnings.catch_warnings():
            # Pillow warns before it refuses; both mean the image is too large to open safely.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise ImageRejected(
                        f"This image is {width} × {height} pixels; photos may have at most "
                        f"{max_pixels / 1_000_000:.0f} million pixels."
                    )
                if image.format not in ACCEPTED_FORMATS:
                    raise ImageRejected(
                        f"{image.format} images are not accepted; upload a JPEG, PNG or WebP photo."
                    )
                image.load()  # decodes every pixel: a truncated file fails here
                return CheckedImage(width, height, image.format)
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageRejected(
            "This image is too large to open safely (possible decompression bomb)."
        ) from error
    except UnidentifiedImageError as error:
        raise ImageRejected("This file is not an image. Upload a JPEG, PNG or WebP photo.") from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageRejected("This image is damaged or incomplete (the file may be truncated).") from error


def _upright_rgb(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        upright = ImageOps.exif_transpose(image)
        return upright.convert("RGB")


def original(data: bytes) -> Rendition:
    """The full-size photo, upright, as a JPEG with no metadata."""
    image = _upright_rgb(data)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, optimize=True)  # no exif= argument: nothing is copied
    return Rendition(image.width, image.height, buffer.getvalue(), "jpg")


def renditions(data: bytes, widths=RENDITION_WIDTHS) -> list[Rendition]:
    """WebP copies at each width (never enlarged), upright and without metadata."""
    image = _upright_rgb(data)
    results = []
    for width in widths:
        if width >= image.width and results:
            break
        target = min(width, image.width)
        height = round(image.height * target / image.width)
        resized = image.resize((target, height), Image.Resampling.LANCZOS) if target != image.width else image
        buffer = io.BytesIO()
        resized.save(buffer, "WEBP", quality=80, method=4)
        results.append(Rendition(target, height, buffer.getvalue(), "webp"))
    return results
