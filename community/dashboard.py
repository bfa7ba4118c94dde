"""The dashboard is a list of panels that apps register from their AppConfig.ready().

`community` imports none of the other apps: each app calls `register_panel(...)` and the
dashboard view renders the panels that have something for the person looking.

Caching: a panel that declares `reads` (app labels such as "portfolios", or model labels such
as "community.Membership") is cached per person as rendered HTML. Its key holds a version per
label it reads; any save, delete or many-to-many change of a model under such a label (by
whichever branch or code path, via model signals) bumps that version, so the next dashboard
renders the panel afresh. A model whose rows only their owner's panels show
(`dashboard_owner_field`, e.g. portfolio entries) bumps its labels for that owner only, and each
key also holds the viewer's own versions: a million entries written across the country do not
renew everyone's panels. Keys also hold the day and language and expire after PANEL_TTL
(date-driven changes, e.g. a round that opens today). A panel without `reads` is not cached.
"""

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps as global_apps
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from django.template.loader import get_template
from django.utils import timezone, translation

PANEL_TTL = 300  # seconds
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Panel:
    key: str
    template_name: str
    # Returns the panel's context, or None when the panel has nothing for this person.
    get_context: Callable[[HttpRequest], dict[str, Any] | None]
    order: int = 100
    # What the panel reads (app or model labels); None: never cached.
    reads: tuple[str, ...] | None = None


_panels: dict[str, Panel] = {}
_watched: set[str] = set()


def register_panel(panel: Panel) -> None:
    _panels[panel.key] = panel
    _watched.update(panel.reads or ())


def panels_for(request: HttpRequest) -> list[tuple[Panel, dict[str, Any]]]:
    """Every panel with its context (uncached; the view uses `rendered_panels`)."""
    shown = []
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.key)):
        context = panel.get_context(request)
        if context is not None:
            shown.append((panel, context))
    return shown


def _version_key(label):
    return f"dashboard:v:{label}"


def watch(*labels: str) -> None:
    """Have writes to these app/model labels bump their versions (for caches outside panels)."""
    _watched.update(labels)


def versioned_key(prefix: str, labels, suffix: str) -> str:
    """A cache key that changes whenever a model under one of `labels` is written (see `watch`)."""
    versions = cache.get_many([_version_key(label) for label in labels])
    parts = ".".join(str(versions.get(_version_key(label), "0")) for label in labels)
    return f"{prefix}:{suffix}:{parts}"


def bump(*labels: str) -> None:
    """New versions for these labels: for writes that send no signals (bulk_create, raw SQL)."""
    _set_versions(sorted(labels))


def _own(label, person_id):
    """The label of one person's writes to an owned model (see `_bump`)."""
    return f"{label}@{person_id}"


def rendered_panels(request: HttpRequest) -> list[str]:
    """The HTML of every panel that has something for this person, from the cache where valid."""
    panels = sorted(_panels.values(), key=lambda p: (p.order, p.key))
    day, lang, person = timezone.localdate().isoformat(), translation.get_language(), request.user.pk
    labels = sorted({label for p in panels for label in (p.reads or ())})
    labels += [_own(label, person) for label in labels]  # the viewer's own writes to owned models
    versions = cache.get_many([_version_key(label) for label in labels])

    def key_of(panel):
        labels = [*panel.reads, *(_own(label, person) for label in panel.reads)]
        parts = ".".join(str(versions.get(_version_key(label), "0")) for label in labels)
        return f"dashboard:p:{panel.key}:{person}:{lang}:{day}:{parts}"

    keys = {p.key: key_of(p) for p in panels if p.reads is not None}
    cached = cache.get_many(list(keys.values())) if keys else {}
    html, fresh = [], {}
    for panel in panels:
        key = keys.get(panel.key)
        if key is not None and key in cached:
            if cached[key]:
                html.append(cached[key])
            continue
        context = panel.get_context(request)
        text = "" if context is None else get_template(panel.template_name).render(
            {"panel": context, "user": request.user, "request": request}
        )
        if key is not None:
            fresh[key] = text
        if text:
            html.append(text)
    if fresh:
        cache.set_many(fresh, PANEL_TTL)
    return html


def _labels_of(model):
    meta = model._meta
    return (meta.app_label, meta.label)


def _bump(sender, **kwargs):
    """A write to a model some panel reads: new version for its labels."""
    if sender is None or not _watched or kwargs.get("raw") or sender._meta.apps is not global_apps:
        return  # nothing to watch, fixture loading, or a migration's historical model
    if getattr(sender, "dashboard_ignore", False):
        return  # a log no panel reads (the security log): logging in must not empty the cache
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # logging in changes no panel
    labels = [label for label in _labels_of(sender) if label in _watched]
    if kwargs.get("signal") is m2m_changed:
        if not kwargs.get("action", "").startswith("post_"):
            return
        instance = kwargs.get("instance")
        labels += [label for label in _labels_of(type(instance)) if label in _watched]
        model = kwargs.get("model")
        if model is not None:
            labels += [label for label in _labels_of(model) if label in _watched]
    owner = _owner_of(sender, kwargs)
    if labels and owner is not None:
        # A write to one person's own rows (a portfolio entry): only that person's panels read it.
        labels = [_own(label, owner) for label in labels]
    if labels:
        labels = sorted(set(labels))
        _set_versions(labels)
        if transaction.get_connection().in_atomic_block:
            # Again after commit: a request that read the old data meanwhile may have cached it.
            transaction.on_commit(lambda: _set_versions(labels))


def _owner_of(sender, kwargs):
    """The person whose own rows were written, for models that declare `dashboard_owner_field`
    (rows no panel or cache shows to anyone else); None for every other write."""
    instance = kwargs.get("instance")
    if kwargs.get("signal") is m2m_changed:
        sender = type(instance)  # entry.goals.add(...): the entry's owner, if owned
    field = getattr(sender, "dashboard_owner_field", None)
    return getattr(instance, field, None) if field else None


def _set_versions(labels):
    token = uuid.uuid4().hex[:12]
    try:
        if isinstance(caches["default"], DatabaseCache):
            with transaction.atomic():  # a savepoint: a cache failure must not break the write
                cache.set_many({_version_key(label): token for label in labels}, None)
        else:
            cache.set_many({_version_key(label): token for label in labels}, None)
    except Exception:  # noqa: BLE001 (e.g. no cache table yet: panels expire after PANEL_TTL)
        logger.warning("Could not bump dashboard panel versions for %s", labels, exc_info=True)


post_save.connect(_bump, dispatch_uid="dashboard-panel-versions-save")
post_delete.connect(_bump, dispatch_uid="dashboard-panel-versions-delete")
m2m_changed.connect(_bump, dispatch_uid="dashboard-panel-versions-m2m")
