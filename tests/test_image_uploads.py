"""Image uploads in the admin: alt text required, bounded size, bad files refused cleanly."""

import io
import os
import random
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

pytestmark = pytest.mark.django_db

SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
)


def png_bytes(size=(40, 30), mode="RGB", noise=False):
    image = PILImage.new(mode, size, "white" if mode != "1" else 0)
    if noise:
        rng = random.Random(4)
        image = PILImage.frombytes(
            "RGB", size, bytes(rng.getrandbits(8) for _ in range(size[0] * size[1] * 3))
        )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(size=(300, 200)):
    rng = random.Random(7)
    image = PILImage.frombytes("RGB", size, bytes(rng.getrandbits(8) for _ in range(size[0] * size[1] * 3)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()}


def upload(client, name, content, **fields):
    data = {"title": fields.pop("title", "Ảnh thử"), "description_vi": "Hồ Gươm buổi sáng", **fields}
    data["file"] = SimpleUploadedFile(name, content)
    return client.post("/admin/images/add/", data)


def multiple_upload(client, name, content):
    return client.post("/admin/images/multiple/add/", {"files[]": SimpleUploadedFile(name, content)})


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


# name, content, the error code the form gives
BAD_FILES = {
    "decompression bomb": ("bomb.png", lambda: png_bytes((14200, 14200), mode="1"), "file_too_many_pixels"),
    "over the pixel bound": ("wide.png", lambda: png_bytes((8000, 8000), mode="1"), "file_too_many_pixels"),
    "truncated png": ("cut.png", lambda: png_bytes((300, 300), noise=True)[:120_000], "damaged_image"),
    "truncated jpeg": ("cut.jpg", lambda: jpeg_bytes()[:40_000], "damaged_image"),
    "not an image": ("notes.png", lambda: b"Just some notes, not a picture.\n" * 20, "invalid_image"),
    "pdf named jpg": (
        "report.jpg",
        lambda: b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
        "invalid_image",
    ),
    "svg with script": ("evil.svg", lambda: SVG_WITH_SCRIPT, "invalid_image_extension"),
    "svg named png": ("evil.png", lambda: SVG_WITH_SCRIPT, None),
    "over 20 MB": ("big.png", lambda: png_bytes() + b"\0" * (21 * 1024 * 1024), "file_too_large"),
}


def test_upload_bounds_are_within_the_limits():
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 60_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_upload_is_refused_and_leaves_nothing(editor_client, case):
    name, make, code = BAD_FILES[case]
    content = make()
    images_before = get_image_model().objects.count()
    files_before = media_files()

    response = upload(editor_client, name, content)

    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["file"]
    assert errors and all(str(error.message) for error in errors)
    if code:
        assert code in {error.code for error in errors}, errors
    assert get_image_model().objects.count() == images_before
    assert media_files() == files_before


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_upload_is_refused_by_the_multiple_uploader(editor_client, case):
    name, make, _code = BAD_FILES[case]
    images_before = get_image_model().objects.count()
    files_before = media_files()

    response = multiple_upload(editor_client, name, make())

    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert payload["error_message"].strip()
    assert get_image_model().objects.count() == images_before
    assert not UploadedFile.objects.exists()
    assert media_files() == files_before


def test_bad_upload_message_is_in_vietnamese_for_a_vietnamese_admin(editor_client, editor):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "vi"
    profile.save()
    response = upload(editor_client, "cut.png", png_bytes((300, 300), noise=True)[:120_000])
    errors = " ".join(response.context["form"].errors["file"])
    assert "bị hỏng hoặc không đầy đủ" in errors


def test_good_upload_with_alt_text_is_stored(editor_client):
    response = upload(
        editor_client, "ho-guom.png", png_bytes(), description_en="Hoan Kiem Lake in the morning"
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Ảnh thử")
    assert image.description_vi == "Hồ Gươm buổi sáng"
    assert image.description_en == "Hoan Kiem Lake in the morning"
    assert image.uploaded_by_user.username == "editor"
    assert os.path.exists(image.file.path)


def test_vietnamese_alt_text_is_required(editor_client):
    count = get_image_model().objects.count()
    response = upload(editor_client, "ho-guom.png", png_bytes(), description_vi="")
    assert response.status_code == 200
    assert "description_vi" in response.context["form"].errors
    assert get_image_model().objects.count() == count


def test_english_alt_text_may_wait_for_the_translators(editor_client):
    response = upload(editor_client, "ho-guom.png", png_bytes(), description_en="")
    assert response.status_code == 302


def test_multiple_upload_asks_for_alt_text_before_creating_the_image(editor_client):
    count = get_image_model().objects.count()
    response = multiple_upload(editor_client, "pho-co.png", png_bytes())
    payload = response.json()
    assert payload["success"] is True
    # The file waits as an UploadedFile until its alt text is filled in.
    assert get_image_model().objects.count() == count
    uploaded = UploadedFile.objects.get()
    missing = editor_client.post(
        f"/admin/images/multiple/create_from_uploaded_image/{uploaded.pk}/",
        {f"uploaded-image-{uploaded.pk}-title": "Phố cổ", f"uploaded-image-{uploaded.pk}-description_vi": ""},
    )
    assert missing.json()["success"] is False
    done = editor_client.post(
        f"/admin/images/multiple/create_from_uploaded_image/{uploaded.pk}/",
        {
            f"uploaded-image-{uploaded.pk}-title": "Phố cổ",
            f"uploaded-image-{uploaded.pk}-description_vi": "Phố cổ Hà Nội",
        },
    )
    assert done.json()["success"] is True
    assert get_image_model().objects.get(title="Phố cổ").description_vi == "Phố cổ Hà Nội"
    assert not UploadedFile.objects.exists()


def test_renditions_crop_around_the_focal_point():
    Image = get_image_model()
    from django.core.files.images import ImageFile

    image = Image(title="Tiêu điểm", description_vi="Ảnh có tiêu điểm")
    image.file = ImageFile(io.BytesIO(png_bytes((400, 100))), name="focal.png")
    image.save()
    centred = image.get_rendition("fill-100x100")
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = (
        360,
        50,
        40,
        40,
    )
    image.save()
    focused = image.get_rendition("fill-100x100")
    assert focused.focal_point_key != centred.focal_point_key
    assert focused.focal_point_key
    assert (focused.width, focused.height) == (100, 100)
