"""Money and hours written the Dutch way, in every language: € 1.000,00 · 24 uur · 12,5 uur.

The one helper for templates (`{% load dutch %}`: `|money`, `|hours`), PDFs, emails and exports.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

NBSP = "\u00a0"


def _group(digits: str) -> str:
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return ".".join(out)


def _number(value, places: int) -> tuple[bool, str, str]:
    amount = Decimal(str(value or 0)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    negative = amount < 0
    whole, _sep, fraction = f"{abs(amount):.{places}f}".partition(".")
    return negative, _group(whole), fraction


def money(value) -> str:
    """€ 1.000,00 (a non-breaking space keeps the sign with the amount)."""
    negative, whole, fraction = _number(value, 2)
    return f"{'-' if negative else ''}€{NBSP}{whole},{fraction}"


def number(value, max_places: int = 1) -> str:
    """12,5 · 24 · 1.200 — up to `max_places` decimals, trailing zeros dropped."""
    negative, whole, fraction = _number(value, max_places)
    fraction = fraction.rstrip("0")
    return f"{'-' if negative else ''}{whole}{',' + fraction if fraction else ''}"


def hours(value) -> str:
    """24 uur · 12,5 uur · 1 uur (translated: '24 hours' in English)."""
    amount = Decimal(str(value or 0))
    text = number(amount)
    return ngettext("%(hours)s hour", "%(hours)s hours", 1 if amount == 1 else 2) % {"hours": text}


def hours_of(done, target) -> str:
    """'12,5 van 80 uur'."""
    return _("%(done)s of %(target)s hours") % {"done": number(done), "target": number(target)}
