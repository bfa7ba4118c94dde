"""The URL permission walk: every URL the project defines has an expected outcome per persona.

Each app's tests declare theirs in `tests/<app>/url_expectations.py`:

    EXPECTATIONS = {
        "dashboard": Case(expect={"anonymous": LOGIN, "*": OK}),
        "portfolios:entry_detail": Case(
            kwargs=lambda w: {"pk": EntryFactory(owner=w.teacher).pk},
            expect={"anonymous": LOGIN, "teacher": OK, "*": NOT_FOUND},
        ),
    }

`w` gives the personas (w.teacher, w.hr, w.school, ...). "*" is every persona not named.
Persona names: see tests.conftest.PERSONAS.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

OK = 200
LOGIN = "login"  # redirect to the login page
REDIRECT = 302  # any other redirect
FORBIDDEN = 403
NOT_FOUND = 404
NOT_ALLOWED = 405


@dataclass
class Case:
    expect: dict[str, Any]
    kwargs: Callable[[Any], dict] = field(default=lambda w: {})
    query: str = ""

    def expected_for(self, persona: str):
        return self.expect.get(persona, self.expect.get("*"))
