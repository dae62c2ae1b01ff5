from django.db import migrations

from practices.reference import load_reference_data


def load(apps, schema_editor):
    load_reference_data(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("practices", "0002_library")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
