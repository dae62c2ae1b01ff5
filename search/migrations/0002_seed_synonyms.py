"""The domain synonyms the Redaktion starts with; edited in the admin afterwards."""

from django.db import migrations

SEED = [
    ("Bürgergeld\nArbeitslosengeld II\nALG II\nHartz IV", "Grundsicherung für Arbeitsuchende, alte und neue Namen"),
    ("SGB II\nGrundsicherung", ""),
    ("U25\nJugendliche unter 25", ""),
    ("Arbeitsagentur\nAgentur für Arbeit", ""),
    ("JC\nJobcenter", ""),
]


def seed(apps, schema_editor):
    synonym_model = apps.get_model("search", "Synonym")
    for terms, note in SEED:
        synonym_model.objects.get_or_create(terms=terms, defaults={"note": note})


def unseed(apps, schema_editor):
    synonym_model = apps.get_model("search", "Synonym")
    synonym_model.objects.filter(terms__in=[terms for terms, _note in SEED]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
