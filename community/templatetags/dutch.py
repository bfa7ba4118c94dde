"""`{% load dutch %}`: `{{ amount|money }}` → € 1.000,00; `{{ value|hours }}` → 12,5 uur; `|number`."""

from django import template

from community import formatting

register = template.Library()


@register.filter
def money(value):
    return formatting.money(value)


@register.filter
def hours(value):
    return formatting.hours(value)


@register.filter
def number(value):
    return formatting.number(value)


@register.simple_tag
def hours_of(done, target):
    return formatting.hours_of(done, target)


@register.filter
def ago(value):
    """“zojuist” under a minute, else “5 minuten geleden” (Django's timesince, Dutch plurals)."""
    from django.utils import timezone
    from django.utils.timesince import timesince
    from django.utils.translation import gettext as _

    if not value:
        return ""
    if (timezone.now() - value).total_seconds() < 60:
        return _("just now")
    return _("%(time)s ago") % {"time": timesince(value)}
