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
