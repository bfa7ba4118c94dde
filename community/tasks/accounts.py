"""Account emails (password reset, two-step changes, ...): rendered by the request, sent here."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_account_email(*, subject: str, body: str, html: str, to: list[str]) -> bool:
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
    return True
