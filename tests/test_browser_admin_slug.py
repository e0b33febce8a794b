"""In the admin, the slug follows the Vietnamese title with the server's folding."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_admin_slug_field_folds_vietnamese_titles(live_server, browser, django_user_model):
    from playwright.sync_api import expect

    from hanoi_creative.core.models import HomePage

    django_user_model.objects.create_superuser("editor", "editor@example.com", "correct horse battery")
    home = HomePage.objects.get()
    page = browser.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/pages/add/core/standardpage/{home.pk}/")
    page.fill("#id_title_vi", "Hà Nội tham gia mạng lưới Đường phố")
    page.locator("#id_title_vi").blur()
    # The title-to-slug sync is debounced; expect() waits for it.
    expect(page.locator("#id_slug_vi")).to_have_value("ha-noi-tham-gia-mang-luoi-duong-pho")
    # The English fields have a tab of their own.
    page.locator("#tab-label-english").click()
    page.fill("#id_title_en", "Hanoi joins the network")
    page.locator("#id_title_en").blur()
    expect(page.locator("#id_slug_en")).to_have_value("hanoi-joins-the-network")
