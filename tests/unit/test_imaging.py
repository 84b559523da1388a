"""Photo checks and processing (plain Pillow)."""

import io

import pytest
from PIL import Image

from plants import imaging
from tests.support.images import jpeg_with_exif, png_declaring


def test_a_good_jpeg_passes():
    checked = imaging.check(jpeg_with_exif())
    assert (checked.width, checked.height, checked.format) == (600, 300, "JPEG")


def test_original_is_upright_and_has_no_metadata():
    result = imaging.original(jpeg_with_exif())
    with Image.open(io.BytesIO(result.content)) as image:
        assert image.size == (300, 600)  # orientation 6: rotated a quarter turn
        assert dict(image.getexif()) == {}
        assert image.getpixel((150, 10))[0] > 200  # the red band is now at the top
    assert (result.width, result.height) == (300, 600)


def test_renditions_are_webp_never_enlarged_and_stripped():
    big = Image.new("RGB", (2000, 1000), "blue")
    buffer = io.BytesIO()
    big.save(buffer, "JPEG", exif=Image.Exif())
    results = imaging.renditions(buffer.getvalue())
    assert [(r.width, r.height) for r in results] == [(320, 160), (800, 400), (1600, 800)]
    for rendition in results:
        with Image.open(io.BytesIO(rendition.content)) as image:
            assert image.format == "WEBP" and not image.getexif()
    medium = imaging.renditions(jpeg_with_exif(width=400, height=200, orientation=1))
    assert [r.width for r in medium] == [320]  # no 800 or 1600 copy of a 400-pixel photo
    tiny = imaging.renditions(jpeg_with_exif(width=200, height=100, orientation=1))
    assert [r.width for r in tiny] == [200]  # one copy at its own size, never enlarged


def test_text_file_named_jpg_is_rejected():
    with pytest.raises(imaging.ImageRejected, match="This file is not an image"):
        imaging.check(b"just some text, not a photo")


def test_truncated_jpeg_is_rejected():
    data = jpeg_with_exif()
    with pytest.raises(imaging.ImageRejected, match="damaged or incomplete"):
        imaging.check(data[: len(data) // 2])


def test_decompression_bomb_is_rejected():
    with pytest.raises(imaging.ImageRejected, match="decompression bomb"):
        imaging.check(png_declaring(30_000, 30_000))


def test_too_many_pixels_is_rejected():
    with pytest.raises(imaging.ImageRejected, match="600 × 300 pixels"):
        imaging.check(jpeg_with_exif(), max_pixels=100_000)


def test_too_many_bytes_is_rejected():
    with pytest.raises(imaging.ImageRejected, match="photos may be at most 1 MB"):
        imaging.check(b"x" * (1024 * 1024 + 1), max_bytes=1024 * 1024)


def test_other_formats_are_rejected():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    with pytest.raises(imaging.ImageRejected, match="GIF images are not accepted"):
        imaging.check(buffer.getvalue())
