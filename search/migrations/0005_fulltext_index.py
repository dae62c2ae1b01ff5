from django.db import migrations


def install(apps, schema_editor):
    from search import fts

    fts.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from search import fts

    fts.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    # The engine-specific full-text index (FTS5 on SQLite, tsvector on PostgreSQL), filled
    # from the documents that already exist.

    dependencies = [
        ("search", "0004_audience_fingerprint"),
    ]

    operations = [
        migrations.RunPython(install, uninstall, elidable=False),
    ]
