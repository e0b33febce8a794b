"""The interface-string guard: every msgid translated into Vietnamese, nothing fuzzy, and the
compiled catalogue matching its source (compared with polib; the test never compiles).

The source strings are extracted again (``makemessages`` in a temporary copy of the project), so
a msgid added to the code without running ``make messages`` fails here too."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"
VI_PO = LOCALE / "vi" / "LC_MESSAGES" / "django.po"
VI_MO = LOCALE / "vi" / "LC_MESSAGES" / "django.mo"


def live_entries(catalogue):
    return [entry for entry in catalogue if not entry.obsolete]


def translations(catalogue, only_translated=True):
    """{(context, msgid): msgstr or tuple of plural forms}, as gettext would look them up."""
    table = {}
    for entry in live_entries(catalogue):
        if not entry.msgid:
            continue  # the header
        if only_translated and (not entry.translated() or "fuzzy" in entry.flags):
            continue
        value = (
            tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
            if entry.msgid_plural
            else entry.msgstr
        )
        table[(entry.msgctxt or "", entry.msgid)] = value
    return table


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(VI_PO))


def test_vietnamese_catalogue_exists():
    assert VI_PO.exists() and VI_MO.exists()


def test_every_msgid_has_a_vietnamese_translation(catalogue):
    missing = [entry.msgid for entry in live_entries(catalogue) if entry.msgid and not entry.translated()]
    assert missing == []


def test_no_translation_is_fuzzy(catalogue):
    fuzzy = [entry.msgid for entry in live_entries(catalogue) if entry.msgid and "fuzzy" in entry.flags]
    assert fuzzy == []


def test_compiled_catalogue_matches_the_po_file(catalogue):
    compiled = polib.mofile(str(VI_MO))
    assert translations(compiled, only_translated=False) == translations(catalogue)


# The guard itself must catch what it is there for: run it on catalogues built to fail.
def _write(tmp_path, entries, compiled=None):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "vi"}
    for entry in entries:
        po.append(entry)
    po_path, mo_path = tmp_path / "django.po", tmp_path / "django.mo"
    po.save(str(po_path))
    (compiled or po).save_as_mofile(str(mo_path))
    return polib.pofile(str(po_path)), polib.mofile(str(mo_path))


def test_guard_detects_an_untranslated_msgid(tmp_path):
    po, _mo = _write(tmp_path, [polib.POEntry(msgid="Search", msgstr="")])
    assert [e.msgid for e in live_entries(po) if e.msgid and not e.translated()] == ["Search"]


def test_guard_detects_a_fuzzy_translation(tmp_path):
    po, _mo = _write(tmp_path, [polib.POEntry(msgid="Search", msgstr="Tìm", flags=["fuzzy"])])
    assert [e.msgid for e in live_entries(po) if "fuzzy" in e.flags] == ["Search"]


def test_guard_detects_a_stale_compiled_catalogue(tmp_path):
    old = polib.POFile()
    old.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    old.append(polib.POEntry(msgid="Search", msgstr="Tìm"))
    po, mo = _write(tmp_path, [polib.POEntry(msgid="Search", msgstr="Tìm kiếm")], compiled=old)
    assert translations(mo, only_translated=False) != translations(po)


# The committed catalogue is only as good as its extraction: extract again, in a copy.
ROOT = LOCALE.parent
NOT_SOURCES = shutil.ignore_patterns(
    ".venv", ".git", "var", "media", "staticfiles", "node_modules", "__pycache__", ".pytest_cache"
)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The Vietnamese catalogue as ``make messages`` would extract it now, in a copy of the project."""
    copy = tmp_path_factory.mktemp("extract") / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_SOURCES)
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")}
    env["DJANGO_SETTINGS_MODULE"] = "hanoi_creative.settings.test"
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "vi", "--no-obsolete", "-v", "0"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return polib.pofile(str(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"))


def test_every_extracted_msgid_has_a_vietnamese_translation(extracted):
    missing = [entry.msgid for entry in live_entries(extracted) if entry.msgid and not entry.translated()]
    assert missing == [], "run `make messages` after adding the Vietnamese to locale/compendium/"


def test_extraction_finds_nothing_fuzzy(extracted):
    fuzzy = [entry.msgid for entry in live_entries(extracted) if entry.msgid and "fuzzy" in entry.flags]
    assert fuzzy == []


def test_the_committed_catalogue_is_the_extracted_one(catalogue, extracted):
    assert translations(extracted) == translations(catalogue)
