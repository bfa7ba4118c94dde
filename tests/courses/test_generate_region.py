"""`manage.py generate_region` (issue 13): a small region on top of the demo, made with bulk
inserts that skip save() and signals, still reads like one written through the product."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from community.demo import DEMO_PASSWORD
from community.models import Answer, Post
from portfolios.models import StoredStatus
from portfolios.reports.authorisation import StatusData

pytestmark = pytest.mark.django_db


def test_a_generated_region_reads_like_one_written_through_the_product(client):
    """One test (the command takes a while even at 40 teachers): output, search, statuses, logins."""
    out = StringIO()
    call_command("generate_region", teachers=40, seed=7, stdout=out)
    report = out.getvalue()
    assert "40 teachers" in report and "stored authorisation statuses" in report and "Done in" in report
    with pytest.raises(CommandError):
        call_command("generate_region", teachers=40, seed=7, stdout=StringIO())

    # Bulk inserts skip save(): the Dutch search columns are filled all the same.
    generated = Post.objects.filter(author__email__endswith="@region.example.org")
    assert generated.exists() and not generated.filter(search_text="").exists()
    assert not Answer.objects.filter(author__email__endswith="@region.example.org", search_text="").exists()
    assert client.login(email="docent@example.org", password=DEMO_PASSWORD)  # demo logins keep working
    hits = client.get(reverse("community:forum_search"), {"q": "vmbo-leerlingen"}).context["page_obj"].paginator.count
    assert hits >= min(60, generated.count())

    # ... and signals: the stored statuses are rebuilt, equal to the derived ones.
    data = StatusData.load(on=timezone.localdate())
    derived = {
        (school, person, profile): data.status(school, person, profile)
        for (school, person), profiles in data.teaching.items() for profile in profiles
    }
    stored = {(s.school_id, s.person_id, s.profile_id): s.status for s in StoredStatus.objects.all()}
    assert stored == derived and len(stored) > 40
