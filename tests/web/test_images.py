"""Plant photos through the admin: accepted photos are processed; rejected ones leave nothing behind."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plants.models import PlantImage
from tests.support.admin_forms import form_data
from tests.support.images import jpeg_with_exif, png_declaring


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root):
    return sorted(p.name for p in root.rglob("*") if p.is_file())


def add_photo(staff_client, alumroot, upload, **fields):
    url = reverse("admin:plants_plantimage_add")
    data = {"profile": alumroot.pk, "order": 1, "alt_text": "Pink flower spikes", "credit": "A. Botanist",
            "licence": "CC-BY-4.0", "source_url": "", "image": upload, **fields}  # fmt: skip
    return staff_client.post(url, data)


def test_a_photo_is_stored_upright_with_renditions(staff_client, alumroot, media):
    response = add_photo(staff_client, alumroot, SimpleUploadedFile("flower.jpg", jpeg_with_exif(1800, 1200)))
    assert response.status_code == 302
    image = PlantImage.objects.get()
    assert (image.width, image.height) == (1200, 1800)  # rotated by its EXIF orientation
    assert [r["width"] for r in image.renditions] == [320, 800]
    assert len(stored_files(media)) == 3  # the original and two WebP copies, no raw upload
    page = staff_client.get(alumroot.get_absolute_url()).content.decode()
    assert 'alt="Pink flower spikes"' in page
    assert "320w" in page and "800w" in page and 'width="800" height="1200"' in page
    assert "Photo: A. Botanist" in page and 'href="https://creativecommons.org/licenses/by/4.0/"' in page
    assert '<meta property="og:image"' in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.jpg", b"this is not a photo", "This file is not an image"),
        ("cut.jpg", jpeg_with_exif()[:2000], "damaged or incomplete"),
        ("bomb.png", png_declaring(30_000, 30_000), "decompression bomb"),
    ],
)
def test_rejected_uploads_show_the_error_and_store_nothing(
    staff_client, alumroot, media, name, content, message
):
    response = add_photo(staff_client, alumroot, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PlantImage.objects.exists() and stored_files(media) == []


def test_too_many_pixels_or_bytes(staff_client, alumroot, media, settings):
    settings.IMAGE_MAX_PIXELS = 100_000
    response = add_photo(staff_client, alumroot, SimpleUploadedFile("big.jpg", jpeg_with_exif()))
    assert "600 × 300 pixels" in response.content.decode()
    settings.IMAGE_MAX_PIXELS = 40_000_000
    settings.IMAGE_MAX_BYTES = 1000
    response = add_photo(staff_client, alumroot, SimpleUploadedFile("heavy.jpg", jpeg_with_exif()))
    assert "photos may be at most" in response.content.decode()
    assert not PlantImage.objects.exists() and stored_files(media) == []


def test_alt_text_is_required(staff_client, alumroot, media):
    response = add_photo(staff_client, alumroot, SimpleUploadedFile("f.jpg", jpeg_with_exif()), alt_text="")
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert stored_files(media) == []


def test_photo_added_inline_on_the_profile(staff_client, alumroot, media):
    url = reverse("admin:plants_plantprofile_change", args=[alumroot.pk])
    data = form_data(staff_client.get(url), form_id="plantprofile_form")
    data.update({"images-TOTAL_FORMS": "1", "images-0-order": "1", "images-0-alt_text": "Leaves",
                 "images-0-credit": "Me", "images-0-licence": "CC0-1.0",
                 "images-0-image": SimpleUploadedFile("leaf.jpg", jpeg_with_exif(orientation=1))})  # fmt: skip
    response = staff_client.post(url, data)
    assert response.status_code == 302
    assert alumroot.images.get().alt_text == "Leaves"


def test_deleting_a_photo_deletes_its_files(staff_client, alumroot, media):
    add_photo(staff_client, alumroot, SimpleUploadedFile("flower.jpg", jpeg_with_exif()))
    PlantImage.objects.get().delete()
    assert stored_files(media) == []


REJECTED = [
    ("notes.jpg", lambda: b"this is not a photo", {}, "This file is not an image"),
    ("cut.jpg", lambda: jpeg_with_exif()[:2000], {}, "damaged or incomplete"),
    ("bomb.png", lambda: png_declaring(30_000, 30_000), {}, "decompression bomb"),
    ("big.jpg", jpeg_with_exif, {"IMAGE_MAX_PIXELS": 100_000}, "600 × 300 pixels"),
    ("heavy.jpg", jpeg_with_exif, {"IMAGE_MAX_BYTES": 1000}, "photos may be at most"),
]


def field_error(html: str, field_id: str) -> str:
    """The text of the error list Django renders for one field (empty if it has none)."""
    match = re.search(rf'<ul class="errorlist" id="{field_id}_error">(.*?)</ul>', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


@pytest.mark.parametrize(("name", "content", "limits", "message"), REJECTED)
def test_each_rejected_kind_is_shown_on_the_photo_field(
    staff_client, alumroot, media, settings, name, content, limits, message
):
    for setting, value in limits.items():
        setattr(settings, setting, value)
    response = add_photo(staff_client, alumroot, SimpleUploadedFile(name, content()))
    assert response.status_code == 200
    assert message in field_error(response.content.decode(), "id_image")
    assert not PlantImage.objects.exists() and stored_files(media) == []


@pytest.mark.parametrize(("name", "content", "limits", "message"), REJECTED)
def test_each_rejected_kind_inline_saves_nothing_of_the_profile(
    staff_client, alumroot, media, settings, name, content, limits, message
):
    for setting, value in limits.items():
        setattr(settings, setting, value)
    url = reverse("admin:plants_plantprofile_change", args=[alumroot.pk])
    data = form_data(staff_client.get(url), form_id="plantprofile_form")
    data.update({"title": "Edited with a bad photo", "images-TOTAL_FORMS": "1", "images-0-order": "1",
                 "images-0-alt_text": "Leaves", "images-0-credit": "Me", "images-0-licence": "CC0-1.0",
                 "images-0-image": SimpleUploadedFile(name, content())})  # fmt: skip
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert message in field_error(response.content.decode(), "id_images-0-image")
    alumroot.refresh_from_db()
    assert alumroot.title != "Edited with a bad photo"
    assert not PlantImage.objects.exists() and stored_files(media) == []
