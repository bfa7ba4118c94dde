"""Signal handlers that write the security log and keep the two-step note in the session."""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_save

from .two_step import SESSION_HAS_TWO_STEP


def record(person, kind, request=None, detail=""):
    from .models import SecurityEvent

    ip, agent = None, ""
    if request is not None:
        from allauth.account.adapter import get_adapter

        try:
            ip = get_adapter(request).get_client_ip(request)
        except Exception:  # noqa: BLE001  (a misconfigured proxy count must not stop a login)
            ip = None
        agent = request.META.get("HTTP_USER_AGENT", "")[:200]
    SecurityEvent.objects.create(person=person, kind=kind, ip=ip, user_agent=agent, detail=detail[:200])


def _note_two_step(request, user):
    session = getattr(request, "session", None)
    if session is not None:
        from .two_step import has_two_step

        session[SESSION_HAS_TWO_STEP] = has_two_step(user)


def on_logged_in(sender, request, user, **kwargs):
    from .models import SecurityEventKind

    _note_two_step(request, user)
    if getattr(request, "path", None):  # a real request, not a test's force_login
        record(user, SecurityEventKind.LOGIN, request)


def on_login_failed(sender, credentials, request=None, **kwargs):
    from .models import Person, SecurityEventKind

    email = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not isinstance(email, str) or not email:
        return
    person = Person.objects.filter(email__iexact=email).first()
    if person is not None:
        record(person, SecurityEventKind.LOGIN_FAILED, request)


def on_two_step_changed(sender, request, user, authenticator=None, **kwargs):
    from .models import SecurityEventKind

    signal = kwargs.get("signal")
    kind = {
        "authenticator_added": SecurityEventKind.TWO_STEP_ADDED,
        "authenticator_removed": SecurityEventKind.TWO_STEP_REMOVED,
        "authenticator_reset": SecurityEventKind.RECOVERY_CODES,
    }[_signal_names[signal]]
    detail = authenticator.get_type_display() if authenticator is not None else ""
    _note_two_step(request, user)
    record(user, kind, request, str(detail))


def on_two_step_failed(sender, request, user=None, **kwargs):
    from .models import SecurityEventKind

    if user is not None and getattr(user, "pk", None):
        record(user, SecurityEventKind.TWO_STEP_FAILED, request)


def on_password_changed(sender, request, user, **kwargs):
    from .models import SecurityEventKind

    record(user, SecurityEventKind.PASSWORD_CHANGED, request)


def on_password_reset(sender, request, user, **kwargs):
    from .models import SecurityEventKind

    record(user, SecurityEventKind.PASSWORD_RESET, request)


def on_membership_saved(sender, instance, created, raw=False, **kwargs):
    from .models import SecurityEventKind

    if raw:
        return
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    detail = f"{instance.get_role_display()} — {instance.organisation.name}"
    if instance.end_date:
        detail += " " + _("(until %(date)s)") % {"date": date_format(instance.end_date, "SHORT_DATE_FORMAT")}
    record(instance.person, SecurityEventKind.ROLE_CHANGED, None, detail)


_signal_names = {}


def connect():
    from allauth.account import signals as account_signals
    from allauth.mfa import signals as mfa_signals

    from .models import Membership

    user_logged_in.connect(on_logged_in, dispatch_uid="security_log_login")
    user_login_failed.connect(on_login_failed, dispatch_uid="security_log_login_failed")
    for name in ("authenticator_added", "authenticator_removed", "authenticator_reset"):
        signal = getattr(mfa_signals, name)
        _signal_names[signal] = name
        signal.connect(on_two_step_changed, dispatch_uid=f"security_log_{name}")
    mfa_signals.authentication_failed.connect(on_two_step_failed, dispatch_uid="security_log_two_step_failed")
    account_signals.password_changed.connect(on_password_changed, dispatch_uid="security_log_password_changed")
    account_signals.password_reset.connect(on_password_reset, dispatch_uid="security_log_password_reset")
    post_save.connect(on_membership_saved, sender=Membership, dispatch_uid="security_log_membership")
