"""The dossier's periodic jobs (registered from PortfoliosConfig.ready)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.scheduling import DAILY, register_job


def _inventory_reminders(now):
    from .tasks.dossier import send_inventory_reminders

    on = timezone.localtime(now).date().isoformat()
    return f"task {send_inventory_reminders.enqueue(on=on).id}"


def register():
    register_job("inventory_reminders", label=_("Needs-inventory reminders"), every=DAILY, run=_inventory_reminders, at_hour=8)
