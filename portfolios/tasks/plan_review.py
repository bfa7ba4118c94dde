"""Emails about a plan's step (submitted, sent back, agreed), sent by the task worker."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task


@task()
def send_plan_notice_email(notice_id: int) -> bool:
    from ..models import PlanNotice

    notice = PlanNotice.objects.select_related("recipient", "plan__person", "actor").filter(pk=notice_id).first()
    if notice is None or not notice.recipient.is_active or not notice.recipient.email:
        return False
    comment = ""
    if notice.kind == PlanNotice.Kind.SENT_BACK:
        event = notice.plan.events.filter(to_status="changes_requested").order_by("-at", "-pk").first()
        comment = event.comment if event else ""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "notice": notice,
            "plan": notice.plan,
            "teacher": notice.plan.person.get_full_name() or notice.plan.person.email,
            "actor": notice.actor.get_full_name() if notice.actor else "",
            "name": notice.recipient.first_name or notice.recipient.email,
            "comment": comment,
            "url": settings.SITE_URL + reverse("portfolios:plan_detail", kwargs={"pk": notice.plan_id}),
        }
        subject = render_to_string("portfolios/email/plan_notice_subject.txt", context).strip()
        body = render_to_string("portfolios/email/plan_notice_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [notice.recipient.email])
    return True
