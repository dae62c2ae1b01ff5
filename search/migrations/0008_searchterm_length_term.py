from django.db import migrations, models


def fill_vocabulary(apps, schema_editor):
    from search.terms import vocabulary_rebuild

    vocabulary_rebuild(schema_editor.connection)


class Migration(migrations.Migration):
    # The candidates of a correction come from a few lengths and one first letter: an index on
    # (length, term) serves them, and makes the index on length alone redundant. A site that
    # already has documents gets its vocabulary counted once here.

    dependencies = [
        ("search", "0007_embeddings_vocabulary_log"),
    ]

    operations = [
        migrations.AlterField(
            model_name="searchterm",
            name="length",
            field=models.PositiveSmallIntegerField(),
        ),
        migrations.AddIndex(
            model_name="searchterm",
            index=models.Index(fields=["length", "term"], name="search_term_length_term"),
        ),
        migrations.RunPython(fill_vocabulary, migrations.RunPython.noop, elidable=True),
    ]
