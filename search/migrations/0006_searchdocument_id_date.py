from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_fulltext_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["id", "date"], name="search_doc_id_date"),
        ),
    ]
