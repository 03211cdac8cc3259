from django.db import migrations

# The languages of the first release, frozen here: languages added later get their locale from
# `manage.py sync_locales` (docs/i18n.md).
LANGUAGE_CODES = ["en", "zh-hant", "zh-hans", "ja", "ko", "id", "vi", "th"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_create_homepage"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
