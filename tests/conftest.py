import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once into the test database; each test runs in a rolled-back
    transaction on top of it."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    # wagtail-modeltranslation caches site root paths per language; stale entries from
    # another test's rolled-back pages would give wrong URLs.
    cache.clear()
    yield
    translation.activate("vi")
    cache.clear()


@pytest.fixture
def home(db):
    from hanoi_creative.core.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def programme_pages(db):
    from hanoi_creative.core.models import StandardPage

    return {page.slug_en: page for page in StandardPage.objects.all()}


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.com", "password")
