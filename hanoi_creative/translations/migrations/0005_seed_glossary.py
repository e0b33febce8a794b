"""Seed the glossary from the project's glossary (the programme's terms) and the names the site
never translates. Terms already there are left as they are."""

from django.db import migrations


def seed(apps, schema_editor):
    from hanoi_creative.translations.glossary import SEED_NAMES, seed_pairs

    GlossaryTerm = apps.get_model("translations", "GlossaryTerm")
    for source, target in seed_pairs():
        GlossaryTerm.objects.get_or_create(source=source, target=target)
    for name in SEED_NAMES:
        GlossaryTerm.objects.get_or_create(source=name, target="", defaults={"do_not_translate": True})


class Migration(migrations.Migration):
    dependencies = [("translations", "0004_memory_glossary")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
