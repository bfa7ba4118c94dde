"""Write operations on the dossier. Other apps call `record_evidence` (the public API)."""

from datetime import date as Date
from decimal import Decimal

from django.db import transaction

from ..models import EntryKind, PortfolioEntry


@transaction.atomic
def record_evidence(
    *,
    person,
    source_key: str,
    kind: str,
    title: str,
    date: Date,
    hours: Decimal | int | float = 0,
    text: str = "",
    source_url: str = "",
) -> PortfolioEntry:
    """Record evidence produced elsewhere (attendance, completion, a report) in a portfolio.

    Idempotent per (person, source_key): calling it again updates the same entry, so a
    re-marked attendance never doubles the hours.
    """
    if not source_key:
        raise ValueError("source_key is required so that evidence is recorded once.")
    if kind not in EntryKind.values:
        raise ValueError(f"Unknown evidence kind {kind!r}.")
    entry, _created = PortfolioEntry.objects.select_for_update().update_or_create(
        owner=person,
        source_key=source_key,
        defaults={
            "kind": kind,
            "title": title[:200],
            "date": date,
            "hours": Decimal(str(hours)),
            "text": text,
            "source_url": source_url,
        },
    )
    return entry


@transaction.atomic
def withdraw_evidence(*, person, source_key: str) -> None:
    """Remove recorded evidence again (e.g. attendance marked by mistake)."""
    PortfolioEntry.objects.filter(owner=person, source_key=source_key).delete()
