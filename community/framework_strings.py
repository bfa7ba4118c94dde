"""Django's own messages said the way this site speaks ("je", not "u").

Never called: it lists the framework's msgids so that `make messages` keeps their Dutch in
community's catalogue, which comes before Django's own in LOCALE_PATHS."""

from django.utils.translation import gettext_noop, ngettext


def _password_messages():  # pragma: no cover
    gettext_noop("Your password can’t be too similar to your other personal information.")
    ngettext(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        1,
    )
    gettext_noop("Your password can’t be a commonly used password.")
    gettext_noop("Your password can’t be entirely numeric.")
    gettext_noop("Your old password was entered incorrectly. Please enter it again.")
