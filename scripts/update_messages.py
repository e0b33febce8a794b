"""Fill the Vietnamese catalogue from the translators' compendium files, then report gaps.

``make messages`` runs ``makemessages`` (which adds new msgids, empty), then this script,
which copies translations from ``locale/compendium/*.po`` into entries that are still empty,
drops fuzzy flags on entries it filled, compiles the .mo files and prints what is still missing.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"
# msgids are English, so the English catalogue stays empty; it exists for completeness.
ENGLISH = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


def main():
    known = {}
    for path in sorted((ROOT / "locale" / "compendium").glob("*.po")):
        for entry in polib.pofile(str(path)):
            if entry.msgstr or any(entry.msgstr_plural.values()):
                known[key(entry)] = entry
    catalogue = polib.pofile(str(CATALOGUE))
    catalogue.metadata["Language"] = "vi"
    catalogue.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    missing = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        source = known.get(key(entry))
        if source is not None and ("fuzzy" in entry.flags or not entry.translated()):
            entry.msgstr = source.msgstr
            if entry.msgid_plural:
                entry.msgstr_plural = {0: source.msgstr_plural.get(0) or source.msgstr}
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        if not entry.translated():
            missing.append(entry.msgid)
    catalogue.save()
    catalogue.save_as_mofile(str(CATALOGUE.with_suffix(".mo")))
    english = polib.pofile(str(ENGLISH))
    english.save_as_mofile(str(ENGLISH.with_suffix(".mo")))
    for msgid in missing:
        print(f"untranslated: {msgid!r}", file=sys.stderr)
    print(f"{len(catalogue.translated_entries())} translated, {len(missing)} missing")


if __name__ == "__main__":
    main()
