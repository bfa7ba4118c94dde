"""Two-step login (allauth.mfa): who must use it, and whether they have set it up."""

from .models import Role

# Kinds of authenticator that are a second factor (recovery codes alone are not).
SECOND_FACTORS = ("totp", "webauthn")
# Noted in the session at login and when a factor is added or removed (community.security_log).
SESSION_HAS_TWO_STEP = "two_step_set_up"


def has_cms_access(user) -> bool:
    return user.has_perm("wagtailadmin.access_admin")


def must_use_two_step(user) -> bool:
    """HR sees a whole school's records and hub staff run the CMS: a password is not enough."""
    if not user.is_authenticated:
        return False
    return user.has_role(Role.HR, Role.HUB_STAFF) or has_cms_access(user)


def has_two_step(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user_id=user.pk, type__in=SECOND_FACTORS).exists()


def activate_totp(user, secret: str) -> None:
    """Give a person a TOTP authenticator with a known secret, plus recovery codes (demo, tests)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    if not Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
