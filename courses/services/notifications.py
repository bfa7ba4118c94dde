"""Programme events that need action (feedback given, assessment released, session changed)
become notices; the worker mails each person ONE digest of what piled up, never a mail per click.

The first unmailed notice of a person schedules their digest DIGEST_DELAY later (on a backend
that can defer; the immediate backend in tests sends at once); later notices join that digest.
`manage.py send_programme_digests` mails whatever is left (for the periodic scheduler).
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..models import ProgrammeNotice

DIGEST_DELAY = timedelta(minutes=15)


def _schedule_digest(person_id):
    from ..tasks.notifications import send_programme_digest

    task = send_programme_digest
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + DIGEST_DELAY)
    task.enqueue(person_id=person_id)


@transaction.atomic
def programme_notify(*, people, kind, text, url="") -> int:
    """One notice per person; schedule a digest only for people without one pending."""
    people = list({p.pk: p for p in people if p is not None}.values())
    if not people:
        return 0
    pending = set(
        ProgrammeNotice.objects.filter(person__in=people, mailed_at__isnull=True).values_list("person_id", flat=True)
    )
    ProgrammeNotice.objects.bulk_create([ProgrammeNotice(person=p, kind=kind, text=text[:300], url=url) for p in people])
    for person in people:
        if person.pk not in pending:
            transaction.on_commit(lambda pk=person.pk: _schedule_digest(pk), robust=True)
    return len(people)
