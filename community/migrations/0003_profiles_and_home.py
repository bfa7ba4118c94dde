"""Reference data every installation needs: the vmbo profiles and the site's home page."""

from django.db import migrations

PROFILES = [
    ("BWI", "Bouwen, Wonen en Interieur", True),
    ("PIE", "Produceren, Installeren en Energie", True),
    ("M&T", "Mobiliteit en Transport", True),
    ("MaT", "Maritiem en Techniek", True),
    ("MVI", "Media, Vormgeving en ICT", True),
    ("D&P", "Dienstverlening en Producten", True),
    ("TI", "Techniek intersectoraal", False),
]


def create_profiles(apps, schema_editor):
    VmboProfile = apps.get_model("community", "VmboProfile")
    for order, (code, name, in_inventory) in enumerate(PROFILES):
        VmboProfile.objects.update_or_create(
            code=code, defaults={"name": name, "sort_order": order, "in_inventory": in_inventory}
        )


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("community.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    # Wagtail's own migration creates a placeholder "Welcome" page at /; replace it.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="community")
    locale = Locale.objects.first()
    root = Page.objects.get(depth=1)
    # The next free child slot under the root, in treebeard's base-36 steps of four characters.
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    last_child = Page.objects.filter(depth=2).order_by("-path").first()
    n = int(last_child.path[4:8], 36) + 1 if last_child else 1
    step = ""
    while n:
        n, r = divmod(n, 36)
        step = alphabet[r] + step
    path = root.path + step.rjust(4, "0")
    home = HomePage.objects.create(
        title="TechniekHub",
        draft_title="TechniekHub",
        slug="home",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        intro="<p>Het platform voor techniekdocenten, hybride docenten en scholen.</p>",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.pk, "site_name": "TechniekHub"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_pages"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_profiles, migrations.RunPython.noop),
        migrations.RunPython(create_homepage, migrations.RunPython.noop),
    ]
