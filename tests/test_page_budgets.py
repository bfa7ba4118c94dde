"""Issue 13: every main page the bench measures stays within 12 queries, and the count does
not grow with the data (1× and 8× here; the bench checks N=20,000 on PostgreSQL).

Dashboards are measured on a second visit: their panels are cached per person (the bench and
real use hit the cache); the first visit has its own guard (DASHBOARD_MAX_QUERIES).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.models import Role
from portfolios.models import PortfolioEntry
from tests.community.factories_forum import AnswerFactory, PostFactory
from tests.factories import MembershipFactory, OrganisationFactory
from tests.portfolios.factories_authorisation import hold

pytestmark = pytest.mark.django_db

BUDGET = 12


def _grow(scale, teacher, colleague, school):
    for n in range(scale):
        PortfolioEntry.objects.create(owner=teacher, title=f"Les {n}", text="Verslag.")
        post = PostFactory(author=colleague, tags=["lassen", f"extra{n}"])
        AnswerFactory(post=post, author=teacher)
        other = OrganisationFactory(name=f"School {n:02d}")
        MembershipFactory(organisation=other, profiles=["PIE", "BWI"])
        MembershipFactory(organisation=school, role=Role.TEACHER, profiles=["BWI"])


def _pages(teacher):
    entry = PortfolioEntry.objects.filter(owner=teacher).first()
    from community.models import Post

    question = Post.objects.order_by("-pk").first()
    return [
        ("teacher", reverse("dashboard")),
        ("hr", reverse("dashboard")),
        ("hub_staff", reverse("dashboard")),
        ("teacher", reverse("portfolios:portfolio")),
        ("teacher", reverse("portfolios:entry_detail", args=[entry.pk])),
        ("teacher", reverse("portfolios:authorisation_mine")),
        ("hr", reverse("portfolios:authorisation_matrix")),
        ("hub_staff", reverse("portfolios:authorisation_inventory")),
        ("teacher", reverse("community:forum_list")),
        ("teacher", reverse("community:forum_post", args=[question.pk])),
        ("teacher", reverse("community:forum_search") + "?q=werkplaats"),
    ]


def _counts(client, people, pages):
    counts = {}
    for role, path in pages:
        client.force_login(people[role])
        assert client.get(path).status_code == 200, path  # warm: sessions, cached panels and totals
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts[(role, path.split("?")[0] if "forum_post" not in path else "question")] = len(queries)
    return counts


def test_main_pages_stay_within_budget_and_do_not_grow(client, teacher, colleague, hr, hub_staff, school):
    people = {"teacher": teacher, "hr": hr, "hub_staff": hub_staff}
    hold(teacher, direct="PIE")
    _grow(1, teacher, colleague, school)
    small = _counts(client, people, _pages(teacher))
    _grow(7, teacher, colleague, school)
    large = _counts(client, people, _pages(teacher))
    over = {page: n for page, n in large.items() if n > BUDGET}
    assert not over, f"pages over {BUDGET} queries: {over}"
    grew = {page: (small[page], n) for page, n in large.items() if n > small.get(page, n)}
    assert not grew, f"query counts grew with the data: {grew}"
