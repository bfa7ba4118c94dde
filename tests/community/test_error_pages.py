import pytest
from django.template.loader import get_template
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_404_page_is_in_our_layout(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html
    assert 'class="skip-link"' in html


def test_500_page_renders_without_request_context_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = get_template("500.html").render({})
    assert '<html lang="nl">' in html
    assert "Er ging iets mis" in html


@override_settings(DEBUG=False)
def test_server_error_view_uses_our_500(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
