from django.db import migrations

from offers.reference import load_reference_data


def load(apps, schema_editor):
    load_reference_data(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("offers", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
