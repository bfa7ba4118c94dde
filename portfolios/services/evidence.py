"""Write operations on the dossier. Other apps call `record_evidence` (the public API)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from community.sanitise import clean_html

from ..models import ActivityForm, Attachment, EntryKind, PlannedActivity, PortfolioEntry


@dataclass(frozen=True)
class EvidenceFile:
    """A document the platform made for the person (e.g. a course certificate as PDF)."""

    name: str
    content: bytes
    content_type: str = "application/pdf"


# Which planned activity a kind of recorded evidence finishes.
ACTIVITY_FOR_KIND = {
    EntryKind.COURSE_COMPLETION: ActivityForm.COURSE,
    EntryKind.STUDY_DAY_ATTENDANCE: ActivityForm.STUDY_DAY,
    EntryKind.INTERNSHIP_REPORT: ActivityForm.INTERNSHIP,
}


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
    files: Sequence[EvidenceFile] = (),
) -> PortfolioEntry:
    """Record evidence produced elsewhere (attendance, completion, a report) in a portfolio.

    Idempotent per (person, source_key): calling it again updates the same entry, so a
    re-marked attendance never doubles the hours. `files` (documents the platform made, such
    as a certificate) are attached to the entry, replacing earlier generated ones: sharing
    the entry shares them. The entry finishes the matching planned activity of that school
    year's plan when there is exactly one open candidate, so its hours count once.
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
            "text": clean_html(text),
            "source_url": source_url,
        },
    )
    if files:
        _replace_generated_files(entry, files)
    link_to_activity(entry)
    return entry


def _replace_generated_files(entry: PortfolioEntry, files: Sequence[EvidenceFile]) -> None:
    from .sharing import attachment_delete

    for old in entry.attachments.filter(generated=True):
        attachment_delete(old)
    for made in files:
        attachment = Attachment(
            entry=entry, kind=Attachment.Kind.DOCUMENT, name=made.name[:120], content_type=made.content_type,
            size=len(made.content), generated=True,
        )
        attachment.file.save(made.name, ContentFile(made.content), save=False)
        attachment.save()


def link_to_activity(entry: PortfolioEntry) -> PlannedActivity | None:
    """Finish the one open planned activity this evidence stands for (never guess between two)."""
    form = ACTIVITY_FOR_KIND.get(entry.kind)
    if form is None or PlannedActivity.objects.filter(evidence=entry).exists():
        return None
    from .dossier import school_year_of

    open_ones = PlannedActivity.objects.filter(
        goal__plan__person=entry.owner, goal__plan__school_year=school_year_of(entry.date),
        form=form, evidence__isnull=True,
    )
    # Already ticked off by hand first (its planned hours would count twice), else still open.
    activity = None
    for candidates in (open_ones.filter(completed=True), open_ones.filter(completed=False)):
        found = list(candidates[:2])
        if len(found) == 1:
            activity = found[0]
            break
        if found:
            return None
    if activity is None:
        return None
    activity.evidence = entry
    activity.completed = True
    activity.save(update_fields=["evidence", "completed"])
    entry.goals.add(activity.goal_id)
    return activity


@transaction.atomic
def withdraw_evidence(*, person, source_key: str) -> None:
    """Remove recorded evidence again (e.g. attendance marked by mistake)."""
    PortfolioEntry.objects.filter(owner=person, source_key=source_key).delete()
