"""Private files leave storage when their record does: replaced or removed files are deleted
once the transaction commits (a rolled-back change keeps its file)."""

from django.db import transaction
from django.db.models.signals import post_delete, pre_save

_FIELDS: dict[type, tuple[str, ...]] = {}


def _delete_after_commit(storage, name):
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def _before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    fields = [f for f in _FIELDS.get(sender, ()) if update_fields is None or f in update_fields]
    if not fields:
        return  # e.g. a login saving last_login: no query
    old = sender._default_manager.filter(pk=instance.pk).values(*fields).first()
    if old is None:
        return
    for field_name in fields:
        before, now = old[field_name], getattr(instance, field_name)
        if before and before != (now.name if now else ""):
            _delete_after_commit(getattr(instance, field_name).storage, before)


def _after_delete(sender, instance, **kwargs):
    for field_name in _FIELDS.get(sender, ()):
        field_file = getattr(instance, field_name)
        if field_file:
            _delete_after_commit(field_file.storage, field_file.name)


def register(model, *field_names):
    _FIELDS[model] = field_names
    pre_save.connect(_before_save, sender=model, dispatch_uid=f"file_cleanup_save_{model._meta.label}")
    post_delete.connect(_after_delete, sender=model, dispatch_uid=f"file_cleanup_delete_{model._meta.label}")
