"""Hostile XML in translation imports: every way of smuggling entities, DTDs or inclusions is
refused with a clear reason, reads no local file and changes nothing."""

import pytest

from tests.test_translation_exchange import _refused

pytestmark = pytest.mark.django_db

UNIT = (
    b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
    b'<file original="core.homepage:1" source-language="vi" target-language="en" datatype="plaintext">'
    b'<body><trans-unit id="title"><source>%s</source><target>%s</target></trans-unit></body></file></xliff>'
)


def xliff(prolog, source=b"x", target=b"y"):
    return b'<?xml version="1.0"?>' + prolog + UNIT % (source, target)


HOSTILE = {
    "external entity (XXE)": (
        xliff(b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', target=b"&xxe;"),
        "DOCTYPE",
    ),
    "parameter entity": (
        xliff(b'<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'),
        "DOCTYPE|well-formed",
    ),
    "external DTD": (xliff(b'<!DOCTYPE xliff SYSTEM "http://127.0.0.1:9/evil.dtd">'), "DOCTYPE"),
    "billion laughs": (
        xliff(
            b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
            target=b"&d;",
        ),
        "DOCTYPE",
    ),
    "quadratic blowup": (
        xliff(b'<!DOCTYPE x [<!ENTITY a "' + b"a" * 50_000 + b'">]>', target=b"&a;" * 1000),
        "DOCTYPE|well-formed",
    ),
    "XInclude": (
        xliff(
            b"",
            target=b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude"'
            b' href="file:///etc/passwd" parse="text"/>',
        ),
        "not supported|unsafe|include",
    ),
    "UTF-16 DOCTYPE": (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><xliff/>'.encode("utf-16"),
        "DOCTYPE|well-formed|UTF-8",
    ),
    "script in target": (xliff(b"", target=b"&lt;script&gt;alert(1)&lt;/script&gt;"), ""),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_xml_is_refused_and_reads_no_file(tmp_path, capsys, case):
    content, reason = HOSTILE[case]
    path = tmp_path / "hostile.xlf"
    path.write_bytes(content)
    err = _refused(path, capsys, reason)
    assert "root:" not in err
