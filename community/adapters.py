"""allauth hooks: no open sign-up; account emails in our words, with SITE_URL links, sent by
the task worker."""

from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation


def on_site_url(url: str) -> str:
    """The same path on SITE_URL: links in emails never carry the host a request came in on."""
    if not isinstance(url, str) or "://" not in url:
        return url
    site = urlsplit(settings.SITE_URL)
    bits = urlsplit(url)
    return urlunsplit((site.scheme, site.netloc, bits.path, bits.query, bits.fragment))


class AccountAdapter(DefaultAccountAdapter):
    """No open sign-up: people join through an invitation (see community.views.invitations)."""

    def is_open_for_signup(self, request):
        return False

    def format_email_subject(self, subject):
        return f"TechniekHub: {subject}"

    def get_reset_password_from_key_url(self, key):
        return on_site_url(super().get_reset_password_from_key_url(key))

    def get_email_confirmation_url(self, request, emailconfirmation):
        return on_site_url(super().get_email_confirmation_url(request, emailconfirmation))

    def send_mail(self, template_prefix, email, context):
        """Render now (in Dutch, with SITE_URL links), send from the task worker."""
        from django.db import transaction

        from .tasks.accounts import send_account_email

        site = urlsplit(settings.SITE_URL)
        ctx = {
            "email": email,
            "current_site": SimpleNamespace(name="TechniekHub", domain=site.netloc),
            "site_url": settings.SITE_URL,
            **{key: on_site_url(value) for key, value in context.items()},
        }
        with translation.override(settings.LANGUAGE_CODE):
            message = self.render_mail(template_prefix, email, ctx)
        html = next((body for body, kind in getattr(message, "alternatives", []) if kind == "text/html"), "")
        transaction.on_commit(
            lambda: send_account_email.enqueue(
                subject=message.subject, body=message.body, html=html, to=list(message.to)
            )
        )
