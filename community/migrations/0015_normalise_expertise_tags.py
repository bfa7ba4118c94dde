from django.db import migrations


def normalise(apps, schema_editor):
    """Free-text expertise becomes normalised tags: names with the same key (case, hyphens, spaces,
    accents, known misspellings) are merged into one tag whose slug is that key."""
    from community.expertise import display_name, tag_key

    Tag = apps.get_model("taggit", "Tag")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    ContentType = apps.get_model("contenttypes", "ContentType")
    person_type = ContentType.objects.filter(app_label="community", model="person").first()
    if person_type is None:
        return
    for item in TaggedItem.objects.filter(content_type=person_type).select_related("tag").order_by("pk"):
        key = tag_key(item.tag.name)
        if not key:
            item.delete()
            continue
        canonical = Tag.objects.filter(slug=key).first()
        if canonical is None:
            # The first tag with this key becomes the one (its slug the key, a misspelling fixed).
            tag = item.tag
            name = display_name(tag.name)
            if name != tag.name and Tag.objects.filter(name=name).exists():
                name = tag.name
            tag.name, tag.slug = name, key
            tag.save(update_fields=["name", "slug"])
            canonical = tag
        if canonical.pk == item.tag_id:
            continue
        if TaggedItem.objects.filter(content_type=person_type, object_id=item.object_id, tag=canonical).exists():
            item.delete()
        else:
            item.tag = canonical
            item.save(update_fields=["tag"])


class Migration(migrations.Migration):

    dependencies = [
        ("community", "0014_forum_moderation_notifications_and_review"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
