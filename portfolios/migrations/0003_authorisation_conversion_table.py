"""Ship the conversion table (portfolios/data/conversion-table.csv) as the initial set of rules.

Hub staff maintain the rows afterwards in the Wagtail admin; this runs once per installation.
"""

import csv
import re
import unicodedata
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "conversion-table.csv"
PARTS = {"metal": "metal", "installation": "installation", "electrical": "electrical"}


def normalise(name):
    # A frozen copy of portfolios.models.normalise_qualification (migrations must not import models).
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9]+", "", text)
    text = re.sub(r"c(?!h)", "k", text)
    return text


def part_of(condition):
    match = re.search(r"covers the (\w+) part", condition or "")
    return PARTS.get(match.group(1), "") if match else ""


def load_table(apps, schema_editor):
    Qualification = apps.get_model("portfolios", "Qualification")
    ConversionRule = apps.get_model("portfolios", "ConversionRule")
    VmboProfile = apps.get_model("community", "VmboProfile")
    profiles = {p.code: p for p in VmboProfile.objects.all()}
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = normalise(row["qualification"])
            qualification, _ = Qualification.objects.get_or_create(key=key, defaults={"name": row["qualification"]})
            part = part_of(row["condition"]) if row["outcome"] == "team" else ""
            ConversionRule.objects.get_or_create(
                qualification=qualification, profile=profiles[row["profile"]], part=part, active=True,
                defaults={"outcome": row["outcome"], "condition": row["condition"], "source": row["source"]},
            )


def unload_table(apps, schema_editor):
    apps.get_model("portfolios", "ConversionRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portfolios", "0002_authorisation_models"),
        ("community", "0003_profiles_and_home"),
    ]

    operations = [migrations.RunPython(load_table, unload_table)]
