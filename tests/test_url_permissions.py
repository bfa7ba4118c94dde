"""Walks every URL the project's apps define and checks each persona's outcome.

A URL without an entry in some tests/<app>/url_expectations.py fails the walk, so a new
view cannot ship without saying who may open it.
"""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, get_resolver, reverse

import tests
from tests.conftest import PERSONAS
from tests.urlwalk import LOGIN

OUR_APPS = ("community", "portfolios", "courses")


def _our_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    names = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLPattern):
            module = getattr(entry.callback, "__module__", "") or ""
            view_class = getattr(entry.callback, "view_class", None)
            if view_class is not None:
                module = view_class.__module__
            if entry.name and module.split(".")[0] in OUR_APPS:
                names.append(f"{namespace}{entry.name}")
        else:
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names.extend(_our_url_names(entry, ns))
    return sorted(set(names))


def _all_expectations():
    merged = {}
    for info in pkgutil.iter_modules(tests.__path__):
        if not info.ispkg:
            continue
        try:
            module = importlib.import_module(f"tests.{info.name}.url_expectations")
        except ModuleNotFoundError:
            continue
        merged.update(module.EXPECTATIONS)
    return merged


EXPECTATIONS = _all_expectations()


def test_every_url_has_expectations():
    missing = [name for name in _our_url_names() if name not in EXPECTATIONS]
    assert not missing, f"URLs without permission expectations: {missing}"


class World:
    """Lazy access to the persona fixtures for building URL kwargs."""

    def __init__(self, request):
        self._request = request

    def __getattr__(self, name):
        return self._request.getfixturevalue(name)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(EXPECTATIONS))
def test_each_persona_gets_what_it_should(url_name, request, client, persona):
    case = EXPECTATIONS[url_name]
    world = World(request)
    url = reverse(url_name, kwargs=case.kwargs(world)) + (f"?{case.query}" if case.query else "")
    login_url = reverse("account_login")
    wrong = []
    for name in PERSONAS:
        expected = case.expected_for(name)
        assert expected is not None, f"{url_name}: no expectation for {name}"
        person = persona(name)
        client.logout()
        if person is not None:
            client.force_login(person)
        response = client.get(url)
        if expected == LOGIN:
            ok = response.status_code == 302 and response["Location"].startswith(login_url)
        else:
            ok = response.status_code == expected
        if not ok:
            wrong.append(f"{name}: expected {expected}, got {response.status_code}")
    assert not wrong, f"{url_name} ({url}): " + "; ".join(wrong)
