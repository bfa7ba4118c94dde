"""The Wagtail group that hub staff belong to: admin access and page publishing."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

HUB_EDITORS = "Hub editors"


def ensure_hub_editors_group() -> Group:
    group, _ = Group.objects.get_or_create(name=HUB_EDITORS)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["wagtailadmin", "wagtailimages", "wagtaildocs", "wagtailsnippets"],
        ).exclude(codename__startswith="delete_")
        | Permission.objects.filter(codename="access_admin")
    )
    # Hub staff manage organisations, teams, people and memberships in the admin (viewsets).
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="community",
            content_type__model__in=["organisation", "team", "person", "membership"],
        ).exclude(content_type__model="person", codename="delete_person")
    )
    root = Page.objects.filter(depth=1).first()
    for codename in ("add_page", "change_page", "publish_page", "delete_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore")
        )
    return group
