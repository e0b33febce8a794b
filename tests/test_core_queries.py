"""The programme's pages run a bounded number of SQL queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/vi/", "/en/", "/vi/chuong-trinh-hanh-dong/", "/en/unesco-creative-cities-network/"]
)
def test_programme_pages_stay_within_25_queries(client, path):
    client.get(path)  # renditions are created on the first view; count a warm page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    assert len(queries) <= 25, "\n".join(query["sql"][:160] for query in queries.captured_queries)


def test_home_page_cards_do_not_query_per_programme_page(client, home):
    from hanoi_creative.core.models import StandardPage

    client.get("/vi/")
    with CaptureQueriesContext(connection) as before:
        client.get("/vi/")
    extra = StandardPage(
        title_vi="Thiết kế đô thị",
        title_en="Urban design",
        hero_image=StandardPage.objects.first().hero_image,
    )
    home.add_child(instance=extra)
    extra.save_revision().publish()
    client.get("/vi/")
    with CaptureQueriesContext(connection) as after:
        client.get("/vi/")
    assert len(after) == len(before)
