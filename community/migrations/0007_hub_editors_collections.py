"""Hub editors get Wagtail collections and collection permissions, so uploads and choosers work.

Self-contained (historical models only): collections Artikelen, Studiedagen and Opleidingen
under the root, and for the "Hub editors" group add/change/choose on images and documents in
every collection (set on the root, inherited below). Deleting is left to Wagtail's ownership
rule: whoever may add may delete their own uploads.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HUB_EDITORS = "Hub editors"
COLLECTIONS = ["Artikelen", "Opleidingen", "Studiedagen"]  # sorted: Wagtail orders collections by name
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's MP_Node path alphabet, step 4


def _path_step(number):
    out = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        out = ALPHABET[rest] + out
    return out.rjust(4, "0")


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; create the ones needed here now.
    for label in ("wagtailimages", "wagtaildocs", "community"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    for name in COLLECTIONS:
        if Collection.objects.filter(depth=2, path__startswith=root.path, name=name).exists():
            continue
        last = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
        number = int(last.path[-4:], 36) + 1 if last else 1
        Collection.objects.create(name=name, depth=2, path=root.path + _path_step(number), numchild=0)
        root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
        root.save(update_fields=["numchild"])

    group, _created = Group.objects.get_or_create(name=HUB_EDITORS)
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in ("add", "change", "choose"):
            permission = Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0006_gdpr_erasure_request"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
