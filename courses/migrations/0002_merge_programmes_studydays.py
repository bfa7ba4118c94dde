from django.db import migrations


class Migration(migrations.Migration):
    """Joins the two features' first migrations, written in parallel."""

    dependencies = [
        ("courses", "0001_programmes_models"),
        ("courses", "0001_studydays_internships"),
    ]

    operations = []
