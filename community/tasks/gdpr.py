"""Background work for AVG/GDPR requests: the confirmation email."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task


@task()
def send_erasure_received_email(request_id: int) -> bool:
    from ..models import ErasureRequest

    request = ErasureRequest.objects.select_related("person").filter(pk=request_id).first()
    if request is None or request.status != ErasureRequest.Status.OPEN:
        return False  # already handled: the address may be gone
    with translation.override(settings.LANGUAGE_CODE):
        context = {"request": request, "my_data_url": f"{settings.SITE_URL}{reverse('community:my_data')}"}
        subject = render_to_string("community/email/erasure_received_subject.txt", context).strip()
        body = render_to_string("community/email/erasure_received_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [request.person.email])
    return True
