"""Everyday words beside the terms the documents use, for the synonyms the Redaktion starts
with: staff search as they speak ("Azubis", "Knast", "obdachlos"), practices are written in
the terms of the trade. A synonym matches a query word only in the form listed, so the usual
forms of a word are listed. Edited in the admin afterwards; a group the Redaktion already has
is left as it is."""

from django.db import migrations

SEED = [
    (
        "Azubi\nAzubis\nAuszubildende\nAuszubildender\nAuszubildenden",
        "Umgangssprache und Fachbegriff",
    ),
    (
        "Geflüchtete\nGeflüchteten\nGeflüchteter\nFlüchtling\nFlüchtlinge\nFlüchtlingen\n"
        "Schutzsuchende\nSchutzsuchenden",
        "",
    ),
    (
        "wohnungslos\nwohnungslose\nwohnungslosen\nwohnungsloser\nWohnungslosigkeit\n"
        "obdachlos\nobdachlose\nobdachlosen\nobdachloser\nObdachlosigkeit",
        "",
    ),
    ("Knast\nGefängnis\nHaftanstalt\nJVA\nJustizvollzugsanstalt\nStrafvollzug", "Umgangssprache"),
    ("Führerschein\nFahrerlaubnis", ""),
    ("Kita\nKitas\nKindertagesstätte\nKindertagesstätten\nKindergarten", ""),
    ("Lohnzuschuss\nLohnkostenzuschuss\nEingliederungszuschuss", ""),
    (
        "Langzeitarbeitslose\nLangzeitarbeitslosen\nLangzeitarbeitsloser\n"
        "Langzeitleistungsbeziehende\nLangzeitleistungsbeziehenden",
        "",
    ),
    ("kiffen\nkifft\nKiffer\nCannabis", "Umgangssprache"),
]


def seed(apps, schema_editor):
    synonym_model = apps.get_model("search", "Synonym")
    for terms, note in SEED:
        synonym_model.objects.get_or_create(terms=terms, defaults={"note": note})


def unseed(apps, schema_editor):
    synonym_model = apps.get_model("search", "Synonym")
    synonym_model.objects.filter(terms__in=[terms for terms, _note in SEED]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0010_searchlogentry_word_results")]

    operations = [migrations.RunPython(seed, unseed)]
