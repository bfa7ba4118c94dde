"""The Wagtail group that hub staff belong to: admin access, page publishing, and uploads.

Migration community/0007 sets up the same collections and collection permissions; this
function keeps them right after a database flush (tests) and for the demo.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

HUB_EDITORS = "Hub editors"

# The hub's collections for images and documents, by the kind of page that uses them.
ARTICLES_COLLECTION = "Artikelen"
STUDY_DAYS_COLLECTION = "Studiedagen"
COURSES_COLLECTION = "Opleidingen"
HUB_COLLECTIONS = (ARTICLES_COLLECTION, STUDY_DAYS_COLLECTION, COURSES_COLLECTION)


def hub_collection(name: str) -> Collection:
    """The named hub collection (created under the root when missing)."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


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
    # Images and documents: add, change and choose in every collection (set on the root);
    # Wagtail lets whoever may add delete their own uploads.
    for name in HUB_COLLECTIONS:
        hub_collection(name)
    root_collection = Collection.get_first_root_node()
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in ("add", "change", "choose"):
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}"),
            )
    return group
