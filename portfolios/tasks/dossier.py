"""Reminder emails for the needs inventory, sent by the task worker (never in a request)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from community.models import Person

from ..models import DossierSettings, InventoryReminder, NeedsInventoryResponse, NeedsInventoryRound
from ..services.dossier import technical_teacher_memberships


def reminder_due(round: NeedsInventoryRound, on) -> bool:
    days_left = (round.deadline - on).days
    return round.opens_on <= on <= round.deadline and days_left in DossierSettings.load().reminder_day_numbers()


def announce_open_rounds(on) -> int:
    """Email every technical teacher once when a round opens (the daily job runs this first).

    The round is claimed (announced_at set) in one UPDATE before any email, so two workers
    never both announce it.
    """
    sent = 0
    for round in NeedsInventoryRound.objects.open_on(on).filter(announced_at__isnull=True):
        claimed = NeedsInventoryRound.objects.filter(pk=round.pk, announced_at__isnull=True).update(
            announced_at=timezone.now()
        )
        if not claimed:
            continue
        people = Person.objects.filter(pk__in=technical_teacher_memberships(on).values("person_id"), is_active=True)
        url = settings.SITE_URL + reverse("portfolios:inventory_round", kwargs={"round_id": round.pk})
        for person in people:
            with override(settings.LANGUAGE_CODE):
                subject = _("The needs inventory %(year)s is open") % {"year": round.school_year}
                body = _(
                    "Dear %(name)s,\n\nThe needs inventory %(year)s is open until %(deadline)s. It takes about "
                    "ten minutes: you say where you stand and what you want to learn, and it drafts your "
                    "development plan.\n\nFill it in: %(url)s\n\nTechniekHub"
                ) % {
                    "name": person.first_name or person.email,
                    "year": round.school_year,
                    "deadline": round.deadline.strftime("%d-%m-%Y"),
                    "url": url,
                }
            send_mail(subject, body, None, [person.email])
            sent += 1
    return sent


@task()
def send_inventory_reminders(on: str | None = None) -> int:
    """Email every technical teacher who has not submitted an open round due a reminder today.

    Idempotent per person per day: an InventoryReminder row is claimed before each email.
    """
    on = timezone.datetime.fromisoformat(on).date() if on else timezone.localdate()
    sent = announce_open_rounds(on)
    for round in NeedsInventoryRound.objects.open_on(on):
        if not reminder_due(round, on):
            continue
        if round.opens_on == on:
            continue  # the opening email went out today
        submitted = NeedsInventoryResponse.objects.filter(round=round, submitted_at__isnull=False).values("person_id")
        people = Person.objects.filter(
            pk__in=technical_teacher_memberships(on).values("person_id"), is_active=True
        ).exclude(pk__in=submitted)
        url = settings.SITE_URL + reverse("portfolios:inventory_round", kwargs={"round_id": round.pk})
        for person in people:
            try:
                with transaction.atomic():
                    InventoryReminder.objects.create(round=round, person=person, sent_on=on)
            except IntegrityError:
                continue  # already reminded today
            with override(settings.LANGUAGE_CODE):
                subject = _("Reminder: your needs inventory %(year)s") % {"year": round.school_year}
                body = _(
                    "Dear %(name)s,\n\nThe needs inventory %(year)s closes on %(deadline)s. It takes about "
                    "ten minutes and is the start of your development plan.\n\nFill it in: %(url)s\n\n"
                    "TechniekHub"
                ) % {
                    "name": person.first_name or person.email,
                    "year": round.school_year,
                    "deadline": round.deadline.strftime("%d-%m-%Y"),
                    "url": url,
                }
            send_mail(subject, body, None, [person.email])
            sent += 1
    return sent
