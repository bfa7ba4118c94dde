"""Property-based: whatever a user sends to a form or a filter, no page answers with a 5xx.

For every URL of the three apps, as a persona that may open it (tests/<app>/url_expectations.py),
hypothesis GETs the page with generated filter values and POSTs generated values for the
fields of its forms. Bounded examples keep it quick; the crafted values that once gave a 500
(huge numbers, superscript digits, lists, odd `next`) are always among the candidates.
"""

import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_url_permissions import EXPECTATIONS, World
from tests.urlwalk import OK

FILTER_KEYS = ["q", "page", "year", "status", "kind", "school", "tag", "course", "goal", "workshop",
               "sort", "on", "until", "team", "profile", "next", "state", "period", "export", "format"]
CRAFTED = ["", "ñññ", "[]", "9" * 25, "²", "0", "-1", "2026-02-30", "1e9", "//evil.example/", "' OR 1=1 --",
           "<script>alert(1)</script>", "9999-12-31", "0001-01-01", " ", "true", "null"]
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
VALUES = st.one_of(st.sampled_from(CRAFTED), TEXT, st.integers(-(10**25), 10**25).map(str))
FIELD_NAME = re.compile(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"')
SKIP_FIELDS = {"csrfmiddlewaretoken"}
EXAMPLES = 5


def _cases(app):
    for name, case in sorted(EXPECTATIONS.items()):
        if not name.startswith(f"{app}:"):
            continue
        persona = next((p for p, outcome in case.expect.items() if outcome == OK and p != "*"), None)
        if persona is None and case.expect.get("*") == OK:
            persona = "teacher"
        if persona is not None:
            yield name, case, persona


def _fuzz(client, url, fields):
    keys = sorted(set(fields) | set(FILTER_KEYS))

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(params=st.dictionaries(st.sampled_from(keys), VALUES, max_size=6), post=st.booleans())
    def run(params, post):
        response = client.post(url, params) if post else client.get(url, params)
        assert response.status_code < 500, f"{'POST' if post else 'GET'} {url} {params!r}: {response.status_code}"

    run()


@pytest.mark.django_db
@pytest.mark.parametrize("app", ["community", "portfolios", "courses"])
def test_no_generated_input_gives_a_server_error(app, request, client, persona):
    world = World(request)
    fuzzed = 0
    for name, case, who in _cases(app):
        try:
            with transaction.atomic():  # the builders of two URLs may make the same record
                url = reverse(name, kwargs=case.kwargs(world))
        except IntegrityError:
            continue
        person = persona(who)
        client.logout()
        if person is not None:
            client.force_login(person)
        page = client.get(url + (f"?{case.query}" if case.query else ""))
        if page.status_code != 200 or not page.get("Content-Type", "").startswith("text/html"):
            continue
        fields = [f for f in FIELD_NAME.findall(page.content.decode()) if f not in SKIP_FIELDS]
        _fuzz(client, url, fields)
        fuzzed += 1
    assert fuzzed >= 10, f"only {fuzzed} pages of {app} were fuzzed"
