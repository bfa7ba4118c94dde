"""The programme digest: one email per person with every notice not mailed yet."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task


def mail_digest(person_id) -> int:
    from community.models import Person

    from ..models import ProgrammeNotice

    with transaction.atomic():
        notices = list(
            ProgrammeNotice.objects.select_for_update().filter(person_id=person_id, mailed_at__isnull=True).order_by("created_at", "pk")
        )
        if not notices:
            return 0
        ProgrammeNotice.objects.filter(pk__in=[n.pk for n in notices]).update(mailed_at=timezone.now())
    person = Person.objects.get(pk=person_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = ngettext(
            "TechniekHub: %(n)s update in your programme", "TechniekHub: %(n)s updates in your programme", len(notices)
        ) % {"n": len(notices)}
        lines = [_("Hello %(name)s,") % {"name": person.first_name or person.email}, "",
                 _("This needs your attention:"), ""]
        for n in notices:
            lines.append(f"- {n.get_kind_display()}: {n.text}")
            if n.url:
                lines.append(f"  {settings.SITE_URL}{n.url}")
        lines += ["", "TechniekHub"]
        send_mail(subject, "\n".join(lines), None, [person.email])
    return len(notices)


@task()
def send_programme_digest(person_id: int):
    return mail_digest(person_id)


def send_all_digests() -> int:
    from ..models import ProgrammeNotice

    people = set(ProgrammeNotice.objects.filter(mailed_at__isnull=True).values_list("person_id", flat=True))
    return sum(1 for pk in people if mail_digest(pk))
