"""Uploads onto a full or read-only media disk: a form error in the editor's language (JSON for
the multiple uploader), no image row and no partial file. The disk is a small tmpfs the test
mounts (root only; CI runs as root)."""

import os
import subprocess
import tempfile

import pytest
from django.core.files.base import ContentFile
from wagtail.images import get_image_model

from hanoi_creative.security.storage import CleanFileSystemStorage, StorageUnavailable
from tests.test_image_uploads import jpeg_bytes, multiple_upload, upload

pytestmark = pytest.mark.django_db


def _require_root():
    if os.geteuid() != 0:
        if os.environ.get("CI"):
            pytest.fail("CI runs as root so that upload tests can mount a small disk")
        pytest.skip("mounting a small disk needs root")


@pytest.fixture
def small_disk():
    """A 256 KiB tmpfs; yields its path, unmounts afterwards."""
    _require_root()
    path = tempfile.mkdtemp(prefix="hc-media-")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", path], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", path], check=False)
        os.rmdir(path)


@pytest.fixture
def media_on(settings):
    def use(path):
        settings.MEDIA_ROOT = path

    return use


def files_in(path):
    return [os.path.join(root, name) for root, _dirs, names in os.walk(path) for name in names]


@pytest.fixture
def editor_client(client, editor):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "vi"
    profile.save()
    client.force_login(editor)
    return client


def test_a_full_disk_gives_a_form_error_and_leaves_nothing(editor_client, small_disk, media_on):
    media_on(small_disk)
    images = get_image_model().objects.count()
    response = upload(editor_client, "pho-co.jpg", jpeg_bytes((400, 300)))
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["file"]
    assert "storage_full" in {error.code for error in errors}
    assert "bộ nhớ của máy chủ đã đầy" in " ".join(str(e.message) for e in errors)
    assert get_image_model().objects.count() == images
    assert files_in(small_disk) == []


def test_the_multiple_uploader_answers_json_on_a_full_disk(editor_client, small_disk, media_on):
    media_on(small_disk)
    response = multiple_upload(editor_client, "pho-co.jpg", jpeg_bytes((400, 300)))
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert "bộ nhớ của máy chủ đã đầy" in payload["error_message"]
    assert files_in(small_disk) == []


def test_a_read_only_media_disk_gives_a_form_error(editor_client, small_disk, media_on):
    subprocess.run(["mount", "-o", "remount,ro", small_disk], check=True)
    media_on(small_disk)
    response = upload(editor_client, "pho-co.jpg", jpeg_bytes((40, 30)))
    assert response.status_code == 200
    assert "storage_full" in {e.code for e in response.context["form"].errors.as_data()["file"]}


def test_a_write_that_fills_the_disk_leaves_no_partial_file(small_disk):
    storage = CleanFileSystemStorage(location=small_disk)
    with pytest.raises(StorageUnavailable):
        storage.save("original_images/big.bin", ContentFile(b"x" * 400_000))
    assert files_in(small_disk) == []
    assert storage.save("small.bin", ContentFile(b"x" * 1000)) == "small.bin"
